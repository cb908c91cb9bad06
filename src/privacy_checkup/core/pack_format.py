"""Version 1 of a signed checklist pack: the manifest (pack.json) and its detached signature (pack.sig)."""

from __future__ import annotations

import re

from privacy_checkup.core.pack_names import PACK_MANIFEST_NAME as PACK_MANIFEST_NAME  # re-exported
from privacy_checkup.core.pack_names import PACK_SIGNATURE_NAME as PACK_SIGNATURE_NAME
from privacy_checkup.core.spec import DATE_PATTERN, Const, Field, Int, Map, Obj, Str

PACK_SCHEMA_VERSION = 1
MAX_PACK_BYTES = 256 * 1024
MAX_PACK_DEPTH = 4
MAX_PACK_FILES = 1000

# Names are checked before they are joined to the folder, so a manifest can never point outside it.
FILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.json$"
FILE_NAME_PATTERN_RE = re.compile(FILE_NAME_PATTERN)
SHA256_PATTERN = r"^[0-9a-f]{64}$"
KEY_ID_PATTERN = r"^[0-9a-f]{16}$"
SIGNATURE_PATTERN = r"^[A-Za-z0-9+/]{86}==$"  # base64 of the 64-byte Ed25519 signature

MANIFEST = Obj({
    "schema_version": Field(Const(PACK_SCHEMA_VERSION, description="The pack format version.")),
    "organisation": Field(Str(max_len=200, description="Who signed the pack; shown as 'verified by …'.")),
    "version": Field(Int(1, 1_000_000_000, description="Raised on every signed release; an older version "
                                                       "than one already seen is rejected as rolled back.")),
    "created": Field(Str(max_len=10, min_len=10, pattern=DATE_PATTERN,
                         pattern_message="must be a date written YYYY-MM-DD", is_date=True,
                         description="When the pack was signed.")),
    "files": Field(Map(Str(max_len=128, pattern=FILE_NAME_PATTERN,
                           pattern_message="must be a plain file name ending in .json (letters, digits, '.', '_', "
                                           "'-')"),
                       Str(max_len=64, pattern=SHA256_PATTERN,
                           pattern_message="must be a SHA-256 hash in lower-case hex"),
                       max_items=MAX_PACK_FILES,
                       description="Every checklist file in the folder and the SHA-256 of its bytes.")),
}, description="A signed checklist pack's manifest.")

SIGNATURE = Obj({
    "schema_version": Field(Const(PACK_SCHEMA_VERSION, description="The pack format version.")),
    "key_id": Field(Str(max_len=16, pattern=KEY_ID_PATTERN,
                        pattern_message="must be a key id: 16 lower-case hex digits",
                        description="Which trusted key signed: the start of the SHA-256 of its public key.")),
    "signature": Field(Str(max_len=88, pattern=SIGNATURE_PATTERN,
                           pattern_message="must be a base64 Ed25519 signature (88 characters)",
                           description="Ed25519 signature over the exact bytes of pack.json, in base64.")),
}, description="The detached signature of pack.json.")
