"""The HTTP(S) transport against a real receiver on 127.0.0.1: every outcome of the protocol."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from email.parser import BytesParser
from email.policy import HTTP

import pytest
from transport_helpers import RECEIVED_AT, TOKEN, make_package

from unionDesk.sync.base import Rejected, RetryLater
from unionDesk.sync.http import HttpTransport, multipart_body


def transport(url: str, **kwargs) -> HttpTransport:
    return HttpTransport(url, TOKEN, connect_timeout=2, read_timeout=2, **kwargs)


def parts_of(request) -> list[tuple[str, str, str, bytes]]:
    """(field name, file name, content type, content) of each multipart part, in order."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_content_type(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


def test_a_new_package_is_posted_with_token_key_and_three_parts(receiver, package):
    receipt = transport(receiver.url + "/api").send(package)

    assert receipt.receipt_id == f"R-{package.package_id[:8]}"
    assert receipt.received_at == datetime(2026, 11, 21, 10, 5, tzinfo=timezone(timedelta(hours=8)))
    (request,) = receiver.requests
    assert (request.method, request.path) == ("POST", "/api/packages")
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Idempotency-Key"] == package.package_id
    assert parts_of(request) == [
        ("manifest.json", "manifest.json", "application/json", package.manifest.read_bytes()),
        ("return.pdf", "return.pdf", "application/pdf", package.pdf.read_bytes()),
        ("data.json", "data.json", "application/json", package.data.read_bytes()),
    ]


def test_a_package_the_server_already_has_is_delivered_with_its_receipt(receiver, package):
    receiver.known.add(package.package_id)

    receipt = transport(receiver.url).send(package)

    assert receipt.receipt_id == f"R-{package.package_id[:8]}"
    assert receiver.requests[0].path == "/packages"


def test_a_lost_answer_is_retried_and_the_second_post_gets_200(receiver, package):
    receiver.then("drop")
    with pytest.raises(RetryLater):
        transport(receiver.url).send(package)

    receipt = transport(receiver.url).send(package)

    assert receipt.receipt_id == f"R-{package.package_id[:8]}"
    keys = [r.headers["Idempotency-Key"] for r in receiver.requests]
    assert keys == [package.package_id, package.package_id]
    assert receiver.known == {package.package_id}


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, "令牌无效或已过期"),
        (409, "Idempotency-Key 与 manifest.json 的 SHA-256 不一致"),
        (413, "package too large"),
        (422, "return.pdf 的签名无效：文件在签名后被修改"),
    ],
)
def test_a_client_error_rejects_with_the_servers_json_message(receiver, package, status, error):
    receiver.answer(status, {"error": error})

    with pytest.raises(Rejected) as raised:
        transport(receiver.url).send(package)

    assert str(raised.value) == f"HTTP {status}: {error}"


def test_a_plain_text_error_body_is_the_message(receiver, package):
    receiver.answer(422, text="manifest.json lists a file that is missing")

    with pytest.raises(Rejected, match=r"HTTP 422: manifest\.json lists a file that is missing"):
        transport(receiver.url).send(package)


def test_a_long_error_text_is_cut_to_about_500_characters(receiver, package):
    receiver.answer(422, {"error": "签名无效" * 400})

    with pytest.raises(Rejected) as raised:
        transport(receiver.url).send(package)

    message = str(raised.value)
    assert message.startswith("HTTP 422: 签名无效")
    assert message.endswith("…")
    assert len(message) <= 510


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_server_error_means_retry_later_with_the_body(receiver, package, status):
    receiver.answer(status, text="数据库维护中，请稍后再试")

    with pytest.raises(RetryLater, match=f"HTTP {status}: 数据库维护中"):
        transport(receiver.url).send(package)


@pytest.mark.parametrize("status", [408, 429])
def test_too_many_requests_and_request_timeout_mean_retry_later(receiver, package, status):
    receiver.answer(status, {"error": "slow down"})

    with pytest.raises(RetryLater, match=f"HTTP {status}: slow down"):
        transport(receiver.url).send(package)


