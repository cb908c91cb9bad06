"""The notes vault against both key stores: encryption, recovery, and every keyring failure."""

from __future__ import annotations

import base64
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_checkup.core.errors import KeyStoreProblem, NoteCorruptError, NotesLockedError, WrongRecoveryKeyError
from privacy_checkup.storage.keystore import KeyStore, MemoryKeyStore
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.vault import NotesVault, VaultState
from tests.storage.keyrings import KeyringHarness

FIRST_NOTE = "Authenticator app on my phone"
SECOND_NOTE = "Alerts go to my work address"


@dataclass(frozen=True)
class Seeded:
    recovery_key: str
    vault_id: str
    entry: str  # the keyring value as the vault left it


def seed(store_path: Path, harness: KeyringHarness, now: dt.datetime) -> Seeded:
    """A store with an answer and two notes, written while the keyring worked."""
    with ProgressStore.open(store_path) as store:
        review = store.start_review("facebook", 1, now)
        store.record_answer(review.id, "two-factor", 1, AnswerState.DONE, now)
        vault = NotesVault(store, harness.key_store())
        recovery_key = vault.write_note("facebook", "two-factor", FIRST_NOTE, now)
        assert vault.write_note("facebook", "login-alerts", SECOND_NOTE, now) is None
        record = store.notes.vault()
    assert recovery_key is not None
    assert record is not None
    entry = harness.entry(record.vault_id)
    assert entry is not None
    return Seeded(recovery_key, record.vault_id, entry)


def assert_notes_locked_and_nothing_written(store_path: Path, keys: KeyStore, reason: str, fix: str,
                                            now: dt.datetime) -> NotesVault:
    """Notes report LOCKED with the cause and the fix, refuse reads and writes, and the file is untouched."""
    before = store_path.read_bytes()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        status = vault.status()
        assert status.state is VaultState.LOCKED
        assert status.reason is not None
        assert reason in status.reason
        assert status.fix is not None
        assert fix in status.fix
        with pytest.raises(NotesLockedError) as refused:
            vault.write_note("facebook", "two-factor", "a new note while locked", now)
        assert (refused.value.reason, refused.value.fix) == (status.reason, status.fix)
        with pytest.raises(NotesLockedError):
            vault.read_note("facebook", "two-factor")
        assert vault.has_notes()
    assert store_path.read_bytes() == before
    return vault


def assert_answers_still_work(store_path: Path, now: dt.datetime) -> None:
    with ProgressStore.open(store_path) as store:
        assert store.latest_answers("facebook")["two-factor"].state is AnswerState.DONE
        review = store.open_review("facebook")
        assert review is not None
        store.record_answer(review.id, "login-alerts", 1, AnswerState.SKIPPED, now)
        assert store.latest_answers("facebook")["login-alerts"].state is AnswerState.SKIPPED


def read_both_notes(store_path: Path, keys: KeyStore, recovery_key: str | None = None) -> tuple[str | None, ...]:
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        if recovery_key is not None:
            vault.unlock_with_recovery_key(recovery_key)
        return vault.read_note("facebook", "two-factor"), vault.read_note("facebook", "login-alerts")


# The healthy path

def test_first_note_returns_recovery_key_once_and_notes_read_back(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    groups = seeded.recovery_key.split("-")
    assert len(groups) == 8
    assert all(len(group) == 4 and group.isalnum() for group in groups)
    assert read_both_notes(store_path, keyring_harness.key_store()) == (FIRST_NOTE, SECOND_NOTE)
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keyring_harness.key_store())
        assert vault.status().state is VaultState.UNLOCKED
        assert vault.read_note("facebook", "never-written") is None


def test_keyring_entry_holds_only_the_base64_key_under_the_vault_id(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    assert len(base64.b64decode(seeded.entry, validate=True)) == 32
    assert len(seeded.vault_id) == 32
    assert keyring_harness.entry("some-other-vault") is None


def test_empty_vault_reports_empty_until_the_first_note(store, keyring_harness, now):
    vault = NotesVault(store, keyring_harness.key_store())
    assert vault.status().state is VaultState.EMPTY
    assert not vault.has_notes()
    assert vault.read_note("facebook", "two-factor") is None


def test_empty_note_is_saved_and_earlier_versions_are_kept(store, keyring_harness, now):
    vault = NotesVault(store, keyring_harness.key_store())
    vault.write_note("facebook", "two-factor", "first words", now)
    vault.write_note("facebook", "two-factor", "", now)
    assert vault.read_note("facebook", "two-factor") == ""
    assert store.notes.count() == 2


# Keyring failures: answers keep working, notes lock with a cause and a fix, nothing is written

def test_locked_keyring_keeps_answers_usable_and_notes_locked(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.lock()
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "keyring is locked",
                                            "Unlock it (log in again or open Passwords and Keys)", now)
    assert_answers_still_work(store_path, now)
    keyring_harness.unlock()
    assert keyring_harness.entry(seeded.vault_id) == seeded.entry


def test_unlocking_the_keyring_then_unlock_notes_opens_them(store_path, keyring_harness, now):
    seed(store_path, keyring_harness, now)
    keyring_harness.lock()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keyring_harness.key_store())
        assert vault.status().state is VaultState.LOCKED
        keyring_harness.unlock()
        assert vault.unlock().state is VaultState.UNLOCKED
        assert vault.read_note("facebook", "two-factor") == FIRST_NOTE


