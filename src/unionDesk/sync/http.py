"""The HTTP(S) destination: ``POST {base}/packages`` with a bearer token (docs/upload-protocol.md).

201 or 200 with a JSON receipt means delivered (200: the server already had the package, found
by its ``Idempotency-Key``). Any other 4xx means rejected, with the server's message; 5xx,
timeouts and connection failures mean "try again later". Also home of ``HttpClient``, the small
urllib client the WebDAV transport uses too: separate connect and read timeouts, TLS verified
against the system's CAs plus an optional CA file, redirects never followed.
"""

from __future__ import annotations

import functools
import http.client
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from typing import Any

from unionDesk import __version__
from unionDesk.sync.base import Package, Receipt, Rejected, RetryLater, shorten

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
MAX_RESPONSE_BYTES = 64 * 1024
# Client errors that say "not now" rather than "never": request timeout, locked, too many.
TRANSIENT_4XX = frozenset({408, 423, 429})
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


@dataclass(frozen=True)
class HttpResponse:
    """A response of any status, with (the start of) its body."""

    status: int
    reason: str
    headers: Message
    body: bytes

    def message(self) -> str:
        """The server's own words: a JSON ``error`` field, else the body text, else the reason."""
        text = self.body.decode("utf-8", errors="replace").strip()
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), str):
            text = parsed["error"]
        return shorten(text or self.reason)

    def describe(self, prefix: str = "HTTP") -> str:
        """``HTTP 401: <the server's message>``."""
        return f"{prefix} {self.status}: {self.message()}"


