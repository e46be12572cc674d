"""Roles, permissions, password policy and lockout rules (DESIGN.md 7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


class Role(StrEnum):
    """用户角色."""

    ADMIN = "admin"  # 管理员
    OFFICER = "officer"  # 录入员
    REVIEWER = "reviewer"  # 评委
    VIEWER = "viewer"  # 查看


class Permission(StrEnum):
    """What a service may be asked to do; each service checks one before acting."""

    VIEW_MEMBERS = "view_members"
    EDIT_MEMBERS = "edit_members"
    EDIT_DEPARTMENTS = "edit_departments"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_BACKUPS = "manage_backups"
    EDIT_SETTINGS = "edit_settings"
    UNMASK = "unmask"  # 查看完整证件号: granted per user, never by role alone (except admin)
    VIEW_SELECTION = "view_selection"  # programs, candidates, closed-round results
    EDIT_SELECTION = "edit_selection"  # programs, nominations, rounds, publicity, decisions
    REVIEW = "review"  # score the candidates of the rounds one is assigned to
    VIEW_ACTIVITIES = "view_activities"  # competitions and culture events
    EDIT_ACTIVITIES = "edit_activities"
    MAKE_RETURNS = "make_returns"  # generate, save and sign returns (报表)
    MANAGE_SIGNING = "manage_signing"  # create or import the union's signing identity


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.OFFICER: frozenset(
        {
            Permission.VIEW_MEMBERS,
            Permission.EDIT_MEMBERS,
            Permission.EDIT_DEPARTMENTS,
            Permission.VIEW_SELECTION,
            Permission.EDIT_SELECTION,
            Permission.VIEW_ACTIVITIES,
            Permission.EDIT_ACTIVITIES,
            Permission.MAKE_RETURNS,
        }
    ),
    # A reviewer sees only the rounds assigned to them (checked per round by the services).
    Role.REVIEWER: frozenset({Permission.REVIEW}),
    Role.VIEWER: frozenset(
        {Permission.VIEW_MEMBERS, Permission.VIEW_SELECTION, Permission.VIEW_ACTIVITIES}
    ),
}
ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Enum", "Administrator"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Enum", "Officer"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Enum", "Reviewer"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Enum", "Viewer"),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the command line acting for the data folder."""

    user_id: int | None
    username: str
    role: Role
    can_unmask: bool = False

    def may(self, permission: Permission) -> bool:
        """Whether this actor holds ``permission``."""
        if permission is Permission.UNMASK:
            return self.role is Role.ADMIN or self.can_unmask
        return permission in ROLE_PERMISSIONS[self.role]


# Whoever can read the database file can read it anyway, so the command line acts as the
# administrator of its data folder; its actions are audited under this name.
CLI_ACTOR = Actor(None, "cli", Role.ADMIN, can_unmask=True)


def password_problems(password: str, username: str) -> list[Problem]:
    """Problems with a new password; [] when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            problem(
                "password",
                QT_TRANSLATE_NOOP(
                    "Validation", "The password must have at least {minimum} characters."
                ),
                minimum=MIN_PASSWORD_LENGTH,
            )
        ]
    if password.strip() != password or len(set(password)) < 3:
        return [
            problem(
                "password",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Choose a password with at least three different characters and no "
                    "spaces at either end.",
                ),
            )
        ]
    if username and username.lower() in password.lower():
        return [
            problem(
                "password",
                QT_TRANSLATE_NOOP("Validation", "The password must not contain the user name."),
            )
        ]
    return []


def locked_until_after_failure(failed: int, now: datetime) -> datetime | None:
    """When the account unlocks after its ``failed``-th failure in a row (None: not locked)."""
    return now + LOCKOUT if failed >= MAX_FAILED_LOGINS else None
