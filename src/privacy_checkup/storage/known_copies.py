"""The last good copy of each checklist file, kept in the data folder.

Start-up validates only files that changed since their copy was made, and a file that turns bad
keeps working from its copy until it is fixed. The copies are the app's own: any that cannot be
read or do not match this version of the app are ignored and made again from the files.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from privacy_checkup import __version__
from privacy_checkup.core.loader import KnownCopy
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.paths import ensure_private_dir

COPY_FORMAT = 1


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class KnownCopies:
    """One JSON file per checklist file, named after its path; written atomically, not fsynced."""

    def __init__(self, folder: Path, app_version: str = __version__,
                 clock: Callable[[], dt.datetime] = _utc_now) -> None:
        self.folder = folder
        self.app_version = app_version  # a new version may validate more strictly: its copies start afresh
        self.clock = clock
        self.unwritable: list[str] = []  # copies that could not be saved, and why

    def copy_path(self, path: Path) -> Path:
        return self.folder / f"{importlib.util.source_hash(str(path).encode('utf-8')).hex()}.json"

    def recall(self, path: Path) -> KnownCopy | None:
        try:
            raw = json.loads(self.copy_path(path).read_bytes())
        except (OSError, ValueError):  # none yet, unreadable or damaged: the file is validated instead
            return None
        if not (isinstance(raw, dict) and raw.get("format") == COPY_FORMAT
                and raw.get("app_version") == self.app_version and raw.get("path") == str(path)
                and isinstance(raw.get("fingerprint"), str) and isinstance(raw.get("document"), dict)
                and isinstance(raw.get("validated_at"), str)):
            return None
        try:
            validated_at = dt.datetime.fromisoformat(raw["validated_at"])
        except ValueError:
            return None
        return KnownCopy(raw["fingerprint"], raw["document"], validated_at)

    def remember(self, path: Path, copy_fingerprint: str, document: dict[str, Any]) -> None:
        record = {"format": COPY_FORMAT, "app_version": self.app_version, "path": str(path),
                  "fingerprint": copy_fingerprint, "validated_at": self.clock().isoformat(), "document": document}
        try:
            ensure_private_dir(self.folder)
            atomic_write(self.copy_path(path), json.dumps(record, ensure_ascii=False).encode("utf-8"),
                         durable=False)
        except OSError as exc:
            # The checklist itself loaded; without its copy the next start validates it again and a
            # later mistake in the file has no copy to fall back on. `--self-test` reports it.
            self.unwritable.append(f"{self.copy_path(path)}: {exc.strerror or exc}")
