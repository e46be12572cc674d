"""Reading spreadsheet files for import safely: bounded memory, clear refusals (issue 8).

``read_table`` returns the first visible sheet of an .xlsx/.xlsm (openpyxl, streaming), .xls/.ods
(python-calamine) or .csv file as Python values. Files that cannot be read whole are refused
with an ``UnreadableImport`` that says why and what to do; nothing is ever read partially.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import python_calamine
from openpyxl.utils.exceptions import InvalidFileException

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.errors import ServiceError

MAX_ROWS = 200_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, for the members of a zip and for a CSV file
MAX_RATIO = 100  # uncompressed / compressed size of a zip file's large members
_RATIO_FLOOR = 1024 * 1024  # members smaller than this are too small to be a bomb
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
_DELIMITERS = (",", "\t", ";", "|")
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Sheet:
    """The rows of the first visible sheet of a file.

    Attributes:
        name: the sheet name (the file name for CSV).
        rows: cell values as Python objects (str/int/float/datetime/None; date, time and bool
            also occur), one list per sheet row from row 1, so ``rows[i]`` is sheet row
            ``i + 1``; trailing empty cells are dropped and empty cells are None (CSV: every
            value is text); empty rows are empty lists, and empty rows after the last filled
            one are left out.
    """

    name: str
    rows: list[list[object]]


class UnreadableImport(ServiceError):
    """The file cannot be imported at all; ``problem`` says why and what to do."""


def _refuse(text: str, **params: object) -> UnreadableImport:
    return UnreadableImport(problem("file", text, **params))


def read_table(path: Path, *, max_rows: int = MAX_ROWS) -> Sheet:
    """Read the first visible sheet of an .xlsx/.xlsm/.xls/.ods/.csv file.

    Formulas give their value as last saved (None when the file holds none). Rows are read
    one at a time and reading stops as soon as the sheet has more than ``max_rows`` rows.

    Args:
        path: the file to read.
        max_rows: the most sheet rows accepted (header and title rows included).

    Returns:
        The sheet's name and rows.

    Raises:
        UnreadableImport: the file is missing, damaged, password protected, a zip bomb, too
            long, of an unknown kind, or a CSV file in an unknown encoding.
    """
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _read_csv(path, max_rows)
    if suffix not in _SPREADSHEETS:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The file {file} is not a spreadsheet that can be imported. Save it as .xlsx, "
                ".xls, .ods or .csv and import it again.",
            ),
            file=path.name,
        )
    magic = _magic(path)
    if magic == _OLE_MAGIC:  # an .xls (perhaps renamed), or a password-protected workbook
        return _read_calamine(path, max_rows, compound=True)
    _check_zip(path, magic)
    if suffix == ".ods":
        return _read_calamine(path, max_rows, compound=False)
    return _read_ooxml(path, max_rows)  # also an .xlsx saved under an .xls name


def _magic(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(len(_OLE_MAGIC))
    except OSError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Validation", "The file {file} could not be opened ({error}). Choose it again."
            ),
            file=path.name,
            error=error.strerror or str(error),
        ) from error


def _damaged(path: Path) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is damaged or is not really a spreadsheet of the kind its name "
            "says. Open it in Excel or WPS, save it as .xlsx and import it again.",
        ),
        file=path.name,
    )


def _too_big(path: Path) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} unpacks to far more data than a member list holds, so it was not "
            "opened. Copy the member rows into a new file and import that.",
        ),
        file=path.name,
    )


def _check_zip(path: Path, magic: bytes) -> None:
    """Refuse a file that is not a zip, or whose contents unpack to too much (a zip bomb)."""
    if not magic.startswith(_ZIP_MAGIC):
        raise _damaged(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise _damaged(path) from error
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
        raise _too_big(path)
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and member.file_size / packed > MAX_RATIO:
            raise _too_big(path)


def _too_many_rows(path: Path, max_rows: int) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The sheet in {file} has more than {limit} rows, more than can be imported at "
            "once. Split it into smaller files, or delete the empty formatted rows at its end.",
        ),
        file=path.name,
        limit=max_rows,
    )


def _collect(path: Path, rows: Iterable[Iterable[object]], max_rows: int) -> list[list[object]]:
    """Keep rows (trailing empty cells and trailing empty rows dropped), at most ``max_rows``."""
    kept: list[list[object]] = []
    pending_blank = 0
    for number, raw in enumerate(rows, start=1):
        cells = [None if cell == "" else cell for cell in raw]
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            pending_blank += 1
            continue
        if number > max_rows:
            raise _too_many_rows(path, max_rows)
        kept.extend([] for _ in range(pending_blank))
        pending_blank = 0
        kept.append(cells)
    return kept


def _read_ooxml(path: Path, max_rows: int) -> Sheet:
    try:
        stream = path.open("rb")  # a file object: openpyxl would refuse an .xls name
    except OSError as error:
        raise _damaged(path) from error
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        stream.close()
        raise _damaged(path) from error
    try:
        sheet = next((ws for ws in book.worksheets if ws.sheet_state == "visible"), None)
        if sheet is None:
            raise _no_sheet(path)
        sheet.reset_dimensions()  # WPS and others write wrong <dimension> tags
        try:
            rows = _collect(path, sheet.iter_rows(values_only=True), max_rows)
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as error:
            raise _damaged(path) from error
        return Sheet(sheet.title, rows)
    finally:
        book.close()
        stream.close()


def _no_sheet(path: Path) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} has no visible worksheet. Unhide the sheet with the member list "
            "and import the file again.",
        ),
        file=path.name,
    )


def _protected(path: Path) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is protected with a password. Open it in Excel or WPS, remove "
            "the password, save it as .xlsx and import it again.",
        ),
        file=path.name,
    )


def _read_calamine(path: Path, max_rows: int, *, compound: bool) -> Sheet:
    """Read .ods, or (``compound``) an OLE compound file: an .xls, or an encrypted workbook."""
    try:
        if not compound:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        elif path.stat().st_size > MAX_UNCOMPRESSED:
            raise _too_big(path)
        else:
            with path.open("rb") as stream:  # detects the format from the content, not the name
                book = python_calamine.CalamineWorkbook.from_filelike(stream)
    except python_calamine.PasswordError as error:
        raise _protected(path) from error
    except (python_calamine.CalamineError, OSError, ValueError) as error:
        # Office saves every password-protected workbook as an OLE compound file
        if compound and path.suffix.lower() != ".xls":
            raise _protected(path) from error
        raise _damaged(path) from error
    try:
        visible = [
            meta.name
            for meta in book.sheets_metadata
            if meta.visible == python_calamine.SheetVisibleEnum.Visible
            and meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        if not visible:
            raise _no_sheet(path)
        try:
            sheet = book.get_sheet_by_name(visible[0])
            rows = _collect(path, _from_origin(sheet), max_rows)
        except python_calamine.CalamineError as error:
            raise _damaged(path) from error
        return Sheet(visible[0], rows)
    finally:
        book.close()


def _from_origin(sheet: python_calamine.CalamineSheet) -> Iterator[list[object]]:
    """Calamine rows from A1: they start at row 1 but at the first used column, so pad them."""
    start = sheet.start or (0, 0)
    padding: list[object] = [None] * start[1]
    for row in sheet.iter_rows():
        yield [*padding, *row]


def _read_csv(path: Path, max_rows: int) -> Sheet:
    try:
        if path.stat().st_size > MAX_UNCOMPRESSED:
            raise _too_big(path)
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        _magic(path)  # raises the "could not be opened" refusal
        raise
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _damaged(path)  # a binary file named .csv
    for encoding in _csv_encodings(head):
        delimiter = _sniff_delimiter(head.decode(encoding, errors="ignore"))
        try:
            with path.open(encoding=encoding, newline="") as text:
                rows = _collect(path, csv.reader(text, delimiter=delimiter), max_rows)
        except UnicodeDecodeError:
            continue  # not this encoding; the rows read so far are dropped
        except (csv.Error, OSError) as error:
            raise _damaged(path) from error
        return Sheet(path.name, rows)
    raise _unknown_encoding(path)


def _csv_encodings(head: bytes) -> tuple[str, ...]:
    """UTF-16 when the file starts with its BOM; else UTF-8 (BOM or not), then GB18030."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    return ("utf-8-sig", "gb18030")


def _unknown_encoding(path: Path) -> UnreadableImport:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Validation",
            "The text encoding of {file} could not be recognised. Open it in Excel or WPS and "
            "save it as .xlsx, or as CSV UTF-8, and import it again.",
        ),
        file=path.name,
    )


def _sniff_delimiter(sample: str) -> str:
    """The candidate delimiter found most consistently in the first lines (comma if none)."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line may be cut off
    best, best_count = ",", 0
    for delimiter in _DELIMITERS:
        count = min((line.count(delimiter) for line in lines), default=0)
        if count > best_count:
            best, best_count = delimiter, count
    return best
