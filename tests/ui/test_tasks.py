"""The single database worker: results always arrive later, through the event loop."""

from concurrent.futures import Future

import shiboken6
from PySide6.QtWidgets import QLabel

from unionDesk.ui.tasks import TaskRunner


def test_a_result_is_never_delivered_inside_run(qtbot):
    runner = TaskRunner()
    try:
        done: Future[int] = Future()
        done.set_result(7)
        received: list[int] = []
        # What add_done_callback does when the work is already finished: emit on this thread.
        runner._finished.emit((done, received.append, None))
        assert received == []  # not synchronously, before the caller of run() has returned
        qtbot.waitUntil(lambda: received == [7], timeout=2000)
    finally:
        runner.shutdown()


def test_results_of_many_quick_tasks_all_arrive_after_run_returns(qtbot):
    runner = TaskRunner()
    try:
        inside_run, early = [False], []

        def on_success(value: int) -> None:
            if inside_run[0]:
                early.append(value)

        for value in range(200):
            inside_run[0] = True
            runner.run(lambda value=value: value, on_success)
            inside_run[0] = False
        qtbot.waitUntil(lambda: runner.idle, timeout=5000)
        assert early == []
    finally:
        runner.shutdown()


class Receiver(QLabel):
    """A widget that shows a task's result, as pages do."""

    def show_result(self, value: object) -> None:
        self.setText(str(value))


def deleted_receiver(qtbot) -> Receiver:
    receiver = Receiver()
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(receiver))
    return receiver


def test_a_result_for_a_widget_closed_meanwhile_is_dropped_not_raised(qtbot):
    tasks = TaskRunner()
    receiver = deleted_receiver(qtbot)
    try:
        with qtbot.captureExceptions() as raised:
            tasks.run(lambda: 42, receiver.show_result)
            tasks.run(lambda: 43, lambda value: receiver.show_result(value))
            qtbot.waitUntil(lambda: tasks.idle)
        assert raised == []
    finally:
        tasks.shutdown()


def test_a_live_widget_still_gets_its_result(qtbot):
    tasks = TaskRunner()
    receiver = Receiver()
    qtbot.addWidget(receiver)
    try:
        tasks.run(lambda: 42, lambda value: receiver.show_result(value))
        qtbot.waitUntil(lambda: receiver.text() == "42")
    finally:
        tasks.shutdown()


def test_a_failure_for_a_widget_closed_meanwhile_is_logged(qtbot, caplog):
    tasks = TaskRunner()
    receiver = deleted_receiver(qtbot)

    def fail() -> None:
        raise OSError("disk full")

    try:
        tasks.run(fail, receiver.show_result, lambda error: receiver.show_result(error))
        qtbot.waitUntil(lambda: tasks.idle)
    finally:
        tasks.shutdown()
    assert "after its window closed" in caplog.text and "disk full" in caplog.text