class _TimedHTTPConnection(http.client.HTTPConnection):
    """Connects within the connect timeout, then waits up to the read timeout for data."""

    def __init__(self, *args: Any, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_timeout = read_timeout

    def connect(self) -> None:
        """Open the socket, then switch it to the read timeout."""
        super().connect()
        self.sock.settimeout(self._read_timeout)


class _TimedHTTPSConnection(http.client.HTTPSConnection):
    """The TLS variant: the handshake still runs under the connect timeout."""

    def __init__(self, *args: Any, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_timeout = read_timeout

    def connect(self) -> None:
        """Open the socket and finish the TLS handshake, then switch to the read timeout."""
        super().connect()
        self.sock.settimeout(self._read_timeout)


class _HttpHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._read_timeout = read_timeout

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = functools.partial(_TimedHTTPConnection, read_timeout=self._read_timeout)
        return self.do_open(factory, req)


class _HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext, read_timeout: float) -> None:
        super().__init__(context=context)
        self._tls = context
        self._read_timeout = read_timeout

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = functools.partial(_TimedHTTPSConnection, read_timeout=self._read_timeout)
        return self.do_open(factory, req, context=self._tls)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect comes back as its 3xx response: a POST must never silently become a GET."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def quote_url(url: str) -> str:
    """``url`` with its path percent-encoded (a WebDAV folder may be named in Chinese)."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit(parts._replace(path=urllib.parse.quote(parts.path, _PATH_SAFE)))


class HttpClient:
    """Makes one request at a time and returns the response whatever its status.

    Args:
        cafile: a PEM file of extra certificate authorities trusted besides the system's.
        connect_timeout: seconds to connect (and finish the TLS handshake).
        read_timeout: seconds to wait for each piece of the answer.
    """

    def __init__(
        self,
        *,
        cafile: str = "",
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.cafile = cafile
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._opener: urllib.request.OpenerDirector | None = None

    def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None = None
    ) -> HttpResponse:
        """Send the request and read the answer.

        Raises:
            RetryLater: no answer: connection refused or reset, timeout, TLS failure, or the
                CA file cannot be read.
            Rejected: the request itself is invalid (a header value that is not ASCII).
        """
        target = quote_url(url)
        request = urllib.request.Request(target, data=body, method=method)
        for name, value in {"User-Agent": f"UnionDesk/{__version__}", **headers}.items():
            request.add_header(name, value)
        host = urllib.parse.urlsplit(target).netloc
        try:
            with self._open(request) as answer:
                return HttpResponse(
                    answer.status, answer.reason, answer.headers, answer.read(MAX_RESPONSE_BYTES)
                )
        except urllib.error.HTTPError as error:
            payload = _read_quietly(error)
            error.close()
            return HttpResponse(error.code, str(error.reason), error.headers, payload)
        except urllib.error.URLError as error:
            raise RetryLater(f"cannot connect to {host}: {_reason(error.reason)}") from error
        except TimeoutError as error:
            raise RetryLater(f"{host} did not answer within {self.read_timeout:g} s") from error
        except (http.client.HTTPException, OSError) as error:
            raise RetryLater(f"the connection to {host} failed: {_reason(error)}") from error
        except ValueError as error:  # e.g. a token that cannot travel in a header
            raise Rejected(f"the request to {host} cannot be made: {_reason(error)}") from error

    def _open(self, request: urllib.request.Request) -> Any:
        if self._opener is None:
            self._opener = urllib.request.build_opener(
                _HttpHandler(self.read_timeout),
                _HttpsHandler(self._tls_context(), self.read_timeout),
                _NoRedirects(),
            )
        return self._opener.open(request, timeout=self.connect_timeout)

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.cafile:
            try:
                context.load_verify_locations(cafile=self.cafile)
            except (OSError, ssl.SSLError) as error:
                raise RetryLater(
                    f"the CA file {self.cafile} cannot be read: {_reason(error)}"
                ) from error
        return context


def _read_quietly(error: urllib.error.HTTPError) -> bytes:
    try:
        return error.read(MAX_RESPONSE_BYTES)
    except (OSError, http.client.HTTPException):
        return b""


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"the server's certificate is not trusted ({error.verify_message})"
    text = str(error) or type(error).__name__
    return shorten(text)


def raise_for_status(response: HttpResponse, prefix: str = "HTTP") -> None:
    """Turn a failed status into the outbox's two failures; 2xx passes.

    Raises:
        RetryLater: 3xx (a redirect is never followed), 5xx, 408, 423, 429.
        Rejected: any other 4xx, with the server's message.
    """
    status = response.status
    if 200 <= status < 300:
        return
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        raise RetryLater(
            f"{prefix} {status}: the server redirects to {location or 'another address'}; "
            "check the destination's address"
        )
    if 400 <= status < 500 and status not in TRANSIENT_4XX:
        raise Rejected(response.describe(prefix))
    raise RetryLater(response.describe(prefix))


class HttpTransport:
    """Delivers packages to a higher-level union's HTTP(S) endpoint.

    Args:
        base_url: the endpoint's base, such as ``https://upload.example.org/api``.
        token: the bearer token the higher-level union issued.
        cafile: a PEM file of the server's own certificate authority, if it has one.
        connect_timeout: seconds to connect.
        read_timeout: seconds to wait for the answer.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        cafile: str = "",
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.base_url = base_url.strip().rstrip("/")
        self._token = token
        self._client = HttpClient(
            cafile=cafile, connect_timeout=connect_timeout, read_timeout=read_timeout
        )

    def send(self, package: Package) -> Receipt:
        """POST the package; see the module docstring for the outcomes."""
        parts = [
            ("manifest.json", "application/json", package.manifest.read_bytes()),
            ("return.pdf", "application/pdf", package.pdf.read_bytes()),
            ("data.json", "application/json", package.data.read_bytes()),
        ]
        content_type, body = multipart_body(parts)
        headers = {
            **self._auth(),
            "Idempotency-Key": package.package_id,
            "Content-Type": content_type,
            "Accept": "application/json",
        }
        response = self._client.request("POST", f"{self.base_url}/packages", headers, body)
        raise_for_status(response)
        if response.status not in (200, 201):
            raise RetryLater(f"HTTP {response.status} is not a receipt: {response.message()}")
        return _receipt(response, package.package_id)

    def probe(self) -> None:
        """GET ``{base}/health``: 200 means reachable and the token accepted."""
        headers = {**self._auth(), "Accept": "application/json"}
        response = self._client.request("GET", f"{self.base_url}/health", headers)
        raise_for_status(response)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}


def multipart_body(parts: list[tuple[str, str, bytes]]) -> tuple[str, bytes]:
    """A ``multipart/form-data`` body of (name, content type, content) parts.

    Each part's form field name and file name are its ``name``. Returns the Content-Type header
    value (with the boundary) and the body.
    """
    boundary = uuid.uuid4().hex
    while any(boundary.encode("ascii") in content for _, _, content in parts):
        boundary = uuid.uuid4().hex
    chunks: list[bytes] = []
    for name, content_type, content in parts:
        head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{name}"; filename="{name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        chunks += [head.encode("ascii"), content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return f"multipart/form-data; boundary={boundary}", b"".join(chunks)


def _receipt(response: HttpResponse, package_id: str) -> Receipt:
    try:
        answer = json.loads(response.body.decode("utf-8"))
        receipt_id = answer["receipt_id"]
        received_at = datetime.fromisoformat(answer["received_at"])
    except (ValueError, KeyError, TypeError) as error:
        raise RetryLater(
            f"HTTP {response.status} without a readable receipt: {response.message()}"
        ) from error
    if not isinstance(receipt_id, str) or not receipt_id.strip():
        raise RetryLater(f"HTTP {response.status} without a receipt id: {response.message()}")
    answered_for = answer.get("package_id", package_id)
    if answered_for != package_id:
        raise Rejected(f"HTTP {response.status}: the receipt is for another package")
    if received_at.tzinfo is None:
        received_at = received_at.astimezone()
    return Receipt(receipt_id.strip(), received_at)
