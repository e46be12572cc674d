"""Fixtures of the transport tests: real servers on 127.0.0.1 (see transport_helpers)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from transport_helpers import (
    DAV_PASSWORD,
    DAV_USER,
    FakeReceiver,
    TlsFiles,
    make_package,
    make_tls,
    start_receiver,
    stop_receiver,
)

from unionDesk.sync.base import Package


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Loopback servers are reached directly even when the machine sets a proxy."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def package(tmp_path) -> Package:
    return make_package(tmp_path / "outbox")


@pytest.fixture
def receiver() -> Iterator[FakeReceiver]:
    started, thread = start_receiver()
    yield started
    stop_receiver(started, thread)


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory) -> TlsFiles:
    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def tls_receiver(tls_files) -> Iterator[FakeReceiver]:
    started, thread = start_receiver(tls_files.context)
    yield started
    stop_receiver(started, thread)


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class DavServer:
    root: Path
    url: str
    log: list[tuple[str, str]]


@pytest.fixture
def dav_server(tmp_path) -> Iterator[DavServer]:
    """WsgiDAV over a folder, Basic auth only, every request's method and path logged."""
    from cheroot import wsgi
    from wsgidav.wsgidav_app import WsgiDAVApp

    root = tmp_path / "dav"
    (root / "上报").mkdir(parents=True)
    app = WsgiDAVApp(
        {
            "provider_mapping": {"/": str(root)},
            "simple_dc": {"user_mapping": {"*": {DAV_USER: {"password": DAV_PASSWORD}}}},
            "http_authenticator": {
                "accept_basic": True,
                "accept_digest": False,
                "default_to_digest": False,
            },
            "verbose": 0,
            "logging": {"enable": False},
        }
    )
    log: list[tuple[str, str]] = []

    def logged(environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "replace")
        log.append((environ["REQUEST_METHOD"], path))
        return app(environ, start_response)

    server = wsgi.Server(("127.0.0.1", 0), logged)
    server.prepare()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    port = server.bind_addr[1]
    yield DavServer(root, f"http://127.0.0.1:{port}/上报", log)
    server.stop()
    thread.join(5)
