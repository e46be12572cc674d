"""Reading import files safely (issue 8): real messy and hostile files, never mocks."""

from __future__ import annotations

import shutil
import struct
import subprocess
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.drawing.image import Image
from PIL import Image as PilImage

from import_helpers import (
    HEADER,
    TITLE,
    fake_id,
    member_row,
    member_rows,
    write_csv,
    write_long_csv,
    write_long_xlsx,
    write_not_a_zip,
    write_ods,
    write_password_protected,
    write_xlsx,
    write_zip_bomb,
)
from unionDesk.domain.member_import import find_header, parse_date, parse_id_number, read_row
from unionDesk.domain.messages import Problem, untranslated
from unionDesk.services.import_files import MAX_ROWS, Sheet, UnreadableImport, read_table

TODAY = date(2026, 11, 21)


def patched(path: Path, member: str, old: bytes, new: bytes) -> Path:
    """A copy of the xlsx ``path`` with ``old`` replaced by ``new`` in one zip member."""
    target_path = path.with_name("patched-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target_path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == member:
                assert old in data
                data = data.replace(old, new)
            target.writestr(item, data)
    return target_path


def refusal(path: Path, **kwargs) -> str:
    with pytest.raises(UnreadableImport) as caught:
        read_table(path, **kwargs)
    assert caught.value.problem.field == "file"
    return caught.value.problem.render()


# --- xlsx ---------------------------------------------------------------------------------------


def test_roster_under_a_merged_title_row_reads_every_value(tmp_path):
    rows = member_rows(3)
    path = write_xlsx(tmp_path / "花名册.xlsx", rows, title=TITLE)
    sheet = read_table(path)
    assert sheet.name == "花名册"
    assert sheet.rows[0] == [TITLE]  # the merged cell's value sits in A1 only
    assert sheet.rows[1] == list(HEADER)
    assert sheet.rows[2:] == rows
    header = find_header(sheet.rows)
    assert header is not None and header.row_index == 1


def test_numeric_ids_and_serial_dates_arrive_as_numbers_and_are_handled(tmp_path):
    number = fake_id(5)
    row = member_row(5, 身份证号码=float(number), 入会时间=43895, 参加工作时间=datetime(2010, 7, 1))
    path = write_xlsx(tmp_path / "numbers.xlsx", [row])
    cells = read_table(path).rows[1]
    id_cell, work_cell, join_cell = cells[4], cells[9], cells[10]
    assert isinstance(id_cell, float)
    assert isinstance(parse_id_number(id_cell), Problem)
    assert join_cell == 43895 and parse_date(join_cell) == date(2020, 3, 5)
    assert work_cell == datetime(2010, 7, 1)


def test_text_formatted_id_column_keeps_the_digits(tmp_path):
    path = write_xlsx(tmp_path / "text.xlsx", member_rows(2), text_columns=[4])
    sheet = read_table(path)
    assert [row[4] for row in sheet.rows[1:]] == [fake_id(0), fake_id(1)]


def test_formulas_give_their_saved_value_or_none(tmp_path):
    path = write_xlsx(tmp_path / "formulas.xlsx", [member_row(1, 序号="=ROW()-1")])
    # openpyxl saves no value for formulas; give the formula a saved value as Excel does
    sheet_xml, formula = "xl/worksheets/sheet1.xml", b"<f>ROW()-1</f><v></v>"
    cached = patched(path, sheet_xml, formula, b"<f>ROW()-1</f><v>1</v>")
    assert read_table(path).rows[1][0] is None
    assert read_table(cached).rows[1][0] == 1


def test_the_first_visible_sheet_is_read_not_a_hidden_one(tmp_path):
    path = write_xlsx(tmp_path / "hidden.xlsx", member_rows(1), hidden_sheet_first=True)
    sheet = read_table(path)
    assert sheet.name == "花名册"
    assert sheet.rows[1] == member_row(0)


def test_a_workbook_with_only_hidden_sheets_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "all-hidden.xlsx", member_rows(1), hidden_sheet_first=True)
    old = b'sheetId="2" state="visible"'
    hidden = patched(path, "xl/workbook.xml", old, b'sheetId="2" state="hidden"')
    assert "no visible worksheet" in refusal(hidden)


