"""Which keyring backends may hold the key, and how backend failures are classified."""

from __future__ import annotations

import base64
from typing import ClassVar

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from privacy_checkup.core.errors import KeyStoreError, KeyStoreProblem
from privacy_checkup.storage.keystore import SERVICE, MemoryKeyStore, OsKeyStore, decode_key, describe_backend
from tests.storage.keyrings import PlaintextKeyring


class RaisingKeyring(KeyringBackend):
    """A backend that fails the way real ones do (keyring's exceptions, or a plugin's own)."""

    priority = 1

    def __init__(self, error: Exception) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


class DictKeyring(KeyringBackend):
    """A well-behaved backend in memory, to test the chainer without a daemon."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.values[(service, username)]


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])  # type: ignore[no-untyped-call]
def test_no_keyring_backend_is_reported_as_no_backend(backend):
    keys = OsKeyStore(backend)
    problem = keys.insecurity()
    assert problem is not None
    assert problem.problem is KeyStoreProblem.NO_BACKEND
    with pytest.raises(KeyStoreError) as refused:
        keys.set_key("vault", bytes(32))
    assert refused.value.problem is KeyStoreProblem.NO_BACKEND


def test_plaintext_backend_is_refused_before_it_is_called(tmp_path):
    backend = PlaintextKeyring(tmp_path / "secrets.txt")
    keys = OsKeyStore(backend)
    problem = keys.insecurity()
    assert problem is not None
    assert problem.problem is KeyStoreProblem.INSECURE_BACKEND
    with pytest.raises(KeyStoreError):
        keys.set_key("vault", bytes(32))
    with pytest.raises(KeyStoreError):
        keys.get_key("vault")
    assert not backend.path.exists()


def test_chain_uses_only_its_secure_member_never_the_plaintext_fallback(tmp_path):
    secure, plaintext = DictKeyring(), PlaintextKeyring(tmp_path / "secrets.txt")

    class Chain(chainer.ChainerBackend):
        backends: ClassVar = [plaintext, secure]  # what keyring would chain if keyrings.alt ranked above the OS keyring

    keys = OsKeyStore(Chain())  # type: ignore[no-untyped-call]
    keys.set_key("vault", b"k" * 32)
    assert secure.values == {(SERVICE, "vault"): base64.b64encode(b"k" * 32).decode()}
    assert not plaintext.path.exists()
    assert keys.backend_id.endswith("DictKeyring")


@pytest.mark.parametrize(("error", "problem"), [
    (keyring.errors.KeyringLocked("locked"), KeyStoreProblem.LOCKED),
    (keyring.errors.NoKeyringError("none"), KeyStoreProblem.NO_BACKEND),
    (keyring.errors.InitError("no collection"), KeyStoreProblem.NO_BACKEND),
    (keyring.errors.KeyringError("boom"), KeyStoreProblem.FAILED),
    (ConnectionRefusedError("D-Bus went away"), KeyStoreProblem.FAILED),
])
def test_backend_exceptions_become_key_store_errors_with_their_cause(error, problem):
    keys = OsKeyStore(RaisingKeyring(error))
    with pytest.raises(KeyStoreError) as raised:
        keys.get_key("vault")
    assert raised.value.problem is problem
    assert raised.value.__cause__ is error


def test_keys_round_trip_as_base64_text():
    backend = DictKeyring()
    keys = OsKeyStore(backend, service="svc")
    keys.set_key("vault", bytes(range(32)))
    assert backend.values[("svc", "vault")] == base64.b64encode(bytes(range(32))).decode()
    assert keys.get_key("vault") == bytes(range(32))
    assert keys.get_key("other") is None


def test_garbled_secret_decodes_to_bytes_that_are_not_a_key():
    assert len(decode_key("not base64!")) != 32


def test_memory_store_fails_like_a_keyring_when_told_to():
    keys = MemoryKeyStore()
    keys.problem = KeyStoreProblem.LOCKED
    assert keys.insecurity() is None  # locked is found only by asking, as with a real keyring
    with pytest.raises(KeyStoreError):
        keys.get_key("vault")


def test_backends_are_described_in_words_people_recognise():
    assert describe_backend("keyring.backends.SecretService.Keyring").startswith("the Secret Service keyring")
    assert describe_backend("keyring.backends.macOS.Keyring") == "the macOS Keychain"
    assert describe_backend("keyring.backends.Windows.WinVaultKeyring") == "Windows Credential Locker"
