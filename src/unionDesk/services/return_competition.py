"""竞赛成绩表 and 荣誉证书: one competition's results, and a certificate for each prize winner.

Every figure comes from ``competitions.entry_sheet``, the score sheet the competition screen
shows (totals, ranks, ties and prizes are computed there by ``competition_form.outcomes``);
this module only orders the rows, counts them and words them in Chinese.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from decimal import Decimal

from unionDesk.domain.access import Actor
from unionDesk.domain.competition import Prize, competition_label
from unionDesk.domain.competition_form import PRIZE_WORDS, CompetitionDraft
from unionDesk.domain.competition_scheme import Part, RubricItem, SchemeKind, ScoringScheme
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.reports import competition
from unionDesk.reports.chinese import zh
from unionDesk.services.competitions import EntryRow, EntrySheet, entry_sheet, get_competition
from unionDesk.services.database import get_union
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.store.db import Database

TITLE = "竞赛成绩表"
CLOSING = "特发此证，以资鼓励。"


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """The competition ``request.subject_id``: its record, its ranked entries and certificates.

    Raises:
        ValidationFailed: no competition chosen, no entries, or no entry fully scored yet.
        NotFound: the competition does not exist or was deleted.
    """
    if request.subject_id is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Choose the competition whose results table is to be made."
        )
        raise ValidationFailed([problem("subject_id", text)])
    draft = get_competition(db, actor, request.subject_id).draft
    sheet = entry_sheet(db, actor, request.subject_id)
    _refuse_without_results(draft.name, sheet)
    rows = sorted(sheet.rows, key=_standing)
    entries = [_entry(number, row, sheet.scheme) for number, row in enumerate(rows, 1)]
    winners = [row for row in rows if row.prize is not None]
    issuer, issued_on = get_union(db).name, draft.ends_on or draft.starts_on
    assert issued_on is not None  # a saved competition has its start date
    data: DataDict = {
        "period_label": _dates(draft),
        "competition": _record(draft, request.subject_id),
        "lines": [_line(line) for line in sheet.scheme.lines],
        "pass_mark": _number(sheet.scheme.pass_threshold),
        "entries": entries,
        "counts": _counts(sheet, rows),
        "certificates": [_certificate(row, draft.name, issuer, issued_on) for row in winners],
    }
    return Gathered(TITLE, data, subject=draft.name)


def _refuse_without_results(name: str, sheet: EntrySheet) -> None:
    if not sheet.rows:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{competition} has no entries yet, so there are no results to print. Enter the "
            "members or teams taking part and their scores first.",
        )
        raise ValidationFailed([problem("subject_id", text, competition=name)])
    if all(row.total is None for row in sheet.rows):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "No entry of {competition} has all its scores yet, so there are no results to "
            "print. Enter the scores on the score sheet first.",
        )
        raise ValidationFailed([problem("subject_id", text, competition=name)])


def _standing(row: EntryRow) -> tuple[bool, int, int]:
    """Ranked entries by rank (ties by entry, as the ranking orders them), then the unscored."""
    return row.rank is None, row.rank or 0, row.entry_id


def _record(draft: CompetitionDraft, competition_id: int) -> DataDict:
    assert draft.kind is not None and draft.level is not None  # a saved competition has them
    return {
        "id": competition_id,
        "name": draft.name,
        "kind": competition_label(draft.kind, zh),
        "trade": draft.trade,
        "level": competition_label(draft.level, zh),
        "dates": _dates(draft),
        "organiser": draft.organiser,
        "venue": draft.venue,
        "scheme": _scheme_text(draft.scheme),
        "prize_bands": "、".join(
            f"{PRIZE_WORDS[band.prize]}{band.count}名" for band in draft.prize_bands
        )
        or "未设奖项",
    }


def _dates(draft: CompetitionDraft) -> str:
    assert draft.starts_on is not None
    if draft.ends_on is None or draft.ends_on == draft.starts_on:
        return chinese_date(draft.starts_on)
    return f"{chinese_date(draft.starts_on)}至{chinese_date(draft.ends_on)}"


def chinese_date(day: date) -> str:
    """A date as official documents write it: 2026年5月13日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _scheme_text(scheme: ScoringScheme) -> str:
    """The scheme in words, e.g. "分项加权计分（理论+实操）：理论知识满分100、权重30；…"."""
    lines = [
        f"{line.name}满分{_plain(line.max_points)}、权重{_plain(line.weight)}"
        if isinstance(line, Part)
        else f"{line.name}{_plain(line.max_points)}分"
        for line in scheme.lines
    ]
    text = f"{competition_label(scheme.kind, zh)}："
    if scheme.kind is SchemeKind.WEIGHTED_PARTS:
        return text + "；".join(lines) + "。总分按权重折算为百分制。"
    text += "、".join(lines) + "，各项得分相加为总分"
    if scheme.pass_threshold is not None:
        text += f"，{_plain(scheme.pass_threshold)}分及以上为达标，达标者参评奖项"
    return text + "。"