def test_missing_keyring_backend_keeps_answers_usable_and_notes_locked(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.remove_backend(KeyStoreProblem.NO_BACKEND)
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "No system keyring",
                                            "enter your recovery key", now)
    assert_answers_still_work(store_path, now)
    assert read_both_notes(store_path, keyring_harness.key_store(), seeded.recovery_key) == (FIRST_NOTE, SECOND_NOTE)


def test_plaintext_keyring_is_never_given_the_key(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.remove_backend(KeyStoreProblem.INSECURE_BACKEND)
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "unencrypted",
                                            "configure a secure system keyring", now)
    assert_answers_still_work(store_path, now)
    assert read_both_notes(store_path, keyring_harness.key_store(), seeded.recovery_key) == (FIRST_NOTE, SECOND_NOTE)
    assert keyring_harness.entries_written_elsewhere() == []


def test_deleted_key_locks_notes_and_no_new_key_replaces_it(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.delete_entry(seeded.vault_id)
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "missing from",
                                            "Enter your recovery key to restore it", now)
    assert keyring_harness.entry(seeded.vault_id) is None
    assert_answers_still_work(store_path, now)


def test_keyring_that_hides_keys_while_locked_gets_both_fixes_named(store_path, keyring_harness, now):
    # Some backends (KWallet when its prompt is dismissed) answer None instead of raising when locked,
    # which looks exactly like a deleted key: the message must cover both.
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.delete_entry(seeded.vault_id)
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "missing from",
                                            "If your keyring is locked, unlock it first and choose Unlock notes",
                                            now)


def test_keyring_error_locks_notes_and_offers_retry_or_recovery(store_path, now):
    keys = MemoryKeyStore()
    with ProgressStore.open(store_path) as store:
        recovery_key = NotesVault(store, keys).write_note("facebook", "two-factor", FIRST_NOTE, now)
    keys.problem = KeyStoreProblem.FAILED
    assert_notes_locked_and_nothing_written(store_path, keys, "reported an error", "Try again", now)
    assert recovery_key is not None
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        vault.unlock_with_recovery_key(recovery_key)
        assert vault.read_note("facebook", "two-factor") == FIRST_NOTE


def test_wrong_key_in_keyring_is_detected_and_never_used(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    wrong = base64.b64encode(bytes(32)).decode()
    keyring_harness.set_entry(seeded.vault_id, wrong)
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "different key",
                                            "Enter your recovery key", now)
    assert keyring_harness.entry(seeded.vault_id) == wrong
    assert_answers_still_work(store_path, now)


