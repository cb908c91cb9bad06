"""Where the notes key lives: the OS keyring through `keyring`, or memory for tests."""

from __future__ import annotations

import base64
import binascii
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `keyring` is imported on first use: it costs ~50 ms, which start-up need not pay
    from keyring.backend import KeyringBackend

from privacy_checkup.core.errors import KeyStoreError, KeyStoreProblem

SERVICE = "privacy-checkup"

_DESCRIPTIONS = {
    "keyring.backends.SecretService": "the Secret Service keyring (GNOME Keyring or KWallet)",
    "keyring.backends.libsecret": "the Secret Service keyring (GNOME Keyring or KWallet)",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.macOS": "the macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Locker",
}


def describe_backend(backend_id: str) -> str:
    """A name for the keyring a person would recognise."""
    module = backend_id.rpartition(".")[0]
    return _DESCRIPTIONS.get(module, f"the keyring backend {backend_id.rpartition('.')[2] or backend_id}")


def backend_id(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def encode_key(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def decode_key(secret: str) -> bytes:
    """The key in a keyring entry. Anything that is not base64 comes back as its own bytes, which fail the
    vault's key check: to the vault, a garbled entry is simply a wrong key."""
    try:
        return base64.b64decode(secret.encode("utf-8"), validate=True)
    except (binascii.Error, ValueError):
        return secret.encode("utf-8", "surrogatepass")


class KeyStore(ABC):
    """Gets and sets the one data key of a vault; failures raise KeyStoreError."""

    @property
    @abstractmethod
    def backend_id(self) -> str:
        """Identifies the backend, so the vault can tell a changed backend from a lost key."""

    @property
    def description(self) -> str:
        return describe_backend(self.backend_id)

    @abstractmethod
    def insecurity(self) -> KeyStoreError | None:
        """Why this store must not hold a key (no keyring, a plaintext one), found without touching it."""

    @abstractmethod
    def get_secret(self, vault_id: str) -> str | None: ...

    @abstractmethod
    def set_secret(self, vault_id: str, secret: str) -> None: ...

    def get_key(self, vault_id: str) -> bytes | None:
        secret = self.get_secret(vault_id)
        return None if secret is None else decode_key(secret)

    def set_key(self, vault_id: str, key: bytes) -> None:
        self.set_secret(vault_id, encode_key(key))


class MemoryKeyStore(KeyStore):
    """A keyring in a dict, for tests; `problem` makes every call fail the way a real keyring can."""

    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.secrets: dict[str, str] = {}
        self.problem: KeyStoreProblem | None = None

    @property
    def backend_id(self) -> str:
        return f"privacy_checkup.storage.keystore.MemoryKeyStore.{self.name}"

    @property
    def description(self) -> str:
        return f"the test keyring {self.name!r}"

    def insecurity(self) -> KeyStoreError | None:
        if self.problem in (KeyStoreProblem.NO_BACKEND, KeyStoreProblem.INSECURE_BACKEND):
            return KeyStoreError(self.problem, f"{self.name} is switched off")
        return None

    def _check(self) -> None:
        if self.problem is not None:
            raise KeyStoreError(self.problem, f"{self.name} is {self.problem.value}")

    def get_secret(self, vault_id: str) -> str | None:
        self._check()
        return self.secrets.get(vault_id)

    def set_secret(self, vault_id: str, secret: str) -> None:
        self._check()
        self.secrets[vault_id] = secret


def _secure_backend(backend: KeyringBackend) -> KeyringBackend | KeyStoreError:
    """The backend to use, or why there is none worth trusting with the key."""
    from keyring.backend import KeyringBackend as Backend
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        # A chain would fall through to a plaintext member when the secure one is locked: use the secure one only.
        for member in backend.backends:
            chosen = _secure_backend(member)
            if isinstance(chosen, Backend):
                return chosen
        return KeyStoreError(KeyStoreProblem.NO_BACKEND, "no secure keyring backend is installed or running")
    module, name = type(backend).__module__, type(backend).__qualname__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return KeyStoreError(KeyStoreProblem.NO_BACKEND, "no keyring backend is installed or running")
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return KeyStoreError(KeyStoreProblem.INSECURE_BACKEND,
                             f"the configured backend {module}.{name} keeps secrets in a file without OS protection")
    return backend


def _failure(exc: Exception) -> KeyStoreError:
    import keyring.errors

    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyStoreError(KeyStoreProblem.LOCKED, str(exc) or "the keyring is locked")
    if isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
        return KeyStoreError(KeyStoreProblem.NO_BACKEND, str(exc))
    return KeyStoreError(KeyStoreProblem.FAILED, f"{type(exc).__name__}: {exc}")


def _default_keyring() -> KeyringBackend:
    import keyring

    return keyring.get_keyring()


class OsKeyStore(KeyStore):
    """The OS keyring: one entry per vault, service "privacy-checkup", username the vault id, value the key."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._configured = backend  # None: whatever `keyring` picks (and the user configured) at call time
        self.service = service

    def _backend(self) -> KeyringBackend | KeyStoreError:
        return _secure_backend(self._configured if self._configured is not None else _default_keyring())

    @property
    def backend_id(self) -> str:
        chosen = self._backend()
        if isinstance(chosen, KeyStoreError):
            return backend_id(self._configured if self._configured is not None else _default_keyring())
        return backend_id(chosen)

    def insecurity(self) -> KeyStoreError | None:
        chosen = self._backend()
        return chosen if isinstance(chosen, KeyStoreError) else None

    def _usable_backend(self) -> KeyringBackend:
        chosen = self._backend()
        if isinstance(chosen, KeyStoreError):
            raise chosen
        return chosen

    def get_secret(self, vault_id: str) -> str | None:
        backend = self._usable_backend()
        try:
            secret = backend.get_password(self.service, vault_id)
        except Exception as exc:  # backends are plugins that raise anything (D-Bus, OSError): all mean "failed"
            raise _failure(exc) from exc
        return None if secret is None else str(secret)

    def set_secret(self, vault_id: str, secret: str) -> None:
        backend = self._usable_backend()
        try:
            backend.set_password(self.service, vault_id, secret)
        except Exception as exc:  # see get_secret
            raise _failure(exc) from exc
