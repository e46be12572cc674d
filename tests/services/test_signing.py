"""The signing identity (create, import, export, passphrase) and PAdES signing of returns."""

from __future__ import annotations

import hashlib
import io
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm, enumerate_sig_fields
from pyhanko.sign.validation import read_certification_data, validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from helpers import OFFICE
from pdf_helpers import HAS_PDFSIG, make_pdf, pdfsig_says_valid, pdfsig_validations
from returns_helpers import pdf_text
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.uscc import compose_uscc
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.identity import CERTIFICATE_FILE, IDENTITY_FILE, REPLACED_FOLDER
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.signing import (
    CHAIR_FIELD,
    UNION_FIELD,
    countersign_pdf,
    create_identity,
    create_personal_p12,
    export_certificate,
    import_identity,
    load_signer,
    load_signer_from_p12,
    read_identity,
    sign_pdf,
)
from unionDesk.services.verification import verify_pdf

PASSPHRASE = "Gonghui-Sign-2026"
UNION_NAME = "测试机械厂工会委员会"  # the union of tests/services/conftest.py
UNION_USCC = compose_uscc("91110105MA01ABCD1")
FINGERPRINT = re.compile(r"^([0-9A-F]{2}:){31}[0-9A-F]{2}$")
MM = 72 / 25.4
SIGNING_ONLY = x509.KeyUsage(
    digital_signature=True,
    content_commitment=True,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)


def messages(failed: ValidationFailed) -> str:
    return " ".join(p.render() for p in failed.problems)


