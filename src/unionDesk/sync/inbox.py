"""The reference receiver of the upload protocol (``docs/upload-protocol.md``): an HTTP inbox.

It checks each package the way a higher-level union should (bearer token, idempotency key, each
file's SHA-256 against the manifest, the PDF's signatures) and stores it once, under its package
id. For tests it fails on purpose when asked: it answers 500, answers late, or stores a package
and then drops the answer, so a client has to retry and must get the same receipt back.
"""

from __future__ import annotations

import hmac
import json
import random
import re
import ssl
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from unionDesk.domain.messages import untranslated
from unionDesk.services.verification import UnreadablePdf, describe, verify_pdf
from unionDesk.sync.inbox_package import (
    PART_NAMES,
    Refused,
    check_package,
    parse_multipart,
    store_folder,
)

__all__ = ["PART_NAMES", "Answer", "InboxServer", "InboxStats", "Refused"]
RECEIPT_FILE = "receipt.json"  # written last: a package folder without it is not stored
VERIFICATION_FILE = "verification.json"
MAX_BODY = 50 * 1024 * 1024
DRAIN_LIMIT = 4 * MAX_BODY  # a refused body larger than this is not read: the connection closes
SOCKET_TIMEOUT = 60.0
POLL_INTERVAL = 0.1  # how soon stop() takes effect


@dataclass(frozen=True)
class InboxStats:
    """What the inbox did since it started (a snapshot).

    Attributes:
        requests: requests answered or dropped, health probes included.
        stored: packages stored (each at most once).
        duplicates: packages sent again and answered 200 with their first receipt.
        rejected: requests refused with a 4xx status.
        failed: 500s answered on purpose (``fail_rate``).
        dropped: packages stored (or found stored) whose answer was dropped on purpose.
    """

    requests: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    failed: int = 0
    dropped: int = 0


@dataclass(frozen=True)
class Answer:
    """What the inbox answers: a status, its JSON body, and the package it concerns."""

    status: HTTPStatus
    body: dict[str, str]
    package_id: str = ""


