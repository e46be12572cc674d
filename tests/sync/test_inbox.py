"""The reference receiver, on loopback, fed real signed returns through plain urllib requests."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import ipaddress
import json
import random
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from helpers import fake_id, member_draft
from pdf_helpers import flip_signed_byte, make_pdf
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.periods import Period
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.sync.inbox import InboxServer, Refused
from unionDesk.sync.inbox_package import parse_multipart

TOKEN = "test-token-3f9a"
PASSPHRASE = "Inbox-Sign-2026"
NOW = datetime(2026, 11, 21, 10, 5)
BOUNDARY = "----uniondesk-test-7d1c"


@dataclass(frozen=True)
class Package:
    parts: dict[str, bytes]

    @property
    def package_id(self) -> str:
        return hashlib.sha256(self.parts["manifest.json"]).hexdigest()

    def replaced(self, **parts: bytes) -> Package:
        renamed = {key.replace("_", "."): value for key, value in parts.items()}
        return Package({**self.parts, **renamed})

    def with_manifest_for_files(self) -> Package:
        """The files as they are, with a manifest recomputed to match them (a forger's move)."""
        manifest = json.loads(self.parts["manifest.json"])
        for entry in manifest["files"]:
            part = "return.pdf" if entry["name"].endswith(".pdf") else "data.json"
            entry["sha256"] = hashlib.sha256(self.parts[part]).hexdigest()
            entry["size"] = len(self.parts[part])
        return self.replaced(manifest_json=json.dumps(manifest).encode())


@pytest.fixture(scope="module")
def make_package(tmp_path_factory):
    """Signed roster returns saved by the returns service; each call makes a new one."""
    paths = resolve_paths(tmp_path_factory.mktemp("inbox") / "data")
    db = create_database(paths, "测试机械厂工会委员会", compose_uscc("91110105MA01ABCD1"))
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    for number, name in enumerate(("王𠈌", "阿依古丽·买买提")):
        draft = member_draft(
            name=name, id_number=fake_id(sequence=200 + number), card_number=f"GH-{number}"
        )
        create_member(db, CLI_ACTOR, draft)
    out = tmp_path_factory.mktemp("returns")
    made = iter(range(1000))

    def make() -> Package:
        moment = NOW + timedelta(minutes=next(made))
        request = ReturnRequest(ReturnType.ROSTER, Period(2026, 4))
        generated = generate(db, CLI_ACTOR, request, now=moment)
        saved = save(db, CLI_ACTOR, generated, out, paths=paths, passphrase=PASSPHRASE)
        return Package(
            {
                "manifest.json": saved.manifest.read_bytes(),
                "return.pdf": saved.pdf.read_bytes(),
                "data.json": saved.data.read_bytes(),
            }
        )

    yield make
    db.close()


@pytest.fixture(scope="module")
def package(make_package) -> Package:
    return make_package()


@pytest.fixture
def inbox(tmp_path):
    with InboxServer(tmp_path / "inbox", TOKEN) as server:
        yield server


def multipart(parts: dict[str, bytes]) -> bytes:
    body = b""
    for name, content in parts.items():
        kind = "application/pdf" if name.endswith(".pdf") else "application/json"
        body += (
            (
                f"--{BOUNDARY}\r\nContent-Disposition: form-data; "
                f'name="{name}"; filename="{name}"\r\nContent-Type: {kind}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    return body + f"--{BOUNDARY}--\r\n".encode()


def post(url, package, *, token=TOKEN, key=None, timeout=30.0):
    """POST the package; (status, JSON body)."""
    request = urllib.request.Request(
        f"{url}/packages",
        data=multipart(package.parts),
        method="POST",
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": package.package_id if key is None else key,
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        },
    )
    return _open(request, timeout)


def get(url, path="/health", *, token=TOKEN, context=None):
    request = urllib.request.Request(url + path, headers={"Authorization": f"Bearer {token}"})
    return _open(request, 10.0, context)


def _open(request, timeout, context=None):
    """Open directly, never through a proxy the machine may set."""
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context)
    )
    try:
        with opener.open(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# --- accepting, idempotency ----------------------------------------------------------------


def test_a_new_package_is_stored_and_a_repeat_gets_the_same_receipt(inbox, package):
    status, receipt = post(inbox.url, package)
    assert status == 201
    assert receipt["package_id"] == package.package_id
    assert datetime.fromisoformat(receipt["received_at"]).tzinfo is not None

    assert post(inbox.url, package) == (200, receipt)
    stored = inbox.folder / package.package_id
    assert {name: (stored / name).read_bytes() for name in package.parts} == package.parts
    assert json.loads((stored / "receipt.json").read_bytes()) == receipt
    assert inbox.package_ids() == [package.package_id]
    assert (inbox.stored_count, inbox.stats().duplicates) == (1, 1)


def test_the_receipt_survives_a_restart_of_the_inbox(tmp_path, package):
    with InboxServer(tmp_path / "inbox", TOKEN) as first:
        _, receipt = post(first.url, package)
    with InboxServer(tmp_path / "inbox", TOKEN) as second:
        assert post(second.url, package) == (200, receipt)
        assert second.stored_count == 0


def test_concurrent_duplicates_are_stored_once(inbox, package):
    start, answers = threading.Barrier(8), []

    def send():
        start.wait()
        answers.append(post(inbox.url, package))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(status for status, _ in answers) == [200] * 7 + [201]
    assert len({json.dumps(receipt) for _, receipt in answers}) == 1
    assert inbox.stored_count == 1
    assert [p.name for p in inbox.folder.iterdir()] == [package.package_id]  # no leftovers


def test_different_packages_are_stored_side_by_side(inbox, make_package):
    packages = [make_package() for _ in range(3)]
    receipts = [post(inbox.url, p)[1]["receipt_id"] for p in packages]
    assert len(set(receipts)) == 3
    assert inbox.package_ids() == sorted(p.package_id for p in packages)


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["wrong-token", ""])
def test_a_wrong_or_missing_token_is_refused_with_401(inbox, package, token):
    status, body = post(inbox.url, package, token=token)
    assert (status, body) == (401, {"error": "missing or wrong bearer token"})
    assert inbox.package_ids() == []