def _line(line: Part | RubricItem) -> DataDict:
    return {
        "key": line.key,
        "name": line.name,
        "max_points": _number(line.max_points),
        "weight": _number(line.weight) if isinstance(line, Part) else None,
        "heading": f"{line.name}（{_plain(line.max_points)}）",
    }


def _entry(number: int, row: EntryRow, scheme: ScoringScheme) -> DataDict:
    values = [row.values.get(line.key) for line in scheme.lines]
    return {
        "no": number,
        "entry_id": row.entry_id,
        "kind": "团体" if row.team_id is not None else "个人",
        "name": row.name,
        "team_members": list(row.team_members),
        "department": row.department,
        "scores": [_number(value) for value in values],
        "score_texts": [_plain(value) for value in values],
        "total": _number(row.total),
        "total_text": _plain(row.total),
        "rank": row.rank,
        "tied": row.tied,
        "rank_text": _rank_text(row.rank, row.tied),
        "prize": _prize(row.prize),
        "passed": "" if row.passed is None else ("达标" if row.passed else "未达标"),
    }


def _rank_text(rank: int | None, tied: bool) -> str:
    """The rank as the score sheet shows it: "3", or "并列2" when another entry shares it."""
    if rank is None:
        return ""
    return zh("ScoreGrid", "Tied {rank}").format(rank=rank) if tied else str(rank)


def _prize(prize: Prize | None) -> str:
    return "" if prize is None else competition_label(prize, zh)


def _counts(sheet: EntrySheet, rows: list[EntryRow]) -> DataDict:
    awarded = Counter(row.prize for row in rows if row.prize is not None)
    teams = sum(row.team_id is not None for row in rows)
    return {
        "entries": len(rows),
        "individual": len(rows) - teams,
        "teams": teams,
        "scored": sum(row.total is not None for row in rows),
        "unscored": sum(row.total is None for row in rows),
        "passed": sum(row.passed is True for row in rows),
        "prize_winners": sum(awarded.values()),
        "prizes": [
            {"prize": _prize(band.prize), "places": band.count, "count": awarded[band.prize]}
            for band in sheet.bands
        ],
    }


def _certificate(row: EntryRow, competition_name: str, issuer: str, issued_on: date) -> DataDict:
    """The wording of one 荣誉证书; a team's certificate names the team and lists its members."""
    assert row.prize is not None
    year = issued_on.year
    occasion = competition_name if str(year) in competition_name else f"{year}年{competition_name}"
    salutation = f"{row.name}：" if row.team_id is not None else f"{row.name} 同志："
    award = f"在{occasion}中荣获{PRIZE_WORDS[row.prize]}。"
    members = f"团队成员：{'、'.join(row.team_members)}" if row.team_id is not None else ""
    return {
        "entry_id": row.entry_id,
        "name": row.name,
        "team_members": list(row.team_members),
        "prize": PRIZE_WORDS[row.prize],
        "salutation": salutation,
        "award": award,
        "closing": CLOSING,
        "members_line": members,
        "text": f"{salutation}{award}{CLOSING}",
        "issuer": issuer,
        "date": chinese_date(issued_on),
    }


def _number(value: Decimal | None) -> float | None:
    """A score for the JSON file (two decimal places at most, so the float reads back as typed)."""
    return None if value is None else float(value)


def _plain(value: Decimal | None) -> str:
    """A score or total as the score sheet shows it ("87.50"), empty when missing."""
    return "" if value is None else format(value, "f")


register(ReturnType.COMPETITION, gather, competition.render)
