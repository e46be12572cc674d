"""The outbox (待上报) page: every queued package, its state and receipt, and what to do with it.

The list is read on the database worker; sending itself happens on the background sender's own
thread (``unionDesk.ui.upload.sender``), which this page only asks to look again.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.outbox import (
    DISCARDABLE_STATES,
    RETRYABLE_STATES,
    state_label,
)
from unionDesk.i18n import translate
from unionDesk.services.outbox import (
    OutboxItemView,
    SendReport,
    discard,
    list_items,
    retry,
    send_now,
)
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.returns.preview import PdfPreview
from unionDesk.ui.returns.printing import PrintFailed, PrintJob
from unionDesk.ui.upload.outbox_model import (
    COLUMN_WIDTHS,
    SORT_ROLE,
    OutboxModel,
)

REFRESH_MS = 30_000  # while the page is on screen


class ReceiptListDialog(QDialog):
    """The 上报回执 list in a preview, with a Print button."""

    printed = Signal(int)

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upload receipts"))
        self.pdf = pdf
        self._job: PrintJob | None = None
        self.preview = PdfPreview()
        self.preview.set_pdf(pdf)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(lambda: self.print_list())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 860)

    def print_list(self) -> None:
        """Ask the system print dialog where to print, then print there."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("receipts")
        dialog = QPrintDialog(printer, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the list to ``printer``, a page per event-loop turn."""
        self._job = PrintJob(self.pdf, printer, self)
        self._job.finished.connect(self.printed.emit)
        self._job.failed.connect(self._on_print_failed)
        self.print_button.setEnabled(False)
        self._job.finished.connect(lambda _count: self.print_button.setEnabled(True))
        self._job.start()

    def _on_print_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        if not isinstance(error, PrintFailed):
            show_error(self, error)
            return
        QMessageBox.warning(  # the returns page's words: the same printer problem
            self,
            translate("ReturnsPage", "Print"),
            translate(
                "ReturnsPage",
                "The printer could not be started. Check that it is switched on and "
                "connected, or choose another printer, then print again.",
            ),
        )


class OutboxPage(QWidget):
    """The outbox: what waits to be uploaded, what was delivered with which receipt.

    Signals:
        send_requested(): the user asked to send now; the background sender should look again.
        refreshed(): the table shows a new list.
        dialog_opened(QDialog): the destinations or receipt list dialog was opened.
    """

    send_requested = Signal()
    refreshed = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sequence = 0
        self.allowed = ctx.actor.may(Permission.MAKE_RETURNS)
        self.model = OutboxModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        if not self.allowed:
            layout.addWidget(self._not_allowed())
            return
        layout.addLayout(self._button_row())
        layout.addWidget(self._build_table(), 3)
        self.reason_view = QPlainTextEdit()
        self.reason_view.setReadOnly(True)
        self.reason_view.hide()
        layout.addWidget(self.reason_view, 1)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        self._update_buttons()

    # --- layout ---------------------------------------------------------------------------

    def _not_allowed(self) -> QLabel:
        text = QLabel(
            self.tr(
                "Your account may not upload returns. Returns are made and uploaded by "
                "officers and administrators."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return text

    def _button_row(self) -> QHBoxLayout:
        self.send_button = QPushButton(self.tr("Send now"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.reason_button = QPushButton(self.tr("Show reason"))
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.receipts_button = QPushButton(self.tr("Print receipts…"))
        self.destinations_button = QPushButton(self.tr("Upload destinations…"))
        self.show_discarded = QCheckBox(self.tr("Show discarded"))
        actions = (
            (self.send_button, self.send_all),
            (self.retry_button, self.retry_selected),
            (self.reason_button, self.show_reason),
            (self.discard_button, self.discard_selected),
            (self.folder_button, self.open_folder),
            (self.receipts_button, self.print_receipts),
            (self.destinations_button, self.open_destinations),
        )
        row = QHBoxLayout()
        for button, action in actions:
            button.clicked.connect(lambda _checked=False, act=action: act())
            row.addWidget(button)
            if button is self.folder_button:
                row.addStretch(1)
        row.addWidget(self.show_discarded)
        self.show_discarded.toggled.connect(lambda _on: self.refresh())
        return row

    def _build_table(self) -> QTableView:
        self.table = table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        digit = table.fontMetrics().horizontalAdvance("0")
        for column, digits in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, digits * digit + 16)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(lambda *_args: self._on_selection())
        table.doubleClicked.connect(lambda _index: self.show_reason())
        return table

    # --- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the outbox again; only the newest answer is shown."""
        if not self.allowed:
            return
        self._sequence += 1
        sequence, db, actor = self._sequence, self._ctx.db, self._ctx.actor
        include = self.show_discarded.isChecked()
        self._ctx.tasks.run(
            lambda: list_items(db, actor, include_discarded=include),
            lambda items: self._apply(sequence, items),
            self._on_failure,
        )

    def _apply(self, sequence: int, items: list[OutboxItemView]) -> None:
        if sequence != self._sequence:
            return  # a newer list is on its way
        selected = self.selected_item()
        self.model.set_rows(items)
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._on_selection()
        self.refreshed.emit()

    def selected_item(self) -> OutboxItemView | None:
        """The item of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.item(self.proxy.mapToSource(rows[0]).row())

    def select_item(self, item_id: int) -> None:
        """Select the row of the item ``item_id`` (when it is listed)."""
        row = self.model.row_of(item_id)
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _on_selection(self) -> None:
        self._update_buttons()
        if self.reason_view.isVisible():
            self._fill_reason()

    def _update_buttons(self) -> None:
        item = self.selected_item()
        state = item.state if item is not None else None
        self.retry_button.setEnabled(state in RETRYABLE_STATES)
        self.discard_button.setEnabled(state in DISCARDABLE_STATES)
        self.reason_button.setEnabled(item is not None and bool(item.last_error))
        self.folder_button.setEnabled(item is not None)

    def show_report(self, report: SendReport) -> None:
        """Tell the outcome of the sender's last round, then read the list again."""
        self.status_label.setText(
            self.tr(
                "Last upload round at {time}: {delivered} delivered, {failed} to retry, "
                "{quarantined} quarantined."
            ).format(
                time=datetime.now().strftime("%H:%M"),
                delivered=report.delivered,
                failed=report.failed,
                quarantined=report.quarantined,
            )
        )
        self.refresh()

    # --- actions --------------------------------------------------------------------------

    def send_all(self) -> None:
        """Make every waiting item due now, then ask the sender to send."""
        db, actor = self._ctx.db, self._ctx.actor
        self.send_button.setEnabled(False)
        self._ctx.tasks.run(lambda: send_now(db, actor), self._on_sent_now, self._on_failure)

    def _on_sent_now(self, count: int) -> None:
        self.send_button.setEnabled(True)
        self.status_label.setText(
            self.tr("Sending {count} waiting returns…").format(count=count)
            if count
            else self.tr("Nothing is waiting to be uploaded.")
        )
        self.send_requested.emit()
        self.refresh()

    def retry_selected(self) -> None:
        """Put the selected failed or quarantined item back in the queue, due now."""
        item = self.selected_item()
        if item is None or item.state not in RETRYABLE_STATES:
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(lambda: retry(db, actor, item.id), self._on_changed, self._on_failure)

    def _on_changed(self, _result: object = None) -> None:
        self.send_requested.emit()
        self.refresh()

    def show_reason(self) -> None:
        """Show the destination's own message for the selected item below the table."""
        if self.selected_item() is None:
            return
        self._fill_reason()
        self.reason_view.show()

    def _fill_reason(self) -> None:
        item = self.selected_item()
        if item is None:
            self.reason_view.clear()
            return
        heading = self.tr("{title} — {state} — {destination}").format(
            title=item.title,
            state=state_label(item.state, translate),
            destination=item.destination_name,
        )
        reason = item.last_error or self.tr("The destination gave no message.")
        self.reason_view.setPlainText(f"{heading}\n\n{reason}")

    def discard_selected(self) -> None:
        """Ask why, confirm, then give up on the selected item (its files are kept)."""
        item = self.selected_item()
        if item is None or item.state not in DISCARDABLE_STATES:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Discard"),
            self.tr("Why is “{title}” not to be uploaded? (kept in the audit log)").format(
                title=item.title
            ),
        )
        reason = reason.strip()
        if not ok or not reason:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard"),
            self.tr(
                "Discard “{title}” ({period})? It will not be uploaded; its files stay in "
                "the outbox folder."
            ).format(title=item.title, period=item.period),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: discard(db, actor, item.id, reason), lambda _r: self.refresh(), self._on_failure
        )

    def open_folder(self) -> None:
        """Show the selected package's stored copy in the system's file manager."""
        item = self.selected_item()
        if item is not None:
            folder = self._ctx.paths.outbox / item.package_id
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def print_receipts(self) -> None:
        """Make the 上报回执 list on the worker, then show it with a Print button."""
        from unionDesk.services.receipt_list import receipt_list_pdf

        db, actor = self._ctx.db, self._ctx.actor
        self.receipts_button.setEnabled(False)
        self._ctx.tasks.run(
            lambda: receipt_list_pdf(db, actor), self._show_receipts, self._on_failure
        )

    def _show_receipts(self, pdf: bytes) -> None:
        self.receipts_button.setEnabled(True)
        self._open(ReceiptListDialog(pdf, self))

    def open_destinations(self) -> None:
        """Open the upload destinations; the list is read again when it closes."""
        from unionDesk.ui.upload.destinations import DestinationsDialog

        dialog = DestinationsDialog(self._ctx, self)
        dialog.finished.connect(lambda _code: self._on_changed())
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_failure(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.receipts_button.setEnabled(True)
        show_error(self, error)

    # --- refreshing while on screen -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list again when the page comes on screen, then every 30 seconds."""
        super().showEvent(event)
        if self.allowed and not self._timer.isActive():
            self._timer.start()
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """No refreshing while nobody looks."""
        self._timer.stop()
        super().hideEvent(event)
