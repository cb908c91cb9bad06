"""The recovery key: typeable, tolerant of how people type it, strict about what it opens."""

from __future__ import annotations

import pytest

from privacy_checkup.core.errors import WrongRecoveryKeyError
from privacy_checkup.storage.recovery import (
    ALPHABET,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
    unwrap_key,
    wrap_key,
)


def test_recovery_key_is_eight_groups_of_unambiguous_characters():
    text = format_recovery_key(new_recovery_key())
    groups = text.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 and set(g) <= set(ALPHABET) for g in groups)
    assert not set(text) & set("ILOU")


def test_recovery_key_parses_back_however_it_is_typed():
    raw = new_recovery_key()
    text = format_recovery_key(raw)
    assert parse_recovery_key(text) == raw
    assert parse_recovery_key(text.lower().replace("-", " ")) == raw
    assert parse_recovery_key(text.replace("0", "O").replace("1", "l")) == raw


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U", "!" * 32])
def test_text_that_cannot_be_a_recovery_key_is_rejected(typed):
    with pytest.raises(WrongRecoveryKeyError, match="not a recovery key"):
        parse_recovery_key(typed)


def test_wrapped_key_opens_only_with_its_recovery_key_and_vault():
    raw, other = new_recovery_key(), new_recovery_key()
    wrapped = wrap_key(b"k" * 32, raw, "vault-a")
    assert unwrap_key(wrapped, raw, "vault-a") == b"k" * 32
    with pytest.raises(WrongRecoveryKeyError):
        unwrap_key(wrapped, other, "vault-a")
    with pytest.raises(WrongRecoveryKeyError):
        unwrap_key(wrapped, raw, "vault-b")
    assert wrapped.n >= 2**15
    assert wrapped.r == 8
