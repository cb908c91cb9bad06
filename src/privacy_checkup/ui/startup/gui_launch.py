"""Opening the app from the command line: the collector rests, Qt loads, and the window is built."""

from __future__ import annotations

import linecache
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_checkup.ui.startup.collector import CollectorPause

if TYPE_CHECKING:
    from privacy_checkup.cli.app_options import AppLaunch


def open_app(checklists_dir: Path | None, launch: AppLaunch) -> int:
    with CollectorPause() as pause:
        from privacy_checkup.ui.app import run_gui

        # PySide6 reads the source of every module imported after it into Python's line cache, looking
        # for "PySide6" (PYSIDE-2029), and the cache keeps it: ~1.5 MiB no one reads again. Tracebacks
        # read the lines again if they ever need them.
        linecache.clearcache()
        return run_gui(checklists_dir=checklists_dir, quit_after_show=launch.quit_after_show,
                       background=launch.background, painted=pause.resume)
