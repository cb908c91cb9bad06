"""The recovery key: a human-typeable secret that wraps the notes key so notes survive keyring loss."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from privacy_checkup.core.errors import WrongRecoveryKeyError

# Crockford's base32: no I, L, O or U, so what a person reads aloud or retypes is unambiguous.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
GROUP_LENGTH = 4
GROUPS = 8
RECOVERY_KEY_BYTES = GROUPS * GROUP_LENGTH * 5 // 8  # 160 bits: far beyond guessing even without scrypt

# 32 MiB and about a tenth of a second per attempt here (bench/store_bench.py): cheap once, costly in bulk.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
NONCE_BYTES = 12


def new_recovery_key() -> bytes:
    return secrets.token_bytes(RECOVERY_KEY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    """XXXX-XXXX-...: eight groups of four characters."""
    number = int.from_bytes(raw, "big")
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(GROUPS * GROUP_LENGTH))]
    text = "".join(chars)
    return "-".join(text[i:i + GROUP_LENGTH] for i in range(0, len(text), GROUP_LENGTH))


def parse_recovery_key(text: str) -> bytes:
    """Accepts lower case, spaces, missing dashes and the letters O, I, L typed for 0, 1, 1."""
    compact = "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(compact) != GROUPS * GROUP_LENGTH or any(c not in ALPHABET for c in compact):
        raise WrongRecoveryKeyError(
            f"That is not a recovery key: a recovery key has {GROUPS} groups of {GROUP_LENGTH} letters and digits, "
            "like ABCD-EFGH-…. Nothing was changed.")
    number = 0
    for char in compact:
        number = number * 32 + ALPHABET.index(char)
    return number.to_bytes(RECOVERY_KEY_BYTES, "big")


@dataclass(frozen=True)
class WrappedKey:
    salt: bytes
    n: int
    r: int
    p: int
    wrapped: bytes  # nonce + AES-GCM(data key)


def _aad(vault_id: str) -> bytes:
    return json.dumps(["privacy-checkup key wrap", 1, vault_id]).encode("utf-8")


def _wrapping_key(raw: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # imported on use: keeps start-up fast

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(raw)


def wrap_key(data_key: bytes, recovery_key: bytes, vault_id: str) -> WrappedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapping = AESGCM(_wrapping_key(recovery_key, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    return WrappedKey(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, nonce + wrapping.encrypt(nonce, data_key, _aad(vault_id)))


def unwrap_key(wrapped: WrappedKey, recovery_key: bytes, vault_id: str) -> bytes:
    """The data key; a wrong recovery key fails authentication and raises WrongRecoveryKeyError."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrapping = AESGCM(_wrapping_key(recovery_key, wrapped.salt, wrapped.n, wrapped.r, wrapped.p))
    try:
        return wrapping.decrypt(wrapped.wrapped[:NONCE_BYTES], wrapped.wrapped[NONCE_BYTES:], _aad(vault_id))
    except InvalidTag as exc:
        raise WrongRecoveryKeyError("This recovery key does not open these notes. Check it and try again; "
                                    "nothing was changed.") from exc
