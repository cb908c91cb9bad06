"""The command line: no arguments opens the app; subcommands serve scripts and offices."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.core.catalog import Catalog, build_catalog
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.core.loader import checklist_files, load_files
from privacy_checkup.storage import paths

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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check checklist files; exit 0 when all are valid, 1 otherwise",
        description="Check checklist files. Errors are printed one per line as path:line:column: message.")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders to check (default: every catalog layer)")

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from privacy_checkup.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from privacy_checkup.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(checklists_dir=args.checklists_dir)
    try:
        if args.command == "validate":
            return cmd_validate(args.paths, args.checklists_dir)
        if args.command == "checklists":
            return cmd_checklists(args.json, args.checklists_dir)
        if args.command == "status":
            from privacy_checkup.cli_reports import cmd_status

            return cmd_status(load_catalog(args.checklists_dir), args.json)
        if args.command == "report":
            from privacy_checkup.cli_reports import cmd_report

            return cmd_report(load_catalog(args.checklists_dir), args.output_format, args.output)
        if args.command == "backup":
            return cmd_backup(args.backup_action, args.file, getattr(args, "overwrite", False))
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
    result = load_files(files)
    for error in result.errors:
        for diagnostic in error.diagnostics:
            print(diagnostic)
    missing = [t for t in targets if not t.exists()]
    print(f"{len(result.checklists)} of {len(files)} checklist file(s) valid", file=sys.stderr)
    return EXIT_PROBLEMS if result.errors or missing or (targets and not files) else EXIT_OK


def load_catalog(checklists_dir: Path | None = None) -> Catalog:
    return build_catalog(paths.checklist_layers(checklists_dir))


def cmd_checklists(as_json: bool, checklists_dir: Path | None) -> int:
    catalog = load_catalog(checklists_dir)
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
    } for entry in catalog]
    if as_json:
        print(json.dumps({"checklists": rows, "errors": [str(d) for e in catalog.errors for d in e.diagnostics]},
                         indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']:<24} {row['title']:<28} {row['layer']:<8} v{row['version']:<6} "
                  f"verified {row['last_verified']}  {row['items']} items")
        for error in catalog.errors:
            for diagnostic in error.diagnostics:
                print(diagnostic, file=sys.stderr)
    return EXIT_PROBLEMS if catalog.errors else EXIT_OK


def cmd_backup(action: str, file: Path, overwrite: bool = False) -> int:
    from privacy_checkup.storage.backup import export_backup, import_backup  # keeps other commands fast

    store = paths.store_path()
    if action == "export":
        written = export_backup(store, file, overwrite=overwrite)
        print(f"Backed up your progress to {written}. Notes in it stay encrypted.", file=sys.stderr)
        return EXIT_OK
    result = import_backup(file, store, datetime.datetime.now(datetime.UTC))
    kept = f" Your previous progress was kept in {result.previous_store}." if result.previous_store else ""
    print(f"Imported {file} into {store}.{kept}", file=sys.stderr)
    return EXIT_OK
