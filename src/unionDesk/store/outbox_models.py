"""Tables of the upload outbox (上报, DESIGN.md 6): destinations and the items waiting for them.

An item is one package (a signed return's three files, copied into the data folder's
``outbox/<package_id>/``) for one destination; ``package_id`` is the SHA-256 of the manifest, so
the pair (package, destination) is unique and queuing the same return twice adds nothing.
States are the values of ``unionDesk.domain.outbox.OutboxState``. A destination's secret (token
or password) is never stored here in plain text: ``secret_ref`` names a keyring entry
(``keyring:...``) or holds the encrypted secret (``fernet:...``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from unionDesk.store.models import Base


class UploadDestination(Base):
    """上报目的地: an HTTP(S) endpoint, a WebDAV folder or a local folder; soft-deleted."""

    __tablename__ = "upload_destination"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(1000))  # base URL, WebDAV folder URL or folder path
    username: Mapped[str] = mapped_column(String(100), default="")
    secret_ref: Mapped[str] = mapped_column(Text, default="")
    ca_file: Mapped[str] = mapped_column(String(1000), default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxItem(Base):
    """A package on its way to one destination, with its state, retries and receipt."""

    __tablename__ = "outbox_item"
    __table_args__ = (
        UniqueConstraint("package_id", "destination_id"),
        # The sender's query: due items in a sendable state.
        Index("ix_outbox_item_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64))  # lowercase hex SHA-256 of the manifest
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("upload_destination.id", ondelete="RESTRICT"), index=True
    )
    return_type: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(10))
    union_code: Mapped[str] = mapped_column(String(18))
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    receipt_id: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
