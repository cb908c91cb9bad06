"""A progress store with damage that SQLite's quick_check finds, for the tests of what is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from privacy_checkup.storage.migrations import SCHEMA_VERSION
from privacy_checkup.storage.progress import AnswerState, ProgressStore


def damaged_store(store_path: Path, now: dt.datetime, version: int = SCHEMA_VERSION) -> bytes:
    """A store whose answers are damaged: the pages they filled have their headers scribbled over, the
    pages of the empty store (schema, profile, platforms) are left as they were, with `version`.
    SQLite's quick_check finds it; a write to the profile alone would not. Returns its bytes."""
    with ProgressStore.open(store_path) as store:
        schema_pages = store.database.connection.execute("PRAGMA page_count").fetchone()[0]
        review = store.start_review("facebook", 1, now)
        for number in range(400):
            store.record_answer(review.id, f"item-{number}", 1, AnswerState.DONE, now)
    data = bytearray(store_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(schema_pages, len(data) // page_size):  # page numbers count from 1
        data[page * page_size:page * page_size + 12] = b"\xff" * 12
    data[60:64] = version.to_bytes(4, "big")  # PRAGMA user_version
    store_path.write_bytes(bytes(data))
    return bytes(data)
