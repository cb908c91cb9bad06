"""Writing new signing-key files: never over an existing file; a private key readable only by its owner."""

from __future__ import annotations

import os
from pathlib import Path

from privacy_checkup.core.errors import KeyFileError


def write_new_file(path: Path, data: bytes, mode: int) -> None:
    """Create `path` with `data` and permissions `mode`; refuse if it exists (a key must never be lost)."""
    try:
        # O_EXCL: the file is created by this call with `mode` from the start, never readable by others.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except FileExistsError:
        raise KeyFileError(f"{path} already exists; choose another name or move it away first") from None
    except OSError as exc:
        raise KeyFileError(f"cannot create {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), mode)  # the umask may have removed bits we want (0644 for a public key)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)  # a half-written key is worse than none
        raise
