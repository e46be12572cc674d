"""Real servers on 127.0.0.1 for the transport tests: a scriptable HTTP receiver, TLS files."""

from __future__ import annotations

import hashlib
import json
import socket
import ssl
import struct
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from unionDesk.sync.base import Package

TOKEN = "tok-3f9a2c7d1e"
RECEIVED_AT = "2026-11-21T10:05:00+08:00"
DAV_USER = "gonghui"
DAV_PASSWORD = "Dav-pass-2026"


def make_package(folder: Path, marker: str = "1") -> Package:
    """A package as the outbox stores it: fixed names, a manifest listing both files' digests."""
    pdf = b"%PDF-1.7\n% test package " + marker.encode() + b"\n%%EOF\n"
    data = json.dumps({"return_type": "roster", "marker": marker}, ensure_ascii=False).encode()
    manifest = json.dumps(
        {
            "files": [
                {"name": "roster.pdf", "sha256": hashlib.sha256(pdf).hexdigest()},
                {"name": "roster.json", "sha256": hashlib.sha256(data).hexdigest()},
            ],
            "union_code": "91110105MA01ABCD1X",
            "period": "2026Q4",
        }
    ).encode()
    package_id = hashlib.sha256(manifest).hexdigest()
    home = folder / package_id
    home.mkdir(parents=True)
    for name, content in (("manifest.json", manifest), ("return.pdf", pdf), ("data.json", data)):
        (home / name).write_bytes(content)
    return Package(package_id, home / "manifest.json", home / "return.pdf", home / "data.json")


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Answer:
    """What the receiver does with the next request."""

    kind: str  # "status", "receipt", "hang", "reset", "drop"
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


class FakeReceiver:
    """A scriptable receiver: by default it answers a POST with a receipt (201 new, 200 known)."""

    def __init__(self, server: ThreadingHTTPServer, scheme: str = "http") -> None:
        self.server = server
        self.scheme = scheme
        self.requests: list[Recorded] = []
        self.script: deque[Answer] = deque()
        self.known: set[str] = set()
        self.release = threading.Event()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def answer(
        self,
        status: int,
        payload: object = None,
        *,
        text: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        if text is not None:
            body, content_type = text.encode(), "text/plain; charset=utf-8"
        else:
            body, content_type = (
                json.dumps(payload, ensure_ascii=False).encode(),
                "application/json",
            )
        self.script.append(Answer("status", status, body, content_type, headers or {}))

    def then(self, kind: str) -> None:
        self.script.append(Answer(kind))


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def _serve(self) -> None:
        receiver: FakeReceiver = self.server.receiver  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        receiver.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
        answer = receiver.script.popleft() if receiver.script else Answer("receipt")
        if answer.kind == "hang":
            receiver.release.wait(10)
            self.close_connection = True
            return
        if answer.kind in ("reset", "drop"):
            if answer.kind == "reset":  # RST instead of FIN
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
            self.close_connection = True
            return
        if answer.kind == "receipt":
            key = self.headers.get("Idempotency-Key", "")
            status = 200 if key in receiver.known else 201
            receiver.known.add(key)
            payload = {"receipt_id": f"R-{key[:8]}", "received_at": RECEIVED_AT, "package_id": key}
            answer = Answer("status", status, json.dumps(payload).encode())
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)

    do_GET = do_POST = do_PUT = do_MKCOL = do_PROPFIND = _serve


def start_receiver(context: ssl.SSLContext | None = None) -> tuple[FakeReceiver, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    receiver = FakeReceiver(server, "https" if context else "http")
    server.receiver = receiver  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return receiver, thread


def stop_receiver(receiver: FakeReceiver, thread: threading.Thread) -> None:
    receiver.release.set()
    receiver.server.shutdown()
    receiver.server.server_close()
    thread.join(5)


@dataclass(frozen=True)
class TlsFiles:
    ca: Path
    context: ssl.SSLContext


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_tls(folder: Path) -> TlsFiles:
    """A test CA ("a provincial union's own CA") and a server certificate for 127.0.0.1."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Provincial Union CA"))
        .issuer_name(_name("Test Provincial Union CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]), False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_path = folder / "ca.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    chain = folder / "server.pem"
    chain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + server.public_bytes(serialization.Encoding.PEM)
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain)
    return TlsFiles(ca_path, context)
