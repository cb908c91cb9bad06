"""Signed checklist packs: a verified pack says who verified it; every way of tampering is refused distinctly."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_checkup.core.catalog import Layer, LayerSource, build_catalog
from privacy_checkup.core.errors import (
    ChecklistError,
    KeyFileError,
    PackError,
    PackFileAddedError,
    PackFileChangedError,
    PackFileMissingError,
    PackMalformedError,
    PackRolledBackError,
    PackSignatureMismatchError,
    PackUnknownKeyError,
    PackUnsignedError,
    SigningError,
)
from privacy_checkup.core.packs import (
    VerifiedPack,
    private_key_pem,
    raw_public_key,
    read_private_key,
    read_public_key,
    sign_pack,
    verify_pack,
)
from privacy_checkup.core.policy import Policy, TrustedKey
from privacy_checkup.core.policy_catalog import build_policy_catalog
from tests.core.signed_folders import layers, sign, trusted, write_checklist

KEY = Ed25519PrivateKey.generate()
OTHER_KEY = Ed25519PrivateKey.generate()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office folder with two checklists, signed as version 3 with KEY."""
    folder = tmp_path / "office"
    write_checklist(folder, "example", title="Office example")
    write_checklist(folder, "second", id="second", title="Second")
    sign(folder, KEY, version=3)
    return folder


def verify(folder: Path, keys: tuple[TrustedKey, ...] = (trusted(KEY),), require_signed: bool = True,
           seen: dict[str, int] | None = None) -> VerifiedPack | None:
    return verify_pack(folder, keys, require_signed=require_signed, highest_seen=seen or {})


def rejection(folder: Path, **kwargs: object) -> PackError:
    with pytest.raises(PackError) as caught:
        verify(folder, **kwargs)  # type: ignore[arg-type]
    return caught.value


# --- verified ---------------------------------------------------------------------------------------

def test_verified_pack_names_its_organisation_version_key_and_files(office: Path) -> None:
    pack = verify(office)
    assert pack is not None
    assert pack.signature == "verified by Example Office"
    assert (pack.manifest.version, pack.manifest.created) == (3, dt.date(2026, 11, 20))
    assert pack.key == trusted(KEY)
    assert [path.name for path, _ in pack.files] == ["example.json", "second.json"]


def test_verified_pack_marks_its_catalog_entries(office: Path, tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "tiktok", id="tiktok", title="TikTok")
    policy = Policy(trusted_keys=(trusted(KEY),), require_signed_checklists=True)
    built = build_policy_catalog(layers(tmp_path), policy, {})
    assert {cid: e.signature for cid, e in built.catalog.entries.items()} == {
        "example": "verified by Example Office", "second": "verified by Example Office", "tiktok": None}
    assert built.verified_pack is not None
    assert built.verified_pack.manifest.version == 3


def test_the_bytes_that_were_verified_are_the_ones_loaded(office: Path) -> None:
    pack = verify(office)
    assert pack is not None
    write_checklist(office, "example", title="Swapped in after verification")
    catalog = build_catalog([LayerSource(Layer.OFFICE, office, pack.signature, pack.files)])
    assert catalog.entries["example"].checklist.title == "Office example"


def test_same_version_as_already_seen_is_accepted(office: Path) -> None:
    assert verify(office, seen={"Example Office": 3}) is not None


def test_newer_version_than_seen_is_accepted(office: Path) -> None:
    assert verify(office, seen={"Example Office": 2, "Another Office": 9}) is not None


def test_unsigned_folder_is_loaded_as_unsigned_when_signing_is_not_required(tmp_path: Path) -> None:
    write_checklist(tmp_path / "office", "example")
    assert verify(tmp_path / "office", require_signed=False) is None


def test_an_empty_unsigned_folder_is_nothing_to_reject(tmp_path: Path) -> None:
    assert verify(tmp_path / "missing-folder") is None


# --- each rejection ---------------------------------------------------------------------------------

def test_tampered_file_content_is_rejected(office: Path) -> None:
    path = office / "example.json"
    path.write_text(path.read_text().replace("Make your account private", "Make your account public"))
    error = rejection(office)
    assert type(error) is PackFileChangedError
    assert str(error) == f"{path} was changed after the pack was signed."


