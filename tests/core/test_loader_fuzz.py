"""Property: whatever bytes it is given, the loader returns a checklist or raises its own error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_checkup.core.errors import ChecklistError
from privacy_checkup.core.loader import parse_checklist
from privacy_checkup.core.model import Checklist

VALID = (Path(__file__).resolve().parents[1] / "data" / "checklists" / "valid" / "example.json").read_bytes()


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate"]))
        chunk = draw(st.binary(min_size=1, max_size=4) | st.sampled_from(
            [b"NaN", b"Infinity", b'"', b"\\", b"\\u", b"{", b"[", b"]", b"}", b",", b":", b"\xff", b"\xc3",
             b"\x00", b"1e999", b"-", b"\xef\xbb\xbf", b'"id": "x",']))
        if action == "insert":
            data[position:position] = chunk
        elif action == "delete":
            del data[position:position + len(chunk)]
        elif action == "replace":
            data[position:position + len(chunk)] = chunk
        else:
            del data[position:]
    return bytes(data)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(byte_mutations())
def test_loader_only_returns_a_checklist_or_raises_its_own_error(data: bytes) -> None:
    try:
        result = parse_checklist(data, "mutated.json")
    except ChecklistError as exc:
        for diagnostic in exc.diagnostics:
            assert diagnostic.line >= 1
            assert diagnostic.column >= 1
            assert str(diagnostic).startswith("mutated.json:")
    else:
        assert isinstance(result, Checklist)
