"""atomic_write: the file holds the old bytes or the new ones, never a mix, and no temp files linger."""

from __future__ import annotations

import stat

import pytest

from privacy_checkup.storage.atomic import atomic_write


def test_atomic_write_creates_a_private_file(tmp_path):
    target = tmp_path / "report.json"
    atomic_write(target, b'{"ok": true}')
    assert target.read_bytes() == b'{"ok": true}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_atomic_write_replaces_and_can_widen_the_mode(tmp_path):
    target = tmp_path / "report.csv"
    target.write_bytes(b"old")
    atomic_write(target, b"new", mode=0o644)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(TypeError):
        atomic_write(target, "text is not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_writing_into_a_missing_folder_fails_loudly(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "missing" / "report.pdf", b"data")
