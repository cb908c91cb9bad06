"""The command line: no arguments opens the app; subcommands serve scripts and offices."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.errors import (
    KeyFileError,
    PackError,
    PackUnsignedError,
    PrivacyCheckupError,
    SigningError,
)
from privacy_checkup.core.loader import checklist_files, load_files
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
from privacy_checkup.storage.app_catalog import AppCatalog, load_app_catalog
from privacy_checkup.storage.atomic import atomic_write
from privacy_checkup.storage.key_files import write_new_file
from privacy_checkup.storage.pack_state import read_seen_versions

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-checkup",
        description=f"{APP_NAME}: a guided, offline privacy review of your social-media accounts. "
                    "Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check that checklists, the store, the keyring and a window all work here; "
                             "exit non-zero on any failure")
    parser.add_argument("--checklists-dir", type=Path, metavar="DIR",
                        help="use DIR as the office checklist folder (default: the site-wide config folder, "
                             f"or ${paths.CHECKLISTS_ENV})")
    # Hidden: exit right after the main window's first paint (start-up benchmarks, smoke tests).
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--background", action="store_true",
                        help="start in the system tray (as at login): show a reminder when a review is overdue")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check checklist files (and policy.json); exit 0 when all are valid, 1 otherwise",
        description="Check checklist files, and office policy files named policy.json. Errors are printed one "
                    "per line as path:line:column: message.")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders to check (default: every catalog layer and the office policy)")

    listing = commands.add_parser("checklists", help="list the merged catalog as the app sees it")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")

    status = commands.add_parser(
        "status", help="each platform's review status; exit 0 when nothing is overdue, 1 when something is",
        description="Print each chosen platform's review status. Exit 0 when nothing is overdue, 1 when "
                    "something is, 2 on error: usable from a login script.")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")

    report = commands.add_parser(
        "report", help="write a PDF report or a JSON/CSV attestation (never includes notes)",
        description="Write a report of your checkup. The JSON and CSV attestation has one record per item "
                    "for your office; notes are never included from the command line.")
    report.add_argument("--format", required=True, choices=["pdf", "json", "csv"], dest="output_format")
    report.add_argument("--output", required=True, type=Path, metavar="FILE")

    backup = commands.add_parser(
        "backup", help="export or import the whole progress store (notes stay encrypted)",
        description="Export the progress store to a file, or replace it with one exported before. "
                    "Notes stay encrypted; open them on another computer with your recovery key.")
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a snapshot of your progress to FILE")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    restore = actions.add_parser(
        "import", help="replace your progress with the backup in FILE (the current store is kept as .bak)")
    restore.add_argument("file", type=Path, metavar="FILE")
    _add_pack_commands(commands)
    return parser


def _add_pack_commands(commands: Any) -> None:
    pack = commands.add_parser(
        "pack", help="create signing keys, sign an office checklist folder, verify a signed folder",
        description="Signed checklist packs for offices: see docs/offices.md.")
    actions = pack.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    keygen = actions.add_parser(
        "keygen", help="create an Ed25519 signing key pair",
        description="Write a new private key (PEM, PKCS#8, unencrypted, readable only by you) and its public "
                    "key (one line of base64: what policy.json's trusted_keys[].public_key takes). "
                    "Existing files are never overwritten.")
    keygen.add_argument("--private-key", type=Path, required=True, metavar="FILE",
                        help="where to write the private key")
    keygen.add_argument("--public-key", type=Path, required=True, metavar="FILE",
                        help="where to write the public key")
    sign = actions.add_parser(
        "sign", help="sign every checklist in DIR (writes pack.json and pack.sig)",
        description="Check every checklist in DIR, then write the manifest pack.json (each file's SHA-256) "
                    "and its signature pack.sig.")
    sign.add_argument("folder", type=Path, metavar="DIR")
    sign.add_argument("--key", type=Path, required=True, metavar="FILE", help="the private key (PEM)")
    sign.add_argument("--organisation", required=True, metavar="NAME",
                      help="who signs; staff see 'verified by NAME'")
    sign.add_argument("--version", type=int, required=True, metavar="N",
                      help="the pack version: higher than every version signed before")
    sign.add_argument("--created", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                      help="the signing date to record (default: today)")
    verify = actions.add_parser(
        "verify", help="verify the signed pack in DIR; exit 0 when verified, 1 when rejected",
        description="Verify DIR as the app would: exit 0 when verified, 1 when rejected (the reason is printed).")
    verify.add_argument("folder", type=Path, metavar="DIR")
    verify.add_argument("--public-key", type=Path, metavar="FILE",
                        help="trust only this public key (default: the trusted keys in the office policy)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from privacy_checkup.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from privacy_checkup.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(checklists_dir=args.checklists_dir, quit_after_show=args.quit_after_show,
                       background=args.background)
    try:
        if args.command == "validate":
            return cmd_validate(args.paths, args.checklists_dir)
        if args.command == "checklists":
            return cmd_checklists(args.json, args.checklists_dir)
        if args.command == "status":
            from privacy_checkup.cli_reports import cmd_status

            loaded = load_app_catalog(args.checklists_dir)
            return cmd_status(loaded.catalog, args.json, rules=loaded.review_rules)
        if args.command == "report":
            from privacy_checkup.cli_reports import cmd_report

            loaded = load_app_catalog(args.checklists_dir)
            return cmd_report(loaded.catalog, args.output_format, args.output, rules=loaded.review_rules)
        if args.command == "backup":
            return cmd_backup(args.backup_action, args.file, getattr(args, "overwrite", False))
        if args.command == "pack":
            return cmd_pack(args)
    except PrivacyCheckupError as exc:
        print(f"privacy-checkup: {exc}", file=sys.stderr)
        return EXIT_ERROR
    raise AssertionError(f"unhandled command {args.command}")  # argparse only accepts the commands above


def _files_to_validate(targets: list[Path], checklists_dir: Path | None) -> list[Path]:
    if not targets:
        targets = [layer.folder for layer in paths.checklist_layers(checklists_dir)]
        return [f for folder in targets for f in checklist_files(folder)]
    files: list[Path] = []
    for target in targets:
        files.extend(checklist_files(target) if target.is_dir() else [target])
    return files


def cmd_validate(targets: list[Path], checklists_dir: Path | None) -> int:
    files = _files_to_validate(targets, checklists_dir)
    # An office checks its policy the same way: named on the command line, or found where the app looks.
    policies = [f for f in files if f.name == paths.POLICY_FILE_NAME] if targets else (
        [paths.policy_path()] if paths.policy_path().is_file() else [])
    files = [f for f in files if f not in policies]
    result = load_files(files)
    policy_errors = [e for policy in policies for e in load_policy(policy).errors]
    for error in [*policy_errors, *result.errors]:
        for diagnostic in error.diagnostics:
            print(diagnostic)
    missing = [t for t in targets if not t.exists()]
    print(f"{len(result.checklists)} of {len(files)} checklist file(s) valid", file=sys.stderr)
    if policies:
        print(f"{len(policies) - len(policy_errors)} of {len(policies)} policy file(s) valid", file=sys.stderr)
    problems = result.errors or policy_errors or missing or (targets and not files and not policies)
    return EXIT_PROBLEMS if problems else EXIT_OK


def load_catalog(checklists_dir: Path | None = None) -> Catalog:
    return load_app_catalog(checklists_dir).catalog


def cmd_checklists(as_json: bool, checklists_dir: Path | None) -> int:
    loaded = load_app_catalog(checklists_dir)
    policy, catalog = loaded.policy, loaded.catalog
    today = dt.date.today()
    rows = [{
        "id": entry.checklist.id,
        "title": entry.checklist.title,
        "layer": entry.layer.value,
        "version": entry.checklist.version,
        "last_verified": entry.checklist.last_verified.isoformat(),
        "review_interval_days": entry.checklist.review_interval_days,
        "items": len(entry.checklist.items),
        "path": str(entry.path),
        "overrides": [layer.value for layer in entry.overrides],
        "signature": entry.signature or "unsigned",
        "required": entry.checklist.id in policy.required_checklists,
        "possibly_out_of_date": policy.possibly_out_of_date(entry.checklist.last_verified, today),
    } for entry in catalog]
    problems = _catalog_problems(loaded)
    if as_json:
        print(json.dumps({
            "policy": {"organisation": policy.organisation, "help_link": policy.help_link,
                       "required_checklists": list(policy.required_checklists),
                       "safe_defaults": policy.safe_defaults},
            "office_pack": _office_pack_state(loaded, checklists_dir),
            "checklists": rows,
            "errors": problems,
        }, indent=2, ensure_ascii=False))
        for error in loaded.policy_result.errors:  # a broken policy is always said out loud
            for diagnostic in error.diagnostics:
                print(diagnostic, file=sys.stderr)
    else:
        if policy.organisation:
            contact = f" (help: {policy.help_link})" if policy.help_link else ""
            print(f"Office policy: {policy.organisation}{contact}")
        for row in rows:
            print(f"{row['id']:<24} {row['title']:<28} {row['layer']:<8} v{row['version']:<6} "
                  f"verified {row['last_verified']}  {row['items']} items  {row['signature']}")
        for problem in problems:
            print(problem, file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _catalog_problems(loaded: AppCatalog) -> list[str]:
    out = [str(d) for e in loaded.policy_result.errors for d in e.diagnostics]
    if loaded.policy.safe_defaults:
        out.append(f"{paths.policy_path()}: the office policy cannot be used, so the app runs with safe defaults: "
                   "only the bundled checklists are loaded until the policy is fixed")
    out += [f"office checklists not loaded: {exc}" for exc in loaded.catalog.rejected_packs]
    out += [str(d) for e in loaded.catalog.errors for d in e.diagnostics]
    out += [f"{paths.policy_path()}: the office policy requires checklist {cid!r}, which is not available"
            for cid in loaded.built.missing_required]
    return out


def _office_pack_state(loaded: AppCatalog, checklists_dir: Path | None) -> dict[str, Any] | None:
    """How the office folder fared: verified, unsigned, rejected (with why), or None when it is empty."""
    folder = paths.office_checklists_dir(checklists_dir)
    pack = loaded.built.verified_pack
    rejected = loaded.catalog.rejected_packs
    if rejected:
        return {"folder": str(folder), "signature": f"rejected: {rejected[0]}", "version": None}
    if pack is not None:
        return {"folder": str(folder), "signature": pack.signature, "version": pack.manifest.version}
    signed_parts = [name for name in (PACK_MANIFEST_NAME, PACK_SIGNATURE_NAME) if (folder / name).exists()]
    if not checklist_files(folder) and not signed_parts:
        return None
    return {"folder": str(folder), "signature": "unsigned", "version": None}


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
    return EXIT_OK


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
    return EXIT_OK


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
        return EXIT_PROBLEMS
    manifest = pack.manifest
    print(f"{pack.signature}: version {manifest.version} of {manifest.organisation}'s pack, created "
          f"{manifest.created.isoformat()}, {len(manifest.files)} checklist file(s), signed with key "
          f"{pack.key.key_id} ({pack.key.name})")
    return EXIT_OK


def cmd_backup(action: str, file: Path, overwrite: bool = False) -> int:
    from privacy_checkup.storage.backup import export_backup, import_backup  # keeps other commands fast

    store = paths.store_path()
    if action == "export":
        written = export_backup(store, file, overwrite=overwrite)
        print(f"Backed up your progress to {written}. Notes in it stay encrypted.", file=sys.stderr)
        return EXIT_OK
    result = import_backup(file, store, dt.datetime.now(dt.UTC))
    kept = f" Your previous progress was kept in {result.previous_store}." if result.previous_store else ""
    print(f"Imported {file} into {store}.{kept}", file=sys.stderr)
    return EXIT_OK
