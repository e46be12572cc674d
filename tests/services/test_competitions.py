"""Competitions against a real database: the register, the score sheet, history and access.

Totals, ranks and prizes are hand-computed in the comments; entries are made and scored
through the real services (``competition_entries``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from activity_helpers import (
    COMPETITION_NAME,
    OFFICER,
    REVIEWER,
    VIEWER,
    competition_draft,
    enter_members,
    make_competition,
    make_members,
    member_name,
    scores,
)
from helpers import OFFICE
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import (
    Part,
    RubricItem,
    SchemeKind,
    ScoringScheme,
    ankang_preset,
    weighted_parts_preset,
)
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.competition_entries import create_team, save_scores, withdraw_entry
from unionDesk.services.competitions import (
    CompetitionQuery,
    HistoryRow,
    competition_history,
    create_competition,
    delete_competition,
    entry_sheet,
    get_competition,
    list_competitions,
    update_competition,
)
from unionDesk.services.departments import add_department
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.db import Database

D = Decimal


def audit_of(db: Database, record_type: str) -> list[AuditView]:
    return list(reversed(query_audit(db, OFFICE, AuditFilter(record_type=record_type))))


def outcome(db: Database, competition_id: int) -> dict[int, tuple[object, ...]]:
    """Entry id -> (total, rank, tied, prize, passed) from the score sheet."""
    return {
        row.entry_id: (row.total, row.rank, row.tied, row.prize, row.passed)
        for row in entry_sheet(db, OFFICE, competition_id).rows
    }


# The form ------------------------------------------------------------------------------------


def test_a_created_competition_reads_back_cleaned(db: Database) -> None:
    typed = competition_draft(name="  2026年 数控车工技能竞赛 ", venue=" 实训中心 ", notes=" 备注 ")

    competition_id = make_competition(db, name=typed.name, venue=typed.venue, notes=typed.notes)

    detail = get_competition(db, VIEWER, competition_id)
    assert detail.id == competition_id
    assert detail.draft == replace(
        typed, name="2026年 数控车工技能竞赛", venue="实训中心", notes="备注"
    )


def test_a_rubric_with_pass_mark_and_bands_survives_the_round_trip(db: Database) -> None:
    bands = (PrizeBand(Prize.FIRST, 2), PrizeBand(Prize.EXCELLENCE, 5))
    draft = competition_draft(
        ankang_preset(), kind=CompetitionType.ANKANG, trade="", prize_bands=bands
    )

    competition_id = create_competition(db, OFFICE, draft)

    assert get_competition(db, OFFICE, competition_id).draft == draft


def test_every_problem_of_the_form_is_reported_by_field(db: Database) -> None:
    draft = competition_draft(
        name=" ",
        kind=None,
        level=None,
        starts_on=date(2026, 5, 12),
        ends_on=date(2026, 5, 11),
        scheme=replace(weighted_parts_preset(), parts=()),
        prize_bands=(PrizeBand(Prize.SECOND, 1), PrizeBand(Prize.FIRST, 1)),
        venue="场" * 101,
    )

    with pytest.raises(ValidationFailed) as caught:
        create_competition(db, OFFICE, draft)

    fields = caught.value.by_field()
    assert list(fields) == [
        "name",
        "kind",
        "level",
        "ends_on",
        "venue",
        "scheme",
        "prize_bands.1.prize",
    ]
    assert "2026-05-11" in fields["ends_on"][0] and "2026-05-12" in fields["ends_on"][0]
    assert list_competitions(db, OFFICE) == []


def test_a_missing_start_date_is_refused(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        make_competition(db, starts_on=None, ends_on=None)
    assert list(caught.value.by_field()) == ["starts_on"]


def test_scheme_problems_name_the_line(db: Database) -> None:
    scheme = ScoringScheme(
        SchemeKind.WEIGHTED_PARTS,
        parts=(Part("theory", "理论知识", D(100), D(30)), Part("practical", "", D(0), D(70))),
    )

    with pytest.raises(ValidationFailed) as caught:
        make_competition(db, scheme)

    assert set(caught.value.by_field()) == {"scheme.parts.1.name", "scheme.parts.1.max_points"}


def test_creating_a_competition_is_audited(db: Database) -> None:
    competition_id = create_competition(db, OFFICER, competition_draft())

    [entry] = audit_of(db, "competition")
    assert (entry.action, entry.actor, entry.record_id) == (
        Action.CREATE,
        "luru",
        str(competition_id),
    )
    assert entry.summary == COMPETITION_NAME
    assert entry.changes["kind"] == [None, "skills"]
    assert '"theory"' in entry.changes["scheme"][1]


# Editing -------------------------------------------------------------------------------------


def test_an_edit_is_saved_and_audited_with_before_and_after(db: Database) -> None:
    competition_id = make_competition(db)

    update_competition(
        db, OFFICER, competition_id, competition_draft(level=CompetitionLevel.DISTRICT)
    )

    assert get_competition(db, OFFICE, competition_id).draft.level is CompetitionLevel.DISTRICT
    entry = audit_of(db, "competition")[-1]
    assert (entry.action, entry.changes) == (Action.UPDATE, {"level": ["enterprise", "district"]})


def test_the_scheme_may_change_while_nothing_is_scored(db: Database) -> None:
    competition_id = make_competition(db)
    enter_members(db, competition_id, make_members(db, 1))

    update_competition(db, OFFICE, competition_id, competition_draft(ankang_preset()))

    assert get_competition(db, OFFICE, competition_id).draft.scheme == ankang_preset()


def test_the_scheme_cannot_change_once_an_entry_has_a_score(db: Database) -> None:
    competition_id = make_competition(db)
    [entry_id] = enter_members(db, competition_id, make_members(db, 1))
    save_scores(db, OFFICE, competition_id, {entry_id: {"theory": D(80)}})
    heavier_theory = replace(
        weighted_parts_preset(),
        parts=(
            Part("theory", "理论知识", D(100), D(40)),
            Part("practical", "实际操作", D(100), D(60)),
        ),
    )

    with pytest.raises(ValidationFailed) as caught:
        update_competition(
            db, OFFICE, competition_id, competition_draft(heavier_theory, venue="新场地")
        )

    [message] = caught.value.by_field()["scheme"]
    assert "scored entries: 1" in message
    detail = get_competition(db, OFFICE, competition_id).draft
    assert (detail.scheme, detail.venue) == (weighted_parts_preset(), "职工技能实训中心")


def test_line_names_and_prize_bands_may_change_after_scores(db: Database) -> None:
    competition_id = make_competition(db)
    [entry_id] = enter_members(db, competition_id, make_members(db, 1))
    save_scores(db, OFFICE, competition_id, {entry_id: scores("80", "90")})
    renamed = replace(
        weighted_parts_preset(),
        parts=(
            Part("theory", "理论考试", D(100), D(30)),
            Part("practical", "实操考核", D(100), D(70)),
        ),
    )
    bands = (PrizeBand(Prize.FIRST, 3),)

    update_competition(db, OFFICE, competition_id, competition_draft(renamed, prize_bands=bands))

    sheet = entry_sheet(db, OFFICE, competition_id)
    assert (sheet.scheme, sheet.bands) == (renamed, bands)
    assert sheet.rows[0].prize is Prize.FIRST


def test_a_deleted_competition_leaves_the_list_and_cannot_be_read(db: Database) -> None:
    competition_id = make_competition(db)

    with pytest.raises(ValidationFailed):
        delete_competition(db, OFFICE, competition_id, "  ")
    delete_competition(db, OFFICER, competition_id, "重复录入")

    assert list_competitions(db, OFFICE) == []
    with pytest.raises(NotFound):
        get_competition(db, OFFICE, competition_id)
    with pytest.raises(NotFound):
        entry_sheet(db, OFFICE, competition_id)
    entry = audit_of(db, "competition")[-1]
    assert (entry.action, entry.summary) == (Action.DELETE, f"{COMPETITION_NAME}: 重复录入")


# The list ------------------------------------------------------------------------------------


def test_the_list_is_newest_first_with_entry_and_scored_counts(db: Database) -> None:
    older = make_competition(
        db, name="2025年焊工技能竞赛", starts_on=date(2025, 9, 1), ends_on=None
    )
    newer = make_competition(db)
    entries = enter_members(db, newer, make_members(db, 3))
    save_scores(
        db,
        OFFICE,
        newer,
        {entries[0]: scores("80", "90"), entries[1]: {"theory": D(70)}},  # one complete
    )

    rows = list_competitions(db, VIEWER)

    assert [(r.id, r.entries, r.scored) for r in rows] == [(newer, 3, 1), (older, 0, 0)]
    top = rows[0]
    assert (top.name, top.kind, top.trade, top.level, top.starts_on) == (
        COMPETITION_NAME,
        CompetitionType.SKILLS,
        "数控车工",
        CompetitionLevel.ENTERPRISE,
        date(2026, 5, 12),
    )


def test_list_rows_carry_the_end_date(db: Database) -> None:
    two_days = make_competition(db)
    one_day = make_competition(db, name="焊工比武", starts_on=date(2025, 9, 1), ends_on=None)

    ends = {row.id: row.ends_on for row in list_competitions(db, VIEWER)}

    assert ends == {two_days: date(2026, 5, 13), one_day: None}


def test_the_list_searches_name_trade_and_organiser_and_filters(db: Database) -> None:
    lathe = make_competition(db)
    welding = make_competition(
        db,
        name="焊工比武",
        trade="电焊工",
        organiser="二车间",
        starts_on=date(2025, 4, 1),
        ends_on=None,
    )
    ankang = make_competition(
        db, ankang_preset(), name="2026年安康杯竞赛", kind=CompetitionType.ANKANG, trade=""
    )

    def ids(query: CompetitionQuery) -> list[int]:
        return [row.id for row in list_competitions(db, OFFICE, query)]

    assert ids(CompetitionQuery(text="电焊")) == [welding]
    assert ids(CompetitionQuery(text="二车间")) == [welding]
    assert ids(CompetitionQuery(text="安康杯")) == [ankang]
    assert ids(CompetitionQuery(text="100%")) == []  # % is text, not a wildcard
    assert ids(CompetitionQuery(kind=CompetitionType.ANKANG)) == [ankang]
    assert ids(CompetitionQuery(year=2025)) == [welding]
    assert sorted(ids(CompetitionQuery(year=2026))) == sorted([lathe, ankang])


# The score sheet: totals ---------------------------------------------------------------------


def test_totals_follow_the_30_70_weights(db: Database) -> None:
    competition_id = make_competition(db, prize_bands=())
    entries = enter_members(db, competition_id, make_members(db, 5))
    save_scores(
        db,
        OFFICE,
        competition_id,
        {
            entries[0]: scores("80", "90"),  # 24 + 63 = 87
            entries[1]: scores("95.5", "70"),  # 28.65 + 49 = 77.65
            entries[2]: scores("33.33", "66.67"),  # 9.999 + 46.669 = 56.668 -> 56.67
            entries[3]: scores("100", "0"),  # 30
            entries[4]: {"practical": D(100)},  # theory missing: no total yet
        },
    )

    rows = entry_sheet(db, OFFICE, competition_id).rows

    assert [row.total for row in rows] == [D("87.00"), D("77.65"), D("56.67"), D("30.00"), None]
    assert [row.passed for row in rows] == [None] * 5  # weighted parts have no pass mark
    assert rows[4].values == {"practical": D(100)}


def test_an_ankang_rubric_adds_points_and_checks_the_pass_mark(db: Database) -> None:
    competition_id = make_competition(
        db, ankang_preset(), kind=CompetitionType.ANKANG, prize_bands=(PrizeBand(Prize.FIRST, 1),)
    )
    entries = enter_members(db, competition_id, make_members(db, 3))
    keys = [item.key for item in ankang_preset().items]  # maxima 15 15 20 15 15 10 10
    points = {
        entries[0]: (15, 14, 19, 14, 13, 9, 8),  # 92: passes the mark of 90
        entries[1]: (12, 13, 17, 12, 13, 8, 7),  # 82: below it
        entries[2]: (15, 15, 20),  # four items not yet assessed
    }
    save_scores(
        db,
        OFFICE,
        competition_id,
        {
            entry: {k: D(v) for k, v in zip(keys, values, strict=False)}  # the first items
            for entry, values in points.items()
        },
    )

    assert outcome(db, competition_id) == {
        entries[0]: (D("92.00"), 1, False, Prize.FIRST, True),
        entries[1]: (D("82.00"), 2, False, None, False),
        entries[2]: (None, None, False, None, None),
    }


def test_only_entries_that_pass_the_mark_take_prizes(db: Database) -> None:
    bands = (PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 2))
    competition_id = make_competition(db, ankang_preset(), prize_bands=bands)
    entries = enter_members(db, competition_id, make_members(db, 3))
    keys = [item.key for item in ankang_preset().items]
    full = dict.fromkeys(keys, D(0)) | {"organisation": D(15), "rules": D(15), "hazards": D(20)}
    save_scores(
        db,
        OFFICE,
        competition_id,
        {
            entries[0]: full | {"training": D(15), "participation": D(15), "emergency": D(10)},
            entries[1]: full,  # 50: below the pass mark, although ranked second
            entries[2]: full | {"training": D(15), "participation": D(15), "emergency": D(5)},
        },
    )

    assert outcome(db, competition_id) == {
        entries[0]: (D("90.00"), 1, False, Prize.FIRST, True),
        entries[1]: (D("50.00"), 3, False, None, False),
        entries[2]: (D("85.00"), 2, False, None, False),
    }


# The score sheet: ranking and prizes ---------------------------------------------------------


@pytest.fixture
def ranked(db: Database) -> tuple[int, list[int]]:
    """Eight entries: 90, 87, 86.5, 87, 77, 67, 50 and one not scored."""
    competition_id = make_competition(db)
    entries = enter_members(db, competition_id, make_members(db, 8))
    typed = [("90", "90"), ("80", "90"), ("90", "85"), ("80", "90"), ("70", "80"), ("60", "70")]
    typed.append(("50", "50"))
    changes = {entry: scores(*pair) for entry, pair in zip(entries[:7], typed, strict=True)}
    save_scores(db, OFFICE, competition_id, changes)
    return competition_id, entries


def test_ties_share_a_rank_and_prizes_follow_the_bands(
    db: Database, ranked: tuple[int, list[int]]
) -> None:
    competition_id, e = ranked

    # Bands 1/2/3: places 1 | 2-3 | 4-6. The tie at 87 fills places 2 and 3.
    assert outcome(db, competition_id) == {
        e[0]: (D("90.00"), 1, False, Prize.FIRST, None),
        e[1]: (D("87.00"), 2, True, Prize.SECOND, None),
        e[2]: (D("86.50"), 4, False, Prize.THIRD, None),
        e[3]: (D("87.00"), 2, True, Prize.SECOND, None),
        e[4]: (D("77.00"), 5, False, Prize.THIRD, None),
        e[5]: (D("67.00"), 6, False, Prize.THIRD, None),
        e[6]: (D("50.00"), 7, False, None, None),
        e[7]: (None, None, False, None, None),
    }


def test_a_tie_across_a_band_boundary_is_not_split(
    db: Database, ranked: tuple[int, list[int]]
) -> None:
    competition_id, e = ranked
    bands = (PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 1), PrizeBand(Prize.THIRD, 2))
    update_competition(db, OFFICE, competition_id, competition_draft(prize_bands=bands))

    # Both entries at 87 get the second prize (places 2 and 3); third prize keeps place 4 only.
    prizes = {row.entry_id: row.prize for row in entry_sheet(db, OFFICE, competition_id).rows}
    assert [prizes[entry] for entry in e] == [
        Prize.FIRST,
        Prize.SECOND,
        Prize.THIRD,
        Prize.SECOND,
        None,
        None,
        None,
        None,
    ]


def test_a_withdrawn_entry_leaves_the_sheet_and_the_ranking(
    db: Database, ranked: tuple[int, list[int]]
) -> None:
    competition_id, e = ranked

    withdraw_entry(db, OFFICE, e[0], "因伤退赛")

    rows = entry_sheet(db, OFFICE, competition_id).rows
    assert [row.entry_id for row in rows] == e[1:]
    placed = {row.entry_id: (row.rank, row.prize) for row in rows}
    assert placed[e[1]] == placed[e[3]] == (1, Prize.FIRST)  # tied at the top now
    assert placed[e[2]] == (3, Prize.SECOND)
    assert list_competitions(db, OFFICE)[0].entries == 7


def test_sheet_rows_name_members_and_teams_with_departments(db: Database) -> None:
    workshop = add_department(db, OFFICE, None, "一车间")
    other = add_department(db, OFFICE, None, "二车间")
    competition_id = make_competition(db)
    alone = make_members(db, 1, department_id=workshop)
    team = make_members(db, 2, first_sequence=401, department_id=other)
    [alone_entry] = enter_members(db, competition_id, alone)
    team_id = create_team(db, OFFICE, competition_id, "数控一组", team)

    first, second = entry_sheet(db, OFFICE, competition_id).rows

    assert (first.entry_id, first.member_id, first.team_id) == (alone_entry, alone[0], None)
    assert (first.name, first.department, first.team_members) == (member_name(0), "一车间", ())
    assert (second.member_id, second.team_id, second.name) == (None, team_id, "数控一组")
    assert second.department == "二车间"
    assert set(second.team_members) == {member_name(0), member_name(1)}


def test_team_member_ids_follow_the_order_of_the_names(db: Database) -> None:
    competition_id = make_competition(db)
    ids = make_members(db, 4)  # 王建国, 李建国, 张建国, 刘建国
    [alone] = enter_members(db, competition_id, ids[3:])
    create_team(db, OFFICE, competition_id, "数控一组", ids[:3])

    first, second = entry_sheet(db, OFFICE, competition_id).rows

    assert (first.entry_id, first.team_member_ids) == (alone, ())
    # By pinyin: 李 (li), 王 (wang), 张 (zhang).
    assert second.team_members == (member_name(1), member_name(0), member_name(2))
    assert second.team_member_ids == (ids[1], ids[0], ids[2])


# History -------------------------------------------------------------------------------------


def test_a_members_history_lists_entries_alone_and_in_teams_newest_first(db: Database) -> None:
    older = make_competition(db, name="2025年车工比武", starts_on=date(2025, 6, 1), ends_on=None)
    newer = make_competition(db)
    withdrawn = make_competition(db, name="2026年岗位练兵", kind=CompetitionType.DRILL)
    member, partner = make_members(db, 2)
    [solo] = enter_members(db, older, [member])
    save_scores(db, OFFICE, older, {solo: scores("80", "90")})
    create_team(db, OFFICE, newer, "精益求精队", [member, partner])
    [gone] = enter_members(db, withdrawn, [member])
    withdraw_entry(db, OFFICE, gone, "工作冲突")

    history = competition_history(db, VIEWER, member)

    assert history == [
        HistoryRow(
            newer,
            COMPETITION_NAME,
            CompetitionType.SKILLS,
            date(2026, 5, 12),
            "精益求精队",
            None,
            None,
            None,
        ),
        HistoryRow(
            older,
            "2025年车工比武",
            CompetitionType.SKILLS,
            date(2025, 6, 1),
            "",
            D("87.00"),
            1,
            Prize.FIRST,
        ),
    ]


def test_history_says_when_the_members_rank_is_shared(db: Database) -> None:
    competition_id = make_competition(db)
    first, second, third = make_members(db, 3)
    entries = enter_members(db, competition_id, [first, second, third])
    typed = (scores("80", "90"), scores("80", "90"), scores("70", "80"))  # 87, 87, 77
    save_scores(db, OFFICE, competition_id, dict(zip(entries, typed, strict=True)))

    placed = {
        member: [(row.rank, row.tied) for row in competition_history(db, VIEWER, member)]
        for member in (first, second, third)
    }

    assert placed == {first: [(1, True)], second: [(1, True)], third: [(3, False)]}


# Access --------------------------------------------------------------------------------------


def test_a_viewer_reads_everything_but_changes_nothing(db: Database) -> None:
    competition_id = make_competition(db)
    [member] = make_members(db, 1)

    assert [row.id for row in list_competitions(db, VIEWER)] == [competition_id]
    assert get_competition(db, VIEWER, competition_id).id == competition_id
    assert entry_sheet(db, VIEWER, competition_id).rows == ()
    assert competition_history(db, VIEWER, member) == []
    with pytest.raises(PermissionDenied):
        create_competition(db, VIEWER, competition_draft())
    with pytest.raises(PermissionDenied):
        update_competition(db, VIEWER, competition_id, competition_draft(venue="别处"))
    with pytest.raises(PermissionDenied):
        delete_competition(db, VIEWER, competition_id, "不要了")
    assert get_competition(db, OFFICE, competition_id).draft == competition_draft()


def test_a_reviewer_cannot_read_competitions(db: Database) -> None:
    competition_id = make_competition(db)

    for read in (
        lambda: list_competitions(db, REVIEWER),
        lambda: get_competition(db, REVIEWER, competition_id),
        lambda: entry_sheet(db, REVIEWER, competition_id),
        lambda: competition_history(db, REVIEWER, 1),
    ):
        with pytest.raises(PermissionDenied):
            read()


def test_unused_rubric_items_in_a_weighted_scheme_are_refused(db: Database) -> None:
    mixed = replace(weighted_parts_preset(), items=(RubricItem("extra", "加分", D(5)),))

    with pytest.raises(ValidationFailed) as caught:
        make_competition(db, mixed)

    assert list(caught.value.by_field()) == ["scheme"]
