"""Loading PySide6 for the window without it re-reading the source of what was loaded before it.

Once loaded, PySide6 looks at each module the first time an import statement names it, to learn
whether the module uses PySide6 (for `from __feature__ import ...`, which this app never uses): it
reads the module's whole source with `inspect.getsource` (PYSIDE-2029). The window's modules name
datetime, typing, pathlib and the app's Qt-free modules again, all loaded before Qt: re-reading them
took 2.5 ms of start-up. None of them uses PySide6 (ruff keeps Qt out of core/ and storage/), so
`load_qt` enters them in PySide6's table as the scan itself would: -1, "ignore this module". In a
PyInstaller bundle Qt is loaded before the app's first line, so the scan meets those modules as they
are imported instead; `qt_free_imports` gives it the same answer there.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

NOT_USING_PYSIDE = -1


def load_qt() -> int:
    """Import PySide6's widgets, entering every module already loaded as one that does not use them.
    Returns how many were entered: none if this PySide6 has no such table (then it scans as before)."""
    loaded_before = list(sys.modules)
    import PySide6.QtWidgets  # noqa: F401

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    entered = 0
    for name in loaded_before:
        if name not in table:
            table[name] = NOT_USING_PYSIDE
            entered += 1
    return entered


@contextlib.contextmanager
def qt_free_imports() -> Iterator[None]:
    """Import, inside, only modules that do not use PySide6. Where PySide6 is loaded already (a
    PyInstaller bundle's runtime hook imports it before the app's first line), its scan would read
    each one's source as it is imported, 3 ms for the ~90 of start-up; it is given its answer instead.
    Where PySide6 is not loaded yet (a start from source), there is no scan and this does nothing."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or scan is None:
        yield
        return
    setattr(feature, "_mod_uses_pyside", lambda module: False)  # noqa: B010 (a private name: no stub knows it)
    try:
        yield
    finally:
        setattr(feature, "_mod_uses_pyside", scan)  # noqa: B010
