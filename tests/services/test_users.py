"""Accounts against a real database: log-in, lockout, passwords and user management."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher

from helpers import OFFICE
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services import users
from unionDesk.services.audit import AuditFilter, query_audit
from unionDesk.services.database import AdminAccount, create_database, database_exists
from unionDesk.services.errors import ServiceError, ValidationFailed
from unionDesk.services.users import (
    LoginRefused,
    add_first_admin,
    add_user,
    change_password,
    has_users,
    list_users,
    log_in,
    reset_password,
    update_user,
)
from unionDesk.store.db import Database

PASSWORD = "Bluebird-73"
T0 = datetime(2026, 11, 21, 9, 0)


# Still argon2id, at the lowest cost: the production cost (about 0.1 s a hash) is checked once
# below, and would otherwise dominate this file's run time.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PRODUCTION_HASHER = users._HASHER


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(users, "_HASHER", FAST_HASHER)


@pytest.fixture
def clerk(db) -> int:
    """An officer account 'wangfang' made by the command line (no forced password change)."""
    return add_user(db, OFFICE, "wangfang", "王芳", Role.OFFICER, PASSWORD)


def last_entry(db: Database):
    return query_audit(db, OFFICE, AuditFilter(limit=1))[0]


def fail(db: Database, times: int, now: datetime = T0, username: str = "wangfang") -> None:
    for _ in range(times):
        with pytest.raises(LoginRefused):
            log_in(db, username, "wrong-password-1", now=now)


def refusal(db: Database, username: str, password: str, now: datetime = T0) -> LoginRefused:
    with pytest.raises(LoginRefused) as refused:
        log_in(db, username, password, now=now)
    return refused.value


def set_role(db: Database, actor: Actor, user_id: int, role: Role, disabled: bool = False) -> None:
    update_user(
        db, actor, user_id, role=role, disabled=disabled, can_unmask=False, display_name="某人"
    )


# --- password policy --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["Short-1", "my-wangfang-pw", "WANGFANG-2026", "aaaaaaaaaa", "abababab"],
    ids=["too-short", "contains-name", "contains-name-other-case", "one-char", "two-chars"],
)
def test_add_user_refuses_a_weak_password(db, password):
    with pytest.raises(ValidationFailed) as refused:
        add_user(db, OFFICE, "wangfang", "王芳", Role.OFFICER, password)

    assert [p.field for p in refused.value.problems] == ["password"]
    assert not has_users(db)


def test_reset_password_applies_the_policy(db, clerk):
    with pytest.raises(ValidationFailed):
        reset_password(db, OFFICE, clerk, "short")


def test_change_password_applies_the_policy(db, clerk):
    actor = log_in(db, "wangfang", PASSWORD).actor

    with pytest.raises(ValidationFailed):
        change_password(db, actor, PASSWORD, "wangfang-new")


# --- log in -----------------------------------------------------------------------------------


def test_correct_log_in_returns_the_actor(db, clerk):
    login = log_in(db, "wangfang", PASSWORD, now=T0)

    assert login.actor == Actor(clerk, "wangfang", Role.OFFICER, False)
    assert login.must_change_password is False


def test_correct_log_in_writes_a_login_entry(db, clerk):
    log_in(db, "wangfang", PASSWORD, now=T0)

    entry = last_entry(db)
    assert (entry.actor, entry.action.value, entry.record_type, entry.record_id) == (
        "wangfang",
        "login",
        "user",
        str(clerk),
    )


def test_log_in_records_the_last_login_time(db, clerk):
    log_in(db, "wangfang", PASSWORD, now=T0)

    assert list_users(db, OFFICE)[0].last_login_at == T0


def test_user_name_is_trimmed_at_log_in(db, clerk):
    assert log_in(db, "  wangfang ", PASSWORD).actor.user_id == clerk


def test_wrong_password_is_refused_and_writes_login_failed(db, clerk):
    refusal(db, "wangfang", "wrong-password-1")

    entry = last_entry(db)
    assert (entry.actor, entry.action.value, entry.record_id) == (
        "wangfang",
        "login_failed",
        str(clerk),
    )


def test_unknown_user_gets_the_same_message_as_a_wrong_password(db, clerk):
    unknown = refusal(db, "nobody", PASSWORD)
    wrong = refusal(db, "wangfang", "wrong-password-1")

    assert unknown.problem == wrong.problem
    assert str(unknown) == str(wrong)


def test_unknown_user_writes_login_failed(db, clerk):
    refusal(db, "nobody", PASSWORD)

    assert last_entry(db).action.value == "login_failed"


def test_disabled_account_is_refused(db, clerk):
    set_role(db, OFFICE, clerk, Role.OFFICER, disabled=True)

    refused = refusal(db, "wangfang", PASSWORD)

    assert "disabled" in refused.problem.text
    assert last_entry(db).action.value == "login_failed"


# --- lockout ----------------------------------------------------------------------------------


def test_four_wrong_passwords_do_not_lock(db, clerk):
    fail(db, 4)

    assert log_in(db, "wangfang", PASSWORD, now=T0).actor.user_id == clerk


def test_five_wrong_passwords_lock_even_the_right_password_out(db, clerk):
    fail(db, 5)

    refused = refusal(db, "wangfang", PASSWORD)

    assert "locked" in refused.problem.text
    assert refused.problem.params == {"time": "09:15"}


def test_locked_attempt_writes_login_failed(db, clerk):
    fail(db, 5)
    refusal(db, "wangfang", PASSWORD)

    entry = last_entry(db)
    assert (entry.action.value, entry.summary) == ("login_failed", "locked")


def test_lock_is_persisted_in_the_database_file(db, clerk):
    fail(db, 5)
    db.close()
    reopened = Database(db.path)
    try:
        refused = refusal(reopened, "wangfang", PASSWORD, now=T0 + timedelta(minutes=1))
    finally:
        reopened.close()

    assert "locked" in refused.problem.text


def test_lock_still_holds_just_before_fifteen_minutes(db, clerk):
    fail(db, 5)

    refused = refusal(db, "wangfang", PASSWORD, now=T0 + timedelta(minutes=14, seconds=59))

    assert "locked" in refused.problem.text


def test_right_password_works_after_fifteen_minutes(db, clerk):
    fail(db, 5)

    login = log_in(db, "wangfang", PASSWORD, now=T0 + timedelta(minutes=15))

    assert login.actor.user_id == clerk
    assert list_users(db, OFFICE)[0].locked_until is None


def test_success_after_the_lock_resets_the_failure_count(db, clerk):
    fail(db, 5)
    later = T0 + timedelta(minutes=15)
    log_in(db, "wangfang", PASSWORD, now=later)
    fail(db, 4, now=later)

    assert log_in(db, "wangfang", PASSWORD, now=later).actor.user_id == clerk


def test_a_success_resets_the_failure_count(db, clerk):
    fail(db, 4)
    log_in(db, "wangfang", PASSWORD, now=T0)
    fail(db, 4)

    assert log_in(db, "wangfang", PASSWORD, now=T0).actor.user_id == clerk


def test_one_wrong_password_after_the_lock_expired_does_not_lock_again(db, clerk):
    """Five failures *in a row* lock; a single slip after the lock ran out is not five."""
    fail(db, 5)
    later = T0 + timedelta(minutes=16)
    fail(db, 1, now=later)

    assert log_in(db, "wangfang", PASSWORD, now=later).actor.user_id == clerk


def test_failures_of_one_account_do_not_lock_another(db, clerk):
    add_user(db, OFFICE, "lina", "李娜", Role.VIEWER, PASSWORD)
    fail(db, 5)

    assert log_in(db, "lina", PASSWORD, now=T0).actor.username == "lina"


def test_reset_password_unlocks_a_locked_account(db, clerk):
    fail(db, 5)
    reset_password(db, OFFICE, clerk, "Fresh-start-9")

    assert log_in(db, "wangfang", "Fresh-start-9", now=T0).actor.user_id == clerk


# --- passwords --------------------------------------------------------------------------------


def test_reset_password_makes_the_user_change_it_at_next_log_in(db, clerk):
    reset_password(db, OFFICE, clerk, "Fresh-start-9")

    assert log_in(db, "wangfang", "Fresh-start-9").must_change_password is True


def test_reset_password_replaces_the_old_one(db, clerk):
    reset_password(db, OFFICE, clerk, "Fresh-start-9")

    refusal(db, "wangfang", PASSWORD)


def test_change_password_with_a_wrong_current_password_is_refused(db, clerk):
    actor = log_in(db, "wangfang", PASSWORD).actor

    with pytest.raises(ValidationFailed) as refused:
        change_password(db, actor, "not-my-password", "Another-pass-5")

    assert [p.field for p in refused.value.problems] == ["old_password"]
    assert log_in(db, "wangfang", PASSWORD).actor.user_id == clerk


def test_change_password_clears_the_forced_change_and_takes_effect(db, clerk):
    reset_password(db, OFFICE, clerk, "Fresh-start-9")
    actor = log_in(db, "wangfang", "Fresh-start-9").actor

    change_password(db, actor, "Fresh-start-9", "Another-pass-5")

    login = log_in(db, "wangfang", "Another-pass-5")
    assert login.must_change_password is False
    refusal(db, "wangfang", "Fresh-start-9")


def test_stored_hash_is_argon2id_and_never_the_password(db, monkeypatch):
    monkeypatch.setattr(users, "_HASHER", PRODUCTION_HASHER)
    clerk = add_user(db, OFFICE, "wangfang", "王芳", Role.OFFICER, PASSWORD)
    with sqlite3.connect(db.path) as connection:
        (stored,) = connection.execute(
            "SELECT password_hash FROM app_user WHERE id = ?", (clerk,)
        ).fetchone()
    connection.close()

    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert log_in(db, "wangfang", PASSWORD).actor.user_id == clerk


def test_production_hash_is_slow_enough(monkeypatch):
    """argon2id with at least OWASP's minimum cost (19 MiB memory, 2 passes)."""
    monkeypatch.setattr(users, "_HASHER", PRODUCTION_HASHER)
    stored = users.hash_password(PASSWORD)
    params = dict(item.split("=") for item in stored.split("$")[3].split(","))

    assert stored.startswith("$argon2id$")
    assert int(params["m"]) >= 19 * 1024
    assert int(params["t"]) >= 2


