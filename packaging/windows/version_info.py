"""The Windows version resource of the two executables, from the package version (read by the spec).

Explorer's Properties > Details, Intune's and other inventory tools read it: product name and version,
file description, original file name. The numeric version is four 16-bit numbers; a version such as
0.2.0rc1 or 1.0.post2 keeps its release numbers and the text fields keep the full string.
"""

from __future__ import annotations

import re
from typing import Any

COMPANY = "Privacy Checkup developers"
PRODUCT = "Privacy Checkup"
COPYRIGHT = "Copyright (C) Privacy Checkup developers. GPL-3.0-or-later."


def numeric_version(version: str) -> tuple[int, int, int, int]:
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"not a release version: {version!r}")
    parts = tuple(int(part) if part else 0 for part in match.groups())
    if any(part > 0xFFFF for part in parts):
        raise ValueError(f"a Windows version number holds at most 65535 in each part: {version!r}")
    return parts[0], parts[1], parts[2], parts[3]


def string_fields(version: str, exe_name: str, description: str) -> dict[str, str]:
    return {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }


def version_resource(version: str, exe_name: str, description: str) -> Any:
    """PyInstaller's VSVersionInfo for one executable (PyInstaller is imported only here)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = numeric_version(version)
    fields = string_fields(version, exe_name, description)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                          fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            # 0409 = US English, 04B0 = Unicode: the language and code page every reader understands.
            StringFileInfo([StringTable("040904B0", [StringStruct(key, value) for key, value in fields.items()])]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
