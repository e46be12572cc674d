"""Competition entries against a real database: members, teams, scores, withdrawal, honours.

Every refusal is checked to have saved nothing: the score sheet, the team tables and the
honours read back exactly as before.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

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
from helpers import OFFICE, TODAY
from unionDesk.domain.access import Actor
from unionDesk.domain.competition import Prize
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.enums import ChangeKind
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.competition_entries import (
    add_member_entries,
    create_team,
    record_prize_as_honour,
    save_scores,
    set_team_members,
    withdraw_entry,
)
from unionDesk.services.competitions import (
    EntrySheet,
    delete_competition,
    entry_sheet,
    update_competition,
)
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.honours import delete_honour, list_honours
from unionDesk.services.members import delete_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.activity_models import CompetitionTeam, TeamMember
from unionDesk.store.db import Database
from unionDesk.store.selection_models import Honour

D = Decimal
BODY = "公司工会委员会"


@pytest.fixture
def competition(db: Database) -> int:
    return make_competition(db)


def sheet(db: Database, competition_id: int) -> EntrySheet:
    return entry_sheet(db, OFFICE, competition_id)


def audit_of(db: Database, record_type: str) -> list[AuditView]:
    return list(reversed(query_audit(db, OFFICE, AuditFilter(record_type=record_type))))


def team_rows(db: Database) -> int:
    with db.read() as session:
        teams = session.scalar(select(func.count()).select_from(CompetitionTeam))
        members = session.scalar(select(func.count()).select_from(TeamMember))
        return (teams or 0) + (members or 0)


def withdraw_membership(db: Database, member_id: int) -> None:
    record_change(
        db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2026, 3, 1), "本人申请退会", today=TODAY
    )


# Entering members ----------------------------------------------------------------------------


def test_members_are_entered_in_the_given_order_and_audited(db: Database, competition: int) -> None:
    members = make_members(db, 3)

    entries = add_member_entries(db, OFFICER, competition, [members[2], members[0], members[1]])

    rows = sheet(db, competition).rows
    assert [row.entry_id for row in rows] == entries
    assert [row.member_id for row in rows] == [members[2], members[0], members[1]]
    audited = audit_of(db, "competition_entry")
    assert [(e.action, e.actor, e.record_id) for e in audited] == [
        (Action.CREATE, "luru", str(entry)) for entry in entries
    ]
    assert audited[0].summary == f"{COMPETITION_NAME}: {member_name(2)}"


def test_an_entry_for_a_withdrawn_member_is_refused_and_nothing_is_entered(
    db: Database, competition: int
) -> None:
    active, leaver = make_members(db, 2)
    withdraw_membership(db, leaver)

    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, [active, leaver])

    [message] = caught.value.by_field()["member_ids"]
    assert member_name(1) in message and "not an active member" in message
    assert sheet(db, competition).rows == ()


def test_a_removed_member_cannot_enter(db: Database, competition: int) -> None:
    [member] = make_members(db, 1)
    delete_member(db, OFFICE, member, "重复录入")

    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, [member])

    assert "no longer on the register" in caught.value.by_field()["member_ids"][0]


def test_an_unknown_member_id_is_refused(db: Database, competition: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, [9999])
    assert "not on the register" in caught.value.by_field()["member_ids"][0]


def test_a_duplicate_entry_is_refused_naming_the_member(db: Database, competition: int) -> None:
    first, second = make_members(db, 2)
    [entry] = enter_members(db, competition, [first])

    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, [second, first])

    [message] = caught.value.by_field()["member_ids"]
    assert message == (
        f"{member_name(0)} has already entered {COMPETITION_NAME}. "
        "A member enters a competition once."
    )
    assert [row.entry_id for row in sheet(db, competition).rows] == [entry]


def test_every_member_who_cannot_enter_is_named_at_once(db: Database, competition: int) -> None:
    members = make_members(db, 3)
    enter_members(db, competition, [members[0]])
    withdraw_membership(db, members[1])

    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, members)

    messages = caught.value.by_field()["member_ids"]
    assert [member_name(0) in messages[0], member_name(1) in messages[1]] == [True, True]
    assert len(messages) == 2


def test_a_member_may_enter_again_after_withdrawing(db: Database, competition: int) -> None:
    [member] = make_members(db, 1)
    [first] = enter_members(db, competition, [member])
    withdraw_entry(db, OFFICE, first, "临时出差")

    [second] = enter_members(db, competition, [member])

    assert [row.entry_id for row in sheet(db, competition).rows] == [second]


def test_a_member_enters_once_per_competition_but_may_enter_others(db: Database) -> None:
    one, two = make_competition(db), make_competition(db, name="2026年钳工技能竞赛")
    [member] = make_members(db, 1)

    enter_members(db, one, [member])
    enter_members(db, two, [member])

    assert len(sheet(db, one).rows) == len(sheet(db, two).rows) == 1


def test_entering_nobody_is_refused(db: Database, competition: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_member_entries(db, OFFICE, competition, [])
    assert list(caught.value.by_field()) == ["member_ids"]


# Teams ---------------------------------------------------------------------------------------


def test_a_team_is_created_with_its_entry_and_audited(db: Database, competition: int) -> None:
    members = make_members(db, 3)

    team_id = create_team(db, OFFICER, competition, " 数控 一组 ", members)

    [row] = sheet(db, competition).rows
    assert (row.team_id, row.member_id, row.name) == (team_id, None, "数控 一组")
    assert sorted(row.team_members) == sorted(member_name(n) for n in range(3))
    [team_entry] = audit_of(db, "team")
    assert (team_entry.action, team_entry.record_id) == (Action.CREATE, str(team_id))
    assert team_entry.changes["name"] == [None, "数控 一组"]
    [entry_entry] = audit_of(db, "competition_entry")
    assert entry_entry.record_id == str(row.entry_id)


def test_a_team_with_no_members_is_refused_and_nothing_saved(
    db: Database, competition: int
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        create_team(db, OFFICE, competition, "空队", [])

    assert caught.value.by_field() == {
        "member_ids": ["A team needs at least one member. Choose the members of the team."]
    }
    assert team_rows(db) == 0 and sheet(db, competition).rows == ()


def test_a_team_with_a_withdrawn_member_is_refused_and_nothing_saved(
    db: Database, competition: int
) -> None:
    active, leaver = make_members(db, 2)
    withdraw_membership(db, leaver)

    with pytest.raises(ValidationFailed) as caught:
        create_team(db, OFFICE, competition, "二组", [active, leaver])

    assert member_name(1) in caught.value.by_field()["member_ids"][0]
    assert team_rows(db) == 0 and sheet(db, competition).rows == ()


def test_a_member_entered_alone_cannot_join_a_team(db: Database, competition: int) -> None:
    alone, other = make_members(db, 2)
    enter_members(db, competition, [alone])

    with pytest.raises(ValidationFailed):
        create_team(db, OFFICE, competition, "二组", [other, alone])

    assert team_rows(db) == 0


def test_a_team_member_cannot_enter_alone_or_join_another_team(
    db: Database, competition: int
) -> None:
    members = make_members(db, 3)
    create_team(db, OFFICE, competition, "一组", members[:2])

    with pytest.raises(ValidationFailed) as alone:
        add_member_entries(db, OFFICE, competition, [members[1]])
    with pytest.raises(ValidationFailed) as other_team:
        create_team(db, OFFICE, competition, "二组", [members[2], members[0]])

    assert alone.value.by_field()["member_ids"] == [
        f"{member_name(1)} is already in the team 一组 of {COMPETITION_NAME}. "
        "A member enters a competition once."
    ]
    assert "一组" in other_team.value.by_field()["member_ids"][0]
    assert len(sheet(db, competition).rows) == 1


def test_two_teams_cannot_share_a_name(db: Database, competition: int) -> None:
    members = make_members(db, 2)
    create_team(db, OFFICE, competition, "一组", members[:1])

    with pytest.raises(ValidationFailed) as caught:
        create_team(db, OFFICE, competition, "一组", members[1:])

    assert list(caught.value.by_field()) == ["name"]


def test_team_members_are_replaced_and_the_change_audited(db: Database, competition: int) -> None:
    members = make_members(db, 3)
    team_id = create_team(db, OFFICE, competition, "一组", members[:2])

    set_team_members(db, OFFICER, team_id, [members[1], members[2]])

    [row] = sheet(db, competition).rows
    assert sorted(row.team_members) == sorted([member_name(1), member_name(2)])
    entry = audit_of(db, "team")[-1]
    assert (entry.action, entry.actor) == (Action.UPDATE, "luru")
    assert member_name(0) in entry.changes["members"][0]
    assert member_name(0) not in entry.changes["members"][1]


def test_a_member_who_left_may_stay_in_the_team_but_not_be_added(
    db: Database, competition: int
) -> None:
    members = make_members(db, 3)
    team_id = create_team(db, OFFICE, competition, "一组", members[:2])
    withdraw_membership(db, members[1])
    withdraw_membership(db, members[2])

    set_team_members(db, OFFICE, team_id, members[:2])  # unchanged: allowed
    with pytest.raises(ValidationFailed):
        set_team_members(db, OFFICE, team_id, members)
    with pytest.raises(ValidationFailed):
        set_team_members(db, OFFICE, team_id, [])

    assert len(sheet(db, competition).rows[0].team_members) == 2


def test_a_withdrawn_team_cannot_change_members(db: Database, competition: int) -> None:
    members = make_members(db, 2)
    team_id = create_team(db, OFFICE, competition, "一组", members[:1])
    withdraw_entry(db, OFFICE, sheet(db, competition).rows[0].entry_id, "人员调整")

    with pytest.raises(ValidationFailed):
        set_team_members(db, OFFICE, team_id, members)

    enter_members(db, competition, members)  # its member is free again


# Scores --------------------------------------------------------------------------------------


def test_scores_are_saved_cleared_and_audited_with_before_and_after(
    db: Database, competition: int
) -> None:
    [entry] = enter_members(db, competition, make_members(db, 1))
    save_scores(db, OFFICE, competition, {entry: scores("80", "90")})

    save_scores(db, OFFICER, competition, {entry: {"theory": D("85.5"), "practical": None}})

    [row] = sheet(db, competition).rows
    assert (row.values, row.total) == ({"theory": D("85.5")}, None)
    first, second = audit_of(db, "competition_entry")[1:]
    assert first.changes == {"practical": [None, "90"], "theory": [None, "80"]}
    assert (second.action, second.actor, second.summary) == (
        Action.UPDATE,
        "luru",
        f"{COMPETITION_NAME}: {member_name(0)}",
    )
    assert second.changes == {"practical": ["90", None], "theory": ["80", "85.5"]}


def test_saving_the_same_scores_again_writes_no_audit_entry(db: Database, competition: int) -> None:
    [entry] = enter_members(db, competition, make_members(db, 1))
    save_scores(db, OFFICE, competition, {entry: scores("80", "90")})

    save_scores(db, OFFICE, competition, {entry: scores("80.0", "90")})

    assert len(audit_of(db, "competition_entry")) == 2  # the entry and the first scores


def test_a_score_above_the_maximum_is_refused_and_nothing_saved(
    db: Database, competition: int
) -> None:
    good, bad = enter_members(db, competition, make_members(db, 2))

    with pytest.raises(ValidationFailed) as caught:
        save_scores(db, OFFICE, competition, {good: scores("80", "90"), bad: scores("70", "101")})

    assert caught.value.by_field() == {
        f"entries.{bad}.practical": [
            f"{member_name(1)} / 实际操作: 101 is above the maximum 100. "
            "Enter a score from 0 to 100."
        ]
    }
    assert [row.values for row in sheet(db, competition).rows] == [{}, {}]


def test_a_negative_score_is_refused_and_nothing_saved(db: Database, competition: int) -> None:
    [entry] = enter_members(db, competition, make_members(db, 1))
    save_scores(db, OFFICE, competition, {entry: {"theory": D(60)}})

    with pytest.raises(ValidationFailed) as caught:
        save_scores(db, OFFICE, competition, {entry: {"theory": D(75), "practical": D(-1)}})

    [message] = caught.value.by_field()[f"entries.{entry}.practical"]
    assert "实际操作" in message and "cannot be negative (-1)" in message
    assert sheet(db, competition).rows[0].values == {"theory": D(60)}


def test_every_bad_score_is_listed_at_once(db: Database, competition: int) -> None:
    one, two = enter_members(db, competition, make_members(db, 2))

    with pytest.raises(ValidationFailed) as caught:
        save_scores(
            db,
            OFFICE,
            competition,
            {
                one: {"theory": D("80.125"), "speed": D(5)},
                two: {"theory": D(-3), "practical": D(140)},
            },
        )

    assert sorted(caught.value.by_field()) == [
        f"entries.{one}.speed",
        f"entries.{one}.theory",
        f"entries.{two}.practical",
        f"entries.{two}.theory",
    ]


def test_scores_of_a_withdrawn_entry_or_another_competition_are_refused(
    db: Database, competition: int
) -> None:
    other = make_competition(db, name="2026年钳工技能竞赛")
    here, gone = enter_members(db, competition, make_members(db, 2))
    [elsewhere] = enter_members(db, other, make_members(db, 1, first_sequence=501))
    withdraw_entry(db, OFFICE, gone, "因病退赛")

    with pytest.raises(ValidationFailed) as caught:
        save_scores(
            db,
            OFFICE,
            competition,
            {here: scores("80", "80"), gone: scores("90", "90"), elsewhere: scores("70", "70")},
        )

    assert sorted(caught.value.by_field()) == sorted([f"entries.{gone}", f"entries.{elsewhere}"])
    assert sheet(db, competition).rows[0].values == {}


# Withdrawal ----------------------------------------------------------------------------------


def test_withdrawal_needs_a_reason_happens_once_and_is_audited(
    db: Database, competition: int
) -> None:
    [entry] = enter_members(db, competition, make_members(db, 1))

    with pytest.raises(ValidationFailed):
        withdraw_entry(db, OFFICE, entry, " ")
    withdraw_entry(db, OFFICER, entry, "因伤退赛")
    with pytest.raises(NotFound):
        withdraw_entry(db, OFFICE, entry, "再次退赛")

    last = audit_of(db, "competition_entry")[-1]
    assert (last.action, last.summary) == (
        Action.STATUS_CHANGE,
        f"{COMPETITION_NAME}: {member_name(0)}: 因伤退赛",
    )


def test_entries_of_a_deleted_competition_cannot_change(db: Database, competition: int) -> None:
    [member] = make_members(db, 1)
    [entry] = enter_members(db, competition, [member])
    delete_competition(db, OFFICE, competition, "录错了")

    with pytest.raises(NotFound):
        save_scores(db, OFFICE, competition, {entry: scores("80", "80")})
    with pytest.raises(NotFound):
        add_member_entries(db, OFFICE, competition, make_members(db, 1, first_sequence=501))
    with pytest.raises(NotFound):
        withdraw_entry(db, OFFICE, entry, "无")


# Prizes as honours ---------------------------------------------------------------------------


def test_a_single_prize_is_recorded_as_the_members_honour(db: Database, competition: int) -> None:
    members = make_members(db, 2)
    winner, runner_up = enter_members(db, competition, members)
    save_scores(
        db, OFFICE, competition, {winner: scores("90", "95"), runner_up: scores("80", "80")}
    )

    [honour_id] = record_prize_as_honour(
        db, OFFICER, winner, HonourLevel.ENTERPRISE, BODY, today=TODAY
    )

    [view] = list_honours(db, OFFICE, members[0])
    assert view.id == honour_id
    assert view.draft == HonourDraft(
        "2026年数控车工技能竞赛一等奖", HonourLevel.ENTERPRISE, 2026, BODY, ""
    )
    with db.read() as session:
        assert session.get(Honour, honour_id).entry_id == winner
    assert list_honours(db, OFFICE, members[1]) == []
    [audited] = audit_of(db, "honour")
    assert (audited.actor, audited.summary) == ("luru", f"{member_name(0)}: {view.draft.title}")


def test_a_team_prize_gives_each_member_an_honour(db: Database, competition: int) -> None:
    members = make_members(db, 3)
    create_team(db, OFFICE, competition, "一组", members)
    [entry] = [row.entry_id for row in sheet(db, competition).rows]
    save_scores(db, OFFICE, competition, {entry: scores("70", "70")})

    honour_ids = record_prize_as_honour(
        db, OFFICE, entry, HonourLevel.DISTRICT, "区总工会", year=2025, today=TODAY
    )

    assert len(honour_ids) == 3
    for member in members:
        [view] = list_honours(db, OFFICE, member)
        assert (view.draft.title, view.draft.level, view.draft.year) == (
            "2026年数控车工技能竞赛一等奖",
            HonourLevel.DISTRICT,
            2025,
        )
    with db.read() as session:
        linked = session.scalars(select(Honour.entry_id).where(Honour.id.in_(honour_ids)))
        assert set(linked) == {entry}


def test_the_honour_title_names_the_prize_won(db: Database) -> None:
    competition = make_competition(db, prize_bands=(PrizeBand(Prize.EXCELLENCE, 2),))
    entries = enter_members(db, competition, make_members(db, 2))
    save_scores(db, OFFICE, competition, {e: scores("60", "60") for e in entries})

    record_prize_as_honour(db, OFFICE, entries[1], HonourLevel.ENTERPRISE, BODY, today=TODAY)

    [view] = list_honours(db, OFFICE, sheet(db, competition).rows[1].member_id or 0)
    assert view.draft.title == "2026年数控车工技能竞赛优秀奖"


def test_a_prize_is_recorded_once(db: Database, competition: int) -> None:
    [entry] = enter_members(db, competition, make_members(db, 1))
    save_scores(db, OFFICE, competition, {entry: scores("90", "90")})
    [honour_id] = record_prize_as_honour(
        db, OFFICE, entry, HonourLevel.ENTERPRISE, BODY, today=TODAY
    )

    with pytest.raises(ValidationFailed) as caught:
        record_prize_as_honour(db, OFFICE, entry, HonourLevel.ENTERPRISE, BODY, today=TODAY)
    assert "already recorded" in caught.value.by_field()[""][0]

    delete_honour(db, OFFICE, honour_id, "级别录错")
    assert len(record_prize_as_honour(db, OFFICE, entry, HonourLevel.CITY, BODY, today=TODAY)) == 1


def test_an_entry_without_a_prize_records_no_honour(db: Database, competition: int) -> None:
    update_competition(db, OFFICE, competition, competition_draft(prize_bands=()))
    [member] = make_members(db, 1)
    [entry] = enter_members(db, competition, [member])
    save_scores(db, OFFICE, competition, {entry: scores("90", "90")})

    with pytest.raises(ValidationFailed) as caught:
        record_prize_as_honour(db, OFFICE, entry, HonourLevel.ENTERPRISE, BODY, today=TODAY)

    assert "has no prize" in caught.value.by_field()[""][0]
    assert list_honours(db, OFFICE, member) == []


def test_an_honour_needs_an_awarding_body(db: Database, competition: int) -> None:
    [member] = make_members(db, 1)
    [entry] = enter_members(db, competition, [member])
    save_scores(db, OFFICE, competition, {entry: scores("90", "90")})

    with pytest.raises(ValidationFailed) as caught:
        record_prize_as_honour(db, OFFICE, entry, HonourLevel.ENTERPRISE, "  ", today=TODAY)

    assert list(caught.value.by_field()) == ["awarding_body"]
    assert list_honours(db, OFFICE, member) == []


# Access --------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", [VIEWER, REVIEWER], ids=["viewer", "reviewer"])
def test_viewers_and_reviewers_cannot_change_entries(
    db: Database, competition: int, actor: Actor
) -> None:
    members = make_members(db, 2)
    [entry] = enter_members(db, competition, members[:1])
    save_scores(db, OFFICE, competition, {entry: scores("90", "90")})
    team_id = create_team(db, OFFICE, competition, "一组", members[1:])
    before = sheet(db, competition)

    for change in (
        lambda: add_member_entries(db, actor, competition, members[1:]),
        lambda: create_team(db, actor, competition, "二组", members[1:]),
        lambda: set_team_members(db, actor, team_id, members),
        lambda: save_scores(db, actor, competition, {entry: scores("10", "10")}),
        lambda: withdraw_entry(db, actor, entry, "无"),
        lambda: record_prize_as_honour(db, actor, entry, HonourLevel.ENTERPRISE, BODY),
    ):
        with pytest.raises(PermissionDenied):
            change()

    assert sheet(db, competition) == before
    assert list_honours(db, OFFICE, members[0]) == []