def test_two_users_with_the_same_password_get_different_hashes(db, clerk):
    add_user(db, OFFICE, "lina", "李娜", Role.VIEWER, PASSWORD)
    with sqlite3.connect(db.path) as connection:
        hashes = {row[0] for row in connection.execute("SELECT password_hash FROM app_user")}
    connection.close()

    assert len(hashes) == 2


def test_the_password_never_reaches_the_audit_log(db, clerk):
    reset_password(db, OFFICE, clerk, "Fresh-start-9")
    log_in(db, "wangfang", "Fresh-start-9")
    with sqlite3.connect(db.path) as connection:
        dump = "\n".join(connection.iterdump())
    connection.close()

    assert PASSWORD not in dump
    assert "Fresh-start-9" not in dump


# --- user management --------------------------------------------------------------------------


def test_user_made_by_an_administrator_must_change_the_password(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)

    add_user(db, boss, "lina", "李娜", Role.VIEWER, "Other-pass-44")

    assert log_in(db, "lina", "Other-pass-44").must_change_password is True


def test_user_names_are_unique_ignoring_case(db, clerk):
    with pytest.raises(ValidationFailed) as refused:
        add_user(db, OFFICE, "WangFang", "另一个王芳", Role.VIEWER, "Other-pass-44")

    assert [p.field for p in refused.value.problems] == ["username"]


