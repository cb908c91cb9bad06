"""Writes the bad-file corpus in this folder: small, hostile variants of every file the app reads.

    PYTHONPATH=src python tests/data/fuzz/make_corpus.py

Deterministic: the same script writes the same text files, byte for byte (tests/test_bad_files.py checks
that the committed corpus is what this script makes). Large cases (100 MB, 100,000-deep nesting) are not
here: the tests generate them in a temporary folder.

Every case goes into cases.json with what the app must do with it: "reject" (with the app's own error),
or "either" (valid, or rejected with the app's own error; e.g. a hostile string in a free-text field is
allowed in a checklist, because the app only ever shows it as plain text).
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
SEED = 20261124

CHECKLIST_BASE = json.loads((DATA / "checklists" / "valid" / "example.json").read_text("utf-8"))
POLICY_BASE: dict[str, Any] = {
    "schema_version": 1,
    "organisation": "Example Office",
    "help_contact": "security@example.org",
    "required_checklists": ["example", "tiktok"],
    "review_interval_overrides": {"example": 30},
    "max_content_age_days": 180,
    "allow_user_checklists": False,
    "require_signed_checklists": True,
    "trusted_keys": [{"name": "Security team 2026", "public_key": "jCmC37pZkmhAphdmnFCaNVaaTxX++QrhKXpb3cDymFQ="}],
}
# A fixed signing key, so the corpus is the same on every run. Test-only: it signs nothing real.
PACK_KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"privacy-checkup fuzz corpus key").digest())
PACK_PUBLIC = PACK_KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
PACK_CHECKLIST = DATA / "checklists" / "valid" / "example.json"
MANIFEST_BASE: dict[str, Any] = {
    "schema_version": 1,
    "organisation": "Example Office",
    "version": 3,
    "created": "2026-11-01",
    "files": {"example.json": hashlib.sha256(PACK_CHECKLIST.read_bytes()).hexdigest()},
}


def manifest_bytes(document: Any) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")


SIGNATURE_BASE: dict[str, Any] = {
    "schema_version": 1,
    "key_id": hashlib.sha256(PACK_PUBLIC).hexdigest()[:16],
    "signature": base64.b64encode(PACK_KEY.sign(manifest_bytes(MANIFEST_BASE))).decode("ascii"),
}

# Strings an attacker or a careless editor might put anywhere. JSON-escaped where raw would be invalid.
HOSTILE: dict[str, str] = {
    "html-img": '<img src="https://evil.example/pixel.png" onerror="alert(1)">',
    "html-script": "<script>alert(document.cookie)</script>",
    "html-link": "<a href='javascript:alert(1)'>Open settings</a>",
    "markdown-image": "![tracker](https://evil.example/t.png) [click](javascript:alert(1))",
    "qt-rich-text": "<qt><b>bold</b><font color=red>red</font></qt>",
    "rtl-override": "Open \u202egnp.exe\u202c settings",
    "bidi-isolates": "\u2066\u2067\u2068mixed\u2069 direction \u200f\u200e",
    "zero-width": "Pri\u200bvacy\u200c \u200dsett\u2060ings\ufeff",
    "line-separators": "one\u2028two\u2029three\x85four\x0bfive\x0csix\x1cseven",
    "newlines": "first\nsecond\r\nthird\rfourth",
    "ten-thousand-chars": "A" * 10_000,
    "long-word-4000": "W" * 4000,
    "combining-flood": "e" + "\u0301" * 3000,
    "nul-escaped": "before\u0000after",
    "control-chars": "bell\u0007 backspace\u0008 escape\u001b[31m",
    "lone-high-surrogate": "\ud800",
    "lone-low-surrogate": "x\udfffy",
    "reversed-pair": "\udc00\ud800",
    "emoji-and-astral": "\U0001F512 \U0001D573\U0001D58A \u2764\ufe0f",
    "format-strings": "%s%n%x {0} {item.__class__} ${HOME} $(rm -rf ~) `id`",
    "csv-formula": "=HYPERLINK(\"https://evil.example\",\"x\")",
    "path-traversal": "../../../../etc/passwd",
    "file-url": "file:///etc/passwd",
    "javascript-url": "javascript:alert(1)",
    "data-url": "data:text/html,<script>alert(1)</script>",
    "http-url": "http://example.com/insecure",
    "spoofed-https": "https://help.example.com\u202e/moc.live",
    "https-with-nul": "https://example.com/\u0000",
    "empty": "",
    "whitespace-only": " \t ",
}
# Raw bytes that cannot be valid UTF-8, placed inside a string value.
INVALID_UTF8: dict[str, bytes] = {
    "ff": b"\xff",
    "lone-continuation": b"\x80",
    "truncated-two-byte": b"\xc3",
    "overlong-slash": b"\xc0\xaf",
    "utf8-encoded-surrogate": b"\xed\xa0\x80",
    "above-unicode": b"\xf4\x90\x80\x80",
    "latin1-text": "Café".encode("latin-1"),
}
WRONG_VALUES: list[Any] = [None, True, 0, -1, 2**63, 1.5, "", "x", [], {}, [None], {"x": 1}]


def dumps(value: Any) -> bytes:
    # ensure_ascii keeps lone surrogates as \ud800 escapes, the only way JSON text can carry them
    return manifest_bytes(value)


def string_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from string_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from string_paths(child, (*path, index))


def field_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every object field, at any depth."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from field_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from field_paths(child, (*path, index))


def replaced(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


def json_cases(base: dict[str, Any], rng: random.Random) -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, expectation) for one JSON format."""
    text = dumps(base)
    yield "valid", text, "either"
    # Structure
    for name, data in {
        "empty": b"", "whitespace": b" \n\t\r\n", "null": b"null", "list": b"[]", "string": b'"text"',
        "number": b"42", "true": b"true", "open-brace": b"{", "close-brace": b"}", "two-documents": text + text,
        "trailing-garbage": text + b"garbage", "comment": b"// comment\n" + text, "single-quotes":
        text.replace(b'"', b"'"), "trailing-comma": text.rstrip().rstrip(b"}").rstrip() + b",\n}",
        "unquoted-key": b'{schema_version: 1}', "python-literals": b'{"a": None, "b": True}',
        "hex-number": b'{"schema_version": 0x1}', "leading-zero": b'{"schema_version": 01}',
        "plus-number": b'{"schema_version": +1}', "huge-number": b'{"schema_version": ' + b"9" * 5000 + b"}",
        "huge-exponent": b'{"schema_version": 1e999999}', "deep-200": b"[" * 200 + b"]" * 200,
        "deep-objects-200": b'{"a":' * 200 + b"{}" + b"}" * 200, "deep-unclosed-200": b"[" * 200,
        "raw-nul-outside": text.replace(b"{", b"{\x00", 1), "raw-nul-in-string": text.replace(b'":', b'\x00":', 1),
        "raw-tab-in-string": text.replace(b'":', b'\t":', 1), "raw-newline-in-string": text.replace(b'":', b'\n":', 1),
        "cr-only-lines": text.replace(b"\n", b"\r"), "crlf-lines": text.replace(b"\n", b"\r\n"),
        "bad-escape": text.replace(b'":', b'\\q":', 1), "short-unicode-escape": text.replace(b'":', b'\\u12":', 1),
    }.items():
        yield f"structure-{name}", data, "either" if name in ("crlf-lines", "cr-only-lines") else "reject"
    # Truncation at evenly spread points
    for number in range(1, 9):
        cut = len(text) * number // 9
        yield f"truncated-at-{cut}", text[:cut], "reject"
    # Byte order marks and other encodings
    as_text = text.decode("ascii")
    yield "bom-utf8", b"\xef\xbb\xbf" + text, "either"
    yield "bom-utf8-twice", b"\xef\xbb\xbf\xef\xbb\xbf" + text, "reject"
    yield "bom-utf16-le", as_text.encode("utf-16"), "reject"
    yield "utf16-be-no-bom", as_text.encode("utf-16-be"), "reject"
    yield "bom-utf32", as_text.encode("utf-32"), "reject"
    yield "bom-in-the-middle", text.replace(b"\n", b"\n\xef\xbb\xbf", 3), "reject"
    # Invalid UTF-8 inside a string value
    first_string = next(string_paths(base))
    for name, raw in INVALID_UTF8.items():
        marker = "INVALID-UTF8-HERE"
        data = dumps(replaced(base, first_string, marker)).replace(marker.encode(), raw)
        yield f"invalid-utf8-{name}", data, "reject"
    # Numbers JSON does not have
    numbers = [path for path in field_paths(base) if isinstance(lookup(base, path), int)
               and not isinstance(lookup(base, path), bool)]
    for word in ("NaN", "Infinity", "-Infinity", "1e999", "-1e999"):
        marker = "NUMBER-HERE"
        data = dumps(replaced(base, numbers[0], marker)).replace(b'"NUMBER-HERE"', word.encode())
        yield f"number-{word.lower().replace('-', 'minus-')}", data, "reject"
    # Duplicate keys, at the top and deep down
    for index, path in enumerate(p for p in field_paths(base) if not isinstance(p[-1], int)):
        if index % 4:
            continue  # every fourth field keeps the corpus small while covering every depth
        marker = f"DUPLICATE-{index}"
        data = dumps(replaced(base, path, marker))
        key = json.dumps(path[-1]).encode()
        original = json.dumps(lookup(base, path)).encode()
        data = data.replace(f'"{marker}"'.encode(), original + b", " + key + b": " + original)
        yield f"duplicate-{'-'.join(str(p) for p in path)[:60]}", data, "reject"
    # Wrong types: every field, one wrong value each (cycled deterministically), plus a few at random
    for index, path in enumerate(field_paths(base)):
        if path[-1] == "$schema":
            continue
        wrong = WRONG_VALUES[index % len(WRONG_VALUES)]
        if type(wrong) is type(lookup(base, path)) and wrong != lookup(base, path):
            wrong = WRONG_VALUES[(index + 1) % len(WRONG_VALUES)]
        yield f"wrong-type-{'-'.join(str(p) for p in path)[:60]}", dumps(replaced(base, path, wrong)), "either"
    for number in range(8):
        path = rng.choice(list(field_paths(base)))
        yield f"wrong-type-random-{number}", dumps(replaced(base, path, rng.choice(WRONG_VALUES))), "either"
    # Hostile strings in every kind of string field (ids, titles, free text, links, dates), and as a key
    paths = list(string_paths(base))
    for name, hostile in HOSTILE.items():
        for slot, path in enumerate(paths[:: max(1, len(paths) // 6)][:6]):
            yield f"hostile-{name}-{slot}", dumps(replaced(base, path, hostile)), "either"
        yield f"hostile-{name}-as-key", dumps({**base, hostile: "value"}), "reject"
    yield "hostile-ten-thousand-char-line", text.replace(b"\n", b" " * 10_000 + b"\n", 1), "either"


def lookup(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def backup_cases(rng: random.Random) -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, expectation) for backup files, made from a real backup by the app itself."""
    import datetime as dt

    from privacy_checkup.storage.backup import export_backup
    from privacy_checkup.storage.progress import AnswerState, ProgressStore

    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "progress.sqlite3"
        now = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)
        with ProgressStore.open(store_path) as store:
            store.set_platforms(["example"], now)  # "example" is also what the damaged answer's checklist is read as
            review = store.start_review("example", 3, now)
            for item in ("private-account", "contact-sync"):
                store.record_answer(review.id, item, 1, AnswerState.DONE, now)
        backup = Path(folder) / "good.pcbackup"
        export_backup(store_path, backup)
        small = sqlite3.connect(backup)  # 512-byte pages keep the committed corpus small
        small.execute("PRAGMA page_size = 512")
        small.execute("VACUUM")
        small.close()
        good = backup.read_bytes()

        def variant(edit: Callable[[sqlite3.Connection], object]) -> bytes:
            copy = Path(folder) / "variant.pcbackup"
            copy.write_bytes(good)
            conn = sqlite3.connect(copy, isolation_level=None)
            edit(conn)
            conn.close()
            data = copy.read_bytes()
            copy.unlink()
            return data

        yield "valid", good, "either"
        for size in (0, 1, 16, 99, 100, 512, 1024, len(good) // 2, len(good) - 1):
            yield f"truncated-at-{size}", good[:size], "reject"
        yield "wrong-magic", b"SQLite format 2\x00" + good[16:], "reject"
        yield "application-id-zero", good[:68] + b"\x00" * 4 + good[72:], "reject"
        yield "application-id-other", good[:68] + b"GPKG" + good[72:], "reject"
        yield "schema-version-999", good[:60] + (999).to_bytes(4, "big") + good[64:], "reject"
        yield "page-size-invalid", good[:16] + b"\x00\x03" + good[18:], "reject"
        yield "all-zero-pages", good[:100] + b"\x00" * (len(good) - 100), "reject"
        yield "extra-table", variant(lambda c: c.execute("CREATE TABLE smuggled (x)")), "reject"
        yield "trigger-added", variant(lambda c: c.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON answers BEGIN DELETE FROM answers; END")), "reject"
        yield "trigger-dropped", variant(lambda c: c.execute(
            f"DROP TRIGGER {c.execute('SELECT name FROM sqlite_schema WHERE type = ?', ('trigger',)).fetchone()[0]}"
        )), "reject"
        yield "invalid-utf8-in-an-answer", variant(lambda c: c.execute(
            "INSERT INTO answers (review_id, checklist_id, item_id, item_revision, state, answered_at) SELECT "
            "review_id, CAST(x'80ff' AS TEXT), CAST(x'c3' AS TEXT), item_revision, state, answered_at FROM answers "
            "LIMIT 1")), "either"
        yield "other-program", variant(lambda c: c.executescript(
            "PRAGMA application_id = 0; PRAGMA user_version = 0;")), "reject"
        for number in range(10):
            damaged = bytearray(good)
            offset = rng.randrange(100, len(good))
            damaged[offset] ^= 1 << rng.randrange(8)
            yield f"bit-flip-{number}-at-{offset}", bytes(damaged), "either"
        for number in range(4):
            damaged = bytearray(good)
            start = rng.randrange(100, len(good) - 64)
            damaged[start:start + 64] = bytes(rng.randrange(256) for _ in range(64))
            yield f"garbled-64-bytes-{number}-at-{start}", bytes(damaged), "either"
        yield "json-file", dumps(CHECKLIST_BASE), "reject"
        yield "text-file", b"this is not a backup\n", "reject"
        yield "zip-header", b"PK\x03\x04" + b"\x00" * 200, "reject"
        yield "header-only", good[:100], "reject"


def write(folder: Path, cases: Iterator[tuple[str, bytes, str]], suffix: str, expected: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, data, expectation in cases:
        file_name = f"{name}{suffix}"
        if (folder / file_name).exists():
            raise SystemExit(f"two cases are named {file_name}")
        (folder / file_name).write_bytes(data)
        expected[f"{folder.name}/{file_name}"] = expectation


def make(target: Path) -> None:
    for kind in ("checklist", "policy", "manifest", "signature", "backup"):
        if (target / kind).exists():
            shutil.rmtree(target / kind)
    expected: dict[str, str] = {}
    rng = random.Random(SEED)
    write(target / "checklist", json_cases(CHECKLIST_BASE, rng), ".json", expected)
    write(target / "policy", json_cases(POLICY_BASE, rng), ".json", expected)
    write(target / "manifest", json_cases(MANIFEST_BASE, rng), ".json", expected)
    write(target / "signature", json_cases(SIGNATURE_BASE, rng), ".json", expected)
    write(target / "backup", backup_cases(rng), ".pcbackup", expected)
    (target / "cases.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
