"""The one place that turns sqlite3 and OS errors about the store into the app's storage errors."""

from __future__ import annotations

import errno
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
    if primary == SQLITE_FULL:
        return DiskFullError(f"The disk holding {path} is full. Free some space and try again; "
                             "everything saved before is still there.")
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyStoreError(f"{path} cannot be written ({exc}). Check that the disk is not read-only "
                                  "and that you own the file and its folder.")
    if primary in (SQLITE_NOTADB, SQLITE_CORRUPT):
        return CorruptStoreError(f"{path} is damaged or is not a Privacy Checkup store ({exc}). It has been "
                                 "left untouched; restore a backup with 'privacy-checkup backup import FILE'.")
    if primary == SQLITE_CANTOPEN:
        return StorageError(f"{path} cannot be opened ({exc}). Check that its folder exists and is yours.")
    if primary == SQLITE_IOERR:
        return StorageError(f"The disk reported an error while using {path} ({exc}). "
                            "Check the disk; the last answers you saved are kept.")
    return StorageError(f"The progress store at {path} reported an error: {exc}")


def _from_os_error(exc: OSError, path: Path) -> StorageError:
    target = exc.filename or path
    if exc.errno in _DISK_FULL_ERRNOS:
        return DiskFullError(f"The disk holding {target} is full. Free some space and try again.")
    if exc.errno in _READ_ONLY_ERRNOS:
        return ReadOnlyStoreError(f"{target} cannot be written ({exc.strerror}). Check the disk and permissions.")
    return StorageError(f"{target}: {exc.strerror or exc}")


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Raise sqlite3 and OS failures as storage errors, chained to the original."""
    try:
        yield
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a bug in our SQL, not a state of the user's disk: let it surface as is
    except (sqlite3.Error, OSError) as exc:
        raise storage_error(exc, path) from exc