def test_a_hanging_server_times_out_as_retry_later(receiver, package):
    receiver.then("hang")
    started = time.monotonic()

    with pytest.raises(RetryLater, match=r"did not answer within 0\.5 s"):
        HttpTransport(receiver.url, TOKEN, read_timeout=0.5).send(package)

    assert time.monotonic() - started < 3


def test_a_connection_reset_means_retry_later(receiver, package):
    receiver.then("reset")

    with pytest.raises(RetryLater):
        transport(receiver.url).send(package)


def test_a_refused_connection_means_retry_later(closed_port, package):
    with pytest.raises(RetryLater, match=r"cannot connect to 127\.0\.0\.1"):
        transport(f"http://127.0.0.1:{closed_port}").send(package)


def test_a_success_status_without_a_receipt_means_retry_later(receiver, package):
    receiver.answer(200, text="<html>登录以使用网络</html>")  # a captive portal

    with pytest.raises(RetryLater, match="without a readable receipt"):
        transport(receiver.url).send(package)


def test_a_redirect_is_not_followed(receiver, package):
    receiver.answer(302, text="", headers={"Location": "https://portal.example.org/login"})

    with pytest.raises(RetryLater, match=r"redirects to https://portal\.example\.org/login"):
        transport(receiver.url).send(package)

    assert len(receiver.requests) == 1


def test_a_receipt_for_another_package_is_refused(receiver, package):
    receiver.answer(201, {"receipt_id": "R-1", "received_at": RECEIVED_AT, "package_id": "0" * 64})

    with pytest.raises(Rejected, match="another package"):
        transport(receiver.url).send(package)


def test_the_probe_gets_health_with_the_token(receiver):
    receiver.answer(200, {"status": "ok"})

    transport(receiver.url + "/api/").probe()

    (request,) = receiver.requests
    assert (request.method, request.path) == ("GET", "/api/health")
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_the_probe_reports_a_wrong_token_as_rejected(receiver):
    receiver.answer(401, {"error": "令牌无效"})

    with pytest.raises(Rejected, match="HTTP 401: 令牌无效"):
        transport(receiver.url).probe()


def test_the_probe_of_a_stopped_server_means_retry_later(closed_port):
    with pytest.raises(RetryLater):
        transport(f"http://127.0.0.1:{closed_port}").probe()


def test_tls_to_a_server_with_its_own_ca_fails_without_the_ca_file(tls_receiver, package):
    with pytest.raises(RetryLater, match="certificate is not trusted"):
        transport(tls_receiver.url).send(package)

    assert tls_receiver.requests == []


def test_tls_with_the_servers_ca_file_delivers(tls_receiver, tls_files, package):
    receipt = transport(tls_receiver.url, cafile=str(tls_files.ca)).send(package)

    assert receipt.receipt_id == f"R-{package.package_id[:8]}"
    assert tls_receiver.requests[0].headers["Idempotency-Key"] == package.package_id


def test_an_unreadable_ca_file_means_retry_later(tls_receiver, tmp_path, package):
    with pytest.raises(RetryLater, match="CA file"):
        transport(tls_receiver.url, cafile=str(tmp_path / "missing.pem")).send(package)


def test_the_multipart_boundary_never_occurs_in_a_part(tmp_path):
    package = make_package(tmp_path)
    content_type, body = multipart_body(
        [("manifest.json", "application/json", package.manifest.read_bytes())]
    )
    boundary = content_type.split("boundary=")[1]

    assert body.count(boundary.encode()) == 2  # the opening and the closing delimiter
    assert body.endswith(f"--{boundary}--\r\n".encode())


def test_a_token_that_cannot_travel_in_a_header_is_rejected_not_a_crash(receiver, package):
    with pytest.raises(Rejected, match="cannot be made"):
        HttpTransport(receiver.url, "令牌-2026", connect_timeout=2, read_timeout=2).send(package)

    assert receiver.requests == []
