"""The WebDAV destination (Nextcloud, 坚果云 and similar): one folder per package.

``MKCOL {url}/{package_id}/`` (405: it exists already, fine), then ``PUT`` of ``return.pdf``,
``data.json`` and ``manifest.json`` last: the manifest is the commit marker, so a receiver that
sees it knows the other two files are complete. Sending again after a lost answer rewrites the
same files in the same folder, so nothing is ever stored twice. Basic authentication.
"""

from __future__ import annotations

import base64
from datetime import datetime

from unionDesk.sync.base import Package, Receipt, RetryLater
from unionDesk.sync.http import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    HttpClient,
    raise_for_status,
)

_CONTENT_TYPES = {"return.pdf": "application/pdf"}
_ALREADY_EXISTS = 405  # MKCOL on an existing collection


class WebDavTransport:
    """Delivers packages into a WebDAV folder.

    Args:
        url: the folder's URL, such as ``https://dav.example.org/remote.php/dav/files/gh/上报``.
        username: the account's user name.
        password: its password (an app password for most services).
        cafile: a PEM file of the server's own certificate authority, if it has one.
        connect_timeout: seconds to connect.
        read_timeout: seconds to wait for each answer.
    """

    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        *,
        cafile: str = "",
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.url = url.strip().rstrip("/") + "/"
        credentials = f"{username}:{password}".encode()
        self._auth = {"Authorization": "Basic " + base64.b64encode(credentials).decode("ascii")}
        self._client = HttpClient(
            cafile=cafile, connect_timeout=connect_timeout, read_timeout=read_timeout
        )

    def send(self, package: Package) -> Receipt:
        """Create the package's folder and upload its files, the manifest last.

        Raises:
            RetryLater: 5xx, 3xx, timeouts and connection failures.
            Rejected: 401, 403, 404, 409 and other client errors, with the server's message.
        """
        folder = f"{self.url}{package.package_id}/"
        created = self._client.request("MKCOL", folder, self._auth)
        if created.status != _ALREADY_EXISTS:
            raise_for_status(created, "WebDAV MKCOL")
        for name, path in package.files_in_order():
            headers = {
                **self._auth,
                "Content-Type": _CONTENT_TYPES.get(name, "application/json"),
            }
            stored = self._client.request("PUT", folder + name, headers, path.read_bytes())
            raise_for_status(stored, f"WebDAV PUT {name}")
        return Receipt(f"webdav:{package.package_id[:16]}", datetime.now().astimezone())

    def probe(self) -> None:
        """``PROPFIND`` the folder (depth 0): reachable, credentials accepted, folder exists."""
        headers = {**self._auth, "Depth": "0", "Content-Length": "0"}
        answer = self._client.request("PROPFIND", self.url, headers)
        raise_for_status(answer, "WebDAV")
        if answer.status not in (200, 207):
            raise RetryLater(f"WebDAV {answer.status}: {answer.message()}")
