"""The process's entry: the first lines of `privacy-checkup`, `python -m privacy_checkup` and the bundle.

A launch that only opens the app first starts what start-up does in advance (ui/startup/); every
launch then goes on to the command line (cli/).
"""

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacy_checkup.ui.startup.qt_preload import Preload


def prepare(arguments: Sequence[str]) -> "Preload | None":
    """What to start before anything else is imported: Qt's libraries, when the launch opens the app."""
    from privacy_checkup.cli.app_options import app_launch

    if app_launch(arguments) is None:
        return None
    from privacy_checkup.ui.startup import qt_preload

    return qt_preload.start()


def main() -> int:
    prepare(sys.argv[1:])
    from privacy_checkup.cli import main as run_command_line

    return run_command_line()
