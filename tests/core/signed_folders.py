"""Real checklist folders, keys and signed packs on disk for the office tests (no mocks)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_checkup.core.catalog import Layer, LayerSource
from privacy_checkup.core.packs import raw_public_key, sign_pack
from privacy_checkup.core.policy import TrustedKey

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = json.loads((DATA / "checklists" / "valid" / "example.json").read_text())


def write_checklist(folder: Path, name: str, **changes: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({**EXAMPLE, **changes}, indent=2))
    return path


def trusted(key: Ed25519PrivateKey, name: str = "Security team") -> TrustedKey:
    return TrustedKey(name, raw_public_key(key))


def public_key_text(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(raw_public_key(key)).decode()


def sign(folder: Path, key: Ed25519PrivateKey, version: int = 1, organisation: str = "Example Office") -> None:
    signed = sign_pack(folder, key, organisation, version, dt.date(2026, 11, 20))
    (folder / "pack.json").write_bytes(signed.manifest_bytes)
    (folder / "pack.sig").write_bytes(signed.signature_bytes)


def layers(root: Path) -> list[LayerSource]:
    return [LayerSource(Layer.BUNDLED, root / "bundled"), LayerSource(Layer.OFFICE, root / "office"),
            LayerSource(Layer.USER, root / "user")]
