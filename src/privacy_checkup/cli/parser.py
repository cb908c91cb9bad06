"""The command line's parser: every subcommand, its options, and what its exit status means."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.cli.exit_codes import EPILOG
from privacy_checkup.storage import paths


def _command(commands: Any, name: str, help_text: str, description: str, exit_status: str) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with what its exit status means."""
    command: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=description,
                                                           epilog=f"exit status: {exit_status}")
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-checkup",
        description=f"{APP_NAME}: a guided, offline privacy review of your social-media accounts. "
                    "Run without a command to open the app.", epilog=EPILOG)
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

    validate = _command(
        commands, "validate", "check checklist files (and policy.json); exit 0 when all are valid, 1 otherwise",
        "Check checklist files, office policy files named policy.json, the glossary and the emergency guide. "
        "Errors are printed one per line as path:line:column: message.",
        "0 when every file is valid, 1 when a file has a problem or a path does not exist, 2 on error")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders to check (default: every catalog layer and the office policy)")

    listing = _command(commands, "checklists", "list the merged catalog as the app sees it",
                       "List every checklist the app would show: its layer, version, dates, items and signature.",
                       "0 when every file could be used, 1 when a file or the office policy has a problem, 2 on error")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")

    status = _command(
        commands, "status", "each platform's review status; exit 0 when nothing needs attention",
        "Print each chosen platform's review status: usable from a login script.",
        "0 when nothing needs attention, 1 when something is overdue, 2 on error")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")

    report = _command(
        commands, "report", "write a PDF report or a JSON/CSV attestation (never includes notes)",
        "Write a report of your checkup. The JSON and CSV attestation has one record per item for your office; "
        "notes are never included from the command line.", "0 when the report was written, 2 on error")
    report.add_argument("--format", required=True, choices=["pdf", "json", "csv"], dest="output_format")
    report.add_argument("--output", required=True, type=Path, metavar="FILE")

    backup = _command(
        commands, "backup", "export or import the whole progress store (notes stay encrypted)",
        "Export the progress store to a file, or replace it with one exported before. Notes stay encrypted; "
        "open them on another computer with your recovery key.", "0 when done, 2 on error")
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
    pack = _command(commands, "pack", "create signing keys, sign an office checklist folder, verify a signed folder",
                    "Signed checklist packs for offices: see docs/offices.md.",
                    "0 when done (verify: the pack is verified), 1 when verify rejects the pack, 2 on error")
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
