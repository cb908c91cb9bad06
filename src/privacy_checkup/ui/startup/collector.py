"""The cyclic garbage collector rests while the window is built, until its first paint."""

from __future__ import annotations

import gc
from types import TracebackType


class CollectorPause:
    """`with CollectorPause() as pause:` turns the collector off; `pause.resume()` (at the first paint, or
    at the latest when the block ends) turns it back on. Without the pause it would scan the window's tens
    of thousands of objects ~60 times for nothing (12 ms)."""

    def __init__(self) -> None:
        self.resumed = False

    def __enter__(self) -> CollectorPause:
        gc.disable()
        return self

    def resume(self) -> None:
        """What start-up made is mostly there for good (modules, classes, the catalog): frozen, later
        collections skip it and keep their pauses short. Frozen objects are still freed when nothing
        refers to them; only a reference cycle among them would stay."""
        if not self.resumed:
            self.resumed = True
            gc.freeze()
            gc.enable()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.resume()
