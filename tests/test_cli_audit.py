"""The command line's account and audit commands: ``init --admin-user``, ``demo`` and
``audit verify``, run in-process."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication

from unionDesk.cli import EXIT_OK, EXIT_REFUSED, main
from unionDesk.domain.access import Role
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import database_exists, open_database
from unionDesk.services.users import LoginRefused, has_users, log_in

UNION = "测试机械厂工会委员会"
USCC = compose_uscc("91110105MA01ABCD1")
ADMIN_PASSWORD = "Bluebird-73"
GENERATED = re.compile(r"Demo administrator: user name admin, password (\S+)")


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """English messages; pytest-qt's QApplication exists before the cli would make one."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def run(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def demo(data_dir, *args: str) -> int:
    return run(data_dir, "demo", "--members", "5", *args)


def logs_in(data_dir, username: str, password: str):
    db = open_database(resolve_paths(data_dir))
    try:
        return log_in(db, username, password)
    finally:
        db.close()


def password_file(tmp_path, text: str):
    path = tmp_path / "admin-password.txt"
    path.write_text(text, encoding="utf-8")
    return path


def tamper(data_dir, statement: str) -> None:
    connection = sqlite3.connect(resolve_paths(data_dir).database)
    try:
        with connection:
            connection.execute(statement)
    finally:
        connection.close()


def entry_ids(data_dir) -> list[int]:
    connection = sqlite3.connect(resolve_paths(data_dir).database)
    try:
        return [row[0] for row in connection.execute("SELECT id FROM audit_entry ORDER BY id")]
    finally:
        connection.close()


# --- audit verify -----------------------------------------------------------------------------


def test_audit_verify_reports_ok_on_a_fresh_demo_database(data_dir, capsys):
    demo(data_dir, "--admin-password", ADMIN_PASSWORD)
    capsys.readouterr()

    assert run(data_dir, "audit", "verify") == EXIT_OK

    out = capsys.readouterr().out
    assert out.startswith("Audit log OK:")
    assert f"{len(entry_ids(data_dir))} entries" in out


def test_audit_verify_names_the_edited_entry(data_dir, capsys):
    demo(data_dir, "--admin-password", ADMIN_PASSWORD)
    target = entry_ids(data_dir)[1]
    tamper(data_dir, f"UPDATE audit_entry SET summary = 'nothing happened' WHERE id = {target}")
    capsys.readouterr()

    assert run(data_dir, "audit", "verify") == EXIT_REFUSED

    err = capsys.readouterr().err
    assert f"BROKEN at entry {target}:" in err
    assert "edited" in err


def test_audit_verify_names_the_entry_after_a_deleted_one(data_dir, capsys):
    demo(data_dir, "--admin-password", ADMIN_PASSWORD)
    ids = entry_ids(data_dir)
    tamper(data_dir, f"DELETE FROM audit_entry WHERE id = {ids[0]}")
    capsys.readouterr()

    assert run(data_dir, "audit", "verify") == EXIT_REFUSED

    err = capsys.readouterr().err
    assert f"BROKEN at entry {ids[1]}:" in err
    assert "removed" in err


def test_audit_verify_without_a_database_is_refused(data_dir, capsys):
    assert run(data_dir, "audit", "verify") == EXIT_REFUSED
    assert "There is no database" in capsys.readouterr().err


# --- init with an administrator ---------------------------------------------------------------


def test_init_with_admin_user_but_no_password_file_is_refused(data_dir, capsys):
    code = run(data_dir, "init", "--union-name", UNION, "--uscc", USCC, "--admin-user", "chair")

    assert code == EXIT_REFUSED
    assert "--admin-password-file" in capsys.readouterr().err
    assert not database_exists(resolve_paths(data_dir))


def test_init_with_a_password_file_but_no_admin_user_is_refused(data_dir, tmp_path):
    secret = password_file(tmp_path, ADMIN_PASSWORD + "\n")

    code = run(
        data_dir,
        "init",
        "--union-name",
        UNION,
        "--uscc",
        USCC,
        "--admin-password-file",
        str(secret),
    )

    assert code == EXIT_REFUSED
    assert not database_exists(resolve_paths(data_dir))


