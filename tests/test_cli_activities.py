"""``uniondesk competitions list`` and ``uniondesk events stats``, run in-process."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import OFFICE, fake_id, member_draft
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from unionDesk.cli_activities import stats_document
from unionDesk.domain.competition import CompetitionLevel, CompetitionType
from unionDesk.domain.competition_form import CompetitionDraft
from unionDesk.domain.competition_scheme import ankang_preset, weighted_parts_preset
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators, translate
from unionDesk.paths import resolve_paths
from unionDesk.services.competition_entries import add_member_entries, create_team, save_scores
from unionDesk.services.competitions import create_competition
from unionDesk.services.database import create_database, open_database
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import create_event, set_attendance
from unionDesk.services.members import create_member

NOW = datetime(2026, 11, 21, 12, 0)
SKILLS = CompetitionDraft(
    name="2026年数控车工技能竞赛",
    kind=CompetitionType.SKILLS,
    trade="数控车工",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2026, 9, 8),
    ends_on=date(2026, 9, 10),
    organiser="公司工会",
    venue="实训基地",
    scheme=weighted_parts_preset(),
)
ANKANG = CompetitionDraft(
    name="2026年度“安康杯”竞赛",
    kind=CompetitionType.ANKANG,
    trade="",
    level=CompetitionLevel.DISTRICT,
    starts_on=date(2026, 5, 1),
    ends_on=None,
    organiser="公司工会",
    venue="各车间",
    scheme=ankang_preset(),
)


def event(kind: EventType, title: str, starts: datetime, hours: str, guests: int) -> EventDraft:
    return EventDraft(kind, title, starts, None, "职工之家", "公司工会", "", Decimal(hours), guests)


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture(scope="module")
def activities(tmp_path_factory):
    """Three members; two competitions; in 2026 a reading event (2 members, 1.8 hours, 3 guests)
    and a fitness event (3 members, 0.6 hours), and one reading event in 2025 (1 member).

    The skills competition has two entries, one of them fully scored; the 安康杯 one a team.
    """
    data_dir = tmp_path_factory.mktemp("activities") / "data"
    db = create_database(
        resolve_paths(data_dir), "测试工会委员会", compose_uscc("91110105MA01ABCD1")
    )
    try:
        members = [
            create_member(
                db,
                OFFICE,
                member_draft(name=name, id_number=fake_id(101 + 2 * n), card_number=f"GH-{n}"),
            )
            for n, name in enumerate(("王芳", "李强", "张敏"))
        ]
        skills = create_competition(db, OFFICE, SKILLS)
        scored, partial = add_member_entries(db, OFFICE, skills, members[:2])
        values = {"theory": Decimal("80"), "practical": Decimal("90")}
        save_scores(db, OFFICE, skills, {scored: values, partial: {"theory": Decimal("75")}})
        ankang = create_competition(db, OFFICE, ANKANG)
        create_team(db, OFFICE, ankang, "机加工车间", members[2:])
        for draft, attendees in (
            (
                event(EventType.READING, "读书分享会", datetime(2026, 3, 1, 14), "1.8", 3),
                members[:2],
            ),
            (event(EventType.FITNESS, "工间操", datetime(2026, 6, 1, 16), "0.6", 0), members),
            (
                event(EventType.READING, "往年读书会", datetime(2025, 12, 31, 9), "1", 0),
                members[:1],
            ),
        ):
            set_attendance(db, OFFICE, create_event(db, OFFICE, draft, now=NOW), attendees)
    finally:
        db.close()
    return data_dir, {"skills": skills, "ankang": ankang}


def run(data_dir, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stats_in_service(data_dir, first: date, last: date):
    db = open_database(resolve_paths(data_dir))
    try:
        return event_stats(db, OFFICE, first, last)
    finally:
        db.close()


def test_competitions_list_as_json_gives_codes_labels_and_counts(activities, capsys):
    data_dir, ids = activities

    code, out, err = run(data_dir, capsys, "competitions", "list", "--json")

    assert code == EXIT_OK
    assert json.loads(out) == [  # newest first
        {
            "id": ids["skills"],
            "name": "2026年数控车工技能竞赛",
            "kind": "skills",
            "kind_label": "Skills competition",
            "trade": "数控车工",
            "level": "enterprise",
            "level_label": "Enterprise",
            "starts_on": "2026-09-08",
            "ends_on": "2026-09-10",
            "entries": 2,
            "scored": 1,
        },
        {
            "id": ids["ankang"],
            "name": "2026年度“安康杯”竞赛",
            "kind": "ankang",
            "kind_label": "Ankang Cup",
            "trade": "",
            "level": "district",
            "level_label": "District",
            "starts_on": "2026-05-01",
            "ends_on": None,
            "entries": 1,
            "scored": 0,
        },
    ]
    assert "Competitions found: 2" in err


def test_competitions_list_prints_one_line_per_competition(activities, capsys):
    data_dir, ids = activities

    code, out, _ = run(data_dir, capsys, "competitions", "list")

    assert code == EXIT_OK
    header, skills, ankang = out.splitlines()
    assert header.split() == [
        "ID",
        "Competition",
        "Type",
        "Trade",
        "Level",
        "Dates",
        "Entries",
        "Scored",
    ]
    assert skills.split() == [
        str(ids["skills"]),
        "2026年数控车工技能竞赛",
        "Skills",
        "competition",
        "数控车工",
        "Enterprise",
        "2026-09-08",
        "–",
        "2026-09-10",
        "2",
        "1",
    ]
    assert ankang.split() == [
        str(ids["ankang"]),
        "2026年度“安康杯”竞赛",
        "Ankang",
        "Cup",
        "—",
        "District",
        "2026-05-01",
        "1",
        "0",
    ]


def test_stats_as_json_are_the_service_numbers(activities, capsys):
    data_dir, _ = activities

    code, out, _ = run(
        data_dir, capsys, "events", "stats", "--from", "2026-01-01", "--to", "2026-11-21", "--json"
    )

    assert code == EXIT_OK
    document = json.loads(out)
    expected = stats_in_service(data_dir, date(2026, 1, 1), date(2026, 11, 21))
    assert document == stats_document(expected, translate)
    assert {key: document[key] for key in list(document)[:10]} == {
        "first": "2026-01-01",
        "last": "2026-11-21",
        "events": 2,
        "attendances": 5,
        "guests": 3,
        "participants": 3,
        "members": 3,
        "participation_rate": "100.0",
        "member_hours": "5.4",  # 2 x 1.8 + 3 x 0.6
        "hours_per_member": "1.80",  # kept exact: not 1.8
    }


def test_stats_as_json_list_every_event_type_with_exact_hours(activities, capsys):
    data_dir, _ = activities

    _, out, _ = run(
        data_dir, capsys, "events", "stats", "--from", "2026-01-01", "--to", "2026-11-21", "--json"
    )

    by_type = {line["event_type"]: line for line in json.loads(out)["by_type"]}
    assert list(by_type) == [kind.value for kind in EventType]
    assert by_type["reading"] == {
        "event_type": "reading",
        "event_type_label": "Reading activity / workers' library",
        "events": 1,
        "attendances": 2,
        "guests": 3,
        "hours": "3.6",
    }
    assert by_type["fitness"]["hours"] == "1.8"
    assert by_type["mental_care"] == {**by_type["mental_care"], "events": 0, "hours": "0.0"}


def test_stats_count_only_events_in_the_period(activities, capsys):
    data_dir, _ = activities

    _, out, _ = run(
        data_dir, capsys, "events", "stats", "--from", "2025-12-31", "--to", "2026-03-01", "--json"
    )

    document = json.loads(out)
    assert (document["events"], document["attendances"], document["member_hours"]) == (
        2,
        3,
        "4.6",
    )


def test_stats_as_text_print_the_service_numbers(activities, capsys):
    data_dir, _ = activities

    code, out, _ = run(
        data_dir, capsys, "events", "stats", "--from", "2026-01-01", "--to", "2026-11-21"
    )

    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "Culture events from 2026-01-01 to 2026-11-21"
    rows = {line.split("  ")[0]: line.split() for line in lines[2:11]}
    assert rows["Reading activity / workers' library"][-4:] == ["1", "2", "3", "3.6"]
    assert rows["Total"] == ["Total", "2", "5", "3", "5.4"]
    assert lines[-5:] == [
        "Members who attended at least once: 3",
        "Members on the register in the period: 3",
        "Participation rate: 100.0%",
        "Member hours: 5.4",
        "Hours per member: 1.80",
    ]


def test_stats_of_an_empty_register_have_no_rates(tmp_path, capsys):
    data_dir = tmp_path / "data"
    create_database(
        resolve_paths(data_dir), "测试工会委员会", compose_uscc("91110105MA01ABCD1")
    ).close()

    code, out, _ = run(
        data_dir, capsys, "events", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--json"
    )

    document = json.loads(out)
    assert code == EXIT_OK
    assert (document["members"], document["participation_rate"], document["hours_per_member"]) == (
        0,
        None,
        None,
    )
    assert document["member_hours"] == "0.0"


@pytest.mark.parametrize(
    ("first", "last", "wrong"),
    [
        ("2026-02-30", "2026-03-01", "--from 2026-02-30"),
        ("2026-01-01", "2026/12/31", "--to 2026/12/31"),
        ("20260101", "2026-12-31", "--from 20260101"),
    ],
)
def test_a_malformed_date_is_a_usage_error_naming_the_option(
    activities, capsys, first, last, wrong
):
    data_dir, _ = activities

    code, out, err = run(data_dir, capsys, "events", "stats", "--from", first, "--to", last)

    assert code == EXIT_USAGE
    assert out == ""
    assert err.strip() == f"{wrong} is not a date. Write it as YYYY-MM-DD, for example 2026-01-31."


def test_a_period_ending_before_it_starts_is_refused(activities, capsys):
    data_dir, _ = activities

    code, out, err = run(
        data_dir, capsys, "events", "stats", "--from", "2026-12-31", "--to", "2026-01-01"
    )

    assert (code, out) == (EXIT_REFUSED, "")
    assert "The period ends on 2026-01-01, before it starts on 2026-12-31." in err


def test_a_period_over_ten_years_is_refused(activities, capsys):
    data_dir, _ = activities

    code, _, err = run(
        data_dir, capsys, "events", "stats", "--from", "2010-01-01", "--to", "2026-01-01"
    )

    assert code == EXIT_REFUSED
    assert "longer than 10 years" in err


def test_stats_without_the_last_day_is_a_usage_error(activities, capsys):
    data_dir, _ = activities

    with pytest.raises(SystemExit) as stopped:
        run(data_dir, capsys, "events", "stats", "--from", "2026-01-01")

    assert stopped.value.code == EXIT_USAGE


def test_competitions_without_a_database_are_refused(tmp_path, capsys):
    code, _, err = run(tmp_path / "nothing", capsys, "competitions", "list")

    assert code == EXIT_REFUSED
    assert "init" in err
