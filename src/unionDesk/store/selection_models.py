"""Tables of honours and labour-model selection (DESIGN.md 3 and 4).

Rules and rubrics of a program are JSON text parsed by the domain (``EligibilityRules``,
``QuotaRule``, ``Rubric``), so a preset is data and a program is a copy the officer edits.
Scores are JSON ``{criterion key: "18.5"}`` (decimal text, never floats). Nothing is deleted:
withdrawn candidates, removed attachments and reopened reviews keep their rows.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from unionDesk.store.models import Base


class Honour(Base):
    """荣誉: an honour a member already holds. The 劳模 flag derives from these rows."""

    __tablename__ = "honour"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    awarding_body: Mapped[str] = mapped_column(String(100))
    notes: Mapped[str] = mapped_column(Text, default="")
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"))  # won here
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("competition_entry.id"))  # or here
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class AwardProgram(Base):
    """评选项目, e.g. 北京大工匠 2026: rules, rubric, quota and deadlines."""

    __tablename__ = "award_program"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    honour_title: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    categories: Mapped[str] = mapped_column(Text)  # JSON list of category names
    quota_rules: Mapped[str] = mapped_column(Text)  # JSON list of QuotaRule
    eligibility: Mapped[str] = mapped_column(Text)  # JSON EligibilityRules
    rubric: Mapped[str] = mapped_column(Text)  # JSON Rubric
    nomination_deadline: Mapped[date | None] = mapped_column(Date)
    review_deadline: Mapped[date | None] = mapped_column(Date)
    publicity_days: Mapped[int] = mapped_column(Integer, default=5)
    quorum: Mapped[str] = mapped_column(String(10), default="2/3")
    disagreement_sd: Mapped[str] = mapped_column(String(10), default="10")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Candidate(Base):
    """候选人: one nomination of a member to a program, with its workflow state."""

    __tablename__ = "candidate"
    __table_args__ = (
        # A member is nominated once per program; a withdrawn nomination may be made again.
        Index(
            "uq_candidate_program_member_live",
            "program_id",
            "member_id",
            unique=True,
            sqlite_where=text("state != 'withdrawn'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("award_program.id", ondelete="RESTRICT"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), index=True)
    nominating_unit: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text, default="")
    deeds: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), index=True)
    eligibility_results: Mapped[str] = mapped_column(Text, default="")  # JSON of the last check
    eligibility_override: Mapped[str] = mapped_column(Text, default="")
    publicity_start: Mapped[date | None] = mapped_column(Date)
    publicity_end: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CandidateTransition(Base):
    """One move of a candidate between workflow states: who, when and why."""

    __tablename__ = "candidate_transition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), index=True
    )
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(Text, default="")


class CandidateAttachment(Base):
    """A photo or certificate, stored under the data folder by its SHA-256."""

    __tablename__ = "candidate_attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(50))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)


class ReviewRound(Base):
    """评审轮次: reviewers, candidates, dates and an open/closed state."""

    __tablename__ = "review_round"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("award_program.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    chair_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    quorum: Mapped[str] = mapped_column(String(10), default="")  # "": the program's quorum
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class RoundReviewer(Base):
    """A reviewer (a user with the reviewer role) assigned to a round."""

    __tablename__ = "round_reviewer"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("review_round.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class RoundCandidate(Base):
    """A candidate assigned to a round (every reviewer of the round scores it)."""

    __tablename__ = "round_candidate"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("review_round.id", ondelete="CASCADE"), primary_key=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class Review(Base):
    """评分: one reviewer's scores on one candidate in one round, or their recusal."""

    __tablename__ = "review"
    __table_args__ = (
        Index(
            "uq_review_round_candidate_reviewer",
            "round_id",
            "candidate_id",
            "reviewer_id",
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("review_round.id", ondelete="RESTRICT"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), index=True
    )
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(10))  # draft / submitted / recused
    scores: Mapped[str] = mapped_column(Text, default="{}")
    comment: Mapped[str] = mapped_column(Text, default="")
    conflict_kind: Mapped[str] = mapped_column(String(20), default="")
    conflict_text: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewRevision(Base):
    """The values a review held before the chair reopened it (earlier values are kept)."""

    __tablename__ = "review_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    scores: Mapped[str] = mapped_column(Text)
    comment: Mapped[str] = mapped_column(Text)
    conflict_kind: Mapped[str] = mapped_column(String(20))
    conflict_text: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopened_at: Mapped[datetime] = mapped_column(DateTime)
    reopened_by: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(Text)


class Objection(Base):
    """异议 raised during publicity, with its handling and result."""

    __tablename__ = "objection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), index=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(20))  # pending / upheld / dismissed
    resolved_on: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(50))


class CalendarDay(Base):
    """A public holiday or make-up working day (调休) for counting publicity working days."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # holiday / workday
    name: Mapped[str] = mapped_column(String(50))