class InboxServer:
    """An HTTP inbox storing each accepted package in ``folder/<package_id>/``.

    Args:
        folder: where packages are stored (created if missing).
        token: the bearer token clients must send.
        host: the address to listen on (loopback by default).
        port: the port; 0 picks a free one (see ``url``).
        fail_rate: share of package uploads answered 500 before anything is stored.
        delay: seconds to wait before each answer.
        drop_response_rate: share of accepted uploads stored, then closed without an answer.
        seed: seeds the random draws of the fault injection.
        trusted_pem: PEM certificates trusted when verifying (reported, not required).
        max_body: the largest request body accepted (413 above it).
        tls: serve HTTPS with this server-side context (for clients given a CA file).
    """

    def __init__(
        self,
        folder: Path,
        token: str,
        host: str = "127.0.0.1",
        port: int = 0,
        fail_rate: float = 0.0,
        delay: float = 0.0,
        drop_response_rate: float = 0.0,
        seed: int | None = None,
        trusted_pem: list[bytes] | None = None,
        *,
        max_body: int = MAX_BODY,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        if not token:
            raise ValueError("the inbox needs a token")
        rates = (fail_rate, drop_response_rate)
        if not all(0.0 <= rate <= 1.0 for rate in rates) or delay < 0 or max_body < 0:
            raise ValueError("rates must be within 0..1, the delay and size not negative")
        self.folder, self.token, self.host, self.port = Path(folder), token, host, port
        self.fail_rate, self.delay, self.drop_response_rate = fail_rate, delay, drop_response_rate
        self.trusted_pem = list(trusted_pem or [])
        self.max_body, self.tls = max_body, tls
        self._random = random.Random(seed)
        self._lock = threading.Lock()  # guards the random draws, the stats and _key_locks
        self._key_locks: dict[str, threading.Lock] = {}
        self._stats = InboxStats()
        self._http: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # --- running ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL clients send to, e.g. ``http://127.0.0.1:8765``."""
        if self._http is None:
            raise RuntimeError("the inbox is not listening yet")
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{self.host}:{self._http.server_address[1]}"

    def start(self) -> InboxServer:
        """Listen, and serve in a background thread; returns self."""
        http = self._bind()
        self._thread = threading.Thread(
            target=http.serve_forever, args=(POLL_INTERVAL,), name="inbox", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Listen, and serve in this thread until ``stop()`` is called from another one."""
        self._bind().serve_forever(POLL_INTERVAL)

    def stop(self) -> None:
        """Stop serving and close the listening socket (answers under way are not awaited)."""
        http, self._http = self._http, None
        if http is None:
            return
        http.shutdown()
        http.server_close()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> InboxServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _bind(self) -> _HttpServer:
        if self._http is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._http = _HttpServer((self.host, self.port), self)
            if self.tls is not None:  # the handshake happens in the request's own thread
                self._http.socket = self.tls.wrap_socket(
                    self._http.socket, server_side=True, do_handshake_on_connect=False
                )
        return self._http

    # --- what it holds ---------------------------------------------------------------------

    @property
    def stored_count(self) -> int:
        """Packages stored since this inbox started."""
        return self.stats().stored

    def stats(self) -> InboxStats:
        """A snapshot of what the inbox did since it started."""
        with self._lock:
            return self._stats

    def package_ids(self) -> list[str]:
        """Every package stored in the folder (by any run of the inbox), sorted."""
        return sorted(p.parent.name for p in self.folder.glob(f"*/{RECEIPT_FILE}"))

    def receipt(self, package_id: str) -> dict[str, str] | None:
        """The receipt of a stored package, or None."""
        file = self.folder / package_id / RECEIPT_FILE
        if not re.fullmatch(r"[0-9a-f]{64}", package_id) or not file.is_file():
            return None
        receipt: dict[str, str] = json.loads(file.read_text(encoding="utf-8"))
        return receipt

    # --- answering -------------------------------------------------------------------------

    def authorised(self, header: str | None) -> bool:
        """Whether an ``Authorization`` header carries this inbox's bearer token."""
        scheme, _, token = (header or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode("utf-8"), self.token.encode("utf-8")
        )

    def draw(self, rate: float) -> bool:
        """A seeded random draw that comes out True with probability ``rate``."""
        with self._lock:
            return rate > 0 and self._random.random() < rate

    def count(self, **changes: int) -> None:
        """Add to the stats (``count(stored=1)``)."""
        with self._lock:
            values = {k: getattr(self._stats, k) + v for k, v in changes.items()}
            self._stats = replace(self._stats, **values)

    def accept(self, content_type: str, key: str, body: bytes) -> Answer:
        """Check an upload and store it once: 201 new, 200 already stored.

        Raises:
            Refused: the package is refused (4xx), or cannot be stored (500).
        """
        parts = parse_multipart(content_type, body)
        check_package(parts, key)
        with self._key_lock(key):
            existing = self.receipt(key)
            if existing is not None:
                self.count(duplicates=1)
                return Answer(HTTPStatus.OK, existing, key)
            verification = self._verify(parts["return.pdf"])
            receipt = self._store(key, parts, verification)
        self.count(stored=1)
        return Answer(HTTPStatus.CREATED, receipt, key)

    @contextmanager
    def _key_lock(self, key: str) -> Iterator[None]:
        with self._lock:
            lock = self._key_locks.setdefault(key, threading.Lock())
        with lock:
            yield

    def _verify(self, pdf: bytes) -> dict[str, Any]:
        try:
            report = verify_pdf(pdf, self.trusted_pem)
        except UnreadablePdf as error:
            message = f"return.pdf: {error.problem.render(untranslated)}"
            raise Refused(HTTPStatus.UNPROCESSABLE_ENTITY, message) from None
        lines = describe(report, untranslated)
        if not report.ok:
            raise Refused(HTTPStatus.UNPROCESSABLE_ENTITY, "return.pdf: " + "\n".join(lines))
        trusted = all(check.trusted for check in report.signatures)
        return {"ok": True, "trusted": trusted, "lines": lines}

    def _store(
        self, package_id: str, parts: dict[str, bytes], verification: dict[str, Any]
    ) -> dict[str, str]:
        """Store the package and its receipt (written last) as one folder; the receipt."""
        received = datetime.now().astimezone().replace(microsecond=0)
        receipt = {
            "receipt_id": f"IN-{received:%Y%m%d-%H%M%S}-{package_id[:8]}",
            "received_at": received.isoformat(),
            "package_id": package_id,
        }
        contents = {
            **parts,
            VERIFICATION_FILE: _dump(verification),
            RECEIPT_FILE: _dump(receipt),
        }
        try:
            store_folder(self.folder, package_id, contents)
        except OSError as error:
            reason = error.strerror or type(error).__name__  # no server path in the answer
            raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot store: {reason}") from error
        return receipt


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], inbox: InboxServer) -> None:
        self.inbox = inbox
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line for a connection that broke (a failed TLS handshake...), no traceback."""
        error = sys.exc_info()[1]
        sys.stderr.write(
            f"{datetime.now():%Y-%m-%d %H:%M:%S} {client_address[0]} connection error: {error!r}\n"
        )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "UnionDeskInbox/1"
    timeout = SOCKET_TIMEOUT
    server: _HttpServer

    def do_GET(self) -> None:
        inbox = self.server.inbox
        if self._route() != "/health":
            answer = Answer(HTTPStatus.NOT_FOUND, {"error": "not found; try GET /health"})
        elif not inbox.authorised(self.headers.get("Authorization")):
            answer = _unauthorised()
        else:
            answer = Answer(HTTPStatus.OK, {"status": "ok"})
        self._finish(answer)

    def do_POST(self) -> None:
        inbox = self.server.inbox
        key = self.headers.get("Idempotency-Key", "").strip()
        try:
            body = self._body(inbox)
            if inbox.draw(inbox.fail_rate):
                inbox.count(failed=1)
                answer = Answer(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "injected failure"})
            else:
                answer = inbox.accept(self.headers.get("Content-Type", ""), key, body)
        except Refused as refused:
            answer = Answer(refused.status, {"error": refused.message}, key[:64])
        if answer.status in (HTTPStatus.OK, HTTPStatus.CREATED) and inbox.draw(
            inbox.drop_response_rate
        ):
            inbox.count(dropped=1)
            self._finish(answer, drop=True)
            return
        self._finish(answer)

    def _route(self) -> str:
        return re.sub("/+", "/", urlsplit(self.path).path).rstrip("/")

    def _body(self, inbox: InboxServer) -> bytes:
        """The request body, once the path, token and size are known to be acceptable."""
        length_text = self.headers.get("Content-Length")
        length = int(length_text) if length_text and length_text.isdigit() else None
        refusal: Refused | None = None
        if self._route() != "/packages":
            refusal = Refused(HTTPStatus.NOT_FOUND, "not found; send packages to POST /packages")
        elif not inbox.authorised(self.headers.get("Authorization")):
            refusal = Refused(HTTPStatus.UNAUTHORIZED, "missing or wrong bearer token")
        elif length is None:
            refusal = Refused(HTTPStatus.LENGTH_REQUIRED, "a Content-Length header is required")
        elif length > inbox.max_body:
            refusal = Refused(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the package is larger than {inbox.max_body} bytes",
            )
        if refusal is not None:
            self._discard(length)
            raise refusal
        assert length is not None
        body = self.rfile.read(length)
        if len(body) != length:  # the client went away mid-body
            self.close_connection = True
            raise Refused(HTTPStatus.BAD_REQUEST, "the body is shorter than its Content-Length")
        return body

    def _discard(self, length: int | None) -> None:
        """Read and drop a refused body, so the answer is not lost in a connection reset."""
        self.close_connection = True
        remaining = length if length is not None and length <= DRAIN_LIMIT else 0
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)

    def _finish(self, answer: Answer, *, drop: bool = False) -> None:
        inbox = self.server.inbox
        if inbox.delay:
            time.sleep(inbox.delay)
        inbox.count(requests=1, rejected=int(400 <= answer.status < 500))
        self._log(answer, drop=drop)
        if drop:  # stored, but the client never hears of it
            self.close_connection = True
            return
        content = json.dumps(answer.body, ensure_ascii=False).encode("utf-8")
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        if answer.status == HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", 'Bearer realm="uniondesk-inbox"')
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(content)

    def _log(self, answer: Answer, *, drop: bool) -> None:
        """One line per request on stderr: never a header's value, so never the token."""
        outcome = "dropped" if drop else str(int(answer.status))
        note = answer.body.get("error", answer.body.get("receipt_id", "")).splitlines()
        sys.stderr.write(
            f"{datetime.now():%Y-%m-%d %H:%M:%S} {self.client_address[0]} {self.command} "
            f"{self._route() or '/'} {outcome} {answer.package_id[:12] or '-'} "
            f"{note[0][:200] if note else ''}\n"
        )

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Silenced: ``_log`` writes the request's line."""

    def log_message(self, format: str, *args: Any) -> None:
        """Protocol errors found by http.server itself (a malformed request line...)."""
        sys.stderr.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} {format % args}\n")


def _unauthorised() -> Answer:
    return Answer(HTTPStatus.UNAUTHORIZED, {"error": "missing or wrong bearer token"})
