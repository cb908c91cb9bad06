"""The one place the command line turns an error into words (the app's is ui/messages.py)."""

from __future__ import annotations

from privacy_checkup.core.errors import InvalidFileError, PrivacyCheckupError


def error_lines(exc: PrivacyCheckupError) -> list[str]:
    """What to print on stderr when a command fails: the file problems in the compiler's form, one a line,
    or one line saying what went wrong."""
    if isinstance(exc, InvalidFileError):
        return [str(diagnostic) for diagnostic in exc.diagnostics]
    return [f"privacy-checkup: {exc}"]


INTERRUPTED = "privacy-checkup: interrupted"
