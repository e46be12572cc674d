"""Uploads due outbox items in the background, on a thread of its own.

Not on the database worker: a destination that hangs (up to the transport's timeouts) must
delay neither the screens' queries nor the GUI. The thread sleeps until the next item is due,
or until poked (the user pressed 立即上报, a return was queued, the network came back).
While items wait in 失败待重试, it asks their destinations every 30 seconds whether they answer
again (a cheap probe request), and when one does, makes the waiting items due at once.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.outbox import OutboxState
from unionDesk.paths import AppPaths
from unionDesk.services.database import Database
from unionDesk.services.destinations import probe_destination
from unionDesk.services.outbox import SendReport, list_items, next_due_at, send_due, send_now

log = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 60.0  # look at the outbox at least this often
PROBE_SECONDS = 30.0  # between connectivity probes while items wait to be retried
STOP_SECONDS = 5.0  # how long ``stop`` waits for a send in progress
MIN_WAIT_SECONDS = 1.0  # never spin, even if an item stays due after a round


def seconds_until(moment: datetime) -> float:
    """Seconds from now until ``moment`` (naive times are local), negative when past."""
    now = datetime.now(moment.tzinfo) if moment.tzinfo is not None else datetime.now()
    return (moment - now).total_seconds()


class BackgroundSender(QObject):
    """Sends what is due in the outbox on its own thread; reports each round to the GUI.

    Signals:
        round_finished(object): a sending round ended; its ``SendReport``. Always emitted on
            the thread the sender lives on (the GUI thread).
    """

    round_finished = Signal(object)
    _reported = Signal(object)  # emitted from the sending thread

    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        actor: Actor,
        parent: QObject | None = None,
        *,
        probe_seconds: float = PROBE_SECONDS,
        max_wait_seconds: float = MAX_WAIT_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._db, self._paths, self._actor = db, paths, actor
        self._probe_seconds, self._max_wait = probe_seconds, max_wait_seconds
        self._wake = threading.Event()
        self._probe_due = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._network: QNetworkInformation | None = None
        self._reported.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- what the GUI calls ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether the sending thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the sending thread (and listen to the system's network hints)."""
        if self.running:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="uniondesk-sender", daemon=True)
        self._thread.start()
        self._watch_network()

    def poke(self) -> None:
        """Look at the outbox now, and ask waiting destinations whether they answer again."""
        self._probe_due.set()
        self._wake.set()

    def stop(self, timeout: float = STOP_SECONDS) -> bool:
        """Stop the thread; True when it ended within ``timeout`` seconds.

        A send in progress is not interrupted: the transport's timeouts end it. The thread is a
        daemon, so one still finishing a send never keeps the program from exiting.
        """
        self._stopping.set()
        self._wake.set()
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._on_reachability)
            self._network = None
        if self._thread is None:
            return True
        self._thread.join(timeout)
        stopped = not self._thread.is_alive()
        if not stopped:
            log.warning("the upload thread is still finishing a send")
        return stopped

    def _watch_network(self) -> None:
        """Poke when the system says the network is back; a hint only, never relied on."""
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            return
        network = QNetworkInformation.instance()
        if network is not None:
            network.reachabilityChanged.connect(self._on_reachability)
            self._network = network

    @Slot(QNetworkInformation.Reachability)
    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.poke()

    @Slot(object)
    def _deliver(self, report: SendReport) -> None:
        self.round_finished.emit(report)

    # --- on the sending thread ------------------------------------------------------------

    def _run(self) -> None:
        next_probe = time.monotonic() + self._probe_seconds
        while not self._stopping.is_set():
            self._wake.clear()
            self._send_round()
            if self._stopping.is_set():
                break
            if self._probe_due.is_set() or time.monotonic() >= next_probe:
                self._probe_due.clear()
                next_probe = time.monotonic() + self._probe_seconds
                if self._probe_waiting():
                    continue  # a destination answers again: send its items at once
            self._wake.wait(self._seconds_to_wait(next_probe))

    def _send_round(self) -> None:
        try:
            report = send_due(self._db, self._paths)
        except Exception:  # a bug or a vanished database: logged, tried again later
            log.exception("upload round failed")
            return
        self._reported.emit(report)

    def _probe_waiting(self) -> bool:
        """Probe the destinations of items waiting to be retried; True if one answered."""
        if not self._actor.may(Permission.MAKE_RETURNS):
            return False  # the scheduled retries still run; only the early start needs this
        try:
            items = list_items(self._db, self._actor)
            waiting = sorted({i.destination_id for i in items if i.state is OutboxState.FAILED})
            for destination_id in waiting:
                if self._stopping.is_set():
                    return False
                if probe_destination(self._db, self._paths, destination_id).ok:
                    send_now(self._db, self._actor)
                    return True
        except Exception:
            log.exception("connectivity probe failed")
        return False

    def _seconds_to_wait(self, next_probe: float) -> float:
        wait = min(self._max_wait, next_probe - time.monotonic())
        try:
            due = next_due_at(self._db)
        except Exception:
            log.exception("could not read when the next upload is due")
            due = None
        if due is not None:
            wait = min(wait, seconds_until(due))
        return max(wait, MIN_WAIT_SECONDS)
