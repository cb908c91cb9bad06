"""Child process for the durability test: records answers in a loop, printing each id once it is saved."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from privacy_checkup.storage.progress import AnswerState, ProgressStore


def main(store_path: Path, first: int) -> None:
    with ProgressStore.open(store_path) as store:
        review = store.start_review("durability", 1, dt.datetime.now(dt.UTC))
        print("ready", flush=True)
        number = first
        while True:
            store.record_answer(review.id, f"item-{number}", 1, AnswerState.DONE, dt.datetime.now(dt.UTC))
            print(number, flush=True)  # only after record_answer returned: this answer was promised
            number += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
