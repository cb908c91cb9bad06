"""Writing whole files atomically: readers see the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut (a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_temp_path(folder: Path, stem: str) -> Path:
    """A new, empty file in `folder` readable only by this user, for staging a replacement."""
    fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)  # mkstemp creates it 0600
    os.close(fd)
    return Path(name)


def atomic_write(path: Path, data: bytes, mode: int = 0o600, durable: bool = True) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, os.replace, fsync the folder.
    `durable=False` skips both fsyncs, for copies the app can rebuild: readers still never see half
    a file, but a power cut may leave the old one (or an empty one) in place."""
    path = Path(path)
    temp = private_temp_path(path.parent, path.name)
    try:
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode != 0o600:
            temp.chmod(mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):  # only our partial copy; `path` is untouched
            temp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)
