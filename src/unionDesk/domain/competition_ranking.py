"""Competition ranking and prizes: standings by total, prize bands and awarding (DESIGN.md 3).

Ranking compares the rounded totals of ``competition.total``, so entries that show the same
total share a rank. Prize bands cover consecutive places in the order of ``Prize``, and a tie
never splits a prize.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from unionDesk.domain.competition import Prize, competition_text
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

MAX_PRIZE_COUNT = 1000


@dataclass(frozen=True)
class Standing:
    """One entry's place in a competition.

    Attributes:
        entry_id: the entry (a member or a team).
        total: the entry's total; None while scores are missing.
        rank: competition rank (1, 2, 2, 4); None without a total.
        tied: True when another entry has the same total and tie-break value.
    """

    entry_id: int
    total: Decimal | None
    rank: int | None
    tied: bool


def rank_entries(
    totals: Mapping[int, Decimal | None], *, tie_break: Mapping[int, Decimal] | None = None
) -> list[Standing]:
    """Rank entries by total, then by ``tie_break`` (for example the practical score), descending.

    Entries equal on both share a rank and are marked tied, ordered by id; entries without a
    total follow with no rank, ordered by id. The result does not depend on the mapping's order.

    Raises:
        ValueError: if ``tie_break`` is given but lacks an entry that has a total.
    """
    scored = {entry: value for entry, value in totals.items() if value is not None}
    deciding = tie_break or {}
    missing = sorted(set(scored) - set(deciding)) if tie_break is not None else []
    if missing:
        raise ValueError(f"no tie-break value for entries {missing}")

    def key(entry: int) -> tuple[Decimal, ...]:
        if tie_break is None:
            return (-scored[entry],)
        return -scored[entry], -deciding[entry]

    standings: list[Standing] = []
    for _, group in groupby(sorted(scored, key=lambda entry: (key(entry), entry)), key=key):
        equals = list(group)
        place = len(standings) + 1
        standings += [Standing(entry, scored[entry], place, len(equals) > 1) for entry in equals]
    unscored = sorted(entry for entry, value in totals.items() if value is None)
    return standings + [Standing(entry, None, None, False) for entry in unscored]


@dataclass(frozen=True)
class PrizeBand:
    """How many places a prize covers, for example 二等奖 for 2 places."""

    prize: Prize
    count: int


def prize_band_problems(bands: Sequence[PrizeBand]) -> list[Problem]:
    """Problems with the prize bands the officer set; [] when they can be awarded.

    Each prize may appear once, in the order first, second, third prize, excellence award
    (prizes may be left out), with 0 to ``MAX_PRIZE_COUNT`` places. Fields are
    ``"prize_bands.{index}.prize"`` and ``"prize_bands.{index}.count"`` (index from 0).
    """
    order = list(Prize)
    found: list[Problem] = []
    seen: set[Prize] = set()
    lowest = -1  # position in ``order`` of the lowest prize listed so far
    for index, band in enumerate(bands):
        field_name = f"prize_bands.{index}"
        prize = competition_text(band.prize)
        position = order.index(band.prize)
        if band.prize in seen:
            text = QT_TRANSLATE_NOOP(
                "Validation", "{prize} is listed more than once. List each prize once."
            )
            found.append(problem(f"{field_name}.prize", text, prize=prize))
        elif position < lowest:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "{prize} is listed after {other}. List the prizes in order: first, second and "
                "third prize, then the excellence award.",
            )
            other = competition_text(order[lowest])
            found.append(problem(f"{field_name}.prize", text, prize=prize, other=other))
        seen.add(band.prize)
        lowest = max(lowest, position)
        if not 0 <= band.count <= MAX_PRIZE_COUNT:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "{prize}: {count} places is not possible. Enter a number from 0 to {limit}.",
            )
            params = {"count": band.count, "limit": MAX_PRIZE_COUNT}
            found.append(problem(f"{field_name}.count", text, prize=prize, **params))
    return found


def award_prizes(standings: Sequence[Standing], bands: Sequence[PrizeBand]) -> dict[int, Prize]:
    """Award the prizes of ``bands`` to the ranked ``standings``; returns entry id -> prize.

    The bands cover consecutive places: with 1/2/3, places 1, 2–3 and 4–6. An entry's place is
    1 + the number of given standings ranked ahead of it, so tied entries share a place and
    a tie never splits a prize: entries tied across a band boundary all get the higher prize,
    and the places they fill beyond the boundary are taken from the following bands. With bands
    1/2/3 and ranks 1, 2, 2, 2, 5: first prize to rank 1, second prize to all three at rank 2
    (one more than its count), third prize shrinks to 2 places and goes to rank 5 and the
    next. Entries placed after the last band, or without a rank, get nothing. Places count
    within the given standings, so a caller may pass only the entries that passed a rubric's
    pass mark.

    Raises:
        ValueError: if the bands break a rule of ``prize_band_problems`` or an entry repeats.
    """
    found = prize_band_problems(bands)
    if found:
        raise ValueError("invalid prize bands: " + "; ".join(p.render() for p in found))
    ids = [standing.entry_id for standing in standings]
    if len(set(ids)) != len(ids):
        raise ValueError("each entry may appear only once")
    ranks = sorted(standing.rank for standing in standings if standing.rank is not None)
    places: dict[int, int] = {}
    for place, rank in enumerate(ranks, 1):
        places.setdefault(rank, place)
    awarded: dict[int, Prize] = {}
    for standing in standings:
        prize = None if standing.rank is None else _prize_at(places[standing.rank], bands)
        if prize is not None:
            awarded[standing.entry_id] = prize
    return awarded


def _prize_at(place: int, bands: Sequence[PrizeBand]) -> Prize | None:
    last_place = 0
    for band in bands:
        last_place += band.count
        if place <= last_place:
            return band.prize
    return None
