"""The command line: no arguments opens the app; subcommands serve scripts, offices and maintainers.

Each command imports what it needs when it runs, so the app starts without the validator, the signing
code or the argument parser loaded (docs/performance.md). `COMMANDS` is the dispatch table; exit codes
are cli/exit_codes.py, and every error's words come from cli/words.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from privacy_checkup.cli.app_options import AppLaunch, app_launch

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def _validate(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.catalog import cmd_validate

    return cmd_validate(args.paths, args.checklists_dir)


def _checklists(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.catalog import cmd_checklists

    return cmd_checklists(args.json, args.checklists_dir)


def _status(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.reports import cmd_status
    from privacy_checkup.session.app_catalog import load_app_catalog

    loaded = load_app_catalog(args.checklists_dir)
    return cmd_status(loaded.catalog, args.json, rules=loaded.review_rules)


def _report(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.reports import cmd_report
    from privacy_checkup.session.app_catalog import load_app_catalog

    loaded = load_app_catalog(args.checklists_dir)
    return cmd_report(loaded.catalog, args.output_format, args.output, rules=loaded.review_rules)


def _backup(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.backup import cmd_backup

    return cmd_backup(args.backup_action, args.file, getattr(args, "overwrite", False))


def _pack(args: argparse.Namespace) -> int:
    from privacy_checkup.cli.packs import cmd_pack

    return cmd_pack(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate, "checklists": _checklists, "status": _status, "report": _report, "backup": _backup,
    "pack": _pack,
}


def build_parser() -> argparse.ArgumentParser:
    from privacy_checkup.cli.parser import build_parser as build

    return build()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    launch = app_launch(arguments)
    if launch is not None:
        return _open_app(None, launch)
    from privacy_checkup.cli import words
    from privacy_checkup.cli.exit_codes import ExitCode
    from privacy_checkup.core.errors import PrivacyCheckupError

    args = build_parser().parse_args(arguments)
    try:
        if args.self_test:
            from privacy_checkup.cli.self_test import run_self_test

            return run_self_test()
        if args.command is None:
            return _open_app(args.checklists_dir, AppLaunch(args.quit_after_show, args.background))
        return COMMANDS[args.command](args)
    except PrivacyCheckupError as exc:
        for line in words.error_lines(exc):
            print(line, file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader went away (`privacy-checkup checklists --json | head`): what it wanted, it has.
        # Point stdout at nothing, so Python's own flush at exit does not fail on the closed pipe again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except KeyboardInterrupt:
        print(words.INTERRUPTED, file=sys.stderr)
        return 130


def _open_app(checklists_dir: Path | None, launch: AppLaunch) -> int:
    from privacy_checkup.ui.startup.gui_launch import open_app

    return open_app(checklists_dir, launch)
