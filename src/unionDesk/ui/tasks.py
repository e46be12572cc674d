"""One background worker for all database work; results come back to the GUI thread by signal.

SQLite likes one writer, and the GUI thread must never wait on the disk, so every service call
from the ui goes through ``TaskRunner.run``. Callbacks run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner(QObject):
    """Runs callables on a single worker thread and delivers their outcome on the GUI thread."""

    _finished = Signal(object)  # a (future, on_success, on_failure) tuple, emitted from the worker
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="uniondesk-db")
        self._pending = 0
        # Always queued: when the work finishes before add_done_callback is reached, Python
        # runs the callback at once on the GUI thread, and a direct connection would then call
        # on_success inside run(), before its caller has returned.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``work()`` on the worker; call ``on_success(result)`` or ``on_failure(error)``."""
        self._set_pending(self._pending + 1)
        future = self._executor.submit(work)
        future.add_done_callback(lambda done: self._finished.emit((done, on_success, on_failure)))
        return future

    @Slot(object)
    def _deliver(
        self,
        item: tuple[Future[Any], Callable[[Any], None], Callable[[BaseException], None] | None],
    ) -> None:
        future, on_success, on_failure = item
        self._set_pending(self._pending - 1)
        error = future.exception()
        if _receiver_deleted(on_failure if error is not None and on_failure else on_success):
            # The widget waiting for this closed meanwhile (a dialog shut while it loaded): the
            # work itself is done; there is nothing left to show it in.
            if error is not None:
                log.error("background task failed after its window closed", exc_info=error)
            return
        if error is None:
            on_success(future.result())
        elif on_failure is not None:
            on_failure(error)
        else:
            log.error("background task failed", exc_info=error)
            raise error

    def _set_pending(self, count: int) -> None:
        was_busy, self._pending = self._pending > 0, count
        if was_busy != (count > 0):
            self.busy_changed.emit(count > 0)

    @property
    def idle(self) -> bool:
        """Whether no task is queued, running, or waiting to be delivered."""
        return self._pending == 0

    def shutdown(self) -> None:
        """Wait for running work and stop the worker (at exit and in test teardown)."""
        self._executor.shutdown(wait=True)


def _receiver_deleted(callback: Callable[..., None]) -> bool:
    """Whether ``callback`` belongs to, or closes over, a Qt object that was deleted.

    Covers bound methods (``self._show``) and lambdas over ``self`` (``lambda r: self._show(r)``);
    calling either on a deleted widget would raise in the event loop.
    """
    owners = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    return any(isinstance(o, QObject) and not shiboken6.isValid(o) for o in owners)
