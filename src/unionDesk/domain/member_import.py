"""Reading member rows from a spreadsheet: header detection, safe normalisation, row checks.

Pure domain code: it takes cell values as Python objects (str/int/float/datetime/None) and gives
``MemberDraft`` values plus problems tied to the sheet row and column (issue 8). Values that are
safe to normalise are normalised (full-width characters, spaces, lower-case x, Excel serial
dates); an ID number that Excel stored as a number is refused, because its digits may be lost.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from unionDesk.domain.enums import (
    ETHNIC_GROUPS,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    PoliticalStatus,
    Sex,
    SkillLevel,
    ethnicity_label,
    label,
)
from unionDesk.domain.ids import half_width, normalize_code, resident_id_check_char
from unionDesk.domain.member import MemberDraft, validate_member
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    problem,
)

# MemberDraft field (plus "department") -> header texts, first one the canonical header.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "会员姓名", "职工姓名", "员工姓名"),
    "id_type": ("证件类型", "证件种类"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "证件号"),
    "sex": ("性别",),
    "birth_date": ("出生日期", "生日"),
    "ethnicity": ("民族",),
    "mobile": ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话"),
    "political_status": ("政治面貌",),
    "education": ("学历", "文化程度", "最高学历"),
    "skill_level": ("技能等级", "职业技能等级", "技术等级"),
    "trade": ("工种",),
    "job_title": ("职务", "岗位", "职务/岗位"),
    "hukou_region": ("户籍", "户籍所在地", "户籍类型"),
    "hukou_nature": ("户口性质", "户籍性质"),
    "migrant_worker": ("是否农民工", "农民工"),
    "work_start_date": ("参加工作日期", "参加工作时间", "工作时间", "参工时间"),
    "join_date": ("入会时间", "入会日期", "加入工会时间", "入会年月日"),
    "card_number": ("会员证号", "会员证号码", "会员卡号"),
    "hardship": ("是否困难职工", "困难职工"),
    "notes": ("备注", "说明"),
    "department": ("部门", "所在部门", "单位", "车间", "班组", "工作单位", "部门/车间"),
}

# Values used for a column that is missing or a cell that is empty: the member form's own
# defaults. Name, ID number, ethnicity and join date have none and must be in the file;
# sex and birth date are taken from the ID number.
DEFAULTS: dict[str, object] = {
    "id_type": IdType.RESIDENT_ID,
    "political_status": PoliticalStatus.MASSES,
    "education": Education.SENIOR_MIDDLE,
    "skill_level": SkillLevel.NONE,
    "hukou_region": HukouRegion.LOCAL,
    "hukou_nature": HukouNature.NON_AGRICULTURAL,
    "migrant_worker": False,
    "hardship": False,
}

# The member fields that hold an enum value, with their enum (the import and the template).
ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "id_type": IdType,
    "sex": Sex,
    "political_status": PoliticalStatus,
    "education": Education,
    "skill_level": SkillLevel,
    "hukou_region": HukouRegion,
    "hukou_nature": HukouNature,
}
_DATE_FIELDS = ("birth_date", "work_start_date", "join_date")
_BOOL_FIELDS = ("migrant_worker", "hardship")
_TEXT_FIELDS = ("name", "mobile", "trade", "job_title", "card_number", "notes", "department")

# Official Chinese terms and common variants found in rosters, accepted whatever the UI language.
_ALIASES: dict[StrEnum, str] = {
    IdType.RESIDENT_ID: "居民身份证 身份证",
    IdType.HMT_RESIDENCE: "港澳台居民居住证",
    IdType.FOREIGN_PERMANENT: "外国人永久居留身份证",
    IdType.PASSPORT: "护照",
    Sex.MALE: "男 男性",
    Sex.FEMALE: "女 女性",
    PoliticalStatus.CPC_MEMBER: "中共党员 党员",
    PoliticalStatus.CPC_PROBATIONARY: "中共预备党员 预备党员",
    PoliticalStatus.CYL_MEMBER: "共青团员 团员",
    PoliticalStatus.DEMOCRATIC_PARTY: "民主党派",
    PoliticalStatus.NON_PARTISAN: "无党派人士 无党派",
    PoliticalStatus.MASSES: "群众",
    Education.PRIMARY: "小学及以下 小学",
    Education.JUNIOR_MIDDLE: "初中",
    Education.SENIOR_MIDDLE: "高中/中专/技校 高中 中专 技校 职高",
    Education.JUNIOR_COLLEGE: "大学专科 大专 专科",
    Education.BACHELOR: "大学本科 本科",
    Education.POSTGRADUATE: "研究生 硕士 硕士研究生 博士 博士研究生",
    SkillLevel.NONE: "无",
    SkillLevel.APPRENTICE: "学徒工",
    SkillLevel.JUNIOR: "初级工",
    SkillLevel.INTERMEDIATE: "中级工",
    SkillLevel.SENIOR: "高级工",
    SkillLevel.TECHNICIAN: "技师",
    SkillLevel.SENIOR_TECHNICIAN: "高级技师",
    SkillLevel.SPECIAL_TECHNICIAN: "特级技师",
    SkillLevel.CHIEF_TECHNICIAN: "首席技师",
    HukouRegion.LOCAL: "本市",
    HukouRegion.OTHER: "外省市 非京籍 外省市(非京籍) 外地",
    HukouNature.AGRICULTURAL: "农业 农业户口",
    HukouNature.NON_AGRICULTURAL: "非农业 非农业户口 非农",
}
_BOOL_ALIASES: dict[str, bool] = {
    **dict.fromkeys(("是", "y", "yes", "true", "1", "√", "✓", "有"), True),
    **dict.fromkeys(("否", "n", "no", "false", "0", "×", "无", "不是"), False),
}
# The official Chinese names of the groups in ETHNIC_GROUPS without 族, in code order.
_ETHNIC_SHORT_NAMES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺"
)
_ETHNIC_NAMES_ZH = dict(zip(ETHNIC_GROUPS, _ETHNIC_SHORT_NAMES.split(), strict=True))

_HEADER_MARKS = re.compile(r"[*＊:：\s]|[（(](必填|选填|必须填写|可选)[）)]")
_PARENTHESES = re.compile(r"[（(][^）)]*[）)]")
_DATE_TEXT = re.compile(
    r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+|\d+\.0*")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 0 in the 1900 date system (after its 29 Feb bug)
_MAX_SERIAL = 2_958_465  # 9999-12-31

NUMBER_ID_TEXT = QT_TRANSLATE_NOOP(
    "Validation",
    "The ID number was stored as a number, so its digits may be wrong. Format the column as "
    "text and export the file again.",
)


def normalise_text(value: object) -> str:
    """Return a cell value as text: full-width ASCII made half-width, spaces collapsed.

    Surrounding spaces are removed and inner runs of spaces (including the full-width space)
    become one space. Whole numbers stored as floats lose their ``.0``; dates give ISO text.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(half_width(str(value)).split())


