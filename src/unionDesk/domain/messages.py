"""User-facing messages that domain and service code can raise without importing Qt.

Source texts are English and marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects
them; the ui and cli layers translate them with ``QCoreApplication.translate``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    del context
    return text


def untranslated(context: str, text: str) -> str:
    """A ``Translate`` that keeps the English source text (for logs and tests)."""
    del context
    return text


@dataclass(frozen=True)
class Label:
    """A translatable text used as a message parameter, such as an enum value's label.

    ``Problem.render`` translates it with the same function as the message, so a state or
    level named inside a message appears in the user's language too.
    """

    context: str
    text: str

    def render(self, translate: Translate = untranslated) -> str:
        """Return the text translated with ``translate``."""
        return translate(self.context, self.text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, tied to the form field that holds it.

    Attributes:
        field: the field key (for example ``"id_number"``); empty for the whole record.
        context: the translation context the text was marked in.
        text: English source text, with ``{name}`` placeholders for ``params``.
        params: values substituted after translation.
    """

    field: str
    context: str
    text: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def render(self, translate: Translate = untranslated) -> str:
        """Return the message translated with ``translate`` and its placeholders filled."""
        values = {
            key: value.render(translate) if isinstance(value, Label) else value
            for key, value in self.params.items()
        }
        return translate(self.context, self.text).format(**values)


def problem(field_name: str, text: str, **params: object) -> Problem:
    """Build a ``Problem`` in the ``Validation`` context (text marked by the caller)."""
    return Problem(field_name, "Validation", text, params)


def length_problems(field_name: str, text: str, limit: int) -> list[Problem]:
    """The problem of a text longer than ``limit`` characters (code points); [] if it fits."""
    if len(text) <= limit:
        return []
    message = QT_TRANSLATE_NOOP(
        "Validation",
        "This text has {length} characters, but at most {limit} are allowed. Shorten it.",
    )
    return [problem(field_name, message, length=len(text), limit=limit)]


class ValidationFailed(Exception):
    """Raised when input breaks a rule; carries every problem found, not only the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.render() for p in self.problems))

    def by_field(self, translate: Translate = untranslated) -> dict[str, list[str]]:
        """Return the rendered messages grouped by field key."""
        grouped: dict[str, list[str]] = {}
        for item in self.problems:
            grouped.setdefault(item.field, []).append(item.render(translate))
        return grouped
