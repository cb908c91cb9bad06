"""The process's entry: the first lines of `privacy-checkup`, `python -m privacy_checkup` and the bundle.

A launch that only opens the app starts loading Qt's libraries on a second thread here, before any
other import (ui/qt_preload.py); every launch then goes on to the command line in cli.py.
"""

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from privacy_checkup.ui.qt_preload import Preload

# Options that only open the app. A command line holding nothing else (a desktop launch holds nothing
# at all) is read without a parser: building even the smallest one takes 2 ms of start-up (its help
# formatter loads the locale). Anything else, even an abbreviation, goes to argparse.
APP_ONLY_OPTIONS = frozenset({"--quit-after-show", "--background"})


class AppLaunch(NamedTuple):
    # No `from __future__ import annotations` in this module, nor in the ones defining the NamedTuples
    # start-up needs: with it, `typing` compiles each field's annotation, 5 ms of start-up for them all
    # (the first compile() of a process alone takes 1.5 ms).
    quit_after_show: bool
    background: bool


def app_launch(arguments: Sequence[str]) -> AppLaunch | None:
    """The app's options when `arguments` hold nothing but APP_ONLY_OPTIONS, else None."""
    if not APP_ONLY_OPTIONS.issuperset(arguments):
        return None
    return AppLaunch(quit_after_show="--quit-after-show" in arguments, background="--background" in arguments)


def prepare(arguments: Sequence[str]) -> "Preload | None":
    """What to start before anything is imported: Qt's libraries, when the launch opens the app."""
    if app_launch(arguments) is None:
        return None
    from privacy_checkup.ui import qt_preload

    return qt_preload.start()


def main() -> int:
    prepare(sys.argv[1:])
    from privacy_checkup.cli import main as run_command_line

    return run_command_line()
