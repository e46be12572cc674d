"""Secrets of upload destinations (tokens, WebDAV passwords), never stored in plain text.

With a real OS keyring (Windows Credential Manager, macOS Keychain, Secret Service) the secret
goes there and the database keeps only its name: ``keyring:<name>``. Without one (a headless
Linux box, a locked-down PC) it is encrypted with Fernet under a key made once per data folder
(``secret.key``, readable by its owner only) and the database keeps ``fernet:<ciphertext>``.
Secret values are never logged nor written to the audit trail.
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

import keyring
import keyring.errors
from cryptography.fernet import Fernet, InvalidToken

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.paths import AppPaths
from unionDesk.services.errors import ServiceError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "UnionDesk"
KEY_FILE_NAME = "secret.key"
KEYRING_PREFIX = "keyring:"
FERNET_PREFIX = "fernet:"
_NO_BACKENDS = ("keyring.backends.fail", "keyring.backends.null")


class SecretUnavailable(ServiceError):
    """A stored secret cannot be read back (keyring entry gone, key file lost or changed)."""


def keyring_usable() -> bool:
    """Whether a real OS keyring is available (not keyring's "fail" or "null" stand-ins)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app
        log.warning("the OS keyring cannot be loaded", exc_info=True)
        return False
    if type(backend).__module__ in _NO_BACKENDS:
        return False
    return float(getattr(backend, "priority", 0)) > 0


def key_file(paths: AppPaths) -> Path:
    """The per-install Fernet key of the encrypted fallback."""
    return paths.root / KEY_FILE_NAME


def store_secret(paths: AppPaths, secret: str) -> str:
    """Keep ``secret`` safely and return the reference to store in the database."""
    if keyring_usable():
        name = f"upload-destination-{uuid.uuid4().hex}"
        try:
            keyring.set_password(KEYRING_SERVICE, name, secret)
            return KEYRING_PREFIX + name
        except Exception:  # e.g. a locked or unreachable Secret Service: fall back
            log.warning("the OS keyring refused the secret; encrypting it instead", exc_info=True)
    token = Fernet(_load_or_create_key(paths)).encrypt(secret.encode("utf-8"))
    return FERNET_PREFIX + token.decode("ascii")


def read_secret(paths: AppPaths, secret_ref: str) -> str:
    """The secret behind ``secret_ref`` ("" for an empty reference).

    Raises:
        SecretUnavailable: it cannot be read back; the user must enter it again.
    """
    if not secret_ref:
        return ""
    if secret_ref.startswith(KEYRING_PREFIX):
        try:
            value = keyring.get_password(KEYRING_SERVICE, secret_ref[len(KEYRING_PREFIX) :])
        except Exception as error:
            raise _unavailable("the OS keyring cannot be read") from error
        if value is None:
            raise _unavailable("the OS keyring has no such entry")
        return value
    if secret_ref.startswith(FERNET_PREFIX):
        path = key_file(paths)
        try:
            key = path.read_bytes()
        except OSError as error:
            raise _unavailable(f"the key file {path} cannot be read") from error
        try:
            plain = Fernet(key).decrypt(secret_ref[len(FERNET_PREFIX) :].encode("ascii"))
        except (InvalidToken, ValueError) as error:
            raise _unavailable(f"the key file {path} does not fit") from error
        return plain.decode("utf-8")
    raise _unavailable("unknown kind of reference")


def forget_secret(secret_ref: str) -> None:
    """Remove a keyring entry no longer used (an encrypted secret goes with its row)."""
    if not secret_ref.startswith(KEYRING_PREFIX):
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, secret_ref[len(KEYRING_PREFIX) :])
    except keyring.errors.PasswordDeleteError:
        pass  # already gone
    except Exception:
        log.warning("an unused keyring entry could not be removed", exc_info=True)


def _load_or_create_key(paths: AppPaths) -> bytes:
    path = key_file(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        existing = path.read_bytes()
        if existing.strip():
            return existing
        # An empty file left by a crash right after creating it encrypted nothing: replace it.
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC, 0o600)
    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(key)
        stream.flush()
        os.fsync(stream.fileno())
    return key


def _unavailable(reason: str) -> SecretUnavailable:
    return SecretUnavailable(
        problem(
            "secret",
            QT_TRANSLATE_NOOP(
                "Validation",
                "The saved password or token of this upload destination cannot be read "
                "({reason}). Enter it again in the destination's settings.",
            ),
            reason=reason,
        )
    )
