"""评审结果汇总表: a program's ranking over its closed rounds, as the results screen shows it.

Every figure comes from ``results.program_results`` (the one aggregation of
``domain.scoring``), rounded half up to two places as the screen rounds it; the rounds from
``rounds.list_rounds``, the program from ``programs.get_program`` and the outcome of each
publicity from ``publicity.publicity_status``. The PDF is signed by the union and countersigned
by the committee chair (``returns.save``), so the layout leaves room for both signature boxes.
"""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

from unionDesk.domain.access import Actor
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.scoring import Aggregate, to_decimal
from unionDesk.domain.workflow import state_label
from unionDesk.reports import review_results
from unionDesk.reports.chinese import zh
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.programs import get_program
from unionDesk.services.publicity import PublicityStatus, publicity_status
from unionDesk.services.results import ResultRow, program_results
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.services.rounds import list_rounds
from unionDesk.store.db import Database

SCREEN = "ResultsDialog"  # the results screen's translation context: the same words


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """The results of the program ``request.subject_id`` over its closed rounds.

    Raises:
        ValidationFailed: no program was chosen, or it has no closed round with results.
        NotFound: the program no longer exists.
    """
    if request.subject_id is None:
        raise ValidationFailed(
            [
                problem(
                    "subject_id",
                    QT_TRANSLATE_NOOP(
                        "Validation", "Choose the award program whose review results are wanted."
                    ),
                )
            ]
        )
    program = get_program(db, actor, request.subject_id).draft
    closed = [row for row in reversed(list_rounds(db, actor, request.subject_id)) if row.closed]
    results = program_results(db, actor, request.subject_id)
    if not results.rows:
        raise ValidationFailed([_nothing_to_report(program.name, bool(closed))])
    rows = [
        _row(row, publicity_status(db, actor, row.candidate_id, today=now.date()))
        for row in results.rows
    ]
    data: DataDict = {
        "period_label": f"{program.year}年度",
        "program": {
            "id": results.program_id,
            "name": results.program_name,
            "honour_title": program.honour_title,
            "year": program.year,
            "quorum": str(program.quorum),
            "disagreement_sd": float(program.disagreement_sd),
            "publicity_days": program.publicity_days,
            "rubric": [
                {
                    "key": criterion.key,
                    "criterion": criterion.name,
                    "max_points": float(criterion.max_points),
                    "weight": float(criterion.weight),
                }
                for criterion in results.rubric.criteria
            ],
        },
        "rounds": [
            {
                "id": row.id,
                "round": row.name,
                "opens_on": row.opens_on.isoformat(),
                "closes_on": row.closes_on.isoformat(),
                "chair": row.chair,
                "reviewers": row.reviewers,
                "candidates": row.candidates,
                "finished": row.finished,
                "expected": row.expected,
            }
            for row in closed
        ],
        "totals": {
            "candidates": len(rows),
            "ranked": sum(row["rank"] is not None for row in rows),
            "insufficient": sum(row["insufficient"] for row in rows),
            "tied": sum(row["tied"] for row in rows),
            "disagreement": sum(row["disagreement"] for row in rows),
            "publicity_clear": sum(
                bool(row["publicity"] and row["publicity"]["clear"]) for row in rows
            ),
        },
        "rows": rows,
    }
    return Gathered("评审结果汇总表", data, landscape=True, subject=results.program_name)


def _nothing_to_report(program: str, has_closed_round: bool) -> Problem:
    if not has_closed_round:
        return problem(
            "subject_id",
            QT_TRANSLATE_NOOP(
                "Validation",
                "{program} has no review results yet: none of its review rounds is closed. "
                "Close a round first; scores stay sealed until then.",
            ),
            program=program,
        )
    return problem(
        "subject_id",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The closed review rounds of {program} rank no candidate: every candidate scored in "
            "them was withdrawn.",
        ),
        program=program,
    )


def _row(row: ResultRow, publicity: PublicityStatus) -> DataDict:
    figures = row.aggregate
    return {
        "rank": row.rank,
        "tied": row.tied,
        "rank_label": _rank_label(row),
        "candidate_id": row.candidate_id,
        "name": row.name,
        "category": row.category,
        "nominating_unit": row.nominating_unit,
        "round": row.round_name,
        "score": figure(figures.score),
        "score_label": zh(SCREEN, "Below quorum") if figures.insufficient else "",
        "valid_reviews": figures.valid_count,
        "reviewers": figures.reviewers,
        "mean": figure(figures.mean),
        "median": figure(figures.median),
        "stdev": figure(figures.stdev),
        "trimmed": figures.trimmed,
        "disagreement": figures.disagreement,
        "insufficient": figures.insufficient,
        "notes": _notes(figures),
        "state": state_label(row.state, zh),
        "publicity": publicity_summary(publicity),
    }


def figure(value: Fraction | float | None) -> float | None:
    """A figure rounded half up to two places as the results screen shows it; None stays."""
    return None if value is None else float(to_decimal(Fraction(value)))


def _rank_label(row: ResultRow) -> str:
    if row.rank is None:
        return "—"
    if row.tied:
        return zh(SCREEN, "Tied {rank}").format(rank=row.rank)
    return str(row.rank)


def _notes(figures: Aggregate) -> str:
    notes = []
    if figures.disagreement:
        notes.append(zh(SCREEN, "Wide disagreement"))
    if figures.trimmed:
        notes.append(zh(SCREEN, "Highest and lowest dropped"))
    return zh(SCREEN, "; ").join(notes)


def publicity_summary(status: PublicityStatus) -> DataDict | None:
    """Where a candidate's publicity stands, in the returns' words; None before it started.

    "公示期满无异议" is printed only when ``status.clear`` says so (DESIGN.md 4).
    """
    if status.start is None or status.end is None:
        return None
    if not status.ended:
        outcome = f"公示中，{status.pending} 件异议待处理" if status.pending else "公示中"
    elif status.upheld:
        outcome = "异议成立"
    elif status.pending:
        outcome = f"公示期满，{status.pending} 件异议待处理"
    else:
        outcome = "公示期满无异议"
    return {
        "start": status.start.isoformat(),
        "end": status.end.isoformat(),
        "objections": len(status.objections),
        "pending": status.pending,
        "upheld": status.upheld,
        "clear": status.clear,
        "outcome": outcome,
    }


register(ReturnType.REVIEW_RESULTS, gather, review_results.render)
