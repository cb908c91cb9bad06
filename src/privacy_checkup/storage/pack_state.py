"""The highest signed-pack version this computer has used, per organisation (rollback protection)."""

from __future__ import annotations

import json
from pathlib import Path

from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.paths import ensure_private_dir

_MAX_BYTES = 256 * 1024
_MAX_ORGANISATIONS = 1000
_MAX_NAME = 200
_MAX_VERSION = 1_000_000_000


def read_seen_versions(path: Path) -> dict[str, int]:
    """Organisation -> highest pack version seen. A missing or damaged file counts as nothing seen:
    it only guards against rollback, must never stop checklists loading, and the next verified
    pack writes a good copy."""
    try:
        with path.open("rb") as handle:
            raw = json.loads(handle.read(_MAX_BYTES + 1))
    except (OSError, ValueError):  # missing, unreadable, too big (cut short) or not JSON
        return {}
    if not isinstance(raw, dict) or raw.get("schema_version") != 1:
        return {}
    versions = raw.get("highest_versions")
    if not isinstance(versions, dict) or len(versions) > _MAX_ORGANISATIONS:
        return {}
    if not all(isinstance(name, str) and len(name) <= _MAX_NAME and type(version) is int
               and 1 <= version <= _MAX_VERSION for name, version in versions.items()):
        return {}
    return dict(versions)


def record_seen_version(path: Path, organisation: str, version: int) -> bool:
    """Remember `version` for `organisation` if it is the highest yet; True when the file changed."""
    seen = read_seen_versions(path)
    if seen.get(organisation, 0) >= version:
        return False
    seen[organisation] = version
    ensure_private_dir(path.parent)
    text = json.dumps({"schema_version": 1, "highest_versions": dict(sorted(seen.items()))},
                      indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return True
