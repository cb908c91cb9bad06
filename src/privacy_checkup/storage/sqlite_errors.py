"""The one place that turns sqlite3 and OS errors about the store into the app's storage errors."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from privacy_checkup.core.errors import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyStoreError,
    StorageError,
)

# Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(exc: sqlite3.Error | OSError, path: Path) -> StorageError:
    """The storage error that tells the user what happened to the file at `path`."""
    if isinstance(exc, OSError):
        return _from_os_error(exc, path)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary is None and "file is not a database" in str(exc):
        primary = SQLITE_NOTADB
    if primary == SQLITE_FULL or (primary in (SQLITE_IOERR, SQLITE_CANTOPEN) and _disk_is_full(path)):
        return DiskFullError(f"The disk holding {path} is full. Free some space and try again; "
                             "everything saved before is still there.")
    if primary in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) and _other_owner(path) is not None:
        return _from_os_error(OSError(errno.EACCES, str(exc), str(path)), path)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyStoreError(f"{path} cannot be written ({exc}). Check that the disk is not read-only "
                                  "and that you own the file and its folder.")
    if primary in (SQLITE_NOTADB, SQLITE_CORRUPT):
        return CorruptStoreError(f"{path} is damaged or is not a Privacy Checkup store ({exc}). It has been "
                                 "left untouched; restore a backup with 'privacy-checkup backup import FILE'.")
    if primary == SQLITE_CANTOPEN:
        return StorageError(f"{path} cannot be opened ({exc}). Check that its folder exists and is yours, "
                            "and that the disk is neither full nor failing.")
    if primary == SQLITE_IOERR:
        return StorageError(f"The disk reported an error while using {path} ({exc}). "
                            "Check the disk; the last answers you saved are kept.")
    return StorageError(f"The progress store at {path} reported an error: {exc}")


def _from_os_error(exc: OSError, path: Path) -> StorageError:
    target = exc.filename or path
    if exc.errno in _DISK_FULL_ERRNOS:
        return DiskFullError(f"The disk holding {target} is full. Free some space and try again.")
    if exc.errno in _READ_ONLY_ERRNOS:
        owner = _other_owner(Path(target))
        if owner is not None:
            return ReadOnlyStoreError(f"{target} belongs to another user account ({owner}), so Privacy Checkup "
                                      "cannot use it. Run Privacy Checkup as that user, or ask whoever set up this "
                                      "computer to give the folder back to you.")
        return ReadOnlyStoreError(f"{target} cannot be written ({exc.strerror}). Check that the disk is not "
                                  "read-only and that you own the file and its folder.")
    if exc.errno == errno.EIO:
        return StorageError(f"The disk reported an error while using {target} ({exc.strerror}). Check the disk, "
                            "then try again.")
    return StorageError(f"{target}: {exc.strerror or exc}")


# SQLite reports a full disk while creating its side files (-wal, -shm) as "cannot open" or an I/O error;
# asking the file system tells the two apart. Below this, SQLite cannot even start a transaction.
_NEARLY_FULL_BYTES = 256 * 1024


def _disk_is_full(path: Path) -> bool:
    for folder in path.parents:
        try:
            return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        except OSError:
            continue
    return False


def _other_owner(target: Path) -> str | None:
    """The owner of `target` (or of its nearest existing folder) when that is not the current user."""
    if os.name != "posix":
        return None
    for candidate in (target, *target.parents):
        try:
            uid = candidate.stat().st_uid
        except OSError:
            continue  # missing, or inside a folder we may not look into: that folder's owner is the one that matters
        if uid == os.geteuid():
            return None
        try:
            import pwd  # POSIX only

            return pwd.getpwuid(uid).pw_name
        except KeyError:
            return f"user id {uid}"
    return None


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Raise sqlite3 and OS failures as storage errors, chained to the original."""
    try:
        yield
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a bug in our SQL, not a state of the user's disk: let it surface as is
    except (sqlite3.Error, OSError) as exc:
        raise storage_error(exc, path) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quoted bytes of a damaged file that are not UTF-8
        raise CorruptStoreError(f"{path} is damaged ({exc.reason} in what SQLite read). It has been left "
                                "untouched; restore a backup with 'privacy-checkup backup import FILE'.") from exc
