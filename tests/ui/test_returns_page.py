"""The returns page: generate a return on the worker, preview it, save, sign and print it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from activity_helpers import make_competition
from helpers import OFFICE, fake_id, member_draft
from returns_helpers import pdf_pages
from unionDesk.domain.access import Role
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.periods import quarter_of
from unionDesk.services.database import get_union
from unionDesk.services.demo import fill_demo
from unionDesk.services.members import MemberQuery, create_member, query_member_ids
from unionDesk.services.returns import GeneratedReturn, ReturnType
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.returns.page import ReturnsPage
from unionDesk.ui.returns.printing import print_pdf

PASSPHRASE = "Qianming-2026!"
UNPRINTABLE_NAME = "王\U00030000"  # U+30000 (CJK Extension G): in neither shipped font
RETURNS_ROW = 4  # in the main window's navigation


def make_page(qtbot: Any, ctx: AppContext) -> ReturnsPage:
    page = ReturnsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> ReturnsPage:
    widget = make_page(qtbot, ctx)
    wait_idle()
    return widget


@pytest.fixture
def members(ctx: AppContext) -> None:
    fill_demo(ctx.db, 40)  # two or three roster pages


@pytest.fixture
def few_members(ctx: AppContext) -> None:
    for sequence, name in enumerate(("王𠈌", "阿依古丽·买买提", "李明"), start=101):
        draft = member_draft(name=name, id_number=fake_id(sequence), card_number=f"GH{sequence}")
        create_member(ctx.db, OFFICE, draft)


def generate_roster(qtbot: Any, page: ReturnsPage) -> GeneratedReturn:
    assert page.form is not None
    page.form.set_kind(ReturnType.ROSTER)
    with qtbot.waitSignal(page.generated, timeout=10_000) as signal:
        page.form.generate_button.click()
    made: GeneratedReturn = signal.args[0]
    return made


@pytest.fixture
def roster(qtbot: Any, page: ReturnsPage, few_members: None) -> GeneratedReturn:
    """A one-page roster in the preview."""
    return generate_roster(qtbot, page)


@pytest.fixture
def long_roster(qtbot: Any, page: ReturnsPage, members: None) -> GeneratedReturn:
    """A roster of several pages in the preview."""
    return generate_roster(qtbot, page)


def test_generated_roster_is_previewed_with_its_page_count(
    qtbot: Any, page: ReturnsPage, long_roster: GeneratedReturn, ctx: AppContext
) -> None:
    roster = long_roster
    pages = pdf_pages(roster.pdf)
    assert pages >= 2
    assert page.preview.page_count == pages
    assert page.heading_label.text().startswith(roster.title)
    assert str(pages) in page.heading_label.text()
    active = query_member_ids(ctx.db, OFFICE, MemberQuery(status=MemberStatus.ACTIVE))
    assert roster.data["count"] == len(active)
    qtbot.waitUntil(lambda: 0 in page.preview.rendered_pages())


def test_generating_runs_on_the_worker_with_the_button_disabled(
    qtbot: Any, page: ReturnsPage, members: None
) -> None:
    assert page.form is not None
    page.form.generate_button.click()
    assert not page.form.generate_button.isEnabled()  # the result is not back yet
    assert page.form.status_label.text()
    assert page.generated_return is None
    qtbot.waitUntil(lambda: page.generated_return is not None, timeout=10_000)
    assert page.form.generate_button.isEnabled()


def test_the_period_defaults_to_the_current_quarter(page: ReturnsPage) -> None:
    assert page.form is not None
    request = page.form.request()
    assert request is not None
    assert request.period == quarter_of(date.today())


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        (ReturnType.ROSTER, {"department", "status"}),
        (ReturnType.SUMMARY, set()),
        (ReturnType.NOMINATION, {"program", "candidate"}),
        (ReturnType.REVIEW_RESULTS, {"program"}),
        (ReturnType.COMPETITION, {"competition"}),
        (ReturnType.CULTURE, set()),
    ],
)
def test_a_return_type_shows_only_its_pickers(
    page: ReturnsPage, wait_idle: Callable[[], None], kind: ReturnType, shown: set[str]
) -> None:
    assert page.form is not None
    page.form.set_kind(kind)
    wait_idle()
    visible = {name for name, combo in page.form.pickers.items() if combo.isVisible()}
    assert visible == shown


def test_roster_filters_reach_the_request(
    page: ReturnsPage, members: None, wait_idle: Callable[[], None]
) -> None:
    assert page.form is not None
    page.hide()
    page.show()  # departments were added after the page was first shown
    wait_idle()
    departments = page.form.department_combo
    assert departments.count() > 1  # "all departments" and the demo's tree
    departments.setCurrentIndex(2)
    page.form.status_combo.setCurrentIndex(page.form.status_combo.findData("withdrawn"))
    request = page.form.request()
    assert request is not None
    assert request.department_id == departments.itemData(2)
    assert request.status == MemberStatus.WITHDRAWN.value


def test_a_competition_without_entries_is_refused_and_the_form_keeps_its_values(
    qtbot: Any, page: ReturnsPage, ctx: AppContext, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    competition_id = make_competition(ctx.db, name="2026年数控车工技能竞赛")
    assert page.form is not None
    page.form.set_kind(ReturnType.COMPETITION)
    wait_idle()
    page.form.year_spin.setValue(2025)
    page.form.quarter_combo.setCurrentIndex(2)
    dialogs.errors_expected = True
    page.form.generate_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.named("warning")))
    wait_idle()
    assert "2026年数控车工技能竞赛" in dialogs.named("warning")[0][2]
    assert page.form.kind() is ReturnType.COMPETITION
    assert page.form.competition_combo.currentData() == competition_id
    assert (page.form.year_spin.value(), page.form.quarter_combo.currentData()) == (2025, 2)
    assert page.form.generate_button.isEnabled()
    assert page.generated_return is None
    assert not page.save_button.isEnabled()


def test_an_unprintable_name_is_told_and_the_previous_return_stays(
    qtbot: Any,
    page: ReturnsPage,
    roster: GeneratedReturn,
    ctx: AppContext,
    dialogs: Any,
    wait_idle: Callable[[], None],
) -> None:
    draft = member_draft(name=UNPRINTABLE_NAME, id_number=fake_id(77), card_number="GH77")
    create_member(ctx.db, OFFICE, draft)
    dialogs.errors_expected = True
    assert page.form is not None
    page.form.generate_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.named("warning")))
    wait_idle()
    assert UNPRINTABLE_NAME in dialogs.named("warning")[0][2]
    assert page.generated_return is roster
    assert page.save_button.isEnabled()


def test_a_missing_subject_is_shown_beside_the_form_without_asking_the_database(
    page: ReturnsPage, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    assert page.form is not None
    page.form.set_kind(ReturnType.NOMINATION)  # no program, so no candidate
    wait_idle()
    page.form.generate_button.click()
    assert page.form.error_label.isVisible()
    assert page.form.error_label.text()
    assert page.form.generate_button.isEnabled()
    assert ctx.tasks.idle


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Answer the folder dialog with ``folder``; returns the start folders it was opened at."""
    opened_at: list[str] = []

    def answer(_parent: Any, _title: str, start: str, *_args: Any) -> str:
        opened_at.append(start)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer)
    return opened_at


