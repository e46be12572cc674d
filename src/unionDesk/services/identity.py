"""The union's signing identity: a key pair and certificate kept as a passphrase-encrypted PKCS#12.

``paths.identity`` holds ``identity.p12`` (key and certificate, encrypted with the passphrase,
which is never stored) and ``identity.pem`` (the certificate alone: public, readable without the
passphrase, given to the higher-level union). A replaced identity is moved to ``replaced/``,
never deleted. A chair countersigns with a personal PKCS#12 kept outside the data folder.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, record
from unionDesk.services.certificates import (
    IdentityInfo,
    SigningKey,
    common_name,
    describe_certificate,
    load_signer_from_p12,
    new_key,
    open_p12,
    passphrase_problems,
    self_signed_certificate,
    serialize_p12,
)
from unionDesk.services.database import get_union
from unionDesk.services.file_store import write_atomically
from unionDesk.services.permissions import require
from unionDesk.store.db import Database

IDENTITY_FILE = "identity.p12"
CERTIFICATE_FILE = "identity.pem"
REPLACED_FOLDER = "replaced"


def create_identity(
    db: Database, actor: Actor, paths: AppPaths, passphrase: str, *, replace: bool = False
) -> IdentityInfo:
    """Make a key pair and a self-signed certificate for the union in the profile.

    The subject is C=CN, O and CN the union's name, organizationIdentifier its code.

    Raises:
        PermissionDenied: the actor may not manage the signing identity.
        ValidationFailed: a short passphrase, or an identity exists and ``replace`` is False.
    """
    require(actor, Permission.MANAGE_SIGNING)
    _check_new(paths, passphrase_problems(passphrase), replace=replace)
    union = get_union(db)
    key = new_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, union.name),
            x509.NameAttribute(NameOID.COMMON_NAME, union.name),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, union.uscc),
        ]
    )
    certificate = self_signed_certificate(key, subject)
    p12 = serialize_p12(union.name, key, certificate, [], passphrase)
    return _store(db, actor, paths, p12, certificate, "created signing identity")


def import_identity(
    db: Database,
    actor: Actor,
    paths: AppPaths,
    p12_bytes: bytes,
    passphrase: str,
    *,
    replace: bool = False,
) -> IdentityInfo:
    """Take a PKCS#12 (issued by the higher-level union) as the signing identity.

    It is stored re-encrypted with the same passphrase, with the issuer's chain if present.

    Raises:
        PermissionDenied: the actor may not manage the signing identity.
        ValidationFailed: wrong passphrase, not a PKCS#12, no key or certificate in it, or an
            identity exists and ``replace`` is False.
    """
    require(actor, Permission.MANAGE_SIGNING)
    empty = [] if passphrase else [_problem_no_passphrase()]
    _check_new(paths, empty, replace=replace)
    key, certificate, chain = open_p12(p12_bytes, passphrase)
    p12 = serialize_p12(common_name(certificate), key, certificate, chain, passphrase)
    return _store(db, actor, paths, p12, certificate, "imported signing identity")


def read_identity(paths: AppPaths) -> IdentityInfo | None:
    """The stored certificate's details (no passphrase needed); None when there is none.

    Raises:
        ValidationFailed: the certificate file is damaged.
    """
    file = paths.identity / CERTIFICATE_FILE
    try:
        return describe_certificate(x509.load_pem_x509_certificate(file.read_bytes()))
    except FileNotFoundError:
        return None
    except ValueError:
        raise ValidationFailed([_problem_damaged(file)]) from None


def export_certificate(paths: AppPaths) -> bytes:
    """The identity's certificate as PEM, to give to the higher-level union.

    Raises:
        ValidationFailed: there is no signing identity yet.
    """
    try:
        return (paths.identity / CERTIFICATE_FILE).read_bytes()
    except FileNotFoundError:
        raise ValidationFailed([_problem_no_identity()]) from None


def load_signer(paths: AppPaths, passphrase: str) -> SigningKey:
    """Decrypt the stored identity with ``passphrase`` for signing.

    Raises:
        ValidationFailed: there is no identity yet, or the passphrase is wrong.
    """
    try:
        p12 = (paths.identity / IDENTITY_FILE).read_bytes()
    except FileNotFoundError:
        raise ValidationFailed([_problem_no_identity()]) from None
    return load_signer_from_p12(p12, passphrase)


# --- the files -------------------------------------------------------------------------------


def _check_new(paths: AppPaths, problems: list[Problem], *, replace: bool) -> None:
    if not replace and (paths.identity / IDENTITY_FILE).exists():
        message = QT_TRANSLATE_NOOP(
            "Validation",
            "This data folder already has a signing identity. Replacing it keeps the old one "
            "in {folder}, but returns signed from now on carry the new certificate: confirm "
            "the replacement to go on.",
        )
        problems = [*problems, problem("", message, folder=str(paths.identity / REPLACED_FOLDER))]
    if problems:
        raise ValidationFailed(problems)


def _store(
    db: Database,
    actor: Actor,
    paths: AppPaths,
    p12: bytes,
    certificate: x509.Certificate,
    summary: str,
) -> IdentityInfo:
    """Write the identity files and audit it as one step (a failed write rolls back the entry)."""
    info = describe_certificate(certificate)
    try:
        before = read_identity(paths)
    except ValidationFailed:  # a damaged certificate file is being replaced
        before = None
    with db.write() as session:
        changes = {"certificate": (before.fingerprint if before else None, info.fingerprint)}
        record(session, actor, Action.SIGN, "identity", info.fingerprint, summary, changes)
        paths.identity.mkdir(parents=True, exist_ok=True)
        _set_aside(paths)
        write_atomically(paths.identity / IDENTITY_FILE, p12)
        pem = certificate.public_bytes(serialization.Encoding.PEM)
        write_atomically(paths.identity / CERTIFICATE_FILE, pem)
    return info


def _set_aside(paths: AppPaths) -> None:
    """Move the current identity files to ``replaced/`` under a timestamped name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for name in (IDENTITY_FILE, CERTIFICATE_FILE):
        current = paths.identity / name
        if current.exists():
            folder = paths.identity / REPLACED_FOLDER
            folder.mkdir(exist_ok=True)
            os.replace(current, folder / f"{current.stem}-{stamp}{current.suffix}")


# --- messages --------------------------------------------------------------------------------


def _problem_no_identity() -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "There is no signing identity yet. An administrator creates or imports one on the "
            "Returns page with “Signing identity…”.",
        ),
    )


def _problem_damaged(file: Path) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The certificate file {file} is damaged. Restore the identity folder from a copy, "
            "or create or import the signing identity again.",
        ),
        file=str(file),
    )


def _problem_no_passphrase() -> Problem:
    return problem(
        "passphrase",
        QT_TRANSLATE_NOOP(
            "Validation", "Enter the passphrase the PKCS#12 file was protected with."
        ),
    )