def test_garbled_keyring_value_counts_as_a_wrong_key(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.set_entry(seeded.vault_id, "not base64 at all ✗")
    assert_notes_locked_and_nothing_written(store_path, keyring_harness.key_store(), "different key",
                                            "Enter your recovery key", now)


def test_changed_keyring_backend_names_both_and_recovery_moves_the_key(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    other = MemoryKeyStore("another keyring")
    assert_notes_locked_and_nothing_written(store_path, other, "now uses the test keyring 'another keyring'",
                                            "switch back", now)
    assert other.secrets == {}
    assert read_both_notes(store_path, other, seeded.recovery_key) == (FIRST_NOTE, SECOND_NOTE)
    assert other.secrets == {seeded.vault_id: seeded.entry}
    assert read_both_notes(store_path, other) == (FIRST_NOTE, SECOND_NOTE)


# The recovery key

def test_recovery_key_restores_every_note_and_the_keyring_entry(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.delete_entry(seeded.vault_id)
    assert read_both_notes(store_path, keyring_harness.key_store(), seeded.recovery_key) == (FIRST_NOTE, SECOND_NOTE)
    assert keyring_harness.entry(seeded.vault_id) == seeded.entry
    assert read_both_notes(store_path, keyring_harness.key_store()) == (FIRST_NOTE, SECOND_NOTE)


def test_recovery_key_replaces_a_wrong_keyring_entry_with_the_right_key(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.set_entry(seeded.vault_id, base64.b64encode(bytes(32)).decode())
    assert read_both_notes(store_path, keyring_harness.key_store(), seeded.recovery_key) == (FIRST_NOTE, SECOND_NOTE)
    assert keyring_harness.entry(seeded.vault_id) == seeded.entry


def test_recovery_key_is_accepted_in_lower_case_with_spaces(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.delete_entry(seeded.vault_id)
    typed = "  " + seeded.recovery_key.lower().replace("-", " ") + "\n"
    assert read_both_notes(store_path, keyring_harness.key_store(), typed) == (FIRST_NOTE, SECOND_NOTE)


def test_wrong_recovery_key_is_rejected_and_changes_nothing(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.delete_entry(seeded.vault_id)
    before = store_path.read_bytes()
    wrong = ("0000-" * 8)[:-1] if not seeded.recovery_key.startswith("0000") else ("1111-" * 8)[:-1]
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keyring_harness.key_store())
        for attempt in (wrong, "ABCD-EFGH", ""):
            with pytest.raises(WrongRecoveryKeyError):
                vault.unlock_with_recovery_key(attempt)
        assert vault.status().state is VaultState.LOCKED
    assert keyring_harness.entry(seeded.vault_id) is None
    assert store_path.read_bytes() == before


def test_recovery_key_with_locked_keyring_opens_notes_for_this_session_only(store_path, keyring_harness, now):
    seeded = seed(store_path, keyring_harness, now)
    keyring_harness.lock()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keyring_harness.key_store())
        vault.unlock_with_recovery_key(seeded.recovery_key)
        status = vault.status()
        assert status.state is VaultState.UNLOCKED
        assert status.reason is not None
        assert "until you close Privacy Checkup" in status.reason
        assert vault.read_note("facebook", "login-alerts") == SECOND_NOTE
        vault.write_note("facebook", "login-alerts", "updated while the keyring was locked", now)
        assert vault.read_note("facebook", "login-alerts") == "updated while the keyring was locked"
    keyring_harness.unlock()
    assert keyring_harness.entry(seeded.vault_id) == seeded.entry


# The first note needs a working, secure keyring

@pytest.mark.parametrize("problem", [KeyStoreProblem.NO_BACKEND, KeyStoreProblem.INSECURE_BACKEND])
def test_first_note_without_a_secure_keyring_is_refused_and_nothing_is_stored(store, keyring_harness, now, problem):
    keyring_harness.remove_backend(problem)
    vault = NotesVault(store, keyring_harness.key_store())
    status = vault.status()
    assert status.state is VaultState.LOCKED
    assert "Your answers are saved as usual" in (status.fix or "")
    with pytest.raises(NotesLockedError):
        vault.write_note("facebook", "two-factor", "secret words", now)
    assert store.notes.vault() is None
    assert store.notes.count() == 0
    assert keyring_harness.entries_written_elsewhere() == []


def test_first_note_with_a_locked_keyring_is_refused_and_nothing_is_stored(store, keyring_harness, now):
    keyring_harness.lock()
    vault = NotesVault(store, keyring_harness.key_store())
    with pytest.raises(NotesLockedError, match="keyring is locked"):
        vault.write_note("facebook", "two-factor", "secret words", now)
    assert store.notes.vault() is None
    assert store.notes.count() == 0


# Ciphertext properties (the store's bytes, not the key store, matter here)

def test_each_write_uses_a_fresh_nonce(store, now):
    vault = NotesVault(store, MemoryKeyStore())
    vault.write_note("facebook", "two-factor", "same words", now)
    vault.write_note("facebook", "two-factor", "same words", now)
    rows = store.database.connection.execute("SELECT ciphertext FROM notes").fetchall()
    nonces = {bytes(row[0])[1:13] for row in rows}
    assert len(rows) == 2
    assert len(nonces) == 2
    assert rows[0][0] != rows[1][0]


def test_ciphertext_moved_to_another_note_does_not_open(store_path, now):
    keys = MemoryKeyStore()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        vault.write_note("facebook", "two-factor", FIRST_NOTE, now)
        vault.write_note("facebook", "login-alerts", SECOND_NOTE, now)
    conn = sqlite3.connect(store_path)
    with conn:  # an attacker with the file copies one note's ciphertext onto another item and checklist
        conn.execute("INSERT INTO notes (checklist_id, item_id, ciphertext, written_at) SELECT 'facebook', "
                     "'login-alerts', ciphertext, written_at FROM notes WHERE item_id = 'two-factor'")
        conn.execute("INSERT INTO notes (checklist_id, item_id, ciphertext, written_at) SELECT 'instagram', "
                     "'two-factor', ciphertext, written_at FROM notes WHERE item_id = 'two-factor'")
    conn.close()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        with pytest.raises(NoteCorruptError):
            vault.read_note("facebook", "login-alerts")
        with pytest.raises(NoteCorruptError):
            vault.read_note("instagram", "two-factor")
        assert vault.read_note("facebook", "two-factor") == FIRST_NOTE
