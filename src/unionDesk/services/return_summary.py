"""工会工作统计表 of a quarter or a year: members, changes, competitions, events, selection.

Figures come from the services the screens use (``competitions.list_competitions`` and
``entry_sheet``, ``event_stats.event_stats``) and, where no screen had them yet, from
``union_stats``. Sums over the lines of a table are made here, never in the layout.
"""

from __future__ import annotations

from datetime import datetime

from unionDesk.domain.access import Actor
from unionDesk.domain.competition import competition_label
from unionDesk.domain.enums import label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.periods import Period
from unionDesk.domain.workflow import CandidateState
from unionDesk.reports import summary
from unionDesk.reports.chinese import zh
from unionDesk.services.competitions import CompetitionQuery, entry_sheet, list_competitions
from unionDesk.services.database import get_union
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.event_stats import event_stats
from unionDesk.services.return_culture import day_span, stats_data
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.services.union_stats import (
    AgeBand,
    CandidateOutcomes,
    Composition,
    MembershipChanges,
    OutcomeCounts,
    candidate_outcomes,
    membership_changes,
    membership_composition,
)
from unionDesk.store.db import Database


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """The period's figures, section by section.

    Raises:
        ValidationFailed: the register is empty at the end of the period and nothing happened
            in it (no join or leave, competition, culture event or nomination).
    """
    period = request.period
    first, last = period.start, period.end
    composition = membership_composition(db, actor, last)
    changes = membership_changes(db, actor, first, last)
    competitions = _competitions(db, actor, period)
    culture = stats_data(event_stats(db, actor, first, last))
    outcomes = candidate_outcomes(db, actor, first, last)
    if not (
        composition.total
        or changes.admitted
        or changes.left
        or competitions["count"]
        or culture["events"]
        or outcomes.programs
    ):
        raise ValidationFailed(
            [
                problem(
                    "period",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "There is nothing to report for {period}: the register has no members "
                        "at its end, and no membership change, competition, culture event or "
                        "nomination falls in it. Check the period.",
                    ),
                    period=period.label,
                )
            ]
        )
    data: DataDict = {
        "as_of": last.isoformat(),
        "membership": _membership(composition),
        "changes": _changes(changes),
        "competitions": competitions,
        "culture": culture,
        "selection": _selection(outcomes),
        "sign_off": {"chair": get_union(db).chair, "date": now.date().isoformat()},
    }
    return Gathered("工会工作统计表", data)


def _membership(composition: Composition) -> DataDict:
    return {
        "total": composition.total,
        "by_sex": [{"label": label(sex, zh), "count": n} for sex, n in composition.by_sex],
        "by_age": [{"label": _band(band), "count": band.count} for band in composition.by_age],
        "by_skill": [{"label": label(s, zh), "count": n} for s, n in composition.by_skill],
        "by_political": [
            {"label": label(status, zh), "count": n} for status, n in composition.by_political
        ],
        "migrant_workers": composition.migrant_workers,
        "non_local": composition.non_local,
    }


def _band(band: AgeBand) -> str:
    if band.lowest is None:
        return f"{band.highest}岁及以下"
    if band.highest is None:
        return f"{band.lowest}岁及以上"
    return f"{band.lowest}～{band.highest}岁"


def _changes(changes: MembershipChanges) -> DataDict:
    return {
        "opening": changes.opening,
        "admitted": changes.admitted,
        "left": changes.left,
        "closing": changes.closing,
        "by_kind": [
            {"label": label(kind, zh), "count": n, "admits": kind.admits}
            for kind, n in changes.by_kind
        ],
    }


def _competitions(db: Database, actor: Actor, period: Period) -> DataDict:
    """The competitions starting in the period, oldest first, with who took part."""
    rows = [
        row
        for row in list_competitions(db, actor, CompetitionQuery(year=period.year))
        if period.contains(row.starts_on)
    ]
    items: list[DataDict] = []
    for row in sorted(rows, key=lambda r: (r.starts_on, r.id)):
        sheet = entry_sheet(db, actor, row.id)
        teams = [entry for entry in sheet.rows if entry.team_id is not None]
        items.append(
            {
                "no": len(items) + 1,
                "competition_id": row.id,
                "name": row.name,
                "type": competition_label(row.kind, zh),
                "level": competition_label(row.level, zh),
                "dates": day_span(row.starts_on, row.ends_on),
                "individuals": row.entries - len(teams),
                "teams": len(teams),
                "participants": row.entries
                - len(teams)
                + sum(len(entry.team_member_ids) for entry in teams),
            }
        )
    return {
        "count": len(items),
        "individuals": sum(item["individuals"] for item in items),
        "teams": sum(item["teams"] for item in items),
        "participants": sum(item["participants"] for item in items),
        "items": items,
    }


def _selection(outcomes: CandidateOutcomes) -> DataDict:
    approved = [d for d in outcomes.decisions if d.state is CandidateState.APPROVED]
    return {
        "programs": [
            {
                "no": number,
                "name": line.name,
                "honour_title": line.honour_title,
                "year": line.year,
                **_counts(line.counts),
            }
            for number, line in enumerate(outcomes.programs, start=1)
        ],
        "totals": _counts(outcomes.totals),
        "approved": [
            {
                "no": number,
                "name": decision.name,
                "program": decision.program,
                "honour_title": decision.honour_title,
                "category": decision.category,
                "nominating_unit": decision.nominating_unit,
                "decided_on": decision.decided_on.isoformat(),
            }
            for number, decision in enumerate(approved, start=1)
        ],
    }


def _counts(counts: OutcomeCounts) -> DataDict:
    return {
        "submitted": counts.submitted,
        "approved": counts.approved,
        "rejected": counts.rejected,
        "withdrawn": counts.withdrawn,
        "pending": counts.pending,
    }


register(ReturnType.SUMMARY, gather, summary.render)
