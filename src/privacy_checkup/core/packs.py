"""Signed checklist packs: an office signs its checklist folder; the app verifies it before loading it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # cryptography is imported where it is used, which keeps the app's start-up fast
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_checkup.core import checklist_format
from privacy_checkup.core import pack_format as fmt
from privacy_checkup.core.documents import parse_document
from privacy_checkup.core.errors import (
    ChecklistError,
    Diagnostic,
    InvalidFileError,
    KeyFileError,
    PackError,
    PackFileAddedError,
    PackFileChangedError,
    PackFileMissingError,
    PackMalformedError,
    PackRolledBackError,
    PackSignatureMismatchError,
    PackUnknownKeyError,
    PackUnsignedError,
    SigningError,
)
from privacy_checkup.core.loader import checklist_files, parse_checklist
from privacy_checkup.core.policy import TrustedKey, key_id


@dataclass(frozen=True)
class Manifest:
    organisation: str
    version: int
    created: dt.date
    files: Mapping[str, str]  # file name -> SHA-256 hex of its bytes


@dataclass(frozen=True)
class VerifiedPack:
    folder: Path
    manifest: Manifest
    key: TrustedKey
    files: tuple[tuple[Path, bytes], ...]  # the exact bytes whose hashes were checked

    @property
    def signature(self) -> str:
        return f"verified by {self.manifest.organisation}"


@dataclass(frozen=True)
class SignedPack:
    """What signing produced: the bytes of pack.json and pack.sig, for the caller to write."""

    manifest: Manifest
    manifest_bytes: bytes
    signature_bytes: bytes


# --- keys -----------------------------------------------------------------------------------------

def new_private_key() -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    """PKCS#8 PEM, unencrypted: readable by OpenSSL (`openssl pkey -in FILE -pubout`)."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_text(public_key: bytes) -> str:
    """The form policy.json's trusted_keys[].public_key takes: base64 of the raw 32 bytes."""
    return base64.b64encode(public_key).decode("ascii")


def read_private_key(data: bytes, label: str) -> Ed25519PrivateKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"{label} is not an unencrypted Ed25519 private key in PEM form ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{label} holds a private key of another type; pack signing uses Ed25519")
    return key


