"""Upload destinations and their secrets, on a real database file (never a plain-text secret)."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime

import keyring
import keyring.backend
import pytest

from unionDesk.domain.access import CLI_ACTOR, Actor, Role
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.outbox import DestinationKind
from unionDesk.services import secrets
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.destinations import (
    DestinationDraft,
    add_destination,
    default_destination_id,
    list_destinations,
    probe_destination,
    remove_destination,
    set_default,
    transport_for,
    update_destination,
)
from unionDesk.services.errors import NotFound
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.outbox_models import OutboxItem
from unionDesk.sync.folder import FolderTransport
from unionDesk.sync.http import HttpTransport
from unionDesk.sync.webdav import WebDavTransport

TOKEN = "tok-7Hq2-unique-zx81"
PASSWORD = "Dav-unique-pw-4411"
OFFICER = Actor(901, "clerk", Role.OFFICER)
VIEWER = Actor(903, "guest", Role.VIEWER)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS keyring stand-in kept in memory."""

    priority = 5

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username))


@pytest.fixture(autouse=True)
def no_os_keyring():
    """Force the encrypted fallback: keyring's "fail" backend, as on a headless box."""
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def http_draft(**overrides) -> DestinationDraft:
    fields = {
        "name": "市总工会上报接口",
        "kind": DestinationKind.HTTP,
        "url": "https://upload.example.org/api",
        "secret": TOKEN,
    }
    return DestinationDraft(**{**fields, **overrides})


def folder_draft(path, **overrides) -> DestinationDraft:
    return DestinationDraft(
        **{"name": "U盘", "kind": DestinationKind.FOLDER, "url": str(path), **overrides}
    )


def database_text(db) -> bytes:
    """Every byte of the database file and its WAL, as a search for plain text would read it."""
    files = [db.path, db.path.with_name(db.path.name + "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


def test_the_first_destination_is_the_default_and_listed_without_its_secret(db, paths):
    new_id = add_destination(db, CLI_ACTOR, paths, http_draft())

    (view,) = list_destinations(db, CLI_ACTOR)
    assert view.id == new_id
    assert (view.name, view.kind, view.url) == (
        "市总工会上报接口",
        DestinationKind.HTTP,
        "https://upload.example.org/api",
    )
    assert view.has_secret and view.is_default
    assert TOKEN not in repr(view)
    assert default_destination_id(db) == new_id


def test_without_an_os_keyring_the_token_is_encrypted_in_the_database(db, paths):
    add_destination(db, CLI_ACTOR, paths, http_draft())

    with sqlite3.connect(db.path) as connection:
        (ref,) = connection.execute("SELECT secret_ref FROM upload_destination").fetchone()
    assert ref.startswith("fernet:")
    assert TOKEN.encode() not in database_text(db)
    assert secrets.read_secret(paths, ref) == TOKEN
    key = paths.root / "secret.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_the_audit_trail_never_holds_the_secret(db, paths):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft())
    update_destination(db, CLI_ACTOR, paths, destination, http_draft(secret="tok-new-secret-99"))

    entries = query_audit(db, CLI_ACTOR, AuditFilter(record_type="upload_destination"))
    assert [e.action for e in entries] == [Action.UPDATE, Action.CREATE]
    assert entries[0].changes == {"secret": ["", "changed"]}
    assert "tok-new-secret-99" not in repr(entries) and TOKEN not in repr(entries)
    assert b"tok-new-secret-99" not in database_text(db)


def test_with_an_os_keyring_the_database_keeps_only_the_entry_name(db, paths):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)

    destination = add_destination(db, CLI_ACTOR, paths, http_draft())

    with sqlite3.connect(db.path) as connection:
        (ref,) = connection.execute("SELECT secret_ref FROM upload_destination").fetchone()
    assert ref.startswith("keyring:")
    assert list(memory.entries.values()) == [TOKEN]
    assert TOKEN.encode() not in database_text(db)
    assert not (paths.root / "secret.key").exists()
    assert transport_for(db, paths, destination)._token == TOKEN

    remove_destination(db, CLI_ACTOR, paths, destination)
    assert memory.entries == {}


def test_a_keyring_that_refuses_falls_back_to_encryption(db, paths):
    class Locked(MemoryKeyring):
        def set_password(self, service, username, password):
            raise keyring.errors.KeyringLocked("locked")

    keyring.set_keyring(Locked())

    add_destination(db, CLI_ACTOR, paths, http_draft())

    with sqlite3.connect(db.path) as connection:
        (ref,) = connection.execute("SELECT secret_ref FROM upload_destination").fetchone()
    assert ref.startswith("fernet:")


def test_updating_without_a_secret_keeps_the_stored_one(db, paths):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft())

    update_destination(
        db, CLI_ACTOR, paths, destination, http_draft(url="https://new.example.org/", secret=None)
    )

    transport = transport_for(db, paths, destination)
    assert isinstance(transport, HttpTransport)
    assert transport.base_url == "https://new.example.org"
    assert transport._token == TOKEN


