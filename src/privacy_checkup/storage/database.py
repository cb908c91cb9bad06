"""Opening the SQLite file safely (permissions, WAL, checks, migrations) and running transactions on it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from privacy_checkup.core.errors import CorruptStoreError
from privacy_checkup.storage.migrations import check_is_store, migrate
from privacy_checkup.storage.paths import ensure_private_dir
from privacy_checkup.storage.sqlite_errors import translated

# How long a writer waits for another connection (a CLI backup, a second window) before giving up.
BUSY_TIMEOUT_SECONDS = 10.0


def to_db_time(moment: dt.datetime) -> str:
    """UTC, fixed width, so text order is time order."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; pass an aware datetime (e.g. datetime.now(UTC))")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(text: str) -> dt.datetime:
    # fromisoformat (C, Python 3.11+ reads the trailing Z) is ~20x faster than strptime: the dashboard
    # reads hundreds of these at start-up.
    moment = dt.datetime.fromisoformat(text)
    if moment.utcoffset() != dt.timedelta(0):
        raise ValueError(f"{text!r} is not a UTC time as the store writes them")
    return moment.astimezone(dt.UTC)


def create_private_file(path: Path) -> None:
    """Create `path` 0600 if it is missing (SQLite gives its -wal and -shm files the same mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(0o600)
        return
    os.close(fd)


def lenient_text(raw: bytes) -> str:
    """SQLite does not check that text is UTF-8: a damaged or tampered file shows U+FFFD, it does not crash us."""
    return raw.decode("utf-8", "replace")


class Database:
    """One connection to the store; every write is a durable transaction when it returns.

    Usable from any thread (the UI runs keyring and disk work in workers): transactions take turns.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._turn = threading.RLock()
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Database:
        path = Path(path)
        with translated(path):
            ensure_private_dir(path.parent)
            create_private_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                                   check_same_thread=False)  # safe: every use holds self._turn
            conn.text_factory = lenient_text
        try:
            with translated(path):
                _prepare(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; COMMIT (fsync of the WAL, synchronous=FULL) happens before this returns."""
        with self._turn, translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:  # SQLite already rolled back after SQLITE_FULL, IOERR, ...
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several queries see one consistent snapshot."""
        with self._turn, translated(self.path):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._turn, translated(self.path):
            self._conn.close()


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    # Checks come before any write, so a damaged store or one from a newer version is not modified.
    version = check_is_store(conn, path)
    if version:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            problems = "; ".join(str(row[0]) for row in result[:5])
            raise CorruptStoreError(f"{path} is damaged ({problems}). It has been left untouched; restore a "
                                    "backup with 'privacy-checkup backup import FILE'.")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise CorruptStoreError(f"{path} cannot use write-ahead logging (journal mode {mode}).")
    conn.execute("PRAGMA synchronous = FULL")  # WAL + FULL: a commit survives a power cut, not just a crash
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
