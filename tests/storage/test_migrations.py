"""Schema versions: stores written by every earlier version open; other files are refused untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from privacy_checkup.core.errors import CorruptStoreError, StoreFromNewerVersionError
from privacy_checkup.core.model import Persona
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.recovery import new_recovery_key, wrap_key
from privacy_checkup.storage.vault import NotesVault, VaultState, encrypt_note, key_check
from tests.storage.damage import damaged_store

# What version 1 wrote for a user halfway through their second Facebook review.
V1_DATA = """
UPDATE profile SET persona = 'high_profile', onboarded = 1;
INSERT INTO platforms (checklist_id, position) VALUES ('facebook', 0), ('tiktok', 1);
INSERT INTO settings (key, value) VALUES ('device', 'ios');
INSERT INTO reviews (id, checklist_id, checklist_version, started_at, completed_at) VALUES
    (1, 'facebook', 3, '2025-01-01T09:00:00.000000Z', '2025-01-01T09:30:00.000000Z'),
    (2, 'facebook', 4, '2025-07-01T09:00:00.000000Z', NULL);
INSERT INTO answers (review_id, checklist_id, item_id, item_revision, state, answered_at) VALUES
    (1, 'facebook', 'two-factor', 1, 'done', '2025-01-01T09:10:00.000000Z'),
    (1, 'facebook', 'login-alerts', 1, 'skipped', '2025-01-01T09:11:00.000000Z'),
    (2, 'facebook', 'login-alerts', 2, 'done', '2025-07-01T09:05:00.000000Z'),
    (2, 'facebook', 'two-factor', 1, NULL, '2025-07-01T09:06:00.000000Z');
"""

# Version 2 added the device per platform and the newest answer per item (kept by the app as it answers).
V2_DATA = V1_DATA + """
INSERT INTO surfaces (checklist_id, surface) VALUES ('facebook', 'android');
INSERT INTO answer_current (checklist_id, item_id, answer_id, review_id, state)
    SELECT a.checklist_id, a.item_id, a.id, a.review_id, a.state FROM answers AS a
    WHERE a.id = (SELECT max(b.id) FROM answers AS b WHERE b.checklist_id = a.checklist_id AND b.item_id = a.item_id);
"""

# What each earlier version wrote for that user; a new schema version adds its entry here.
DATA_WRITTEN_BY = {1: V1_DATA, 2: V2_DATA}

# Each released migration, pinned: stores in the wild were made by exactly this text.
RELEASED = {
    1: "44af8d1a17c5dca0551298079223feeb0d13e5679b1a7f22afdc2f665c768168",
    2: "9f3a1f5ee00ab9226a49cdfbae43ef91505d56e961e8b459920dfb7888076a7d",
    3: "cd347c566a76b2812f328f13b78256e8f63e84d0e0013220300010ca4329f075",
}


def write_old_store(path: Path, version: int) -> tuple[bytes, str]:
    """A store as `version` left it, with answers and one note; returns its notes key and vault id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    conn.executescript(f"BEGIN; {DATA_WRITTEN_BY[version]} COMMIT;")
    key, vault_id = AESGCM.generate_key(bit_length=256), "0123456789abcdef0123456789abcdef"
    wrapped = wrap_key(key, new_recovery_key(), vault_id)
    conn.execute("INSERT INTO vault (id, vault_id, key_check, wrapped_key, recovery_salt, scrypt_n, scrypt_r, "
                 "scrypt_p, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T09:12:00.000000Z')",
                 (vault_id, key_check(key, vault_id), wrapped.wrapped, wrapped.salt, wrapped.n, wrapped.r, wrapped.p))
    conn.execute("INSERT INTO notes (checklist_id, item_id, ciphertext, written_at) VALUES "
                 "('facebook', 'two-factor', ?, '2025-01-01T09:12:00.000000Z')",
                 (encrypt_note(key, vault_id, "facebook", "two-factor", "old note"),))
    conn.close()
    return key, vault_id


