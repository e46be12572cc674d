"""The demo's competitions and culture events: every activities screen has something to show."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.competition import CompetitionType, Prize
from unionDesk.domain.competition_scheme import SchemeKind, ankang_preset, weighted_parts_preset
from unionDesk.domain.culture import EventType
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services import demo, demo_activities
from unionDesk.services.audit import AuditFilter, query_audit, verify_chain
from unionDesk.services.competitions import entry_sheet, get_competition, list_competitions
from unionDesk.services.database import create_database
from unionDesk.services.demo import fill_demo
from unionDesk.services.demo_activities import TODAY, fill_activities_demo
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import EventQuery, attendance_rows, get_event, list_events
from unionDesk.services.honours import list_honours
from unionDesk.services.members import fetch_rows

MEMBERS = 300  # enough for 30 entrants, the teams and the events; 2,000 only adds rows
YEAR_START = date(2026, 1, 1)


def new_database(folder):
    paths = resolve_paths(folder / "data")
    return create_database(paths, "示范工会委员会", compose_uscc("91110105MA01DEMA1"))


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One demo database for the whole module."""
    db = new_database(tmp_path_factory.mktemp("demo"))
    result = fill_demo(db, MEMBERS, activities=True)
    yield db, result.activities
    db.close()


@pytest.fixture(scope="module")
def demo_db(filled):
    return filled[0]


@pytest.fixture(scope="module")
def added(filled):
    assert filled[1] is not None
    return filled[1]


@pytest.fixture(scope="module")
def competitions(demo_db):
    """Competition rows by type; the demo has one of each but two skills competitions."""
    rows = list_competitions(demo_db, CLI_ACTOR)
    return {(row.kind, row.level.value): row for row in rows}


def sheet(db, row):
    return entry_sheet(db, CLI_ACTOR, row.id)


def test_the_demo_day_is_the_member_demo_day():
    assert demo_activities.TODAY == demo.TODAY


def test_four_competitions_are_added(added, demo_db):
    listed = list_competitions(demo_db, CLI_ACTOR)

    assert sorted(row.id for row in listed) == sorted(added.competition_ids)
    assert {row.kind for row in listed} == {
        CompetitionType.ANKANG,
        CompetitionType.SKILLS,
        CompetitionType.LABOUR,
    }


def test_the_ankang_cup_scores_each_workshop_team_against_the_pass_mark(demo_db, competitions):
    row = competitions[(CompetitionType.ANKANG, "enterprise")]
    scored = sheet(demo_db, row)

    assert scored.scheme == ankang_preset()
    assert scored.scheme.pass_threshold == Decimal(90)
    assert {entry.name for entry in scored.rows} == {
        "机加工车间",
        "装配车间",
        "焊接车间",
        "质检部",
        "设备动力部",
        "综合管理部",
    }
    assert all(entry.team_id is not None and len(entry.team_members) == 4 for entry in scored.rows)
    assert all(entry.passed == (entry.total >= 90) for entry in scored.rows)
    assert row.scored == row.entries == 6


def test_each_ankang_team_is_made_of_its_workshop(demo_db, competitions):
    scored = sheet(demo_db, competitions[(CompetitionType.ANKANG, "enterprise")])

    for entry in scored.rows:
        assert all(path.startswith(entry.name) for path in entry.department.split("、"))


def test_the_skills_competition_has_30_entrants_scored_30_70(demo_db, competitions):
    row = competitions[(CompetitionType.SKILLS, "enterprise")]
    scored = sheet(demo_db, row)

    assert scored.scheme == weighted_parts_preset()
    assert len(scored.rows) == row.entries == 29  # the 30th withdrew
    assert row.scored == 29
    assert all(entry.member_id is not None for entry in scored.rows)
    assert sorted(entry.rank for entry in scored.rows)[:5] == [1, 2, 3, 3, 5]


def test_the_tie_on_third_place_shares_the_second_prize(demo_db, competitions):
    scored = sheet(demo_db, competitions[(CompetitionType.SKILLS, "enterprise")])
    prizes = [entry.prize for entry in sorted(scored.rows, key=lambda entry: entry.rank)]

    assert (
        prizes[:12]
        == [Prize.FIRST] + [Prize.SECOND] * 3 + [Prize.THIRD] * 2 + [Prize.EXCELLENCE] * 6
    )
    assert set(prizes[12:]) == {None}
    tied = [entry for entry in scored.rows if entry.tied]
    assert len(tied) == 2 and tied[0].total == tied[1].total


def test_the_first_prize_is_recorded_as_the_winners_honour(demo_db, competitions):
    scored = sheet(demo_db, competitions[(CompetitionType.SKILLS, "enterprise")])
    (winner,) = [entry for entry in scored.rows if entry.prize is Prize.FIRST]

    titles = [view.draft.title for view in list_honours(demo_db, CLI_ACTOR, winner.member_id)]

    assert "2026年数控车工技能竞赛一等奖" in titles


