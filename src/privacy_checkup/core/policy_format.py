"""Version 1 of the office policy file (policy.json), as one declarative description."""

from __future__ import annotations

from typing import Any

from privacy_checkup.core.spec import HTTPS_PATTERN, SLUG_PATTERN, Array, Bool, Const, Field, Int, Map, Obj, Str

SCHEMA_VERSION = 1
SCHEMA_FILE_NAME = "policy.schema.json"
SCHEMA_ID = "https://privacy-checkup.invalid/schema/policy-v1.json"
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 8

# An e-mail address (opened as mailto:) or an https:// link; nothing else may become a clickable link.
EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"
HELP_CONTACT_PATTERN = f"^({EMAIL_PATTERN}|{HTTPS_PATTERN.removeprefix('^').removesuffix('$')})$"
PUBLIC_KEY_PATTERN = r"^[A-Za-z0-9+/]{43}=$"  # base64 of the raw 32-byte Ed25519 public key


def _checklist_id() -> Str:
    return Str(max_len=64, pattern=SLUG_PATTERN,
               pattern_message="must be a checklist id: lower-case letters, digits and single hyphens, like 'tiktok'")


TRUSTED_KEY = Obj({
    "name": Field(Str(max_len=200, description="Who holds the private key, e.g. 'Security team 2026'.")),
    # No min_len: a short key gets the pattern's message, which says what a key looks like.
    "public_key": Field(Str(max_len=44, pattern=PUBLIC_KEY_PATTERN,
                            pattern_message="must be a base64 Ed25519 public key (44 characters ending in '='), "
                                            "as printed by 'privacy-checkup pack keygen'",
                            description="The raw 32-byte Ed25519 public key, base64.")),
}, description="A key whose signed checklist packs this office trusts.")

POLICY = Obj({
    "$schema": Field(Str(max_len=500, description="Where editors find this schema."), required=False),
    "schema_version": Field(Const(SCHEMA_VERSION, description="The policy format version.")),
    "organisation": Field(Str(max_len=200, description="The office's name, shown to staff.")),
    "help_contact": Field(Str(max_len=500, pattern=HELP_CONTACT_PATTERN,
                              pattern_message="must be an e-mail address or an https:// link",
                              description="Where staff get help: an e-mail address or an https:// link."),
                          required=False),
    "required_checklists": Field(Array(_checklist_id(), min_items=0, max_items=100, unique=True,
                                       description="Checklist ids every member of staff reviews; they are "
                                                   "pre-selected and cannot be removed."), required=False),
    "review_interval_overrides": Field(Map(_checklist_id(), Int(7, 730), max_items=100,
                                           description="Review interval in days per checklist id, replacing "
                                                       "the checklist's own."), required=False),
    "max_content_age_days": Field(Int(1, 3650, description="Content last verified longer ago than this is "
                                                          "flagged as possibly out of date."), required=False),
    "allow_user_checklists": Field(Bool(description="Whether staff may add or replace checklists of their own. "
                                                    "Default true."), required=False),
    "require_signed_checklists": Field(Bool(description="Whether the office checklists must be a signed pack "
                                                        "verified by a trusted key. Default false."),
                                       required=False),
    "trusted_keys": Field(Array(TRUSTED_KEY, min_items=0, max_items=20,
                                description="Public keys whose signed checklist packs are trusted."),
                          required=False),
}, description="A Privacy Checkup office policy (format version 1).")


def json_schema() -> dict[str, Any]:
    """The JSON Schema published as checklists/policy.schema.json."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Privacy Checkup office policy", **POLICY.schema()}
