"""The command line: no arguments opens the app; subcommands serve scripts and offices."""

from __future__ import annotations

import argparse
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
    parser.add_argument("--checklists-dir", type=Path, metavar="DIR",
                        help="use DIR as the office checklist folder (default: the site-wide config folder, "
                             f"or ${paths.CHECKLISTS_ENV})")
    # Hidden: exit right after the main window's first paint (start-up benchmarks, smoke tests).
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check checklist files; exit 0 when all are valid, 1 otherwise",
        description="Check checklist files. Errors are printed one per line as path:line:column: message.")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders to check (default: every catalog layer)")

    listing = commands.add_parser("checklists", help="list the merged catalog as the app sees it")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from privacy_checkup.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(checklists_dir=args.checklists_dir, quit_after_show=args.quit_after_show)
    try:
        if args.command == "validate":
            return cmd_validate(args.paths, args.checklists_dir)
        if args.command == "checklists":
            return cmd_checklists(args.json, args.checklists_dir)
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


