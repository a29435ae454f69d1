"""The journal's Ed25519 signing key, kept in a file outside the database.

The private key lives in `<data_dir()>/journal-signing-key.pem` (POS_JOURNAL_KEY_FILE names another file),
readable by its owner only. It is made the first time the app signs: written to a temporary file, then
hard-linked into place, which fails if another process got there first, so two processes starting at once
end up with the same key and nobody ever reads a half-written file. A key file that exists but cannot be
read is an error, never a reason to make a new key: a new key would not match the journal's signatures.

The public key travels in the database (see services/journal.py), so that checking needs only the database.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from pos_app import config
from pos_app.errors import PosError

KEY_FILE_ENV = "POS_JOURNAL_KEY_FILE"
KEY_FILE_NAME = "journal-signing-key.pem"


class JournalKeyError(PosError):
    """The journal's signing key is unreadable, or is not the key this database's journal was signed with."""


def key_file() -> Path:
    """Where the private key is: POS_JOURNAL_KEY_FILE, else journal-signing-key.pem in the user-data folder."""
    configured = os.environ.get(KEY_FILE_ENV, "").strip()
    return Path(configured).expanduser().absolute() if configured else config.data_dir() / KEY_FILE_NAME


class PublicKey:
    """A journal public key: checks signatures, and has a short fingerprint people can compare."""

    def __init__(self, key: Ed25519PublicKey) -> None:
        self._key = key
        raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.fingerprint = hashlib.sha256(raw).hexdigest()[:16]
        self.pem = key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode("ascii")

    @classmethod
    def from_pem(cls, pem: str | bytes, source: str = "the journal public key") -> PublicKey:
        """Raises JournalKeyError if `pem` is not an Ed25519 public key in PEM form."""
        data = pem.encode("ascii", errors="replace") if isinstance(pem, str) else pem
        try:
            key = load_pem_public_key(data)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            key = None
        if not isinstance(key, Ed25519PublicKey):
            raise JournalKeyError(f"{source} is not an Ed25519 public key in PEM form.")
        return cls(key)

    def is_valid(self, message: bytes, signature: str) -> bool:
        """Whether `signature` (base64) is this key's signature of `message`."""
        try:
            self._key.verify(base64.b64decode(signature, validate=True), message)
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicKey) and other.pem == self.pem

    def __hash__(self) -> int:
        return hash(self.pem)


class Signer:
    """The private key, loaded from its file: signs journal entries and heads."""

    def __init__(self, key: Ed25519PrivateKey, path: Path) -> None:
        self._key = key
        self.path = path
        self.public_key = PublicKey(key.public_key())

    def sign(self, message: bytes) -> str:
        """The Ed25519 signature of `message`, base64 (88 characters)."""
        return base64.b64encode(self._key.sign(message)).decode("ascii")


def load_signer(path: Path) -> Signer:
    """The key in `path`, made first if there is no file yet (mode 0600). Raises JournalKeyError."""
    if not path.exists():
        _create_key_file(path)
    return _read_key_file(path)


@functools.cache
def _cached_signer(path: Path) -> Signer:
    return load_signer(path)


def current_signer() -> Signer:
    """The signer of this process, from key_file(); the file is read once per path."""
    return _cached_signer(key_file())


def _create_key_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(pem)
                file.flush()
                os.fsync(file.fileno())
            try:
                os.link(temporary, path)  # never replaces: the first process to link wins, the others read its key
            except FileExistsError:
                return
        finally:
            temporary.unlink(missing_ok=True)
        _sync_folder(path.parent)
    except OSError as error:
        raise JournalKeyError(
            f"Cannot create the journal signing key {path}: {error.strerror or error}. Make the folder writable, "
            f"or set {KEY_FILE_ENV} to a file in a folder that is."
        ) from None


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _read_key_file(path: Path) -> Signer:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise JournalKeyError(
            f"Cannot read the journal signing key {path}: {error.strerror or error}. Without it no sale can be "
            "journaled: fix the file's permissions or restore it from a backup."
        ) from None
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise JournalKeyError(
            f"The journal signing key {path} is damaged or not an Ed25519 key. Restore it from a backup; do not "
            "delete it, a new key would not match the journal already written."
        )
    return Signer(key, path)
