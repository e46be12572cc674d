"""The 上报回执清单 (receipt list): the delivered packages and their receipts, as a PDF to file.

The rows come from the outbox, read through the same ``list_items`` the outbox page shows, and
are drawn by :mod:`unionDesk.reports.receipts` from one plain dict.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from unionDesk import __version__
from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.periods import Period, parse_period
from unionDesk.services.database import get_union
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database

if TYPE_CHECKING:
    from unionDesk.services.outbox import OutboxItemView

TITLE = "上报回执清单"
TIME_FORMAT = "%Y-%m-%d %H:%M"
PACKAGE_ID_SHOWN = 12  # hex digits of the package id printed


def receipt_list_pdf(
    db: Database,
    actor: Actor,
    *,
    first: date | None = None,
    last: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The receipt list of the packages delivered from ``first`` to ``last`` (both included).

    Args:
        db: the open database.
        actor: who asks (needs the permission to make returns).
        first: the earliest upload day listed; None for no lower bound.
        last: the latest upload day listed; None for no upper bound.
        now: the "generated at" time printed (default: now).

    Raises:
        PermissionDenied: the user may not make returns.
        ValidationFailed: no package was delivered in that range.
    """
    require(actor, Permission.MAKE_RETURNS)
    from unionDesk.domain.outbox import OutboxState
    from unionDesk.reports.layout import Letterhead, build_pdf
    from unionDesk.reports.receipts import render
    from unionDesk.services.outbox import list_items

    delivered = [item for item in list_items(db, actor) if item.state is OutboxState.DELIVERED]
    data = receipt_list_data(delivered, first, last)
    if not data["items"]:
        raise ValidationFailed([_problem_nothing_delivered()])
    union = get_union(db)
    letterhead = Letterhead(
        title=TITLE,
        union_name=union.name,
        union_code=union.uscc,
        period=data["range_label"],
        generated_at=(now or datetime.now()).replace(microsecond=0),
        version=__version__,
        landscape=True,
    )
    pdf: bytes = build_pdf(letterhead, render(letterhead, data))
    return pdf


def receipt_list_data(
    delivered: Iterable[OutboxItemView], first: date | None, last: date | None
) -> dict[str, Any]:
    """The list's printed content: the range, and one row per delivered item, oldest first.

    Items without a receipt time are left out (not delivered); times are shown in local time.
    """
    received = [
        (_local(item.received_at), item)
        for item in delivered
        if item.received_at is not None and _within(_local(item.received_at).date(), first, last)
    ]
    received.sort(key=lambda pair: pair[0])
    items = [_row(number, moment, item) for number, (moment, item) in enumerate(received, 1)]
    return {"range_label": range_label(first, last), "count": len(items), "items": items}


def _row(number: int, moment: datetime, item: OutboxItemView) -> dict[str, Any]:
    return {
        "no": number,
        "title": item.title,
        "period": period_label(item.period),
        "destination": item.destination_name,
        "receipt_id": item.receipt_id,
        "received_at": moment.strftime(TIME_FORMAT),
        "package_id": item.package_id[:PACKAGE_ID_SHOWN],
    }


def range_label(first: date | None, last: date | None) -> str:
    """The upload days listed, in words: 2026-01-01 至 2026-12-31, 截至 …, … 起, or 全部."""
    if first is not None and last is not None:
        return f"{first.isoformat()} 至 {last.isoformat()}"
    if last is not None:
        return f"截至 {last.isoformat()}"
    if first is not None:
        return f"{first.isoformat()} 起"
    return "全部"


def period_label(code: str) -> str:
    """2026Q4 → 2026年第四季度, 2026 → 2026年度; anything else as it is."""
    period = parse_period(code)
    return period.label if isinstance(period, Period) else code


def _local(moment: datetime) -> datetime:
    """An aware time in this computer's zone; a naive one is taken as local already."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _within(day: date, first: date | None, last: date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _problem_nothing_delivered() -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "No package was delivered in this period, so there are no receipts to list.",
        ),
    )
