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
