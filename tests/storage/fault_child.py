"""Child process for the fault-injection tests: one storage operation, its outcome as the exit code.

Exit 0: it worked. Exit 3: it was refused with one of the app's StorageErrors (class and message on stderr).
Anything else is a crash. Nothing is printed before the operation ends, so a fault the test injects into
"the Nth write" can only land on the operation's own files.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from privacy_checkup.core.errors import StorageError
from privacy_checkup.storage.backup import export_backup, import_backup
from privacy_checkup.storage.progress import AnswerState, ProgressStore

REFUSED = 3
NEW_ITEM = "answered-during-the-fault"


def save(store_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    with ProgressStore.open(store_path) as store:
        review = store.start_review("facebook", 1, now)
        store.record_answer(review.id, NEW_ITEM, 1, AnswerState.DONE, now)


def main(operation: str, first: Path, second: Path) -> int:
    try:
        if operation == "save":
            save(first)
        elif operation == "export":
            export_backup(first, second, overwrite=True)
        elif operation == "import":
            import_backup(first, second, dt.datetime.now(dt.UTC))
        else:
            raise SystemExit(f"unknown operation {operation}")
    except StorageError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return REFUSED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3] if len(sys.argv) > 3 else "")))
