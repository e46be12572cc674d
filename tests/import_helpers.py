"""Builders of messy and hostile member-list files for the import tests (issue 8).

Every ID number is composed by ``compose_resident_id`` (well-formed, not a real person's); mobile
numbers use the 138 0000 test range. Files are real: openpyxl writes the xlsx files, the csv
module the CSV files, and the hostile ones are written byte by byte.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from unionDesk.domain.ids import compose_resident_id

TODAY = date(2026, 11, 21)
REGION = "110105"
TITLE = "测试机械厂工会会员花名册"
HEADER: tuple[str, ...] = (
    "序号",
    "姓名",
    "性别",
    "民族",
    "身份证号码",
    "手机号码",
    "政治面貌",
    "学历",
    "所在部门",
    "参加工作时间",
    "入会时间",
)
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = "伟芳娜敏静丽强磊军洋"


def fake_id(index: int, *, birth: date | None = None) -> str:
    """A composed resident ID number for person ``index`` (odd index: male, even: female)."""
    born = birth or date(1960, 1, 1) + timedelta(days=11 * (index % 1000))
    return compose_resident_id(REGION, born, index % 1000)


def fake_mobile(index: int) -> str:
    """A mobile number in the 138 0000 xxxx range."""
    return f"1380000{index % 10000:04d}"


def member_row(index: int, **overrides: object) -> list[object]:
    """One valid row under ``HEADER``; keyword arguments (header texts) replace cells."""
    cells: dict[str, object] = {
        "序号": index + 1,
        "姓名": _SURNAMES[index % 10] + _GIVEN[(index // 10) % 10] + _GIVEN[index % 7],
        "性别": "男" if (index % 1000) % 2 else "女",
        "民族": "汉族",
        "身份证号码": fake_id(index),
        "手机号码": fake_mobile(index),
        "政治面貌": "群众",
        "学历": "大学本科",
        "所在部门": "生产车间",
        "参加工作时间": "2010-07-01",
        "入会时间": "2012.3.5",
    }
    for key, value in overrides.items():
        cells[key] = value
    return [cells[name] for name in HEADER]


def member_rows(count: int, start: int = 0) -> list[list[object]]:
    """``count`` valid rows of different people (distinct ID numbers for count <= 1000)."""
    return [member_row(index) for index in range(start, start + count)]


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    header: Sequence[str] | None = HEADER,
    title: str | None = None,
    hidden_sheet_first: bool = False,
    text_columns: Sequence[int] = (),
) -> Path:
    """Write a roster xlsx: optional merged title row, header, rows.

    Args:
        path: where to write.
        rows: the data rows (numbers stay numbers: a float ID shows how Excel stores it).
        header: the header texts, or None for no header row.
        title: a title written in A1 and merged across the header's width.
        hidden_sheet_first: put a hidden sheet with other content before the roster.
        text_columns: 0-based columns given the text number format "@".
    """
    book = openpyxl.Workbook()
    sheet: Worksheet = book.active  # type: ignore[assignment]
    if hidden_sheet_first:
        sheet.title = "旧数据"
        sheet.append(["姓名", "身份证号码"])
        sheet.append(["隐藏表", fake_id(999)])
        sheet.sheet_state = "hidden"
        sheet = book.create_sheet("花名册")
    else:
        sheet.title = "花名册"
    width = len(header) if header else 1
    if title is not None:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if header is not None:
        sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for column in text_columns:
        for (cell,) in sheet.iter_rows(min_col=column + 1, max_col=column + 1):
            cell.number_format = "@"
    book.save(path)
    return path


def write_csv(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    header: Sequence[str] | None = HEADER,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Path:
    """Write a roster CSV in ``encoding`` (Excel on Chinese Windows writes gb18030)."""
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)
    return path


def write_not_a_zip(path: Path) -> Path:
    """A file named .xlsx that holds plain text."""
    path.write_text("姓名,身份证号码\n这不是表格,1\n", encoding="utf-8")
    return path


def write_password_protected(path: Path) -> Path:
    """A file that starts like an encrypted Office file (an OLE compound document)."""
    path.write_bytes(OLE_MAGIC + bytes(504) + b"EncryptionInfo" + bytes(1000))
    return path


def write_zip_bomb(path: Path, *, megabytes: int = 300) -> Path:
    """A small .xlsx whose sheet unpacks to ``megabytes`` MB of zeros (written in chunks)."""
    chunk = b"0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(megabytes):
                sheet.write(chunk)
    return path


def write_long_xlsx(path: Path, rows: int) -> Path:
    """A valid xlsx with ``rows`` one-cell rows, its sheet XML streamed into the zip.

    Built by hand (not openpyxl) so a million-row file takes about a second to write.
    """
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    main = "http://schemas.openxmlformats.org/officeDocument/2006"
    package = "http://schemas.openxmlformats.org/package/2006"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{package}/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId1" Type="{main}/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId1" Type="{main}/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                + f'<dimension ref="A1:A{rows}"/><sheetData>'.encode()
            )
            batch = 10_000
            for first in range(1, rows + 1, batch):
                last = min(first + batch, rows + 1)
                sheet.write(
                    "".join(
                        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(first, last)
                    ).encode()
                )
            sheet.write(b"</sheetData></worksheet>")
    return path


def write_long_csv(path: Path, lines: int) -> Path:
    """A CSV file of ``lines`` short lines, written in one go."""
    path.write_bytes(b"a,1\n" * lines)
    return path


def write_ods(path: Path, rows: Iterable[Sequence[object]], *, sheet: str = "花名册") -> Path:
    """A minimal OpenDocument spreadsheet (strings, numbers and dates), written by hand."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    body = []
    for row in rows:
        cells = "".join(_ods_cell(value) for value in row)
        body.append(f"<table:table-row>{cells}</table:table-row>")
    content = (
        f'<office:document-content xmlns:office="{office}:office:1.0" '
        f'xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="{sheet}">{"".join(body)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f'<manifest:manifest xmlns:manifest="{office}:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )
