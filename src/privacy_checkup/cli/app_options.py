"""The options of a launch that only opens the app, read without building a parser.

A command line holding nothing but these (a desktop launch holds nothing at all) opens the app at
once: building even the smallest argparse parser takes 2 ms of start-up. Anything else, even an
abbreviation, goes to the full parser (cli/parser.py).
"""

from collections.abc import Sequence
from typing import NamedTuple

APP_ONLY_OPTIONS = frozenset({"--quit-after-show", "--background"})


class AppLaunch(NamedTuple):
    quit_after_show: bool  # hidden: quit right after the first paint (start-up benchmarks, smoke tests)
    background: bool       # as at login: stay in the tray and remind; open no window unless something is due


def app_launch(arguments: Sequence[str]) -> AppLaunch | None:
    """The app's options when `arguments` hold nothing but APP_ONLY_OPTIONS, else None."""
    if not APP_ONLY_OPTIONS.issuperset(arguments):
        return None
    return AppLaunch(quit_after_show="--quit-after-show" in arguments, background="--background" in arguments)