def test_extra_file_is_rejected(office: Path) -> None:
    extra = write_checklist(office, "extra", id="extra")
    error = rejection(office)
    assert type(error) is PackFileAddedError
    assert str(error) == f"{extra} is not part of the signed pack; it was added after signing."


def test_missing_file_is_rejected(office: Path) -> None:
    (office / "second.json").unlink()
    error = rejection(office)
    assert type(error) is PackFileMissingError
    assert str(error) == f"{office / 'second.json'} is part of the signed pack but is missing."


def test_edited_manifest_is_rejected(office: Path) -> None:
    manifest = office / "pack.json"
    manifest.write_text(manifest.read_text().replace('"version": 3', '"version": 4'))
    error = rejection(office)
    assert type(error) is PackSignatureMismatchError
    assert "does not match pack.json: the manifest was changed after it was signed" in str(error)


def test_whitespace_change_in_the_manifest_is_rejected(office: Path) -> None:
    manifest = office / "pack.json"
    manifest.write_bytes(manifest.read_bytes() + b"\n")
    assert type(rejection(office)) is PackSignatureMismatchError


def test_signature_by_the_wrong_key_is_rejected(office: Path) -> None:
    signature_file = office / "pack.sig"
    signature = json.loads(signature_file.read_text())
    forged = OTHER_KEY.sign((office / "pack.json").read_bytes())  # names KEY, but OTHER_KEY signed
    signature_file.write_text(json.dumps({**signature, "signature": base64.b64encode(forged).decode()}))
    assert type(rejection(office)) is PackSignatureMismatchError


def test_unsigned_folder_is_rejected_when_signing_is_required(office: Path) -> None:
    (office / "pack.sig").unlink()
    error = rejection(office)
    assert type(error) is PackUnsignedError
    assert str(error) == (f"The checklists in {office} are not signed (there is no pack.sig), "
                          "and signed checklists are required.")


def test_folder_without_any_pack_files_is_rejected_when_signing_is_required(tmp_path: Path) -> None:
    write_checklist(tmp_path / "office", "example")
    assert type(rejection(tmp_path / "office")) is PackUnsignedError


def test_unknown_key_is_rejected(office: Path) -> None:
    error = rejection(office, keys=(trusted(OTHER_KEY),))
    assert type(error) is PackUnknownKeyError
    assert str(error) == (f"The checklists in {office} are signed with key {trusted(KEY).key_id}, which is not "
                          "one of the trusted keys in the office policy.")


def test_signed_pack_is_checked_even_when_signing_is_not_required(office: Path) -> None:
    assert type(rejection(office, keys=(), require_signed=False)) is PackUnknownKeyError


def test_rolled_back_version_is_rejected(office: Path) -> None:
    error = rejection(office, seen={"Example Office": 4})
    assert type(error) is PackRolledBackError
    assert str(error) == (f"The checklists in {office} are version 3 of Example Office's pack, older than "
                          "version 4 already used on this computer; an old copy may have been put back.")


def test_signature_without_manifest_is_rejected(office: Path) -> None:
    (office / "pack.json").unlink()
    error = rejection(office)
    assert type(error) is PackFileMissingError
    assert "pack.json is part of the signed pack but is missing" in str(error)


def test_damaged_signature_file_is_rejected_with_its_position(office: Path) -> None:
    (office / "pack.sig").write_text('{"schema_version": 1, "key_id": "nope", "signature": ""}')
    error = rejection(office)
    assert type(error) is PackMalformedError
    sig = office / "pack.sig"
    assert [str(d) for d in error.problem.diagnostics] == [
        f"{sig}:1:33: must be a key id: 16 lower-case hex digits (at $.key_id)",
        f"{sig}:1:54: must not be empty (at $.signature)"]


