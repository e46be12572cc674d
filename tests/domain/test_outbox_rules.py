"""Outbox states, destination kinds and the retry backoff (DESIGN.md 6)."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.outbox import (
    DISCARDABLE_STATES,
    RETRYABLE_STATES,
    SENDABLE_STATES,
    WAITING_STATES,
    DestinationKind,
    OutboxState,
    backoff_seconds,
    kind_label,
    state_label,
)


class Highest(random.Random):
    """Jitter always at its top (factor 1.0)."""

    def uniform(self, a, b):
        return b


class Lowest(random.Random):
    def uniform(self, a, b):
        return a


def test_states_are_stored_as_these_values():
    assert [s.value for s in OutboxState] == [
        "queued",
        "sending",
        "delivered",
        "failed",
        "quarantined",
        "discarded",
    ]
    assert [k.value for k in DestinationKind] == ["http", "webdav", "folder"]


def test_every_state_and_kind_has_a_label_in_the_enum_context():
    seen = []

    def translate(context, text):
        seen.append(context)
        return f"<{text}>"

    assert state_label(OutboxState.QUARANTINED, translate) == "<Quarantined>"
    assert state_label(OutboxState.FAILED) == "Failed, will retry"
    assert kind_label(DestinationKind.FOLDER) == "Folder (USB stick or network share)"
    labels = {state_label(s) for s in OutboxState} | {kind_label(k) for k in DestinationKind}
    assert len(labels) == len(OutboxState) + len(DestinationKind)
    assert set(seen) == {"Enum"}


def test_the_state_groups():
    assert {OutboxState.QUEUED, OutboxState.FAILED} == SENDABLE_STATES
    assert OutboxState.DELIVERED not in WAITING_STATES
    assert OutboxState.DISCARDED not in WAITING_STATES
    assert {OutboxState.FAILED, OutboxState.QUARANTINED} == RETRYABLE_STATES
    assert OutboxState.SENDING not in DISCARDABLE_STATES
    assert OutboxState.DELIVERED not in DISCARDABLE_STATES


@pytest.mark.parametrize(
    ("attempts", "seconds"),
    [(1, 30), (2, 60), (3, 120), (4, 240), (5, 480), (6, 960), (7, 1920), (8, 3600), (40, 3600)],
)
def test_the_delay_doubles_from_30_seconds_up_to_an_hour(attempts, seconds):
    assert backoff_seconds(attempts, Highest()) == seconds
    assert backoff_seconds(attempts, Lowest()) == seconds / 2


def test_no_attempt_yet_counts_as_the_first():
    assert backoff_seconds(0, Highest()) == 30


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=0))
def test_the_jittered_delay_stays_between_half_and_all_of_the_base(attempts, seed):
    base = min(3600, 30 * 2 ** min(attempts - 1, 20))
    delay = backoff_seconds(attempts, random.Random(seed))
    assert base / 2 <= delay <= base


def test_the_jitter_spreads_items_that_failed_together():
    rng = random.Random(7)
    delays = {round(backoff_seconds(3, rng), 3) for _ in range(20)}
    assert len(delays) > 15
