"""The highest signed-pack version this computer has used, per organisation (rollback protection)."""

from __future__ import annotations

import json
from pathlib import Path

from privacy_checkup.core.errors import InvalidFileError
from privacy_checkup.core.loader import parse_document
from privacy_checkup.core.spec import Const, Field, Int, Map, Obj, Str
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.paths import ensure_private_dir

_STATE = Obj({
    "schema_version": Field(Const(1)),
    "highest_versions": Field(Map(Str(max_len=200), Int(1, 1_000_000_000), max_items=1000)),
})
_MAX_BYTES = 256 * 1024


def read_seen_versions(path: Path) -> dict[str, int]:
    """Organisation -> highest pack version seen. A missing or damaged file counts as nothing seen:
    it only guards against rollback, must never stop checklists loading, and the next verified
    pack writes a good copy."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    try:
        raw = parse_document(data, str(path), _STATE, _MAX_BYTES, 4, InvalidFileError)
    except InvalidFileError:
        return {}
    return {name: int(version) for name, version in raw["highest_versions"].items()}


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
