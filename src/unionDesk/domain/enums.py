"""Fixed vocabularies of the member register (DESIGN.md 3.1), stored as stable codes.

The database keeps the code (``value``); screens and printouts show ``label(member)``, an English
source text in the ``Enum`` translation context whose zh_CN translation is the official term.
"""

from __future__ import annotations

from enum import StrEnum

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Translate, untranslated

ENUM_CONTEXT = "Enum"


class Sex(StrEnum):
    """性别."""

    MALE = "male"
    FEMALE = "female"


class IdType(StrEnum):
    """证件类型."""

    RESIDENT_ID = "resident_id"
    HMT_RESIDENCE = "hmt_residence"
    FOREIGN_PERMANENT = "foreign_permanent"
    PASSPORT = "passport"


class PoliticalStatus(StrEnum):
    """政治面貌."""

    CPC_MEMBER = "cpc_member"
    CPC_PROBATIONARY = "cpc_probationary"
    CYL_MEMBER = "cyl_member"
    DEMOCRATIC_PARTY = "democratic_party"
    NON_PARTISAN = "non_partisan"
    MASSES = "masses"


class Education(StrEnum):
    """学历, in ascending order."""

    PRIMARY = "primary"
    JUNIOR_MIDDLE = "junior_middle"
    SENIOR_MIDDLE = "senior_middle"
    JUNIOR_COLLEGE = "junior_college"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"


class SkillLevel(StrEnum):
    """职业技能等级 of the 2022 eight-level system, in ascending order after ``NONE``."""

    NONE = "none"
    APPRENTICE = "apprentice"
    JUNIOR = "junior"
    INTERMEDIATE = "intermediate"
    SENIOR = "senior"
    TECHNICIAN = "technician"
    SENIOR_TECHNICIAN = "senior_technician"
    SPECIAL_TECHNICIAN = "special_technician"
    CHIEF_TECHNICIAN = "chief_technician"

    @property
    def rank(self) -> int:
        """Position in the ladder (0 for none), for minimum-level rules."""
        return list(SkillLevel).index(self)


class HukouRegion(StrEnum):
    """户籍所在地: 本市 or 外省市 (非京籍)."""

    LOCAL = "local"
    OTHER = "other"


class HukouNature(StrEnum):
    """户口性质."""

    AGRICULTURAL = "agricultural"
    NON_AGRICULTURAL = "non_agricultural"


class ChangeKind(StrEnum):
    """会籍变化 kinds."""

    JOIN = "join"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    WITHDRAW = "withdraw"
    EXPEL = "expel"
    DEATH = "death"

    @property
    def admits(self) -> bool:
        """Whether this change makes the person an active member."""
        return self in (ChangeKind.JOIN, ChangeKind.TRANSFER_IN)


class MemberStatus(StrEnum):
    """会籍状态, derived from the change history, never typed in."""

    ACTIVE = "active"
    TRANSFERRED_OUT = "transferred_out"
    WITHDRAWN = "withdrawn"
    EXPELLED = "expelled"
    DECEASED = "deceased"