def test_save_writes_the_pdf_its_data_and_the_manifest(
    qtbot: Any,
    page: ReturnsPage,
    roster: GeneratedReturn,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    opened_at = choose_folder(monkeypatch, tmp_path / "out")
    with qtbot.waitSignal(page.saved, timeout=10_000) as signal:
        page.save_button.click()
    saved = signal.args[0]
    assert opened_at == [str(ctx.paths.returns)]
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == sorted([f"{roster.stem}.pdf", f"{roster.stem}.json", saved.manifest.name])
    assert (tmp_path / "out" / f"{roster.stem}.pdf").read_bytes() == roster.pdf
    assert not saved.signed
    for name in written:
        assert name in page.saved_label.text()


def test_open_folder_shows_the_saved_return_s_folder(
    qtbot: Any,
    page: ReturnsPage,
    roster: GeneratedReturn,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    choose_folder(monkeypatch, tmp_path)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    assert not page.open_folder_button.isVisible()
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save_button.click()
    assert page.open_folder_button.isVisible()
    page.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_cancelling_the_folder_dialog_saves_nothing(
    page: ReturnsPage, roster: GeneratedReturn, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: "")
    page.save_button.click()
    assert ctx.tasks.idle
    assert page.saved_return is None


@pytest.fixture
def passphrases(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers of the passphrase dialog in turn; None (cancelled) once used up."""
    module = pytest.importorskip("unionDesk.ui.returns.passphrase")
    answers: list[str] = []
    monkeypatch.setattr(
        module, "ask_passphrase", lambda _parent, _title: answers.pop(0) if answers else None
    )
    return answers


@pytest.fixture
def identity(ctx: AppContext) -> None:
    signing = pytest.importorskip("unionDesk.services.signing")
    signing.create_identity(ctx.db, OFFICE, ctx.paths, PASSPHRASE)


def test_a_wrong_passphrase_is_told_and_the_return_can_be_signed_again(
    qtbot: Any,
    page: ReturnsPage,
    roster: GeneratedReturn,
    ctx: AppContext,
    identity: None,
    passphrases: list[str],
    dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
    tmp_path: Path,
) -> None:
    from unionDesk.services.signing import load_signer

    out = tmp_path / "out"
    choose_folder(monkeypatch, out)
    with pytest.raises(ValidationFailed) as refused:
        load_signer(ctx.paths, "not-the-passphrase")
    dialogs.errors_expected = True
    passphrases.append("not-the-passphrase")
    page.sign_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.named("warning")), timeout=10_000)
    wait_idle()
    assert dialogs.named("warning")[0][2] == error_text(refused.value)
    assert not out.exists()
    assert page.generated_return is roster
    assert page.sign_button.isEnabled()
    passphrases.append(PASSPHRASE)
    with qtbot.waitSignal(page.saved, timeout=10_000) as signal:
        page.sign_button.click()
    assert signal.args[0].signed
    assert signal.args[0].pdf.read_bytes() != roster.pdf  # the signature was added


def printer_to(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_paints_every_page_of_the_return(
    long_roster: GeneratedReturn, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    pages = pdf_pages(long_roster.pdf)
    assert print_pdf(long_roster.pdf, printer_to(printed)) == pages > 1
    assert pdf_pages(printed.read_bytes()) == pages


def test_print_from_the_page_sends_every_page(
    qtbot: Any, page: ReturnsPage, long_roster: GeneratedReturn, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    with qtbot.waitSignal(page.printed, timeout=10_000) as signal:
        page.print_to(printer_to(printed))
    assert signal.args == [pdf_pages(long_roster.pdf)]
    assert pdf_pages(printed.read_bytes()) == pdf_pages(long_roster.pdf)
    assert page.print_button.isEnabled()


def test_nothing_can_be_saved_or_printed_before_a_return_is_generated(page: ReturnsPage) -> None:
    for button in (page.save_button, page.sign_button, page.print_button):
        assert not button.isEnabled()


def test_a_viewer_sees_why_there_is_no_form(qtbot: Any, as_user: Callable[..., AppContext]) -> None:
    page = make_page(qtbot, as_user("chakan", Role.VIEWER))
    assert page.form is None
    assert page.verify_button.isVisible()
    assert page.identity_button is None


def test_only_administrators_get_the_signing_identity_button(
    qtbot: Any, page: ReturnsPage, as_user: Callable[..., AppContext]
) -> None:
    assert page.identity_button is not None and page.identity_button.isVisible()
    officer_page = make_page(qtbot, as_user("luru", Role.OFFICER))
    assert officer_page.form is not None
    assert officer_page.identity_button is None


def test_full_id_numbers_are_offered_only_to_who_may_unmask(
    qtbot: Any, page: ReturnsPage, as_user: Callable[..., AppContext]
) -> None:
    assert page.form is not None and page.form.full_ids_check is not None
    assert page.form.full_ids_check.toolTip()
    officer = make_page(qtbot, as_user("luru", Role.OFFICER))
    assert officer.form is not None and officer.form.full_ids_check is None
    trusted = make_page(qtbot, as_user("baomi", Role.OFFICER, can_unmask=True))
    assert trusted.form is not None and trusted.form.full_ids_check is not None


def test_verify_a_pdf_opens_the_verification_dialog(qtbot: Any, page: ReturnsPage) -> None:
    from unionDesk.ui.returns.verify_dialog import VerifyDialog

    with qtbot.waitSignal(page.dialog_opened) as signal:
        page.verify_button.click()
    assert isinstance(signal.args[0], VerifyDialog)
    signal.args[0].close()


def test_signing_identity_opens_the_identity_dialog(
    qtbot: Any, page: ReturnsPage, wait_idle: Callable[[], None]
) -> None:
    from unionDesk.ui.returns.identity_dialog import IdentityDialog

    assert page.identity_button is not None
    with qtbot.waitSignal(page.dialog_opened) as signal:
        page.identity_button.click()
    assert isinstance(signal.args[0], IdentityDialog)
    wait_idle()
    signal.args[0].close()


def test_ticking_full_id_numbers_asks_for_them(page: ReturnsPage) -> None:
    assert page.form is not None and page.form.full_ids_check is not None
    page.form.full_ids_check.setChecked(True)
    request = page.form.request()
    assert request is not None and request.full_ids


def test_enter_in_the_form_generates_the_preview(
    qtbot: Any, page: ReturnsPage, few_members: None
) -> None:
    assert page.form is not None
    with qtbot.waitSignal(page.generated, timeout=10_000) as signal:
        qtbot.keyClick(page.form.year_spin, Qt.Key.Key_Return)
    assert signal.args[0].request.kind is ReturnType.ROSTER


def test_print_asks_the_print_dialog_then_prints_there(
    qtbot: Any,
    page: ReturnsPage,
    roster: GeneratedReturn,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    printed = tmp_path / "printed.pdf"

    def choose_pdf_printer(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    with qtbot.waitSignal(page.printed, timeout=10_000):
        page.print_button.click()
    assert pdf_pages(printed.read_bytes()) == pdf_pages(roster.pdf)


def test_a_cancelled_print_dialog_prints_nothing(
    page: ReturnsPage, roster: GeneratedReturn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected.value)
    page.print_button.click()
    assert page.form is not None and page.form.generate_button.isEnabled()
    assert page.print_button.isEnabled()


def test_the_main_window_builds_the_returns_page_when_first_shown(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    window = MainWindow(ctx.paths)
    qtbot.addWidget(window)
    window.attach(ctx, get_union(ctx.db))
    window.show()
    wait_idle()
    assert window.returns_page is None
    returns_title = window.nav_titles()[RETURNS_ROW]
    assert isinstance(window.show_page(returns_title), ReturnsPage)
    assert window.returns_page is not None
    wait_idle()
