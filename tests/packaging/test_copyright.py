"""The .deb's copyright file is made from the bundle's files: each traced to its licence, none left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.packaging.scripts import load

copyright_file = load("linux/copyright.py")


def bundle(root: Path, files: list[str]) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return root


def paragraphs(text: str) -> list[dict[str, str]]:
    """deb822 paragraphs as field -> value (continuation lines joined with newlines)."""
    result = []
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        current = ""
        for line in block.splitlines():
            if line.startswith(" "):
                fields[current] += "\n" + line[1:]
            else:
                current, _, value = line.partition(":")
                fields[current] = value.strip()
        result.append(fields)
    return result


def test_each_bundled_file_is_covered_by_its_component(tmp_path: Path) -> None:
    # (Not the program file: its licence texts come from PyInstaller, which the test environment lacks.)
    root = bundle(tmp_path / "b", ["_internal/privacy_checkup/cli.pyc",
                                   "_internal/keyring/core.pyc", "_internal/argparse.pyc",
                                   "_internal/platformdirs/unix.pyc", "_internal/libpython3.11.so.1.0"])
    text = copyright_file.generate(root)
    found = paragraphs(text)
    assert found[0]["Format"].startswith("https://www.debian.org/doc/packaging-manuals/copyright-format/1.0")
    by_files = {p["Files"].split("\n")[0]: p for p in found if "Files" in p}
    assert by_files["*"]["License"].startswith("GPL-3+")
    keyring = by_files["opt/privacy-checkup/_internal/keyring/*"]
    assert keyring["License"].startswith("Expat")
    assert "Permission is hereby granted" in keyring["License"]  # the MIT text, from keyring's own LICENSE
    python = next(p for p in found if "opt/privacy-checkup/_internal/argparse.pyc" in p.get("Files", ""))
    assert "opt/privacy-checkup/_internal/libpython3.11.so.1.0" in python["Files"]
    assert python["License"].startswith("PSF-2.0")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in python["License"]
    assert not any("_internal/privacy_checkup" in p.get("Files", "") for p in found)  # under "Files: *"
    for paragraph in found[1:]:
        assert paragraph["Copyright"], paragraph
        assert paragraph["License"], paragraph


def test_the_program_file_is_claimed_by_pyinstaller_before_the_app(tmp_path: Path) -> None:
    root = bundle(tmp_path / "b", ["privacy-checkup"])
    assert copyright_file.owner_of("privacy-checkup", root, {}, set()) == "pyinstaller"


def test_a_file_from_nowhere_known_stops_the_build(tmp_path: Path) -> None:
    root = bundle(tmp_path / "b", ["_internal/keyring/core.pyc", "_internal/libmystery.so.1"])
    with pytest.raises(SystemExit, match=r"_internal/libmystery\.so\.1"):
        copyright_file.generate(root)


def test_full_licence_texts_become_pointers_to_debians_copies() -> None:
    gpl = ("Exception text.\n\n\t    GNU GENERAL PUBLIC LICENSE\n\t       Version 2, June 1991\n terms...\n"
           " END OF TERMS AND CONDITIONS\n")
    apache = "                                 Apache License\n                           Version 2.0, January 2004\n" \
             "TERMS AND CONDITIONS\n ...\n   END OF TERMS AND CONDITIONS\n"
    shortened = copyright_file.without_common_texts(gpl + "\nMiddle.\n" + apache)
    assert "Exception text." in shortened
    assert "Middle." in shortened
    assert "/usr/share/common-licenses/GPL-2" in shortened
    assert "/usr/share/common-licenses/Apache-2.0" in shortened
    assert "June 1991" not in shortened
    assert "January 2004" not in shortened


def test_folders_shared_by_two_components_are_listed_file_by_file() -> None:
    claimed = {"a": ["_internal/pkg/one.pyc", "_internal/solo/x.pyc"], "b": ["_internal/pkg/two.so"]}
    assert copyright_file.folder_patterns(claimed["a"], claimed) == ["_internal/pkg/one.pyc", "_internal/solo/*"]


def test_multi_line_values_keep_blank_lines_as_dots() -> None:
    assert copyright_file.field_text("one\n\ntwo") == " one\n .\n two"
    assert re.fullmatch(r"( \S.*| \.)(\n( \S.*| \.))*", copyright_file.field_text("a\n\n\nb  \n"))