def test_init_with_an_admin_creates_a_user_who_can_log_in(data_dir, tmp_path):
    secret = password_file(tmp_path, ADMIN_PASSWORD + "\nsecond line is ignored\n")

    code = run(
        data_dir,
        "init",
        "--union-name",
        UNION,
        "--uscc",
        USCC,
        "--admin-user",
        "chair",
        "--admin-password-file",
        str(secret),
    )

    assert code == EXIT_OK
    login = logs_in(data_dir, "chair", ADMIN_PASSWORD)
    assert login.actor.role is Role.ADMIN


def test_init_with_a_missing_password_file_is_refused(data_dir, tmp_path, capsys):
    code = run(
        data_dir,
        "init",
        "--union-name",
        UNION,
        "--uscc",
        USCC,
        "--admin-user",
        "chair",
        "--admin-password-file",
        str(tmp_path / "missing.txt"),
    )

    assert code == EXIT_REFUSED
    assert "cannot be read" in capsys.readouterr().err
    assert not database_exists(resolve_paths(data_dir))


def test_init_with_a_weak_admin_password_is_refused_and_creates_nothing(data_dir, tmp_path, capsys):
    secret = password_file(tmp_path, "short\n")

    code = run(
        data_dir,
        "init",
        "--union-name",
        UNION,
        "--uscc",
        USCC,
        "--admin-user",
        "chair",
        "--admin-password-file",
        str(secret),
    )

    assert code == EXIT_REFUSED
    assert "at least 8 characters" in capsys.readouterr().err
    assert not database_exists(resolve_paths(data_dir))


def test_init_without_an_admin_makes_no_account(data_dir):
    assert run(data_dir, "init", "--union-name", UNION, "--uscc", USCC) == EXIT_OK

    db = open_database(resolve_paths(data_dir))
    try:
        assert not has_users(db)
    finally:
        db.close()


# --- demo administrator -----------------------------------------------------------------------


def test_demo_with_admin_password_lets_admin_log_in_with_it(data_dir, capsys):
    assert demo(data_dir, "--admin-password", ADMIN_PASSWORD) == EXIT_OK

    assert logs_in(data_dir, "admin", ADMIN_PASSWORD).actor.role is Role.ADMIN


def test_demo_without_a_password_prints_a_generated_one_that_works(data_dir, capsys):
    assert demo(data_dir) == EXIT_OK

    found = GENERATED.search(capsys.readouterr().out)
    assert found is not None
    assert logs_in(data_dir, "admin", found.group(1)).actor.username == "admin"


def test_demo_generates_a_different_password_each_time(tmp_path, capsys):
    demo(tmp_path / "one")
    demo(tmp_path / "two")

    passwords = GENERATED.findall(capsys.readouterr().out)
    assert len(passwords) == 2
    assert passwords[0] != passwords[1]


def test_demo_again_keeps_the_first_admin_password(data_dir, capsys):
    demo(data_dir, "--admin-password", ADMIN_PASSWORD)
    capsys.readouterr()

    assert demo(data_dir, "--admin-password", "Another-pass-5") == EXIT_OK

    assert GENERATED.search(capsys.readouterr().out) is None
    with pytest.raises(LoginRefused):
        logs_in(data_dir, "admin", "Another-pass-5")
    assert logs_in(data_dir, "admin", ADMIN_PASSWORD).actor.username == "admin"


def test_demo_with_a_weak_admin_password_is_refused_with_a_message(data_dir, capsys):
    assert demo(data_dir, "--admin-password", "short") == EXIT_REFUSED

    assert "at least 8 characters" in capsys.readouterr().err


def test_demo_actions_are_audited_as_cli(data_dir):
    demo(data_dir, "--admin-password", ADMIN_PASSWORD)

    connection = sqlite3.connect(resolve_paths(data_dir).database)
    try:
        actors = {row[0] for row in connection.execute("SELECT DISTINCT actor FROM audit_entry")}
    finally:
        connection.close()
    assert "cli" in actors
    assert actors <= {"cli", "admin"}
