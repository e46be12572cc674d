"""The self-test: every check passes on a working install, fails plainly when something is
missing, and works only inside a temporary folder that it removes afterwards."""

from __future__ import annotations

import os
import tempfile

import pytest

from unionDesk.services import selftest
from unionDesk.services.selftest import RARE_NAME, CheckResult, run_selftest

KEYS = [
    "database",
    "migrations",
    "fonts",
    "translations",
    "pdf",
    "signing",
    "verification",
    "text",
]


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """Temporary folders go below ``tmp_path/scratch`` so the test can see them go."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def by_key(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {result.key: result for result in results}


def test_every_check_passes_and_reports_in_order(scratch):
    seen: list[str] = []
    results = run_selftest(lambda result: seen.append(result.key))
    assert [r.key for r in results] == KEYS
    assert seen == KEYS
    failed = {r.key: r.render() for r in results if not r.ok}
    assert failed == {}
    messages = {r.key: r.render()[1] for r in results}
    assert RARE_NAME in messages["database"]
    assert messages["text"] == f"Read the name {RARE_NAME} back from the PDF."
    assert messages["migrations"].startswith("Upgraded an empty database to revision ")


def test_it_leaves_nothing_behind_and_never_touches_the_user_data_folder(scratch):
    home = os.environ["UNIONDESK_HOME"]
    before = sorted(os.listdir(home))
    run_selftest()
    assert os.listdir(scratch) == []
    assert sorted(os.listdir(home)) == before


def test_a_missing_translation_fails_only_that_check(scratch, monkeypatch):
    monkeypatch.setattr(selftest, "TRANSLATION_FILE", "uniondesk_xx.qm")
    results = by_key(run_selftest())
    name, message = results["translations"].render()
    assert not results["translations"].ok
    assert name == "Translations"
    assert "uniondesk_xx.qm is missing or empty" in message
    assert message.endswith("Reinstall UnionDesk; if that does not help, call support.")
    assert [k for k, r in results.items() if not r.ok] == ["translations"]


def test_when_the_database_fails_the_checks_that_need_it_say_they_did_not_run(scratch, monkeypatch):
    monkeypatch.setattr(selftest, "UNION_NAME", "")
    results = by_key(run_selftest())
    assert not results["database"].ok
    assert results["database"].render()[1] == (
        "Failed: Enter the union's full name, e.g. XX有限公司工会委员会. "
        "Reinstall UnionDesk; if that does not help, call support."
    )
    for key in ("pdf", "signing", "verification", "text"):
        assert not results[key].ok
        assert results[key].render()[1] == "Not run, because an earlier check failed."
    assert results["fonts"].ok and results["migrations"].ok


def test_messages_are_translated_with_the_given_function(scratch, monkeypatch):
    monkeypatch.setattr(selftest, "UNION_NAME", "")
    result = run_selftest()[4]
    contexts: list[str] = []

    def shout(context: str, text: str) -> str:
        contexts.append(context)
        return text.upper()

    assert result.render(shout) == ("PDF RETURN", "NOT RUN, BECAUSE AN EARLIER CHECK FAILED.")
    assert contexts == ["Selftest", "Selftest"]


def test_a_refusal_from_a_service_is_shown_in_the_user_s_language(scratch, monkeypatch):
    monkeypatch.setattr(selftest, "UNION_NAME", "")
    result = run_selftest()[0]
    tagged = result.render(lambda context, text: f"[{context}]{text}")
    assert tagged[1].startswith("[Selftest]Failed: [Validation]Enter the union's full name")


def test_the_rare_name_is_read_back_without_pdftotext_too(scratch, monkeypatch):
    monkeypatch.setattr(selftest.shutil, "which", lambda name: None)
    results = by_key(run_selftest())
    assert results["text"].ok, results["text"].render()
    assert RARE_NAME in results["text"].render()[1]
