"""The progress store's schema, one migration per version; a released migration is never edited."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from privacy_checkup.core.errors import CorruptStoreError, StoreFromNewerVersionError

# Marks the file as ours (PRAGMA application_id; `file` shows it too): "PCKU".
APPLICATION_ID = 0x50434B55

# Version 1: profile, platforms, reviews, append-only answers and notes, the vault's wrapped key.
_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    persona TEXT NOT NULL,
    onboarded INTEGER NOT NULL CHECK (onboarded IN (0, 1))
);
INSERT INTO profile (id, persona, onboarded) VALUES (1, 'everyone', 0);
CREATE TABLE platforms (checklist_id TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    checklist_id TEXT NOT NULL,
    checklist_version INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    completed_at TEXT
);
CREATE INDEX reviews_by_checklist ON reviews (checklist_id, id);
-- One row per answer ever given; state NULL records an "undo" back to unanswered.
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews (id),
    checklist_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    item_revision INTEGER NOT NULL,
    state TEXT CHECK (state IN ('done', 'skipped', 'not_applicable')),
    answered_at TEXT NOT NULL
);
CREATE INDEX answers_by_item ON answers (checklist_id, item_id, id);
CREATE TRIGGER answers_never_change BEFORE UPDATE ON answers
    BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END;
CREATE TRIGGER answers_never_deleted BEFORE DELETE ON answers
    BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END;
-- The data key wrapped under the recovery key; the key itself lives only in the OS keyring.
CREATE TABLE vault (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    vault_id TEXT NOT NULL,
    key_check BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    recovery_salt BLOB NOT NULL,
    scrypt_n INTEGER NOT NULL,
    scrypt_r INTEGER NOT NULL,
    scrypt_p INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TRIGGER vault_key_never_replaced BEFORE UPDATE OF vault_id, key_check, wrapped_key ON vault
    BEGIN SELECT RAISE(ABORT, 'the notes key is never replaced'); END;
CREATE TRIGGER vault_never_deleted BEFORE DELETE ON vault
    BEGIN SELECT RAISE(ABORT, 'the notes key is never replaced'); END;
-- Ciphertext only (nonce + AES-GCM output), one row per save.
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    checklist_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    ciphertext BLOB NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX notes_by_item ON notes (checklist_id, item_id, id);
CREATE TRIGGER notes_never_change BEFORE UPDATE ON notes
    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
CREATE TRIGGER notes_never_deleted BEFORE DELETE ON notes
    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
"""

# Version 2: the device per platform; the newest answer per item kept alongside the history, so the
# dashboard never scans years of answers; which keyring backend holds the notes key.
_V2 = """
CREATE TABLE surfaces (
    checklist_id TEXT PRIMARY KEY,
    surface TEXT NOT NULL CHECK (surface IN ('ios', 'android', 'web'))
);
CREATE TABLE answer_current (
    checklist_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    answer_id INTEGER NOT NULL REFERENCES answers (id),
    review_id INTEGER NOT NULL REFERENCES reviews (id),
    state TEXT,
    PRIMARY KEY (checklist_id, item_id)
) WITHOUT ROWID;
INSERT INTO answer_current (checklist_id, item_id, answer_id, review_id, state)
    SELECT a.checklist_id, a.item_id, a.id, a.review_id, a.state FROM answers AS a
    WHERE a.id = (SELECT MAX(b.id) FROM answers AS b WHERE b.checklist_id = a.checklist_id AND b.item_id = a.item_id);
CREATE INDEX reviews_open ON reviews (checklist_id) WHERE completed_at IS NULL;
CREATE INDEX reviews_completed ON reviews (checklist_id, completed_at) WHERE completed_at IS NOT NULL;
ALTER TABLE vault ADD COLUMN key_backend TEXT;
"""

# Version 3: when each platform was chosen, so a platform never started becomes due. Platforms chosen
# before it get the start of their first review, or, never started, the moment of the upgrade: a fresh
# first-review window rather than an instant "overdue".
_V3 = """
ALTER TABLE platforms ADD COLUMN chosen_at TEXT;
UPDATE platforms SET chosen_at = COALESCE(
    (SELECT min(r.started_at) FROM reviews AS r WHERE r.checklist_id = platforms.checklist_id),
    strftime('%Y-%m-%dT%H:%M:%S', 'now') || '.000000Z');
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def check_is_store(conn: sqlite3.Connection, path: Path) -> int:
    """The store's schema version; refuses other apps' databases and stores from newer versions."""
    version = schema_version(conn)
    app_id = application_id(conn)
    if app_id == 0 and version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if tables:
            raise CorruptStoreError(f"{path} is a database of another program, not a Privacy Checkup store. "
                                    "It has been left untouched.")
        return 0
    if app_id != APPLICATION_ID:
        raise CorruptStoreError(f"{path} is a database of another program (application id {app_id:#x}), "
                                "not a Privacy Checkup store. It has been left untouched.")
    if version > SCHEMA_VERSION:
        raise StoreFromNewerVersionError(version, SCHEMA_VERSION)
    return version


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema up to `target`, one version per transaction (a crash leaves a whole version)."""
    version = schema_version(conn)
    for number in range(version + 1, target + 1):
        script = MIGRATIONS[number - 1]
        stamp = f"PRAGMA application_id = {APPLICATION_ID};\n" if number == 1 else ""
        try:
            # executescript runs our own BEGIN/COMMIT, so the version bump commits with the schema change.
            conn.executescript(f"BEGIN IMMEDIATE;\n{stamp}{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
