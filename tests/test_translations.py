"""The zh_CN translation is complete, consistent with the sources, and what the app loads."""

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from unionDesk.i18n import CHINESE, ENGLISH, choose_language, translations_dir

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def load_script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def refreshed_ts(tmp_path_factory):
    """The committed .ts merged with the strings in today's sources (as lupdate would)."""
    script = load_script()
    copy = tmp_path_factory.mktemp("ts") / "uniondesk_zh_CN.ts"
    shutil.copy(script.TS_FILE, copy)
    script.update_ts(copy)
    return copy


def messages(ts_file):
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_source_string_has_a_finished_chinese_translation(refreshed_ts):
    missing = [
        f"{ctx}: {src!r}"
        for ctx, src, translate in messages(refreshed_ts)
        if translate is None
        or translate.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translate.text or "").strip()
    ]
    assert missing == [], "run scripts/update_translations.py and translate:\n" + "\n".join(missing)


def test_translations_keep_every_placeholder(refreshed_ts):
    broken = [
        f"{ctx}: {src!r}"
        for ctx, src, translate in messages(refreshed_ts)
        if translate is not None
        and set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(translate.text or ""))
    ]
    assert broken == []


def test_the_shipped_qm_is_compiled_from_the_current_ts(tmp_path):
    script = load_script()
    fresh = script.compile_qm(script.TS_FILE, tmp_path / "fresh.qm")
    assert fresh.read_bytes() == (translations_dir() / "uniondesk_zh_CN.qm").read_bytes()


def test_the_packaged_translation_turns_english_sources_into_chinese(qapp):
    translator = QTranslator()
    assert translator.load("uniondesk_zh_CN", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Members") == "会员"
        assert QCoreApplication.translate("Enum", "CPC member") == "中共党员"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("env", "expected"), [("", CHINESE), ("en", ENGLISH), ("en_US", ENGLISH), ("zh_CN", CHINESE)]
)
def test_language_is_chinese_unless_english_is_asked_for(monkeypatch, env, expected):
    monkeypatch.setenv("UNIONDESK_LANG", env)
    monkeypatch.setenv("LANG", "C")
    assert choose_language(None) == expected
