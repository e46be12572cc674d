"""Child process of the crash-safety test: writes members until it is killed.

Usage: ``python crash_child.py DATA_DIR TRIAL``. Prints "ready" once the database is open and a
first member is saved (so the kill finds it writing, not importing), and "committed" after each
bulk transaction; alternates single
``create_member`` calls with bulk transactions of ``BATCH`` members tagged
``batch:<trial>-<n>`` in their notes, forever. Every number is synthetic (fake data only).
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests/helpers.py

from helpers import OFFICE, member_draft
from unionDesk.domain.enums import ChangeKind, MemberStatus, Sex
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member import (
    MemberDraft,
    validate_member,
)
from unionDesk.paths import resolve_paths
from unionDesk.services.audit import Action, record
from unionDesk.services.database import open_database
from unionDesk.services.members import _apply, _change_row, create_member
from unionDesk.store.db import Database
from unionDesk.store.models import Member

BATCH = 50
TODAY = date(2026, 11, 21)
FIRST_BIRTH = date(1960, 1, 1)


def draft(trial: int, serial: int, notes: str = "") -> MemberDraft:
    """A valid, unique member form: the trial picks the ID sequence, the serial the birth date."""
    birth = FIRST_BIRTH + timedelta(days=serial)
    return member_draft(
        name="测试员",
        id_number=compose_resident_id("110105", birth, trial),
        sex=Sex.MALE if trial % 2 else Sex.FEMALE,
        birth_date=birth,
        card_number=f"K{trial}-{serial}",
        notes=notes,
    )


def bulk(db: Database, trial: int, first_serial: int, tag: str) -> None:
    """``BATCH`` members, each with its join entry and audit entry, in one transaction.

    Built with the member service's own row helpers, as an import would do it.
    """
    now = datetime.now()
    with db.write() as session:
        for offset in range(BATCH):
            clean = validate_member(draft(trial, first_serial + offset, tag), today=TODAY)
            member = Member(
                created_at=now, updated_at=now, status=MemberStatus.ACTIVE.value, deleted_reason=""
            )
            _apply(member, clean)
            assert clean.join_date is not None
            member.changes.append(_change_row(ChangeKind.JOIN, clean.join_date, "", OFFICE))
            session.add(member)
            session.flush()
            record(session, OFFICE, Action.CREATE, "member", member.id, member.name)


def main() -> None:
    data_dir, trial = sys.argv[1], int(sys.argv[2])
    db = open_database(resolve_paths(data_dir))
    create_member(db, OFFICE, draft(trial, 0), today=TODAY)  # loads everything writing needs
    print("ready", flush=True)
    serial, batch = 1, 0
    while True:
        bulk(db, trial, serial, f"batch:{trial}-{batch}")
        print("committed", flush=True)  # the parent kills only after two of these
        serial += BATCH
        batch += 1
        create_member(db, OFFICE, draft(trial, serial), today=TODAY)
        serial += 1


if __name__ == "__main__":
    main()
