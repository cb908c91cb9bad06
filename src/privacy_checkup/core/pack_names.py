"""The two files that make a checklist folder a signed pack (kept apart from the format, which needs the validator)."""

from __future__ import annotations

from pathlib import Path

PACK_MANIFEST_NAME = "pack.json"
PACK_SIGNATURE_NAME = "pack.sig"


def claims_signature(folder: Path) -> bool:
    """True when `folder` holds a signature, so it must be verified before any of it is used."""
    return (folder / PACK_SIGNATURE_NAME).is_file()
