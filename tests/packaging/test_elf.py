"""The Linux build's ELF fixes: search paths that name the build machine go, $ORIGIN ones stay."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import load

elf = load("linux/elf.py")

pytestmark = pytest.mark.skipif(shutil.which("patchelf") is None or shutil.which("readelf") is None,
                                reason="patchelf and binutils are in packaging/apt-test.txt")


def a_library(tmp_path: Path, name: str, runpath: str | None) -> Path:
    source = Path(subprocess.run(["python3", "-c", "import _ctypes; print(_ctypes.__file__)"], capture_output=True,
                                 text=True, check=True).stdout.strip())
    target = tmp_path / "bundle" / "_internal" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    subprocess.run(["patchelf", "--remove-rpath", str(target)], check=True)
    if runpath is not None:
        subprocess.run(["patchelf", "--set-rpath", runpath, str(target)], check=True)
    return target


def test_build_machine_entries_are_dropped_and_origin_entries_kept(tmp_path: Path) -> None:
    mixed = a_library(tmp_path, "mixed.so", "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../lib")
    absolute = a_library(tmp_path, "absolute.so", "/home/builder/venv/lib")
    portable = a_library(tmp_path, "portable.so", "$ORIGIN")
    changed = elf.clean_runpath(tmp_path / "bundle")
    assert sorted(path.name for path in changed) == ["absolute.so", "mixed.so"]
    assert elf.search_path(mixed)[1] == ["$ORIGIN/../lib"]
    assert elf.search_path(absolute) is None
    assert elf.search_path(portable)[1] == ["$ORIGIN"]


def test_the_glibc_floor_is_the_newest_version_a_file_needs(tmp_path: Path) -> None:
    a_library(tmp_path, "one.so", None)
    floor = elf.glibc_floor(tmp_path / "bundle")
    major, minor = (int(part) for part in floor.split("."))
    assert major == 2
    assert minor >= 2


def test_build_paths_in_any_file_are_found(tmp_path: Path) -> None:
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle" / "clean.txt").write_text("nothing here")
    (tmp_path / "bundle" / "dirty.json").write_text('{"url": "file:///work/checkout-a"}')
    assert [p.name for p in elf.find_text(tmp_path / "bundle", ["/work/checkout-a", "/elsewhere"])] == ["dirty.json"]
