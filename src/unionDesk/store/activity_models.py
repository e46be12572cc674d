"""Tables of competitions (劳动和技能竞赛, 安康杯) and culture events (职工文化活动).

A competition's scoring scheme and prize bands are JSON in the shape of the domain's
``ScoringScheme``/``PrizeBand``; an entry's scores are JSON ``{part key: "87.5"}`` (decimal text,
never floats). Ranks and prizes are computed from the scores when read, so they can never
disagree with them. Nothing is deleted: records carry ``deleted_at``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from unionDesk.store.models import Base


class Competition(Base):
    """竞赛: type, trade, level, dates, organiser, venue, scoring scheme and prize bands."""

    __tablename__ = "competition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    trade: Mapped[str] = mapped_column(String(50), default="")
    level: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    organiser: Mapped[str] = mapped_column(String(100), default="")
    venue: Mapped[str] = mapped_column(String(100), default="")
    scheme: Mapped[str] = mapped_column(Text)  # JSON ScoringScheme
    prize_bands: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of PrizeBand
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class CompetitionTeam(Base):
    """A team entering a competition; its members are in ``team_member``."""

    __tablename__ = "competition_team"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class TeamMember(Base):
    """A member of a competition team."""

    __tablename__ = "team_member"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("competition_team.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class CompetitionEntry(Base):
    """参赛: one member or one team in a competition, with the scores per part."""

    __tablename__ = "competition_entry"
    __table_args__ = (
        CheckConstraint("(member_id IS NULL) != (team_id IS NULL)", name="member_or_team"),
        Index(
            "uq_competition_entry_member_live",
            "competition_id",
            "member_id",
            unique=True,
            sqlite_where=text("member_id IS NOT NULL AND withdrawn_at IS NULL"),
        ),
        Index(
            "uq_competition_entry_team",
            "competition_id",
            "team_id",
            unique=True,
            sqlite_where=text("team_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="RESTRICT"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), index=True
    )
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("competition_team.id", ondelete="RESTRICT")
    )
    scores: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)  # 退赛; the row is kept


class CultureEvent(Base):
    """文化活动: type, title, time, venue, organiser, hours and the count of guests."""

    __tablename__ = "culture_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    venue: Mapped[str] = mapped_column(String(100))
    organiser: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(String(10), default="")  # decimal text, "" = not set
    guests: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class EventAttendance(Base):
    """A member who attended an event."""

    __tablename__ = "event_attendance"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("culture_event.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class EventPhoto(Base):
    """A photo of an event, stored under the data folder by its SHA-256 like attachments."""

    __tablename__ = "event_photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("culture_event.id", ondelete="RESTRICT"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(50))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)
