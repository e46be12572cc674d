"""The ``uniondesk competitions list`` and ``uniondesk events stats`` commands.

``events stats`` prints exactly what ``services.event_stats.event_stats`` returns, the numbers
the statistics panel and the returns show. In JSON every decimal is exact text ("12.5"), never
a float, and every enum value comes as its code beside its label.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionDesk.cli import EXIT_OK, EXIT_USAGE, _refuse, _with_database
from unionDesk.cli_selection import NO_VALUE, table
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.competition import competition_label
from unionDesk.domain.culture import event_type_label, period_problems
from unionDesk.paths import AppPaths

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from unionDesk.domain.culture import PeriodStats
    from unionDesk.services.demo_activities import ActivitiesDemo

Translate = Callable[[str, str], str]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_activity_commands(commands: Any, translate: Translate) -> None:
    """Add ``competitions list`` and ``events stats`` to the top-level sub-commands."""
    competitions = commands.add_parser(
        "competitions",
        help=translate("Cli", "labour and skills competitions and the Ankang Cup"),
    )
    competition_actions = competitions.add_subparsers(dest="competitions_command", required=True)
    listing = competition_actions.add_parser(
        "list", help=translate("Cli", "list the competitions with their entries, newest first")
    )
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    listing.set_defaults(handler=_cmd_competitions)
    events = commands.add_parser("events", help=translate("Cli", "culture events for members"))
    event_actions = events.add_subparsers(dest="events_command", required=True)
    stats = event_actions.add_parser(
        "stats",
        help=translate(
            "Cli",
            "statistics of the culture events of a period (the numbers the returns print)",
        ),
    )
    stats.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        required=True,
        help=translate("Cli", "first day of the period, as YYYY-MM-DD"),
    )
    stats.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        required=True,
        help=translate("Cli", "last day of the period (included), as YYYY-MM-DD"),
    )
    stats.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    stats.set_defaults(handler=_cmd_stats)


def print_activities_demo(demo: ActivitiesDemo | None, translate: Translate) -> None:
    """Tell in one line what the demo added to the competitions and events pages."""
    if demo is None:
        return
    text = translate(
        "Cli",
        "Added {competitions} demo competitions with {entries} entries, and {events} culture "
        "events with {attendances} member attendances.",
    )
    print(
        text.format(
            competitions=len(demo.competition_ids),
            entries=demo.entries,
            events=demo.events,
            attendances=demo.attendances,
        )
    )


def exact(value: Decimal | None) -> str | None:
    """``value`` as exact decimal text without an exponent ("0.0", "12.50"); None stays None."""
    return None if value is None else format(value, "f")


# --- competitions list ----------------------------------------------------------------------


def _cmd_competitions(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    return _with_database(paths, translate, lambda db: _print_competitions(db, options, translate))


def _print_competitions(db: Any, options: argparse.Namespace, translate: Translate) -> int:
    rows = competition_listing(db, translate)
    if options.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        for line in table(_competition_header(translate), [_competition_cells(r) for r in rows]):
            print(line)
    message = translate("Cli", "Competitions found: {count}").format(count=len(rows))
    print(message, file=sys.stderr)
    return EXIT_OK


def competition_listing(db: Any, translate: Translate) -> list[dict[str, Any]]:
    """Every competition (newest first) with its entries, JSON-ready: codes beside labels."""
    from unionDesk.services.competitions import list_competitions

    listing = []
    for row in list_competitions(db, CLI_ACTOR):
        listing.append(
            {
                "id": row.id,
                "name": row.name,
                "kind": row.kind.value,
                "kind_label": competition_label(row.kind, translate),
                "trade": row.trade,
                "level": row.level.value,
                "level_label": competition_label(row.level, translate),
                "starts_on": row.starts_on.isoformat(),
                "ends_on": None if row.ends_on is None else row.ends_on.isoformat(),
                "entries": row.entries,
                "scored": row.scored,
            }
        )
    return listing


def _competition_header(translate: Translate) -> list[str]:
    return [
        translate("Cli", "ID"),
        translate("Cli", "Competition"),
        translate("Cli", "Type"),
        translate("Cli", "Trade"),
        translate("Cli", "Level"),
        translate("Cli", "Dates"),
        translate("Cli", "Entries"),
        translate("Cli", "Scored"),
    ]


def _competition_cells(row: dict[str, Any]) -> list[str]:
    dates = row["starts_on"]
    if row["ends_on"] not in (None, row["starts_on"]):
        dates = f"{dates} – {row['ends_on']}"
    return [
        str(row["id"]),
        row["name"],
        row["kind_label"],
        row["trade"] or NO_VALUE,
        row["level_label"],
        dates,
        str(row["entries"]),
        str(row["scored"]),
    ]


# --- events stats ---------------------------------------------------------------------------


def _cmd_stats(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    typed = {"--from": options.first, "--to": options.last}
    days = {option: _parse_day(text) for option, text in typed.items()}
    malformed = translate(
        "Cli", "{option} {value} is not a date. Write it as YYYY-MM-DD, for example 2026-01-31."
    )
    for option in (option for option, day in days.items() if day is None):
        print(malformed.format(option=option, value=typed[option]), file=sys.stderr)
    if None in days.values():
        return EXIT_USAGE
    first, last = days["--from"], days["--to"]
    problems = period_problems(first, last)
    if problems:
        return _refuse([p.render(translate) for p in problems])
    assert first is not None and last is not None  # checked above
    return _with_database(
        paths, translate, lambda db: _print_stats(db, first, last, options.json, translate)
    )


def _parse_day(text: str) -> date | None:
    """The day written as ``YYYY-MM-DD``; None for anything else (2026-02-30, 20260101 …)."""
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _print_stats(db: Any, first: date, last: date, as_json: bool, translate: Translate) -> int:
    from unionDesk.services.event_stats import event_stats

    stats = event_stats(db, CLI_ACTOR, first, last)
    if as_json:
        print(json.dumps(stats_document(stats, translate), ensure_ascii=False, indent=2))
    else:
        _print_stats_table(stats, translate)
    return EXIT_OK


def stats_document(stats: PeriodStats, translate: Translate) -> dict[str, Any]:
    """The statistics as JSON-ready data; decimals are exact strings, absent rates null."""
    return {
        "first": stats.first.isoformat(),
        "last": stats.last.isoformat(),
        "events": stats.events,
        "attendances": stats.attendances,
        "guests": stats.guests,
        "participants": stats.participants,
        "members": stats.members,
        "participation_rate": exact(stats.participation_rate),
        "member_hours": exact(stats.member_hours),
        "hours_per_member": exact(stats.hours_per_member),
        "by_type": [
            {
                "event_type": line.event_type.value,
                "event_type_label": event_type_label(line.event_type, translate),
                "events": line.events,
                "attendances": line.attendances,
                "guests": line.guests,
                "hours": exact(line.hours),
            }
            for line in stats.by_type
        ],
    }


def _print_stats_table(stats: PeriodStats, translate: Translate) -> None:
    heading = translate("Cli", "Culture events from {first} to {last}")
    print(heading.format(first=stats.first.isoformat(), last=stats.last.isoformat()))
    header = [
        translate("Cli", "Event type"),
        translate("Cli", "Events"),
        translate("Cli", "Member attendances"),
        translate("Cli", "Guests"),
        translate("Cli", "Member hours"),
    ]
    rows = [
        [
            event_type_label(line.event_type, translate),
            str(line.events),
            str(line.attendances),
            str(line.guests),
            format(line.hours, "f"),
        ]
        for line in stats.by_type
    ]
    total = [
        translate("Cli", "Total"),
        str(stats.events),
        str(stats.attendances),
        str(stats.guests),
        format(stats.member_hours, "f"),
    ]
    for line in table(header, [*rows, total]):
        print(line)
    print()
    for caption, value in _summary(stats, translate):
        print(caption.format(value=value))


def _summary(stats: PeriodStats, translate: Translate) -> list[tuple[str, str]]:
    rate = exact(stats.participation_rate)
    return [
        (translate("Cli", "Members who attended at least once: {value}"), str(stats.participants)),
        (translate("Cli", "Members on the register in the period: {value}"), str(stats.members)),
        (translate("Cli", "Participation rate: {value}"), NO_VALUE if rate is None else f"{rate}%"),
        (translate("Cli", "Member hours: {value}"), format(stats.member_hours, "f")),
        (
            translate("Cli", "Hours per member: {value}"),
            exact(stats.hours_per_member) or NO_VALUE,
        ),
    ]
