"""The departments an import names: matched to the tree by path or unique name, or to be added.

A path below the enterprise ("焊接车间/电焊班") is enough when there is one enterprise; a bare
name matches the one department of that name anywhere in the tree. What is not there yet is
added only when the officer confirms it (``commit_import(create_departments=True)``).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor
from unionDesk.domain.member_import import normalise_text
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.services.audit import Action, record
from unionDesk.services.departments import MAX_DEPTH, MAX_NAME
from unionDesk.store.models import Department

_Path = tuple[str, ...]


class ImportDepartments:
    """The department tree by normalised path, and the departments an import would add.

    A path below the enterprise ("焊接车间/电焊班") is enough when there is one enterprise; a
    bare name matches the one department of that name anywhere in the tree.
    """

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(Department.id, Department.parent_id, Department.name))
        parents = {dept_id: (parent, normalise_text(name)) for dept_id, parent, name in rows}
        self.ids: dict[_Path, int] = {self._path(i, parents): i for i in parents}
        self.roots = {path[0] for path in self.ids if len(path) == 1}
        self.names: dict[str, list[int]] = {}
        for path, dept_id in self.ids.items():
            self.names.setdefault(path[-1], []).append(dept_id)
        self.new: dict[_Path, None] = {}  # ordered set
        self.resolved: dict[str, int | _Path | Problem] = {}  # most rows repeat a few texts

    @staticmethod
    def _path(dept_id: int, parents: dict[int, tuple[int | None, str]]) -> _Path:
        names: list[str] = []
        current: int | None = dept_id
        while current is not None:
            current, name = parents[current]
            names.insert(0, name)
        return tuple(names)

    def resolve(self, text: str) -> int | _Path | Problem:
        """The department id, the full path of a department to add, or why neither."""
        if text not in self.resolved:
            self.resolved[text] = self._resolve(text)
        return self.resolved[text]

    def _resolve(self, text: str) -> int | _Path | Problem:
        parts = tuple(p for p in (normalise_text(s) for s in _SEPARATORS.split(text)) if p)
        if not parts:  # only separators, such as "/"
            return _not_in_tree(text)
        root = next(iter(self.roots)) if len(self.roots) == 1 else None
        for path in (parts, (root, *parts) if root else None):
            if path in self.ids:
                return self.ids[path]
        if len(parts) == 1 and len(self.names.get(parts[0], ())) == 1:
            return self.names[parts[0]][0]
        if len(parts) == 1 and parts[0] in self.names:
            text_ = QT_TRANSLATE_NOOP(
                "Validation",
                "More than one department is named “{name}”. Write its path, such as "
                "一车间/电焊班.",
            )
            return problem("department", text_, name=parts[0])
        full = parts if root is None or parts[0] == root else (root, *parts)
        if self.roots and full[0] not in self.roots:
            return _not_in_tree("/".join(parts))
        if len(full) > MAX_DEPTH or any(len(name) > MAX_NAME for name in full):
            text_ = QT_TRANSLATE_NOOP(
                "Validation",
                "“{path}” cannot be a department: the tree has at most three levels "
                "(enterprise, workshop, team) and names have at most {limit} characters.",
            )
            return problem("department", text_, path="/".join(full), limit=MAX_NAME)
        for depth in range(1, len(full) + 1):
            if full[:depth] not in self.ids:
                self.new[full[:depth]] = None
        return full

    def missing(self) -> tuple[str, ...]:
        """The paths of the departments to add, parents first."""
        return tuple("/".join(path) for path in sorted(self.new, key=len))

    def create(self, session: Session, actor: Actor) -> None:
        """Add the missing departments in the caller's transaction, audited like the tree page."""
        for path in sorted(self.new, key=len):
            parent_id = self.ids.get(path[:-1])
            dept = Department(parent_id=parent_id, name=path[-1], sort_order=0)
            session.add(dept)
            session.flush()
            changes = {"name": (None, dept.name), "parent_id": (None, parent_id)}
            record(session, actor, Action.CREATE, "department", dept.id, dept.name, changes)
            self.ids[path] = dept.id
        self.new.clear()


_SEPARATORS = re.compile(r"[/\\>]")


def _not_in_tree(path: str) -> Problem:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "“{path}” is not in the department tree. Write the path starting with the "
        "enterprise, such as 示范公司/一车间.",
    )
    return problem("department", text, path=path)
