"""The `pack` commands: an office's signing keys, signing a checklist folder, and verifying one."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.core.errors import KeyFileError, PackError, PackUnsignedError, PrivacyCheckupError, SigningError
from privacy_checkup.core.pack_format import PACK_MANIFEST_NAME, PACK_SIGNATURE_NAME
from privacy_checkup.core.packs import (
    new_private_key,
    private_key_pem,
    public_key_text,
    raw_public_key,
    read_private_key,
    read_public_key,
    sign_pack,
    verify_pack,
)
from privacy_checkup.core.policy import TrustedKey, key_id, load_policy
from privacy_checkup.storage import paths
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.key_files import write_new_file
from privacy_checkup.storage.pack_state import read_seen_versions


def cmd_pack(args: argparse.Namespace) -> int:
    if args.pack_action == "keygen":
        return cmd_pack_keygen(args.private_key, args.public_key)
    if args.pack_action == "sign":
        return cmd_pack_sign(args.folder, args.key, args.organisation, args.version, args.created or dt.date.today())
    return cmd_pack_verify(args.folder, args.public_key)


def cmd_pack_keygen(private_path: Path, public_path: Path) -> int:
    for path in (private_path, public_path):
        if path.exists():  # checked for both first, so a refusal never leaves half a key pair
            raise KeyFileError(f"{path} already exists; choose another name or move it away first")
    key = new_private_key()
    public_key = raw_public_key(key)
    write_new_file(private_path, private_key_pem(key), 0o600)
    write_new_file(public_path, (public_key_text(public_key) + "\n").encode("ascii"), 0o644)
    print(f"Private key: {private_path} (keep it offline; anyone holding it can sign checklists for you)")
    print(f"Public key:  {public_path}, key id {key_id(public_key)}")
    print("Add it to trusted_keys in policy.json:")
    print(json.dumps({"name": "<who holds the key>", "public_key": public_key_text(public_key)}))
    return ExitCode.OK


def _read_key_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def cmd_pack_sign(folder: Path, key_path: Path, organisation: str, version: int, created: dt.date) -> int:
    key = read_private_key(_read_key_file(key_path), str(key_path))
    signed = sign_pack(folder, key, organisation, version, created)
    # The manifest first: until pack.sig follows, the folder is rejected, never wrongly accepted.
    for name, data in ((PACK_MANIFEST_NAME, signed.manifest_bytes), (PACK_SIGNATURE_NAME, signed.signature_bytes)):
        try:
            atomic_write(folder / name, data, mode=0o644)
        except OSError as exc:
            raise SigningError(f"cannot write {folder / name}: {exc.strerror or exc}") from None
    print(f"Signed {len(signed.manifest.files)} checklist file(s) in {folder} as version {version} of "
          f"{organisation}'s pack, with key {key_id(raw_public_key(key))}.")
    return ExitCode.OK


def cmd_pack_verify(folder: Path, public_key_path: Path | None) -> int:
    if not folder.is_dir():
        raise PrivacyCheckupError(f"{folder} is not a folder")
    trusted: tuple[TrustedKey, ...]
    if public_key_path is not None:
        trusted = (TrustedKey(str(public_key_path), read_public_key(_read_key_file(public_key_path),
                                                                    str(public_key_path))),)
    else:
        policy_result = load_policy(paths.policy_path())
        for error in policy_result.errors:
            print(f"privacy-checkup: {error}", file=sys.stderr)
        trusted = policy_result.policy.trusted_keys
    try:
        pack = verify_pack(folder, trusted, require_signed=True,
                           highest_seen=read_seen_versions(paths.pack_state_path()))
        if pack is None:  # an empty, unsigned folder: nothing here is verified
            raise PackUnsignedError(folder)
    except PackError as exc:
        print(f"rejected: {exc}", file=sys.stderr)
        return ExitCode.ATTENTION
    manifest = pack.manifest
    print(f"{pack.signature}: version {manifest.version} of {manifest.organisation}'s pack, created "
          f"{manifest.created.isoformat()}, {len(manifest.files)} checklist file(s), signed with key "
          f"{pack.key.key_id} ({pack.key.name})")
    return ExitCode.OK
