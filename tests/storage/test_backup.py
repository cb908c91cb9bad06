"""Backup export and import: consistent snapshots; anything that is not our backup is refused untouched."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from privacy_checkup.cli import main
from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.core.errors import BackupError
from privacy_checkup.storage.backup import export_backup, import_backup
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.migrations import SCHEMA_VERSION
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from privacy_checkup.storage.vault import NotesVault


def fill(store_path: Path, now: dt.datetime, item: str, keys: MemoryKeyStore | None = None) -> None:
    with ProgressStore.open(store_path) as store:
        review = store.start_review("facebook", 1, now)
        store.record_answer(review.id, item, 1, AnswerState.DONE, now)
        if keys is not None:
            NotesVault(store, keys).write_note("facebook", item, f"note on {item}", now)


def answered_items(store_path: Path) -> set[str]:
    with ProgressStore.open(store_path) as store:
        return set(store.latest_answers("facebook"))


def test_exported_backup_imports_back_and_keeps_the_old_store_as_bak(store_path, tmp_path, now):
    keys = MemoryKeyStore()
    fill(store_path, now, "in-backup", keys)
    backup = export_backup(store_path, tmp_path / "backup.pcbackup")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not (tmp_path / "backup.pcbackup-wal").exists()
    fill(store_path, now, "after-backup")

    result = import_backup(backup, store_path, now)

    assert result.schema_version == SCHEMA_VERSION
    assert answered_items(store_path) == {"in-backup"}
    assert result.previous_store is not None
    assert result.previous_store.name == "progress.sqlite3.20260105T100000Z.bak"
    assert answered_items(result.previous_store) == {"in-backup", "after-backup"}
    with ProgressStore.open(store_path) as store:  # notes travel encrypted and open with the same key
        assert NotesVault(store, keys).read_note("facebook", "in-backup") == "note on in-backup"


def test_backup_taken_while_the_store_is_open_holds_every_committed_answer(store_path, tmp_path, now):
    with ProgressStore.open(store_path) as store:  # the app is running; its answers sit in the WAL
        review = store.start_review("facebook", 1, now)
        for number in range(50):
            store.record_answer(review.id, f"item-{number}", 1, AnswerState.DONE, now)
        backup = export_backup(store_path, tmp_path / "live.pcbackup")
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 50
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_export_never_overwrites_a_file_unless_asked(store_path, tmp_path, now):
    fill(store_path, now, "x")
    target = tmp_path / "precious.txt"
    target.write_text("my thesis")
    with pytest.raises(BackupError, match="already exists"):
        export_backup(store_path, target)
    assert target.read_text() == "my thesis"
    export_backup(store_path, target, overwrite=True)
    assert target.read_bytes().startswith(b"SQLite format 3\x00")


def test_export_without_a_store_says_there_is_nothing_to_back_up(store_path, tmp_path):
    with pytest.raises(BackupError, match="nothing to back up"):
        export_backup(store_path, tmp_path / "backup")
    assert not store_path.exists()


def _other_apps_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()


def _newer_backup(path: Path, source: Path) -> None:
    export_backup(source, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def _backup_with_an_extra_trigger(path: Path, source: Path) -> None:
    export_backup(source, path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON answers BEGIN DELETE FROM settings; END")
    conn.commit()
    conn.close()


def _damaged_backup(path: Path, source: Path) -> None:
    export_backup(source, path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):
        data[page * page_size:page * page_size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("make", "message"), [
    (lambda path, source: path.write_text("just some text\n" * 20), "not an SQLite database"),
    (lambda path, source: path.write_bytes(b""), "not an SQLite database"),
    (lambda path, source: _other_apps_database(path), "database of another program"),
    (_newer_backup, "newer version"),
    (_backup_with_an_extra_trigger, "not the ones this app writes"),
    (_damaged_backup, "damaged"),
    (lambda path, source: None, "cannot be read"),
])
def test_import_refuses_anything_but_our_backup_and_leaves_the_store_untouched(store_path, tmp_path, now, make,
                                                                              message):
    fill(store_path, now, "mine")
    offered = tmp_path / "offered.file"
    make(offered, store_path)
    before = store_path.read_bytes()
    with pytest.raises(BackupError, match=message):
        import_backup(offered, store_path, now)
    assert store_path.read_bytes() == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["progress.sqlite3"]
    assert answered_items(store_path) == {"mine"}


def test_import_while_the_app_has_the_store_open_is_refused(store_path, tmp_path, now):
    fill(store_path, now, "mine")
    backup = export_backup(store_path, tmp_path / "backup")
    with ProgressStore.open(store_path) as running:
        running.set_setting("window", "open")
        with pytest.raises(BackupError, match="Close the app"):
            import_backup(backup, store_path, now)
        assert running.get_setting("window") == "open"
    assert not list(store_path.parent.glob("*.bak"))


def test_import_into_a_damaged_store_keeps_the_damaged_file_as_bak(store_path, tmp_path, now):
    fill(store_path, now, "good")
    backup = export_backup(store_path, tmp_path / "backup")
    store_path.write_bytes(b"damaged beyond repair" * 100)
    result = import_backup(backup, store_path, now)
    assert result.previous_store is not None
    assert result.previous_store.read_bytes() == b"damaged beyond repair" * 100
    assert answered_items(store_path) == {"good"}


def test_second_import_in_the_same_second_keeps_both_previous_stores(store_path, tmp_path, now):
    fill(store_path, now, "first")
    backup = export_backup(store_path, tmp_path / "backup")
    import_backup(backup, store_path, now)
    import_backup(backup, store_path, now)
    assert len(list(store_path.parent.glob("*.bak"))) == 2


def test_cli_backup_round_trip_and_refusal(store_path, tmp_path, now, capsys):
    fill(store_path, now, "via-cli")
    target = tmp_path / "cli-backup"
    assert main(["backup", "export", str(target)]) == ExitCode.OK
    assert main(["backup", "import", str(target)]) == ExitCode.OK
    assert "previous progress was kept" in capsys.readouterr().err
    garbage = tmp_path / "garbage"
    garbage.write_text("nope")
    assert main(["backup", "import", str(garbage)]) == ExitCode.ERROR
    assert "privacy-checkup: " in capsys.readouterr().err
    assert answered_items(store_path) == {"via-cli"}
    assert os.access(store_path, os.R_OK)


def test_store_copied_while_in_use_is_refused_rather_than_imported_without_its_newest_answers(store_path, tmp_path,
                                                                                               now):
    fill(store_path, now, "mine")
    other_home = tmp_path / "other-computer"
    other = other_home / "progress.sqlite3"
    with ProgressStore.open(other) as running:
        fill(other, now, "theirs")
        assert other.with_name("progress.sqlite3-wal").stat().st_size > 0
        before = store_path.read_bytes()
        with pytest.raises(BackupError, match="still in use"):
            import_backup(other, store_path, now)
        running.set_setting("still", "running")
    assert store_path.read_bytes() == before
