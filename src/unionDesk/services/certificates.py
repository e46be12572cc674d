"""Keys, certificates and PKCS#12 files: making, opening and describing them.

A PKCS#12 is opened with cryptography, which raises on a wrong passphrase (pyHanko's own loader
returned None); every failure becomes a message the user can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

MIN_PASSPHRASE_LENGTH = 8
RSA_KEY_BITS = 2048  # the most widely verifiable choice (old readers, poppler); signs in ~2 ms
VALIDITY = timedelta(days=5 * 365)
CLOCK_SLACK = timedelta(hours=1)  # certificates start a little in the past: PC clocks drift
_USCC_PREFIX = "NTRCN-"  # ETSI EN 319 412-1 form an issuing CA may use for the code
_NAME_LABELS = {NameOID.ORGANIZATION_IDENTIFIER: "organizationIdentifier"}


@dataclass(frozen=True)
class IdentityInfo:
    """What the screens show of a certificate.

    Attributes:
        subject: the full subject, e.g. ``CN=…,O=…,C=CN``.
        name: the common name (the union's name, or the person's).
        uscc: the 统一社会信用代码 in the subject; empty for a person.
        fingerprint: SHA-256 of the certificate as colon-separated uppercase hex pairs.
        valid_from: start of validity (UTC).
        valid_to: end of validity (UTC).
        self_signed: whether the certificate signed itself (no issuing authority).
    """

    subject: str
    name: str
    uscc: str
    fingerprint: str
    valid_from: datetime
    valid_to: datetime
    self_signed: bool


@dataclass(frozen=True)
class SigningKey:
    """A decrypted key with its certificate, ready for ``signing.sign_pdf``.

    Attributes:
        info: the certificate's details (the manifest records ``info.fingerprint``).
    """

    info: IdentityInfo
    signer: SimpleSigner = field(repr=False)


def passphrase_problems(passphrase: str) -> list[Problem]:
    """Problems with a new passphrase; [] when it is acceptable."""
    if len(passphrase) >= MIN_PASSPHRASE_LENGTH:
        return []
    message = QT_TRANSLATE_NOOP(
        "Validation", "The passphrase must have at least {minimum} characters."
    )
    return [problem("passphrase", message, minimum=MIN_PASSPHRASE_LENGTH)]


def load_signer_from_p12(p12_bytes: bytes, passphrase: str) -> SigningKey:
    """Decrypt a PKCS#12 (a chair's personal one, say) for signing.

    Raises:
        ValidationFailed: the passphrase is wrong, or the file is not a usable PKCS#12.
    """
    key, certificate, chain = open_p12(p12_bytes, passphrase)
    signer = SimpleSigner(
        signing_cert=_asn1_certificate(certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [_asn1_certificate(c) for c in chain]
        ),
    )
    return SigningKey(describe_certificate(certificate), signer)


def create_personal_p12(name: str, passphrase: str) -> bytes:
    """A PKCS#12 with a new key and a self-signed certificate for a person (CN=``name``).

    For the committee chair, who countersigns as a person, not as the union.

    Raises:
        ValidationFailed: the name is empty or the passphrase too short.
    """
    problems = passphrase_problems(passphrase)
    name = " ".join(name.split())
    if not name:
        message = QT_TRANSLATE_NOOP("Validation", "Enter the name of the person who will sign.")
        problems.append(problem("name", message))
    if problems:
        raise ValidationFailed(problems)
    key = new_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    return serialize_p12(name, key, self_signed_certificate(key, subject), [], passphrase)


def describe_certificate(certificate: x509.Certificate) -> IdentityInfo:
    """The details of ``certificate`` that users check (name, code, fingerprint, validity)."""
    code = _attribute(certificate.subject, NameOID.ORGANIZATION_IDENTIFIER)
    return IdentityInfo(
        subject=certificate.subject.rfc4514_string(_NAME_LABELS),
        name=common_name(certificate),
        uscc=code.removeprefix(_USCC_PREFIX),
        fingerprint=fingerprint(certificate),
        valid_from=certificate.not_valid_before_utc,
        valid_to=certificate.not_valid_after_utc,
        self_signed=_is_self_signed(certificate),
    )


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate as ``AB:CD:…`` (what users compare by phone or on paper)."""
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


# --- certificates and PKCS#12 ----------------------------------------------------------------


def new_key() -> rsa.RSAPrivateKey:
    """A new RSA key for signing."""
    return rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)


def self_signed_certificate(key: rsa.RSAPrivateKey, subject: x509.Name) -> x509.Certificate:
    """A certificate for ``subject`` signed by its own key, for document signing only."""
    now = datetime.now(UTC)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # nonRepudiation: what document signatures are checked for
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SLACK)
        .not_valid_after(now + VALIDITY)
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def serialize_p12(
    label: str,
    key: Any,
    certificate: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str,
) -> bytes:
    """``key``, ``certificate`` and its ``chain`` as a PKCS#12 encrypted with ``passphrase``."""
    encryption = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    return pkcs12.serialize_key_and_certificates(
        label.encode("utf-8"), key, certificate, chain or None, encryption
    )


def open_p12(
    p12_bytes: bytes, passphrase: str
) -> tuple[Any, x509.Certificate, list[x509.Certificate]]:
    """Key, certificate and chain of a PKCS#12; every failure is told in the user's words."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            p12_bytes, passphrase.encode("utf-8")
        )
    except ValueError:  # a wrong passphrase and a foreign file raise the same error
        reason = _problem_wrong_passphrase() if _is_pkcs12(p12_bytes) else _problem_not_p12()
        raise ValidationFailed([reason]) from None
    if key is None or certificate is None:  # loaders have returned None instead of raising
        raise ValidationFailed([_problem_incomplete_p12()])
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise ValidationFailed([_problem_incomplete_p12()])
    if _public_der(key.public_key()) != _public_der(certificate.public_key()):
        raise ValidationFailed([_problem_incomplete_p12()])
    return key, certificate, list(chain)


def _public_der(public_key: Any) -> bytes:
    return bytes(
        public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def _is_pkcs12(data: bytes) -> bool:
    """Whether ``data`` is structurally a PKCS#12 (so a failed decryption means a wrong key)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["auth_safe"]["content_type"].native == "data")
    except (ValueError, TypeError):
        return False


def _asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def common_name(certificate: x509.Certificate) -> str:
    """The subject's common name, or its organisation when it has none."""
    subject = certificate.subject
    return _attribute(subject, NameOID.COMMON_NAME) or _attribute(
        subject, NameOID.ORGANIZATION_NAME
    )


def _is_self_signed(certificate: x509.Certificate) -> bool:
    if certificate.issuer != certificate.subject:
        return False
    try:
        certificate.verify_directly_issued_by(certificate)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


# --- messages -------------------------------------------------------------------------------------


def _problem_wrong_passphrase() -> Problem:
    return problem(
        "passphrase",
        QT_TRANSLATE_NOOP("Validation", "The passphrase is wrong. Type it again."),
    )


def _problem_not_p12() -> Problem:
    return problem(
        "file",
        QT_TRANSLATE_NOOP(
            "Validation",
            "This file is not a PKCS#12 signing identity (.p12 or .pfx). Ask the issuer for "
            "the right file.",
        ),
    )


def _problem_incomplete_p12() -> Problem:
    return problem(
        "file",
        QT_TRANSLATE_NOOP(
            "Validation",
            "This PKCS#12 file does not hold a matching private key and certificate (RSA or EC) "
            "and cannot be used to sign. Ask the issuer for a complete file.",
        ),
    )
