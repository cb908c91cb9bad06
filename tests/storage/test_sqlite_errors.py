"""SQLite's failures reach the user as the app's storage errors, produced by real SQLite, not mocks."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3

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
