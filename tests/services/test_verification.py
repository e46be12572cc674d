"""``verify_pdf``: intact, valid, unchanged since signing, and trusted by this install or not."""

from __future__ import annotations

import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

from helpers import OFFICE
from pdf_helpers import (
    HAS_PDFSIG,
    add_page_content,
    flip_signed_byte,
    make_pdf,
    pdfsig_says_valid,
)
from unionDesk.domain.messages import untranslated
from unionDesk.services.signing import (
    countersign_pdf,
    create_identity,
    create_personal_p12,
    export_certificate,
    load_signer,
    load_signer_from_p12,
    sign_pdf,
)
from unionDesk.services.verification import (
    TRUSTED_FOLDER,
    Modification,
    UnreadablePdf,
    describe,
    trusted_certificates,
    verify_pdf,
)

PASSPHRASE = "Gonghui-Sign-2026"
UNION = "测试机械厂工会委员会"


@pytest.fixture(scope="module")
def union():
    return load_signer_from_p12(create_personal_p12(UNION, PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="module")
def chair():
    return load_signer_from_p12(create_personal_p12("王俊雪", PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="module")
def signed(union) -> bytes:
    return sign_pdf(make_pdf("会员花名册 张伟", pages=2), union, signer_label=UNION)


@pytest.fixture(scope="module")
def certified(union) -> bytes:
    pdf = make_pdf("评审结果汇总表")
    return sign_pdf(pdf, union, signer_label=UNION, for_countersignature=True)


def pem(signer) -> bytes:
    der = signer.signer.signing_cert.dump()
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def test_a_signed_file_verifies(signed, union):
    report = verify_pdf(signed, [])

    assert report.ok
    [check] = report.signatures
    assert (check.signer, check.intact, check.valid, check.docmdp_ok) == (UNION, True, True, True)
    assert check.modification is Modification.NONE
    assert check.fingerprint == union.info.fingerprint
    assert check.signed_at is not None
    assert (check.trusted, check.self_signed, check.certifying) == (False, True, False)


def test_trust_comes_from_the_certificates_this_install_trusts(signed, union, chair):
    assert verify_pdf(signed, [pem(union)]).signatures[0].trusted
    assert not verify_pdf(signed, [pem(chair)]).signatures[0].trusted
    assert verify_pdf(signed, [pem(chair)]).ok  # trust is reported, it does not decide


def test_one_flipped_byte_fails_verification(signed, tmp_path):
    tampered = flip_signed_byte(signed)

    report = verify_pdf(tampered, [])

    assert not report.ok
    assert not report.signatures[0].intact
    if HAS_PDFSIG:
        target = tmp_path / "tampered.pdf"
        target.write_bytes(tampered)
        assert not pdfsig_says_valid(target)


def test_an_update_that_changes_page_content_fails_verification(signed):
    report = verify_pdf(add_page_content(signed), [])

    assert not report.ok
    [check] = report.signatures
    assert (check.intact, check.valid) == (True, True)  # the signed revision itself is intact
    assert check.modification is Modification.OTHER


def test_the_certified_return_with_its_empty_chair_field_verifies(certified):
    report = verify_pdf(certified, [])

    assert report.ok
    [check] = report.signatures
    assert (check.certifying, check.modification) == (True, Modification.NONE)


def test_the_countersigned_return_verifies_with_both_signatures(certified, chair):
    report = verify_pdf(countersign_pdf(certified, chair, signer_label="王俊雪"), [])

    assert report.ok
    assert [(c.field_name, c.signer, c.modification) for c in report.signatures] == [
        ("UnionSignature", UNION, Modification.FORM_FILLING),
        ("ChairSignature", "王俊雪", Modification.NONE),
    ]
    assert all(c.intact and c.valid for c in report.signatures)


def test_a_countersigned_return_changed_afterwards_fails(certified, chair):
    countersigned = countersign_pdf(certified, chair, signer_label="王俊雪")

    report = verify_pdf(add_page_content(countersigned), [])

    assert not report.ok
    assert [c.modification for c in report.signatures] == [Modification.OTHER] * 2


def test_a_second_signature_on_an_uncertified_return_counts_as_a_change(signed, chair):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    meta = PdfSignatureMetadata(field_name="Extra", subfilter=SigSeedSubFilter.PADES)
    field = SigFieldSpec("Extra", on_page=0, box=(72, 72, 200, 120))
    added = PdfSigner(meta, chair.signer, new_field_spec=field).sign_pdf(writer).getvalue()

    report = verify_pdf(added, [])

    assert report.signatures[0].modification is Modification.FORM_FILLING
    assert not report.ok


def test_an_unsigned_pdf_does_not_verify():
    report = verify_pdf(make_pdf("会员花名册"), [])

    assert not report.ok
    assert describe(report, untranslated) == ["This file carries no digital signature."]


@pytest.mark.parametrize(
    "content", [b"", b"hello", b"%PDF-1.7\n%%EOF"], ids=["empty", "text", "stub"]
)
def test_what_is_not_a_readable_pdf_is_told_as_such(content):
    with pytest.raises(UnreadablePdf) as refused:
        verify_pdf(content, [])

    assert "not a PDF document" in refused.value.problem.render()


def test_a_truncated_signed_file_is_unreadable(signed):
    with pytest.raises(UnreadablePdf):
        verify_pdf(signed[: len(signed) * 2 // 3], [])


def test_describe_says_who_signed_when_and_that_nothing_changed(signed, union):
    lines = describe(verify_pdf(signed, []), untranslated)

    assert lines[0].startswith("Verified:")
    assert lines[1].startswith(f"1. Signer: {UNION}; signed at: 20")
    assert "the file was not changed after signing" in lines[1]
    assert f"self-signed certificate, check the fingerprint {union.info.fingerprint}" in lines[1]


def test_describe_says_the_file_changed(signed, union):
    lines = describe(verify_pdf(add_page_content(signed), [pem(union)]), untranslated)

    assert lines[0].startswith("Verification FAILED")
    assert "the file was changed after signing" in lines[1]
    assert "certificate: trusted by this install" in lines[1]


def test_describe_names_the_countersignature_as_the_only_change(certified, chair):
    report = verify_pdf(countersign_pdf(certified, chair, signer_label="王俊雪"), [])

    lines = describe(report, untranslated)

    assert "only the permitted countersignature was added" in lines[1]
    assert "2. Signer: 王俊雪" in lines[2]


def test_trusted_certificates_are_the_own_identity_and_the_trusted_folder(db, paths):
    assert trusted_certificates(paths) == []
    create_identity(db, OFFICE, paths, PASSPHRASE)
    other = b"-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n"
    (paths.identity / TRUSTED_FOLDER).mkdir()
    (paths.identity / TRUSTED_FOLDER / "higher-union.pem").write_bytes(other)

    assert trusted_certificates(paths) == [export_certificate(paths), other]


def test_a_return_signed_with_the_installs_identity_is_trusted(db, paths):
    create_identity(db, OFFICE, paths, PASSPHRASE)
    signed = sign_pdf(make_pdf("会员花名册"), load_signer(paths, PASSPHRASE), signer_label=UNION)

    report = verify_pdf(signed, trusted_certificates(paths))

    assert report.ok and report.signatures[0].trusted
    assert report.signatures[0].uscc != ""