_LABELS: dict[StrEnum, str] = {
    Sex.MALE: QT_TRANSLATE_NOOP("Enum", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Enum", "Female"),
    IdType.RESIDENT_ID: QT_TRANSLATE_NOOP("Enum", "Resident ID card"),
    IdType.HMT_RESIDENCE: QT_TRANSLATE_NOOP("Enum", "HK/Macao/Taiwan residence permit"),
    IdType.FOREIGN_PERMANENT: QT_TRANSLATE_NOOP("Enum", "Foreigner permanent residence ID"),
    IdType.PASSPORT: QT_TRANSLATE_NOOP("Enum", "Passport"),
    PoliticalStatus.CPC_MEMBER: QT_TRANSLATE_NOOP("Enum", "CPC member"),
    PoliticalStatus.CPC_PROBATIONARY: QT_TRANSLATE_NOOP("Enum", "CPC probationary member"),
    PoliticalStatus.CYL_MEMBER: QT_TRANSLATE_NOOP("Enum", "Communist Youth League member"),
    PoliticalStatus.DEMOCRATIC_PARTY: QT_TRANSLATE_NOOP("Enum", "Democratic party member"),
    PoliticalStatus.NON_PARTISAN: QT_TRANSLATE_NOOP("Enum", "Non-partisan"),
    PoliticalStatus.MASSES: QT_TRANSLATE_NOOP("Enum", "Ordinary citizen"),
    Education.PRIMARY: QT_TRANSLATE_NOOP("Enum", "Primary school or below"),
    Education.JUNIOR_MIDDLE: QT_TRANSLATE_NOOP("Enum", "Junior middle school"),
    Education.SENIOR_MIDDLE: QT_TRANSLATE_NOOP("Enum", "Senior middle / vocational school"),
    Education.JUNIOR_COLLEGE: QT_TRANSLATE_NOOP("Enum", "Junior college"),
    Education.BACHELOR: QT_TRANSLATE_NOOP("Enum", "Bachelor"),
    Education.POSTGRADUATE: QT_TRANSLATE_NOOP("Enum", "Postgraduate"),
    SkillLevel.NONE: QT_TRANSLATE_NOOP("Enum", "None"),
    SkillLevel.APPRENTICE: QT_TRANSLATE_NOOP("Enum", "Apprentice"),
    SkillLevel.JUNIOR: QT_TRANSLATE_NOOP("Enum", "Junior worker"),
    SkillLevel.INTERMEDIATE: QT_TRANSLATE_NOOP("Enum", "Intermediate worker"),
    SkillLevel.SENIOR: QT_TRANSLATE_NOOP("Enum", "Senior worker"),
    SkillLevel.TECHNICIAN: QT_TRANSLATE_NOOP("Enum", "Technician"),
    SkillLevel.SENIOR_TECHNICIAN: QT_TRANSLATE_NOOP("Enum", "Senior technician"),
    SkillLevel.SPECIAL_TECHNICIAN: QT_TRANSLATE_NOOP("Enum", "Special technician"),
    SkillLevel.CHIEF_TECHNICIAN: QT_TRANSLATE_NOOP("Enum", "Chief technician"),
    HukouRegion.LOCAL: QT_TRANSLATE_NOOP("Enum", "This city"),
    HukouRegion.OTHER: QT_TRANSLATE_NOOP("Enum", "Other province or city"),
    HukouNature.AGRICULTURAL: QT_TRANSLATE_NOOP("Enum", "Agricultural"),
    HukouNature.NON_AGRICULTURAL: QT_TRANSLATE_NOOP("Enum", "Non-agricultural"),
    ChangeKind.JOIN: QT_TRANSLATE_NOOP("Enum", "Join"),
    ChangeKind.TRANSFER_IN: QT_TRANSLATE_NOOP("Enum", "Transfer in"),
    ChangeKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("Enum", "Transfer out"),
    ChangeKind.WITHDRAW: QT_TRANSLATE_NOOP("Enum", "Withdraw"),
    ChangeKind.EXPEL: QT_TRANSLATE_NOOP("Enum", "Expel"),
    ChangeKind.DEATH: QT_TRANSLATE_NOOP("Enum", "Death"),
    MemberStatus.ACTIVE: QT_TRANSLATE_NOOP("Enum", "Active"),
    MemberStatus.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("Enum", "Transferred out"),
    MemberStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Enum", "Withdrawn"),
    MemberStatus.EXPELLED: QT_TRANSLATE_NOOP("Enum", "Expelled"),
    MemberStatus.DECEASED: QT_TRANSLATE_NOOP("Enum", "Deceased"),
}


def label(member: StrEnum, translate: Translate = untranslated) -> str:
    """Return the display text of an enum member, translated with ``translate``."""
    return translate(ENUM_CONTEXT, _LABELS[member])


# 56 ethnic groups with their GB 3304 codes; the code is stored, the name is displayed.
ETHNIC_GROUPS: dict[str, str] = {
    "01": QT_TRANSLATE_NOOP("Ethnicity", "Han"),
    "02": QT_TRANSLATE_NOOP("Ethnicity", "Mongol"),
    "03": QT_TRANSLATE_NOOP("Ethnicity", "Hui"),
    "04": QT_TRANSLATE_NOOP("Ethnicity", "Tibetan"),
    "05": QT_TRANSLATE_NOOP("Ethnicity", "Uyghur"),
    "06": QT_TRANSLATE_NOOP("Ethnicity", "Miao"),
    "07": QT_TRANSLATE_NOOP("Ethnicity", "Yi"),
    "08": QT_TRANSLATE_NOOP("Ethnicity", "Zhuang"),
    "09": QT_TRANSLATE_NOOP("Ethnicity", "Bouyei"),
    "10": QT_TRANSLATE_NOOP("Ethnicity", "Korean"),
    "11": QT_TRANSLATE_NOOP("Ethnicity", "Manchu"),
    "12": QT_TRANSLATE_NOOP("Ethnicity", "Dong"),
    "13": QT_TRANSLATE_NOOP("Ethnicity", "Yao"),
    "14": QT_TRANSLATE_NOOP("Ethnicity", "Bai"),
    "15": QT_TRANSLATE_NOOP("Ethnicity", "Tujia"),
    "16": QT_TRANSLATE_NOOP("Ethnicity", "Hani"),
    "17": QT_TRANSLATE_NOOP("Ethnicity", "Kazakh"),
    "18": QT_TRANSLATE_NOOP("Ethnicity", "Dai"),
    "19": QT_TRANSLATE_NOOP("Ethnicity", "Li"),
    "20": QT_TRANSLATE_NOOP("Ethnicity", "Lisu"),
    "21": QT_TRANSLATE_NOOP("Ethnicity", "Va"),
    "22": QT_TRANSLATE_NOOP("Ethnicity", "She"),
    "23": QT_TRANSLATE_NOOP("Ethnicity", "Gaoshan"),
    "24": QT_TRANSLATE_NOOP("Ethnicity", "Lahu"),
    "25": QT_TRANSLATE_NOOP("Ethnicity", "Sui"),
    "26": QT_TRANSLATE_NOOP("Ethnicity", "Dongxiang"),
    "27": QT_TRANSLATE_NOOP("Ethnicity", "Naxi"),
    "28": QT_TRANSLATE_NOOP("Ethnicity", "Jingpo"),
    "29": QT_TRANSLATE_NOOP("Ethnicity", "Kyrgyz"),
    "30": QT_TRANSLATE_NOOP("Ethnicity", "Tu"),
    "31": QT_TRANSLATE_NOOP("Ethnicity", "Daur"),
    "32": QT_TRANSLATE_NOOP("Ethnicity", "Mulao"),
    "33": QT_TRANSLATE_NOOP("Ethnicity", "Qiang"),
    "34": QT_TRANSLATE_NOOP("Ethnicity", "Blang"),
    "35": QT_TRANSLATE_NOOP("Ethnicity", "Salar"),
    "36": QT_TRANSLATE_NOOP("Ethnicity", "Maonan"),
    "37": QT_TRANSLATE_NOOP("Ethnicity", "Gelao"),
    "38": QT_TRANSLATE_NOOP("Ethnicity", "Xibe"),
    "39": QT_TRANSLATE_NOOP("Ethnicity", "Achang"),
    "40": QT_TRANSLATE_NOOP("Ethnicity", "Pumi"),
    "41": QT_TRANSLATE_NOOP("Ethnicity", "Tajik"),
    "42": QT_TRANSLATE_NOOP("Ethnicity", "Nu"),
    "43": QT_TRANSLATE_NOOP("Ethnicity", "Uzbek"),
    "44": QT_TRANSLATE_NOOP("Ethnicity", "Russian"),
    "45": QT_TRANSLATE_NOOP("Ethnicity", "Evenki"),
    "46": QT_TRANSLATE_NOOP("Ethnicity", "De'ang"),
    "47": QT_TRANSLATE_NOOP("Ethnicity", "Bonan"),
    "48": QT_TRANSLATE_NOOP("Ethnicity", "Yugur"),
    "49": QT_TRANSLATE_NOOP("Ethnicity", "Gin"),
    "50": QT_TRANSLATE_NOOP("Ethnicity", "Tatar"),
    "51": QT_TRANSLATE_NOOP("Ethnicity", "Derung"),
    "52": QT_TRANSLATE_NOOP("Ethnicity", "Oroqen"),
    "53": QT_TRANSLATE_NOOP("Ethnicity", "Hezhen"),
    "54": QT_TRANSLATE_NOOP("Ethnicity", "Monba"),
    "55": QT_TRANSLATE_NOOP("Ethnicity", "Lhoba"),
    "56": QT_TRANSLATE_NOOP("Ethnicity", "Jino"),
}


def ethnicity_label(code: str, translate: Translate = untranslated) -> str:
    """Return the display name of a GB 3304 ethnic-group code."""
    return translate("Ethnicity", ETHNIC_GROUPS[code])
