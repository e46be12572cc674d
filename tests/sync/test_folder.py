"""The folder transport (USB stick or network share) on the real file system."""

from __future__ import annotations

import json
import os

import pytest

from unionDesk.sync import folder as folder_module
from unionDesk.sync.base import RetryLater
from unionDesk.sync.folder import FolderTransport


@pytest.fixture
def stick(tmp_path):
    target = tmp_path / "U盘" / "上报"
    target.mkdir(parents=True)
    return target


@pytest.fixture
def renames(monkeypatch):
    """Every rename the transport makes, in order (the renames still happen)."""
    made: list[tuple[str, str]] = []
    real = os.replace

    def recording(source, target):
        made.append((os.path.basename(source), os.path.basename(target)))
        real(source, target)

    monkeypatch.setattr(folder_module.os, "replace", recording)
    return made


def test_the_files_are_copied_into_a_folder_named_by_the_package_id(stick, package):
    FolderTransport(stick).send(package)

    stored = stick / package.package_id
    assert sorted(p.name for p in stored.iterdir()) == ["data.json", "manifest.json", "return.pdf"]
    assert (stored / "return.pdf").read_bytes() == package.pdf.read_bytes()
    assert (stored / "data.json").read_bytes() == package.data.read_bytes()
    assert (stored / "manifest.json").read_bytes() == package.manifest.read_bytes()


def test_each_file_is_written_under_a_temporary_name_and_the_manifest_last(stick, package, renames):
    FolderTransport(stick).send(package)

    assert renames[:3] == [
        (".return.pdf.part", "return.pdf"),
        (".data.json.part", "data.json"),
        (".manifest.json.part", "manifest.json"),
    ]
    assert not list(stick.rglob("*.part"))


def test_a_receipt_is_written_locally_beside_the_outbox_copy(stick, package):
    receipt = FolderTransport(stick).send(package)

    written = json.loads((package.manifest.parent / "receipt.json").read_text(encoding="utf-8"))
    assert receipt.receipt_id == f"folder:{package.package_id[:16]}"
    assert written["receipt_id"] == receipt.receipt_id
    assert written["package_id"] == package.package_id
    assert written["target"] == str(stick / package.package_id)
    assert not (stick / package.package_id / "receipt.json").exists()


def test_a_package_already_on_the_stick_is_not_written_again(stick, package, renames):
    FolderTransport(stick).send(package)
    renames.clear()

    receipt = FolderTransport(stick).send(package)

    assert renames == [(".receipt.json.part", "receipt.json")]
    assert receipt.receipt_id == f"folder:{package.package_id[:16]}"


def test_a_half_copied_package_is_completed(stick, package):
    (stick / package.package_id).mkdir()
    (stick / package.package_id / "return.pdf").write_bytes(b"%PDF-1.7 truncated")

    FolderTransport(stick).send(package)

    assert (stick / package.package_id / "return.pdf").read_bytes() == package.pdf.read_bytes()


def test_a_missing_stick_means_retry_later_and_nothing_is_created(tmp_path, package):
    absent = tmp_path / "E盘" / "上报"

    with pytest.raises(RetryLater, match="is not there"):
        FolderTransport(absent).send(package)

    assert not absent.exists()
    assert not (package.manifest.parent / "receipt.json").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_a_read_only_folder_means_retry_later(stick, package):
    stick.chmod(0o555)
    try:
        with pytest.raises(RetryLater, match="cannot write"):
            FolderTransport(stick).send(package)
        with pytest.raises(RetryLater, match="cannot write"):
            FolderTransport(stick).probe()
    finally:
        stick.chmod(0o755)


def test_the_probe_passes_for_a_writable_folder_and_leaves_nothing(stick):
    FolderTransport(stick).probe()

    assert list(stick.iterdir()) == []


def test_the_probe_of_a_missing_folder_means_retry_later(tmp_path):
    with pytest.raises(RetryLater):
        FolderTransport(tmp_path / "missing").probe()


def test_a_write_error_on_the_stick_means_retry_later(stick, package):
    (stick / package.package_id).write_bytes(b"")  # a file where the package folder goes

    with pytest.raises(RetryLater, match="cannot write into"):
        FolderTransport(stick).send(package)

    assert not (package.manifest.parent / "receipt.json").exists()
