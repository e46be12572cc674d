"""The returns (报表) page: choose a return, preview it, then print, save, or save and sign it.

Generating and saving run on the database worker; the preview and printing stay on the GUI
thread (PDFium is not thread-safe), a page per event-loop turn. A refused request (nothing to
report, a wrong passphrase) is told in Chinese and changes nothing: the form keeps its values
and the return already generated stays in the preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.services.returns import GeneratedReturn, ReturnRequest, SavedReturn, generate, save
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.returns.form import ReturnForm
from unionDesk.ui.returns.preview import PdfPreview
from unionDesk.ui.returns.printing import PrintFailed, PrintJob

if TYPE_CHECKING:
    from unionDesk.services.outbox import OutboxItemView

FORM_WIDTH = 320  # pixels: wide enough for a department path, the preview gets the rest


class ReturnsPage(QWidget):
    """Make returns: the form on the left, the preview and what to do with it on the right.

    Signals:
        generated(object): a newly generated ``GeneratedReturn`` is in the preview.
        saved(object): the return was written (``SavedReturn``), signed or not.
        queued(object): the signed return was added to the outbox (``OutboxItemView``).
        printed(int): the return went to the printer; the number of pages sent.
        dialog_opened(QDialog): the signing identity or verification dialog was opened.
    """

    generated = Signal(object)
    saved = Signal(object)
    queued = Signal(object)
    printed = Signal(int)
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.generated_return: GeneratedReturn | None = None
        self.saved_return: SavedReturn | None = None
        self._folder = ctx.paths.returns  # where the next save dialog starts
        self._busy = False
        self._print_job: PrintJob | None = None
        self.form: ReturnForm | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        if ctx.actor.may(Permission.MAKE_RETURNS):
            layout.addLayout(self._workspace(), 1)
        else:
            layout.addWidget(self._not_allowed(), 1)

    # --- layout ---------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        self.identity_button: QPushButton | None = None
        self.verify_button = QPushButton(self.tr("Verify a PDF…"))
        self.verify_button.clicked.connect(lambda: self.open_verify_dialog())
        row = QHBoxLayout()
        row.addStretch(1)
        if self._ctx.actor.may(Permission.MANAGE_SIGNING):
            self.identity_button = QPushButton(self.tr("Signing identity…"))
            self.identity_button.clicked.connect(lambda: self.open_identity_dialog())
            row.addWidget(self.identity_button)
        row.addWidget(self.verify_button)
        return row

    def _not_allowed(self) -> QLabel:
        text = QLabel(
            self.tr(
                "Your account may not make returns. Returns are made by officers and "
                "administrators; you can still verify the signature of a return above."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return text

    def _workspace(self) -> QHBoxLayout:
        self.form = ReturnForm(self._ctx)
        self.form.setFixedWidth(FORM_WIDTH)
        self.form.generate_requested.connect(self.generate_return)
        self.heading_label = QLabel(
            self.tr("Choose a return on the left and press Generate preview.")
        )
        self.heading_label.setWordWrap(True)
        font = QFont(self.heading_label.font())
        font.setBold(True)
        self.heading_label.setFont(font)
        self.preview = PdfPreview()
        row = QHBoxLayout()
        row.addWidget(self.form)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        row.addWidget(separator)
        right = QVBoxLayout()
        right.addWidget(self.heading_label)
        right.addWidget(self.preview, 1)
        right.addLayout(self._action_row())
        right.addLayout(self._saved_row())
        row.addLayout(right, 1)
        self._update_actions()
        return row

    def _action_row(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save…"))
        self.sign_button = QPushButton(self.tr("Save and sign…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button.clicked.connect(lambda: self.save_return())
        self.sign_button.clicked.connect(lambda: self.save_return(sign=True))
        self.print_button.clicked.connect(lambda: self.print_return())
        row = QHBoxLayout()
        for button in (self.save_button, self.sign_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _saved_row(self) -> QHBoxLayout:
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(lambda: self.open_saved_folder())
        self.queue_button = QPushButton(self.tr("Add to outbox"))
        self.queue_button.setToolTip(
            self.tr("Upload this signed return to the higher-level union when a connection is up")
        )
        self.queue_button.clicked.connect(lambda: self.queue_saved())
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        for button in (self.queue_button, self.open_folder_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._show_saved(None)
        return row

    def _set_busy(self, busy: bool, status: str = "") -> None:
        self._busy = busy
        assert self.form is not None
        self.form.set_busy(busy, status)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self.generated_return is not None and not self._busy
        for button in (self.save_button, self.sign_button, self.print_button):
            button.setEnabled(ready)

    # --- generating -----------------------------------------------------------------------

    def generate_return(self, request: ReturnRequest) -> None:
        """Make the return on the worker; the preview shows it when it is ready."""
        if self._busy:
            return
        self._set_busy(True, self.tr("Generating the return…"))
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(lambda: generate(db, actor, request), self._show, self._on_failure)

    def _show(self, made: GeneratedReturn) -> None:
        self.generated_return = made
        self._show_saved(None)
        self.preview.set_pdf(made.pdf)
        self.heading_label.setText(
            self.tr("{title} — {period} — {count} pages").format(
                title=made.title,
                period=made.data.get("period_label", made.request.period.label),
                count=self.preview.page_count,
            )
        )
        self._set_busy(
            False, self.tr("Generated at {time}.").format(time=made.generated_at.strftime("%H:%M"))
        )
        self.generated.emit(made)

    def _on_failure(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error)

    # --- saving ---------------------------------------------------------------------------

    def save_return(self, *, sign: bool = False) -> None:
        """Choose a folder (and, to sign, give the passphrase), then write the three files."""
        made = self.generated_return
        if made is None or self._busy:
            return
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save the return in"), str(self._folder)
        )
        if not chosen:
            return
        self._folder = folder = Path(chosen)
        passphrase: str | None = None
        if sign:
            from unionDesk.ui.returns.passphrase import ask_passphrase

            passphrase = ask_passphrase(self, self.tr("Sign {title}").format(title=made.title))
            if passphrase is None:
                return
        status = self.tr("Signing and saving…") if sign else self.tr("Saving…")
        self._set_busy(True, status)
        db, actor, paths = self._ctx.db, self._ctx.actor, self._ctx.paths
        self._ctx.tasks.run(
            lambda: save(db, actor, made, folder, paths=paths, passphrase=passphrase),
            self._on_saved,
            self._on_failure,
        )

    def _on_saved(self, saved: SavedReturn) -> None:
        self._set_busy(False)
        self._show_saved(saved)
        self.saved.emit(saved)

    def _show_saved(self, saved: SavedReturn | None) -> None:
        self.saved_return = saved
        self.open_folder_button.setVisible(saved is not None)
        self.queue_button.setVisible(saved is not None and saved.signed)
        self.queue_button.setEnabled(True)
        if saved is None:
            self.saved_label.clear()
            return
        folder = str(saved.pdf.parent)
        heading = (
            self.tr("Signed and saved in {folder}:")
            if saved.signed
            else self.tr("Saved in {folder}:")
        ).format(folder=folder)
        names = (saved.pdf.name, saved.data.name, saved.manifest.name)
        self.saved_label.setText("\n".join([heading, *names]))

    def queue_saved(self) -> None:
        """Add the signed return just saved to the outbox, for its default destination."""
        saved = self.saved_return
        if saved is None or not saved.signed:
            return
        from unionDesk.services.outbox import enqueue

        self.queue_button.setEnabled(False)
        db, actor, paths = self._ctx.db, self._ctx.actor, self._ctx.paths
        self._ctx.tasks.run(
            lambda: enqueue(db, actor, paths, saved), self._on_queued, self._on_queue_failed
        )

    def _on_queued(self, item: OutboxItemView) -> None:
        note = self.tr("Added to the outbox for {destination}; it is uploaded in the background.")
        self.saved_label.setText(
            f"{self.saved_label.text()}\n{note.format(destination=item.destination_name)}"
        )
        self.queued.emit(item)

    def _on_queue_failed(self, error: BaseException) -> None:
        self.queue_button.setEnabled(True)
        show_error(self, error)

    def open_saved_folder(self) -> None:
        """Show the folder of the last saved return in the system's file manager."""
        if self.saved_return is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_return.pdf.parent)))

    # --- printing -------------------------------------------------------------------------

    def print_return(self) -> None:
        """Ask the system print dialog where to print; printing starts when it is accepted.

        The dialog runs with ``exec``: on Windows the native print dialog shows only that way.
        """
        if self.generated_return is None or self._busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.generated_return.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.preview.page_count)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the previewed return to ``printer``, a page at a time."""
        if self.generated_return is None:
            return
        job = PrintJob(self.generated_return.pdf, printer, self)
        job.progressed.connect(
            lambda done, total: self._set_busy(
                True, self.tr("Printing page {page} of {count}…").format(page=done, count=total)
            )
        )
        job.finished.connect(self._on_printed)
        job.failed.connect(self._on_print_failed)
        self._print_job = job
        self._set_busy(True, self.tr("Printing…"))
        job.start()

    def _on_printed(self, count: int) -> None:
        self._end_print_job()
        self._set_busy(False, self.tr("{count} pages sent to the printer.").format(count=count))
        self.printed.emit(count)

    def _on_print_failed(self, error: BaseException) -> None:
        self._end_print_job()
        self._set_busy(False)
        if not isinstance(error, PrintFailed):
            show_error(self, error)
            return
        QMessageBox.warning(
            self,
            self.tr("Print"),
            self.tr(
                "The printer could not be started. Check that it is switched on and "
                "connected, or choose another printer, then print again."
            ),
        )

    def _end_print_job(self) -> None:
        if self._print_job is not None:
            self._print_job.deleteLater()
            self._print_job = None

    # --- signing identity and verification ------------------------------------------------

    def open_identity_dialog(self) -> None:
        """Open the union's signing identity (administrators only)."""
        from unionDesk.ui.returns.identity_dialog import IdentityDialog

        self._open(IdentityDialog(self._ctx, self))

    def open_verify_dialog(self) -> None:
        """Open the dialog that checks the signatures of a PDF."""
        from unionDesk.ui.returns.verify_dialog import VerifyDialog

        self._open(VerifyDialog(self._ctx, self))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