def test_a_key_that_is_not_the_manifest_hash_is_refused_with_409(inbox, package):
    status, body = post(inbox.url, package, key="0" * 64)
    assert status == 409
    assert package.package_id in body["error"]
    assert inbox.package_ids() == []


def test_a_flipped_byte_in_the_pdf_is_refused_naming_the_file(inbox, package):
    tampered = package.replaced(return_pdf=flip_signed_byte(package.parts["return.pdf"]))
    status, body = post(inbox.url, tampered)
    assert status == 422
    assert body["error"].startswith("return.pdf (roster_2026Q4_")
    assert "SHA-256" in body["error"]
    assert inbox.package_ids() == []


def test_a_tampered_pdf_with_a_matching_manifest_fails_the_signature_check(inbox, package):
    tampered = package.replaced(return_pdf=flip_signed_byte(package.parts["return.pdf"]))
    status, body = post(inbox.url, tampered.with_manifest_for_files())
    assert status == 422
    assert "Verification FAILED" in body["error"]
    assert "the file was changed after signing" in body["error"]
    assert inbox.package_ids() == []


def test_an_unsigned_pdf_is_refused(inbox, package):
    unsigned = package.replaced(return_pdf=make_pdf("会员花名册")).with_manifest_for_files()
    status, body = post(inbox.url, unsigned)
    assert (status, body) == (422, {"error": "return.pdf: This file carries no digital signature."})


def test_data_that_does_not_match_the_manifest_is_refused(inbox, package):
    data = json.loads(package.parts["data.json"])
    data["members"] = data["members"][:1]
    changed = package.replaced(data_json=json.dumps(data, ensure_ascii=False).encode())
    status, body = post(inbox.url, changed)
    assert status == 422
    assert body["error"].startswith("data.json (roster_2026Q4_")
    assert "differs from the manifest" in body["error"]


def test_a_missing_part_is_a_bad_request(inbox, package):
    parts = dict(package.parts)
    del parts["data.json"]
    status, body = post(inbox.url, Package(parts))
    assert status == 400
    assert "missing: data.json" in body["error"]


def test_a_body_over_the_limit_is_refused_with_413(tmp_path, package):
    with InboxServer(tmp_path / "inbox", TOKEN, max_body=10_000) as small:
        status, body = post(small.url, package)
        assert status == 413
        assert "10000 bytes" in body["error"]
        # the connection was drained, not reset: the inbox still answers
        assert get(small.url)[0] == 200


def test_a_package_that_cannot_be_stored_is_a_server_error_and_leaves_nothing(inbox, package):
    blocker = inbox.folder / package.package_id
    blocker.mkdir()
    (blocker / "someone-elses-file").write_bytes(b"x")
    status, body = post(inbox.url, package)
    assert status == 500
    assert body["error"].startswith("cannot store: ")
    assert str(inbox.folder) not in body["error"]
    assert [p.name for p in inbox.folder.iterdir()] == [package.package_id]  # no staging left
    assert inbox.package_ids() == []


def test_other_paths_are_not_found(inbox):
    assert get(inbox.url, "/packages")[0] == 404
    assert get(inbox.url, "/")[0] == 404


