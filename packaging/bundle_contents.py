"""What the PyInstaller bundles leave out and must keep; shared by the app's and hello world's specs."""

from __future__ import annotations

# Qt modules the app never imports. Excluding them keeps the bundle small and
# proves the promise that no network module ships at all.
EXCLUDED_MODULES = [
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel", "PySide6.QtWebSockets",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtConcurrent", "PySide6.QtXml",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtPositioning", "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtSerialPort", "PySide6.Qt3DCore",
    "PySide6.QtSpatialAudio", "PySide6.QtTextToSpeech", "PySide6.QtStateMachine", "PySide6.QtScxml",
    "tkinter", "unittest", "pydoc", "doctest", "pytest", "hypothesis", "jsonschema",
    # No TLS or mail/FTP/RPC clients ship: the app talks to no server, and keyring reaches D-Bus over a
    # Unix socket. (urllib.request, http and email must stay: keyring's dependency jaraco.context imports
    # them at start-up, and without them the frozen app has no keyring at all.)
    "ssl", "_ssl", "xmlrpc", "ftplib", "smtplib",
    # Nothing in the app starts a process through multiprocessing (asyncio's process pool, reachable
    # from jeepney, is never used). Bundled, it brings PyInstaller's runtime hook, which imports it at
    # every start: 6 ms.
    "multiprocessing",
]

# Shared libraries and plugins pulled in by Qt's hooks that the app does not use
# (matched against the destination path inside the bundle).
EXCLUDED_BINARY_PARTS = [
    "libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6VirtualKeyboard", "libQt6OpenGL.",
    "/plugins/tls/", "/plugins/networkinformation/", "/plugins/qmltooling/", "/plugins/generic/",
    "/plugins/platforminputcontexts/", "/plugins/iconengines/libqsvgicon", "/plugins/imageformats/libqpdf",
    "/plugins/imageformats/libqgif", "/plugins/imageformats/libqjpeg", "/plugins/imageformats/libqwebp",
    "/plugins/imageformats/libqtiff", "/plugins/imageformats/libqicns", "/plugins/imageformats/libqtga",
    "/plugins/imageformats/libqwbmp", "/plugins/platforms/libqvnc", "/plugins/platforms/libqeglfs",
    "/plugins/platforms/libqlinuxfb", "/plugins/platforms/libqminimalegl", "/plugins/egldeviceintegrations/",
    "/plugins/xcbglintegrations/", "/plugins/platformthemes/libqgtk3", "libQt6EglFS", "libQt6EglFsKmsSupport",
    # Plugins that need a library left out above (libQt6OpenGL): they could never load. Wayland then draws
    # through shared memory, as the app's widgets (drawn by the CPU) do anyway; Vulkan display is unused.
    "/plugins/wayland-graphics-integration-client/", "/plugins/platforms/libqvkkhrdisplay",
    # Qt's own translations (7 MB): the app's strings are English for now; add languages with the app's.
    "/PySide6/Qt/translations/",
]

# keyring finds its backends through entry points: a frozen app needs the
# metadata and every backend module, or it silently ends up on the `fail` backend.
KEYRING_BACKENDS = [
    "keyring.backends.SecretService", "keyring.backends.kwallet", "keyring.backends.libsecret",
    "keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.chainer", "keyring.backends.fail",
    "secretstorage", "jeepney", "jeepney.io.blocking",
]


# Installed-package records that hold the build machine's paths: RECORD hashes the console scripts, whose
# first line names the build environment's Python, and direct_url.json holds the folder a package was
# installed from. Nothing reads them at run time (importlib.metadata needs METADATA and entry_points.txt),
# and bundled they make two builds from different folders differ.
BUILD_PATH_RECORDS = ("RECORD", "direct_url.json", "INSTALLER", "REQUESTED")


def reproducible_data(dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    return not (len(parts) >= 2 and parts[-2].endswith(".dist-info") and parts[-1] in BUILD_PATH_RECORDS)


def keep(dest: str) -> bool:
    normalised = "/" + dest.replace("\\", "/")
    return not any(part in normalised for part in EXCLUDED_BINARY_PARTS)


def _needed(path: str) -> set[str]:
    """The shared libraries an ELF file names as NEEDED (readelf ships with binutils, as PyInstaller needs)."""
    import re
    import subprocess

    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"\(NEEDED\).*\[(.+?)\]", out))


def prune_unreferenced(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop top-level shared libraries that no kept binary needs any more.

    Excluding a plugin (say Qt's GTK theme) leaves the libraries it pulled in
    (GTK, cairo, pango...) in the bundle; this removes them. Linux only.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return binaries

    def top_level_lib(dest: str) -> bool:
        name = dest.replace("\\", "/")
        return "/" not in name and ".so" in name and ".cpython-" not in name and ".abi3." not in name \
            and not name.startswith("libpython")

    by_name = {dest: entry for entry in binaries for dest in [entry[0]] if top_level_lib(dest)}
    stack = [entry for entry in binaries if not top_level_lib(entry[0])]
    used: set[str] = set()
    seen: set[str] = set()
    while stack:
        dest, source, _ = stack.pop()
        if dest in seen:
            continue
        seen.add(dest)
        for name in _needed(source):
            if name in by_name and name not in used:
                used.add(name)
                stack.append(by_name[name])
    return [entry for entry in binaries if not top_level_lib(entry[0]) or entry[0] in used]
