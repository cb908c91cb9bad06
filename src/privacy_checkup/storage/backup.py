"""Backups of the whole progress store: consistent snapshots out; validated, atomic imports in."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from privacy_checkup.core.errors import BackupError, CorruptStoreError, StoreFromNewerVersionError
from privacy_checkup.storage.atomic import fsync_dir, private_temp_path
from privacy_checkup.storage.database import Database
from privacy_checkup.storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate
from privacy_checkup.storage.paths import ensure_private_dir
from privacy_checkup.storage.sqlite_errors import translated

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class ImportResult:
    schema_version: int
    previous_store: Path | None  # where the replaced store was kept, if there was one


def export_backup(store_path: Path, target: Path, overwrite: bool = False) -> Path:
    """Write a consistent single-file snapshot of the store to `target` (atomically; notes stay encrypted)."""
    target = Path(target).expanduser().absolute()
    if not store_path.exists():
        raise BackupError(f"There is nothing to back up yet: no progress store at {store_path}.")
    if target.exists() and (not overwrite or target.resolve() == store_path.resolve()):
        raise BackupError(f"{target} already exists. Choose another file name (or pass --overwrite).")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    db = Database.open(store_path)
    try:
        with translated(target):
            temp = private_temp_path(target.parent, target.name)
        try:
            with translated(target):
                snapshot = sqlite3.connect(temp, isolation_level=None)
                try:
                    db.connection.backup(snapshot)  # one read transaction: answers saved meanwhile are not torn
                    snapshot.execute("PRAGMA journal_mode = DELETE")  # a self-contained file, no -wal beside it
                finally:
                    snapshot.close()
                _fsync_file(temp)
                os.replace(temp, target)
                fsync_dir(target.parent)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):  # only our partial snapshot
                temp.unlink()
            raise
    finally:
        db.close()
    return target


def validate_backup(path: Path) -> int:
    """The schema version of the Privacy Checkup backup at `path` (a private copy: it is opened read-write);
    BackupError for anything else."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise BackupError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise BackupError(f"{path} is not a Privacy Checkup backup (it is not an SQLite database).")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise BackupError(f"{path} is not a Privacy Checkup backup (it is a database of another program).")
    version = int.from_bytes(header[60:64], "big")
    if version > SCHEMA_VERSION:
        raise BackupError(f"{path} was made by a newer version of Privacy Checkup (store version {version}; this "
                          f"version understands up to {SCHEMA_VERSION}). Install the newer version to import it.")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
            schema = _schema(conn)
            conn.execute("PRAGMA journal_mode = DELETE")  # a copy of a live store may say WAL; it has no -wal here
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is damaged and cannot be imported ({exc}).") from exc
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged and cannot be imported ({'; '.join(problems[:3])}).")
    if version < 1 or schema != _expected_schema(version):
        # Exactly our tables, indexes and triggers: nothing extra rides along into the user's store.
        raise BackupError(f"{path} is not a Privacy Checkup backup (its tables are not the ones this app writes).")
    return version


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str, str | None]]:
    return {(str(row[0]), str(row[1]), row[2]) for row in conn.execute("SELECT type, name, sql FROM sqlite_schema")}


def _expected_schema(version: int) -> set[tuple[str, str, str | None]]:
    reference = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(reference, target=version)
        return _schema(reference)
    finally:
        reference.close()


def import_backup(source: Path, store_path: Path, now: dt.datetime) -> ImportResult:
    """Replace the store with a validated copy of `source`, keeping the old store as a timestamped .bak."""
    source = Path(source).expanduser().absolute()
    if source.exists() and store_path.exists() and source.resolve() == store_path.resolve():
        raise BackupError(f"{source} is the progress store itself; choose a backup file.")
    source_wal = _side_file(source, "-wal")
    if source_wal.exists() and source_wal.stat().st_size > 0:
        # A copied live store: its newest answers are in the -wal, which a one-file import would drop.
        raise BackupError(f"{source} is a progress store that is still in use or was copied while in use (its latest "
                          f"changes are in {source_wal.name}). Make a backup with 'privacy-checkup backup export' "
                          "on that computer instead.")
    with translated(store_path):
        ensure_private_dir(store_path.parent)
        staged = private_temp_path(store_path.parent, store_path.name)
    try:
        # Validate a private copy, not the original: what is checked is exactly what gets installed.
        try:
            with source.open("rb") as src, staged.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        except OSError as exc:
            raise BackupError(f"{source} cannot be read: {exc.strerror or exc}.") from exc
        version = validate_backup(staged)
        _fsync_file(staged)
        previous = _set_aside(store_path, now) if store_path.exists() else None
        with translated(store_path):
            os.replace(staged, store_path)
            fsync_dir(store_path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):  # only our staged copy; the store is untouched
            staged.unlink()
        raise
    Database.open(store_path).close()  # migrate and switch to WAL now, not in the middle of the next answer
    return ImportResult(version, previous)


def _set_aside(store_path: Path, now: dt.datetime) -> Path:
    """Keep the current store as <name>.<UTC time>.bak (a hard link, so the store itself is never moved)."""
    try:
        db = Database.open(store_path)
    except (CorruptStoreError, StoreFromNewerVersionError):
        db = None  # still set aside byte for byte below, with its -wal: importing is how a user recovers
    if db is not None:
        with translated(store_path):
            db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        if _side_file(store_path, "-wal").exists():
            raise BackupError("Privacy Checkup is using the progress store right now. Close the app, then import "
                              "the backup again. Nothing was changed.")
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    bak = store_path.with_name(f"{store_path.name}.{stamp}.bak")
    counter = 1
    while bak.exists():
        bak = store_path.with_name(f"{store_path.name}.{stamp}-{counter}.bak")
        counter += 1
    with translated(bak):
        try:
            os.link(store_path, bak)
        except OSError:  # file systems without hard links (FAT, some network shares): a copy does the same job
            shutil.copy2(store_path, bak)
            _fsync_file(bak)
        for suffix in ("-wal", "-shm"):
            # A -wal left beside the new store would be replayed into it; it belongs to the old one.
            side = _side_file(store_path, suffix)
            if side.exists():
                os.replace(side, _side_file(bak, suffix))
        fsync_dir(store_path.parent)
    return bak


def _side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
