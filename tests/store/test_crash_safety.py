"""Kill a writing process at random moments: the database stays sound and transactions whole.

A child process (crash_child.py) writes members with the real services, single inserts and
bulk transactions of 50, until it is killed with SIGKILL a random 50-400 ms after its second
committed batch. After every
kill the database must pass ``PRAGMA integrity_check``, every bulk batch must be all there or
not there, every member must have its join entry and audit entry, the audit chain must verify,
and the database must still open.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services.audit import verify_chain
from unionDesk.services.database import create_database, open_database

TRIALS = 24
BATCH = 50
CHILD = Path(__file__).with_name("crash_child.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(paths: AppPaths, trial: int, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(paths.root), str(trial)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", "the child could not start"
        # Two whole batches first, however slow the machine: the test then always has batches
        # to check, and the kill still lands at a random moment of the writing that follows.
        for _ in range(2):
            assert child.stdout.readline().strip() == "committed", "the child stopped writing"
        time.sleep(delay)
        assert child.poll() is None, "the child stopped writing before it was killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL


def check_whole(paths: AppPaths) -> dict[str, int]:
    """Assert every promise of the test; return the batch sizes found."""
    connection = sqlite3.connect(paths.database)  # recovers the WAL like any next start
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        batches = dict(
            connection.execute(
                "SELECT notes, count(*) FROM member WHERE notes LIKE 'batch:%' GROUP BY notes"
            ).fetchall()
        )
        members = connection.execute("SELECT count(*) FROM member").fetchone()[0]
        joins = connection.execute("SELECT count(*) FROM membership_change").fetchone()[0]
        audited = connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'create' AND record_type = 'member'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert all(count == BATCH for count in batches.values()), batches
    assert joins == members and audited == members
    db = open_database(paths)
    try:
        assert verify_chain(db).ok
    finally:
        db.close()
    return batches


@pytest.mark.slow
def test_killing_a_writer_never_corrupts_or_splits_a_transaction(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    create_database(paths, "测试机械厂工会委员会", compose_uscc("91110105MA01ABCD1")).close()
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    batches: dict[str, int] = {}
    for trial in range(1, TRIALS + 1):
        run_and_kill(paths, trial, chance.uniform(0.05, 0.4))
        batches = check_whole(paths)
    # The test means something only if the kills found the child writing bulk batches
    # (each trial waits for two, so this holds on a loaded machine too).
    assert len(batches) >= 2 * TRIALS, f"seed {seed}: only {len(batches)} batches were committed"
