"""Engine set-up: pragmas, transactions, backups."""

import sqlite3
import threading

import pytest
from sqlalchemy import text

from unionDesk.store.backup import online_backup
from unionDesk.store.db import Database


@pytest.fixture
def database(tmp_path):
    db = Database(tmp_path / "t.sqlite3")
    with db.write() as session:
        session.execute(text("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"))
    yield db
    db.close()


def pragma(db, name):
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_every_connection_uses_wal_full_sync_and_foreign_keys(database):
    assert pragma(database, "journal_mode") == "wal"
    assert pragma(database, "synchronous") == 2
    assert pragma(database, "foreign_keys") == 1


def test_a_failed_write_leaves_nothing_behind(database):
    with pytest.raises(RuntimeError), database.write() as session:
        session.execute(text("INSERT INTO item (name) VALUES ('one')"))
        session.execute(text("INSERT INTO item (name) VALUES ('two')"))
        raise RuntimeError("crash in the middle")
    with database.read() as session:
        assert session.execute(text("SELECT count(*) FROM item")).scalar() == 0


def test_a_write_is_durable_once_the_block_ends(database, tmp_path):
    with database.write() as session:
        session.execute(text("INSERT INTO item (name) VALUES ('kept')"))
    other = sqlite3.connect(tmp_path / "t.sqlite3")
    assert other.execute("SELECT name FROM item").fetchall() == [("kept",)]
    other.close()


def test_two_writers_queue_instead_of_failing(database):
    errors = []

    def insert_many(tag):
        try:
            for i in range(30):
                with database.write() as session:
                    count = session.execute(text("SELECT count(*) FROM item")).scalar()
                    session.execute(
                        text("INSERT INTO item (name) VALUES (:n)"), {"n": f"{tag}{i}-{count}"}
                    )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=insert_many, args=(t,)) for t in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.read() as session:
        assert session.execute(text("SELECT count(*) FROM item")).scalar() == 60


def test_an_online_backup_is_a_complete_consistent_copy(database, tmp_path):
    with database.write() as session:
        session.execute(text("INSERT INTO item (name) VALUES ('王𠈌')"))
    copy = online_backup(tmp_path / "t.sqlite3", tmp_path / "b" / "copy.sqlite3")
    connection = sqlite3.connect(copy)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT name FROM item").fetchall() == [("王𠈌",)]
    connection.close()
    assert not list((tmp_path / "b").glob("*.partial"))
