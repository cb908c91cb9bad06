"""Write the .deb's machine-readable copyright file from what the bundle actually contains.

    python packaging/linux/copyright.py BUNDLE OUTPUT

BUNDLE is the app folder as installed (its files are named opt/privacy-checkup/... in the output).
Run with the build environment's Python: every bundled file is traced to the Python distribution it
came from (through the distributions' RECORD files), to the Python standard library, to PyInstaller,
or to the app. Each distribution's licence is stated in COMPONENTS below, a person's decision, and its
licence texts are taken from the distribution itself at build time. A bundled file that belongs to no
known component stops the build: a new dependency cannot ship without its licence being looked at.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
import sysconfig
from collections import defaultdict
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

INSTALLED = "opt/privacy-checkup"
COMMON = "/usr/share/common-licenses"


@dataclass(frozen=True)
class Component:
    copyright: str
    license: str  # the DEP-5 licence expression
    # Where the licence texts come from: "common:NAME" (Debian's /usr/share/common-licenses), "dist" (the
    # distribution's own licence files), "stdlib" (Python's LICENSE.txt), "file:PATH".
    texts: tuple[str, ...]
    comment: str = ""
    globs: tuple[str, ...] = field(default=())  # bundle paths claimed by pattern, before any other rule


# Keyed by distribution name (normalised), plus "app", "python" and "icu".
COMPONENTS: dict[str, Component] = {
    "pyinstaller": Component(
        "PyInstaller Development Team", "GPL-2+ with PyInstaller bootloader exception and Apache-2.0",
        ("dist", "common:GPL-2", "common:Apache-2.0"),
        comment="The program file privacy-checkup is PyInstaller's bootloader, which starts the bundled Python; "
                "the exception in COPYING.txt allows distributing it with programs under any licence. "
                "PyInstaller's run-time hooks are under the Apache License 2.0.",
        globs=("privacy-checkup", "_internal/_pyi_rth_utils/*", "_internal/pyi_*")),
    # The app itself: the "Files: *" paragraph at the top covers it (and everything under /usr).
    "app": Component("Privacy Checkup developers", "GPL-3+", ("common:GPL-3",),
                     globs=("_internal/privacy_checkup/*", "_internal/checklists/*", "_internal/resources/*",
                            "_internal/privacy_checkup-*.dist-info/*")),
    "icu": Component(
        "Unicode, Inc. and others", "Unicode-DFS-2016", ("file:/usr/share/doc/libicu72/copyright",),
        comment="ICU 73, built by the Qt Company into the PySide6 wheel. Its licence is the one of Debian's ICU 72 "
                "package, whose copyright file is reproduced as the licence text.",
        globs=("_internal/PySide6/Qt/lib/libicu*", "_internal/libicu*")),
    "python": Component(
        "Python Software Foundation and others", "PSF-2.0", ("stdlib",),
        comment="The Python 3.11 interpreter library and the parts of its standard library the app uses.",
        globs=("_internal/libpython3*", "_internal/python3.*/*", "_internal/base_library.zip")),
    "pyside6-essentials": Component(
        "The Qt Company Ltd. and other contributors", "LGPL-3 or GPL-2 or GPL-3",
        ("common:LGPL-3", "common:GPL-2", "common:GPL-3"),
        comment="Qt 6 and Qt for Python (PySide6), used unmodified under the LGPL-3; "
                "the Qt libraries are separate shared objects that can be replaced.",
        globs=("_internal/libQt6*", "_internal/libpyside6*")),
    "shiboken6": Component("The Qt Company Ltd. and other contributors", "LGPL-3 or GPL-2 or GPL-3",
                           ("common:LGPL-3", "common:GPL-2", "common:GPL-3"), globs=("_internal/libshiboken6*",)),
    "cryptography": Component(
        "The cryptography developers; The OpenSSL Project Authors", "(Apache-2.0 or BSD-3-clause) and Apache-2.0",
        ("dist",),
        comment="The Rust extension links OpenSSL 3 statically (Apache-2.0) together with Rust crates under "
                "the MIT and Apache-2.0 licences, as the wheel's software bill of materials lists."),
    "cffi": Component("Armin Rigo, Maciej Fijalkowski and others", "MIT-0", ("dist",),
                      globs=("_internal/_cffi_backend*",)),
    "keyring": Component("Jason R. Coombs and contributors", "Expat", ("dist",)),
    "jaraco-classes": Component("Jason R. Coombs and contributors", "Expat", ("dist",)),
    "jaraco-context": Component("Jason R. Coombs and contributors", "Expat", ("dist",)),
    "jaraco-functools": Component("Jason R. Coombs and contributors", "Expat", ("dist",)),
    "backports-tarfile": Component("Jason R. Coombs and contributors; Python Software Foundation", "Expat",
                                   ("dist",)),
    "more-itertools": Component("Erik Rose and contributors", "Expat", ("dist",)),
    "zipp": Component("Jason R. Coombs and contributors", "Expat", ("dist",)),
    "importlib-metadata": Component("Jason R. Coombs, Barry Warsaw and contributors", "Apache-2.0",
                                    ("dist", "common:Apache-2.0")),
    "lazy-importer": Component("The lazy-importer authors", "Apache-2.0", ("dist", "common:Apache-2.0")),
    "platformdirs": Component("The platformdirs developers", "Expat", ("dist",)),
    "jeepney": Component("Thomas Kluyver and contributors", "Expat", ("dist",)),
    "secretstorage": Component("Dmitry Shachnev", "BSD-3-clause", ("dist",)),
}

LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_files() -> dict[str, str]:
    """Each installed file (relative to site-packages, .py also as the .pyc PyInstaller writes) -> distribution."""
    owners: dict[str, str] = {}
    for dist in metadata.distributions():
        name = normalise(dist.metadata["Name"])
        for file in dist.files or ():
            path = str(file).replace("\\", "/")
            if path.startswith(".."):
                continue
            owners[path] = name
            if path.endswith(".py"):
                owners[path + "c"] = name
            parts = path.split("/")
            if parts[0].endswith(".dist-info"):
                owners.setdefault(parts[0], name)
    return owners


def stdlib_files() -> set[str]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return {str(p.relative_to(stdlib)) + "c" for p in stdlib.rglob("*.py")}


def owner_of(rel: str, bundle: Path, owners: dict[str, str], stdlib: set[str]) -> str | None:
    for name, component in COMPONENTS.items():
        if any(fnmatch(rel, glob) for glob in component.globs):
            return name
    inner = rel.removeprefix("_internal/")
    if inner in owners:
        return owners[inner]
    top = inner.split("/")[0]
    if top.endswith(".dist-info") and top in owners:
        return owners[top]
    if inner in stdlib:
        return "python"
    target = bundle / rel
    if target.is_symlink():  # PyInstaller links top-level library names to the copies inside a package
        return owner_of(str(target.resolve().relative_to(bundle.resolve())), bundle, owners, stdlib)
    return None


APACHE_FULL_TEXT = re.compile(
    r"^[ \t]*Apache License[ \t]*\n[ \t]*Version 2\.0, January 2004.*?END OF TERMS AND CONDITIONS"
    r"(\s*APPENDIX: How to apply the Apache License.*?limitations under the License\.)?", re.DOTALL | re.MULTILINE)
GPL_FULL_TEXT = re.compile(
    r"^[ \t]*GNU GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version (\d), .*?END OF TERMS AND CONDITIONS"
    r"(\s*How to Apply These Terms.*?(instead of this License\.|why-not-lgpl\.html>\.))?",
    re.DOTALL | re.MULTILINE)


def without_common_texts(text: str) -> str:
    """A licence file with each full Apache 2.0 or GPL text in it replaced by a pointer to Debian's copy.

    Debian systems carry those texts in /usr/share/common-licenses; a copyright file refers to them
    rather than repeating them. Everything else in the file (PyInstaller's exception, notices) stays.
    """
    text = APACHE_FULL_TEXT.sub(f"[The full text of the Apache License 2.0: {COMMON}/Apache-2.0 on Debian systems.]",
                                text)
    return GPL_FULL_TEXT.sub(lambda m: f"[The full text of the GNU General Public License version {m.group(1)}: "
                                       f"{COMMON}/GPL-{m.group(1)} on Debian systems.]", text)


def licence_texts(name: str, component: Component) -> str:
    parts = []
    for source in component.texts:
        if source.startswith("common:"):
            licence = source.removeprefix("common:")
            parts.append(f"On Debian systems the full text of the {licence} licence is in {COMMON}/{licence}.")
        elif source == "stdlib":
            parts.append(Path(sysconfig.get_paths()["stdlib"], "LICENSE.txt").read_text(encoding="utf-8"))
        elif source.startswith("file:"):
            parts.append(Path(source.removeprefix("file:")).read_text(encoding="utf-8"))
        elif source == "dist":
            dist = metadata.distribution(name)
            files = sorted((f for f in dist.files or () if LICENCE_FILE.search(f.name)
                            and ".dist-info" in str(f)), key=str)
            if not files:
                raise SystemExit(f"{name}: no licence file in its distribution; name a text in COMPONENTS")
            for file in files:
                parts.append(f"The text of {file.name}, as shipped by {name}:\n\n"
                             + without_common_texts(Path(str(file.locate())).read_text(encoding="utf-8")))
    return "\n\n".join(parts)


def field_text(text: str) -> str:
    """A multi-line field value in deb822: each line indented by one space, empty lines as ' .'."""
    return "\n".join(" " + line.rstrip() if line.strip() else " ." for line in text.strip("\n").splitlines())


def generate(bundle: Path) -> str:
    owners, stdlib = distribution_files(), stdlib_files()
    claimed: dict[str, list[str]] = defaultdict(list)
    unknown = []
    for path in sorted(bundle.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        rel = str(path.relative_to(bundle))
        owner = owner_of(rel, bundle, owners, stdlib)
        if owner is None or owner not in COMPONENTS:
            unknown.append(f"{rel} (from {owner or 'nowhere known'})")
        else:
            claimed[owner].append(rel)
    if unknown:
        raise SystemExit("bundled files with no licence decision in packaging/linux/copyright.py:\n  "
                         + "\n  ".join(unknown))
    folders = {name: folder_patterns(files, claimed) for name, files in claimed.items()}
    out = ["Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
           "Upstream-Name: privacy-checkup",
           "Comment: Privacy Checkup is a self-contained program under /opt/privacy-checkup: Python, Qt and the",
           " libraries below are bundled with it. The list is made from the bundle's files at build time.",
           ""]
    out += ["Files: *", "Copyright: Privacy Checkup developers", "License: GPL-3+",
            field_text("This program is free software: you can redistribute it and/or modify it under the terms "
                       "of the GNU General Public License as published by the Free Software Foundation, either "
                       "version 3 of the License, or (at your option) any later version.\n\n"
                       f"On Debian systems the full text of the GNU General Public License version 3 is in "
                       f"{COMMON}/GPL-3."), ""]
    for name in sorted(claimed):
        if name == "app":
            continue
        component = COMPONENTS[name]
        files = folders[name]
        out.append("Files: " + "\n ".join(f"{INSTALLED}/{pattern}" for pattern in files))
        out.append(f"Copyright: {component.copyright}")
        out.append(f"License: {component.license}")
        out.append(field_text(licence_texts(name, component)))
        if component.comment:
            out.append("Comment: " + field_text(component.comment).lstrip())
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def folder_patterns(files: list[str], claimed: dict[str, list[str]]) -> list[str]:
    """folder/* for each folder whose every file is this component's, the single files otherwise."""
    everyone = {f: n for n, fs in claimed.items() for f in fs}
    mine = set(files)
    result: set[str] = set()
    for file in files:
        parts = file.split("/")
        chosen = file
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if all(f in mine for f in everyone if f.startswith(folder + "/")):
                chosen = folder + "/*"
                break
        result.add(chosen)
    return sorted(result)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: copyright.py BUNDLE OUTPUT", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(generate(Path(argv[0])), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
