"""The department tree (enterprise → workshop → team) that members belong to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Department, Member

MAX_NAME = 50
RECORD_TYPE = "department"
MAX_DEPTH = 3  # 企业 → 车间 → 班组


@dataclass(frozen=True)
class DepartmentNode:
    """One department with its place in the tree."""

    id: int
    parent_id: int | None
    name: str
    depth: int
    path: str  # "企业/车间/班组", for pickers and printouts


def list_departments(db: Database, actor: Actor) -> list[DepartmentNode]:
    """Every department in tree order (parents before children, siblings by order and name)."""
    require(actor, Permission.VIEW_MEMBERS)
    return all_departments(db)


def all_departments(db: Database) -> list[DepartmentNode]:
    """The tree for other services' own use (they check permissions themselves)."""
    with db.read() as session:
        rows = session.execute(
            select(Department.id, Department.parent_id, Department.name).order_by(
                Department.sort_order, Department.name
            )
        ).all()
    children: dict[int | None, list[tuple[int, str]]] = {}
    for dept_id, parent_id, name in rows:
        children.setdefault(parent_id, []).append((dept_id, name))
    nodes: list[DepartmentNode] = []
    _walk(children, None, 0, "", nodes)
    return nodes


def _walk(
    children: dict[int | None, list[tuple[int, str]]],
    parent: int | None,
    depth: int,
    prefix: str,
    out: list[DepartmentNode],
) -> None:
    for dept_id, name in children.get(parent, []):
        path = f"{prefix}/{name}" if prefix else name
        out.append(DepartmentNode(dept_id, parent, name, depth, path))
        _walk(children, dept_id, depth + 1, path, out)


def display_paths(nodes: list[DepartmentNode]) -> dict[int, str]:
    """Department id → path for lists, starting below the enterprise when there is only one.

    Repeating the enterprise on every row ("示范公司/焊接车间/电焊班") hides the useful part.
    """
    roots = [node for node in nodes if node.parent_id is None]
    if len(roots) != 1:
        return {node.id: node.path for node in nodes}
    prefix = roots[0].path + "/"
    return {node.id: node.path.removeprefix(prefix) for node in nodes}


def subtree_ids(db: Database, root_id: int) -> list[int]:
    """``root_id`` and every department below it."""
    nodes = all_departments(db)
    wanted = {root_id}
    for node in nodes:  # tree order: a parent is always seen before its children
        if node.parent_id in wanted:
            wanted.add(node.id)
    return sorted(wanted)


def add_department(db: Database, actor: Actor, parent_id: int | None, name: str) -> int:
    """Create a department under ``parent_id`` (None for a top-level enterprise)."""
    require(actor, Permission.EDIT_DEPARTMENTS)
    clean = _check_name(name)
    with db.write() as session:
        if parent_id is not None and _depth(session, parent_id) + 1 >= MAX_DEPTH:
            raise ServiceError(
                problem(
                    "parent_id",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Teams cannot have sub-departments; the tree has at most three "
                        "levels (enterprise, workshop, team).",
                    ),
                )
            )
        _refuse_sibling_duplicate(session, parent_id, clean, exclude=None)
        dept = Department(parent_id=parent_id, name=clean, sort_order=0)
        session.add(dept)
        session.flush()
        record(
            session,
            actor,
            Action.CREATE,
            RECORD_TYPE,
            dept.id,
            clean,
            {"name": (None, clean), "parent_id": (None, parent_id)},
        )
        return dept.id


def rename_department(db: Database, actor: Actor, dept_id: int, name: str) -> None:
    """Give a department a new name."""
    require(actor, Permission.EDIT_DEPARTMENTS)
    clean = _check_name(name)
    with db.write() as session:
        dept = _get(session, dept_id)
        _refuse_sibling_duplicate(session, dept.parent_id, clean, exclude=dept_id)
        record(
            session, actor, Action.UPDATE, RECORD_TYPE, dept.id, clean, {"name": (dept.name, clean)}
        )
        dept.name = clean


def delete_department(db: Database, actor: Actor, dept_id: int) -> None:
    """Delete an empty department (no sub-departments, no members on the register)."""
    require(actor, Permission.EDIT_DEPARTMENTS)
    with db.write() as session:
        dept = _get(session, dept_id)
        if session.scalar(select(func.count()).where(Department.parent_id == dept_id)):
            raise ServiceError(
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "“{name}” still has sub-departments. Delete or move them first.",
                    ),
                    name=dept.name,
                )
            )
        live = session.scalar(
            select(func.count()).where(Member.department_id == dept_id, Member.deleted_at.is_(None))
        )
        if live:
            raise ServiceError(
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "“{name}” still has {count} members. Move them to another "
                        "department first.",
                    ),
                    name=dept.name,
                    count=live,
                )
            )
        # Deleted members keep their history but no longer point at the department.
        session.execute(
            update(Member).where(Member.department_id == dept_id).values(department_id=None)
        )
        record(
            session,
            actor,
            Action.DELETE,
            RECORD_TYPE,
            dept.id,
            dept.name,
            {"name": (dept.name, None)},
        )
        session.delete(dept)


def _get(session: Session, dept_id: int) -> Department:
    dept = session.get(Department, dept_id)
    if dept is None:
        raise NotFound(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation", "This department no longer exists. Refresh the list."
                ),
            )
        )
    return dept


def _depth(session: Session, dept_id: int) -> int:
    depth, current = 0, _get(session, dept_id)
    while current.parent_id is not None:
        depth += 1
        current = _get(session, current.parent_id)
    return depth


def _check_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationFailed(
            [problem("name", QT_TRANSLATE_NOOP("Validation", "Enter the department's name."))]
        )
    if len(clean) > MAX_NAME:
        raise ValidationFailed(
            [
                problem(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The department name is {length} characters long; at most {limit} "
                        "are allowed.",
                    ),
                    length=len(clean),
                    limit=MAX_NAME,
                )
            ]
        )
    return clean


def _refuse_sibling_duplicate(
    session: Session, parent_id: int | None, name: str, exclude: int | None
) -> None:
    query = select(Department.id).where(
        Department.parent_id.is_(parent_id)
        if parent_id is None
        else Department.parent_id == parent_id,
        Department.name == name,
    )
    if exclude is not None:
        query = query.where(Department.id != exclude)
    if session.scalar(query) is not None:
        raise ValidationFailed(
            [
                problem(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "Validation", "A department named “{name}” already exists at this level."
                    ),
                    name=name,
                )
            ]
        )
