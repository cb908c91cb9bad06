"""SQLite's failures reach the user as the app's storage errors, produced by real SQLite, not mocks."""

from __future__ import annotations

import datetime as dt
import errno
import os
import pwd
import shutil
import sqlite3
from pathlib import Path

import pytest

from privacy_checkup.core.errors import CorruptStoreError, DiskFullError, ReadOnlyStoreError, StorageError
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.sqlite_errors import storage_error, translated


def answer_until_the_disk_is_full(store: ProgressStore, review_id: int, now: dt.datetime) -> None:
    for number in range(10_000):
        store.record_answer(review_id, f"item-{number}-" + "x" * 200, 1, AnswerState.DONE, now)


def test_full_disk_becomes_disk_full_error_and_earlier_answers_stay(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "saved-before", 1, AnswerState.DONE, now)
    pages = store.database.connection.execute("PRAGMA page_count").fetchone()[0]
    store.database.connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(DiskFullError, match="is full") as raised:
        answer_until_the_disk_is_full(store, review.id, now)
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert store.latest_answers("facebook")["saved-before"].state is AnswerState.DONE


def test_read_only_store_becomes_read_only_error(store_path, now):
    ProgressStore.open(store_path).close()
    conn = sqlite3.connect(f"{store_path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(ReadOnlyStoreError, match="cannot be written"), translated(store_path):
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    finally:
        conn.close()


def test_not_a_database_becomes_corrupt_store_error(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(CorruptStoreError), translated(path):
            conn.execute("SELECT * FROM sqlite_schema").fetchall()
    finally:
        conn.close()


def test_os_errors_map_by_errno(tmp_path):
    full = storage_error(OSError(errno.ENOSPC, "No space left on device", str(tmp_path)), tmp_path)
    read_only = storage_error(OSError(errno.EROFS, "Read-only file system", str(tmp_path)), tmp_path)
    other = storage_error(OSError(errno.EIO, "Input/output error", str(tmp_path)), tmp_path)
    assert (type(full), type(read_only), type(other)) == (DiskFullError, ReadOnlyStoreError, StorageError)


def test_programming_errors_are_not_disguised_as_storage_errors(store):
    with pytest.raises(sqlite3.ProgrammingError), translated(store.path):
        store.database.connection.execute("SELECT ?", (1, 2))


def test_store_of_another_user_is_refused_naming_its_owner(tmp_path):
    if os.geteuid() == 0:
        owned = tmp_path / "theirs.sqlite3"
        owned.write_bytes(b"")
        os.chown(owned, 65534, 65534)
        owner = pwd.getpwuid(65534).pw_name
    else:
        owned, owner = Path("/"), "root"  # the one file every machine has that belongs to someone else
    error = storage_error(OSError(errno.EACCES, "Permission denied", str(owned)), owned)
    assert isinstance(error, ReadOnlyStoreError)
    assert f"belongs to another user account ({owner})" in str(error)


def test_own_read_only_file_is_not_blamed_on_another_user(tmp_path):
    mine = tmp_path / "mine.sqlite3"
    mine.write_bytes(b"")
    error = storage_error(OSError(errno.EACCES, "Permission denied", str(mine)), mine)
    assert isinstance(error, ReadOnlyStoreError)
    assert "another user" not in str(error)
    assert "cannot be written" in str(error)


@pytest.mark.parametrize(("free", "expected"), [(0, DiskFullError), (10 * 2**30, StorageError)])
def test_cannot_open_is_called_a_full_disk_only_when_the_disk_is_full(store_path, monkeypatch, free, expected):
    cannot_open = sqlite3.OperationalError("unable to open database file")
    cannot_open.sqlite_errorcode = 14  # SQLITE_CANTOPEN, as SQLite sets it
    usage = shutil.disk_usage(store_path.parent.parent.parent)
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage._replace(free=free))
    error = storage_error(cannot_open, store_path)
    assert type(error) is expected
    assert ("is full" in str(error)) == (expected is DiskFullError)


def test_failing_disk_says_so_and_names_the_file(tmp_path):
    error = storage_error(OSError(errno.EIO, "Input/output error", str(tmp_path / "r.pdf")), tmp_path)
    assert type(error) is StorageError
    assert str(error).startswith(f"The disk reported an error while using {tmp_path / 'r.pdf'}")


def test_text_that_is_not_utf8_reads_as_replacement_characters_not_a_crash(store, now):
    review = store.start_review("facebook", 1, now)
    store.record_answer(review.id, "fine", 1, AnswerState.DONE, now)
    store.database.connection.executescript(  # what a damaged or tampered file can hold: SQLite does not check
        "INSERT INTO answers (review_id, checklist_id, item_id, item_revision, state, answered_at) "
        "SELECT review_id, checklist_id, CAST(x'66ff80' AS TEXT), item_revision, state, answered_at FROM answers;"
        "INSERT INTO answer_current (checklist_id, item_id, answer_id, review_id, state) "
        "SELECT checklist_id, item_id, id, review_id, state FROM answers WHERE id = last_insert_rowid();")
    assert set(store.latest_answers("facebook")) == {"fine", "f\ufffd\ufffd"}
