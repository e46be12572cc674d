"""A backup restored from the Settings page replaces the database and the pages use the new one."""

from helpers import OFFICE, member_draft
from unionDesk import app as app_module
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.backups import create_backup
from unionDesk.services.database import create_database
from unionDesk.services.members import MemberQuery, create_member, query_member_ids
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.tasks import TaskRunner


def test_restoring_from_settings_brings_back_the_backed_up_register(qtbot, tmp_path):
    paths = resolve_paths(tmp_path / "data")
    create_database(paths, "测试工会", compose_uscc("91110105MA01ABCD1")).close()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    tasks, opened = TaskRunner(), []
    try:
        ready = app_module._prepare(paths, opened)
        app_module._sign_in(window, tasks, paths, opened, ready, [OFFICE])
        backup = create_backup(paths, OFFICE).file
        create_member(opened[0], OFFICE, member_draft())
        assert len(query_member_ids(opened[0], OFFICE, MemberQuery())) == 1

        window.restore_requested.emit(backup)
        qtbot.waitUntil(
            lambda: (
                "restored" in window.statusBar().currentMessage()
                or "恢复" in window.statusBar().currentMessage()
            ),
            timeout=10_000,
        )

        assert window.ctx is not None and window.ctx.db is opened[0]
        assert query_member_ids(opened[0], OFFICE, MemberQuery()) == []
        qtbot.waitUntil(lambda: tasks.idle, timeout=5000)
    finally:
        tasks.shutdown()
        for db in opened:
            db.close()


def test_a_restore_from_settings_says_when_attachments_could_not_be_put_back(
    qtbot, tmp_path, monkeypatch
):
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from selection_helpers import make_candidates, make_members, make_program
    from unionDesk.domain.candidate import AttachmentKind
    from unionDesk.services.attachments import add_attachment, attachment_folder

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    paths = resolve_paths(tmp_path / "data")
    db = create_database(paths, "测试工会", compose_uscc("91110105MA01ABCD1"))
    candidate = make_candidates(db, make_program(db), make_members(db, 1))[0]
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, photo)
    db.close()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    tasks, opened = TaskRunner(), []
    try:
        ready = app_module._prepare(paths, opened)
        app_module._sign_in(window, tasks, paths, opened, ready, [OFFICE])
        backup = create_backup(paths, OFFICE).file
        # The photo is lost everywhere: in the data folder and in the backup's file store.
        shutil.rmtree(attachment_folder(opened[0]))
        shutil.rmtree(backup.parent / "files")

        window.restore_requested.emit(backup)
        qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)

        assert "1" in warnings[0]
        qtbot.waitUntil(lambda: tasks.idle, timeout=5000)
    finally:
        tasks.shutdown()
        for opened_db in opened:
            opened_db.close()