def test_images_in_the_sheet_are_ignored(tmp_path):
    PilImage.new("RGB", (40, 20), "red").save(tmp_path / "logo.png")
    path = write_xlsx(tmp_path / "image.xlsx", member_rows(2), title=TITLE)
    book = openpyxl.load_workbook(path)
    book.active.add_image(Image(tmp_path / "logo.png"), "M1")
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert any(name.startswith("xl/media/") for name in archive.namelist())
    assert read_table(path).rows[2:] == member_rows(2)


def test_blank_rows_keep_row_numbers_and_trailing_ones_are_dropped(tmp_path):
    path = write_xlsx(tmp_path / "gaps.xlsx", [member_row(0), [], [None, ""], member_row(1)])
    book = openpyxl.load_workbook(path)
    book.active["C40"].number_format = "@"  # a formatted but empty cell far below
    book.active["C40"].value = None
    book.active["D50"] = ""
    book.save(path)
    rows = read_table(path).rows
    assert rows[1:] == [member_row(0), [], [], member_row(1)]


def test_a_wrong_dimension_tag_does_not_cut_columns(tmp_path):
    path = write_xlsx(tmp_path / "wps.xlsx", member_rows(2))
    old, new = b'<dimension ref="A1:K3"/>', b'<dimension ref="A1:B2"/>'
    wrong = patched(path, "xl/worksheets/sheet1.xml", old, new)
    assert read_table(wrong).rows[1:] == member_rows(2)


def test_a_read_sheet_imports_end_to_end(tmp_path):
    path = write_xlsx(tmp_path / "ok.xlsx", member_rows(5), title=TITLE)
    sheet = read_table(path)
    header = find_header(sheet.rows)
    assert header is not None
    results = [
        read_row(cells, header, index + 1, translate=untranslated, today=TODAY)
        for index, cells in enumerate(sheet.rows)
        if index > header.row_index
    ]
    assert [result.row for result in results] == [3, 4, 5, 6, 7]
    assert all(result.problems == () for result in results)
    assert [r.draft.id_number for r in results if r.draft] == [fake_id(i) for i in range(5)]


# --- hostile files ----------------------------------------------------------------------------


def test_an_xlsx_that_is_not_a_zip_is_refused(tmp_path):
    message = refusal(write_not_a_zip(tmp_path / "fake.xlsx"))
    assert "fake.xlsx" in message and "damaged" in message


def test_a_truncated_xlsx_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "cut.xlsx", member_rows(20))
    path.write_bytes(path.read_bytes()[:2000])
    assert "damaged" in refusal(path)


def test_a_password_protected_file_is_refused(tmp_path):
    for name in ("locked.xlsx", "locked.xlsm"):
        message = refusal(write_password_protected(tmp_path / name))
        assert "password" in message and name in message


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    started = time.perf_counter()
    assert "unpacks to far more data" in refusal(write_zip_bomb(tmp_path / "b.xlsx", megabytes=20))
    assert time.perf_counter() - started < 2


def test_a_zip_declaring_more_than_200_mb_is_refused(tmp_path):
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"x" * 1000)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 300 * 1024 * 1024)  # uncompressed size
    path.write_bytes(bytes(data))
    assert "unpacks to far more data" in refusal(path)


def test_a_million_row_xlsx_is_refused_after_reading_only_max_rows(tmp_path):
    path = write_long_xlsx(tmp_path / "long.xlsx", 1_000_000)
    started = time.perf_counter()
    message = refusal(path, max_rows=1_000)
    assert time.perf_counter() - started < 1
    assert "more than 1000 rows" in message


def test_a_million_line_csv_is_refused_at_the_default_limit(tmp_path):
    path = write_long_csv(tmp_path / "long.csv", 1_000_001)
    started = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - started < 2
    assert f"more than {MAX_ROWS} rows" in message


