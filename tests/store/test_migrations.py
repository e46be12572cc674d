"""Migrations: fresh databases, upgrades with data, drift, refusal of newer databases."""

import hashlib
import sqlite3
from datetime import date, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from unionDesk.store import migrate
from unionDesk.store.db import make_engine
from unionDesk.store.errors import DatabaseTooNew, DatabaseUnreadable, MigrationFailed
from unionDesk.store.migrate import alembic_config, head_revision, upgrade_database
from unionDesk.store.models import Base

# Rows to put in a database made at each revision before upgrading it (raw SQL of that era).
SEED = {
    "0001": [
        "INSERT INTO union_profile (id, name, uscc, higher_union, chair, contact, phone, address,"
        " created_at) VALUES (1, '测试工会', '91110105MA01ABCD1X', '', '', '', '', '', "
        "'2026-01-01 00:00:00')",
        "INSERT INTO department (id, parent_id, name, sort_order) VALUES (1, NULL, '测试厂', 0)",
        "INSERT INTO member (id, name, name_sort, search_keys, id_type, id_number, sex,"
        " birth_date, ethnicity, mobile, political_status, education, skill_level, trade,"
        " job_title, hukou_region, hukou_nature, migrant_worker, work_start_date, join_date,"
        " card_number, department_id, hardship, notes, status, created_at, updated_at,"
        " deleted_at, deleted_reason) VALUES (1, '王𠈌', 'wang', ' w wang', 'resident_id',"
        " '110105199005170013', 'male', '1990-05-17', '01', '', 'masses', 'bachelor', 'none',"
        " '', '', 'local', 'non_agricultural', 0, NULL, '2015-03-01', 'GH1', 1, 0, '',"
        " 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, '')",
        "INSERT INTO membership_change (member_id, kind, effective_on, reason, recorded_at,"
        " recorded_by) VALUES (1, 'join', '2015-03-01', '', '2026-01-01 00:00:00', 'test')",
    ],
}


