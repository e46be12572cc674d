"""``uniondesk selection list|results``, run in-process: what is printed, and what never is."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import OFFICE, fake_id, member_draft
from selection_helpers import (
    REVIEW_DAY,
    ROUND_CLOSES,
    ROUND_OPENS,
    make_candidates,
    make_program,
    make_round,
    scores,
    submit_scores,
)
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, main
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.review import ConflictKind
from unionDesk.domain.scoring import to_decimal
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.candidates import list_candidates
from unionDesk.services.database import create_database, open_database
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member
from unionDesk.services.results import program_results
from unionDesk.services.reviews import recuse
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.services.users import log_in

# Weights equal maximums on the 北京大工匠 rubric, so a review's total is the sum of its values.
EIGHTY = scores("16", "32", "20", "12")
NINETY = scores("18", "36", "22.5", "13.5")
SEVENTY = scores("14", "28", "17.5", "10.5")
SIXTY = scores("12", "24", "15", "9")
# Scores in the open round, recognisable anywhere they might leak: total 7.70.
SEALED = scores("1.1", "2.2", "3.3", "1.1")
SEALED_TEXTS = ("7.70", "1.10", "2.20", "3.30")
OPEN_ROUND_NAMES = ("欧阳明月", "司马长风")


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture(scope="module")
def selection(tmp_path_factory):
    """A program with a closed round (a tie and a recusal) and an open round with scores.

    Closed round, three reviewers: candidates 0 and 1 get 80, 90 and 70 (tied, mean 80), and
    candidate 2 gets 60 and 70 with the third reviewer recused (mean 65). A second program has
    no round at all.
    """
    data_dir = tmp_path_factory.mktemp("selection") / "data"
    db = create_database(
        resolve_paths(data_dir), "测试工会委员会", compose_uscc("91110105MA01ABCD1")
    )
    try:
        setup = make_round(db, candidates=3, reviewers=3)
        first, second, third = setup.candidate_ids
        for candidate_id in (first, second):
            for reviewer, values in zip(setup.reviewers, (EIGHTY, NINETY, SEVENTY), strict=True):
                submit_scores(db, setup, reviewer, candidate_id, values)
        submit_scores(db, setup, setup.reviewers[0], third, SIXTY)
        submit_scores(db, setup, setup.reviewers[1], third, SEVENTY)
        recuse(
            db,
            setup.reviewers[2],
            setup.round_id,
            third,
            ConflictKind.RELATIVE,
            "表兄弟",
            today=REVIEW_DAY,
        )
        close_round(db, OFFICE, setup.round_id)
        _open_round(db, setup)
        empty_program = make_program(db, "most_beautiful_worker")
    finally:
        db.close()
    return data_dir, setup, empty_program


def _open_round(db, setup) -> None:
    """Two more candidates of the same program in a round still open, every review submitted."""
    member_ids = []
    for number, name in enumerate(OPEN_ROUND_NAMES):
        draft = member_draft(
            name=name,
            id_number=fake_id(901 + 2 * number, birth=date(1982, 3, 4)),
            card_number=f"GH-O-{number:05d}",
            skill_level=SkillLevel.SENIOR_TECHNICIAN,
            work_start_date=date(2005, 7, 1),
        )
        member_ids.append(create_member(db, OFFICE, draft, today=REVIEW_DAY))
        honour = HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2020, "北京市朝阳区人民政府")
        add_honour(db, OFFICE, member_ids[-1], honour, today=REVIEW_DAY)
    candidate_ids = make_candidates(db, setup.program_id, member_ids)
    reviewer_ids = tuple(r.user_id for r in setup.reviewers)
    draft = RoundDraft(
        setup.program_id,
        "第二轮评审",
        ROUND_OPENS,
        ROUND_CLOSES,
        reviewer_ids[0],
        reviewer_ids,
        tuple(candidate_ids),
    )
    open_round = replace(setup, round_id=create_round(db, OFFICE, draft))
    for reviewer in setup.reviewers:
        for candidate_id in candidate_ids:
            submit_scores(db, open_round, reviewer, candidate_id, SEALED)


def run(data_dir, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "selection", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_prints_each_program_with_its_candidates_and_states(selection, capsys):
    data_dir, _, _ = selection

    code, out, _ = run(data_dir, capsys, "list")

    assert code == EXIT_OK
    assert "2026年北京大工匠选树" in out and "2026年最美劳动者评选" in out
    lines = {line.split()[1]: line for line in out.splitlines() if re.match(r"\s+\d+\s", line)}
    assert set(lines) == {"王建国", "李秀英", "张卫东", *OPEN_ROUND_NAMES}
    assert lines["王建国"].endswith("Scored")
    assert lines["欧阳明月"].endswith("Under review")


def test_list_as_json_gives_every_candidate_with_its_state(selection, capsys):
    data_dir, setup, empty_program = selection

    code, out, _ = run(data_dir, capsys, "list", "--json")

    assert code == EXIT_OK
    programs = {p["id"]: p for p in json.loads(out)}
    assert programs[empty_program]["candidates"] == []
    listed = programs[setup.program_id]
    assert (listed["year"], listed["honour_title"]) == (2026, "北京大工匠")
    db = open_database(resolve_paths(data_dir))
    try:
        expected = list_candidates(db, OFFICE, setup.program_id)
    finally:
        db.close()
    assert [(c["id"], c["name"], c["category"], c["state"]) for c in listed["candidates"]] == [
        (row.id, row.name, row.category, row.state.value) for row in expected
    ]
    assert {c["state_label"] for c in listed["candidates"]} == {"Scored", "Under review"}


def test_results_print_the_hand_computed_ranking(selection, capsys):
    data_dir, setup, _ = selection

    code, out, _ = run(data_dir, capsys, "results", str(setup.program_id))

    assert code == EXIT_OK
    rows = [line.split() for line in out.splitlines() if re.match(r"(\d|—) ", line)]
    # rank (tied) | name | category | score | valid/assigned | mean | median | std. dev. | ...
    assert [row[:2] for row in rows] == [["1", "(tied)"], ["1", "(tied)"], ["3", "张卫东"]]
    assert rows[0][4:9] == ["80.00", "3/3", "80.00", "80.00", "8.16"]
    assert rows[2][3:8] == ["65.00", "2/3", "65.00", "65.00", "5.00"]


def test_results_as_json_equal_the_program_results(selection, capsys):
    data_dir, setup, _ = selection

    code, out, _ = run(data_dir, capsys, "results", str(setup.program_id), "--json")

    assert code == EXIT_OK
    printed = json.loads(out)
    expected = _program_results(data_dir, setup.program_id, detail=False)
    assert printed["rubric"] == expected.rubric.to_json()
    assert [_figures(row) for row in printed["rows"]] == [
        {
            "rank": row.rank,
            "tied": row.tied,
            "candidate_id": row.candidate_id,
            "score": _two(row.aggregate.score),
            "valid_reviews": row.aggregate.valid_count,
            "reviewers": row.aggregate.reviewers,
            "mean": _two(row.aggregate.mean),
            "median": _two(row.aggregate.median),
            "stdev": _two(Fraction(row.aggregate.stdev)),
            "disagreement": row.aggregate.disagreement,
            "insufficient": row.aggregate.insufficient,
            "state": row.state.value,
        }
        for row in expected.rows
    ]
    assert [row["score"] for row in printed["rows"]] == ["80.00", "80.00", "65.00"]
    assert "reviews" not in printed["rows"][0]


def test_results_with_detail_as_json_give_each_reviewers_scores(selection, capsys):
    data_dir, setup, _ = selection

    code, out, _ = run(data_dir, capsys, "results", str(setup.program_id), "--json", "--detail")

    assert code == EXIT_OK
    printed = {row["candidate_id"]: row["reviews"] for row in json.loads(out)["rows"]}
    expected = _program_results(data_dir, setup.program_id, detail=True)
    for row in expected.rows:
        assert [r["total"] for r in printed[row.candidate_id]] == [
            None if r.total is None else _two(r.total) for r in row.reviews
        ]
    first_reviews = printed[setup.candidate_ids[0]]
    assert first_reviews[0]["values"] == {
        "conduct": "16.00",
        "skill": "32.00",
        "innovation": "20.00",
        "example": "12.00",
    }
    recused = printed[setup.candidate_ids[2]][2]
    assert (recused["status"], recused["conflict_kind"], recused["conflict_text"]) == (
        "recused",
        "relative",
        "表兄弟",
    )
    assert recused["values"] == {} and recused["total"] is None


def test_results_show_reviewers_only_with_detail(selection, capsys):
    data_dir, setup, _ = selection

    _, plain, _ = run(data_dir, capsys, "results", str(setup.program_id))
    _, detailed, _ = run(data_dir, capsys, "results", str(setup.program_id), "--detail")

    assert "评委1" not in plain and "32.00" not in plain
    assert "Reviews of 张卫东" in detailed
    reviewer_lines = [line.split() for line in detailed.splitlines() if "评委" in line]
    assert ["评委1", "Submitted", "16.00", "32.00", "20.00", "12.00", "80.00"] in reviewer_lines
    assert any(
        line[:3] == ["评委3", "Recused", "—"] and "表兄弟" in line for line in reviewer_lines
    )


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--json"),
        ("results", "{program}"),
        ("results", "{program}", "--json"),
        ("results", "{program}", "--detail"),
        ("results", "{program}", "--json", "--detail"),
    ],
)
def test_nothing_of_the_open_round_is_printed(selection, capsys, args):
    data_dir, setup, _ = selection

    code, out, err = run(data_dir, capsys, *(a.format(program=setup.program_id) for a in args))

    assert code == EXIT_OK
    assert not [text for text in SEALED_TEXTS if text in out + err]
    if args[0] == "results":
        assert not [name for name in OPEN_ROUND_NAMES if name in out + err]
        assert "第二轮评审" not in out


def test_a_program_without_a_closed_round_gives_an_empty_ranking(selection, capsys):
    data_dir, _, empty_program = selection

    code, out, err = run(data_dir, capsys, "results", str(empty_program), "--json")

    assert code == EXIT_OK
    assert json.loads(out)["rows"] == []
    assert "none of its review rounds is closed" in err


def test_a_program_without_a_closed_round_says_so_in_plain_text(selection, capsys):
    data_dir, _, empty_program = selection

    code, out, _ = run(data_dir, capsys, "results", str(empty_program))

    assert code == EXIT_OK
    assert "2026年最美劳动者评选 has no results yet" in out


def test_an_unknown_program_id_is_refused_with_a_message(selection, capsys):
    data_dir, _, _ = selection

    code, out, err = run(data_dir, capsys, "results", "999")

    assert code == EXIT_REFUSED
    assert out == ""
    assert "There is no award program with the id 999." in err


def test_a_program_id_that_is_not_a_number_is_a_usage_error(selection, capsys):
    data_dir, _, _ = selection

    with pytest.raises(SystemExit) as stopped:
        run(data_dir, capsys, "results", "abc")

    assert stopped.value.code == 2


def test_selection_without_a_database_is_refused(tmp_path, capsys):
    code, _, err = run(tmp_path / "nothing", capsys, "list")

    assert code == EXIT_REFUSED
    assert "init" in err


def test_demo_prints_a_reviewer_password_that_logs_in(tmp_path, capsys):
    data_dir = tmp_path / "demo"
    assert main(["--data-dir", str(data_dir), "demo", "--members", "200"]) == EXIT_OK

    out = capsys.readouterr().out
    (password,) = re.findall(r"Demo reviewers: user names pw1, .*pw7, password (\S+)", out)
    db = open_database(resolve_paths(data_dir))
    try:
        assert log_in(db, "pw7", password).actor.username == "pw7"
    finally:
        db.close()


def _program_results(data_dir, program_id, *, detail):
    db = open_database(resolve_paths(data_dir))
    try:
        return program_results(db, OFFICE, program_id, detail=detail)
    finally:
        db.close()


def _two(value):
    return None if value is None else str(to_decimal(value))


def _figures(row):
    keys = (
        "rank",
        "tied",
        "candidate_id",
        "score",
        "valid_reviews",
        "reviewers",
        "mean",
        "median",
        "stdev",
        "disagreement",
        "insufficient",
        "state",
    )
    return {key: row[key] for key in keys}
