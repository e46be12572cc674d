"""Default data a database starts with: the official holiday calendar (调休 included).

New databases get it from ``create_schema``; older ones from the migration that added the
table. Both read the same files in ``resources/calendar/``, so the data lives in one place.
"""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection, insert

from unionDesk.store.selection_models import CalendarDay


def default_calendar_rows() -> list[dict[str, Any]]:
    """Rows of every calendar file shipped in ``resources/calendar`` (``*.json``)."""
    rows: list[dict[str, Any]] = []
    folder = files("unionDesk.resources").joinpath("calendar")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        rows.extend(
            {"day": date.fromisoformat(day["date"]), "kind": day["kind"], "name": day["name"]}
            for day in data["days"]
        )
    return rows


def insert_default_calendar(connection: Connection) -> None:
    """Add the shipped calendar days to an empty ``calendar_day`` table."""
    rows = default_calendar_rows()
    if rows:
        connection.execute(insert(CalendarDay), rows)
