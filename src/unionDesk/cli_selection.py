"""The ``uniondesk selection`` commands: award programs with their candidates, and results.

``selection results`` prints only what ``results.program_results`` returns, that is figures of
closed rounds; nothing of an open round is ever printed. A program without a closed round is not
an error: it prints an empty ranking and a note, with exit status 0, so scripts get valid JSON.
Figures are printed with two decimals (rounded half up), in JSON as exact decimal strings.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from unionDesk.cli import EXIT_OK, _refuse, _with_database
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.review import ReviewStatus, review_label
from unionDesk.domain.scoring import Rubric, to_decimal
from unionDesk.domain.workflow import state_label
from unionDesk.paths import AppPaths

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from unionDesk.services.demo_selection import SelectionDemo
    from unionDesk.services.results import ResultRow, Results, ReviewerScore

Translate = Callable[[str, str], str]
NO_VALUE = "—"
COLUMN_GAP = "  "


def add_selection_commands(commands: Any, translate: Translate) -> None:
    """Add ``selection list`` and ``selection results`` to the top-level sub-commands."""
    selection = commands.add_parser(
        "selection", help=translate("Cli", "award programs, candidates and review results")
    )
    actions = selection.add_subparsers(dest="selection_command", required=True)
    listing = actions.add_parser(
        "list", help=translate("Cli", "list the award programs and their candidates with states")
    )
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    listing.set_defaults(handler=_cmd_list)
    results = actions.add_parser(
        "results",
        help=translate(
            "Cli",
            "ranking of a program over its closed review rounds (a program without a closed "
            "round gives an empty ranking)",
        ),
    )
    results.add_argument(
        "program_id",
        metavar="PROGRAM_ID",
        type=int,
        help=translate("Cli", "the program's id, as 'selection list' shows it"),
    )
    results.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    results.add_argument(
        "--detail",
        action="store_true",
        help=translate("Cli", "also print each reviewer's scores and recusals"),
    )
    results.set_defaults(handler=_cmd_results)


def print_selection_demo(demo: SelectionDemo | None, translate: Translate) -> None:
    """Tell what the demo added to the selection pages, and the reviewers' password (once)."""
    if demo is None:
        return
    print(
        translate("Cli", "Added {programs} demo award programs and {honours} honours.").format(
            programs=len(demo.program_ids), honours=demo.honours
        )
    )
    print(
        translate("Cli", "Demo reviewers: user names {users}, password {password}").format(
            users=", ".join(demo.reviewers), password=demo.reviewer_password
        )
    )


# --- selection list -------------------------------------------------------------------------


