"""Depends is merged to one entry per package, at the highest version any part asks for."""

from __future__ import annotations

import shutil

import pytest

from tests.packaging.scripts import load

depends = load("linux/depends.py")


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="compares versions with dpkg")
def test_the_highest_version_wins_and_order_is_kept() -> None:
    merged = depends.merge("libc6 (>= 2.34), libx11-6, libc6 (>= 2.36), libbar (>= 1.0~rc1), libbar (>= 1.0), "
                           "libx11-6 (>= 2:1.8), gnome-keyring | kwalletmanager")
    assert merged == "libc6 (>= 2.36), libx11-6 (>= 2:1.8), libbar (>= 1.0), gnome-keyring | kwalletmanager"
