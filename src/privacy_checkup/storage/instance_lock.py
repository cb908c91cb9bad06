"""One app per data folder: a lock on a file in the data folder, held while the app runs.

The operating system releases the lock when the process ends, however it ends (a crash or a kill
included), so a lock is never left behind. The app takes it before it opens the store; commands
that replace the store (backup import) refuse while another process holds it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from privacy_checkup.core.errors import StorageError

LOCK_FILE_NAME = "instance.lock"


class AlreadyRunningError(StorageError):
    """Another Privacy Checkup holds the data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(f"Privacy Checkup is already open for {folder}")


class InstanceLock:
    """`with InstanceLock(folder):` holds the folder for this process; raises AlreadyRunningError when another
    process holds it. `held_elsewhere(folder)` asks without taking it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        from privacy_checkup.storage.paths import ensure_private_dir

        ensure_private_dir(self.folder)
        handle = open(self.path, "a+b")  # noqa: SIM115 (held open for as long as the lock is held)
        try:
            _lock(handle)
        except BlockingIOError:
            handle.close()
            raise AlreadyRunningError(self.folder) from None
        except BaseException:
            handle.close()
            raise
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def held_elsewhere(folder: Path) -> bool:
    """Whether another process holds `folder` now (a missing folder is held by no one)."""
    if not (folder / LOCK_FILE_NAME).exists():
        return False
    probe = InstanceLock(folder)
    try:
        probe.acquire()
    except AlreadyRunningError:
        return True
    probe.release()
    return False


def _lock(handle: IO[bytes]) -> None:
    """An exclusive lock that fails at once (BlockingIOError) when another process has one."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            raise BlockingIOError(str(exc)) from exc
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.set_inheritable(handle.fileno(), False)  # a child the app starts must not keep the folder held