def test_every_rejection_has_its_own_class_and_message() -> None:
    classes = [PackFileChangedError, PackFileAddedError, PackFileMissingError, PackSignatureMismatchError,
               PackUnsignedError, PackUnknownKeyError, PackRolledBackError, PackMalformedError]
    for one in classes:
        assert [other for other in classes if other is not one and issubclass(one, other)] == []
    folder = Path("office")
    messages = {str(PackFileChangedError(folder, "a.json")), str(PackFileAddedError(folder, "a.json")),
                str(PackFileMissingError(folder, "a.json")), str(PackSignatureMismatchError(folder)),
                str(PackUnsignedError(folder)), str(PackUnknownKeyError(folder, "0" * 16)),
                str(PackRolledBackError(folder, "O", 1, 2))}
    assert len(messages) == 7


def test_rejected_pack_drops_only_the_office_layer_and_the_catalog_says_why(office: Path, tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example", title="Bundled example")
    (office / "second.json").unlink()
    built = build_policy_catalog(layers(tmp_path), Policy(trusted_keys=(trusted(KEY),)), {})
    assert built.catalog.entries["example"].checklist.title == "Bundled example"
    assert built.catalog.entries["example"].layer is Layer.BUNDLED
    assert "second" not in built.catalog.entries
    assert [type(e) for e in built.catalog.rejected_packs] == [PackFileMissingError]
    assert built.verified_pack is None


# --- signing ----------------------------------------------------------------------------------------

def test_signing_refuses_an_invalid_checklist_and_names_the_problem(tmp_path: Path) -> None:
    write_checklist(tmp_path, "example", version=0)
    with pytest.raises(ChecklistError, match=r"example\.json:\d+:\d+: must be between 1"):
        sign_pack(tmp_path, KEY, "Example Office", 1, dt.date(2026, 11, 20))


def test_signing_refuses_a_version_not_above_the_current_pack(office: Path) -> None:
    with pytest.raises(SigningError, match="version 3 is not higher than the pack already in"):
        sign_pack(office, KEY, "Example Office", 3, dt.date(2026, 11, 20))
    sign_pack(office, KEY, "Example Office", 4, dt.date(2026, 11, 20))


def test_signing_refuses_a_file_name_the_manifest_cannot_hold(tmp_path: Path) -> None:
    write_checklist(tmp_path, "my list")
    with pytest.raises(SigningError, match="may only use letters, digits"):
        sign_pack(tmp_path, KEY, "Example Office", 1, dt.date(2026, 11, 20))


def test_signing_refuses_an_empty_organisation(tmp_path: Path) -> None:
    write_checklist(tmp_path, "example")
    with pytest.raises(SigningError, match="must not be empty"):
        sign_pack(tmp_path, KEY, "", 1, dt.date(2026, 11, 20))


def test_pack_and_policy_schema_files_are_not_signed_or_loaded_as_checklists(tmp_path: Path) -> None:
    write_checklist(tmp_path, "example")
    (tmp_path / "policy.schema.json").write_text("{}")
    (tmp_path / "checklist.schema.json").write_text("{}")
    sign(tmp_path, KEY)
    pack = verify(tmp_path)
    assert pack is not None
    assert list(pack.manifest.files) == ["example.json"]
    assert build_catalog([LayerSource(Layer.OFFICE, tmp_path)]).errors == []


# --- key files --------------------------------------------------------------------------------------

def test_private_key_round_trips_through_pem() -> None:
    again = read_private_key(private_key_pem(KEY), "key.pem")
    assert raw_public_key(again) == raw_public_key(KEY)


def test_public_key_is_read_from_base64_or_pem() -> None:
    from cryptography.hazmat.primitives import serialization

    raw = raw_public_key(KEY)
    pem = KEY.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert read_public_key(base64.b64encode(raw) + b"\n", "k.pub") == raw
    assert read_public_key(pem, "k.pem") == raw


@pytest.mark.parametrize("data", [b"", b"not base64!", base64.b64encode(b"x" * 31), b"-----BEGIN PUBLIC KEY-----\n"])
def test_bad_public_key_file_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(KeyFileError, match=r"k\.pub is not"):
        read_public_key(data, "k.pub")


def test_bad_private_key_file_is_a_clear_error() -> None:
    with pytest.raises(KeyFileError, match=r"key\.pem is not an unencrypted Ed25519 private key"):
        read_private_key(base64.b64encode(raw_public_key(KEY)), "key.pem")