def test_each_kind_gets_its_transport(db, paths, tmp_path):
    http = add_destination(db, CLI_ACTOR, paths, http_draft())
    dav = add_destination(
        db,
        CLI_ACTOR,
        paths,
        DestinationDraft(
            "坚果云",
            DestinationKind.WEBDAV,
            "https://dav.example.org/dav/上报",
            username="gonghui",
            secret=PASSWORD,
        ),
    )
    folder = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path))

    assert isinstance(transport_for(db, paths, http), HttpTransport)
    assert isinstance(transport_for(db, paths, dav), WebDavTransport)
    assert transport_for(db, paths, folder).folder == tmp_path
    assert isinstance(transport_for(db, paths, folder), FolderTransport)
    assert PASSWORD.encode() not in database_text(db)


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (http_draft(name="  "), {"name"}),
        (http_draft(url="ftp://upload.example.org"), {"url"}),
        (http_draft(url="upload.example.org/api"), {"url"}),
        (http_draft(secret=None), {"secret"}),
        (http_draft(secret="tok with spaces"), {"secret"}),
        (http_draft(secret="令牌-2026"), {"secret"}),
        (http_draft(secret="tok\nInjected: 1"), {"secret"}),
        (
            DestinationDraft("网盘", DestinationKind.WEBDAV, "https://dav.example.org/"),
            {
                "username",
                "secret",
            },
        ),
        (DestinationDraft("U盘", DestinationKind.FOLDER, "relative/path"), {"url"}),
    ],
)
def test_a_bad_form_is_refused_field_by_field(db, paths, draft, fields):
    with pytest.raises(ValidationFailed) as raised:
        add_destination(db, CLI_ACTOR, paths, draft)

    assert set(raised.value.by_field()) == fields
    assert list_destinations(db, CLI_ACTOR) == []


def test_a_ca_file_must_be_a_readable_certificate(db, paths, tmp_path):
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate", encoding="utf-8")

    for path in (junk, tmp_path / "missing.pem"):
        with pytest.raises(ValidationFailed) as raised:
            add_destination(db, CLI_ACTOR, paths, http_draft(ca_file=str(path)))
        assert "ca_file" in raised.value.by_field()


def test_two_destinations_cannot_share_a_name(db, paths, tmp_path):
    add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path))

    with pytest.raises(ValidationFailed, match="already called"):
        add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path / "other"))


def test_set_default_leaves_exactly_one_default(db, paths, tmp_path):
    first = add_destination(db, CLI_ACTOR, paths, http_draft())
    second = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path))
    assert default_destination_id(db) == first

    set_default(db, CLI_ACTOR, second)

    assert [(v.id, v.is_default) for v in list_destinations(db, CLI_ACTOR)] == [
        (first, False),
        (second, True),
    ]


def test_adding_one_marked_default_takes_over(db, paths, tmp_path):
    add_destination(db, CLI_ACTOR, paths, http_draft())
    second = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path, is_default=True))

    assert default_destination_id(db) == second
    assert sum(v.is_default for v in list_destinations(db, CLI_ACTOR)) == 1


def test_removing_the_default_promotes_the_oldest_other(db, paths, tmp_path):
    first = add_destination(db, CLI_ACTOR, paths, http_draft())
    second = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path))

    remove_destination(db, CLI_ACTOR, paths, first)

    assert [v.id for v in list_destinations(db, CLI_ACTOR)] == [second]
    assert default_destination_id(db) == second
    with pytest.raises(NotFound):
        transport_for(db, paths, first)
    with sqlite3.connect(db.path) as connection:
        (ref,) = connection.execute(
            "SELECT secret_ref FROM upload_destination WHERE id = ?", (first,)
        ).fetchone()
    assert ref == ""


@pytest.mark.parametrize("state", ["queued", "failed", "quarantined", "sending"])
def test_removing_a_destination_items_wait_for_is_refused(db, paths, state):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft())
    add_item(db, destination, state)

    with pytest.raises(ValidationFailed, match="still wait"):
        remove_destination(db, CLI_ACTOR, paths, destination)

    assert [v.id for v in list_destinations(db, CLI_ACTOR)] == [destination]


def test_a_destination_with_only_delivered_items_can_be_removed(db, paths):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft())
    add_item(db, destination, "delivered")

    remove_destination(db, CLI_ACTOR, paths, destination)

    assert list_destinations(db, CLI_ACTOR) == []


def add_item(db, destination_id, state):
    now = datetime(2026, 11, 21, 10, 0)
    with db.write() as session:
        session.add(
            OutboxItem(
                package_id="a" * 64,
                destination_id=destination_id,
                return_type="roster",
                title="会员花名册",
                period="2026Q4",
                union_code="91110105MA01ABCD1X",
                state=state,
                attempts=0,
                created_at=now,
                updated_at=now,
            )
        )


def test_officers_see_destinations_but_only_administrators_change_them(db, paths, tmp_path):
    add_destination(db, CLI_ACTOR, paths, http_draft())

    assert len(list_destinations(db, OFFICER)) == 1
    with pytest.raises(PermissionDenied):
        add_destination(db, OFFICER, paths, folder_draft(tmp_path))
    with pytest.raises(PermissionDenied):
        list_destinations(db, VIEWER)


def test_probing_a_present_folder_succeeds(db, paths, tmp_path):
    destination = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path))

    result = probe_destination(db, paths, destination)

    assert result.ok
    assert result.message == "The destination answered: uploading can start."


def test_probing_a_missing_stick_fails_with_a_translatable_message(db, paths, tmp_path):
    destination = add_destination(db, CLI_ACTOR, paths, folder_draft(tmp_path / "E盘"))

    result = probe_destination(
        db, paths, destination, translate=lambda context, text: text.replace("The", "THE")
    )

    assert not result.ok
    assert result.message.startswith("THE destination cannot be reached now: the folder")


def test_probing_a_stopped_server_fails_without_raising(db, paths):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft(url="http://127.0.0.1:9"))

    result = probe_destination(db, paths, destination)

    assert not result.ok
    assert "cannot connect to 127.0.0.1:9" in result.message


def test_a_lost_key_file_asks_for_the_secret_again(db, paths):
    destination = add_destination(db, CLI_ACTOR, paths, http_draft())
    (paths.root / "secret.key").unlink()

    result = probe_destination(db, paths, destination)

    assert not result.ok
    assert "Enter it again" in result.message
    with pytest.raises(secrets.SecretUnavailable):
        transport_for(db, paths, destination)
