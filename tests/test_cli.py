"""The ``uniondesk`` command line, run in-process: exit codes, messages and what it writes."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import OFFICE, member_draft
from unionDesk import __version__
from unionDesk.cli import DEMO_UNION, EXIT_OK, EXIT_REFUSED, EXIT_STORE, main
from unionDesk.domain.enums import (
    Education,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.uscc import compose_uscc, uscc_check_char
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import database_exists, get_union, open_database
from unionDesk.services.members import MemberQuery, create_member, query_member_ids

USCC_BODY = "91110105MA01ABCD1"
USCC = compose_uscc(USCC_BODY)
EXPECTED_CHECK = uscc_check_char(USCC_BODY)
BAD_USCC = USCC_BODY + ("0" if EXPECTED_CHECK != "0" else "1")
UNION = "测试机械厂工会委员会"
# A composed number, not a real person's.
ZHANG_WEI_ID = compose_resident_id("110105", date(1990, 5, 17), 123)


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs.

    The cli makes a QCoreApplication when there is none, which would keep later widget tests
    from getting their QApplication, so pytest-qt's ``qapp`` is created first.
    """
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)  # drop what a test installed


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def run(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def init(data_dir, uscc: str = USCC) -> int:
    return run(data_dir, "init", "--union-name", UNION, "--uscc", uscc)


def member_count(data_dir) -> int:
    db = open_database(resolve_paths(data_dir))
    try:
        return len(query_member_ids(db, OFFICE, MemberQuery()))
    finally:
        db.close()


@pytest.fixture
def register_with_zhang_wei(data_dir, capsys):
    """An initialised folder holding one member, 张伟, added through the service layer."""
    assert init(data_dir) == EXIT_OK
    draft = member_draft(id_number=ZHANG_WEI_ID, education=Education.SENIOR_MIDDLE, job_title="")
    db = open_database(resolve_paths(data_dir))
    try:
        create_member(db, OFFICE, draft, today=date(2026, 11, 21))
    finally:
        db.close()
    capsys.readouterr()  # forget what init printed
    return data_dir


def test_version_prints_the_version(capsys):
    assert main(["--version"]) == EXIT_OK

    assert capsys.readouterr().out.strip() == f"UnionDesk {__version__}"


def test_version_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "unionDesk.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0
    assert result.stdout.strip() == f"UnionDesk {__version__}"


def test_init_creates_the_database(data_dir, capsys):
    assert init(data_dir) == EXIT_OK

    paths = resolve_paths(data_dir)
    assert database_exists(paths)
    assert str(paths.database) in capsys.readouterr().out


def test_init_stores_the_union(data_dir):
    init(data_dir)

    db = open_database(resolve_paths(data_dir))
    try:
        assert (get_union(db).name, get_union(db).uscc) == (UNION, USCC)
    finally:
        db.close()


def test_second_init_is_refused(data_dir, capsys):
    init(data_dir)
    capsys.readouterr()

    assert init(data_dir) == EXIT_REFUSED

    captured = capsys.readouterr()
    assert str(resolve_paths(data_dir).root) in captured.err
    assert captured.out == ""


def test_init_with_a_wrong_check_character_is_refused(data_dir, capsys):
    assert init(data_dir, BAD_USCC) == EXIT_REFUSED

    err = capsys.readouterr().err
    assert "check character" in err
    assert EXPECTED_CHECK in err
    assert not database_exists(resolve_paths(data_dir))


def test_demo_into_an_empty_folder_creates_the_demo_database(data_dir):
    assert run(data_dir, "demo", "--members", "50") == EXIT_OK

    db = open_database(resolve_paths(data_dir))
    try:
        assert get_union(db).name == DEMO_UNION
    finally:
        db.close()


def test_demo_adds_the_members_asked_for(data_dir):
    run(data_dir, "demo", "--members", "50")

    assert member_count(data_dir) == 50


def test_demo_adds_to_an_existing_database(register_with_zhang_wei):
    assert run(register_with_zhang_wei, "demo", "--members", "20") == EXIT_OK

    assert member_count(register_with_zhang_wei) == 21


def test_demo_with_a_negative_count_is_refused(data_dir, capsys):
    assert run(data_dir, "demo", "--members", "-1") == EXIT_REFUSED

    assert capsys.readouterr().err.strip()
    assert not database_exists(resolve_paths(data_dir))


def test_search_prints_json_with_masked_id_numbers(register_with_zhang_wei, capsys):
    assert run(register_with_zhang_wei, "members", "search", "zw", "--json") == EXIT_OK

    rows = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in rows] == ["张伟"]
    assert "*" in rows[0]["id_number_masked"]
    assert ZHANG_WEI_ID not in json.dumps(rows)


def test_search_prints_masked_rows_as_text(register_with_zhang_wei, capsys):
    assert run(register_with_zhang_wei, "members", "search", "张") == EXIT_OK

    captured = capsys.readouterr()
    assert "张伟" in captured.out
    assert "138****1234" in captured.out
    assert ZHANG_WEI_ID not in captured.out
    assert "Members found: 1" in captured.err


def test_search_respects_the_limit(data_dir, capsys):
    run(data_dir, "demo", "--members", "50")
    capsys.readouterr()

    assert run(data_dir, "members", "search", "1", "--json", "--limit", "3") == EXIT_OK

    assert len(json.loads(capsys.readouterr().out)) == 3


def test_search_without_a_database_is_refused(data_dir, capsys):
    assert run(data_dir, "members", "search", "zw") == EXIT_REFUSED

    assert "init" in capsys.readouterr().err


def test_search_in_an_unreadable_database_fails_and_leaves_it_unchanged(data_dir, capsys):
    database = resolve_paths(data_dir).database
    data_dir.mkdir()
    garbage = random.Random(20261121).randbytes(8192)
    database.write_bytes(garbage)

    assert run(data_dir, "members", "search", "zw") == EXIT_STORE

    assert database.read_bytes() == garbage
    assert str(database) in capsys.readouterr().err


def test_unknown_command_is_a_usage_error(data_dir):
    with pytest.raises(SystemExit) as stopped:
        run(data_dir, "frobnicate")

    assert stopped.value.code == 2


def test_exit_codes_are_the_same_in_chinese(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("UNIONDESK_LANG", "zh_CN")

    codes = [
        run(data_dir, "members", "search", "zw"),
        init(data_dir, BAD_USCC),
        init(data_dir),
        init(data_dir),
        run(data_dir, "demo", "--members", "-1"),
        run(data_dir, "demo", "--members", "5"),
    ]

    assert codes == [EXIT_REFUSED, EXIT_REFUSED, EXIT_OK, EXIT_REFUSED, EXIT_REFUSED, EXIT_OK]
    assert capsys.readouterr().err.strip()


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "demo", "--members", "2000"]) == 0
    script = "import sys; from unionDesk.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", script, "--data-dir", str(folder)]
    reader = subprocess.Popen(
        [*command, "members", "search", "z", "--json", "--limit", "5000"],  # > a pipe buffer
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -c 10`, while the program still has much to write

    assert reader.wait(timeout=60) == 0
    assert b"Traceback" not in reader.stderr.read()