@pytest.mark.parametrize("name", ["", "   ", "wang fang", "x" * 51])
def test_bad_user_names_are_refused(db, name):
    with pytest.raises(ValidationFailed):
        add_user(db, OFFICE, name, "王芳", Role.OFFICER, PASSWORD)


def test_list_users_shows_no_password_hash(db, clerk):
    (view,) = list_users(db, OFFICE)

    assert not hasattr(view, "password_hash")
    assert (view.username, view.role, view.disabled) == ("wangfang", Role.OFFICER, False)


def test_add_user_writes_a_create_entry_with_the_role(db, clerk):
    entry = last_entry(db)

    assert (entry.actor, entry.action.value, entry.record_type, entry.record_id) == (
        "cli",
        "create",
        "user",
        str(clerk),
    )
    assert entry.changes["role"] == [None, "officer"]


def test_update_user_writes_only_changed_fields(db, clerk):
    update_user(
        db, OFFICE, clerk, role=Role.VIEWER, disabled=False, can_unmask=False, display_name="王芳"
    )

    assert last_entry(db).changes == {"role": ["officer", "viewer"]}


def test_the_only_admin_cannot_be_disabled(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)

    with pytest.raises(ServiceError):
        set_role(db, boss, boss.user_id, Role.ADMIN, disabled=True)

    assert log_in(db, "boss", PASSWORD).actor.role is Role.ADMIN


