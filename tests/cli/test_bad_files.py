"""Promise 4: no file crashes the app. Every checklist, policy, signed pack and backup it is handed is either
used or refused with the app's own error, naming file:line:column where the format is text, in bounded time
and memory.

The deterministic corpus is tests/data/fuzz (made by make_corpus.py there); hypothesis adds random cases with
a fixed seed; the huge cases (100 MB, 100,000-deep nesting) are made here, in a temporary folder.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from privacy_checkup.core.errors import (
    ChecklistError,
    InvalidFileError,
    PackMalformedError,
    PrivacyCheckupError,
    StorageError,
)
from privacy_checkup.core.loader import load_checklist, parse_checklist
from privacy_checkup.core.model import Checklist
from privacy_checkup.core.packs import verify_pack
from privacy_checkup.core.policy import TrustedKey, load_policy
from privacy_checkup.storage.backup import import_backup
from privacy_checkup.storage.progress import AnswerState, ProgressStore
from tests.syscall_trace import child_env

FUZZ = Path(__file__).resolve().parents[1] / "data" / "fuzz"
CASES: dict[str, str] = json.loads((FUZZ / "cases.json").read_text("utf-8"))
_spec = importlib.util.spec_from_file_location("make_corpus", FUZZ / "make_corpus.py")
assert _spec is not None
assert _spec.loader is not None
CORPUS_SCRIPT = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CORPUS_SCRIPT)  # its signing key and base documents
VALID_CHECKLIST = Path(__file__).resolve().parents[1] / "data" / "checklists" / "valid" / "example.json"
NOW = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)
SECONDS_PER_CASE = 2.0
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space for the 100 MB cases: far less than ten copies of the file
DIAGNOSTIC_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.+) \(at \$.*\)$")


def cases_of(kind: str) -> list[Path]:
    return sorted(FUZZ / name for name in CASES if name.startswith(f"{kind}/"))


def position_problems(path: Path, data: bytes, exc: InvalidFileError) -> list[str]:
    """A rejection of a text file names the file, and a line and column that exist in it."""
    diagnostics = exc.diagnostics
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = text.split("\n")
    problems = []
    for diagnostic in diagnostics:
        shown = str(diagnostic)
        if len(shown.splitlines()) != 1:  # editors and CI read one problem per line
            problems.append(f"{path.name}: the message spans lines: {shown[:200]!r}")
        if not DIAGNOSTIC_LINE.match(shown) or not shown.startswith(f"{path}:{diagnostic.line}:{diagnostic.column}: "):
            problems.append(f"{path.name}: not in the file:line:column form: {shown[:200]}")
            continue
        line, column = diagnostic.line, diagnostic.column
        if not (1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1):
            problems.append(f"{path.name}: {line}:{column} is not a position in the file: {diagnostic}")
    return problems


def positional(exc: PrivacyCheckupError) -> InvalidFileError | None:
    """The part of a rejection that must point into the text: the file's own error, or a pack's manifest's."""
    if isinstance(exc, InvalidFileError):
        return exc
    if isinstance(exc, PackMalformedError):
        return exc.problem
    return None


def run_corpus(kind: str, read: Callable[[Path], Any], label: Callable[[Path], Path] = lambda path: path,
               after: Callable[[Path, bool], list[str]] | None = None) -> tuple[int, int, list[str]]:
    """Feed every corpus file of `kind` to `read`; return (accepted, refused, broken promises).

    `label` is the file the app names for a case (a pack's pack.json, say, for a manifest case). A rejection
    of a text file must point into it; any other rejection must at least name it or its folder.
    """
    accepted = rejected = 0
    broken: list[str] = []
    slowest = 0.0
    for path in cases_of(kind):
        started = time.perf_counter()
        ok = False
        try:
            read(path)
            ok = True
            accepted += 1
        except PrivacyCheckupError as exc:
            rejected += 1
            pointed = positional(exc)
            if pointed is not None and pointed.path.name == label(path).name:
                broken += position_problems(label(path), path.read_bytes(), pointed)
            elif str(label(path).parent) not in str(exc):
                broken.append(f"{path.name}: the message does not name the file: {exc}")
        except Exception:
            broken.append(f"{path.name}: crashed:\n{traceback.format_exc()}")
        elapsed = time.perf_counter() - started
        slowest = max(slowest, elapsed)
        if elapsed > SECONDS_PER_CASE:
            broken.append(f"{path.name}: took {elapsed:.2f} s")
        if ok and CASES[f"{kind}/{path.name}"] == "reject":
            broken.append(f"{path.name}: accepted, but it must be refused")
        if after is not None:
            broken += after(path, ok)
    print(f"\nbad files: {kind}: {accepted} accepted, {rejected} refused, slowest {slowest * 1000:.0f} ms")
    return accepted, rejected, broken


