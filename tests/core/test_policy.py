"""The office policy: every field changes what the app does; a bad file is reported exactly and fails safe."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from privacy_checkup.core.catalog import Layer
from privacy_checkup.core.errors import PackUnknownKeyError, PackUnsignedError, PolicyError
from privacy_checkup.core.policy import Policy, build_policy, load_policy
from privacy_checkup.core.policy_catalog import build_policy_catalog
from privacy_checkup.core.schedule import DEFAULT_MAX_CONTENT_AGE_DAYS
from tests.core.signed_folders import DATA, layers, public_key_text, sign, trusted, write_checklist

POLICY_DATA = DATA / "policy"
VALID = POLICY_DATA / "valid" / "policy.json"

# file -> (line, column, words in the message, JSON path)
REJECTIONS = {
    "schema-version-2.json": (3, 21, "must be 1; this app reads version 1 files", "$.schema_version"),
    "missing-organisation.json": (1, 1, "missing required field 'organisation'", "$"),
    "http-help-contact.json": (5, 19, "must be an e-mail address or an https:// link", "$.help_contact"),
    "javascript-help-contact.json": (5, 19, "must be an e-mail address or an https:// link", "$.help_contact"),
    "duplicate-key.json": (9, 3, "duplicate field 'max_content_age_days' (first at line 8, column 3)",
                           "$.max_content_age_days"),
    "bad-required-id.json": (6, 38, "must be a checklist id", "$.required_checklists[1]"),
    "required-listed-twice.json": (6, 48, "'example' is listed twice", "$.required_checklists[2]"),
    "override-too-short.json": (7, 44, "must be between 7 and 730, found 1", "$.review_interval_overrides.example"),
    "override-bad-id.json": (7, 33, "the name 'Example Network' must be a checklist id",
                             '$.review_interval_overrides["Example Network"]'),
    "max-age-string.json": (8, 27, "expected a whole number, found a string", "$.max_content_age_days"),
    "nan.json": (8, 27, "NaN is not allowed", "$.max_content_age_days"),
    "allow-user-string.json": (9, 28, "expected true or false, found a string", "$.allow_user_checklists"),
    "require-signed-number.json": (10, 32, "expected true or false, found a whole number",
                                   "$.require_signed_checklists"),
    "short-public-key.json": (12, 50, "must be a base64 Ed25519 public key", "$.trusted_keys[0].public_key"),
    "key-without-name.json": (12, 5, "missing required field 'name'", "$.trusted_keys[0]"),
    "unknown-field.json": (10, 3, "unknown field 'allow_user_overrides'", "$.allow_user_overrides"),
    "trailing-comma.json": (6, 47, "trailing comma before ']'", "$.required_checklists"),
    "not-an-object.json": (1, 1, "expected an object, found a list", "$"),
    "empty.json": (1, 1, "the file is empty", "$"),
}


def write_policy(path: Path, **fields: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "organisation": "Example Office", **fields}, indent=2))
    return path


def policy_with(**fields: Any) -> Policy:
    return build_policy({"schema_version": 1, "organisation": "Example Office", **fields})


# --- reading the file -------------------------------------------------------------------------------

def test_every_invalid_fixture_has_an_expected_rejection() -> None:
    assert {p.name for p in (POLICY_DATA / "invalid").glob("*.json")} == set(REJECTIONS)


@pytest.mark.parametrize("name", sorted(REJECTIONS))
def test_bad_policy_is_reported_at_file_line_column_and_the_app_runs_with_safe_defaults(name: str) -> None:
    line, column, words, json_path = REJECTIONS[name]
    path = POLICY_DATA / "invalid" / name
    result = load_policy(path)
    (error,) = result.errors
    assert isinstance(error, PolicyError)
    first = error.diagnostics[0]
    assert (first.path, first.line, first.column) == (str(path), line, column)
    assert words in first.message
    assert first.json_path == json_path
    assert result.policy == Policy.fallback()
    assert result.policy.safe_defaults


def test_valid_policy_reads_every_field() -> None:
    result = load_policy(VALID)
    assert result.errors == ()
    policy = result.policy
    assert (policy.organisation, policy.help_contact) == ("Example Office", "security@example.org")
    assert policy.required_checklists == ("example", "tiktok")
    assert dict(policy.review_interval_overrides) == {"example": 30}
    assert policy.max_content_age_days == 180
    assert (policy.allow_user_checklists, policy.require_signed_checklists, policy.safe_defaults) == (
        False, True, False)
    (key,) = policy.trusted_keys
    assert key.name == "Security team 2026"
    assert len(key.public_key) == 32
    with pytest.raises(AttributeError):
        policy.organisation = "changed"  # type: ignore[misc]


def test_missing_policy_file_means_no_office_and_permissive_defaults(tmp_path: Path) -> None:
    result = load_policy(tmp_path / "policy.json")
    assert result.errors == ()
    assert result.policy == Policy()
    assert result.policy.organisation is None
    assert result.policy.allow_user_checklists
    assert not result.policy.require_signed_checklists
    assert result.policy.max_content_age_days == DEFAULT_MAX_CONTENT_AGE_DAYS


def test_policy_that_is_a_folder_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "policy.json").mkdir()
    result = load_policy(tmp_path / "policy.json")
    assert "cannot read the file" in str(result.errors[0])
    assert result.policy.safe_defaults


# --- each field has an effect -------------------------------------------------------------------------

def test_help_contact_address_becomes_a_mailto_link() -> None:
    assert policy_with(help_contact="security@example.org").help_link == "mailto:security@example.org"


def test_help_contact_https_link_is_kept_as_it_is() -> None:
    assert policy_with(help_contact="https://intranet.example.org/help").help_link == (
        "https://intranet.example.org/help")


def test_no_help_contact_means_no_link() -> None:
    assert policy_with().help_link is None


def test_required_checklists_missing_from_every_layer_are_reported(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example")
    built = build_policy_catalog(layers(tmp_path), policy_with(required_checklists=["example", "mastodon"]), {})
    assert built.missing_required == ("mastodon",)


def test_review_interval_override_replaces_the_checklists_own(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "example")
    write_checklist(tmp_path / "bundled", "other", id="other")
    policy = policy_with(review_interval_overrides={"example": 30})
    catalog = build_policy_catalog(layers(tmp_path), policy, {}).catalog
    assert catalog.entries["example"].checklist.review_interval_days == 30
    assert catalog.entries["other"].checklist.review_interval_days == 90  # the file's own value


def test_max_content_age_decides_what_is_possibly_out_of_date() -> None:
    today = dt.date(2026, 11, 24)
    checked = today - dt.timedelta(days=100)
    assert not Policy().possibly_out_of_date(checked, today)  # within the default year
    assert policy_with(max_content_age_days=90).possibly_out_of_date(checked, today)
    assert not policy_with(max_content_age_days=100).possibly_out_of_date(checked, today)


def test_user_checklists_load_when_the_policy_allows_them(tmp_path: Path) -> None:
    write_checklist(tmp_path / "office", "example", title="Office")
    write_checklist(tmp_path / "user", "example", title="Mine")
    write_checklist(tmp_path / "user", "extra", id="extra", title="Extra")
    catalog = build_policy_catalog(layers(tmp_path), policy_with(allow_user_checklists=True), {}).catalog
    assert catalog.entries["example"].checklist.title == "Mine"
    assert catalog.entries["extra"].layer is Layer.USER
    assert catalog.errors == []


def test_user_checklists_are_ignored_and_each_file_reported_when_the_policy_forbids_them(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "tiktok", id="tiktok", title="TikTok")
    write_checklist(tmp_path / "office", "example", title="Office")
    replaces_office = write_checklist(tmp_path / "user", "example", title="Mine")
    replaces_bundled = write_checklist(tmp_path / "user", "my-tiktok", id="tiktok", title="My TikTok")
    adds_new = write_checklist(tmp_path / "user", "extra", id="extra", title="Extra")
    catalog = build_policy_catalog(layers(tmp_path), policy_with(allow_user_checklists=False), {}).catalog
    assert {cid: e.layer for cid, e in catalog.entries.items()} == {"example": Layer.OFFICE, "tiktok": Layer.BUNDLED}
    reported = {Path(e.diagnostics[0].path): e.diagnostics[0].message for e in catalog.errors}
    assert reported == {
        replaces_office: "the office checklist 'example' may not be replaced; this copy is ignored",
        replaces_bundled: "the bundled checklist 'tiktok' may not be replaced; this copy is ignored",
        adds_new: "the office policy does not allow adding user checklists; 'extra' is ignored",
    }


def test_unsigned_office_checklists_load_when_signing_is_not_required(tmp_path: Path) -> None:
    write_checklist(tmp_path / "office", "example", title="Office")
    catalog = build_policy_catalog(layers(tmp_path), policy_with(require_signed_checklists=False), {}).catalog
    assert catalog.entries["example"].signature is None
    assert catalog.rejected_packs == []


def test_unsigned_office_checklists_are_rejected_when_signing_is_required(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "tiktok", id="tiktok", title="TikTok")
    write_checklist(tmp_path / "office", "example", title="Office")
    catalog = build_policy_catalog(layers(tmp_path), policy_with(require_signed_checklists=True), {}).catalog
    assert set(catalog.entries) == {"tiktok"}  # the bundled layer still loads
    (rejection,) = catalog.rejected_packs
    assert type(rejection) is PackUnsignedError


def test_trusted_keys_decide_whose_signed_pack_is_verified(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    write_checklist(tmp_path / "office", "example", title="Office")
    sign(tmp_path / "office", key)
    trusting = policy_with(trusted_keys=[{"name": "Security team", "public_key": public_key_text(key)}])
    verified = build_policy_catalog(layers(tmp_path), trusting, {}).catalog
    assert verified.entries["example"].signature == "verified by Example Office"
    not_trusting = build_policy_catalog(layers(tmp_path), policy_with(), {}).catalog
    assert "example" not in not_trusting.entries
    assert type(not_trusting.rejected_packs[0]) is PackUnknownKeyError
    assert trusted(key).key_id in str(not_trusting.rejected_packs[0])


def test_safe_defaults_load_only_the_bundled_checklists(tmp_path: Path) -> None:
    write_checklist(tmp_path / "bundled", "tiktok", id="tiktok", title="TikTok")
    write_checklist(tmp_path / "office", "example", title="Office")
    write_checklist(tmp_path / "user", "mine", id="mine", title="Mine")
    policy = load_policy(POLICY_DATA / "invalid" / "schema-version-2.json").policy
    built = build_policy_catalog(layers(tmp_path), policy, {})
    assert set(built.catalog.entries) == {"tiktok"}
    assert type(built.catalog.rejected_packs[0]) is PackUnsignedError
    assert "'mine' is ignored" in str(built.catalog.errors[0])


def test_policy_file_written_by_an_office_round_trips(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    path = write_policy(tmp_path / "policy.json", help_contact="https://help.example.org",
                        trusted_keys=[{"name": "K", "public_key": public_key_text(key)}])
    policy = load_policy(path).policy
    assert policy.trusted_keys == (trusted(key, "K"),)
    assert policy.help_link == "https://help.example.org"