def read_public_key(data: bytes, label: str) -> bytes:
    """A public key file as `pack keygen` writes it (base64 of the raw key), or PEM; returns the raw key."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text)
        except (ValueError, UnsupportedAlgorithm) as exc:
            raise KeyFileError(f"{label} is not a public key in PEM form ({exc})") from None
        if not isinstance(key, Ed25519PublicKey):
            raise KeyFileError(f"{label} holds a public key of another type; pack signing uses Ed25519")
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise KeyFileError(f"{label} is not an Ed25519 public key: expected 44 characters of base64, "
                           "as written by 'privacy-checkup pack keygen'")
    return raw


# --- signing --------------------------------------------------------------------------------------

def sign_pack(folder: Path, private_key: Ed25519PrivateKey, organisation: str, version: int,
              created: dt.date) -> SignedPack:
    """Sign every checklist file in `folder`. Refuses invalid checklists, odd file names and a
    version not above the pack already there (staff would reject it as rolled back)."""
    files = _read_checklists_to_sign(folder)
    previous = _current_version(folder)
    if previous is not None and version <= previous:
        raise SigningError(f"version {version} is not higher than the pack already in {folder} (version "
                           f"{previous}); computers that have seen version {previous} would reject it as "
                           "rolled back")
    document: dict[str, Any] = {
        "schema_version": fmt.PACK_SCHEMA_VERSION,
        "organisation": organisation,
        "version": version,
        "created": created.isoformat(),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    manifest_bytes = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    # Check what we are about to sign with the same rules the verifier applies.
    try:
        manifest = _parse_manifest(folder, manifest_bytes)
    except PackMalformedError as exc:
        first = exc.problem.diagnostics[0]
        raise SigningError(f"cannot sign: {first.json_path.removeprefix('$.')} {first.message}") from None
    signature = {
        "schema_version": fmt.PACK_SCHEMA_VERSION,
        "key_id": key_id(raw_public_key(private_key)),
        "signature": base64.b64encode(private_key.sign(manifest_bytes)).decode("ascii"),
    }
    signature_bytes = (json.dumps(signature, indent=2) + "\n").encode("ascii")
    return SignedPack(manifest, manifest_bytes, signature_bytes)


def _read_checklists_to_sign(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        raise SigningError(f"{folder} is not a folder")
    files: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for path in checklist_files(folder):
        if not fmt.FILE_NAME_PATTERN_RE.fullmatch(path.name):
            raise SigningError(f"cannot sign {path}: a file name in a pack may only use letters, digits, "
                               "'.', '_' and '-', and must end in .json")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SigningError(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            parse_checklist(data, str(path))
        except ChecklistError as exc:
            problems.extend(exc.diagnostics)
        files[path.name] = data
    if problems:
        raise ChecklistError(problems)
    return files


def _current_version(folder: Path) -> int | None:
    try:
        return _parse_manifest(folder, (folder / fmt.PACK_MANIFEST_NAME).read_bytes()).version
    except (OSError, PackError):
        return None  # no pack yet, or one too damaged to matter


# --- verification ---------------------------------------------------------------------------------

def verify_pack(folder: Path, trusted_keys: Sequence[TrustedKey], *, require_signed: bool,
                highest_seen: Mapping[str, int]) -> VerifiedPack | None:
    """Check the signed pack in `folder`; None when the folder is not signed and need not be.

    Raises a distinct PackError for each reason to reject: unsigned when required, unknown key,
    a signature that does not match the manifest, a rolled-back version, and a file changed,
    added or missing since signing. Any pack that claims to be signed is checked fully, even
    when signing is not required: a failed check always means something is wrong.
    """
    manifest_path = folder / fmt.PACK_MANIFEST_NAME
    signature_path = folder / fmt.PACK_SIGNATURE_NAME
    if not signature_path.is_file():
        if require_signed and (manifest_path.is_file() or checklist_files(folder)):
            raise PackUnsignedError(folder)
        return None
    if not manifest_path.is_file():
        raise PackFileMissingError(folder, fmt.PACK_MANIFEST_NAME)
    manifest_bytes = _read(folder, manifest_path, fmt.MAX_PACK_BYTES)
    signer_id, signature = _parse_signature(folder, _read(folder, signature_path, fmt.MAX_PACK_BYTES))
    key = next((k for k in trusted_keys if k.key_id == signer_id), None)
    if key is None:
        raise PackUnknownKeyError(folder, signer_id)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise PackSignatureMismatchError(folder) from None
    # Only now, with the manifest known to come from a trusted key, is it worth reading.
    manifest = _parse_manifest(folder, manifest_bytes)
    seen = highest_seen.get(manifest.organisation)
    if seen is not None and manifest.version < seen:
        raise PackRolledBackError(folder, manifest.organisation, manifest.version, seen)
    return VerifiedPack(folder, manifest, key, _check_files(folder, manifest))


def _check_files(folder: Path, manifest: Manifest) -> tuple[tuple[Path, bytes], ...]:
    present = {path.name: path for path in checklist_files(folder)}
    for name in sorted(manifest.files):
        if name not in present:
            raise PackFileMissingError(folder, name)
    for name in sorted(present):
        if name not in manifest.files:
            raise PackFileAddedError(folder, name)
    out = []
    for name, path in sorted(present.items()):
        data = _read(folder, path, checklist_format.MAX_FILE_BYTES + 1)
        if hashlib.sha256(data).hexdigest() != manifest.files[name]:
            raise PackFileChangedError(folder, name)
        out.append((path, data))
    return tuple(out)


def _read(folder: Path, path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise PackMalformedError(folder, InvalidFileError([Diagnostic(
            str(path), 1, 1, f"cannot read the file: {exc.strerror or exc}")])) from None


def _parse_signature(folder: Path, data: bytes) -> tuple[str, bytes]:
    label = str(folder / fmt.PACK_SIGNATURE_NAME)
    try:
        raw = parse_document(data, label, fmt.SIGNATURE, fmt.MAX_PACK_BYTES, fmt.MAX_PACK_DEPTH, InvalidFileError)
    except InvalidFileError as exc:
        raise PackMalformedError(folder, exc) from None
    return raw["key_id"], base64.b64decode(raw["signature"], validate=True)


def _parse_manifest(folder: Path, data: bytes) -> Manifest:
    label = str(folder / fmt.PACK_MANIFEST_NAME)
    try:
        raw = parse_document(data, label, fmt.MANIFEST, fmt.MAX_PACK_BYTES, fmt.MAX_PACK_DEPTH, InvalidFileError)
    except InvalidFileError as exc:
        raise PackMalformedError(folder, exc) from None
    return Manifest(raw["organisation"], int(raw["version"]), dt.date.fromisoformat(raw["created"]),
                    MappingProxyType(dict(raw["files"])))