SEED["0002"] = [
    *SEED["0001"],
    "INSERT INTO app_user (id, username, display_name, role, password_hash, can_unmask,"
    " must_change_password, disabled, failed_logins, locked_until, created_at, last_login_at)"
    " VALUES (1, 'zhangli', '张丽', 'admin', '$argon2id$placeholder', 1, 0, 0, 0, NULL,"
    " '2026-01-01 00:00:00', NULL)",
    "INSERT INTO audit_entry (id, at_utc, at_local, actor, action, record_type, record_id,"
    " summary, changes, prev_hash, hash) VALUES (1, '2026-01-01T00:00:00+00:00',"
    " '2026-01-01T08:00:00+08:00', 'zhangli', 'create', 'member', '1', '王𠈌', '{}',"
    " '" + "0" * 64 + "', '" + "1" * 64 + "')",
    "INSERT INTO setting (key, value) VALUES ('idle_lock_minutes', '10')",
]
SEED["0003"] = [
    *SEED["0002"],
    "INSERT INTO honour (id, member_id, title, level, year, awarding_body, notes, candidate_id,"
    " created_at, updated_at, deleted_at) VALUES (1, 1, '北京市劳动模范', 'provincial', 2020,"
    " '北京市人民政府', '', NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL)",
    "INSERT INTO award_program (id, name, honour_title, year, categories, quota_rules,"
    " eligibility, rubric, nomination_deadline, review_deadline, publicity_days, quorum,"
    " disagreement_sd, notes, created_at, updated_at) VALUES (1, '2026年北京大工匠选树',"
    " '北京大工匠', 2026, '[\"一线职工\"]', '[]', '{}', '[{\"key\": \"skill\", \"name\":"
    ' "技能水平", "max_points": "100", "weight": "1"}]\', \'2026-06-30\', NULL, 5,'
    " '2/3', '10', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    "INSERT INTO candidate (id, program_id, member_id, nominating_unit, category, summary,"
    " deeds, state, eligibility_results, eligibility_override, publicity_start, publicity_end,"
    " created_at, updated_at) VALUES (1, 1, 1, '测试厂', '一线职工', '摘要', '事迹',"
    " 'under_review', '', '', NULL, NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    "INSERT INTO candidate_transition (candidate_id, from_state, to_state, at, actor, reason)"
    " VALUES (1, 'eligible', 'under_review', '2026-01-01 00:00:00', 'zhangli', '')",
    "INSERT INTO review_round (id, program_id, name, opens_on, closes_on, chair_user_id, quorum,"
    " closed_at, closed_by, created_at) VALUES (1, 1, '第一轮', '2026-07-01', '2026-07-31', 1,"
    " '', NULL, '', '2026-01-01 00:00:00')",
    "INSERT INTO round_candidate (round_id, candidate_id) VALUES (1, 1)",
    "INSERT INTO review (id, round_id, candidate_id, reviewer_id, status, scores, comment,"
    " conflict_kind, conflict_text, submitted_at, updated_at) VALUES (1, 1, 1, 1, 'submitted',"
    " '{\"skill\": \"88.5\"}', '', '', '', '2026-07-02 00:00:00', '2026-07-02 00:00:00')",
]
SEED["0004"] = [
    *SEED["0003"],
    "INSERT INTO competition (id, name, kind, trade, level, starts_on, ends_on, organiser, venue,"
    " scheme, prize_bands, notes, created_at, updated_at, deleted_at) VALUES (1,"
    " '2026年数控车工技能竞赛', 'skills', '数控车工', 'enterprise', '2026-05-10', NULL, '厂工会',"
    " '实训中心', '{}', '[]', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL)",
    "INSERT INTO competition_team (id, competition_id, name, created_at) VALUES (1, 1, '一车间',"
    " '2026-01-01 00:00:00')",
    "INSERT INTO team_member (team_id, member_id) VALUES (1, 1)",
    "INSERT INTO competition_entry (id, competition_id, member_id, team_id, scores, created_at,"
    ' updated_at, withdrawn_at) VALUES (1, 1, 1, NULL, \'{"theory": "88.5"}\','
    " '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL)",
    "INSERT INTO culture_event (id, event_type, title, starts_at, ends_at, venue, organiser,"
    " description, hours, guests, created_at, updated_at, deleted_at) VALUES (1, 'reading',"
    " '职工读书分享会', '2026-04-23 14:00:00', NULL, '职工书屋', '厂工会', '', '2', 3,"
    " '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL)",
    "INSERT INTO event_attendance (event_id, member_id) VALUES (1, 1)",
]
SEED["0005"] = [
    *SEED["0004"],
    "INSERT INTO upload_destination (id, name, kind, url, username, secret_ref, ca_file,"
    " is_default, created_at, deleted_at) VALUES (1, '市总工会上报接口', 'http',"
    " 'https://upload.example.org/api', '', 'fernet:placeholder', '', 1,"
    " '2026-01-01 00:00:00', NULL)",
    "INSERT INTO outbox_item (id, package_id, destination_id, return_type, title, period,"
    " union_code, state, attempts, next_attempt_at, last_error, receipt_id, received_at,"
    " created_at, updated_at) VALUES (1, '" + "a" * 64 + "', 1, 'roster', '会员名册', '2026Q3',"
    " '91110105MA01ABCD1X', 'delivered', 1, NULL, '', 'R-0001', '2026-01-02 10:05:00',"
    " '2026-01-01 00:00:00', '2026-01-02 10:05:00')",
]
TABLES = (
    "member",
    "membership_change",
    "department",
    "app_user",
    "audit_entry",
    "setting",
    "honour",
    "award_program",
    "candidate",
    "candidate_transition",
    "review_round",
    "round_candidate",
    "review",
    "calendar_day",
    "competition",
    "competition_team",
    "team_member",
    "competition_entry",
    "culture_event",
    "event_attendance",
    "upload_destination",
    "outbox_item",
)


def revisions_oldest_first():
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def alembic_upgrade(path, target):
    engine = make_engine(path)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    engine.dispose()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_have_a_single_head():
    assert head_revision() == revisions_oldest_first()[-1]


def test_the_start_up_schema_constant_is_the_alembic_head():
    from unionDesk.store.probe import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_an_empty_database_upgrades_to_head(tmp_path):
    path = tmp_path / "empty.sqlite3"
    alembic_upgrade(path, "head")
    engine = make_engine(path)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == head_revision()
    engine.dispose()


def test_models_and_migrations_do_not_drift(tmp_path):
    path = tmp_path / "migrated.sqlite3"
    alembic_upgrade(path, "head")
    engine = make_engine(path)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


@pytest.mark.parametrize("revision", revisions_oldest_first())
def test_a_database_made_at_each_revision_upgrades_without_losing_rows(tmp_path, revision):
    path = tmp_path / f"at-{revision}.sqlite3"
    alembic_upgrade(path, revision)
    with sqlite3.connect(path) as connection:
        for statement in SEED[revision]:
            connection.execute(statement)
    before = {t: count_rows(path, t) for t in TABLES if table_exists(path, t)}
    upgrade_database(path, tmp_path / "backups")
    after = {t: count_rows(path, t) for t in before}
    assert after == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM member").fetchone()[0] == "王𠈌"


def test_an_upgrade_from_before_the_selection_tables_adds_the_holiday_calendar(tmp_path):
    path = tmp_path / "at-0002.sqlite3"
    alembic_upgrade(path, "0002")
    upgrade_database(path, tmp_path / "backups")
    with sqlite3.connect(path) as connection:
        days = dict(connection.execute("SELECT day, kind FROM calendar_day").fetchall())
    assert days["2026-10-01"] == "holiday" and days["2026-10-10"] == "workday"
    assert len(days) == 39  # 33 holidays and 6 make-up working days in 2026


def table_exists(path, table):
    with sqlite3.connect(path) as connection:
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
        return connection.execute(query, (table,)).fetchone()[0] == 1


def count_rows(path, table):
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    alembic_upgrade(path, "head")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f999'")
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as raised:
        upgrade_database(path, tmp_path / "backups")
    assert raised.value.revision == "f999"
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00"])
def test_a_file_that_is_not_a_uniondesk_database_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "odd.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseUnreadable):
        upgrade_database(path, tmp_path / "backups")
    assert path.read_bytes() == content


def pretend_a_newer_head(monkeypatch):
    current = head_revision()
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "known_revisions", lambda: {current, "9999"})
    return current


