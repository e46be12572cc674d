"""SQLAlchemy 2.0 typed models: the schema of the UnionDesk database.

Enum-valued columns store the stable codes of ``unionDesk.domain.enums``. ``Member.status`` is a
cache of the status derived from ``MembershipChange`` rows, rewritten in the same transaction as
every change, so lists can filter on it in SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so batch migrations can name constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UnionProfile(Base):
    """工会信息: exactly one row per database."""

    __tablename__ = "union_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    uscc: Mapped[str] = mapped_column(String(18))
    higher_union: Mapped[str] = mapped_column(String(100), default="")
    chair: Mapped[str] = mapped_column(String(50), default="")
    contact: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Department(Base):
    """部门/车间/班组: a node of the enterprise → workshop → team tree."""

    __tablename__ = "department"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Member(Base):
    """会员 (DESIGN.md 3.1). Rows are never deleted: ``deleted_at`` marks a soft delete."""

    __tablename__ = "member"
    __table_args__ = (
        # An ID number or card number belongs to one live record; deleted rows keep history.
        Index(
            "uq_member_id_number_live",
            "id_type",
            "id_number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "uq_member_card_number_live",
            "card_number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND card_number IS NOT NULL"),
        ),
        # The register's list and search-as-you-type read only this index (an index-only scan in
        # pinyin order): walking the wide table instead measured 125 ms at 100,000 rows, this 20 ms.
        Index(
            "ix_member_list",
            "deleted_at",
            "name_sort",
            "id",
            "status",
            "department_id",
            "name",
            "search_keys",
            "card_number",
            "id_number",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    name_sort: Mapped[str] = mapped_column(String(300))
    search_keys: Mapped[str] = mapped_column(Text)
    id_type: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str] = mapped_column(String(20))
    sex: Mapped[str] = mapped_column(String(10))
    birth_date: Mapped[date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(2))
    mobile: Mapped[str] = mapped_column(String(11), default="")
    political_status: Mapped[str] = mapped_column(String(20))
    education: Mapped[str] = mapped_column(String(20))
    skill_level: Mapped[str] = mapped_column(String(20))
    trade: Mapped[str] = mapped_column(String(50), default="")
    job_title: Mapped[str] = mapped_column(String(50), default="")
    hukou_region: Mapped[str] = mapped_column(String(10))
    hukou_nature: Mapped[str] = mapped_column(String(20))
    migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    work_start_date: Mapped[date | None] = mapped_column(Date)
    join_date: Mapped[date] = mapped_column(Date)
    card_number: Mapped[str | None] = mapped_column(String(30))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="RESTRICT"), index=True
    )
    hardship: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_reason: Mapped[str] = mapped_column(Text, default="")

    changes: Mapped[list[MembershipChange]] = relationship(
        back_populates="member", order_by="(MembershipChange.effective_on, MembershipChange.id)"
    )


class MembershipChange(Base):
    """会籍变化: join, transfer in/out, withdraw, expel, death, with date and reason."""

    __tablename__ = "membership_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")

    member: Mapped[Member] = relationship(back_populates="changes")


class User(Base):
    """用户: a person who logs in. Passwords are stored only as argon2id hashes."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    can_unmask: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """操作日志: one hash-chained entry per audited action (create, update, login, unmask…)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[str] = mapped_column(String(32), index=True)  # ISO 8601 with offset
    at_local: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(50), index=True)
    action: Mapped[str] = mapped_column(String(30))
    record_type: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(30), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [before, after]}
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """A setting kept with the data (idle lock, backup retention), changed only through audit."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The selection, competition and event tables live in their own modules; importing them here
# registers them on ``Base.metadata``, so migrations and the no-drift test see the whole schema.
from unionDesk.store import activity_models as _activity_models  # noqa: E402, F401
from unionDesk.store import outbox_models as _outbox_models  # noqa: E402, F401
from unionDesk.store import selection_models as _selection_models  # noqa: E402, F401