def test_the_only_admin_cannot_be_demoted(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)

    with pytest.raises(ServiceError):
        set_role(db, boss, boss.user_id, Role.OFFICER)

    assert list_users(db, boss)[0].role is Role.ADMIN


def test_an_admin_can_be_demoted_once_another_admin_exists(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)
    add_user(db, boss, "deputy", "副主席", Role.ADMIN, "Other-pass-44")

    set_role(db, boss, boss.user_id, Role.OFFICER)

    assert log_in(db, "boss", PASSWORD).actor.role is Role.OFFICER


def test_an_admin_can_be_disabled_once_another_admin_exists(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)
    add_user(db, boss, "deputy", "副主席", Role.ADMIN, "Other-pass-44")

    set_role(db, boss, boss.user_id, Role.ADMIN, disabled=True)

    assert "disabled" in refusal(db, "boss", PASSWORD).problem.text


def test_a_disabled_admin_does_not_count_as_another_admin(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)
    deputy = add_user(db, boss, "deputy", "副主席", Role.ADMIN, "Other-pass-44")
    set_role(db, boss, deputy, Role.ADMIN, disabled=True)

    with pytest.raises(ServiceError):
        set_role(db, boss, boss.user_id, Role.VIEWER)


def test_add_first_admin_makes_an_unmasking_admin(db):
    boss = add_first_admin(db, "boss", "主席", PASSWORD)

    assert (boss.role, boss.can_unmask, boss.username) == (Role.ADMIN, True, "boss")
    assert log_in(db, "boss", PASSWORD).actor == boss


def test_add_first_admin_is_refused_once_any_user_exists(db, clerk):
    with pytest.raises(ServiceError):
        add_first_admin(db, "intruder", "某人", "Other-pass-44")

    assert [u.username for u in list_users(db, OFFICE)] == ["wangfang"]


def test_has_users(db):
    assert has_users(db) is False
    add_user(db, OFFICE, "wangfang", "王芳", Role.OFFICER, PASSWORD)
    assert has_users(db) is True


def test_create_database_with_an_admin_account_lets_that_admin_log_in(tmp_path):
    paths = resolve_paths(tmp_path / "other")
    made = create_database(
        paths,
        "测试机械厂工会委员会",
        compose_uscc("91110105MA01ABCD1"),
        AdminAccount("chair", PASSWORD, "主席"),
    )
    try:
        login = log_in(made, "chair", PASSWORD)
    finally:
        made.close()

    assert login.actor.role is Role.ADMIN
    assert login.must_change_password is False


def test_create_database_refuses_a_weak_admin_password(tmp_path):
    paths = resolve_paths(tmp_path / "other")
    with pytest.raises(ValidationFailed):
        create_database(
            paths,
            "测试机械厂工会委员会",
            compose_uscc("91110105MA01ABCD1"),
            AdminAccount("chair", "x"),
        )

    assert not database_exists(paths)


def test_the_decoy_hash_costs_what_a_real_password_hash_costs():
    from argon2 import PasswordHasher, extract_parameters

    from unionDesk.services import users

    decoy = extract_parameters(users._DECOY_HASH)
    real = extract_parameters(PasswordHasher().hash("Gonghui-2026!"))
    assert decoy == real
