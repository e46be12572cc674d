"""``uniondesk import members FILE``, run in-process: exit codes, output and what it writes."""

from __future__ import annotations

import json

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication

from helpers import OFFICE
from import_helpers import HEADER, TITLE, fake_id, member_row, write_not_a_zip, write_xlsx
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import open_database
from unionDesk.services.departments import all_departments
from unionDesk.services.members import MemberQuery, query_member_ids, search_members

USCC = compose_uscc("91110105MA01ABCD1")


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path, capsys):
    folder = tmp_path / "data"
    assert (
        main(["--data-dir", str(folder), "init", "--union-name", "测试工会", "--uscc", USCC]) == 0
    )
    capsys.readouterr()
    return folder


def run(data_dir, *args: object) -> int:
    return main(["--data-dir", str(data_dir), "import", "members", *map(str, args)])


def count(data_dir) -> int:
    db = open_database(resolve_paths(data_dir))
    try:
        return len(query_member_ids(db, OFFICE, MemberQuery()))
    finally:
        db.close()


def roster(tmp_path, *bad_rows: list[object]):
    rows = [member_row(1), member_row(2), *bad_rows]
    return write_xlsx(tmp_path / "roster.xlsx", rows, title=TITLE)


def test_clean_file_imports_everything_and_exits_0(data_dir, tmp_path, capsys):
    assert run(data_dir, roster(tmp_path), "--create-departments") == EXIT_OK

    out = capsys.readouterr().out
    assert "2 new, 0 to update, 0 to skip, 0 errors" in out
    assert "Imported: 2 added, 0 updated, 0 skipped." in out
    assert count(data_dir) == 2
    db = open_database(resolve_paths(data_dir))
    try:
        assert [node.path for node in all_departments(db)] == ["生产车间"]
    finally:
        db.close()


def test_new_departments_without_confirmation_are_refused(data_dir, tmp_path, capsys):
    assert run(data_dir, roster(tmp_path)) == EXIT_REFUSED

    assert "not in the tree yet: 生产车间" in capsys.readouterr().err
    assert count(data_dir) == 0


def test_row_errors_exit_1_commit_good_rows_and_write_the_report(data_dir, tmp_path, capsys):
    bad = member_row(3, 入会时间="去年")
    report = tmp_path / "errors.xlsx"

    code = run(data_dir, roster(tmp_path, bad), "--create-departments", "--report", report)

    assert code == EXIT_REFUSED
    captured = capsys.readouterr()
    assert "Row 5, 入会时间: “去年” is not a date" in captured.err
    assert "Error report written to" in captured.out
    assert count(data_dir) == 2
    values = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert values[0] == (*HEADER, "Error reason")
    assert len(values) == 4 and values[3][-1].startswith("入会时间: ")


def test_dry_run_writes_nothing(data_dir, tmp_path, capsys):
    assert run(data_dir, roster(tmp_path), "--dry-run", "--create-departments") == EXIT_OK

    assert "Imported" not in capsys.readouterr().out
    assert count(data_dir) == 0


def test_json_output(data_dir, tmp_path, capsys):
    bad = member_row(3, 身份证号码=float(fake_id(3)[:17] + "0"))
    code = run(data_dir, roster(tmp_path, bad), "--json", "--create-departments")

    assert code == EXIT_REFUSED
    summary = json.loads(capsys.readouterr().out)
    assert (summary["new"], summary["errors"], summary["created"]) == (2, 1, 2)
    [found] = summary["problems"]
    assert (found["row"], found["column"]) == (5, "身份证号码")
    assert "as a number" in found["reason"]


def test_update_existing(data_dir, tmp_path, capsys):
    run(data_dir, roster(tmp_path), "--create-departments")
    changed = write_xlsx(tmp_path / "new.xlsx", [member_row(1, 手机号码="13800005555")])
    capsys.readouterr()

    assert run(data_dir, changed) == EXIT_OK
    assert "0 new, 0 to update, 1 to skip" in capsys.readouterr().out
    assert run(data_dir, changed, "--update-existing") == EXIT_OK

    assert "Imported: 0 added, 1 updated, 0 skipped." in capsys.readouterr().out
    db = open_database(resolve_paths(data_dir))
    try:
        [row] = search_members(db, OFFICE, fake_id(1)[-4:])
        assert row.mobile_masked == "138****5555"
    finally:
        db.close()


def test_unreadable_file_exits_2(data_dir, tmp_path, capsys):
    assert run(data_dir, write_not_a_zip(tmp_path / "fake.xlsx")) == EXIT_USAGE

    assert capsys.readouterr().err.strip()
    assert count(data_dir) == 0


def test_file_without_header_exits_2(data_dir, tmp_path, capsys):
    path = write_xlsx(tmp_path / "nohead.xlsx", [["a", "b"]], header=None)

    assert run(data_dir, path) == EXIT_USAGE

    assert "No header row was found" in capsys.readouterr().err