def seeded_database(tmp_path):
    path = tmp_path / "data.sqlite3"
    alembic_upgrade(path, "head")
    with sqlite3.connect(path) as connection:
        for statement in SEED["0001"]:
            connection.execute(statement)
    return path


def test_an_upgrade_takes_a_timestamped_backup_first(tmp_path, monkeypatch):
    path = seeded_database(tmp_path)
    old = pretend_a_newer_head(monkeypatch)
    monkeypatch.setattr(migrate, "_upgrade", lambda p: None)
    result = upgrade_database(path, tmp_path / "backups")
    assert result.backup is not None and result.backup.exists()
    assert f"before-upgrade-{old}" in result.backup.name
    assert count_rows(result.backup, "member") == 1


def test_a_failed_upgrade_restores_the_backup(tmp_path, monkeypatch):
    path = seeded_database(tmp_path)
    pretend_a_newer_head(monkeypatch)

    def half_done_then_fail(p):
        with sqlite3.connect(p) as connection:
            connection.execute("DELETE FROM membership_change")
            connection.execute("DELETE FROM member")
        raise RuntimeError("simulated failure in the middle of a migration")

    monkeypatch.setattr(migrate, "_upgrade", half_done_then_fail)
    with pytest.raises(MigrationFailed) as raised:
        upgrade_database(path, tmp_path / "backups")
    assert raised.value.backup.exists()
    assert count_rows(path, "member") == 1
    assert count_rows(path, "membership_change") == 1


def test_the_wheel_ships_the_migration_scripts():
    from importlib.resources import files

    versions = files("unionDesk.migrations") / "versions"
    assert any(p.name.startswith(head_revision()) for p in versions.iterdir())
    assert (files("unionDesk.migrations") / "env.py").is_file()
    assert (files("unionDesk.migrations") / "script.py.mako").is_file()


def test_seed_rows_use_dates_sqlalchemy_reads_back(tmp_path):
    from sqlalchemy.orm import Session

    from unionDesk.store.models import Member

    path = seeded_database(tmp_path)
    engine = make_engine(path)
    with Session(engine) as session:
        member = session.get_one(Member, 1)
        assert member.birth_date == date(1990, 5, 17)
        assert isinstance(member.created_at, datetime)
    engine.dispose()
