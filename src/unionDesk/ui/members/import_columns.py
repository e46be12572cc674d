"""The column step of the import wizard: what each column of the file holds.

``inspect_file`` runs on the database worker; ``ColumnMapping`` shows its result for the officer
to confirm or change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.member_import import find_header, normalise_text
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Translate
from unionDesk.i18n import translate
from unionDesk.services.database import Database
from unionDesk.services.import_files import read_table
from unionDesk.services.member_import import remembered_columns
from unionDesk.ui.members.import_preview import error_label, list_table, table_item

CONTEXT = "ImportColumns"
# Field key -> its name in the "Import as" list, in the order of the import template.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ImportColumns", "Name"),
    "id_type": QT_TRANSLATE_NOOP("ImportColumns", "ID document type"),
    "id_number": QT_TRANSLATE_NOOP("ImportColumns", "ID number"),
    "sex": QT_TRANSLATE_NOOP("ImportColumns", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ImportColumns", "Birth date"),
    "ethnicity": QT_TRANSLATE_NOOP("ImportColumns", "Ethnic group"),
    "mobile": QT_TRANSLATE_NOOP("ImportColumns", "Mobile number"),
    "political_status": QT_TRANSLATE_NOOP("ImportColumns", "Political status"),
    "education": QT_TRANSLATE_NOOP("ImportColumns", "Education"),
    "skill_level": QT_TRANSLATE_NOOP("ImportColumns", "Skill level"),
    "trade": QT_TRANSLATE_NOOP("ImportColumns", "Trade"),
    "job_title": QT_TRANSLATE_NOOP("ImportColumns", "Job title"),
    "hukou_region": QT_TRANSLATE_NOOP("ImportColumns", "Household registration"),
    "hukou_nature": QT_TRANSLATE_NOOP("ImportColumns", "Household registration type"),
    "migrant_worker": QT_TRANSLATE_NOOP("ImportColumns", "Migrant worker"),
    "work_start_date": QT_TRANSLATE_NOOP("ImportColumns", "Work start date"),
    "join_date": QT_TRANSLATE_NOOP("ImportColumns", "Join date"),
    "card_number": QT_TRANSLATE_NOOP("ImportColumns", "Membership card number"),
    "department": QT_TRANSLATE_NOOP("ImportColumns", "Department"),
    "hardship": QT_TRANSLATE_NOOP("ImportColumns", "Worker in hardship"),
    "notes": QT_TRANSLATE_NOOP("ImportColumns", "Notes"),
}
NOT_IMPORTED = QT_TRANSLATE_NOOP("ImportColumns", "Do not import")


@dataclass(frozen=True)
class FileColumns:
    """What the mapping step shows: the header row's texts, a sample row and the mapping.

    Attributes:
        sheet: the name of the sheet read.
        header_row: the 1-based sheet row of the headers.
        headers: the header texts, by column.
        sample: the first data row, as text, by column.
        columns: the proposed mapping, column index -> field key.
        detected: False when no row named 姓名 and 身份证号 (row 1 is then shown).
        remembered: whether ``columns`` is the mapping chosen last time for these headers.
    """

    sheet: str
    header_row: int
    headers: tuple[str, ...]
    sample: tuple[str, ...]
    columns: dict[int, str]
    detected: bool
    remembered: bool


def inspect_file(db: Database, path: Path) -> FileColumns:
    """Read ``path``'s header row, a sample row and the mapping to propose (worker thread).

    Raises:
        UnreadableImport: the file cannot be read.
    """
    sheet = read_table(path)
    header = find_header(sheet.rows)
    index = header.row_index if header is not None else 0
    headers = tuple(normalise_text(cell) for cell in sheet.rows[index]) if sheet.rows else ()
    following = sheet.rows[index + 1] if len(sheet.rows) > index + 1 else []
    remembered = remembered_columns(db, headers) if headers else None
    detected = header.columns if header is not None else {}
    return FileColumns(
        sheet=sheet.name,
        header_row=index + 1,
        headers=headers,
        sample=tuple(normalise_text(cell) for cell in following),
        columns=remembered if remembered is not None else detected,
        detected=header is not None,
        remembered=remembered is not None,
    )


def field_choices(translate: Translate) -> list[tuple[str, str | None]]:
    """The "Import as" choices: (text, field key), "Do not import" (None) first."""
    choices: list[tuple[str, str | None]] = [(translate(CONTEXT, NOT_IMPORTED), None)]
    return choices + [(translate(CONTEXT, text), key) for key, text in FIELD_LABELS.items()]


class ColumnMapping(QWidget):
    """One line per column of the file: its header, its first value and what to import it as."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = list_table(
            [self.tr("Column in the file"), self.tr("First row"), self.tr("Import as")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        existing = QLabel(self.tr("Members already on the register (same ID number):"))
        self.skip_radio = QRadioButton(self.tr("Skip them"))
        self.update_radio = QRadioButton(self.tr("Update them with the values in the file"))
        self.skip_radio.setChecked(True)
        choice = QHBoxLayout()
        for widget in (existing, self.skip_radio, self.update_radio):
            choice.addWidget(widget)
        choice.addStretch(1)
        self.error_label = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(choice)
        layout.addWidget(self.error_label)

    def show_columns(self, found: FileColumns) -> None:
        """Show the file's columns with the proposed mapping."""
        if not found.detected:
            intro = self.tr(
                "No row of the sheet “{sheet}” names both 姓名 and 身份证号, so row 1 is taken as "
                "the header row. Choose what each column holds; name and ID number are required."
            )
        elif found.remembered:
            intro = self.tr(
                "Sheet “{sheet}”, header row {row}. The columns are set as you chose last time "
                "for this header; check them and change any that are wrong."
            )
        else:
            intro = self.tr(
                "Sheet “{sheet}”, header row {row}. Check what each column holds and change any "
                "that are wrong; columns set to “Do not import” are ignored."
            )
        self.intro.setText(intro.format(sheet=found.sheet, row=found.header_row))
        self.table.setRowCount(len(found.headers))
        for row, header in enumerate(found.headers):
            sample = found.sample[row] if row < len(found.sample) else ""
            self.table.setItem(row, 0, table_item(header or self.tr("(no header)")))
            self.table.setItem(row, 1, table_item(sample))
            combo = QComboBox()
            for text, field in field_choices(translate):
                combo.addItem(text, field)
            combo.setCurrentIndex(max(combo.findData(found.columns.get(row)), 0))
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        self.error_label.clear()

    def chosen_columns(self) -> dict[int, str]:
        """The mapping as the officer set it: column index -> field key."""
        columns: dict[int, str] = {}
        for row in range(self.table.rowCount()):
            field = self.combo(row).currentData()
            if field:
                columns[row] = field
        return columns

    def combo(self, row: int) -> QComboBox:
        """The "Import as" choice of the file's column ``row`` (0-based)."""
        combo = self.table.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        return combo
