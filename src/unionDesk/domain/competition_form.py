"""The records of a competition (竞赛): the form, entrants, the score sheet and its results.

The rules of scoring are in ``domain.competition_scheme`` (schemes), ``domain.competition``
(scores and totals) and ``domain.competition_ranking`` (ranks and prize bands);
``outcomes`` applies them to a whole competition, the one place its results are computed.
Scores and prize bands are stored as JSON of decimal text (never floats).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from unionDesk.domain.competition import (
    CompetitionLevel,
    CompetitionType,
    Prize,
    passed,
    score_problems,
    total,
)
from unionDesk.domain.competition_ranking import (
    PrizeBand,
    award_prizes,
    prize_band_problems,
    rank_entries,
)
from unionDesk.domain.competition_scheme import Part, RubricItem, ScoringScheme, scheme_problems
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    ValidationFailed,
    length_problems,
    problem,
)

NAME_MAX_LENGTH = 100
TRADE_MAX_LENGTH = 50
PLACE_MAX_LENGTH = 100  # organiser and venue
NOTES_MAX_LENGTH = 1000
TEAM_NAME_MAX_LENGTH = 100
REASON_MAX_LENGTH = 500
MEMBERS_FIELD = "member_ids"

# The words a certificate uses for each prize: data for honour titles, not interface text.
PRIZE_WORDS: dict[Prize, str] = {
    Prize.FIRST: "一等奖",
    Prize.SECOND: "二等奖",
    Prize.THIRD: "三等奖",
    Prize.EXCELLENCE: "优秀奖",
}


@dataclass(frozen=True)
class CompetitionDraft:
    """The values of the competition form, before or after ``validate_competition``.

    Field names are the keys that ``Problem.field`` refers to; problems of the scheme have keys
    starting ``"scheme"`` and problems of the prize bands keys starting ``"prize_bands"``.
    """

    name: str  # for example 2026年数控车工技能竞赛
    kind: CompetitionType | None
    trade: str  # 工种, may be empty (安康杯 has none)
    level: CompetitionLevel | None
    starts_on: date | None
    ends_on: date | None  # None: a one-day competition
    organiser: str
    venue: str
    scheme: ScoringScheme
    prize_bands: tuple[PrizeBand, ...] = ()
    notes: str = ""


def validate_competition(draft: CompetitionDraft) -> CompetitionDraft:
    """Check every field of a competition form and return the cleaned values.

    Returns:
        A copy of ``draft`` whose texts have no surrounding or repeated whitespace (notes are
        only stripped) and whose scheme lines have stripped codes and names.

    Raises:
        ValidationFailed: with every problem found, in form order, each tied to its field key.
    """
    clean = dataclasses.replace(
        draft,
        name=collapse_spaces(draft.name),
        trade=collapse_spaces(draft.trade),
        organiser=collapse_spaces(draft.organiser),
        venue=collapse_spaces(draft.venue),
        scheme=_stripped(draft.scheme),
        prize_bands=tuple(draft.prize_bands),
        notes=draft.notes.strip(),
    )
    found: list[Problem] = []
    if not clean.name:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Enter the name of the competition, for example 2026年数控车工技能竞赛."
        )
        found.append(problem("name", text))
    found += length_problems("name", clean.name, NAME_MAX_LENGTH)
    if clean.kind is None:
        text = QT_TRANSLATE_NOOP("Validation", "Choose the type of the competition.")
        found.append(problem("kind", text))
    found += length_problems("trade", clean.trade, TRADE_MAX_LENGTH)
    if clean.level is None:
        text = QT_TRANSLATE_NOOP("Validation", "Choose the level of the competition.")
        found.append(problem("level", text))
    found += _date_problems(clean.starts_on, clean.ends_on)
    found += length_problems("organiser", clean.organiser, PLACE_MAX_LENGTH)
    found += length_problems("venue", clean.venue, PLACE_MAX_LENGTH)
    found += scheme_problems(clean.scheme)
    found += prize_band_problems(clean.prize_bands)
    found += length_problems("notes", clean.notes, NOTES_MAX_LENGTH)
    if found:
        raise ValidationFailed(found)
    return clean


def scoring_changed(before: ScoringScheme, after: ScoringScheme) -> bool:
    """Whether ``after`` scores differently from ``before``.

    The kind, the line codes, the maximum scores and the weights decide what a score means;
    renaming a line or moving a rubric's pass mark does not.
    """

    def meaning(scheme: ScoringScheme) -> tuple[object, ...]:
        lines = tuple(
            (line.key, line.max_points, line.weight if isinstance(line, Part) else None)
            for line in scheme.lines
        )
        return scheme.kind, lines

    return meaning(before) != meaning(after)


@dataclass(frozen=True)
class Outcome:
    """Where one entry stands in its competition.

    Attributes:
        total: the total; None while a score is missing.
        rank: the rank among all scored entries (ties share it); None without a total.
        tied: another entry has the same total.
        prize: the prize won, or None.
        passed: whether the total reaches a rubric's pass mark; None without a total or mark.
    """

    total: Decimal | None
    rank: int | None
    tied: bool
    prize: Prize | None
    passed: bool | None


def outcomes(
    scheme: ScoringScheme,
    bands: tuple[PrizeBand, ...],
    scores: Mapping[int, Mapping[str, Decimal]],
) -> dict[int, Outcome]:
    """Totals, ranks and prizes of the entries in ``scores`` (entry id -> line key -> score).

    Every entry with a complete, valid set of scores is ranked, with ties sharing a rank (no
    hidden tie-break). Prizes go by the bands down the ranking; under a rubric with a pass mark
    only the entries that passed (达标) take places for prizes.
    """
    totals = {
        entry_id: total(scheme, values) if is_complete(scheme, values) else None
        for entry_id, values in scores.items()
    }
    standings = rank_entries(totals)
    verdicts = {
        entry_id: None if value is None else passed(scheme, value)
        for entry_id, value in totals.items()
    }
    prizes = award_prizes([s for s in standings if verdicts[s.entry_id] is not False], bands)
    return {
        s.entry_id: Outcome(s.total, s.rank, s.tied, prizes.get(s.entry_id), verdicts[s.entry_id])
        for s in standings
    }


def is_complete(scheme: ScoringScheme, values: Mapping[str, Decimal]) -> bool:
    """Whether ``values`` holds a valid score for every line of ``scheme``."""
    return not score_problems(scheme, values, complete=True)


def clean_team_name(name: str) -> str:
    """Return the team name without surrounding or repeated whitespace.

    Raises:
        ValidationFailed: the name is empty or too long.
    """
    clean = collapse_spaces(name)
    if not clean:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the name of the team.")
        raise ValidationFailed([problem("name", text)])
    found = length_problems("name", clean, TEAM_NAME_MAX_LENGTH)
    if found:
        raise ValidationFailed(found)
    return clean


@dataclass(frozen=True)
class Entrant:
    """What decides whether a member may enter a competition.

    Attributes:
        entered_with: None when not in a live entry of the competition yet; "" when entered
            alone; else the name of the team the member is in.
    """

    name: str
    on_register: bool
    active: bool
    entered_with: str | None


def entrant_problems(competition: str, entrants: Sequence[Entrant | None]) -> list[Problem]:
    """Why members may not enter ``competition``, one problem each (none: all may enter).

    A member may enter once, alone or in one team, while active. None in ``entrants`` stands
    for a member who does not exist.
    """
    found: list[Problem] = []
    if None in entrants:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "A chosen member is not on the register (deleted meanwhile?). Refresh the list and "
            "choose again.",
        )
        found.append(problem(MEMBERS_FIELD, text))
    for entrant in entrants:
        reason = None if entrant is None else _entrant_text(entrant)
        if entrant is not None and reason is not None:
            params = {"name": entrant.name, "competition": competition}
            found.append(problem(MEMBERS_FIELD, reason, **params, team=entrant.entered_with))
    return found


def _entrant_text(entrant: Entrant) -> str | None:
    if not entrant.on_register:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is no longer on the register and cannot enter. Choose another member.",
        )
    if not entrant.active:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is not an active member (withdrew, transferred out, was expelled or died) "
            "and cannot enter a competition.",
        )
    if entrant.entered_with == "":
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{name} has already entered {competition}. A member enters a competition once.",
        )
    if entrant.entered_with is not None:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is already in the team {team} of {competition}. A member enters a "
            "competition once.",
        )
    return None


def no_team_members() -> Problem:
    """The problem of a team without members."""
    text = QT_TRANSLATE_NOOP(
        "Validation", "A team needs at least one member. Choose the members of the team."
    )
    return problem(MEMBERS_FIELD, text)


def sheet_problems(
    scheme: ScoringScheme, entry_id: int, name: str, values: Mapping[str, Decimal]
) -> list[Problem]:
    """Problems with one row of the score sheet (``name``'s scores, empty cells allowed).

    Fields are ``"entries.{entry_id}.{line key}"``, the grid cell; messages name the entry and
    the line, for example "张伟 / 实际操作: 120 is above the maximum 100 …".
    """
    lines = {line.key: line.name for line in scheme.lines}
    found = []
    for item in score_problems(scheme, values, complete=False):
        field_name = f"entries.{entry_id}.{item.field}"
        if item.field in lines:
            params = {**item.params, "part": f"{name} / {lines[item.field]}"}
            found.append(dataclasses.replace(item, field=field_name, params=params))
        else:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "{entry}: there is no line “{key}” in the scoring scheme of this competition. "
                "Refresh the score sheet.",
            )
            found.append(problem(field_name, text, entry=name, key=item.field))
    return found


def clean_reason(reason: str) -> str:
    """Return the reason for a removal or withdrawal, stripped, for the audit log.

    Raises:
        ValidationFailed: the reason is missing or too long.
    """
    clean = reason.strip()
    if not clean:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Enter the reason; it is kept in the audit log with the change."
        )
        raise ValidationFailed([problem("reason", text)])
    found = length_problems("reason", clean, REASON_MAX_LENGTH)
    if found:
        raise ValidationFailed(found)
    return clean


def scores_from_json(text: str) -> dict[str, Decimal]:
    """An entry's stored scores, by line key."""
    return {key: Decimal(value) for key, value in json.loads(text).items()}


def scores_to_json(values: Mapping[str, Decimal]) -> str:
    """Scores as stored: ``{"practical": "87.5"}``, keys sorted."""
    return json.dumps(score_texts(values), sort_keys=True)


def score_texts(values: Mapping[str, Decimal]) -> dict[str, str]:
    """Scores as decimal text, for storage and the audit log."""
    return {key: format(value, "f") for key, value in values.items()}


def bands_from_json(text: str) -> tuple[PrizeBand, ...]:
    """Stored prize bands, highest prize first."""
    return tuple(PrizeBand(Prize(band["prize"]), int(band["count"])) for band in json.loads(text))


def bands_to_json(bands: Sequence[PrizeBand]) -> str:
    """Prize bands as stored: ``[{"prize": "first", "count": 1}, …]``."""
    return json.dumps([{"prize": band.prize.value, "count": band.count} for band in bands])


def honour_title(competition_name: str, prize: Prize) -> str:
    """The title of the honour a prize gives, e.g. 2026年数控车工技能竞赛一等奖."""
    return f"{competition_name}{PRIZE_WORDS[prize]}"


def collapse_spaces(text: str) -> str:
    """Return ``text`` without surrounding whitespace and with inner runs as one space."""
    return " ".join(text.split())


def _stripped(scheme: ScoringScheme) -> ScoringScheme:
    return dataclasses.replace(
        scheme,
        parts=tuple(
            Part(p.key.strip(), collapse_spaces(p.name), p.max_points, p.weight)
            for p in scheme.parts
        ),
        items=tuple(
            RubricItem(i.key.strip(), collapse_spaces(i.name), i.max_points) for i in scheme.items
        ),
    )


def _date_problems(starts_on: date | None, ends_on: date | None) -> list[Problem]:
    if starts_on is None:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the date the competition starts.")
        return [problem("starts_on", text)]
    if ends_on is not None and ends_on < starts_on:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The competition cannot end ({end}) before it starts ({start}). Correct one of "
            "the dates.",
        )
        return [problem("ends_on", text, end=ends_on.isoformat(), start=starts_on.isoformat())]
    return []
