"""The highest signed-pack version seen per organisation: remembered durably, never lowered."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from privacy_checkup.storage import paths
from privacy_checkup.storage.pack_state import read_seen_versions, record_seen_version


def test_nothing_seen_before_the_first_pack(tmp_path: Path) -> None:
    assert read_seen_versions(tmp_path / "pack-versions.json") == {}


def test_a_higher_version_is_remembered_and_a_lower_one_never_replaces_it(tmp_path: Path) -> None:
    state = tmp_path / "data" / "pack-versions.json"
    assert record_seen_version(state, "Example Office", 3)
    assert not record_seen_version(state, "Example Office", 2)
    assert not record_seen_version(state, "Example Office", 3)
    assert record_seen_version(state, "Other Office", 1)
    assert read_seen_versions(state) == {"Example Office": 3, "Other Office": 1}
    assert json.loads(state.read_text()) == {"schema_version": 1,
                                             "highest_versions": {"Example Office": 3, "Other Office": 1}}


def test_state_file_is_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    state = tmp_path / "data" / "pack-versions.json"
    record_seen_version(state, "Example Office", 1)
    record_seen_version(state, "Example Office", 2)
    assert os.listdir(state.parent) == ["pack-versions.json"]
    if os.name == "posix":
        assert state.stat().st_mode & 0o777 == 0o600
        assert state.parent.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("damage", [b"", b"{", b'{"schema_version": 1, "highest_versions": {"X": -1}}', b"\xff"])
def test_a_damaged_state_file_counts_as_nothing_seen_and_is_rewritten(tmp_path: Path, damage: bytes) -> None:
    state = tmp_path / "pack-versions.json"
    state.write_bytes(damage)
    assert read_seen_versions(state) == {}
    assert record_seen_version(state, "Example Office", 2)
    assert read_seen_versions(state) == {"Example Office": 2}


def test_state_lives_in_the_data_folder(app_home: Path) -> None:
    assert paths.pack_state_path() == app_home / "data" / "pack-versions.json"
