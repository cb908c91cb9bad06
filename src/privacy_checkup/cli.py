"""The command line: no arguments opens the app; subcommands serve scripts and offices."""

import argparse
import datetime as dt
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.launch import AppLaunch, app_launch
from privacy_checkup.storage import paths

if TYPE_CHECKING:
    from privacy_checkup.core.catalog import Catalog

# Each command imports what it needs when it runs: the GUI starts without the validator, the
# signing code or cryptography loaded (see bench/startup.py).

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
    arguments = sys.argv[1:] if argv is None else list(argv)
    launch = app_launch(arguments)
    if launch is not None:
        return open_app(None, launch)
    args = build_parser().parse_args(arguments)
    if args.self_test:
        from privacy_checkup.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        return open_app(args.checklists_dir, AppLaunch(args.quit_after_show, args.background))
    try:
        if args.command == "validate":
            from privacy_checkup.cli_catalog import cmd_validate

            return cmd_validate(args.paths, args.checklists_dir)
        if args.command == "checklists":
            from privacy_checkup.cli_catalog import cmd_checklists

            return cmd_checklists(args.json, args.checklists_dir)
        if args.command == "status":
            from privacy_checkup.cli_reports import cmd_status
            from privacy_checkup.storage.app_catalog import load_app_catalog

            loaded = load_app_catalog(args.checklists_dir)
            return cmd_status(loaded.catalog, args.json, rules=loaded.review_rules)
        if args.command == "report":
            from privacy_checkup.cli_reports import cmd_report
            from privacy_checkup.storage.app_catalog import load_app_catalog

            loaded = load_app_catalog(args.checklists_dir)
            return cmd_report(loaded.catalog, args.output_format, args.output, rules=loaded.review_rules)
        if args.command == "backup":
            return cmd_backup(args.backup_action, args.file, getattr(args, "overwrite", False))
        if args.command == "pack":
            from privacy_checkup.cli_packs import cmd_pack

            return cmd_pack(args)
    except PrivacyCheckupError as exc:
        print(f"privacy-checkup: {exc}", file=sys.stderr)
        return EXIT_ERROR
    raise AssertionError(f"unhandled command {args.command}")  # argparse only accepts the commands above


def open_app(checklists_dir: Path | None, launch: AppLaunch) -> int:
    # Building the window makes tens of thousands of objects and almost no garbage: the cyclic
    # collector would scan them ~60 times for nothing (12 ms). run_gui resumes it once the
    # window is on screen.
    gc.disable()
    # The Qt-free modules the window needs go first: once PySide6 is loaded it reads the source
    # of every new module, looking for Qt (PYSIDE-2029); load_qt tells it these do not use it.
    from privacy_checkup.ui.qt_loading import load_qt, qt_free_imports

    with qt_free_imports():
        import privacy_checkup.storage.app_catalog
        import privacy_checkup.ui.app_state  # noqa: F401
    load_qt()  # Qt is imported only for the GUI
    from privacy_checkup.ui.app import run_gui

    return run_gui(checklists_dir=checklists_dir, quit_after_show=launch.quit_after_show,
                   background=launch.background)


def load_catalog(checklists_dir: Path | None = None) -> "Catalog":
    """The merged catalog exactly as the app and `status` see it."""
    from privacy_checkup.storage.app_catalog import load_app_catalog

    return load_app_catalog(checklists_dir).catalog


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
