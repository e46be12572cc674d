"""Pinyin keys of personal names, for search by initials and for pinyin sort order.

pypinyin reads surnames with their everyday readings (单 dān, 曾 céng, 解 jiě …), so the reading of
a surname at the start of a name comes from ``SURNAME_READINGS`` first. Search keys also index
every other reading of every character, so a user who types either reading finds the person.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

# Compound surnames whose readings differ from the characters' everyday ones, or that must be
# recognised as one surname before single-character rules apply.
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "单于": ("chan", "yu"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "令狐": ("ling", "hu"),
    "皇甫": ("huang", "fu"),
    "东方": ("dong", "fang"),
    "慕容": ("mu", "rong"),
    "夏侯": ("xia", "hou"),
    "公孙": ("gong", "sun"),
    "宇文": ("yu", "wen"),
    "轩辕": ("xuan", "yuan"),
    "端木": ("duan", "mu"),
    "司徒": ("si", "tu"),
    "呼延": ("hu", "yan"),
    "赫连": ("he", "lian"),
    "拓跋": ("tuo", "ba"),
    "独孤": ("du", "gu"),
    "南宫": ("nan", "gong"),
    "闻人": ("wen", "ren"),
    "钟离": ("zhong", "li"),
    "淳于": ("chun", "yu"),
    "申屠": ("shen", "tu"),
}

# Single-character surnames read differently as a surname (DESIGN.md 12 names the first five).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "尉": "yu",
    "缪": "miao",
    "翟": "zhai",
    "种": "chong",
    "重": "chong",
    "覃": "qin",
    "召": "shao",
    "繁": "po",
    "员": "yun",
    "贠": "yun",
    "秘": "bi",
    "冼": "xian",
    "华": "hua",
    "过": "guo",
    "纪": "ji",
    "燕": "yan",
    "瞿": "qu",
    "折": "she",
    "那": "na",
    "藏": "zang",
    "都": "du",
    "薄": "bo",
    "贾": "jia",
    "居": "ju",
    "盛": "sheng",
    "柏": "bai",
    "牟": "mou",
    "陆": "lu",
    "乜": "nie",
    "阚": "kan",
    "叶": "ye",
    "宿": "su",
    "沈": "shen",
    "卜": "bu",
    "殷": "yin",
    "隗": "wei",
    "句": "gou",
    "蕃": "pi",
    "黑": "he",
    "洗": "xian",
    "长": "chang",
    "任": "ren",
    "石": "shi",
    "曲": "qu",
    "角": "jue",
}

MAX_COMBINATIONS = 16
_SEPARATORS = frozenset("·・•．‧ \u3000")


@lru_cache(maxsize=65536)
def char_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading pypinyin knows for ``char``; () for characters it does not know."""
    # Imported on first use: loading pypinyin's dictionaries takes 0.2 s, which start-up
    # (first paint of the main window) must not pay.
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not readings:
        return (char.lower(),) if char.isascii() and char.isalpha() else ()
    return tuple(dict.fromkeys(r for r in readings[0] if r.isascii() and r.isalpha()))


def name_readings(name: str) -> list[tuple[str, ...]]:
    """Readings of each character of ``name``, surname reading first where it differs."""
    chars = [c for c in name if c not in _SEPARATORS]
    compound = "".join(chars[:2])
    if compound in COMPOUND_SURNAMES:
        head = [
            (r, *char_readings(c))
            for r, c in zip(COMPOUND_SURNAMES[compound], chars[:2], strict=True)
        ]
        rest = chars[2:]
    elif chars and chars[0] in SURNAME_READINGS:
        head = [(SURNAME_READINGS[chars[0]], *char_readings(chars[0]))]
        rest = chars[1:]
    else:
        head, rest = [], chars
    slots = head + [char_readings(c) for c in rest]
    return [tuple(dict.fromkeys(slot)) for slot in slots if slot]


def primary_reading(name: str) -> list[str]:
    """The most likely reading of each character (surname-aware)."""
    return [slot[0] for slot in name_readings(name)]


@lru_cache(maxsize=131072)
def search_keys(name: str) -> str:
    """Space-led tokens for search: initials and full pinyin of up to 16 reading combinations.

    ``"张伟"`` gives ``" zw zhangwei"``; a query matches when it is a prefix of a token, which the
    store tests with ``instr(search_keys, ' ' || query)``. The words of a Latin name are tokens
    too (``"John Smith"`` gives ``" john smith"``), so letters never need a scan of the name.
    """
    if name.isascii():
        return "".join(f" {word}" for word in name.lower().split() if word.isalpha())
    slots = name_readings(name)
    tokens: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*slots), MAX_COMBINATIONS):
        tokens["".join(r[0] for r in combo)] = None
        tokens["".join(combo)] = None
    for part in _name_parts(name)[1:]:  # 阿依古丽·买买提 is also found by "mmt"
        tokens.update(dict.fromkeys(search_keys(part).split()))
    return "".join(f" {token}" for token in tokens if token)


def _name_parts(name: str) -> list[str]:
    parts, current = [], ""
    for char in name:
        if char in _SEPARATORS:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in [*parts, current] if p]


def sort_key(name: str) -> str:
    """Key that orders names by pinyin (surname-aware), then by the characters themselves."""
    return " ".join(primary_reading(name)) + "\x00" + name
