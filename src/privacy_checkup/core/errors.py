"""The one exception hierarchy of the app; `ui.messages` turns it into words."""

from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import NamedTuple


class PrivacyCheckupError(Exception):
    """Base class of every error the app raises on purpose."""


class Diagnostic(NamedTuple):
    """One problem in a file, in the compiler convention editors understand."""

    path: str
    line: int
    column: int
    message: str
    json_path: str = "$"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message} (at {self.json_path})"


class InvalidFileError(PrivacyCheckupError):
    """A checklist, policy or pack file that cannot be used, with every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        if not diagnostics:
            raise ValueError("InvalidFileError needs at least one diagnostic")
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def path(self) -> Path:
        return Path(self.diagnostics[0].path)


class ChecklistError(InvalidFileError):
    """A checklist file that failed to load. `last_good_from` is set when the last good copy of the
    file (validated at that moment) is used in its place until the file is fixed."""

    last_good_from: datetime | None = None


def read_limited(path: Path, max_bytes: int, error_type: type[InvalidFileError] = ChecklistError) -> bytes:
    """Up to `max_bytes` + 1 bytes of `path` (one more than allowed, so an oversized file is caught)."""
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise error_type([Diagnostic(str(path), 1, 1, f"cannot read the file: {exc.strerror or exc}")]) from exc


class PolicyError(InvalidFileError):
    """The office policy file that failed to load; the app runs with safe defaults instead."""


class PackError(PrivacyCheckupError):
    """A signed checklist pack that was rejected: the office layer's checklists are not loaded."""

    def __init__(self, folder: Path, message: str) -> None:
        self.folder = folder
        super().__init__(message)


class PackTamperedError(PackError):
    """The pack's files or manifest differ from what was signed."""


class PackSignatureMismatchError(PackTamperedError):
    """The signature does not match the manifest: it was edited, or signed by a different key."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, f"The signature in {folder / 'pack.sig'} does not match pack.json: the manifest "
                                 "was changed after it was signed, or it was signed with a different key than "
                                 "the one it names.")


class PackFileChangedError(PackTamperedError):
    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        super().__init__(folder, f"{folder / name} was changed after the pack was signed.")


class PackFileAddedError(PackTamperedError):
    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        super().__init__(folder, f"{folder / name} is not part of the signed pack; it was added after signing.")


class PackFileMissingError(PackTamperedError):
    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        super().__init__(folder, f"{folder / name} is part of the signed pack but is missing.")


class PackMalformedError(PackError):
    """pack.json or pack.sig is not in the pack format (a damaged or hand-edited pack)."""

    def __init__(self, folder: Path, problem: InvalidFileError) -> None:
        self.problem = problem
        super().__init__(folder, f"The pack in {folder} cannot be read: {problem}")


class PackUnsignedError(PackError):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder, f"The checklists in {folder} are not signed (there is no pack.sig), "
                                 "and signed checklists are required.")


class PackUnknownKeyError(PackError):
    def __init__(self, folder: Path, key_id: str) -> None:
        self.key_id = key_id
        super().__init__(folder, f"The checklists in {folder} are signed with key {key_id}, which is not one "
                                 "of the trusted keys in the office policy.")


class PackRolledBackError(PackError):
    def __init__(self, folder: Path, organisation: str, version: int, highest_seen: int) -> None:
        self.organisation = organisation
        self.version = version
        self.highest_seen = highest_seen
        super().__init__(folder, f"The checklists in {folder} are version {version} of {organisation}'s pack, "
                                 f"older than version {highest_seen} already used on this computer; an old "
                                 "copy may have been put back.")


class KeyFileError(PrivacyCheckupError):
    """A signing key file that cannot be read as an Ed25519 key."""


class SigningError(PrivacyCheckupError):
    """A checklist folder that cannot be signed as it is."""


class StorageError(PrivacyCheckupError):
    """The progress store, the notes vault or a backup could not do what was asked."""


class DiskFullError(StorageError):
    """The disk holding the store is full; nothing already saved is lost."""


class ReadOnlyStoreError(StorageError):
    """The store cannot be written (read-only disk, folder or file permissions)."""


class CorruptStoreError(StorageError):
    """The store is not a Privacy Checkup store, or it is damaged. It is left untouched."""


class StoreFromNewerVersionError(StorageError):
    """The store was written by a newer version of the app, so this one must not change it."""

    def __init__(self, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"Your progress was saved by a newer version of Privacy Checkup (store version {found}; "
            f"this version understands up to {supported}). Install the newer version to open it. "
            "Nothing has been changed.")


class UnknownReviewError(StorageError):
    """A review id that is not in the store."""


class NotesLockedError(StorageError):
    """Notes cannot be opened or saved right now; `reason` says why and `fix` what to do."""

    def __init__(self, reason: str, fix: str) -> None:
        self.reason = reason
        self.fix = fix
        super().__init__(f"{reason} {fix}")


class WrongRecoveryKeyError(StorageError):
    """The recovery key entered does not open these notes; nothing was changed."""


class NoteCorruptError(StorageError):
    """A stored note failed authentication: it was damaged or tampered with."""


class BackupError(StorageError):
    """A backup could not be written, or a file offered for import was refused."""


class KeyStoreProblem(Enum):
    """Why the OS keyring could not hand over (or keep) the notes key."""

    NO_BACKEND = "no_backend"  # no keyring at all (keyring's `fail` backend, no daemon)
    INSECURE_BACKEND = "insecure_backend"  # a backend that keeps secrets in plaintext files
    LOCKED = "locked"
    FAILED = "failed"  # any other error the backend reported


class KeyStoreError(StorageError):
    """The key store could not get or set a key; the vault turns this into a locked state."""

    def __init__(self, problem: KeyStoreProblem, detail: str) -> None:
        self.problem = problem
        self.detail = detail
        super().__init__(f"{problem.value}: {detail}")
