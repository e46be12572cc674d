"""Permission checks every service makes before acting (not only hidden buttons)."""

from __future__ import annotations

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.errors import ServiceError


class PermissionDenied(ServiceError):
    """The acting user's role does not allow this."""


def require(actor: Actor, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` holds ``permission``."""
    if not actor.may(permission):
        raise PermissionDenied(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Your account ({user}) is not allowed to do this. Ask an "
                    "administrator if you need it.",
                ),
                user=actor.username,
            )
        )
