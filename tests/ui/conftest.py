"""ui test fixtures: a fresh database per test, the worker, and modal dialogs that never block."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from helpers import OFFICE
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.users import add_user
from unionDesk.ui.common import AppContext
from unionDesk.ui.tasks import TaskRunner


@pytest.fixture
def ctx(qtbot: Any, tmp_path: Any) -> Iterator[AppContext]:
    """A new database with a union profile, a TaskRunner and the AppContext over them."""
    paths = resolve_paths(tmp_path)
    db = create_database(paths, "测试公司工会", compose_uscc("91110105MA01ABCD1"))
    tasks = TaskRunner()
    yield AppContext(db, tasks, paths, OFFICE)
    tasks.shutdown()
    db.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Let every queued task deliver before pytest-qt closes the test's widgets.

    pytest-qt closes widgets in this hook, before fixtures are torn down; a result still on
    its way (a page refreshing after its dialog closed, say) would then reach a deleted widget.
    """
    context = getattr(item, "funcargs", {}).get("ctx")
    qtbot = getattr(item, "funcargs", {}).get("qtbot")
    if isinstance(context, AppContext) and qtbot is not None:
        qtbot.waitUntil(lambda: context.tasks.idle, timeout=10_000)
    yield


PASSWORD = "Gonghui-2026!"  # the password of every account ``as_user`` creates


@pytest.fixture
def user_password() -> str:
    """The password of every account ``as_user`` creates."""
    return PASSWORD


@pytest.fixture
def as_user(ctx: AppContext) -> Callable[..., AppContext]:
    """``as_user("wangfang", Role.VIEWER, can_unmask=False)``: a new account's AppContext.

    Same database and worker as ``ctx``; the account's password is ``PASSWORD``.
    """

    def make(username: str, role: Role, *, can_unmask: bool = False) -> AppContext:
        user_id = add_user(ctx.db, OFFICE, username, username, role, PASSWORD, can_unmask)
        return dataclasses.replace(ctx, actor=Actor(user_id, username, role, can_unmask))

    return make


@pytest.fixture
def wait_idle(qtbot: Any, ctx: AppContext) -> Callable[[], None]:
    """``wait_idle()`` returns once every queued database task has run and been delivered."""

    def wait() -> None:
        qtbot.waitUntil(lambda: ctx.tasks.idle)

    return wait


@dataclass
class DialogRecorder:
    """Stands in for the static QMessageBox and QInputDialog functions.

    Attributes:
        calls: (function name, title, text) of every call, in order.
        answer: what ``question`` returns; None means the default button passed to it.
        texts: answers of ``getText`` in turn, as (text, ok); ("", False) when used up.
        errors_expected: set by a test that means to provoke a warning or critical box.
    """

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton | None = None
    texts: list[tuple[str, bool]] = field(default_factory=list)
    errors_expected: bool = False

    def named(self, name: str) -> list[tuple[str, str, str]]:
        return [call for call in self.calls if call[0] == name]

    def question(self, _parent: Any, title: str, text: str, *args: Any) -> Any:
        self.calls.append(("question", title, text))
        if self.answer is not None:
            return self.answer
        return args[1] if len(args) > 1 else QMessageBox.StandardButton.No

    def message(self, name: str) -> Callable[..., Any]:
        def record(_parent: Any, title: str, text: str, *_args: Any) -> Any:
            self.calls.append((name, title, text))
            return QMessageBox.StandardButton.Ok

        return record

    def get_text(self, _parent: Any, title: str, label: str, *_args: Any, **_kw: Any) -> Any:
        self.calls.append(("getText", title, label))
        return self.texts.pop(0) if self.texts else ("", False)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogRecorder]:
    """Modal message boxes and input dialogs answer at once; unexpected error boxes fail."""
    recorder = DialogRecorder()
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, recorder.message(name))
    monkeypatch.setattr(QInputDialog, "getText", recorder.get_text)
    yield recorder
    errors = recorder.named("warning") + recorder.named("critical")
    if errors and not recorder.errors_expected:
        pytest.fail(f"unexpected error boxes: {errors}")