def parse_date(value: object) -> date | Problem | None:
    """Return the date in a cell, None for an empty cell, or a Problem (on field "").

    Accepted: date and datetime values, Excel serial numbers of the 1900 date system, and
    texts such as "2020.3.5", "2020-03-05", "2020/3/5", "2020年3月5日" and "20200305".
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return _not_a_date(value)
    if isinstance(value, int | float):
        return _from_serial(value)
    text = normalise_text(value)
    if not text:
        return None
    match = _DATE_TEXT.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None:
        return _not_a_date(text)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return _not_a_date(text)


def _from_serial(serial: float) -> date | Problem:
    if not math.isfinite(serial) or not 1 <= serial <= _MAX_SERIAL or int(serial) == 60:
        return _not_a_date(normalise_text(serial))
    days = int(serial)
    if days < 60:  # before Excel's non-existent 29 February 1900
        days += 1
    return _EXCEL_EPOCH + timedelta(days=days)


def _not_a_date(value: object) -> Problem:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "“{value}” is not a date that can be read. Write it like 2020-03-05 or format the "
        "cell as a date.",
    )
    return problem("", text, value=normalise_text(value))


def parse_id_number(value: object) -> str | Problem:
    """Return an ID number cell as cleaned text, or a Problem (on field "id_number").

    A number cell, a text in scientific notation ("1.10105199001011E+17") and 18 digits ending
    in 000 whose check digit fails (the precision Excel lost) are refused: their digits can
    not be trusted. Otherwise spaces are removed, full-width characters made half-width and
    letters (the check character x) upper-cased.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return problem("id_number", NUMBER_ID_TEXT)
    raw = half_width(str(value)).strip()
    if _SCIENTIFIC.fullmatch(raw):
        return problem("id_number", NUMBER_ID_TEXT)
    number = normalize_code(raw)
    if _lost_precision(number):
        return problem("id_number", NUMBER_ID_TEXT)
    return number


def _lost_precision(number: str) -> bool:
    return (
        len(number) == 18
        and number.isdigit()
        and number.endswith("000")
        and resident_id_check_char(number[:17]) != number[17]
    )


