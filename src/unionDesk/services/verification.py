"""Checking a signed PDF: who signed and when, whether it changed since, and is it trusted here.

pyHanko does the checking, including its difference analysis of every incremental update after
a signature (``modification_level``): ``pdfsig`` misses some of those. A file is ``ok`` when each
signature is intact and cryptographically valid and nothing but the chair's countersignature
(permitted by the union's certification) was added after it. Trust is reported but does not
decide ``ok``: a self-signed certificate is the norm, checked by its fingerprint.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    read_certification_data,
    validate_pdf_signature,
)
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, Translate, problem
from unionDesk.paths import AppPaths
from unionDesk.services.certificates import describe_certificate
from unionDesk.services.errors import ServiceError
from unionDesk.services.identity import CERTIFICATE_FILE

TRUSTED_FOLDER = "trusted"
TIME_FORMAT = "%Y-%m-%d %H:%M"
# Document signing certificates carry nonRepudiation, digitalSignature, or both.
KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)
# Parsing hostile or damaged files fails in many ways; each means "cannot be checked".
_BROKEN = (PdfError, ValueError, KeyError, TypeError, IndexError)

log = logging.getLogger(__name__)
# pyHanko logs a traceback for every certificate that does not chain to a trusted one; for a
# self-signed certificate that is the normal case, and the report already says so.
logging.getLogger("pyhanko.sign.validation.generic_cms").setLevel(logging.ERROR)
# Its other findings (a forged update, say) reach the app's log, never the terminal of `verify`,
# where the report says it in plain words.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


class Modification(StrEnum):
    """How the document changed after a signature (pyHanko's ``ModificationLevel``)."""

    NONE = "none"  # byte for byte what was signed
    LTA_UPDATES = "lta_updates"  # only validation data or time stamps added
    FORM_FILLING = "form_filling"  # only form fields filled and signatures added
    ANNOTATIONS = "annotations"
    OTHER = "other"  # anything else: content changed, or not analysable


class UnreadablePdf(ServiceError):
    """The file is not a PDF, or too damaged to find its signatures."""


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one signature.

    Attributes:
        field_name: the signature field (``UnionSignature``, ``ChairSignature`` …).
        signer: the certificate's common name (organisation name if it has none).
        uscc: the 统一社会信用代码 in the certificate; empty for a person.
        fingerprint: SHA-256 of the signer's certificate, ``AB:CD:…``.
        signed_at: the signing time the signer declared; None if absent.
        intact: the signed bytes are unchanged (the digest matches).
        valid: the signature is cryptographically valid for the certificate.
        trusted: the certificate chains to one this install trusts.
        self_signed: the certificate signed itself (no issuing authority).
        certifying: this is the certification signature (DocMDP).
        modification: what changed in the file after this signature.
        docmdp_ok: those changes are allowed by the document's modification policy.
        form_filling_permitted: the certification allows filling forms (the chair's field).
        error: why the signature could not be checked (English, for logs); empty if it was.
    """

    field_name: str
    signer: str
    uscc: str
    fingerprint: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    self_signed: bool
    certifying: bool
    modification: Modification
    docmdp_ok: bool
    form_filling_permitted: bool
    error: str = ""

    @property
    def unchanged(self) -> bool:
        """Nothing but permitted additions (the chair's countersignature) came after it."""
        if self.modification in (Modification.NONE, Modification.LTA_UPDATES):
            return True
        return self.modification is Modification.FORM_FILLING and self.form_filling_permitted

    @property
    def ok(self) -> bool:
        """Intact, valid, and the document was not changed after it beyond what is allowed."""
        return self.intact and self.valid and self.docmdp_ok and self.unchanged


@dataclass(frozen=True)
class VerificationReport:
    """Every signature of a PDF, in signing order."""

    signatures: tuple[SignatureCheck, ...]

    @property
    def ok(self) -> bool:
        """Signed, and every signature intact, valid and not followed by disallowed changes."""
        return bool(self.signatures) and all(s.ok for s in self.signatures)


def trusted_certificates(paths: AppPaths) -> list[bytes]:
    """PEM certificates this install trusts: its own identity's, and ``identity/trusted/*.pem``."""
    files = [paths.identity / CERTIFICATE_FILE]
    files += sorted((paths.identity / TRUSTED_FOLDER).glob("*.pem"))
    return [file.read_bytes() for file in files if file.is_file()]


def verify_pdf(pdf: bytes, trusted_pem: list[bytes]) -> VerificationReport:
    """Check every signature of ``pdf``.

    Args:
        pdf: the file's content.
        trusted_pem: PEM certificates whose holders this install trusts.

    Raises:
        UnreadablePdf: not a PDF, or too damaged to read its signatures.
    """
    roots = list(_certificates(trusted_pem))
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        certification = read_certification_data(reader)
        permitted = certification is not None and certification.permission in (
            MDPPerm.FILL_FORMS,
            MDPPerm.ANNOTATE,
        )
        author = certification.author_sig if certification is not None else None
        return VerificationReport(
            tuple(
                _check(sig, roots, permitted, sig.sig_object == author)
                for sig in reader.embedded_regular_signatures
            )
        )
    except _BROKEN as error:
        log.info("unreadable PDF: %r", error)
        raise UnreadablePdf(_problem_unreadable()) from None


def _certificates(pems: Iterable[bytes]) -> Iterable[asn1_x509.Certificate]:
    for pem in pems:
        try:
            loaded = x509.load_pem_x509_certificates(pem)
        except ValueError:
            log.warning("a trusted certificate file is not PEM; ignored")
            continue
        for certificate in loaded:
            yield asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _check(
    sig: EmbeddedPdfSignature,
    roots: list[asn1_x509.Certificate],
    permitted: bool,
    certifying: bool,
) -> SignatureCheck:
    info = describe_certificate(x509.load_der_x509_certificate(sig.signer_cert.dump()))
    unchecked = SignatureCheck(
        field_name=str(sig.field_name),
        signer=info.name,
        uscc=info.uscc,
        fingerprint=info.fingerprint,
        signed_at=None,
        intact=False,
        valid=False,
        trusted=False,
        self_signed=info.self_signed,
        certifying=certifying,
        modification=Modification.OTHER,
        docmdp_ok=False,
        form_filling_permitted=permitted,
    )
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=KEY_USAGE)
    except _BROKEN as error:
        log.info("signature %s cannot be checked: %r", sig.field_name, error)
        return dataclasses.replace(unchecked, error=str(error) or type(error).__name__)
    level = status.modification_level
    return dataclasses.replace(
        unchecked,
        signed_at=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        modification=Modification.OTHER if level is None else Modification(level.name.lower()),
        docmdp_ok=bool(status.docmdp_ok),
    )


# --- in plain words --------------------------------------------------------------------------

_LINE = QT_TRANSLATE_NOOP(
    "Verification", "{number}. Signer: {signer}; signed at: {time}; {changes}; certificate: {trust}"
)
_TIME_UNKNOWN = QT_TRANSLATE_NOOP("Verification", "unknown")
_BROKEN_SIGNATURE = QT_TRANSLATE_NOOP(
    "Verification", "the file was changed after signing (the signed content no longer matches)"
)
_INVALID = QT_TRANSLATE_NOOP("Verification", "the signature itself is invalid")
_UNCHANGED = QT_TRANSLATE_NOOP("Verification", "the file was not changed after signing")
_COUNTERSIGNED = QT_TRANSLATE_NOOP(
    "Verification", "after signing only the permitted countersignature was added"
)
_CHANGED = QT_TRANSLATE_NOOP("Verification", "the file was changed after signing")
_TRUSTED = QT_TRANSLATE_NOOP("Verification", "trusted by this install")
_UNTRUSTED_SELF_SIGNED = QT_TRANSLATE_NOOP(
    "Verification",
    "not trusted by this install (self-signed certificate, check the fingerprint {fingerprint})",
)
_UNTRUSTED = QT_TRANSLATE_NOOP(
    "Verification", "not trusted by this install (check the fingerprint {fingerprint})"
)
_SUMMARY_OK = QT_TRANSLATE_NOOP(
    "Verification",
    "Verified: every signature is valid and the file was not changed after signing.",
)
_SUMMARY_FAILED = QT_TRANSLATE_NOOP(
    "Verification", "Verification FAILED: do not rely on the content of this file."
)
_NO_SIGNATURE = QT_TRANSLATE_NOOP("Verification", "This file carries no digital signature.")


def describe(report: VerificationReport, translate: Translate) -> list[str]:
    """The report in plain words: a summary line, then one line per signature."""
    if not report.signatures:
        return [translate("Verification", _NO_SIGNATURE)]
    summary = _SUMMARY_OK if report.ok else _SUMMARY_FAILED
    lines = [translate("Verification", summary)]
    for number, check in enumerate(report.signatures, start=1):
        when = (
            check.signed_at.astimezone().strftime(TIME_FORMAT)
            if check.signed_at is not None
            else translate("Verification", _TIME_UNKNOWN)
        )
        lines.append(
            translate("Verification", _LINE).format(
                number=number,
                signer=check.signer,
                time=when,
                changes=translate("Verification", _changes_text(check)),
                trust=_trust_text(check, translate),
            )
        )
    return lines


def _changes_text(check: SignatureCheck) -> str:
    if not check.intact:
        return _BROKEN_SIGNATURE
    if not check.valid:
        return _INVALID
    if not (check.unchanged and check.docmdp_ok):
        return _CHANGED
    return _COUNTERSIGNED if check.modification is Modification.FORM_FILLING else _UNCHANGED


def _trust_text(check: SignatureCheck, translate: Translate) -> str:
    if check.trusted:
        return translate("Verification", _TRUSTED)
    text = _UNTRUSTED_SELF_SIGNED if check.self_signed else _UNTRUSTED
    return translate("Verification", text).format(fingerprint=check.fingerprint)


def _problem_unreadable() -> Problem:
    return problem(
        "file",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file is not a PDF document, or it is too damaged to read its signatures.",
        ),
    )
