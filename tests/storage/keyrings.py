"""Key-store harnesses: the same vault tests run on an in-memory store and on the real Secret Service."""

from __future__ import annotations

import os
import uuid
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from privacy_checkup.core.errors import KeyStoreProblem
from privacy_checkup.storage.keystore import KeyStore, MemoryKeyStore, OsKeyStore

REQUIRE_ENV = "PRIVACY_CHECKUP_REQUIRE_KEYRING"
COLLECTION_PASSWORD = b"privacy-checkup-tests"
_GNOME_INTERNAL = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt's PlaintextKeyring (not installed here): it really writes secrets to a
    file, so a test can see whether anything was handed to it."""

    priority = 0.5  # what keyrings.alt gives it: usable, not recommended

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        if not self.path.exists():
            return None
        for line in self.path.read_text().splitlines():
            s, u, p = line.split("\t")
            if (s, u) == (service, username):
                return p
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.path.open("a") as handle:
            handle.write(f"{service}\t{username}\t{password}\n")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


class KeyringHarness(ABC):
    """One keyring the vault tests run against, with the failures a real keyring can show."""

    name: str

    @abstractmethod
    def key_store(self) -> KeyStore:
        """The key store the app would use now, in whatever state the test put the keyring."""

    @abstractmethod
    def lock(self) -> None: ...

    @abstractmethod
    def unlock(self) -> None: ...

    @abstractmethod
    def remove_backend(self, problem: KeyStoreProblem) -> None:
        """No keyring at all (NO_BACKEND), or only a plaintext one (INSECURE_BACKEND)."""

    @abstractmethod
    def entry(self, vault_id: str) -> str | None:
        """The raw keyring value, read around the app."""

    @abstractmethod
    def set_entry(self, vault_id: str, value: str) -> None: ...

    @abstractmethod
    def delete_entry(self, vault_id: str) -> None: ...

    def entries_written_elsewhere(self) -> list[str]:
        """Secrets that reached a backend the app should have refused."""
        return []


class MemoryHarness(KeyringHarness):
    name = "memory"

    def __init__(self) -> None:
        self.store = MemoryKeyStore()

    def key_store(self) -> KeyStore:
        return self.store

    def lock(self) -> None:
        self.store.problem = KeyStoreProblem.LOCKED

    def unlock(self) -> None:
        self.store.problem = None

    def remove_backend(self, problem: KeyStoreProblem) -> None:
        self.store.problem = problem

    def entry(self, vault_id: str) -> str | None:
        return self.store.secrets.get(vault_id)

    def set_entry(self, vault_id: str, value: str) -> None:
        self.store.secrets[vault_id] = value

    def delete_entry(self, vault_id: str) -> None:
        del self.store.secrets[vault_id]


def secret_service_problem() -> str | None:
    """Why the real Secret Service cannot be used here, or None."""
    try:
        import secretstorage
        from keyring.backends.SecretService import Keyring

        _ = Keyring.priority  # raises when no daemon is running or activatable
        connection = secretstorage.dbus_init()
        connection.close()
    except Exception as exc:  # any failure means "no Secret Service here"; the caller skips or fails on it
        return f"{type(exc).__name__}: {exc}"
    return None


class SecretServiceHarness(KeyringHarness):
    """gnome-keyring over D-Bus, in a collection of its own so locking it touches no one else's secrets."""

    name = "secret_service"

    def __init__(self, tmp_path: Path) -> None:
        import secretstorage
        from keyring.backends.SecretService import Keyring
        from secretstorage.util import DBusAddressWrapper, format_secret, open_session

        self._secretstorage = secretstorage
        self._connection = secretstorage.dbus_init()
        self._session = open_session(self._connection)
        self._format_secret = format_secret
        self._internal = DBusAddressWrapper("/org/freedesktop/secrets", _GNOME_INTERNAL, self._connection)
        label = f"privacy-checkup-test-{uuid.uuid4().hex}"
        (self.collection_path,) = self._internal.call(
            "CreateWithMasterPassword", "a{sv}(oayays)",
            {"org.freedesktop.Secret.Collection.Label": ("s", label)}, self._secret(COLLECTION_PASSWORD))
        self.service = label  # unique per test, so tests never see each other's entries
        self._keyring = Keyring()  # type: ignore[no-untyped-call]
        self._keyring.preferred_collection = self.collection_path  # type: ignore[attr-defined]  # read via hasattr
        self._backend: KeyringBackend = self._keyring
        self._plaintext = PlaintextKeyring(tmp_path / "plaintext-keyring.txt")

    def _secret(self, value: bytes) -> Any:
        return self._format_secret(self._session, value, "text/plain")

    def _collection(self) -> Any:
        return self._secretstorage.Collection(self._connection, self.collection_path)

    def key_store(self) -> KeyStore:
        return OsKeyStore(self._backend, service=self.service)

    def lock(self) -> None:
        self._collection().lock()

    def unlock(self) -> None:
        self._internal.call("UnlockWithMasterPassword", "o(oayays)", self.collection_path,
                            self._secret(COLLECTION_PASSWORD))

    def remove_backend(self, problem: KeyStoreProblem) -> None:
        self._backend = (self._plaintext if problem is KeyStoreProblem.INSECURE_BACKEND
                         else fail.Keyring())  # type: ignore[no-untyped-call]

    def entry(self, vault_id: str) -> str | None:
        value = self._keyring.get_password(self.service, vault_id)  # type: ignore[no-untyped-call]
        return None if value is None else str(value)

    def set_entry(self, vault_id: str, value: str) -> None:
        self._keyring.set_password(self.service, vault_id, value)  # type: ignore[no-untyped-call]

    def delete_entry(self, vault_id: str) -> None:
        self._keyring.delete_password(self.service, vault_id)  # type: ignore[no-untyped-call]

    def entries_written_elsewhere(self) -> list[str]:
        path = self._plaintext.path
        return path.read_text().splitlines() if path.exists() else []

    def close(self) -> None:
        self.unlock()
        self._collection().delete()  # removes every entry the test made
        self._connection.close()


def make_harness(kind: str, tmp_path: Path) -> KeyringHarness:
    if kind == "memory":
        return MemoryHarness()
    problem = secret_service_problem()
    if problem is not None:
        message = f"no Secret Service keyring available ({problem})"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{message}, but {REQUIRE_ENV} is set")
        pytest.skip(message)
    return SecretServiceHarness(tmp_path)