def test_committed_corpus_is_what_make_corpus_writes(tmp_path):
    result = subprocess.run([sys.executable, str(FUZZ / "make_corpus.py"), str(tmp_path)], env=child_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "cases.json").read_text("utf-8")) == CASES
    for name in CASES:
        if not name.startswith("backup/"):  # SQLite versions may lay out a database differently
            assert (tmp_path / name).read_bytes() == (FUZZ / name).read_bytes(), name


def test_every_bad_checklist_is_refused_with_its_position_and_never_crashes():
    accepted, rejected, broken = run_corpus("checklist", load_checklist)
    assert not broken, "\n".join(broken)
    assert rejected >= 200
    assert accepted >= 20  # the corpus also holds files that are valid, so acceptance is exercised too


def test_validate_command_reports_every_bad_checklist_one_per_line_without_a_traceback():
    result = subprocess.run([sys.executable, "-m", "privacy_checkup", "validate", str(FUZZ / "checklist")],
                            env=child_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    refused = {line.split(":", 1)[0] for line in lines}
    assert refused >= {str(FUZZ / name) for name, expect in CASES.items()
                       if name.startswith("checklist/") and expect == "reject"}
    assert [line for line in lines if not DIAGNOSTIC_LINE.match(line)] == []


@pytest.fixture
def known_store(tmp_path: Path) -> Path:
    store_path = tmp_path / "data" / "progress.sqlite3"
    with ProgressStore.open(store_path) as store:
        review = store.start_review("facebook", 1, NOW)
        store.record_answer(review.id, "answered-before", 1, AnswerState.DONE, NOW)
    return store_path


def test_every_bad_backup_is_refused_and_the_store_is_left_as_it_was(known_store, tmp_path):
    pristine = known_store.read_bytes()

    def read(path: Path) -> Any:
        known_store.write_bytes(pristine)
        for leftover in known_store.parent.glob("progress.sqlite3?*"):
            leftover.unlink()
        return import_backup(path, known_store, NOW)

    def after(path: Path, imported: bool) -> list[str]:
        if imported:
            with ProgressStore.open(known_store) as store:  # an accepted backup must be a store the app can use
                store.latest_answers("example")
                store.summaries()
                store.profile()
            return []
        problems = []
        if known_store.read_bytes() != pristine:
            problems.append(f"{path.name}: a refused import changed the store")
        if [p.name for p in known_store.parent.iterdir() if p.name.endswith(".tmp")]:
            problems.append(f"{path.name}: a refused import left its staging copy behind")
        return problems

    accepted, rejected, broken = run_corpus("backup", read, after=after)
    assert not broken, "\n".join(broken)
    assert rejected >= 25
    assert accepted >= 1


def test_every_bad_policy_is_refused_with_its_position_and_the_strictest_defaults_apply():
    def read(path: Path) -> Any:
        result = load_policy(path)
        if result.errors:
            if not result.policy.safe_defaults or result.policy.allow_user_checklists:
                raise AssertionError("a policy file that cannot be used must leave the strictest defaults")
            raise result.errors[0]
        return result

    accepted, rejected, broken = run_corpus("policy", read)
    assert not broken, "\n".join(broken)
    assert rejected >= 150
    assert accepted >= 10


def pack_folder(tmp_path: Path, manifest: bytes, signature: bytes) -> Path:
    folder = tmp_path / "pack"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    shutil.copyfile(CORPUS_SCRIPT.PACK_CHECKLIST, folder / "example.json")
    (folder / "pack.json").write_bytes(manifest)
    (folder / "pack.sig").write_bytes(signature)
    return folder


def verify(folder: Path) -> Any:
    trusted = [TrustedKey("fuzz corpus", CORPUS_SCRIPT.PACK_PUBLIC)]
    return verify_pack(folder, trusted, require_signed=True, highest_seen={})


def test_every_bad_pack_manifest_is_refused_with_its_position_even_when_validly_signed(tmp_path):
    def read(path: Path) -> Any:
        manifest = path.read_bytes()
        signature = json.dumps({**CORPUS_SCRIPT.SIGNATURE_BASE,  # a real signature: the parser must cope alone
                                "signature": base64.b64encode(CORPUS_SCRIPT.PACK_KEY.sign(manifest)).decode()})
        return verify(pack_folder(tmp_path, manifest, signature.encode()))

    accepted, rejected, broken = run_corpus("manifest", read, label=lambda path: tmp_path / "pack" / "pack.json")
    assert not broken, "\n".join(broken)
    assert rejected >= 100
    assert accepted >= 1


def test_every_bad_pack_signature_file_is_refused_and_never_crashes(tmp_path):
    manifest = (FUZZ / "manifest" / "valid.json").read_bytes()

    def read(path: Path) -> Any:
        return verify(pack_folder(tmp_path, manifest, path.read_bytes()))

    accepted, rejected, broken = run_corpus("signature", read, label=lambda path: tmp_path / "pack" / "pack.sig")
    assert not broken, "\n".join(broken)
    assert rejected >= 100
    assert accepted >= 1


@pytest.mark.parametrize("policy", [None, "policy/structure-deep-200.json", "policy/hostile-html-script-0.json"])
def test_app_starts_and_reports_with_every_bad_checklist_and_a_bad_policy_installed(tmp_path, policy):
    home, office = tmp_path / "home", tmp_path / "office"
    shutil.copytree(FUZZ / "checklist", home / "config" / "checklists")  # hostile but valid ones load too
    shutil.copytree(FUZZ / "checklist", office / "checklists")
    if policy is not None:  # a bad one: safe defaults; a valid one with hostile text: signed packs required
        shutil.copyfile(FUZZ / policy, office / "policy.json")
    with ProgressStore.open(home / "data" / "progress.sqlite3") as store:
        store.set_platforms(["example", "tiktok"], dt.datetime.now(dt.UTC))  # just chosen: nothing due yet
        store.set_onboarded()
    env = child_env(PRIVACY_CHECKUP_HOME=str(home), PRIVACY_CHECKUP_OFFICE_DIR=str(office),
                    QT_QPA_PLATFORM="offscreen")

    def app(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "privacy_checkup", *args], env=env, capture_output=True,
                              text=True, timeout=180, check=False)

    started = time.perf_counter()
    results = {"gui": app("--quit-after-show"), "status": app("status"), "checklists": app("checklists", "--json"),
               "report": app("report", "--format", "pdf", "--output", str(tmp_path / "report.pdf"))}
    print(f"\nbad files: app with {len(cases_of('checklist')) * 2} bad checklists installed: "
          f"{time.perf_counter() - started:.1f} s for 4 runs")
    assert {name: r.returncode for name, r in results.items()} == {"gui": 0, "status": 0, "checklists": 1,
                                                                    "report": 0}
    assert [name for name, r in results.items() if "Traceback" in r.stderr] == []
    errors = json.loads(results["checklists"].stdout)["errors"]
    if policy is None:
        assert len(errors) >= 2 * 250  # each bad file named, with its position, in both layers
        assert [line for line in errors if not DIAGNOSTIC_LINE.match(line)] == []
    else:
        assert any("office checklists not loaded" in line or "policy.json" in line for line in errors)