def normalise_header(text: object) -> str:
    """Return a header text as compared with ``FIELD_SYNONYMS``.

    Full-width characters become half-width; spaces, "*" marks, colons and "（必填）"-style
    notes are removed.
    """
    return _HEADER_MARKS.sub("", half_width(normalise_text(text)))


_HEADER_LOOKUP: dict[str, str] = {
    normalise_header(synonym): field
    for field, synonyms in FIELD_SYNONYMS.items()
    for synonym in synonyms
}


def match_header(text: object) -> str | None:
    """Return the field key a header text names, or None when it names none."""
    key = normalise_header(text)
    if not key:
        return None
    return _HEADER_LOOKUP.get(key) or _HEADER_LOOKUP.get(_PARENTHESES.sub("", key))


@dataclass(frozen=True)
class HeaderMatch:
    """The header row found in a sheet and the fields its columns map to.

    Attributes:
        row_index: 0-based index of the header row in the rows given to ``find_header``.
        columns: column index (0-based) -> field key; unmatched columns are left out.
        headers: the header texts of the row, by column index (for messages); may be empty,
            then the canonical header of each field is used.
    """

    row_index: int
    columns: dict[int, str]
    headers: tuple[str, ...] = ()

    def column_title(self, column: int) -> str:
        """Return the header text of ``column``, or the canonical header of its field."""
        if column < len(self.headers) and self.headers[column]:
            return self.headers[column]
        return _title(self.columns.get(column, ""))


def find_header(rows: Sequence[Sequence[object]], *, scan: int = 20) -> HeaderMatch | None:
    """Return the first of the first ``scan`` rows naming at least 姓名 and 身份证号.

    Title rows above the header (such as a merged "XX公司工会会员花名册") are skipped. When two
    columns name the same field, the first one is used.

    Args:
        rows: the sheet rows, cell values as read.
        scan: how many rows from the top to look at.

    Returns:
        The header row and its column mapping, or None when no row qualifies.
    """
    for index, cells in enumerate(rows[:scan]):
        columns: dict[int, str] = {}
        for column, cell in enumerate(cells):
            field = match_header(cell)
            if field is not None and field not in columns.values():
                columns[column] = field
        if {"name", "id_number"} <= set(columns.values()):
            headers = tuple(normalise_text(cell) for cell in cells)
            return HeaderMatch(row_index=index, columns=columns, headers=headers)
    return None


def is_blank(cells: Sequence[object]) -> bool:
    """Whether every cell of a row is empty (such rows are not members and are skipped)."""
    return all(normalise_text(cell) == "" for cell in cells)


@dataclass
class _RowReader:
    cells: Sequence[object]
    header: HeaderMatch
    row: int
    translate: Translate
    problems: list[CellProblem] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        mapped = reversed(list(self.header.columns.items()))  # the first column of a field wins
        self.column_of = {field: column for column, field in mapped}

    def cell(self, field: str) -> tuple[int | None, object]:
        column = self.column_of.get(field)
        if column is None:
            return None, None
        return column, self.cells[column] if column < len(self.cells) else None

    def fail(self, field: str, reason: Problem) -> None:
        column, value = self.cell(field)
        title = self.header.column_title(column) if column is not None else _title(field)
        self.problems.append(CellProblem(self.row, title, normalise_text(value), reason))

    def values(self) -> dict[str, object]:
        found: dict[str, object] = dict(DEFAULTS)
        for field in _TEXT_FIELDS:
            found[field] = normalise_text(self.cell(field)[1])
        found["id_number"] = self._id_number()
        found["ethnicity"] = self._ethnicity()
        for field in _DATE_FIELDS:
            found[field] = self._date(field)
        for field, enum in ENUM_FIELDS.items():
            found[field] = self._choice(field, enum)
        for field in _BOOL_FIELDS:
            found[field] = self._flag(field)
        return found

    def _id_number(self) -> str:
        parsed = parse_id_number(self.cell("id_number")[1])
        if isinstance(parsed, Problem):
            self.fail("id_number", parsed)
            return ""
        return parsed

    def _date(self, field: str) -> date | None:
        parsed = parse_date(self.cell(field)[1])
        if isinstance(parsed, Problem):
            self.fail(field, dataclasses.replace(parsed, field=field))
            return None
        return parsed

    def _ethnicity(self) -> str:
        raw = self.cell("ethnicity")[1]
        text = normalise_text(raw)
        if not text:
            return ""
        code = _choice_lookup(self.translate)["ethnicity"].get(_key(text))
        if code is None:
            reason = QT_TRANSLATE_NOOP(
                "Validation",
                "“{value}” is not one of the 56 ethnic groups. Write the group's name, "
                "such as 汉族 or 回族.",
            )
            self.fail("ethnicity", problem("ethnicity", reason, value=text))
            return ""
        return code

    def _choice(self, field: str, enum: type[StrEnum]) -> StrEnum | None:
        text = normalise_text(self.cell(field)[1])
        default = DEFAULTS.get(field)
        if not text:
            return default if isinstance(default, StrEnum) else None
        value = _choice_lookup(self.translate)[field].get(_key(text))
        if value is None:
            reason = QT_TRANSLATE_NOOP(
                "Validation", "“{value}” is not one of the choices. Choose one of: {choices}."
            )
            choices = "、".join(label(item, self.translate) for item in enum)
            self.fail(field, problem(field, reason, value=text, choices=choices))
            return default if isinstance(default, StrEnum) else None
        return enum(value)

    def _flag(self, field: str) -> bool:
        text = normalise_text(self.cell(field)[1])
        if not text:
            return False
        flag = _BOOL_ALIASES.get(_key(text))
        if flag is None:
            reason = QT_TRANSLATE_NOOP(
                "Validation", "“{value}” is neither yes nor no. Write 是 or 否."
            )
            self.fail(field, problem(field, reason, value=text))
            return False
        return flag