def issued_p12(passphrase: str) -> tuple[bytes, x509.Certificate]:
    """A PKCS#12 as a higher-level union would issue it: a CA-signed certificate and chain."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试区总工会签名根证书")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, UNION_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, "NTRCN-" + UNION_USCC),
        ]
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=730))
        .add_extension(SIGNING_ONLY, critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(passphrase.encode())
    return pkcs12.serialize_key_and_certificates(b"u", key, leaf, [ca], encryption), ca


@pytest.fixture
def identity(db, paths):
    return create_identity(db, OFFICE, paths, PASSPHRASE)


@pytest.fixture(scope="module")
def chair():
    return load_signer_from_p12(create_personal_p12("王俊雪", PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="module")
def union():
    return load_signer_from_p12(create_personal_p12(UNION_NAME, PASSPHRASE), PASSPHRASE)


def validate(pdf: bytes):
    reader = PdfFileReader(io.BytesIO(pdf))
    context = ValidationContext(trust_roots=[], allow_fetching=False)
    return [validate_pdf_signature(sig, context) for sig in reader.embedded_signatures]


# --- identity ---------------------------------------------------------------------------------


def test_create_identity_makes_a_self_signed_certificate_for_the_union(identity, paths):
    certificate = x509.load_pem_x509_certificate((paths.identity / CERTIFICATE_FILE).read_bytes())

    assert (identity.name, identity.uscc, identity.self_signed) == (UNION_NAME, UNION_USCC, True)
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "CN"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == UNION_NAME
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)[0].value == UNION_USCC
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert identity.valid_to - identity.valid_from > timedelta(days=4 * 365)


def test_the_fingerprint_is_the_certificates_sha256_in_colon_pairs(identity, paths):
    der = x509.load_pem_x509_certificate(export_certificate(paths)).public_bytes(
        serialization.Encoding.DER
    )

    assert FINGERPRINT.match(identity.fingerprint)
    assert identity.fingerprint.replace(":", "").lower() == hashlib.sha256(der).hexdigest()
    assert read_identity(paths) == identity


def test_the_key_is_stored_encrypted_and_the_passphrase_nowhere(identity, paths):
    p12 = (paths.identity / IDENTITY_FILE).read_bytes()

    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(p12, None)
    stored = b"".join(f.read_bytes() for f in paths.root.rglob("*") if f.is_file())
    assert PASSPHRASE.encode() not in stored
    assert load_signer(paths, PASSPHRASE).info.fingerprint == identity.fingerprint


def test_creating_the_identity_is_audited(identity, db):
    entry = query_audit(db, OFFICE, AuditFilter())[0]

    assert (entry.action, entry.record_type, entry.record_id) == (
        Action.SIGN,
        "identity",
        identity.fingerprint,
    )


def test_a_short_passphrase_is_refused_and_nothing_written(db, paths):
    with pytest.raises(ValidationFailed) as refused:
        create_identity(db, OFFICE, paths, "short")

    assert refused.value.by_field() == {
        "passphrase": ["The passphrase must have at least 8 characters."]
    }
    assert read_identity(paths) is None


def test_an_officer_may_not_create_the_identity(db, paths):
    officer = Actor(7, "lihua", Role.OFFICER)

    with pytest.raises(PermissionDenied):
        create_identity(db, officer, paths, PASSPHRASE)
    assert not paths.identity.exists()


def test_an_existing_identity_is_kept_unless_replacing_is_confirmed(identity, db, paths):
    with pytest.raises(ValidationFailed) as refused:
        create_identity(db, OFFICE, paths, PASSPHRASE)
    assert "already has a signing identity" in messages(refused.value)
    assert read_identity(paths) == identity

    replaced = create_identity(db, OFFICE, paths, PASSPHRASE, replace=True)

    assert replaced.fingerprint != identity.fingerprint
    kept = sorted(p.suffix for p in (paths.identity / REPLACED_FOLDER).iterdir())
    assert kept == [".p12", ".pem"]


def test_import_keeps_an_issued_identity_with_its_chain(db, paths):
    p12, ca = issued_p12("issuer-pass")

    info = import_identity(db, OFFICE, paths, p12, "issuer-pass")

    assert (info.name, info.uscc, info.self_signed) == (UNION_NAME, UNION_USCC, False)
    _key, _cert, chain = pkcs12.load_key_and_certificates(
        (paths.identity / IDENTITY_FILE).read_bytes(), b"issuer-pass"
    )
    assert chain == [ca]


def test_returns_signed_with_an_issued_identity_are_trusted_through_the_issuer(db, paths):
    p12, ca = issued_p12("issuer-pass")
    import_identity(db, OFFICE, paths, p12, "issuer-pass")
    signed = sign_pdf(
        make_pdf("会员花名册"), load_signer(paths, "issuer-pass"), signer_label="工会"
    )
    issuer = ca.public_bytes(serialization.Encoding.PEM)

    assert not verify_pdf(signed, []).signatures[0].trusted
    assert verify_pdf(signed, [issuer]).signatures[0].trusted


def test_import_with_a_wrong_passphrase_says_so(db, paths):
    p12, _ca = issued_p12("issuer-pass")

    with pytest.raises(ValidationFailed) as refused:
        import_identity(db, OFFICE, paths, p12, "not-the-pass")

    assert refused.value.by_field() == {"passphrase": ["The passphrase is wrong. Type it again."]}
    assert read_identity(paths) is None


def test_import_of_a_file_that_is_no_pkcs12_says_so(db, paths):
    with pytest.raises(ValidationFailed) as refused:
        import_identity(db, OFFICE, paths, make_pdf("不是证书"), PASSPHRASE)

    assert "not a PKCS#12" in messages(refused.value)


def test_import_of_a_pkcs12_without_a_key_says_so(db, paths, identity):
    certificate = x509.load_pem_x509_certificate(export_certificate(paths))
    encryption = serialization.BestAvailableEncryption(PASSPHRASE.encode())
    certificate_only = pkcs12.serialize_key_and_certificates(
        None, None, None, [certificate], encryption
    )

    with pytest.raises(ValidationFailed) as refused:
        import_identity(db, OFFICE, paths, certificate_only, PASSPHRASE, replace=True)

    assert "does not hold a matching private key and certificate" in messages(refused.value)


def test_loading_the_signer_with_a_wrong_passphrase_says_so(identity, paths):
    with pytest.raises(ValidationFailed) as refused:
        load_signer(paths, "Wrong-Pass-2026")

    assert refused.value.by_field() == {"passphrase": ["The passphrase is wrong. Type it again."]}


def test_without_an_identity_signing_tells_where_to_make_one(paths):
    with pytest.raises(ValidationFailed) as refused:
        load_signer(paths, PASSPHRASE)

    assert "Signing identity…" in messages(refused.value)
    with pytest.raises(ValidationFailed):
        export_certificate(paths)


def test_a_personal_identity_is_for_a_person():
    signer = load_signer_from_p12(create_personal_p12(" 王俊雪 ", PASSPHRASE), PASSPHRASE)

    assert (signer.info.name, signer.info.uscc, signer.info.subject) == (
        "王俊雪",
        "",
        "CN=王俊雪,C=CN",
    )
    with pytest.raises(ValidationFailed):
        create_personal_p12("", PASSPHRASE)


# --- signing ----------------------------------------------------------------------------------


def test_a_signed_return_validates_and_covers_the_whole_file(identity, paths):
    pdf = make_pdf("会员花名册 张伟", pages=2)

    signed = sign_pdf(pdf, load_signer(paths, PASSPHRASE), signer_label=UNION_NAME)

    assert signed.startswith(pdf)  # an incremental update: the original bytes are untouched
    [status] = validate(signed)
    assert (status.intact, status.valid) == (True, True)
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert status.md_algorithm == "sha256"
    [sig] = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert sig.field_name == UNION_FIELD


def test_signing_is_fast(union):
    pdf = make_pdf("工会工作统计表")
    started = time.perf_counter()

    sign_pdf(pdf, union, signer_label="计时测试工会委员会")  # a new label: its stamp font is built

    assert time.perf_counter() - started < 1.0  # the budget is 0.3 s; slack for busy CI machines


@pytest.mark.skipif(not HAS_PDFSIG, reason="poppler's pdfsig is not installed")
def test_pdfsig_calls_the_signature_valid(union, tmp_path):
    target = tmp_path / "signed.pdf"
    target.write_bytes(sign_pdf(make_pdf("会员花名册"), union, signer_label=UNION_NAME))

    assert pdfsig_says_valid(target)


def test_the_visible_box_shows_in_chinese_who_signed_and_when(union, tmp_path):
    target = tmp_path / "signed.pdf"
    target.write_bytes(sign_pdf(make_pdf("会员花名册"), union, signer_label=UNION_NAME))

    text = pdf_text(target.read_bytes(), layout=False)

    assert "数字签名" in text
    assert f"签名人：{UNION_NAME}" in text
    assert re.search(r"时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text)


def test_the_box_is_on_the_last_page_above_the_footer_band(union):
    signed = sign_pdf(make_pdf("会员花名册", pages=3), union, signer_label=UNION_NAME)

    reader = PdfFileReader(io.BytesIO(signed))
    [widget] = reader.root["/AcroForm"]["/Fields"]
    page = widget.get_object()["/P"].get_object()
    assert page == reader.root["/Pages"]["/Kids"][2].get_object()
    left, bottom, right, _top = (float(v) for v in widget.get_object()["/Rect"])
    assert bottom >= 15 * MM
    assert right <= 595 - 10 * MM and left > 595 / 2


def test_a_rare_character_in_the_label_comes_from_the_fallback_font(union):
    signed = sign_pdf(make_pdf("评审结果汇总表"), union, signer_label="王𠈌")

    assert "签名人：王𠈌" in pdf_text(signed, layout=False)


def test_a_label_with_characters_no_font_has_is_refused(union):
    with pytest.raises(ValidationFailed) as refused:
        sign_pdf(make_pdf("评审结果汇总表"), union, signer_label="王\U0002a700")

    assert "\U0002a700" in messages(refused.value)


def test_what_is_not_a_pdf_cannot_be_signed(union):
    with pytest.raises(ValidationFailed) as refused:
        sign_pdf(b"%PDF-1.7 nothing else", union, signer_label=UNION_NAME)

    assert "not a readable PDF" in messages(refused.value)


def test_a_pdf_is_signed_by_the_union_only_once(union):
    signed = sign_pdf(make_pdf("会员花名册"), union, signer_label=UNION_NAME)

    with pytest.raises(ValidationFailed) as refused:
        sign_pdf(signed, union, signer_label=UNION_NAME)

    assert "already carries the union's signature" in messages(refused.value)


# --- countersigning ----------------------------------------------------------------------------


def test_for_countersigning_the_union_certifies_and_leaves_the_chair_a_field(union):
    certified = sign_pdf(
        make_pdf("评审结果汇总表"), union, signer_label=UNION_NAME, for_countersignature=True
    )

    reader = PdfFileReader(io.BytesIO(certified))
    assert read_certification_data(reader).permission is MDPPerm.FILL_FORMS
    filled = {name: value is not None for name, value, _ref in enumerate_sig_fields(reader)}
    assert filled == {CHAIR_FIELD: False, UNION_FIELD: True}
    [status] = validate(certified)
    assert (status.intact, status.valid, status.docmdp_ok) == (True, True, True)


def test_the_chair_countersigns_and_both_signatures_validate(union, chair, tmp_path):
    certified = sign_pdf(
        make_pdf("评审结果汇总表"), union, signer_label=UNION_NAME, for_countersignature=True
    )

    countersigned = countersign_pdf(certified, chair, signer_label="王俊雪")

    assert countersigned.startswith(certified)
    statuses = validate(countersigned)
    assert [(s.intact, s.valid, s.docmdp_ok) for s in statuses] == [(True, True, True)] * 2
    assert [s.signing_cert.subject.native["common_name"] for s in statuses] == [
        UNION_NAME,
        "王俊雪",
    ]
    if HAS_PDFSIG:
        target = tmp_path / "countersigned.pdf"
        target.write_bytes(countersigned)
        assert pdfsig_validations(target) == ["Signature is Valid."] * 2


def test_countersigning_twice_is_refused(union, chair):
    certified = sign_pdf(
        make_pdf("评审结果汇总表"), union, signer_label=UNION_NAME, for_countersignature=True
    )
    countersigned = countersign_pdf(certified, chair, signer_label="王俊雪")

    with pytest.raises(ValidationFailed) as refused:
        countersign_pdf(countersigned, chair, signer_label="王俊雪")

    assert "already countersigned" in messages(refused.value)


def test_a_return_without_the_chairs_field_cannot_be_countersigned(union, chair):
    signed = sign_pdf(make_pdf("会员花名册"), union, signer_label=UNION_NAME)

    with pytest.raises(ValidationFailed) as refused:
        countersign_pdf(signed, chair, signer_label="王俊雪")

    assert "no field for the committee chair" in messages(refused.value)


def test_a_damaged_certificate_file_is_told_and_can_be_replaced(identity, db, paths):
    (paths.identity / CERTIFICATE_FILE).write_bytes(b"-----BEGIN CERTIFICATE-----\nbroken\n")

    with pytest.raises(ValidationFailed) as refused:
        read_identity(paths)

    assert "is damaged" in messages(refused.value)
    assert create_identity(db, OFFICE, paths, PASSPHRASE, replace=True) == read_identity(paths)
