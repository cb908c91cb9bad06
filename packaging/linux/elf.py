"""What the Linux build needs to know about, and fix in, the ELF files of a PyInstaller bundle.

    python elf.py clean-runpath BUNDLE     drop library search paths that name the build machine
    python elf.py glibc BUNDLE             the newest GLIBC_ symbol version any file needs (the Depends floor)
    python elf.py system-libraries BUNDLE  top-level libraries a Debian package provides (the .deb drops them)
    python elf.py find-text BUNDLE TEXT... files holding any TEXT (build paths); exit 1 if there are any

Uses readelf and objdump (binutils) and patchelf, run as programs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# Libraries the bundle must keep although Debian has a package of the same name: PyInstaller's
# bootloader loads this exact libpython by path, and the .pyc files in the bundle were compiled for it.
KEEP_BUNDLED = ("libpython",)


def elf_files(bundle: Path) -> Iterator[Path]:
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) == ELF_MAGIC:
                yield path


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def search_path(path: Path) -> tuple[str, list[str]] | None:
    """('RUNPATH' or 'RPATH', its entries), or None when the file has neither."""
    match = re.search(r"\((RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[(.*)\]", run("readelf", "-d", str(path)))
    if match is None:
        return None
    return match.group(1), match.group(2).split(":")


def portable(entry: str) -> bool:
    """An entry that points inside the bundle wherever it is installed."""
    return entry.startswith(("$ORIGIN", "${ORIGIN}"))


def clean_runpath(bundle: Path) -> list[Path]:
    changed = []
    for path in elf_files(bundle):
        found = search_path(path)
        if found is None:
            continue
        _, entries = found
        kept = [entry for entry in entries if portable(entry)]
        if kept == entries:
            continue
        if kept:
            run("patchelf", "--set-rpath", ":".join(kept), str(path))
        else:
            run("patchelf", "--remove-rpath", str(path))
        changed.append(path)
    return changed


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y that any ELF file in the bundle needs from the system's C library."""
    newest = (2, 0)
    for path in elf_files(bundle):
        for line in run("objdump", "-T", str(path)).splitlines():
            # Only symbols the file takes from elsewhere (*UND*), not the versions it defines itself.
            match = re.search(r"\*UND\*.*\bGLIBC_(\d+)\.(\d+)", line)
            if match:
                newest = max(newest, (int(match.group(1)), int(match.group(2))))
    return f"{newest[0]}.{newest[1]}"


def debian_package_of(soname: str) -> str | None:
    """The installed Debian package that ships a library of this file name in the system's library folders."""
    result = subprocess.run(["dpkg-query", "-S", f"*/{soname}"], capture_output=True, text=True, check=False)
    for line in result.stdout.splitlines():
        package, _, file = line.partition(": ")
        if re.fullmatch(r"/(usr/)?lib/[^/]*-linux-gnu[^/]*/" + re.escape(soname), file):
            return package.split(":")[0]
    return None


def system_libraries(bundle: Path) -> list[tuple[str, str]]:
    """Top-level shared libraries PyInstaller copied from the build machine, with their Debian package."""
    internal = bundle / "_internal"
    found = []
    for path in sorted(internal.iterdir()):
        name = path.name
        if path.is_symlink() or ".so" not in name or name.startswith(KEEP_BUNDLED) or ".cpython-" in name \
                or ".abi3." in name:
            continue
        package = debian_package_of(name)
        if package is not None:
            found.append((name, package))
    return found


def find_text(bundle: Path, needles: list[str]) -> list[Path]:
    encoded = [needle.encode() for needle in needles if needle]
    hits = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        if any(needle in data for needle in encoded):
            hits.append(path)
    return hits


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, bundle = argv[0], Path(argv[1])
    if command == "clean-runpath":
        for path in clean_runpath(bundle):
            print(f"search path removed: {path.relative_to(bundle)}")
        return 0
    if command == "glibc":
        print(glibc_floor(bundle))
        return 0
    if command == "system-libraries":
        for name, package in system_libraries(bundle):
            print(name, package)
        return 0
    if command == "find-text":
        hits = find_text(bundle, argv[2:])
        for path in hits:
            print(f"{path}: holds a build path", file=sys.stderr)
        return 1 if hits else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    os.environ.setdefault("LC_ALL", "C")  # readelf's and objdump's wording is what the patterns expect
    sys.exit(main(sys.argv[1:]))