def test_released_migrations_are_never_edited():
    for number, digest in RELEASED.items():
        assert hashlib.sha256(MIGRATIONS[number - 1].encode()).hexdigest() == digest, (
            f"migration {number} was released; add a new migration instead of editing it")
    assert len(RELEASED) == SCHEMA_VERSION, "pin the new migration's hash in RELEASED"
    assert set(DATA_WRITTEN_BY) == set(range(1, SCHEMA_VERSION)), "add what the previous version wrote"


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_store_written_by_an_earlier_version_opens_with_everything_in_it(store_path, now, version):
    key, vault_id = write_old_store(store_path, version)
    keys = MemoryKeyStore()
    keys.set_key(vault_id, key)
    with ProgressStore.open(store_path) as store:
        assert store.database.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        profile = store.profile()
        assert (profile.persona, profile.platforms, profile.onboarded) == (
            Persona.HIGH_PROFILE, ("facebook", "tiktok"), True)
        assert store.get_setting("device") == "ios"
        latest = store.latest_answers("facebook")
        assert {item: (a.state, a.item_revision) for item, a in latest.items()} == {
            "login-alerts": (AnswerState.DONE, 2)}
        summary = store.summaries()["facebook"]
        assert summary.last_completed is not None
        assert summary.last_completed.id == 1
        assert summary.open_review is not None
        assert summary.open_review.id == 2
        assert (summary.answered_items, summary.answered_in_open_review) == (1, 1)
        assert len(store.answer_events("facebook", "two-factor")) == 2
        # Version 3 knows when each platform was chosen: the start of its first review, else the upgrade.
        assert profile.chosen_at["facebook"] == dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)
        assert profile.chosen_at["tiktok"] > dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
        vault = NotesVault(store, keys)
        assert vault.status().state is VaultState.UNLOCKED
        assert vault.read_note("facebook", "two-factor") == "old note"
        store.record_answer(2, "two-factor", 1, AnswerState.DONE, now)  # and it keeps working
        assert "two-factor" in store.latest_answers("facebook")


def test_fresh_store_carries_the_application_id_and_current_version(store):
    conn = store.database.connection
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_from_a_newer_version_is_refused_and_left_untouched(store_path):
    ProgressStore.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreFromNewerVersionError) as refused:
        ProgressStore.open(store_path)
    assert (refused.value.found, refused.value.supported) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert store_path.read_bytes() == before


def test_database_of_another_program_is_refused_and_left_untouched(store_path):
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(CorruptStoreError, match="another program"):
        ProgressStore.open(store_path)
    assert store_path.read_bytes() == before


def test_file_that_is_not_a_database_is_refused_and_left_untouched(store_path):
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"These are my notes, not a database.\n" * 200)
    with pytest.raises(CorruptStoreError, match="damaged or is not a Privacy Checkup store"):
        ProgressStore.open(store_path)
    assert store_path.read_bytes() == b"These are my notes, not a database.\n" * 200


def test_damaged_store_is_refused_by_the_check_at_open(store_path, now):
    damaged_store(store_path, now)
    with pytest.raises(CorruptStoreError, match="damaged"):
        ProgressStore.open(store_path)


def test_with_the_check_beside_a_damaged_store_refuses_every_write_and_stays_untouched(store_path, now):
    # The app opens the store with its integrity check in a thread of its own (the window is built
    # meanwhile): nothing may be written before that check has passed.
    before = damaged_store(store_path, now)
    unchecked = store_path.with_name("unchecked.sqlite3")
    unchecked.write_bytes(before)
    with sqlite3.connect(unchecked) as conn:  # without the check, SQLite would write to it
        conn.execute("UPDATE profile SET persona = 'high_profile'")
    with ProgressStore.open(store_path, check_beside=True) as store:
        for _ in range(2):  # the verdict stands, however often it is asked
            with pytest.raises(CorruptStoreError, match="damaged"):
                store.confirm_intact()
            with pytest.raises(CorruptStoreError, match="damaged"):
                store.set_persona(Persona.HIGH_PROFILE)
    assert store_path.read_bytes() == before


def test_with_the_check_beside_a_sound_store_is_written_as_usual(store_path, now):
    ProgressStore.open(store_path).close()
    with ProgressStore.open(store_path, check_beside=True) as store:
        store.set_persona(Persona.HIGH_PROFILE)  # waits for the check, which passes
        store.confirm_intact()
    with ProgressStore.open(store_path) as store:
        assert store.profile().persona is Persona.HIGH_PROFILE


def test_a_store_to_migrate_is_checked_at_open_even_when_asked_to_check_beside(store_path, now):
    before = damaged_store(store_path, now, version=SCHEMA_VERSION - 1)
    with pytest.raises(CorruptStoreError, match="damaged"):
        ProgressStore.open(store_path, check_beside=True)  # migrating writes: the check comes first
    assert store_path.read_bytes() == before
