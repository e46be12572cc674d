"""The WebDAV transport against a real WsgiDAV server on 127.0.0.1 (and the fake for 5xx)."""

from __future__ import annotations

import pytest
from transport_helpers import DAV_PASSWORD, DAV_USER, make_package

from unionDesk.sync.base import Rejected, RetryLater
from unionDesk.sync.webdav import WebDavTransport


def transport(url: str, password: str = DAV_PASSWORD) -> WebDavTransport:
    return WebDavTransport(url, DAV_USER, password, connect_timeout=2, read_timeout=2)


def test_the_files_land_in_a_folder_named_by_the_package_id(dav_server, package):
    receipt = transport(dav_server.url).send(package)

    stored = dav_server.root / "上报" / package.package_id
    assert sorted(p.name for p in stored.iterdir()) == ["data.json", "manifest.json", "return.pdf"]
    assert (stored / "manifest.json").read_bytes() == package.manifest.read_bytes()
    assert (stored / "return.pdf").read_bytes() == package.pdf.read_bytes()
    assert (stored / "data.json").read_bytes() == package.data.read_bytes()
    assert receipt.receipt_id == f"webdav:{package.package_id[:16]}"
    assert receipt.received_at.tzinfo is not None


def test_the_folder_is_made_first_and_the_manifest_is_put_last(dav_server, package):
    transport(dav_server.url).send(package)

    folder = f"/上报/{package.package_id}/"
    assert dav_server.log == [
        ("MKCOL", folder),
        ("PUT", folder + "return.pdf"),
        ("PUT", folder + "data.json"),
        ("PUT", folder + "manifest.json"),
    ]


def test_sending_again_rewrites_the_same_folder_and_stores_nothing_twice(dav_server, package):
    transport(dav_server.url).send(package)
    transport(dav_server.url + "/").send(package)

    assert [p.name for p in (dav_server.root / "上报").iterdir()] == [package.package_id]
    assert len(list((dav_server.root / "上报" / package.package_id).iterdir())) == 3


def test_two_packages_get_two_folders(dav_server, tmp_path, package):
    other = make_package(tmp_path / "other", marker="2")

    transport(dav_server.url).send(package)
    transport(dav_server.url).send(other)

    names = {p.name for p in (dav_server.root / "上报").iterdir()}
    assert names == {package.package_id, other.package_id}


def test_a_wrong_password_is_rejected_and_nothing_is_stored(dav_server, package):
    with pytest.raises(Rejected, match="WebDAV MKCOL 401"):
        transport(dav_server.url, password="wrong").send(package)

    assert list((dav_server.root / "上报").iterdir()) == []


def test_a_missing_base_folder_is_rejected(dav_server, package):
    with pytest.raises(Rejected, match="WebDAV MKCOL 409"):
        transport(dav_server.url.replace("上报", "没有这个文件夹")).send(package)


def test_a_stopped_server_means_retry_later(closed_port, package):
    with pytest.raises(RetryLater, match="cannot connect"):
        transport(f"http://127.0.0.1:{closed_port}/dav").send(package)


def test_a_server_error_on_put_means_retry_later(receiver, package):
    receiver.answer(201, text="")
    receiver.answer(507, text="Insufficient Storage")

    with pytest.raises(RetryLater, match=r"WebDAV PUT return\.pdf 507: Insufficient Storage"):
        transport(receiver.url + "/dav").send(package)

    assert [r.method for r in receiver.requests] == ["MKCOL", "PUT"]


def test_an_existing_folder_is_fine(receiver, package):
    receiver.answer(405, text="Method Not Allowed")
    for _ in range(3):
        receiver.answer(201, text="")

    transport(receiver.url + "/dav").send(package)

    assert [r.path for r in receiver.requests][-1] == f"/dav/{package.package_id}/manifest.json"


def test_basic_auth_is_sent_with_every_request(receiver, package):
    for _ in range(4):
        receiver.answer(201, text="")

    transport(receiver.url).send(package)

    expected = "Basic Z29uZ2h1aTpEYXYtcGFzcy0yMDI2"  # base64 of gonghui:Dav-pass-2026
    assert {r.headers["Authorization"] for r in receiver.requests} == {expected}


def test_the_probe_accepts_good_credentials(dav_server):
    transport(dav_server.url).probe()

    assert dav_server.log == [("PROPFIND", "/上报/")]


def test_the_probe_rejects_a_wrong_password(dav_server):
    with pytest.raises(Rejected, match="WebDAV 401"):
        transport(dav_server.url, password="wrong").probe()
