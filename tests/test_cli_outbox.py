"""``uniondesk outbox …`` and ``return --queue``, run in-process against a real receiver."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import fake_id, member_draft
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, main
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.sync.inbox import InboxServer

PASSPHRASE = "Gonghui-Sign-2026"
TOKEN = "cli-token-2026"


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    paths = resolve_paths(folder)
    db = create_database(paths, "测试工会委员会", compose_uscc("91110105MA01ABCD1"))
    create_member(db, CLI_ACTOR, member_draft(name="王𠈌", id_number=fake_id(sequence=11)))
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    db.close()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "token.txt").write_text(TOKEN + "\n", encoding="utf-8")
    return folder


def run(data_dir, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def queue_roster(data_dir, tmp_path, capsys, period: str = "2026Q3") -> tuple[int, str, str]:
    return run(
        data_dir,
        capsys,
        *("return", "roster", "--period", period, "--out", str(tmp_path / "out")),
        *("--sign", "--passphrase-file", str(tmp_path / "pass.txt"), "--queue"),
    )


def test_queue_send_and_list_with_receipts(data_dir, tmp_path, capsys):
    server = InboxServer(tmp_path / "inbox", TOKEN).start()
    try:
        code, printed, _ = run(
            data_dir,
            capsys,
            *("outbox", "destinations", "add", "--kind", "http", "--name", "区总工会"),
            *("--url", server.url, "--token-file", str(tmp_path / "token.txt")),
        )
        assert code == EXIT_OK and "Added destination" in printed
        code, printed, _ = queue_roster(data_dir, tmp_path, capsys)
        assert code == EXIT_OK and "Queued for upload to 区总工会" in printed
        code, printed, _ = run(data_dir, capsys, "outbox", "send")
        assert code == EXIT_OK and "Delivered 1" in printed
    finally:
        server.stop()
    code, printed, _ = run(data_dir, capsys, "outbox", "list", "--json")
    (item,) = json.loads(printed)
    assert item["state"] == "delivered" and item["receipt_id"].startswith("IN-")
    assert server.package_ids() == [item["package_id"]]
    code, printed, _ = run(data_dir, capsys, "outbox", "destinations", "list", "--json")
    (destination,) = json.loads(printed)
    assert destination["has_secret"] and TOKEN not in printed


def test_a_stopped_receiver_leaves_the_package_to_retry_and_export_carries_it(
    data_dir, tmp_path, capsys
):
    url = "http://127.0.0.1:9"  # nothing listens on the discard port
    token = str(tmp_path / "token.txt")
    add = ("outbox", "destinations", "add", "--kind", "http", "--url", url, "--token-file", token)
    assert run(data_dir, capsys, *add)[0] == EXIT_OK
    assert queue_roster(data_dir, tmp_path, capsys)[0] == EXIT_OK
    code, printed, _ = run(data_dir, capsys, "outbox", "send")
    assert code == EXIT_REFUSED and "failed (will retry) 1" in printed
    (item,) = json.loads(run(data_dir, capsys, "outbox", "list", "--json")[1])
    assert item["state"] == "failed" and item["last_error"]
    code, _, err = run(data_dir, capsys, "outbox", "export-folder", str(tmp_path / "usb"))
    assert code == EXIT_OK and "Copied 1 packages" in err
    carried = tmp_path / "usb" / item["package_id"]
    assert sorted(p.name for p in carried.iterdir()) == ["data.json", "manifest.json", "return.pdf"]
    code, printed, _ = run(data_dir, capsys, "outbox", "retry", str(item["id"]))
    assert code == EXIT_OK and "queued again" in printed


def test_queue_needs_a_signed_return_and_a_destination(data_dir, tmp_path, capsys):
    out = ("--out", str(tmp_path / "out"))
    code, _, err = run(data_dir, capsys, "return", "roster", "--period", "2026", *out, "--queue")
    assert code == EXIT_REFUSED and "--sign" in err
    code, _, err = queue_roster(data_dir, tmp_path, capsys)
    assert code == EXIT_REFUSED and err.strip()  # no destination yet: the service says so


def test_export_to_an_unwritable_place_is_refused_with_the_reason(data_dir, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code, _, err = run(data_dir, capsys, "outbox", "export-folder", str(blocker / "usb"))
    assert code == EXIT_REFUSED and "Cannot write into" in err
