"""The Windows .ico and macOS .icns are rendered from the one SVG into well-formed containers."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, load

icons = load("icons/make_icons.py")
PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    subprocess.run([sys.executable, str(PACKAGING / "icons" / "make_icons.py"), str(out)], check=True,
                   capture_output=True)
    return out


def test_the_ico_lists_each_size_and_points_at_its_png(rendered: Path) -> None:
    data = (rendered / "privacy-checkup.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        entry = data[6 + 16 * index:22 + 16 * index]
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", entry)
        size = width or 256
        assert (width, planes, bits) == (height, 1, 32)
        assert png_size(data[offset:offset + length]) == (size, size)
        sizes.append(size)
    assert sizes == sorted(icons.ICO_SIZES)


def test_the_icns_entries_add_up_to_its_length(rendered: Path) -> None:
    data = (rendered / "privacy-checkup.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    position, found = 8, {}
    while position < len(data):
        kind, length = data[position:position + 4].decode(), struct.unpack(">I", data[position + 4:position + 8])[0]
        found[kind] = png_size(data[position + 8:position + length])
        position += length
    assert found == {kind: (size, size) for kind, size in icons.ICNS_TYPES}


def test_rendering_twice_gives_the_same_bytes(rendered: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(PACKAGING / "icons" / "make_icons.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("privacy-checkup.ico", "privacy-checkup.icns"):
        assert (tmp_path / name).read_bytes() == (rendered / name).read_bytes()
