"""The error report of an import: the input rows plus a reasons column, to fix and import again."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from unionDesk.domain.member_import import CellProblem
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Translate, untranslated
from unionDesk.services.file_store import save_document
from unionDesk.services.import_files import read_table
from unionDesk.services.member_import import ImportPlan

# Columns written as text, so Excel and WPS keep every digit and leading zero.
TEXT_FIELDS = frozenset({"id_number", "mobile", "card_number"})
_BAD_ROW = PatternFill("solid", fgColor="FFF2CC")
_REASON_WIDTH = 60


def write_error_report(plan: ImportPlan, out: Path, *, translate: Translate = untranslated) -> Path:
    """Write the rows of ``plan.file`` as an xlsx with a reason column for each bad row.

    The header row comes first (title rows above it are left out), then every data row as
    read, in the same order; a bad row is shaded and its reasons read "column: reason (value)",
    one per line. ID, mobile and card columns are written as text.

    Args:
        plan: the dry run whose problems are reported; its file is read again.
        out: where to write the report.
        translate: the UI language of the reasons and of the reason column's title.

    Returns:
        ``out``.

    Raises:
        UnreadableImport: the input file can no longer be read.
    """
    sheet = read_table(plan.file)
    reasons = {result.row: result.problems for result in plan.rows if result.problems}
    text_columns = {c for c, field in plan.header.columns.items() if field in TEXT_FIELDS}
    book = Workbook(write_only=True)
    report = book.create_sheet(sheet.name[:31] or "Sheet1")
    rows = sheet.rows[plan.header.row_index :]
    width = max((len(cells) for cells in rows), default=0)
    title = translate("Import", QT_TRANSLATE_NOOP("Import", "Error reason"))
    header = [*_padded(rows[0] if rows else [], width), title]
    report.column_dimensions[get_column_letter(width + 1)].width = _REASON_WIDTH  # before rows
    report.append([_cell(report, value, bold=True) for value in header])
    for offset, cells in enumerate(rows[1:]):
        row = plan.header.row_index + offset + 2
        problems = reasons.get(row, ())
        bad = bool(problems)
        line = [
            _cell(report, _value(value, c in text_columns), text=c in text_columns, bad=bad)
            for c, value in enumerate(_padded(cells, width))
        ]
        line.append(_cell(report, _reasons(problems, translate), bad=bad, wrap=True))
        report.append(line)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_document(book, out)  # a failed write leaves no half report under its name
    return out


def _padded(cells: list[object], width: int) -> list[object]:
    return [*cells, *([None] * (width - len(cells)))]


def _value(value: object, as_text: bool) -> object:
    if not as_text or value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _reasons(problems: tuple[CellProblem, ...], translate: Translate) -> str:
    lines = []
    for found in problems:
        reason = found.reason.render(translate)
        if not found.column:
            lines.append(reason)
            continue
        if found.value:
            template = QT_TRANSLATE_NOOP("Import", "{column}: {reason} ({value})")
        else:
            template = QT_TRANSLATE_NOOP("Import", "{column}: {reason}")
        text = translate("Import", template)
        lines.append(text.format(column=found.column, reason=reason, value=found.value))
    return "\n".join(lines)


def _cell(
    sheet: WriteOnlyWorksheet,
    value: object,
    *,
    text: bool = False,
    bad: bool = False,
    bold: bool = False,
    wrap: bool = False,
) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if text:
        cell.number_format = "@"
    elif isinstance(value, datetime | date):
        cell.number_format = "yyyy-mm-dd"
    if bad:
        cell.fill = _BAD_ROW
    if bold:
        cell.font = Font(bold=True)
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell
