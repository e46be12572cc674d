"""Accounts: log in, lockout, passwords, and the administrator's user management."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import (
    Actor,
    Permission,
    Role,
    locked_until_after_failure,
    password_problems,
)
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import User

_HASHER = PasswordHasher()  # argon2id with the library's current recommended cost
# Verified against when the user name is unknown, so that costs what a wrong password costs.
# A literal, not hashed at import: hashing took 100 ms on the start-up path. Its parameters
# are the hasher's (a test checks they still are after an argon2-cffi upgrade).
_DECOY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$j/3EeSFvdCV2w24+26Tm5Q$"
    "fPbxTXx3w2EaUC2VoO2DoNSNrAmvgs/ul4aW5NzLLqA"
)
USERNAME_MAX = 50


class LoginRefused(ServiceError):
    """Wrong user name or password, a locked or a disabled account."""


@dataclass(frozen=True)
class UserView:
    """An account as the users page lists it (never the hash)."""

    id: int
    username: str
    display_name: str
    role: Role
    can_unmask: bool
    disabled: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None


@dataclass(frozen=True)
class Login:
    """A successful log-in: who, and whether they must choose a new password first."""

    actor: Actor
    must_change_password: bool


def hash_password(password: str) -> str:
    """A salted argon2id hash of ``password``."""
    return _HASHER.hash(password)


def has_users(db: Database) -> bool:
    """Whether any account exists (a database from before accounts has none)."""
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def log_in(db: Database, username: str, password: str, now: datetime | None = None) -> Login:
    """Check the credentials; count failures and lock after five (persisted).

    Raises:
        LoginRefused: with the reason the user may know (never which part was wrong).
    """
    moment = now or datetime.now()
    with db.write() as session:
        user = session.scalar(
            select(User).where(func.lower(User.username) == username.strip().lower())
        )
        refusal = _refusal(session, user, password, moment)
        if refusal is None:
            assert user is not None
            user.failed_logins, user.locked_until, user.last_login_at = 0, None, moment
            record(session, user.username, Action.LOGIN, "user", user.id)
            return Login(_actor(user), user.must_change_password)
    raise refusal


def _refusal(
    session: Session, user: User | None, password: str, now: datetime
) -> LoginRefused | None:
    if user is not None and user.locked_until is not None and user.locked_until <= now:
        # The lock has run out: the next five wrong passwords in a row lock it again.
        user.failed_logins, user.locked_until = 0, None
    if user is not None and user.locked_until is not None and user.locked_until > now:
        record(session, user.username, Action.LOGIN_FAILED, "user", user.id, "locked")
        return LoginRefused(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "This account is locked after too many wrong passwords. Try again "
                    "after {time}, or ask an administrator.",
                ),
                time=user.locked_until.strftime("%H:%M"),
            )
        )
    if user is None or not _matches(user.password_hash, password):
        if user is None:
            _matches(None, password)  # same time as a real check: names cannot be probed
        return _wrong_password(session, user, now)
    if user.disabled:
        record(session, user.username, Action.LOGIN_FAILED, "user", user.id, "disabled")
        return LoginRefused(
            problem(
                "",
                QT_TRANSLATE_NOOP("Validation", "This account is disabled. Ask an administrator."),
            )
        )
    return None


def _wrong_password(session: Session, user: User | None, now: datetime) -> LoginRefused:
    name = user.username if user is not None else "?"
    if user is not None:
        user.failed_logins += 1
        user.locked_until = locked_until_after_failure(user.failed_logins, now)
    record(session, name, Action.LOGIN_FAILED, "user", user.id if user else "", "wrong password")
    return LoginRefused(
        problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Wrong user name or password. After five wrong passwords in a row the "
                "account is locked for 15 minutes.",
            ),
        )
    )


def _matches(stored: str | None, password: str) -> bool:
    """Check ``password``; with no stored hash, spend the same time and fail.

    Skipping the slow hash for unknown user names would let anyone tell real ones by timing.
    """
    try:
        if stored is None:
            _HASHER.verify(_DECOY_HASH, password)
            return False
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def change_password(db: Database, actor: Actor, old: str, new: str) -> None:
    """The user's own password change (also the forced one after a reset)."""
    with db.write() as session:
        user = _get(session, actor.user_id)
        if not _matches(user.password_hash, old):
            raise ValidationFailed(
                [
                    problem(
                        "old_password",
                        QT_TRANSLATE_NOOP("Validation", "The current password is wrong."),
                    )
                ]
            )
        _set_password(user, new)
        user.must_change_password = False
        record(session, actor, Action.UPDATE, "user", user.id, "password changed")


def add_user(
    db: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    can_unmask: bool = False,
) -> int:
    """Create an account (administrators only). The user must change the password first."""
    require(actor, Permission.MANAGE_USERS)
    with db.write() as session:
        user = _new_user(session, username, display_name, role, password, can_unmask)
        user.must_change_password = actor.user_id is not None  # set by someone else
        record(
            session,
            actor,
            Action.CREATE,
            "user",
            user.id,
            user.username,
            {"role": (None, role.value), "can_unmask": (None, can_unmask)},
        )
        return user.id


def create_first_admin(session: Session, username: str, display_name: str, password: str) -> User:
    """The first administrator, made in the same transaction as the database itself."""
    user = _new_user(session, username, display_name, Role.ADMIN, password, True)
    record(session, user.username, Action.CREATE, "user", user.id, "first administrator")
    return user


def add_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """Create the first administrator of a database that has no accounts yet.

    Refused once any account exists, so it cannot be used to add a second administrator.
    """
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise ServiceError(
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation", "This database already has user accounts. Log in instead."
                    ),
                )
            )
        return _actor(create_first_admin(session, username, display_name, password))


def _new_user(
    session: Session, username: str, display_name: str, role: Role, password: str, can_unmask: bool
) -> User:
    name = _check_username(session, username)
    user = User(
        username=name,
        display_name=" ".join(display_name.split()),
        role=role.value,
        password_hash="",
        can_unmask=can_unmask,
        created_at=datetime.now(),
        failed_logins=0,
        disabled=False,
        must_change_password=False,
    )
    _set_password(user, password)
    session.add(user)
    session.flush()
    return user


def reset_password(db: Database, actor: Actor, user_id: int, password: str) -> None:
    """Give a user a new password that they must change at their next log-in."""
    require(actor, Permission.MANAGE_USERS)
    with db.write() as session:
        user = _get(session, user_id)
        _set_password(user, password)
        user.must_change_password, user.failed_logins, user.locked_until = True, 0, None
        record(session, actor, Action.UPDATE, "user", user.id, "password reset")


def update_user(
    db: Database,
    actor: Actor,
    user_id: int,
    *,
    role: Role,
    disabled: bool,
    can_unmask: bool,
    display_name: str,
) -> None:
    """Change role, disabled flag and unmask permission. The last administrator stays one."""
    require(actor, Permission.MANAGE_USERS)
    with db.write() as session:
        user = _get(session, user_id)
        before = _fields(user)
        if user.role == Role.ADMIN.value and (role is not Role.ADMIN or disabled):
            _refuse_last_admin(session, user)
        user.role, user.disabled, user.can_unmask = role.value, disabled, can_unmask
        user.display_name = " ".join(display_name.split())
        record(
            session,
            actor,
            Action.UPDATE,
            "user",
            user.id,
            user.username,
            diff(before, _fields(user)),
        )


def list_users(db: Database, actor: Actor) -> list[UserView]:
    """Every account (administrators only)."""
    require(actor, Permission.MANAGE_USERS)
    with db.read() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        return [
            UserView(
                u.id,
                u.username,
                u.display_name,
                Role(u.role),
                u.can_unmask,
                u.disabled,
                u.must_change_password,
                u.locked_until,
                u.last_login_at,
            )
            for u in users
        ]


def _refuse_last_admin(session: Session, user: User) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.disabled.is_(False), User.id != user.id)
    )
    if not others:
        raise ServiceError(
            problem(
                "role",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{user} is the last active administrator and cannot be disabled or "
                    "given another role. Make another user an administrator first.",
                ),
                user=user.username,
            )
        )


def _check_username(session: Session, username: str) -> str:
    name = username.strip()
    if not name or len(name) > USERNAME_MAX or any(c.isspace() for c in name):
        raise ValidationFailed(
            [
                problem(
                    "username",
                    QT_TRANSLATE_NOOP(
                        "Validation", "Enter a user name of 1 to {limit} characters without spaces."
                    ),
                    limit=USERNAME_MAX,
                )
            ]
        )
    if session.scalar(select(User.id).where(func.lower(User.username) == name.lower())):
        raise ValidationFailed(
            [
                problem(
                    "username",
                    QT_TRANSLATE_NOOP(
                        "Validation", "The user name {user} is taken. Choose another."
                    ),
                    user=name,
                )
            ]
        )
    return name


def _set_password(user: User, password: str) -> None:
    problems = password_problems(password, user.username)
    if problems:
        raise ValidationFailed(problems)
    user.password_hash = hash_password(password)


def _get(session: Session, user_id: int | None) -> User:
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise NotFound(
            problem("", QT_TRANSLATE_NOOP("Validation", "This user account no longer exists."))
        )
    return user


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, Role(user.role), user.can_unmask)


def _fields(user: User) -> dict[str, object]:
    return {
        "role": user.role,
        "disabled": user.disabled,
        "can_unmask": user.can_unmask,
        "display_name": user.display_name,
    }
