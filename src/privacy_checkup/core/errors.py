"""The one exception hierarchy of the app; `ui.messages` turns it into words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PrivacyCheckupError(Exception):
    """Base class of every error the app raises on purpose."""


@dataclass(frozen=True, order=True)
class Diagnostic:
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
    """A checklist file that failed to load."""


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
