"""The form that adds or edits one upload destination (上报目的地), one page of fields per kind.

Stored tokens and passwords never come back to the screen: the form only says one is saved,
and leaving the field empty keeps it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.outbox import DestinationKind, kind_label
from unionDesk.i18n import translate
from unionDesk.services.destinations import (
    DestinationDraft,
    DestinationView,
    add_destination,
    update_destination,
)
from unionDesk.services.errors import ValidationFailed
from unionDesk.ui.common import AppContext
from unionDesk.ui.login import WorkerDialog, password_edit
from unionDesk.ui.widgets import error_label, grow_to_fit, set_message

KINDS = (DestinationKind.HTTP, DestinationKind.WEBDAV, DestinationKind.FOLDER)


def with_button(edit: QLineEdit, button: QPushButton) -> QWidget:
    """``edit`` with ``button`` (a file or folder chooser) to its right."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    row.setFocusProxy(edit)
    return row


class FieldGrid(QWidget):
    """Captioned fields, each with a red error label beneath it; ``errors`` by field key."""

    def __init__(
        self, rows: list[tuple[str, str, QWidget]], note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, (key, caption, widget) in enumerate(rows):
            label = QLabel(caption)
            label.setBuddy(widget)
            self.errors[key] = error_label()
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(widget, 2 * row, 1)
            grid.addWidget(self.errors[key], 2 * row + 1, 1)
        if note:
            text = QLabel(note)
            text.setWordWrap(True)
            grid.addWidget(text, 2 * len(rows), 0, 1, 2)
        grid.setRowStretch(2 * len(rows) + 1, 1)
        self.grid = grid

    def caption_width(self) -> int:
        """The width the widest caption needs."""
        return max(label.sizeHint().width() for label in self.findChildren(QLabel) if label.buddy())


def align_captions(grids: list[FieldGrid]) -> None:
    """Give the caption column of every grid the same width, so the fields line up."""
    width = max(grid.caption_width() for grid in grids)
    for grid in grids:
        grid.grid.setColumnMinimumWidth(0, width)


class DestinationForm(WorkerDialog):
    """Add a destination (``destination`` None) or edit one; ``saved_id`` is set on success.

    One page of fields per kind; switching the kind keeps what was typed on each page.
    """

    def __init__(
        self, ctx: AppContext, destination: DestinationView | None, parent: QWidget | None
    ) -> None:
        super().__init__(ctx.tasks, parent)
        self._ctx, self._destination = ctx, destination
        self.saved_id: int | None = None
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind, translate), kind.value)
        self._create_kind_fields()
        self.common = FieldGrid(
            [("name", self.tr("Name"), self.name_edit), ("kind", self.tr("Kind"), self.kind_combo)]
        )
        self.pages = QStackedWidget()
        self.kind_pages = self._kind_pages()  # in the order of KINDS
        for page in self.kind_pages:
            self.pages.addWidget(page)
        align_captions([self.common, *self.kind_pages])
        self.kind_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self._build()
        if destination is None:
            self.setWindowTitle(self.tr("Add upload destination"))
        else:
            self.setWindowTitle(
                self.tr("Edit upload destination: {name}").format(name=destination.name)
            )
            self._load(destination)

    def _create_kind_fields(self) -> None:
        self.http_url_edit = QLineEdit()
        self.http_url_edit.setPlaceholderText("https://example.org/uniondesk")
        self.token_edit = password_edit()
        self.ca_file_edit = QLineEdit()
        self.ca_file_edit.setPlaceholderText(self.tr("Optional: for a server with its own CA"))
        self.ca_file_button = QPushButton(self.tr("Choose…"))
        self.ca_file_button.clicked.connect(self.choose_ca_file)
        self.webdav_url_edit = QLineEdit()
        self.webdav_url_edit.setPlaceholderText("https://dav.example.org/remote.php/dav/files/…")
        self.username_edit = QLineEdit()
        self.password_edit = password_edit()
        self.folder_edit = QLineEdit()
        self.folder_button = QPushButton(self.tr("Choose…"))
        self.folder_button.clicked.connect(self.choose_folder)

    def _kind_pages(self) -> list[FieldGrid]:
        http = FieldGrid(
            [
                ("url", self.tr("Server address"), self.http_url_edit),
                ("secret", self.tr("Access token"), self.token_edit),
                (
                    "ca_file",
                    self.tr("CA certificate"),
                    with_button(self.ca_file_edit, self.ca_file_button),
                ),
            ]
        )
        webdav = FieldGrid(
            [
                ("url", self.tr("Folder address"), self.webdav_url_edit),
                ("username", self.tr("User name"), self.username_edit),
                ("secret", self.tr("Password"), self.password_edit),
            ]
        )
        folder = FieldGrid(
            [("url", self.tr("Folder"), with_button(self.folder_edit, self.folder_button))],
            self.tr(
                "A network share, or a folder on a USB stick to carry to the higher-level union. "
                "Each package is written into its own sub-folder."
            ),
        )
        return [http, webdav, folder]

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.common)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _load(self, destination: DestinationView) -> None:
        self.name_edit.setText(destination.name)
        self.kind_combo.setCurrentIndex(KINDS.index(destination.kind))
        url_edit, _ = self._address_and_secret(destination.kind)
        url_edit.setText(destination.url)
        self.username_edit.setText(destination.username)
        self.ca_file_edit.setText(destination.ca_file)
        if destination.has_secret:
            _, secret_edit = self._address_and_secret(destination.kind)
            if secret_edit is not None:
                secret_edit.setPlaceholderText(self.tr("Saved; leave empty to keep it"))

    def kind(self) -> DestinationKind:
        """The kind chosen in the form."""
        return DestinationKind(self.kind_combo.currentData())

    def _address_and_secret(self, kind: DestinationKind) -> tuple[QLineEdit, QLineEdit | None]:
        if kind is DestinationKind.HTTP:
            return self.http_url_edit, self.token_edit
        if kind is DestinationKind.WEBDAV:
            return self.webdav_url_edit, self.password_edit
        return self.folder_edit, None

    def draft(self) -> DestinationDraft:
        """The values as typed for the chosen kind; an empty secret keeps the stored one."""
        kind = self.kind()
        url_edit, secret_edit = self._address_and_secret(kind)
        secret = secret_edit.text() if secret_edit is not None else ""
        return DestinationDraft(
            name=self.name_edit.text(),
            kind=kind,
            url=url_edit.text(),
            username=self.username_edit.text() if kind is DestinationKind.WEBDAV else "",
            secret=secret or None,
            ca_file=self.ca_file_edit.text() if kind is DestinationKind.HTTP else "",
            is_default=self._destination.is_default if self._destination else False,
        )

    def choose_ca_file(self) -> None:
        """Pick the CA certificate file of a server that uses its own certificate authority."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CA certificate"),
            self.ca_file_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_file_edit.setText(chosen)

    def choose_folder(self) -> None:
        """Pick the target folder: a network share or a folder on a USB stick."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder to upload into"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def _submit(self) -> None:
        db, actor, paths, draft = self._ctx.db, self._ctx.actor, self._ctx.paths, self.draft()
        for grid in (self.common, *self.kind_pages):
            for label in grid.errors.values():
                set_message(label, "")
        if self._destination is None:
            self._run(lambda: add_destination(db, actor, paths, draft), self._saved)
        else:
            destination_id = self._destination.id

            def work() -> int:
                update_destination(db, actor, paths, destination_id, draft)
                return destination_id

            self._run(work, self._saved)

    def _saved(self, destination_id: int) -> None:
        self.saved_id = destination_id
        self.accept()

    def _error_labels(self) -> dict[str, QLabel]:
        page = self.kind_pages[self.pages.currentIndex()]
        return {**self.common.errors, **page.errors}

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ValidationFailed):
            super()._failed(error)
            return
        self.buttons.setEnabled(True)
        labels = self._error_labels()
        others: list[str] = []
        for key, texts in error.by_field(translate).items():
            if key in labels:
                set_message(labels[key], "\n".join(texts))
            else:
                others.extend(texts)
        summary = self.tr("The destination was not saved. Correct what is shown in red.")
        set_message(self.message, "\n".join([summary, *others]))
        grow_to_fit(self)
