"""``uniondesk inbox serve``: its options, in-process runs with a stop event, and a real process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, build_parser, main
from unionDesk.cli_inbox import DEFAULT_PORT, serve
from unionDesk.domain.messages import untranslated
from unionDesk.i18n import ENGLISH, install_translators

TOKEN = "cli-token-51be"


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """English messages; a QApplication exists before the cli runs (see tests/test_cli.py)."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


def parse(*args: str):
    return build_parser(untranslated).parse_args(["inbox", "serve", *args])


def health(url: str, token: str = TOKEN) -> int:
    request = urllib.request.Request(f"{url}/health", headers={"Authorization": f"Bearer {token}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    try:
        with opener.open(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_options_parse_with_their_defaults(tmp_path):
    options = parse("--dir", str(tmp_path), "--token", TOKEN)
    assert (options.host, options.port, options.max_size) == ("127.0.0.1", DEFAULT_PORT, 50)
    assert (options.fail_rate, options.delay, options.drop_response_rate) == (0.0, 0.0, 0.0)
    assert options.seed is None and options.trust == [] and options.tls_cert is None


def test_every_option_is_read(tmp_path):
    options = parse(
        *("--dir", str(tmp_path), "--port", "9000", "--host", "0.0.0.0"),
        *("--token-file", "t.txt", "--fail-rate", "0.5", "--delay", "1.5"),
        *("--drop-response-rate", "0.25", "--seed", "7", "--trust", "a.pem", "--trust", "b.pem"),
    )
    assert (options.port, options.host, options.token_file) == (9000, "0.0.0.0", Path("t.txt"))
    assert (options.fail_rate, options.delay, options.drop_response_rate) == (0.5, 1.5, 0.25)
    assert (options.seed, options.trust) == (7, [Path("a.pem"), Path("b.pem")])


@pytest.mark.parametrize(
    "args",
    [
        ("--token", TOKEN),  # no --dir
        ("--dir", "x"),  # no token
        ("--dir", "x", "--token", TOKEN, "--token-file", "t.txt"),  # both
    ],
)
def test_a_missing_or_doubled_option_is_a_usage_error(args):
    with pytest.raises(SystemExit) as stopped:
        parse(*args)
    assert stopped.value.code == EXIT_USAGE


def run_in_thread(options):
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(serve(options, untranslated, stop)))
    thread.start()
    return stop, thread, result


def wait_for_url(capsys, deadline: float = 10.0) -> tuple[str, str]:
    seen = ""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        seen += capsys.readouterr().out
        for word in seen.split():
            if word.startswith("http://"):
                return word.rstrip(";"), seen
        time.sleep(0.05)
    raise AssertionError(f"no URL printed: {seen!r}")


def test_serve_answers_until_stopped_with_the_token_file(tmp_path, capsys):
    token_file = tmp_path / "token.txt"
    token_file.write_text(f"{TOKEN}\n", encoding="utf-8")
    inbox_dir = tmp_path / "inbox"
    options = parse("--dir", str(inbox_dir), "--port", "0", "--token-file", str(token_file))
    stop, thread, result = run_in_thread(options)
    try:
        url, printed = wait_for_url(capsys)
        assert str(inbox_dir) in printed
        assert (health(url), health(url, "wrong")) == (200, 401)
    finally:
        stop.set()
        thread.join(10)
    assert result == [EXIT_OK]
    assert "New packages stored: 0" in capsys.readouterr().out
    assert inbox_dir.is_dir()


def test_a_port_in_use_is_refused(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["inbox", "serve", "--dir", str(tmp_path), "--port", str(port), "--token", "t"])
    assert code == EXIT_REFUSED
    assert f"Cannot receive on 127.0.0.1 port {port}" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [("--fail-rate", "1.5"), ("--drop-response-rate", "-0.1"), ("--delay", "-1")],
)
def test_rates_out_of_range_are_refused(tmp_path, capsys, args):
    code = main(["inbox", "serve", "--dir", str(tmp_path), "--token", TOKEN, *args])
    assert code == EXIT_REFUSED
    assert "must lie between 0 and 1" in capsys.readouterr().err


def test_an_empty_token_file_is_refused(tmp_path, capsys):
    empty = tmp_path / "token.txt"
    empty.write_text("\n", encoding="utf-8")
    code = main(["inbox", "serve", "--dir", str(tmp_path), "--token-file", str(empty)])
    assert code == EXIT_REFUSED
    assert "The token must not be empty" in capsys.readouterr().err


def test_an_unreadable_token_file_is_refused(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    code = main(["inbox", "serve", "--dir", str(tmp_path), "--token-file", str(missing)])
    assert code == EXIT_REFUSED
    assert f"The file {missing} cannot be read" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_the_command_runs_until_ctrl_c(tmp_path):
    """The real command in its own process: prints the URL, answers, and stops on Ctrl+C."""
    command = [sys.executable, "-m", "unionDesk.cli", "inbox", "serve", "--dir", str(tmp_path)]
    command += ["--port", "0", "--token", TOKEN]
    environment = {**os.environ, "UNIONDESK_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    try:
        first_line = process.stdout.readline()
        url = next(word.rstrip(";") for word in first_line.split() if word.startswith("http"))
        assert health(url) == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == EXIT_OK, err
    assert "New packages stored: 0" in out
    assert "GET /health 200" in err
    assert TOKEN not in err
    assert url.startswith("http://127.0.0.1:")
