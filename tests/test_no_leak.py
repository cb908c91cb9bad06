"""Promise 3 end to end: a note's text reaches no file the app writes, in any process, in any format.

A whole checkup runs as real processes (tests/offline_checkup.py) with canary notes in the real OS keyring's
vault; then every file under the app's data and config folders, the temporary folder the processes were
given (TMPDIR), their home and cache folders, every report (PDF, JSON, CSV), the backup and the store set
aside by an import is searched for the canary, in every encoding a program might use.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import uuid
import zlib
from pathlib import Path

import pytest

from privacy_checkup.core.errors import KeyStoreProblem, NotesLockedError
from privacy_checkup.storage import paths
from privacy_checkup.storage.backup import export_backup
from privacy_checkup.storage.keystore import MemoryKeyStore
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.vault import NotesVault
from tests.syscall_trace import REQUIRE_ENV, child_env

DRIVER = Path(__file__).with_name("offline_checkup.py")
NOW = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


def encodings_of(secret: str) -> list[bytes]:
    """The ways a program could write `secret` to a file without encrypting it."""
    raw = secret.encode("utf-8")
    forms = [raw, secret.encode("utf-16-le"), secret.encode("utf-16-be"), secret.encode("utf-32-le"),
             base64.b64encode(raw), base64.urlsafe_b64encode(raw), raw.hex().encode(), raw.hex().upper().encode(),
             json.dumps(secret).encode(), secret.encode("unicode_escape")]
    return forms


def readable_forms(data: bytes) -> list[bytes]:
    """The file itself and, where it is compressed (PDF streams are), what it decompresses to."""
    forms = [data]
    start = 0
    while (start := data.find(b"stream", start)) != -1:  # PDF: FlateDecode streams
        body = data[start + 6:].lstrip(b"\r\n")
        with contextlib.suppress(zlib.error):
            forms.append(zlib.decompressobj().decompress(body))
        start += 6
    return forms


def leaks(folders: list[Path], secrets: list[str]) -> tuple[list[str], list[Path]]:
    found = []
    files = sorted(p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file())
    for path in files:
        for form in readable_forms(path.read_bytes()):
            for secret in secrets:
                if any(needle in form for needle in encodings_of(secret)):
                    found.append(f"{path}: {secret[:20]}…")
    return found, files


@pytest.mark.keyring
def test_canary_notes_reach_no_file_any_process_writes(tmp_path):
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail("no D-Bus session: tests/run-all.sh starts one with gnome-keyring")
        pytest.skip("no Secret Service here: notes cannot be saved, so there is nothing to leak")
    canary = f"CANARY-{uuid.uuid4().hex} — mein Passwort-Hinweis ✓"
    user_home = tmp_path / "user"
    folders = {"app home": tmp_path / "home", "TMPDIR": tmp_path / "tmp", "user home": user_home}
    for folder in folders.values():
        folder.mkdir()
    env = child_env(PRIVACY_CHECKUP_HOME=str(folders["app home"]), TMPDIR=str(folders["TMPDIR"]),
                    HOME=str(user_home), XDG_CACHE_HOME=str(user_home / ".cache"),
                    XDG_CONFIG_HOME=str(user_home / ".config"), XDG_STATE_HOME=str(user_home / ".local" / "state"),
                    QT_QPA_PLATFORM="offscreen")
    summary = tmp_path / "summary.json"
    result = subprocess.run([sys.executable, str(DRIVER), str(summary), canary], env=env, capture_output=True,
                            text=True, timeout=600, check=False)
    assert result.returncode == 0, summary.read_text() if summary.exists() else result.stderr
    assert json.loads(summary.read_text())["note"] == "saved"

    found, files = leaks(list(folders.values()), [canary, canary.split(" — ")[1], "second note: "])
    print(f"\nleak scan: {len(files)} files in {', '.join(folders)}; {len(found)} hold a note")
    names = {path.name for path in files}
    assert {"progress.sqlite3", "checkup.pdf", "checkup.json", "checkup.csv", "progress.pcbackup"} <= names
    assert any(name.endswith(".bak") for name in names)  # the store the import set aside
    assert found == []


def test_leak_scan_finds_a_note_written_in_any_form(tmp_path):
    # The scan above must be able to fail: plaintext, UTF-16, base64 and a compressed PDF stream are all found.
    secret = f"CANARY-{uuid.uuid4().hex}"
    (tmp_path / "a.txt").write_bytes(secret.encode("utf-16-le"))
    (tmp_path / "b.json").write_text(json.dumps({"note": base64.b64encode(secret.encode()).decode()}))
    stream = zlib.compress(secret.encode())
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> stream\n" + stream + b"\nendstream")
    (tmp_path / "d.bin").write_bytes(b"nothing here")
    found, files = leaks([tmp_path], [secret])
    assert len(files) == 4
    assert sorted(line.split(":")[0].rsplit("/", 1)[1] for line in found) == ["a.txt", "b.json", "c.pdf"]


@pytest.mark.parametrize("keyring_state", ["wrong key", "missing key", "no keyring", "locked", "plaintext backend"])
def test_note_with_a_wrong_or_missing_key_is_refused_and_never_written_in_plaintext(tmp_path, keyring_state):
    home = Path(os.environ[paths.HOME_ENV])
    keys = MemoryKeyStore()
    with ProgressStore.open(paths.store_path()) as store:
        vault = NotesVault(store, keys)
        vault.write_note("facebook", "first", "written while the keyring worked", NOW)
        vault_id = store.notes.vault().vault_id  # type: ignore[union-attr]
    if keyring_state == "wrong key":
        keys.set_key(vault_id, os.urandom(32))
    elif keyring_state == "missing key":
        keys.secrets.clear()
    else:
        keys = MemoryKeyStore()  # a fresh session: nothing held in memory from before
        keys.secrets = {vault_id: base64.b64encode(os.urandom(32)).decode()}
        keys.problem = {"no keyring": KeyStoreProblem.NO_BACKEND, "locked": KeyStoreProblem.LOCKED,
                        "plaintext backend": KeyStoreProblem.INSECURE_BACKEND}[keyring_state]
    canary = f"CANARY-{uuid.uuid4().hex}"
    before = paths.store_path().read_bytes()
    with ProgressStore.open(paths.store_path()) as store:
        vault = NotesVault(store, keys)
        with pytest.raises(NotesLockedError):
            vault.write_note("facebook", "second", canary, NOW)
        with pytest.raises(NotesLockedError):
            vault.read_note("facebook", "first")
        export_backup(paths.store_path(), tmp_path / "while-locked.pcbackup")
    found, files = leaks([home, tmp_path], [canary])
    assert found == []
    assert len(files) >= 2
    with ProgressStore.open(paths.store_path()) as store:
        assert store.notes.count() == 1  # nothing was added, encrypted or not
    assert paths.store_path().read_bytes() == before  # the store file was not written at all
