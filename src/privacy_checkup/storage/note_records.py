"""The vault's rows in the progress store: the wrapped key and the notes' ciphertext, never plaintext."""

import datetime as dt
from typing import NamedTuple

from privacy_checkup.storage.database import Database, to_db_time


class VaultRecord(NamedTuple):
    """What the store keeps about the notes key: never the key itself."""

    vault_id: str  # the keyring username, and part of every note's associated data
    key_check: bytes  # HMAC of a fixed label under the data key: tells a wrong key from the right one
    wrapped_key: bytes  # the data key, AES-GCM encrypted under a key derived from the recovery key
    recovery_salt: bytes
    scrypt_n: int
    scrypt_r: int
    scrypt_p: int
    key_backend: str | None  # which keyring backend holds the key (None: written before schema 2)


class NoteRecords:
    """Reads and appends vault rows; the vault does all the cryptography."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def vault(self) -> VaultRecord | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT vault_id, key_check, wrapped_key, recovery_salt, scrypt_n, scrypt_r, scrypt_p, "
                               "key_backend FROM vault WHERE id = 1").fetchone()
        if row is None:
            return None
        return VaultRecord(str(row[0]), bytes(row[1]), bytes(row[2]), bytes(row[3]), int(row[4]), int(row[5]),
                           int(row[6]), row[7])

    def create_vault_with_note(self, record: VaultRecord, checklist_id: str, item_id: str, ciphertext: bytes,
                               now: dt.datetime) -> None:
        """The first note and the key record commit together: no note without its record, and vice versa."""
        at = to_db_time(now)
        with self._db.write() as conn:
            conn.execute("INSERT INTO vault (id, vault_id, key_check, wrapped_key, recovery_salt, scrypt_n, scrypt_r, "
                         "scrypt_p, key_backend, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (record.vault_id, record.key_check, record.wrapped_key, record.recovery_salt,
                          record.scrypt_n, record.scrypt_r, record.scrypt_p, record.key_backend, at))
            conn.execute("INSERT INTO notes (checklist_id, item_id, ciphertext, written_at) VALUES (?, ?, ?, ?)",
                         (checklist_id, item_id, ciphertext, at))

    def append_note(self, checklist_id: str, item_id: str, ciphertext: bytes, now: dt.datetime) -> None:
        with self._db.write() as conn:
            conn.execute("INSERT INTO notes (checklist_id, item_id, ciphertext, written_at) VALUES (?, ?, ?, ?)",
                         (checklist_id, item_id, ciphertext, to_db_time(now)))

    def latest_note(self, checklist_id: str, item_id: str) -> bytes | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT ciphertext FROM notes WHERE checklist_id = ? AND item_id = ? "
                               "ORDER BY id DESC LIMIT 1", (checklist_id, item_id)).fetchone()
        return bytes(row[0]) if row is not None else None

    def count(self) -> int:
        with self._db.read() as conn:
            return int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])

    def set_key_backend(self, key_backend: str) -> None:
        """Records where the key now lives, after the recovery key put it into another keyring."""
        with self._db.write() as conn:
            conn.execute("UPDATE vault SET key_backend = ? WHERE id = 1", (key_backend,))