def _cmd_list(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    return _with_database(paths, translate, lambda db: _print_list(db, options, translate))


def _print_list(db: Any, options: argparse.Namespace, translate: Translate) -> int:
    programs = program_listing(db, translate)
    if options.json:
        print(json.dumps(programs, ensure_ascii=False, indent=2))
    else:
        for program in programs:
            _print_program(program, translate)
    message = translate("Cli", "Award programs found: {count}").format(count=len(programs))
    print(message, file=sys.stderr)
    return EXIT_OK


def program_listing(db: Any, translate: Translate) -> list[dict[str, Any]]:
    """Every program (newest year first) with its candidates and their states, JSON-ready."""
    from unionDesk.services.candidates import list_candidates
    from unionDesk.services.programs import list_programs

    return [
        {
            "id": program.id,
            "name": program.name,
            "year": program.year,
            "honour_title": program.honour_title,
            "candidates": [
                {
                    "id": row.id,
                    "name": row.name,
                    "category": row.category,
                    "nominating_unit": row.nominating_unit,
                    "state": row.state.value,
                    "state_label": state_label(row.state, translate),
                }
                for row in list_candidates(db, CLI_ACTOR, program.id)
            ],
        }
        for program in list_programs(db, CLI_ACTOR)
    ]


def _print_program(program: dict[str, Any], translate: Translate) -> None:
    candidates = program["candidates"]
    heading = translate("Cli", "Program {id}: {name} ({title}, {year}), {count} candidates")
    print(
        heading.format(
            id=program["id"],
            name=program["name"],
            title=program["honour_title"],
            year=program["year"],
            count=len(candidates),
        )
    )
    if not candidates:
        print("  " + translate("Cli", "No candidates yet."))
    header = [
        translate("Cli", "ID"),
        translate("Cli", "Name"),
        translate("Cli", "Category"),
        translate("Cli", "Nominating unit"),
        translate("Cli", "State"),
    ]
    rows = [
        [str(c["id"]), c["name"], c["category"], c["nominating_unit"], c["state_label"]]
        for c in candidates
    ]
    for line in table(header, rows) if rows else []:
        print("  " + line)
    print()


# --- selection results ----------------------------------------------------------------------


def _cmd_results(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    return _with_database(paths, translate, lambda db: _print_results(db, options, translate))


def _print_results(db: Any, options: argparse.Namespace, translate: Translate) -> int:
    from unionDesk.services.errors import NotFound, ServiceError
    from unionDesk.services.results import program_results

    try:
        results = program_results(db, CLI_ACTOR, options.program_id, detail=options.detail)
    except NotFound:
        text = translate(
            "Cli",
            "There is no award program with the id {id}. 'uniondesk selection list' shows the "
            "programs and their ids.",
        )
        return _refuse([text.format(id=options.program_id)])
    except ServiceError as error:
        return _refuse([error.problem.render(translate)])
    if options.json:
        print(json.dumps(results_document(results, translate), ensure_ascii=False, indent=2))
    elif results.rows:
        _print_ranking(results, translate)
    if not results.rows:  # beside the JSON, or instead of the table
        text = translate(
            "Cli",
            "{program} has no results yet: none of its review rounds is closed. Scores stay "
            "sealed until a round is closed.",
        )
        print(text.format(program=results.program_name), file=sys.stderr if options.json else None)
    return EXIT_OK


def results_document(results: Results, translate: Translate) -> dict[str, Any]:
    """The ranking as JSON-ready data; every figure is a string with two decimals."""
    return {
        "program_id": results.program_id,
        "program_name": results.program_name,
        "rubric": results.rubric.to_json(),
        "rows": [_row_document(row, results.rubric, translate) for row in results.rows],
    }


def _row_document(row: ResultRow, rubric: Rubric, translate: Translate) -> dict[str, Any]:
    figures = row.aggregate
    document: dict[str, Any] = {
        "rank": row.rank,
        "tied": row.tied,
        "candidate_id": row.candidate_id,
        "name": row.name,
        "category": row.category,
        "nominating_unit": row.nominating_unit,
        "round_id": row.round_id,
        "round_name": row.round_name,
        "score": figure(figures.score),
        "trimmed": figures.trimmed,
        "valid_reviews": figures.valid_count,
        "reviewers": figures.reviewers,
        "mean": figure(figures.mean),
        "median": figure(figures.median),
        "stdev": figure(figures.stdev),
        "disagreement": figures.disagreement,
        "insufficient": figures.insufficient,
        "state": row.state.value,
        "state_label": state_label(row.state, translate),
    }
    if row.reviews:
        document["reviews"] = [_review_document(r, rubric, translate) for r in row.reviews]
    return document


def _review_document(review: ReviewerScore, rubric: Rubric, translate: Translate) -> dict[str, Any]:
    submitted = review.status is ReviewStatus.SUBMITTED
    kind = review.conflict_kind
    return {
        "reviewer": review.reviewer,
        "status": review.status.value if review.status else None,
        "status_label": _status_text(review.status, translate),
        # Unsubmitted values do not count, so they are not shown as if they did.
        "values": {c.key: figure(_value(review, c.key)) for c in rubric.criteria}
        if submitted
        else {},
        "total": figure(review.total),
        "comment": review.comment if submitted else "",
        "conflict_kind": kind.value if kind else None,
        "conflict_label": review_label(kind, translate) if kind else None,
        "conflict_text": review.conflict_text,
    }


def figure(value: Fraction | Decimal | float | None) -> str | None:
    """``value`` as exact decimal text with two decimals (half up); None stays None."""
    return None if value is None else str(to_decimal(Fraction(value)))


def _value(review: ReviewerScore, key: str) -> Decimal | None:
    value = review.values.get(key)
    return None if value is None else Decimal(str(value))


def _status_text(status: ReviewStatus | None, translate: Translate) -> str:
    if status is None:
        return translate("Cli", "Not started")
    return review_label(status, translate)


def _print_ranking(results: Results, translate: Translate) -> None:
    heading = translate("Cli", "{program}: ranking over its closed review rounds")
    print(heading.format(program=results.program_name))
    print(_rubric_line(results.rubric, translate))
    print(
        translate(
            "Cli",
            "Score: with at least 5 valid reviews one highest and one lowest total are dropped "
            "before averaging; with fewer, the plain mean.",
        )
    )
    print()
    header = [
        translate("Cli", "Rank"),
        translate("Cli", "Name"),
        translate("Cli", "Category"),
        translate("Cli", "Score"),
        translate("Cli", "Valid/assigned"),
        translate("Cli", "Mean"),
        translate("Cli", "Median"),
        translate("Cli", "Std. dev."),
        translate("Cli", "Disagreement"),
        translate("Cli", "Below quorum"),
        translate("Cli", "State"),
        translate("Cli", "Round"),
    ]
    for line in table(header, [_ranking_cells(row, translate) for row in results.rows]):
        print(line)
    for row in results.rows:
        if row.reviews:
            print()
            _print_reviews(row, results.rubric, translate)


def _rubric_line(rubric: Rubric, translate: Translate) -> str:
    item = translate("Cli", "{name} (max {maximum}, weight {weight})")
    parts = [
        item.format(name=c.name, maximum=_plain(c.max_points), weight=_plain(c.weight))
        for c in rubric.criteria
    ]
    return translate("Cli", "Rubric: {criteria}").format(criteria="  ".join(parts))


def _plain(value: Decimal) -> str:
    """``20`` rather than ``20.00`` or ``2E+1``."""
    return format(value.normalize(), "f")


def _ranking_cells(row: ResultRow, translate: Translate) -> list[str]:
    figures = row.aggregate
    yes = translate("Cli", "yes")
    return [
        _rank_text(row, translate),
        row.name,
        row.category,
        figure(figures.score) or NO_VALUE,
        f"{figures.valid_count}/{figures.reviewers}",
        figure(figures.mean) or NO_VALUE,
        figure(figures.median) or NO_VALUE,
        figure(figures.stdev) or NO_VALUE,
        yes if figures.disagreement else "",
        yes if figures.insufficient else "",
        state_label(row.state, translate),
        row.round_name,
    ]


def _rank_text(row: ResultRow, translate: Translate) -> str:
    if row.rank is None:
        return NO_VALUE
    if row.tied:
        return translate("Cli", "{rank} (tied)").format(rank=row.rank)
    return str(row.rank)


def _print_reviews(row: ResultRow, rubric: Rubric, translate: Translate) -> None:
    print(translate("Cli", "Reviews of {name}").format(name=row.name))
    header = [
        translate("Cli", "Reviewer"),
        translate("Cli", "Status"),
        *(c.name for c in rubric.criteria),
        translate("Cli", "Total"),
        translate("Cli", "Comment or reason for recusal"),
    ]
    rows = [_review_cells(review, rubric, translate) for review in row.reviews]
    for line in table(header, rows):
        print("  " + line)


def _review_cells(review: ReviewerScore, rubric: Rubric, translate: Translate) -> list[str]:
    document = _review_document(review, rubric, translate)
    values = [document["values"].get(c.key) or NO_VALUE for c in rubric.criteria]
    note = document["comment"]
    if document["conflict_label"]:
        note = translate("Cli", "{kind}: {text}").format(
            kind=document["conflict_label"], text=review.conflict_text
        )
    return [
        review.reviewer,
        document["status_label"],
        *values,
        document["total"] or NO_VALUE,
        note,
    ]


# --- plain-text tables ----------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a table whose columns line up in a terminal, header first."""
    widths = [
        max(display_width(line[column]) for line in (header, *rows))
        for column in range(len(header))
    ]
    return [
        COLUMN_GAP.join(
            cell + " " * (width - display_width(cell))
            for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in (header, *rows)
    ]
