"""The last good copy of each checklist file: unchanged files are not validated again, and a file
that turns bad keeps working from its copy (and is still reported) until it is fixed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_checkup.core.catalog import Layer, LayerSource, build_catalog
from privacy_checkup.core.loader import fingerprint, load_files, parse_files
from privacy_checkup.core.policy import Policy
from privacy_checkup.core.policy_catalog import build_policy_catalog
from privacy_checkup.storage.known_copies import KnownCopies
from tests.core.signed_folders import sign, trusted, write_checklist

REPO = Path(__file__).resolve().parents[2]
CHECKED = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)


def copies(tmp_path: Path, version: str = "1.0") -> KnownCopies:
    return KnownCopies(tmp_path / "copies", app_version=version, clock=lambda: CHECKED)


def test_a_good_file_leaves_a_private_copy_of_what_was_validated(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="First title")
    known = copies(tmp_path)
    result = load_files([path], known)
    assert [c.title for _, c in result.checklists] == ["First title"]
    copy = known.recall(path)
    assert copy is not None
    assert (copy.fingerprint, copy.validated_at, copy.document["title"]) == (
        fingerprint(path.read_bytes()), CHECKED, "First title")
    if os.name == "posix":
        assert (tmp_path / "copies").stat().st_mode & 0o777 == 0o700
        assert known.copy_path(path).stat().st_mode & 0o777 == 0o600


def test_an_unchanged_file_is_loaded_from_its_copy_without_validating_again(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Validated title")
    known = copies(tmp_path)
    load_files([path], known)
    # Proof that the copy, not the file, was used: edit the copy's document behind the loader's back.
    record = json.loads(known.copy_path(path).read_bytes())
    record["document"]["title"] = "Title from the copy"
    known.copy_path(path).write_text(json.dumps(record))
    (loaded,) = load_files([path], known).checklists
    assert loaded[1].title == "Title from the copy"


def test_a_changed_file_is_validated_and_its_copy_replaced(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Before")
    known = copies(tmp_path)
    load_files([path], known)
    write_checklist(tmp_path / "lists", "example", title="After")
    (loaded,) = load_files([path], known).checklists
    assert loaded[1].title == "After"
    copy = known.recall(path)
    assert copy is not None
    assert copy.document["title"] == "After"
    assert copy.fingerprint == fingerprint(path.read_bytes())


def test_a_file_that_turns_bad_keeps_its_last_good_copy_and_is_still_reported(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Good version")
    known = copies(tmp_path)
    load_files([path], known)
    path.write_text(path.read_text().replace('"Good version"', '"Good version",'))  # a trailing comma
    result = load_files([path], known)
    assert [c.title for _, c in result.checklists] == ["Good version"]
    (error,) = result.errors
    assert error.diagnostics[0].path == str(path)
    assert error.diagnostics[0].line > 1
    assert error.last_good_from == CHECKED
    assert result.last_good == {path: CHECKED}
    # The bad file never overwrites the good copy: fixing it later is the only way forward.
    copy = known.recall(path)
    assert copy is not None
    assert copy.document["title"] == "Good version"


def test_a_file_never_seen_good_has_no_copy_to_fall_back_on(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    path = tmp_path / "lists" / "broken.json"
    path.write_text("{")
    result = load_files([path], copies(tmp_path))
    assert result.checklists == ()
    assert result.errors[0].last_good_from is None
    assert not (tmp_path / "copies").exists()


def test_an_unreadable_file_keeps_its_last_good_copy(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Readable once")
    known = copies(tmp_path)
    load_files([path], known)
    path.unlink()
    path.mkdir()  # reading a folder fails with an OS error, as a file without permission would
    result = load_files([path], known)
    assert [c.title for _, c in result.checklists] == ["Readable once"]
    assert "cannot read the file" in str(result.errors[0])


@pytest.mark.parametrize("damage", [
    b"{not json",
    b"[]",
    json.dumps({"format": 1}).encode(),
    b"",
])
def test_a_damaged_copy_is_ignored_and_made_again_from_the_file(tmp_path: Path, damage: bytes) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="The file's title")
    known = copies(tmp_path)
    load_files([path], known)
    known.copy_path(path).write_bytes(damage)
    assert known.recall(path) is None
    (loaded,) = load_files([path], known).checklists
    assert loaded[1].title == "The file's title"
    copy = known.recall(path)
    assert copy is not None
    assert copy.document["title"] == "The file's title"


def test_a_copy_whose_document_cannot_be_built_is_validated_from_the_file_instead(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="From the file")
    known = copies(tmp_path)
    load_files([path], known)
    record = json.loads(known.copy_path(path).read_bytes())
    del record["document"]["sections"]
    known.copy_path(path).write_text(json.dumps(record))
    (loaded,) = load_files([path], known).checklists
    assert loaded[1].title == "From the file"
    # ...and when the file is bad too, a damaged copy is no fallback.
    known.copy_path(path).write_text(json.dumps(record))
    path.write_text("{")
    result = load_files([path], known)
    assert result.checklists == ()
    assert result.errors[0].last_good_from is None


def test_copies_made_by_another_version_of_the_app_are_not_trusted(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Seen by 1.0")
    load_files([path], copies(tmp_path, version="1.0"))
    assert copies(tmp_path, version="1.1").recall(path) is None
    path.write_text("{")
    assert load_files([path], copies(tmp_path, version="1.1")).checklists == ()


def test_copies_are_per_path(tmp_path: Path) -> None:
    first = write_checklist(tmp_path / "a", "example", title="In folder a")
    second = write_checklist(tmp_path / "b", "example", title="In folder b")
    known = copies(tmp_path)
    load_files([first, second], known)
    assert known.copy_path(first) != known.copy_path(second)
    second.write_text("{")
    result = load_files([first, second], known)
    assert [c.title for _, c in result.checklists] == ["In folder a", "In folder b"]


def test_a_bad_file_in_a_signed_pack_is_never_replaced_by_an_older_copy(tmp_path: Path) -> None:
    # Signing refuses a bad file, but an app that validates more strictly than the signer's may
    # still find one: what the office signed is what counts, so there is no fallback.
    path = write_checklist(tmp_path / "office", "example", title="Signed, good")
    known = copies(tmp_path)
    (loaded,) = parse_files([(path, path.read_bytes())], known).checklists
    assert loaded[1].title == "Signed, good"
    result = parse_files([(path, b"{")], known)
    assert result.checklists == ()
    assert result.errors[0].last_good_from is None


def test_a_verified_pack_loads_through_the_copies_too(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    office = tmp_path / "office"
    path = write_checklist(office, "example", title="Signed")
    sign(office, key)
    policy = Policy(require_signed_checklists=True, trusted_keys=(trusted(key),))
    known = copies(tmp_path)
    built = build_policy_catalog([LayerSource(Layer.OFFICE, office)], policy, {}, known)
    assert built.catalog.entries["example"].signature == "verified by Example Office"
    assert known.recall(path) is not None


def test_the_catalog_marks_the_entry_that_runs_on_its_last_good_copy(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example", title="Bundled")
    mine = write_checklist(tmp_path / "user", "example", title="My version")
    layers = [LayerSource(Layer.BUNDLED, tmp_path / "bundled"), LayerSource(Layer.USER, tmp_path / "user")]
    known = copies(tmp_path)
    assert build_catalog(layers, known=known).entries["example"].last_good_from is None
    mine.write_text("{")
    entry = build_catalog(layers, known=known).entries["example"]
    assert (entry.checklist.title, entry.layer, entry.last_good_from) == ("My version", Layer.USER, CHECKED)


def test_copies_that_cannot_be_written_cost_speed_never_checklists(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "lists", "example", title="Still loads")
    (tmp_path / "copies").write_text("a file where the folder should be")
    known = copies(tmp_path)
    (loaded,) = load_files([path], known).checklists
    assert loaded[1].title == "Still loads"
    assert len(known.unwritable) == 1
    assert str(known.copy_path(path)) in known.unwritable[0]


def _run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), PRIVACY_CHECKUP_HOME=str(home))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                          check=False)


def test_a_start_with_nothing_changed_never_loads_the_validator(tmp_path: Path) -> None:
    code = ("import sys\nfrom privacy_checkup.session.app_catalog import load_app_catalog\n"
            "loaded = load_app_catalog()\n"
            "assert len(loaded.catalog.entries) >= 13 and not loaded.catalog.errors, loaded.catalog.errors\n"
            "print(sorted(m for m in sys.modules if m.startswith('privacy_checkup.core.')))\n")
    first = _run(code, tmp_path / "home")
    assert first.returncode == 0, first.stderr
    assert "privacy_checkup.core.spec" in first.stdout  # the first start validates every bundled file
    second = _run(code, tmp_path / "home")
    assert second.returncode == 0, second.stderr
    assert "privacy_checkup.core.spec" not in second.stdout
    assert "privacy_checkup.core.documents" not in second.stdout
