"""The outbox of returns waiting to be uploaded (上报, DESIGN.md 6): states, kinds, backoff.

An outbox item moves 待上报 queued → 上报中 sending → 已上报 delivered, or to 失败待重试 failed
(tried again after a backoff delay) or 已隔离 quarantined (the destination refused it; the user
fixes the cause and retries, or discards it: 已放弃 discarded). The database stores the values.
"""

from __future__ import annotations

import random
from enum import StrEnum

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Translate, untranslated

ENUM_CONTEXT = "Enum"
BACKOFF_FIRST_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600


class OutboxState(StrEnum):
    """Where an outbox item stands."""

    QUEUED = "queued"  # 待上报
    SENDING = "sending"  # 上报中
    DELIVERED = "delivered"  # 已上报
    FAILED = "failed"  # 失败待重试
    QUARANTINED = "quarantined"  # 已隔离
    DISCARDED = "discarded"  # 已放弃


class DestinationKind(StrEnum):
    """How a destination receives packages."""

    HTTP = "http"  # POST to the higher-level union's HTTP(S) endpoint
    WEBDAV = "webdav"  # PUT into a WebDAV folder (Nextcloud, 坚果云 ...)
    FOLDER = "folder"  # copy into a folder: a network share or a USB stick


# The states the sender picks items from (when they are due).
SENDABLE_STATES = frozenset({OutboxState.QUEUED, OutboxState.FAILED})
# The states of items not finished yet: they still wait for their destination.
WAITING_STATES = frozenset(
    {OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED, OutboxState.QUARANTINED}
)
# The states "retry" accepts and the states "discard" accepts.
RETRYABLE_STATES = frozenset({OutboxState.FAILED, OutboxState.QUARANTINED})
DISCARDABLE_STATES = frozenset({OutboxState.QUEUED, OutboxState.FAILED, OutboxState.QUARANTINED})

_STATE_LABELS: dict[OutboxState, str] = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Enum", "Waiting to upload"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("Enum", "Uploading"),
    OutboxState.DELIVERED: QT_TRANSLATE_NOOP("Enum", "Uploaded"),
    OutboxState.FAILED: QT_TRANSLATE_NOOP("Enum", "Failed, will retry"),
    OutboxState.QUARANTINED: QT_TRANSLATE_NOOP("Enum", "Quarantined"),
    OutboxState.DISCARDED: QT_TRANSLATE_NOOP("Enum", "Discarded"),
}
_KIND_LABELS: dict[DestinationKind, str] = {
    DestinationKind.HTTP: QT_TRANSLATE_NOOP("Enum", "HTTP(S) endpoint"),
    DestinationKind.WEBDAV: QT_TRANSLATE_NOOP("Enum", "WebDAV storage"),
    DestinationKind.FOLDER: QT_TRANSLATE_NOOP("Enum", "Folder (USB stick or network share)"),
}


def state_label(state: OutboxState, translate: Translate = untranslated) -> str:
    """The display text of an outbox state (待上报, 上报中 ... in Chinese)."""
    return translate(ENUM_CONTEXT, _STATE_LABELS[state])


def kind_label(kind: DestinationKind, translate: Translate = untranslated) -> str:
    """The display text of a destination kind (HTTP(S) 接口, WebDAV 网盘, 文件夹...)."""
    return translate(ENUM_CONTEXT, _KIND_LABELS[kind])


def backoff_seconds(attempts: int, rng: random.Random) -> float:
    """Seconds to wait before the next try after ``attempts`` failed tries.

    The delay doubles from 30 s up to one hour, ``min(3600, 30 * 2**(attempts - 1))``, and is
    multiplied by a jitter factor drawn uniformly from [0.5, 1.0] so that many items failing
    together do not all come back at the same moment.

    Args:
        attempts: tries made so far, counting the one that just failed (at least 1).
        rng: the random source of the jitter (tests pass a seeded one).
    """
    doublings = min(max(attempts, 1) - 1, 16)  # 30 * 2**7 already exceeds the cap
    base = min(float(BACKOFF_MAX_SECONDS), BACKOFF_FIRST_SECONDS * 2.0**doublings)
    return base * rng.uniform(0.5, 1.0)
