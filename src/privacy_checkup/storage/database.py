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
from privacy_checkup.storage.migrations import SCHEMA_VERSION, check_is_store, migrate
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


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's check of every page of the file; raises CorruptStoreError when it is damaged."""
    result = conn.execute("PRAGMA quick_check").fetchall()
    if result != [("ok",)]:
        problems = "; ".join(str(row[0]) for row in result[:5])
        raise CorruptStoreError(f"{path} is damaged ({problems}). It has been left untouched; restore a "
                                "backup with 'privacy-checkup backup import FILE'.")


class IntegrityCheck:
    """`quick_check` on a connection of its own, in a thread of its own, beside the app's start-up.

    It reads every page, so it takes longer as the history grows: about 2 ms for a year of reviews,
    20 ms for ten. SQLite does that work without holding Python's lock, on another core, while the
    window is built. `confirm` waits for it and raises what it found, as often as it is asked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="store-integrity-check")
        self._thread.start()

    def _run(self) -> None:
        try:
            with translated(self.path):
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
                try:
                    quick_check(conn, self.path)
                finally:
                    conn.close()
        except BaseException as exc:  # kept for confirm(), which raises it in the thread that asks
            self._failure = exc

    def wait(self) -> None:
        self._thread.join()

    def confirm(self) -> None:
        self.wait()
        if self._failure is not None:
            raise self._failure


class Database:
    """One connection to the store; every write is a durable transaction when it returns.

    Usable from any thread (the UI runs keyring and disk work in workers): transactions take turns.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, check: IntegrityCheck | None = None) -> None:
        self._conn = conn
        self._turn = threading.RLock()
        self.path = path
        self._check = check

    @classmethod
    def open(cls, path: Path, check_beside: bool = False) -> Database:
        """Open (or create) the store. Its integrity is checked before anything is written to it: here,
        or with `check_beside`, in a thread of its own (IntegrityCheck) that every write waits for.
        A store that needs migrating is always checked here, since migrating writes."""
        path = Path(path)
        with translated(path):
            ensure_private_dir(path.parent)
            create_private_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                                   check_same_thread=False)  # safe: every use holds self._turn
            conn.text_factory = lenient_text
        try:
            with translated(path):
                check_beside = _prepare(conn, path, check_beside)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, IntegrityCheck(path) if check_beside else None)

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def confirm_intact(self) -> None:
        """Wait for the integrity check running beside start-up, if any: raises CorruptStoreError (every
        time it is called) when the store is damaged. Writes call it first."""
        check = self._check
        if check is not None:
            check.confirm()
            self._check = None

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; COMMIT (fsync of the WAL, synchronous=FULL) happens before this returns.
        Nothing is written before the store's integrity check has passed."""
        self.confirm_intact()
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
        if self._check is not None:
            self._check.wait()  # no thread outlives the store (what it found no longer matters)
        with self._turn, translated(self.path):
            self._conn.close()


def _prepare(conn: sqlite3.Connection, path: Path, check_beside: bool) -> bool:
    """Ready the connection; True when the integrity check is left to run beside (see Database.open)."""
    # Checks come before any write, so a damaged store or one from a newer version is not modified.
    version = check_is_store(conn, path)
    check_beside = check_beside and version == SCHEMA_VERSION  # nothing to migrate: nothing written here
    if version and not check_beside:
        quick_check(conn, path)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise CorruptStoreError(f"{path} cannot use write-ahead logging (journal mode {mode}).")
    conn.execute("PRAGMA synchronous = FULL")  # WAL + FULL: a commit survives a power cut, not just a crash
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
    return check_beside
