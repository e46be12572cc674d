"""Errors services raise for the ui and cli to explain. Input errors are ``ValidationFailed``."""

from __future__ import annotations

from unionDesk.domain.messages import Problem, ValidationFailed

__all__ = ["NotFound", "ServiceError", "ValidationFailed"]


class ServiceError(Exception):
    """A refusal the user can act on, described by one translatable ``Problem``."""

    def __init__(self, reason: Problem) -> None:
        self.problem = reason
        super().__init__(reason.render())


class NotFound(ServiceError):
    """The record asked for does not exist (or was deleted meanwhile)."""
