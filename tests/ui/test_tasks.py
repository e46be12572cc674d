"""The single database worker: results always arrive later, through the event loop."""

from concurrent.futures import Future

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
