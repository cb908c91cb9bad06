"""Notes never reach the disk readable, and a damaged note is reported, not fatal."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from privacy_checkup.core.errors import NoteCorruptError
from privacy_checkup.storage import paths
from privacy_checkup.storage.backup import export_backup, import_backup
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.vault import NotesVault


def encodings_of(marker: str) -> list[bytes]:
    return [marker.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_canary_notes_appear_in_no_file_of_the_data_folder(home, store_path, now):
    markers = [f"CANARY-{uuid.uuid4().hex}" for _ in range(5)]
    keys = MemoryKeyStore()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        for number, marker in enumerate(markers):
            vault.write_note("facebook", f"item-{number}", f"My PIN hint: {marker} — ünïcode ✓", now)
            vault.write_note("facebook", f"item-{number}", f"rewritten {marker}", now)
        assert vault.read_note("facebook", "item-0") == f"rewritten {markers[0]}"
        # Scan while the store is open too: the -wal and -shm files exist only now.
        open_files = {path: path.read_bytes() for path in files_under(home)}
        backup = export_backup(store_path, paths.data_dir() / "backup.pcbackup")
    import_backup(backup, store_path, now)
    closed_files = {path: path.read_bytes() for path in files_under(home)}

    scanned = {**open_files, **closed_files}
    assert {p.name for p in scanned} >= {"progress.sqlite3", "progress.sqlite3-wal", "progress.sqlite3-shm",
                                         "backup.pcbackup", "progress.sqlite3.20260105T100000Z.bak"}
    hits = [(path.name, marker) for path, data in scanned.items() for marker in markers
            for needle in encodings_of(marker) if needle in data]
    assert hits == []
    assert all(b"My PIN hint" not in data and b"rewritten" not in data for data in scanned.values())


def _stored_note(store_path: Path) -> bytes:
    conn = sqlite3.connect(store_path)
    try:
        (value,) = conn.execute("SELECT ciphertext FROM notes WHERE item_id = 'target'").fetchone()
    finally:
        conn.close()
    return bytes(value)


def test_flipping_any_byte_of_a_stored_note_reports_it_unreadable(store_path, now):
    keys = MemoryKeyStore()
    with ProgressStore.open(store_path) as store:
        vault = NotesVault(store, keys)
        vault.write_note("facebook", "target", "short note", now)
        vault.write_note("facebook", "neighbour", "still fine", now)
    original = _stored_note(store_path)
    pristine = store_path.read_bytes()
    assert pristine.count(original) == 1
    offset = pristine.index(original)
    for position in range(len(original)):
        damaged = bytearray(pristine)
        damaged[offset + position] ^= 0x01  # on the disk itself, as a failing sector would
        store_path.write_bytes(bytes(damaged))
        with ProgressStore.open(store_path) as store:
            vault = NotesVault(store, keys)
            with pytest.raises(NoteCorruptError, match="damaged"):
                vault.read_note("facebook", "target")
            assert vault.read_note("facebook", "neighbour") == "still fine"
    store_path.write_bytes(pristine)
    with ProgressStore.open(store_path) as store:
        assert NotesVault(store, keys).read_note("facebook", "target") == "short note"
