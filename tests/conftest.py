"""Test-wide set-up: headless Qt, and no test may touch the real user data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point UNIONDESK_HOME at a throw-away folder so nothing reaches the user's data."""
    monkeypatch.setenv("UNIONDESK_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("UNIONDESK_LANG", os.environ.get("UNIONDESK_TEST_LANG", "zh_CN"))


@pytest.fixture(autouse=True)
def _no_os_keyring():
    """Upload tokens never reach the developer's real OS keyring: keyring's "fail" backend makes
    the secrets service use its encrypted fallback (tests that need a keyring set their own)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
