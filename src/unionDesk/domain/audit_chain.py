"""The tamper-evident audit chain: each entry's hash covers its content and the previous hash.

Editing, deleting or reordering any entry changes a hash further down, so ``first_break``
finds the first entry whose stored hash does not match (DESIGN.md 7).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENESIS = "0" * 64
BREAK_LINK = "link"  # the previous hash does not match: an entry before was removed or changed
BREAK_CONTENT = "content"  # the entry's own content does not match its hash: it was edited


@dataclass(frozen=True)
class ChainLink:
    """One stored entry, as far as the chain is concerned."""

    entry_id: int
    content: Mapping[str, object]
    prev_hash: str
    hash: str


def entry_hash(prev_hash: str, content: Mapping[str, object]) -> str:
    """SHA-256 over the previous hash and a canonical JSON form of ``content``."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def first_break(links: Iterable[ChainLink]) -> tuple[int, str] | None:
    """(entry id, BREAK_LINK or BREAK_CONTENT) of the first broken entry, or None if intact."""
    expected_prev = GENESIS
    for link in links:
        if link.prev_hash != expected_prev:
            return link.entry_id, BREAK_LINK
        if entry_hash(link.prev_hash, link.content) != link.hash:
            return link.entry_id, BREAK_CONTENT
        expected_prev = link.hash
    return None