def test_exactly_max_rows_is_accepted_and_one_more_refused(tmp_path):
    write_long_xlsx(tmp_path / "ten.xlsx", 10)
    assert len(read_table(tmp_path / "ten.xlsx", max_rows=10).rows) == 10
    assert "more than 9 rows" in refusal(tmp_path / "ten.xlsx", max_rows=9)


def test_unknown_and_missing_files_are_refused(tmp_path):
    (tmp_path / "list.pdf").write_bytes(b"%PDF-1.7")
    assert "not a spreadsheet" in refusal(tmp_path / "list.pdf")
    assert "could not be opened" in refusal(tmp_path / "nowhere.xlsx")
    assert "could not be opened" in refusal(tmp_path / "nowhere.csv")


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030", "utf-16"])
def test_csv_in_the_encodings_excel_and_wps_write(tmp_path, encoding):
    rows = [[str(cell) for cell in member_row(i)] for i in range(3)]
    path = write_csv(tmp_path / "list.csv", rows, encoding=encoding)
    sheet = read_table(path)
    assert sheet == Sheet("list.csv", [list(HEADER), *rows])


def test_gb18030_csv_with_rare_characters_is_not_mistaken_for_utf8(tmp_path):
    rows = [["𠈌丽", fake_id(1)], ["王·艾力", fake_id(2)]]
    path = write_csv(tmp_path / "gbk.csv", rows, header=["姓名", "身份证号"], encoding="gb18030")
    assert read_table(path).rows[1:] == rows


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path, delimiter):
    rows = [["王伟", fake_id(1), "2020年3月5日"]]
    path = write_csv(
        tmp_path / "d.csv", rows, header=["姓名", "身份证号", "入会时间"], delimiter=delimiter
    )
    assert read_table(path).rows == [["姓名", "身份证号", "入会时间"], *rows]


def test_csv_empty_cells_become_none_and_trailing_ones_are_dropped(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("姓名,身份证号,手机\n王伟,,\n,,\n李娜,x,1\n,,\n", encoding="utf-8")
    assert read_table(path).rows == [["姓名", "身份证号", "手机"], ["王伟"], [], ["李娜", "x", "1"]]


def test_csv_in_an_undecidable_encoding_is_refused(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("姓名,身份证号\n".encode() + b"\xff\xfe\xfd\x80\x80,\xff\n")
    assert "encoding" in refusal(path)


def test_a_binary_file_named_csv_is_refused(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert "damaged" in refusal(path)


# --- xls and ods (python-calamine) ---------------------------------------------------------------


def test_ods_is_read_with_dates_and_numbers(tmp_path):
    rows = [[TITLE], [], ["姓名", "身份证号", "入会时间"], ["王伟", fake_id(3), date(2020, 3, 5)]]
    path = write_ods(tmp_path / "list.ods", rows)
    sheet = read_table(path)
    assert sheet.name == "花名册"
    assert sheet.rows == rows


def test_an_ods_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.ods"
    path.write_text("not a spreadsheet", encoding="utf-8")
    assert "damaged" in refusal(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice makes the .xls file")
def test_xls_made_by_libreoffice_is_read_even_when_renamed_to_xlsx(tmp_path):
    source = write_xlsx(tmp_path / "list.xlsx", member_rows(2), title=TITLE, text_columns=[4])
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    renamed = tmp_path / "renamed.xlsx"
    shutil.copy(tmp_path / "list.xls", renamed)
    for path in (tmp_path / "list.xls", renamed):
        sheet = read_table(path)
        assert sheet.rows[0] == [TITLE]
        assert sheet.rows[1] == list(HEADER)
        assert [row[4] for row in sheet.rows[2:]] == [fake_id(0), fake_id(1)]
        assert [row[1] for row in sheet.rows[2:]] == [member_row(0)[1], member_row(1)[1]]


def test_an_xlsx_saved_under_an_xls_name_is_read(tmp_path):
    path = write_xlsx(tmp_path / "wps.xlsx", member_rows(2))
    misnamed = path.rename(tmp_path / "wps.xls")
    assert read_table(misnamed).rows[1:] == member_rows(2)


def test_a_damaged_xls_is_refused(tmp_path):
    path = tmp_path / "bad.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    assert "damaged" in refusal(path)
