"""Screenshots of every page and the main dialogs of UnionDesk for the user guide.

Opens the real widgets on demo data in a temporary data folder, offscreen, with the Chinese
translation installed, and saves PNGs beside this script (about 1000 px wide). Run it again
whenever the UI changes::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make.py

Needs a CJK font (Debian/Ubuntu: fonts-noto-cjk). Pillow, when present, shrinks the PNGs.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

OUT = Path(__file__).resolve().parent
WIDTH = 1000  # the PNGs are scaled down to this width
PASSPHRASE = "示范工会-2026签名"
APP = QApplication.instance() or QApplication(sys.argv[:1])

from unionDesk.domain.access import CLI_ACTOR, Actor, Role  # noqa: E402
from unionDesk.domain.outbox import DestinationKind  # noqa: E402
from unionDesk.domain.uscc import compose_uscc  # noqa: E402
from unionDesk.i18n import CHINESE, install_translators  # noqa: E402
from unionDesk.paths import AppPaths, resolve_paths  # noqa: E402
from unionDesk.services.backups import create_backup  # noqa: E402
from unionDesk.services.database import Database, create_database, get_union  # noqa: E402
from unionDesk.services.demo import fill_demo  # noqa: E402
from unionDesk.services.destinations import DestinationDraft, add_destination  # noqa: E402
from unionDesk.services.identity import create_identity  # noqa: E402
from unionDesk.ui.common import AppContext  # noqa: E402
from unionDesk.ui.main_window import MainWindow  # noqa: E402
from unionDesk.ui.tasks import TaskRunner  # noqa: E402

install_translators(APP, CHINESE)


def pump(seconds: float) -> None:
    """Let the event loop and the worker run for ``seconds``."""
    end = time.time() + seconds
    while time.time() < end:
        APP.processEvents()
        time.sleep(0.02)


def settle(ctx: AppContext, limit: float = 20.0) -> None:
    """Wait until the worker has nothing left to do, then let the results arrive."""
    end = time.time() + limit
    pump(0.2)
    while time.time() < end and not ctx.tasks.idle:
        pump(0.05)
    pump(0.3)


def save(widget: QWidget, name: str) -> None:
    """Grab ``widget`` and write ``name``.png, scaled to ``WIDTH`` pixels at most."""
    image: QImage = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    path = OUT / f"{name}.png"
    image.save(str(path))
    _optimise(path)
    print(f"{path.name}: {image.width()}x{image.height()}, {path.stat().st_size // 1024} KiB")


def _optimise(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def dialog_shot(
    ctx: AppContext, dialog: QDialog, name: str, prepare: Callable[[], None] | None = None
) -> None:
    """Show ``dialog``, optionally drive it, save it and close it."""
    dialog.show()
    settle(ctx)
    if prepare is not None:
        prepare()
        settle(ctx)
    save(dialog, name)
    dialog.close()
    dialog.deleteLater()
    pump(0.1)


def make_data(root: Path) -> tuple[AppPaths, Database, str, str]:
    """A demo union with members, selections, activities, an identity and a folder destination."""
    paths = resolve_paths(root / "data")
    db = create_database(paths, "北京示范机械厂工会委员会", compose_uscc("91110105MA01ABCD1"))
    demo = fill_demo(db, 300, selections=True, activities=True)
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    create_backup(paths, CLI_ACTOR)
    usb = root / "U盘"
    usb.mkdir()
    add_destination(
        db, CLI_ACTOR, paths, DestinationDraft("U 盘", DestinationKind.FOLDER, str(usb))
    )
    assert demo.selection is not None
    return paths, db, demo.selection.reviewers[0], demo.selection.reviewer_password


def import_file(root: Path) -> Path:
    """An .xlsx of 30 other demo members, as an officer would bring from the HR office."""
    from unionDesk.services.members import MemberQuery
    from unionDesk.services.spreadsheets import export_members

    other = create_database(
        resolve_paths(root / "other"), "其他", compose_uscc("91110105MA01ABCD1")
    )
    fill_demo(other, 30, seed=7)
    out = root / "人事处会员名单.xlsx"
    export_members(other, CLI_ACTOR, out, MemberQuery(), full_ids=True)
    other.close()
    _retouch(out)
    return out


def _retouch(file: Path) -> None:
    """New card numbers for every row, and two typical mistakes for the error list."""
    from openpyxl import load_workbook

    book = load_workbook(file)
    sheet = book.active
    header_row = next(r for r in range(1, 6) if sheet.cell(r, 1).value in ("姓名", "序号"))
    headers = {cell.value: cell.column for cell in sheet[header_row]}
    card, born = headers["会员证号"], headers.get("出生日期")
    for offset, row in enumerate(range(header_row + 1, sheet.max_row + 1)):
        sheet.cell(row, card).value = f"GH9{offset:07d}"
    if born is not None:
        sheet.cell(header_row + 3, born).value = "1990-13-45"
    sheet.cell(header_row + 5, headers["身份证号码"]).value = "110101199001011234"
    book.save(file)


def shoot_pages(win: MainWindow, ctx: AppContext) -> None:
    """The pages of the navigation, with a row chosen where a page shows details."""
    names = {
        "会员": "members",
        "评选": "selection",
        "竞赛": "competitions",
        "活动": "events",
        "用户": "users",
        "操作日志": "audit",
        "设置": "settings",
    }
    for title in win.nav_titles():
        if title in ("报表", "上报"):  # shown with a return in shoot_returns
            continue
        page = win.show_page(title)
        settle(ctx)
        table = getattr(page, "table", None)
        rows = table.model().rowCount() if table is not None and table.model() else 0
        if rows:
            table.selectRow(1 if rows > 1 and title == "竞赛" else 0)
            settle(ctx)
        save(win, "page_" + names.get(title, title))


def page_dialog(
    ctx: AppContext, page: QWidget, trigger: Callable[[], object], name: str, width: int = 0
) -> None:
    """Save the dialog ``trigger`` opens from ``page`` (announced by its dialog_opened)."""
    opened: list[QDialog] = []
    page.dialog_opened.connect(opened.append)
    trigger()
    settle(ctx)
    page.dialog_opened.disconnect(opened.append)
    if not opened:
        print(f"{name}: no dialog opened")
        return
    if width:
        opened[0].resize(width, max(opened[0].height(), 560))
    settle(ctx)
    save(opened[0], name)
    opened[0].close()
    pump(0.1)


def shoot_activity_dialogs(win: MainWindow, ctx: AppContext) -> None:
    """The candidate form, the competition form and entries, the event form and attendance."""
    page = win.show_page("评选")
    settle(ctx)
    page.table.selectRow(0)
    settle(ctx)
    page_dialog(ctx, page, page.open_selected, "dialog_candidate", 900)
    page = win.show_page("竞赛")
    settle(ctx)
    page.table.selectRow(1)
    settle(ctx)
    page_dialog(ctx, page, page.edit_selected, "dialog_competition_form")
    page_dialog(ctx, page, page.open_entries, "dialog_entries", 900)
    page = win.show_page("活动")
    settle(ctx)
    page.table.selectRow(0)
    settle(ctx)
    page_dialog(ctx, page, page.edit_selected, "dialog_event_form")
    page_dialog(ctx, page, page.attendance_selected, "dialog_attendance", 900)


def shoot_member_dialogs(win: MainWindow, ctx: AppContext, root: Path) -> None:
    """The member form (an existing member) and the import wizard at its mapping and check."""
    from unionDesk.ui.members.import_dialog import ImportDialog

    page = win.show_page("会员")
    settle(ctx)
    page.table.selectRow(0)
    page_dialog(ctx, page, page.edit_selected, "dialog_member_form")
    source = import_file(root)
    dialog = ImportDialog(ctx, win)
    dialog.resize(900, 620)
    dialog.file_edit.setText(str(source))
    dialog_shot(ctx, dialog, "dialog_import_file", None)
    dialog = ImportDialog(ctx, win)
    dialog.resize(900, 620)
    dialog.file_edit.setText(str(source))
    dialog.show()
    dialog.read_file()
    settle(ctx)
    save(dialog, "dialog_import_mapping")
    dialog.check()
    settle(ctx)
    save(dialog, "dialog_import_check")
    dialog.close()


def shoot_selection_dialogs(win: MainWindow, ctx: AppContext) -> None:
    """The review rounds, results and publicity dialogs of the first program."""
    page = win.show_page("评选")
    settle(ctx)
    program_id = page.current_program_id()
    if program_id is None:
        return
    for module, name in (
        ("round_dialog", "dialog_rounds"),
        ("results_view", "dialog_results"),
        ("publicity_dialog", "dialog_publicity"),
    ):
        dialog = win._open_dialog(module, program_id)
        dialog.resize(1000, 680)
        settle(ctx)
        save(dialog, name)
        dialog.close()
        pump(0.1)


def shoot_returns(win: MainWindow, ctx: AppContext) -> None:
    """A previewed roster, the identity and verify dialogs, and the destinations dialog."""
    from unionDesk.services.returns import ReturnType
    from unionDesk.ui.returns import passphrase
    from unionDesk.ui.returns.identity_dialog import IdentityDialog
    from unionDesk.ui.returns.verify_dialog import VerifyDialog
    from unionDesk.ui.upload.destinations import DestinationsDialog

    saved_to = ctx.paths.root / "报表"
    saved_to.mkdir()
    passphrase.ask_passphrase = lambda *args, **kwargs: PASSPHRASE
    QFileDialog.getExistingDirectory = staticmethod(lambda *args, **kwargs: str(saved_to))
    page = win.show_page("报表")
    settle(ctx)
    page.form.set_kind(ReturnType.SUMMARY)
    settle(ctx)
    page.form.generate_button.click()
    settle(ctx)
    pump(1)
    save(win, "returns_preview")
    page.sign_button.click()
    settle(ctx)
    page.queue_button.click()
    settle(ctx)
    save(win, "returns_signed")
    dialog_shot(ctx, IdentityDialog(ctx, win), "dialog_identity")
    verify = VerifyDialog(ctx, win)
    verify.resize(820, 560)
    pdf = next(saved_to.glob("*.pdf"))
    dialog_shot(ctx, verify, "dialog_verify", lambda: verify.verify_file(pdf))
    destinations = DestinationsDialog(ctx, win)
    destinations.resize(860, 420)
    dialog_shot(ctx, destinations, "dialog_destinations")
    win.show_page("上报")
    settle(ctx, 5)
    save(win, "page_upload_queued")


def shoot_selftest(win: MainWindow, ctx: AppContext) -> None:
    """帮助 → 自检 with its checks finished (when this version of the window has it)."""
    open_selftest = getattr(win, "open_selftest", None)
    if open_selftest is None:
        return
    dialog = open_selftest()
    dialog.resize(760, 460)
    settle(ctx, 90)
    save(dialog, "dialog_selftest")
    dialog.close()
    pump(0.1)


def shoot_login(paths: AppPaths, db: Database, ctx: AppContext) -> None:
    """The login and first-run dialogs."""
    from unionDesk.ui.first_run import FirstRunDialog
    from unionDesk.ui.login import LoginDialog

    login = LoginDialog(db, ctx.tasks, get_union(db).name, username="admin")
    dialog_shot(ctx, login, "dialog_login")
    empty = resolve_paths(paths.root.parent / "new")
    dialog_shot(ctx, FirstRunDialog(empty, ctx.tasks), "dialog_first_run")


def shoot_reviewer(paths: AppPaths, db: Database, reviewer: str) -> None:
    """The reviewer's window: only their rounds, a candidate and the score sheet."""
    from unionDesk.services.users import list_users

    user = next(u for u in list_users(db, CLI_ACTOR) if u.username == reviewer)
    ctx = AppContext(db, TaskRunner(), paths, Actor(user.id, reviewer, Role.REVIEWER))
    win = MainWindow(paths)
    win.attach(ctx, get_union(db))
    win.resize(1280, 800)
    win.show()
    settle(ctx)
    page = win.review_page
    if page is not None and page.candidate_table.rowCount() > 0:
        page.candidate_table.selectRow(0)
        settle(ctx)
        for editor, score in zip(page.sheet.editors.values(), ("27", "35", "26"), strict=False):
            editor.setText(score)  # typed, not saved: the weighted total follows
        page.sheet.comment_edit.setPlainText("技术攻关成效突出，带徒成绩明显。")
        pump(0.3)
    save(win, "reviewer_scoring")
    win._stop_sender()
    win.hide()
    ctx.tasks.shutdown()


def main() -> None:
    """Make every screenshot into this folder."""
    for old in OUT.glob("*.png"):
        old.unlink()
    root = Path(tempfile.mkdtemp(prefix="uniondesk-shots-"))
    try:
        paths, db, reviewer, _ = make_data(root)
        ctx = AppContext(db, TaskRunner(), paths, Actor(1, "admin", Role.ADMIN, True))
        win = MainWindow(paths)
        win.attach(ctx, get_union(db))
        win.resize(1280, 800)
        win.show()
        settle(ctx)
        shoot_login(paths, db, ctx)
        shoot_pages(win, ctx)
        shoot_member_dialogs(win, ctx, root)
        shoot_selection_dialogs(win, ctx)
        shoot_activity_dialogs(win, ctx)
        shoot_returns(win, ctx)
        shoot_selftest(win, ctx)
        win._stop_sender()
        win.hide()
        ctx.tasks.shutdown()
        shoot_reviewer(paths, db, reviewer)
        db.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"total {total / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