def test_the_team_competition_scores_teams_of_five(demo_db, competitions):
    row = competitions[(CompetitionType.LABOUR, "enterprise")]
    scored = sheet(demo_db, row)

    assert scored.scheme.kind is SchemeKind.WEIGHTED_PARTS
    assert len(scored.rows) >= 5
    assert all(len(entry.team_members) == 5 for entry in scored.rows)
    assert row.scored == row.entries == len(scored.rows)
    assert {entry.prize for entry in scored.rows} >= {Prize.FIRST, Prize.SECOND, Prize.THIRD}


def test_the_district_competition_after_today_is_not_scored_yet(demo_db, competitions):
    row = competitions[(CompetitionType.SKILLS, "district")]

    assert row.starts_on > TODAY
    assert (row.entries, row.scored) == (4, 0)
    assert get_competition(demo_db, CLI_ACTOR, row.id).draft.trade == "焊工"


def test_the_entry_count_matches_what_was_added(added, competitions):
    listed = sum(row.entries for row in competitions.values())

    assert added.entries == listed + 1  # the withdrawn entrant is not listed


def test_events_of_every_type_fill_the_year_up_to_today(demo_db, added):
    events = list_events(demo_db, CLI_ACTOR, EventQuery())

    assert len(events) == added.events >= 40
    assert {row.event_type for row in events} == set(EventType)
    assert all(YEAR_START <= row.starts_at.date() <= TODAY for row in events)
    assert {row.starts_at.month for row in events} == set(range(1, 12))
    assert all(row.hours is not None and row.hours > 0 for row in events)
    assert sum(row.guests for row in events) > 0


def test_the_statistics_count_every_attendance_added(demo_db, added):
    stats = event_stats(demo_db, CLI_ACTOR, YEAR_START, TODAY)

    assert (stats.events, stats.attendances) == (added.events, added.attendances)
    assert 0 < stats.participants <= stats.members
    assert stats.member_hours > 0


def test_a_whole_workshop_attends_the_workplace_exercises(demo_db):
    fitness = list_events(demo_db, CLI_ACTOR, EventQuery(event_type=EventType.FITNESS))
    monthly = [row for row in fitness if row.title.endswith("工间操集中练习")]

    assert len(monthly) == 11
    for row in monthly:
        workshops = {
            a.department.split("/")[0] for a in attendance_rows(demo_db, CLI_ACTOR, row.id)
        }
        assert len(workshops) == 1
        assert row.attendees >= 5


def test_attendees_had_joined_by_the_day_of_the_event(demo_db):
    for row in list_events(demo_db, CLI_ACTOR, EventQuery()):
        attendees = get_event(demo_db, CLI_ACTOR, row.id).attendee_ids
        joined = [member.join_date for member in fetch_rows(demo_db, CLI_ACTOR, sorted(attendees))]
        assert all(day <= row.starts_at.date() for day in joined), row.title


def test_everything_is_audited_and_the_chain_verifies(demo_db, added):
    def count(record_type):
        return len(
            query_audit(demo_db, CLI_ACTOR, AuditFilter(record_type=record_type, limit=10**6))
        )

    assert count("competition") == len(added.competition_ids)
    assert count("event") >= 2 * added.events - 1  # created, then attendance set (if any)
    assert count("competition_entry") > 0
    assert verify_chain(demo_db).ok


def test_a_second_run_adds_nothing(demo_db, added):
    assert fill_activities_demo(demo_db) is None

    assert len(list_competitions(demo_db, CLI_ACTOR)) == len(added.competition_ids)


def test_too_few_members_add_nothing(tmp_path):
    db = new_database(tmp_path)
    try:
        result = fill_demo(db, demo_activities.MIN_MEMBERS // 2, activities=True)

        assert result.activities is None
        assert list_competitions(db, CLI_ACTOR) == []
        assert list_events(db, CLI_ACTOR, EventQuery()) == []
    finally:
        db.close()


def test_the_same_seed_gives_the_same_activities(tmp_path, demo_db):
    again = new_database(tmp_path)
    try:
        fill_demo(again, MEMBERS, activities=True)

        def content(db):
            events = [
                (row.title, row.starts_at, row.attendees, row.guests)
                for row in list_events(db, CLI_ACTOR, EventQuery())
            ]
            totals = [
                [(entry.name, entry.total) for entry in sheet(db, row).rows]
                for row in list_competitions(db, CLI_ACTOR)
            ]
            return events, totals

        assert content(again) == content(demo_db)
    finally:
        again.close()
