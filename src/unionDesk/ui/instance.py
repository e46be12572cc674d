"""One running instance per data folder (DESIGN.md 8).

A ``QLockFile`` in the data folder is the real guard (stale locks of crashed processes are
detected by Qt); a ``QLocalServer`` lets a second start ask the first window to come forward.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from unionDesk.paths import AppPaths

_ACTIVATE = b"activate"
_TIMEOUT_MS = 500


def server_name(paths: AppPaths) -> str:
    """A per-data-folder name for the local socket."""
    return "uniondesk-" + hashlib.sha256(str(paths.root).encode()).hexdigest()[:16]


class SingleInstance(QObject):
    """Holds the instance lock; emits ``activation_requested`` when a second start knocks."""

    activation_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._lock = QLockFile(str(paths.instance_lock))
        self._lock.setStaleLockTime(0)  # never expire while the owner process is alive
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another live instance holds it (and it was asked to show)."""
        if not self._lock.tryLock(_TIMEOUT_MS):
            self._knock()
            return False
        self._listen()
        return True

    def release(self) -> None:
        """Give the lock back (at exit)."""
        if self._server is not None:
            self._server.close()
            # Deleted by Qt on this thread: left to Python's garbage collector, it could be
            # destroyed from the worker thread, where its socket notifier does not belong.
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def _listen(self) -> None:
        name = server_name(self._paths)
        QLocalServer.removeServer(name)  # a crashed owner may have left the socket file
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(name)

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if (
            socket is not None
            and socket.waitForReadyRead(_TIMEOUT_MS)
            and socket.readAll().data() == _ACTIVATE
        ):
            self.activation_requested.emit()
        if socket is not None:
            socket.disconnectFromServer()

    def _knock(self) -> None:
        socket = QLocalSocket(self)
        socket.connectToServer(server_name(self._paths))
        if socket.waitForConnected(_TIMEOUT_MS):
            socket.write(_ACTIVATE)
            socket.waitForBytesWritten(_TIMEOUT_MS)
            socket.disconnectFromServer()
        socket.deleteLater()
