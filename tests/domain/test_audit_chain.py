"""The audit hash chain: any edit, removal or reordering is found (DESIGN.md 7)."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.audit_chain import (
    BREAK_CONTENT,
    BREAK_LINK,
    GENESIS,
    ChainLink,
    entry_hash,
    first_break,
)

FIELDS = ("at_utc", "at_local", "actor", "action", "record_type", "record_id", "summary", "changes")

contents = st.fixed_dictionaries({name: st.text(max_size=12) for name in FIELDS})


def build_chain(items: list[dict[str, object]]) -> list[ChainLink]:
    links, prev = [], GENESIS
    for number, content in enumerate(items, start=1):
        digest = entry_hash(prev, content)
        links.append(ChainLink(number, content, prev, digest))
        prev = digest
    return links


def test_entry_hash_is_sha256_hex():
    digest = entry_hash(GENESIS, {"actor": "cli"})

    assert len(digest) == 64
    assert set(digest) <= set("0123456789abcdef")


def test_entry_hash_depends_on_the_previous_hash():
    content = {"actor": "cli"}

    assert entry_hash(GENESIS, content) != entry_hash("1" * 64, content)


def test_entry_hash_does_not_depend_on_key_order():
    assert entry_hash(GENESIS, {"a": "1", "b": "2"}) == entry_hash(GENESIS, {"b": "2", "a": "1"})


def test_empty_chain_is_intact():
    assert first_break([]) is None


def test_first_entry_must_follow_genesis():
    content = {"actor": "cli"}
    link = ChainLink(1, content, "1" * 64, entry_hash("1" * 64, content))

    assert first_break([link]) == (1, BREAK_LINK)


@given(st.lists(contents, min_size=1, max_size=8))
def test_an_intact_chain_verifies(items):
    assert first_break(build_chain(items)) is None


@given(
    st.lists(contents, min_size=1, max_size=8),
    st.data(),
)
def test_any_single_field_edit_is_detected_at_or_before_that_entry(items, data):
    links = build_chain(items)
    index = data.draw(st.integers(0, len(links) - 1), label="entry")
    field = data.draw(st.sampled_from(FIELDS), label="field")
    old = links[index].content[field]
    new = data.draw(st.text(max_size=12).filter(lambda value: value != old), label="value")
    edited = dict(links[index].content, **{field: new})
    links[index] = dataclasses.replace(links[index], content=edited)

    broken = first_break(links)

    assert broken is not None
    assert broken[0] <= links[index].entry_id
    assert broken == (links[index].entry_id, BREAK_CONTENT)


@given(st.lists(contents, min_size=2, max_size=8), st.data())
def test_removing_an_entry_is_detected_at_the_next_one(items, data):
    links = build_chain(items)
    index = data.draw(st.integers(0, len(links) - 2), label="removed")
    following = links[index + 1].entry_id
    del links[index]

    assert first_break(links) == (following, BREAK_LINK)


@given(st.lists(contents, min_size=2, max_size=8, unique_by=repr), st.data())
def test_swapping_two_entries_is_detected(items, data):
    links = build_chain(items)
    first = data.draw(st.integers(0, len(links) - 2), label="first")
    links[first], links[first + 1] = links[first + 1], links[first]

    assert first_break(links) is not None


@given(st.lists(contents, min_size=1, max_size=8), st.data())
def test_an_edit_with_a_recomputed_own_hash_is_found_by_the_next_link(items, data):
    """Rewriting an entry and its own hash still breaks the link of the entry after it."""
    links = build_chain([*items, {"actor": "tail"}])
    index = data.draw(st.integers(0, len(links) - 2), label="entry")
    edited = dict(links[index].content, summary=str(links[index].content.get("summary")) + "!")
    links[index] = dataclasses.replace(
        links[index], content=edited, hash=entry_hash(links[index].prev_hash, edited)
    )

    assert first_break(links) == (links[index + 1].entry_id, BREAK_LINK)