@dataclass(frozen=True)
class CellProblem:
    """One problem of one cell.

    Attributes:
        row: 1-based sheet row.
        column: the header text of the column ("" when the problem concerns the whole row).
        value: the cell value as text.
        reason: what is wrong and what to do.
    """

    row: int
    column: str
    value: str
    reason: Problem


@dataclass(frozen=True)
class RowResult:
    """One data row read into a member draft.

    Attributes:
        row: 1-based sheet row.
        draft: the validated draft (``department_id`` None), or None when the row has problems.
        department: the department path or name given in the row ("" if none).
        problems: every problem found in the row.
    """

    row: int
    draft: MemberDraft | None
    department: str
    problems: tuple[CellProblem, ...]


def read_row(
    cells: Sequence[object], header: HeaderMatch, row: int, *, translate: Translate, today: date
) -> RowResult:
    """Read one data row and validate it with the member form's checks.

    Labels are mapped back to enum values whether they are in the user's language
    (``translate``), the English source, or the official Chinese term; missing columns and
    empty cells take ``DEFAULTS``. Every problem, from reading or from ``validate_member``,
    is tied to the column that holds the value.

    Args:
        cells: the row's cell values.
        header: the column mapping.
        row: the 1-based sheet row, for messages.
        translate: the function the labels of choices are translated with.
        today: the date no date may be after.

    Returns:
        The row's draft (None when any problem was found), department text and problems.
    """
    reader = _RowReader(cells, header, row, translate)
    values = reader.values()
    department = str(values.pop("department"))
    failed = {problem_.reason.field for problem_ in reader.problems}
    draft = MemberDraft(department_id=None, **values)  # type: ignore[arg-type]
    try:
        cleaned = validate_member(draft, today=today)
    except ValidationFailed as invalid:
        for reason in invalid.problems:
            if reason.field not in failed:
                reader.fail(reason.field, reason)
        cleaned = None
    if reader.problems:
        return RowResult(row, None, department, tuple(reader.problems))
    return RowResult(row, cleaned, department, ())


def _title(field: str) -> str:
    return FIELD_SYNONYMS[field][0] if field in FIELD_SYNONYMS else ""


def _key(text: str) -> str:
    return "".join(half_width(text).split()).casefold()


@functools.lru_cache(maxsize=8)
def _choice_lookup(translate: Translate) -> dict[str, dict[str, str]]:
    """Field -> accepted text (as ``_key``) -> enum value or ethnic-group code."""
    lookup: dict[str, dict[str, str]] = {}
    for field, enum in ENUM_FIELDS.items():
        names = lookup[field] = {}
        for member in enum:
            for name in (member.value, label(member), label(member, translate)):
                names[_key(name)] = member.value
            for alias in _ALIASES[member].split():
                names[_key(alias)] = member.value
    groups = lookup["ethnicity"] = {}
    for code, short in _ETHNIC_NAMES_ZH.items():
        spellings = (code, ethnicity_label(code), ethnicity_label(code, translate), short)
        for name in (*spellings, short + "族"):
            groups[_key(name)] = code
    return lookup