# ---- random cases (hypothesis, fixed seed) ----------------------------------------------------------

VALID_DOCUMENT = json.loads(VALID_CHECKLIST.read_text("utf-8"))
_STRING_FIELDS = [("title",), ("description",), ("sections", 0, "title"), ("sections", 0, "items", 0, "why"),
                  ("sections", 0, "items", 0, "recommended"), ("sections", 0, "items", 0, "steps", "ios", 0),
                  ("sections", 0, "items", 0, "sources", 0, "url"), ("sections", 0, "items", 0, "id"), ("id",)]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)


def with_value(path: tuple[Any, ...], value: Any) -> Any:
    document = json.loads(json.dumps(VALID_DOCUMENT))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


def outcome_of(action: Callable[[], Any]) -> Any:
    """What `action` returned, or the app's own error it raised (anything else propagates: a crash)."""
    try:
        return action()
    except PrivacyCheckupError as exc:
        return exc


@seed(20261124)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_STRING_FIELDS), st.text(st.characters(codec=None), max_size=300), st.booleans())
def test_any_string_in_any_field_is_kept_exactly_or_refused_with_its_position(path, text, ascii_only):
    data = json.dumps(with_value(path, text), ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    result = outcome_of(lambda: parse_checklist(data, "random.json"))
    if isinstance(result, ChecklistError):
        assert all(d.line >= 1 and d.column >= 1 and str(d).startswith("random.json:") for d in result.diagnostics)
        assert all(len(str(d).splitlines()) == 1 for d in result.diagnostics)
    else:
        assert isinstance(result, Checklist)
        if path == ("title",):
            assert result.title == text  # what the file says is what the app shows: nothing is "cleaned"


@seed(20261124)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([p[:k] for p in _STRING_FIELDS for k in range(1, len(p) + 1)]), json_values)
def test_any_json_value_in_any_place_is_loaded_or_refused_never_a_crash(path, value):
    data = json.dumps(with_value(path, value)).encode("utf-8")
    result = outcome_of(lambda: parse_checklist(data, "random.json"))
    assert isinstance(result, Checklist) or (isinstance(result, ChecklistError) and result.diagnostics)