# --- fault injection -----------------------------------------------------------------------


def test_a_dropped_answer_then_a_retry_stores_the_package_once(inbox, package):
    inbox.drop_response_rate = 1.0
    with pytest.raises(http.client.RemoteDisconnected):
        post(inbox.url, package)
    assert inbox.package_ids() == [package.package_id]  # stored before the answer was dropped
    stored = inbox.receipt(package.package_id)

    inbox.drop_response_rate = 0.0
    assert post(inbox.url, package) == (200, stored)
    assert (inbox.stored_count, inbox.stats().dropped) == (1, 1)


def test_failures_follow_the_seeded_draws_and_store_nothing(tmp_path, package):
    draws = random.Random(7)
    expected = [draws.random() < 0.5 for _ in range(12)]
    with InboxServer(tmp_path / "inbox", TOKEN, fail_rate=0.5, seed=7) as flaky:
        statuses = [post(flaky.url, package)[0] for _ in range(12)]
        assert flaky.stats().failed == sum(expected)
    assert [status == 500 for status in statuses] == expected
    accepted = [status for status in statuses if status != 500]
    assert accepted == [201] + [200] * (len(accepted) - 1)


def test_a_client_that_times_out_finds_its_package_stored_on_retry(tmp_path, package):
    with InboxServer(tmp_path / "inbox", TOKEN, delay=0.6) as slow:
        with pytest.raises(TimeoutError):
            post(slow.url, package, timeout=0.2)
        status, receipt = post(slow.url, package, timeout=5)
        assert status == 200
        assert receipt == slow.receipt(package.package_id)
        assert slow.stored_count == 1


def test_rates_outside_zero_to_one_are_refused(tmp_path):
    with pytest.raises(ValueError):
        InboxServer(tmp_path, TOKEN, fail_rate=1.5)
    with pytest.raises(ValueError):
        InboxServer(tmp_path, "")


# --- health, log, TLS -------------------------------------------------------------------------


def test_health_answers_ok_only_with_the_token(inbox):
    assert get(inbox.url) == (200, {"status": "ok"})
    assert get(inbox.url, token="nope")[0] == 401


def test_each_request_logs_one_line_without_the_token(inbox, package, capsys):
    post(inbox.url, package)
    post(inbox.url, package, token="wrong-token")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert f"POST /packages 201 {package.package_id[:12]} IN-" in lines[0]
    assert "POST /packages 401" in lines[1]
    assert TOKEN not in "".join(lines) and "wrong-token" not in "".join(lines)


def test_https_with_the_servers_own_ca(tmp_path):
    cert_file, key_file = _self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert_file, key_file)
    with InboxServer(tmp_path / "inbox", TOKEN, tls=tls) as secure:
        assert secure.url.startswith("https://127.0.0.1:")
        trusting = ssl.create_default_context(cafile=str(cert_file))
        assert get(secure.url, context=trusting) == (200, {"status": "ok"})
        with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):
            get(secure.url, context=ssl.create_default_context())


def _self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "inbox test CA")])
    now = datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "inbox.pem", folder / "inbox.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


# --- the multipart reader -------------------------------------------------------------------


@given(
    st.dictionaries(
        st.sampled_from(["manifest.json", "return.pdf", "data.json", "名字.txt"]),
        st.binary(max_size=300).filter(lambda b: BOUNDARY.encode() not in b),
        min_size=1,
    )
)
def test_any_binary_content_comes_back_byte_for_byte(parts):
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    assert parse_multipart(content_type, b"preamble\r\n" + multipart(parts)) == parts


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/json", b"{}", "multipart/form-data"),
        (f"multipart/form-data; boundary={BOUNDARY}", b"no boundary", "no multipart boundary"),
        (
            f"multipart/form-data; boundary={BOUNDARY}",
            multipart({"a": b"1"})[: -len(BOUNDARY) - 6],
            "closing multipart boundary",
        ),
        (
            f"multipart/form-data; boundary={BOUNDARY}",
            multipart({"a": b"1"}).replace(b"form-data; ", b"attachment; "),
            "Content-Disposition",
        ),
    ],
)
def test_malformed_bodies_are_bad_requests(content_type, body, message):
    with pytest.raises(Refused, match=message) as refused:
        parse_multipart(content_type, body)
    assert refused.value.status == 400


def test_a_repeated_part_is_a_bad_request():
    body = multipart({"a": b"1"}).removesuffix(f"--{BOUNDARY}--\r\n".encode()) + multipart(
        {"a": b"2"}
    )
    with pytest.raises(Refused, match="appears twice"):
        parse_multipart(f"multipart/form-data; boundary={BOUNDARY}", body)
