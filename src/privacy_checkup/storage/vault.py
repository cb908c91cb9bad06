"""The notes vault: every note AES-256-GCM encrypted under a data key kept in the OS keyring."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from enum import Enum

from privacy_checkup.core.errors import (
    KeyStoreError,
    KeyStoreProblem,
    NoteCorruptError,
    NotesLockedError,
    WrongRecoveryKeyError,
)
from privacy_checkup.storage.keystore import KeyStore, describe_backend
from privacy_checkup.storage.note_records import VaultRecord
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.recovery import (
    NONCE_BYTES,
    WrappedKey,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
    unwrap_key,
    wrap_key,
)

NOTE_FORMAT = 1  # first byte of every stored note, so the format can change without guessing
_KEY_CHECK_LABEL = b"privacy-checkup key check v1\x00"
_UNLOCK = "choose Unlock notes"


class VaultState(Enum):
    EMPTY = "empty"  # no key yet, no notes
    UNLOCKED = "unlocked"
    LOCKED = "locked"


@dataclass(frozen=True)
class VaultStatus:
    state: VaultState
    reason: str | None = None  # plain-language cause: set when LOCKED (or UNLOCKED only for this session)
    fix: str | None = None


def key_check(key: bytes, vault_id: str) -> bytes:
    """A fingerprint of the key that reveals nothing about it, to tell a wrong key from the right one."""
    return hmac.new(key, _KEY_CHECK_LABEL + vault_id.encode("utf-8"), hashlib.sha256).digest()


def _note_aad(vault_id: str, checklist_id: str, item_id: str) -> bytes:
    # Binds a ciphertext to its note: moved to another item, checklist or store, it no longer decrypts.
    return json.dumps(["privacy-checkup note", NOTE_FORMAT, vault_id, checklist_id, item_id]).encode("utf-8")


def encrypt_note(key: bytes, vault_id: str, checklist_id: str, item_id: str, text: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # imported on use: keeps start-up fast

    nonce = secrets.token_bytes(NONCE_BYTES)  # fresh per write: a repeated nonce under one key breaks GCM
    sealed = AESGCM(key).encrypt(nonce, text.encode("utf-8"), _note_aad(vault_id, checklist_id, item_id))
    return bytes([NOTE_FORMAT]) + nonce + sealed


def decrypt_note(key: bytes, vault_id: str, checklist_id: str, item_id: str, stored: bytes) -> str:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    damaged = NoteCorruptError(f"The note on {checklist_id} / {item_id} is damaged and cannot be read. "
                               "Your other notes and answers are not affected.")
    if len(stored) < 1 + NONCE_BYTES + 16 or stored[0] != NOTE_FORMAT:
        raise damaged
    nonce, sealed = stored[1:1 + NONCE_BYTES], stored[1 + NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, sealed, _note_aad(vault_id, checklist_id, item_id)).decode("utf-8")
    except (InvalidTag, UnicodeDecodeError) as exc:
        raise damaged from exc


def _locked(exc: KeyStoreError, keys: KeyStore, have_notes: bool) -> NotesLockedError:
    later = "enter your recovery key to open your notes for now, or " if have_notes else ""
    if exc.problem is KeyStoreProblem.LOCKED:
        return NotesLockedError("Your system keyring is locked, so your notes cannot be opened.",
                                f"Unlock it (log in again or open Passwords and Keys), then {_UNLOCK}.")
    if exc.problem is KeyStoreProblem.NO_BACKEND:
        return NotesLockedError(f"No system keyring is available to keep the key for your notes ({exc.detail}).",
                                f"To fix this, {later}start your system's keyring (GNOME Keyring, KWallet, "
                                f"Keychain or Credential Locker) and {_UNLOCK}. Your answers are saved as usual.")
    if exc.problem is KeyStoreProblem.INSECURE_BACKEND:
        return NotesLockedError("Your keyring setting would keep the key for your notes unencrypted on disk, "
                                f"so Privacy Checkup will not use it ({exc.detail}).",
                                f"To fix this, {later}configure a secure system keyring and {_UNLOCK}. "
                                "Your answers are saved as usual.")
    return NotesLockedError(f"{keys.description.capitalize()} reported an error ({exc.detail}).",
                            f"Try again ({_UNLOCK}); if it keeps failing, enter your recovery key.")


class NotesVault:
    """Opens and saves notes; when the key is not available it stays locked and never makes a new one."""

    def __init__(self, store: ProgressStore, keys: KeyStore) -> None:
        self._store = store
        self._keys = keys
        self._key: bytes | None = None
        self._session_only: NotesLockedError | None = None  # set when the recovery key could not go back

    def has_notes(self) -> bool:
        return self._store.notes.count() > 0

    def status(self) -> VaultStatus:
        record = self._store.notes.vault()
        if record is None:
            insecure = self._keys.insecurity()
            if insecure is not None:
                problem = _locked(insecure, self._keys, have_notes=False)
                return VaultStatus(VaultState.LOCKED, problem.reason, problem.fix)
            return VaultStatus(VaultState.EMPTY)
        try:
            self._open_key(record)
        except NotesLockedError as exc:
            return VaultStatus(VaultState.LOCKED, exc.reason, exc.fix)
        if self._session_only is not None:
            return VaultStatus(VaultState.UNLOCKED, self._session_only.reason, self._session_only.fix)
        return VaultStatus(VaultState.UNLOCKED)

    def unlock(self) -> VaultStatus:
        """Ask the keyring again (after the user unlocked it); the key held for this session is kept."""
        return self.status()

    def write_note(self, checklist_id: str, item_id: str, text: str, now: dt.datetime) -> str | None:
        """Saves the note (an empty one too: history is kept). Returns the recovery key when it creates
        the vault's key, the one time it can be shown; raises NotesLockedError when locked."""
        record = self._store.notes.vault()
        if record is None:
            return self._create_with_note(checklist_id, item_id, text, now)
        key = self._open_key(record)
        self._store.notes.append_note(checklist_id, item_id,
                                      encrypt_note(key, record.vault_id, checklist_id, item_id, text), now)
        return None

    def read_note(self, checklist_id: str, item_id: str) -> str | None:
        record = self._store.notes.vault()
        if record is None:
            return None
        key = self._open_key(record)
        stored = self._store.notes.latest_note(checklist_id, item_id)
        return None if stored is None else decrypt_note(key, record.vault_id, checklist_id, item_id, stored)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        """Opens the notes with the recovery key and puts the key back into the keyring when it can."""
        record = self._store.notes.vault()
        if record is None:
            raise WrongRecoveryKeyError("There are no notes yet, so there is nothing to unlock.")
        wrapped = WrappedKey(record.recovery_salt, record.scrypt_n, record.scrypt_r, record.scrypt_p,
                             record.wrapped_key)
        key = unwrap_key(wrapped, parse_recovery_key(recovery_key), record.vault_id)
        if not hmac.compare_digest(key_check(key, record.vault_id), record.key_check):
            raise WrongRecoveryKeyError("This recovery key belongs to a different set of notes. Nothing was changed.")
        self._key = key
        try:
            self._keys.set_key(record.vault_id, key)  # the same key as before, never a new one
        except KeyStoreError as exc:
            problem = _locked(exc, self._keys, have_notes=True)
            self._session_only = NotesLockedError(
                f"Your notes are open until you close Privacy Checkup, but their key could not be put back into "
                f"the keyring: {problem.reason}", problem.fix)
            return
        self._session_only = None
        if record.key_backend != self._keys.backend_id:
            self._store.notes.set_key_backend(self._keys.backend_id)

    def _open_key(self, record: VaultRecord) -> bytes:
        if self._key is not None:
            return self._key
        try:
            key = self._keys.get_key(record.vault_id)
        except KeyStoreError as exc:
            raise _locked(exc, self._keys, have_notes=True) from exc
        if key is None:
            raise self._missing_key(record)
        if not hmac.compare_digest(key_check(key, record.vault_id), record.key_check):
            raise NotesLockedError("The keyring holds a different key from the one that protects your notes "
                                   "(the keyring may have been reset or the entry replaced).",
                                   "Enter your recovery key to put the right key back.")
        self._key = key
        return key

    def _missing_key(self, record: VaultRecord) -> NotesLockedError:
        now_using = self._keys.backend_id
        if record.key_backend is not None and record.key_backend != now_using:
            before, after = describe_backend(record.key_backend), self._keys.description
            return NotesLockedError(f"The key for your notes was saved in {before}, but Privacy Checkup now uses "
                                    f"{after}, where the key is not.",
                                    f"Enter your recovery key to store the key in {after}, or switch back to {before}.")
        return NotesLockedError(f"The key for your notes is missing from {self._keys.description}.",
                                "Enter your recovery key to restore it. (If your keyring is locked, unlock it "
                                f"first and {_UNLOCK}.)")

    def _create_with_note(self, checklist_id: str, item_id: str, text: str, now: dt.datetime) -> str:
        insecure = self._keys.insecurity()
        if insecure is not None:
            raise _locked(insecure, self._keys, have_notes=False)
        key = secrets.token_bytes(32)  # a 256-bit AES-GCM key
        vault_id = secrets.token_hex(16)
        recovery = new_recovery_key()
        wrapped = wrap_key(key, recovery, vault_id)
        try:
            # Keyring first: if it refuses, nothing reaches the store and no note exists without its key.
            self._keys.set_key(vault_id, key)
            kept = self._keys.get_key(vault_id)
        except KeyStoreError as exc:
            raise _locked(exc, self._keys, have_notes=False) from exc
        if kept != key:
            raise NotesLockedError(f"{self._keys.description.capitalize()} did not keep the key for your notes.",
                                   f"Check your keyring and {_UNLOCK}.")
        record = VaultRecord(vault_id, key_check(key, vault_id), wrapped.wrapped, wrapped.salt, wrapped.n, wrapped.r,
                             wrapped.p, self._keys.backend_id)
        self._store.notes.create_vault_with_note(record, checklist_id, item_id,
                                                 encrypt_note(key, vault_id, checklist_id, item_id, text), now)
        self._key = key
        return format_recovery_key(recovery)
