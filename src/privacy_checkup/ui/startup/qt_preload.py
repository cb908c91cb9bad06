"""Loading Qt's shared libraries on a second thread while the first imports the app.

Importing PySide6's widgets maps and links Qt's libraries first: about 12 ms of start-up in which
nothing else happens. Python's own loader holds the GIL while it loads a library, so the work cannot
overlap with anything. The C library's `dlopen`, called through ctypes, runs without the GIL.

`start` therefore hands that load to a second thread, at the first line of a launch that opens the
window. The first thread goes on importing the app's modules and reading its checklists. When it
later imports PySide6, the libraries are already in memory, and Python only runs their
initialisation. The thread then has fontconfig read the font configuration, which Qt would
otherwise do at the first text it lays out. Measured with the bench: 4 ms for the libraries and
3 ms for the fonts, from launch to painted dashboard.

A library load also waits for any other in progress, so a module with a C part imported meanwhile
would wait for Qt's. `start` imports those first: the standard modules of STANDARD_C_MODULES.

Nothing depends on the thread: if it fails, or has not finished, the import does the work as it
always did, and reports any error there. Only Linux is covered, where the libraries find one another
through their run paths; elsewhere `start` does nothing.
"""

import _thread
import importlib.util
import os
import sys

# The standard modules whose C parts the start-up loads before Qt: datetime's dates, json's
# checklists, sqlite3's store, typing's NamedTuples; tempfile's random names and shutil's
# compressors; base64's binascii.
STANDARD_C_MODULES = ("datetime", "json", "sqlite3", "typing", "tempfile", "base64")
FONTCONFIG = "libfontconfig.so.1"  # the one Qt's libraries were linked with: already loaded, by this name


class Preload:
    """A load on its way: `finished` is released when the thread is done; `loaded` says whether the
    library came in (when not, the import that follows loads it, or says why it cannot)."""

    def __init__(self, library: str) -> None:
        self.library = library
        self.loaded = False
        self.fonts_ready = False  # fontconfig has read its configuration and font caches
        self.finished = _thread.allocate_lock()
        self.finished.acquire()

    def wait(self, timeout: float = -1) -> bool:
        """Whether the thread finished within `timeout` seconds (-1: however long it takes)."""
        if not self.finished.acquire(timeout=timeout):
            return False
        self.finished.release()
        return True


def widgets_extension() -> str | None:
    """The file `import PySide6.QtWidgets` would load, found as the import system finds it; None when
    there is none to load (no PySide6, or its widgets imported already)."""
    if "PySide6.QtWidgets" in sys.modules:
        return None
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    from importlib.machinery import EXTENSION_SUFFIXES

    for folder in spec.submodule_search_locations:
        for suffix in EXTENSION_SUFFIXES:
            candidate = os.path.join(folder, "QtWidgets" + suffix)
            if os.path.isfile(candidate):
                return candidate
    return None


def _load(preload: Preload, flags: int) -> None:
    try:
        import ctypes  # here, not in the first thread: its import is part of the work handed over

        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
        dlopen.restype = ctypes.c_void_p
        dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
        # A foreign call made through ctypes.CDLL releases the GIL for its whole length.
        preload.loaded = bool(dlopen(os.fsencode(preload.library), flags))
        if preload.loaded:
            # Qt reads the font configuration at the first text it lays out (3.4 ms here). fontconfig,
            # loaded with Qt's libraries, can do it now: Qt's own FcInit then finds it done.
            preload.fonts_ready = bool(ctypes.CDLL(FONTCONFIG).FcInit())
    finally:
        preload.finished.release()


def start() -> Preload | None:
    """Start loading PySide6's widgets and the Qt libraries under them, with the flags Python's import
    will use (the same flags give the same library, loaded once). None when there is nothing to do."""
    if sys.platform != "linux":
        return None
    library = widgets_extension()
    if library is None:
        return None
    for name in STANDARD_C_MODULES:
        __import__(name)
    preload = Preload(library)
    _thread.start_new_thread(_load, (preload, sys.getdlopenflags()))
    return preload
