"""The layered catalog: later layers win by id, bad files are reported, good ones still load."""

from __future__ import annotations

import json
from pathlib import Path

from privacy_checkup.core.catalog import Layer, LayerSource, build_catalog

EXAMPLE = json.loads((Path(__file__).resolve().parents[1] / "data" / "checklists" / "valid" / "example.json")
                     .read_text())


def write_checklist(folder: Path, name: str, **changes: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({**EXAMPLE, **changes}))
    return path


def layers(tmp_path: Path) -> list[LayerSource]:
    return [LayerSource(Layer.BUNDLED, tmp_path / "bundled"), LayerSource(Layer.OFFICE, tmp_path / "office"),
            LayerSource(Layer.USER, tmp_path / "user")]


def test_later_layer_wins_by_id_and_remembers_what_it_replaced(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example", title="Bundled")
    write_checklist(tmp_path / "bundled", "other", id="other", title="Other")
    office = write_checklist(tmp_path / "office", "renamed-file", title="Office copy", version=9)
    catalog = build_catalog(layers(tmp_path))
    entry = catalog.entries["example"]
    assert (entry.checklist.title, entry.layer, entry.path, entry.overrides) == (
        "Office copy", Layer.OFFICE, office, (Layer.BUNDLED,))
    assert catalog.entries["other"].layer is Layer.BUNDLED
    assert [c.title for c in catalog.checklists] == ["Office copy", "Other"]
    assert catalog.errors == []


def test_bad_file_in_a_layer_keeps_the_lower_layers_copy(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example", title="Bundled")
    (tmp_path / "user").mkdir()
    (tmp_path / "user" / "example.json").write_text('{"id": "example", "title": ')
    catalog = build_catalog(layers(tmp_path))
    assert catalog.entries["example"].checklist.title == "Bundled"
    assert [str(d).split(":")[0] for e in catalog.errors for d in e.diagnostics] == [
        str(tmp_path / "user" / "example.json")]


def test_two_files_with_one_id_in_a_layer_is_an_error_naming_both(tmp_path: Path) -> None:
    first = write_checklist(tmp_path / "office", "a", title="First")
    write_checklist(tmp_path / "office", "b", title="Second")
    catalog = build_catalog(layers(tmp_path))
    assert catalog.entries["example"].checklist.title == "First"
    (error,) = catalog.errors
    assert f"already used by {first}" in str(error)


def test_locked_office_layer_cannot_be_replaced_by_the_user(tmp_path: Path) -> None:
    write_checklist(tmp_path / "office", "example", title="Office")
    write_checklist(tmp_path / "user", "example", title="Mine")
    catalog = build_catalog(layers(tmp_path), locked_layers=frozenset({Layer.OFFICE}))
    assert catalog.entries["example"].checklist.title == "Office"
    assert "may not be replaced" in str(catalog.errors[0])


def test_missing_layer_folders_are_simply_empty(tmp_path: Path) -> None:
    catalog = build_catalog(layers(tmp_path))
    assert catalog.entries == {}
    assert catalog.errors == []