@seed(20261124)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.data())
def test_randomly_damaged_backups_are_imported_whole_or_refused(known_store, tmp_path, data):
    pristine = known_store.read_bytes()
    damaged = bytearray((FUZZ / "backup" / "valid.pcbackup").read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    candidate = tmp_path / "damaged.pcbackup"
    candidate.write_bytes(bytes(damaged))
    result = outcome_of(lambda: import_backup(candidate, known_store, NOW))
    for kept in known_store.parent.glob("*.bak"):
        kept.unlink()
    if isinstance(result, PrivacyCheckupError):
        assert isinstance(result, StorageError)
        assert str(candidate) in str(result)
        assert known_store.read_bytes() == pristine
    else:
        with ProgressStore.open(known_store) as store:  # accepted: it must be a store the app can use
            store.latest_answers("example")
            store.summaries()
        known_store.write_bytes(pristine)


# ---- huge files, made at test time ------------------------------------------------------------------

def run_limited(code: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run `code` in a child whose address space is capped; return its result, wall time and peak RSS (KiB)."""
    wrapper = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))\n"
        "try:\n" + "".join(f"    {line}\n" for line in code.splitlines()) +
        "finally:\n"  # VmHWM: this process's own peak (ru_maxrss would include the parent's, from before exec)
        "    peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "    print('peak-rss-kib', peak, file=sys.stderr)\n")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", wrapper], env=child_env(PRIVACY_CHECKUP_HOME=str(tmp_path / "home")),
                            capture_output=True, text=True, timeout=120, check=False)
    elapsed = time.perf_counter() - started
    peak = int(re.findall(r"peak-rss-kib (\d+)", result.stderr)[-1])
    return result, elapsed, peak


def write_huge(path: Path, head: bytes, filler: bytes, size: int = 100 * 1024 * 1024) -> Path:
    chunk = filler * (1024 * 1024 // len(filler))
    with path.open("wb") as handle:
        handle.write(head)
        written = len(head)
        while written < size:
            handle.write(chunk)
            written += len(chunk)
    return path


@pytest.mark.parametrize("name", ["checklist.json", "policy.json"])
def test_hundred_megabyte_checklist_or_policy_is_refused_fast_in_bounded_memory(tmp_path, name):
    huge = write_huge(tmp_path / name, b'{"title": "', b"A")
    result, elapsed, peak = run_limited(
        f"from privacy_checkup.cli import main\nsys.exit(main(['validate', {str(huge)!r}]))", tmp_path)
    print(f"\nbad files: 100 MB {name}: {elapsed:.2f} s, peak {peak // 1024} MiB")
    assert result.returncode == 1, result.stderr
    assert re.match(rf"{re.escape(str(huge))}:1:1: the file is larger than the \d+ KiB limit", result.stdout)
    assert "Traceback" not in result.stderr
    assert elapsed < SECONDS_PER_CASE + 1  # the child's own start-up is the extra second
    assert peak < 200 * 1024  # never read whole


@pytest.mark.parametrize("head", ["ours", b"SQLite format 3\x00", b"not a database at all"],
                         ids=["our-header", "sqlite-header", "text"])
def test_hundred_megabyte_backup_is_refused_fast_in_bounded_memory(tmp_path, head):
    if head == "ours":
        head = (FUZZ / "backup" / "valid.pcbackup").read_bytes()[:100]  # passes the header check; the rest is noise
    huge = write_huge(tmp_path / "huge.pcbackup", head, bytes(range(256)))
    result, elapsed, peak = run_limited(
        f"from privacy_checkup.cli import main\nsys.exit(main(['backup', 'import', {str(huge)!r}]))", tmp_path)
    print(f"\nbad files: 100 MB backup ({head[:6]!r}): {elapsed:.2f} s, peak {peak // 1024} MiB")
    assert result.returncode == 2, result.stderr
    assert "is not a Privacy Checkup backup" in result.stderr or "is damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < SECONDS_PER_CASE + 1
    assert peak < 200 * 1024
    assert not (tmp_path / "home" / "data").exists() or not list((tmp_path / "home" / "data").iterdir())


DEEP_DOCUMENTS = {
    "lists": b'{"sections": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "objects": b'{"a": ' * 100_000 + b"{}" + b"}" * 100_000,
    "unclosed": b"[" * 100_000,
    "mixed": b'[{"a": ' * 50_000 + b"1" + b"}]" * 50_000,
}


def read_policy(path: Path) -> None:
    errors = load_policy(path).errors
    if errors:
        raise errors[0]


def read_manifest(path: Path) -> None:
    manifest = path.read_bytes()
    signature = {**CORPUS_SCRIPT.SIGNATURE_BASE,
                 "signature": base64.b64encode(CORPUS_SCRIPT.PACK_KEY.sign(manifest)).decode()}
    verify(pack_folder(path.parent, manifest, json.dumps(signature).encode()))


@pytest.mark.parametrize("reader", [load_checklist, read_policy, read_manifest], ids=["checklist", "policy", "pack"])
@pytest.mark.parametrize("shape", sorted(DEEP_DOCUMENTS))
def test_hundred_thousand_deep_nesting_is_refused_at_its_position_quickly(tmp_path, reader, shape):
    document = DEEP_DOCUMENTS[shape]
    path = tmp_path / "deep.json"
    path.write_bytes(document)
    started = time.perf_counter()
    with pytest.raises(PrivacyCheckupError) as refused:
        reader(path)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_CASE
    # Refused for its depth, or first for its size (policies and packs allow 256 KiB); a pack may already fail
    # its signature, which covers only the bytes the app reads.
    pointed = positional(refused.value)
    label = path if reader is not read_manifest else tmp_path / "pack" / "pack.json"
    reasons = [str(pointed)] if pointed is not None else []
    assert all(re.search(r"nested deeper than \d+ levels|larger than the \d+ KiB limit", r) for r in reasons)
    assert pointed is None or position_problems(label, document, pointed) == []
    assert pointed is not None or "does not match" in str(refused.value)
