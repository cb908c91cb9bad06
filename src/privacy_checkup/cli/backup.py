"""The `backup` commands: the whole progress store to a file and back; notes stay encrypted."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.storage import paths


def cmd_backup(action: str, file: Path, overwrite: bool = False) -> int:
    from privacy_checkup.storage.backup import export_backup, import_backup  # keeps other commands fast

    store = paths.store_path()
    if action == "export":
        written = export_backup(store, file, overwrite=overwrite)
        print(f"Backed up your progress to {written}. Notes in it stay encrypted.", file=sys.stderr)
        return ExitCode.OK
    from privacy_checkup.storage.instance_lock import AlreadyRunningError, held_elsewhere

    if held_elsewhere(paths.data_dir()):  # the open app would go on showing, and writing, the old progress
        raise AlreadyRunningError(paths.data_dir())
    result = import_backup(file, store, dt.datetime.now(dt.UTC))
    kept = f" Your previous progress was kept in {result.previous_store}." if result.previous_store else ""
    print(f"Imported {file} into {store}.{kept}", file=sys.stderr)
    return ExitCode.OK
