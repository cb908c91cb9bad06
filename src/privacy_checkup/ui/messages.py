"""The one place that turns an error into words for a person: what happened, and what to do."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from privacy_checkup.core import errors
from privacy_checkup.ui.dialogs import modal
from privacy_checkup.ui.widgets.dates import format_date
from privacy_checkup.ui.widgets.safe_text import make_plain

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


class UserMessage(NamedTuple):
    title: str
    what_happened: str
    what_to_do: str
    details: str = ""

    @property
    def text(self) -> str:
        return f"{self.what_happened}\n\n{self.what_to_do}"


def describe(exc: BaseException) -> UserMessage:
    """Words for `exc`. Technical detail goes in `details`, never in the first two sentences."""
    from privacy_checkup.storage.instance_lock import AlreadyRunningError

    if isinstance(exc, AlreadyRunningError):
        return UserMessage(
            _tr("Privacy Checkup is already open"),
            _tr("Privacy Checkup is already open on this computer, perhaps in another window or on another "
                "desktop. Only one can be open at a time, so your progress never splits in two."),
            _tr("Switch to the window that is open. If you cannot find it, log out and in again."), str(exc))
    if isinstance(exc, errors.NotesLockedError):
        return UserMessage(
            _tr("Notes are locked"),
            exc.reason or _tr("The key that protects your notes could not be read from your system's keyring."),
            exc.fix or _tr("Unlock your keyring (or log in again), then reopen Privacy Checkup. "
                           "Your answers keep working while notes are locked."))
    if isinstance(exc, errors.WrongRecoveryKeyError):
        return UserMessage(
            _tr("That recovery key did not work"),
            _tr("The recovery key you typed does not match the one that protects your notes."),
            _tr("Check it against the copy you wrote down (letters and numbers, groups separated by dashes) "
                "and try again. Nothing has been changed."))
    if isinstance(exc, errors.NoteCorruptError):
        return UserMessage(
            _tr("A note could not be read"),
            _tr("This note is damaged and cannot be decrypted. Your other notes and your answers are not affected."),
            _tr("You can type the note again; the damaged copy is kept, not overwritten."), str(exc))
    if isinstance(exc, errors.DiskFullError) or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return UserMessage(
            _tr("Your disk is full"),
            _tr("The disk is full, so Privacy Checkup could not save your last change. "
                "Everything saved before it is safe."),
            _tr("Free some space (empty the bin or delete large downloads), then do it again."), str(exc))
    if isinstance(exc, errors.ReadOnlyStoreError):
        return UserMessage(
            _tr("Your progress cannot be saved"),
            _tr("The file that holds your progress can be read but not written."),
            _tr("Check that your user account can write to the folder shown below, or ask your IT contact."),
            str(exc))
    if isinstance(exc, errors.StoreFromNewerVersionError):
        return UserMessage(
            _tr("Your progress was saved by a newer version"),
            _tr("A newer version of Privacy Checkup has used this progress file, and this older version "
                "cannot read it safely. The file has not been changed."),
            _tr("Install the newer version of Privacy Checkup again."), str(exc))
    if isinstance(exc, errors.CorruptStoreError):
        return UserMessage(
            _tr("Your progress file is damaged"),
            _tr("The file that holds your progress failed its integrity check. Nothing has been overwritten."),
            _tr("Restore a backup with File > Import backup, or ask your IT contact for help. "
                "The damaged file is kept where it is."), str(exc))
    if isinstance(exc, errors.BackupError):
        return UserMessage(
            _tr("The backup could not be used"),
            _tr("Privacy Checkup could not read or write that backup file. Your current progress has not changed."),
            _tr("Check that the file is a Privacy Checkup backup and that the folder is writable, then try again."),
            str(exc))
    if isinstance(exc, errors.ChecklistError | errors.PolicyError | errors.PackError):
        return checklist_problems([exc])
    if isinstance(exc, errors.StorageError):
        return UserMessage(
            _tr("Your progress could not be saved"),
            _tr("Something went wrong while saving your progress. Earlier answers are safe."),
            _tr("Try again. If it keeps happening, restart Privacy Checkup."), str(exc))
    if isinstance(exc, OSError):
        return UserMessage(
            _tr("A file could not be used"),
            _tr("Privacy Checkup could not read or write a file it needs."),
            _tr("Check that the folder exists and that you may write to it, then try again."), str(exc))
    return UserMessage(
        _tr("Something went wrong"),
        _tr("Privacy Checkup hit a problem it did not expect. Your saved answers are safe."),
        _tr("Try again. If it keeps happening, use Help > About to find the version and report it."),
        f"{type(exc).__name__}: {exc}")


def problem_location(problem: errors.PrivacyCheckupError) -> str:
    """Where a bad file's first problem is: "path:line:column", or the folder of a rejected pack."""
    if isinstance(problem, errors.InvalidFileError):
        first = problem.diagnostics[0]
        return f"{first.path}:{first.line}:{first.column}"
    if isinstance(problem, errors.PackError):
        return str(problem.folder)
    return str(problem)


def last_good_note(problem: errors.ChecklistError) -> str:
    """What the app does instead of a bad checklist file that worked before."""
    when = problem.last_good_from
    day = format_date(when.astimezone().date()) if when is not None else "?"
    return _tr("Until %1 is fixed, its last good copy (checked on %2) stays in use.").replace(
        "%1", problem.path.name).replace("%2", day)


def checklist_problems(problems: Sequence[errors.PrivacyCheckupError]) -> UserMessage:
    """The bad files (checklists, a rejected office pack, the policy): which, where, and that the rest works."""
    files = sorted({problem_location(p).rsplit(":", 2)[0] if isinstance(p, errors.InvalidFileError)
                    else problem_location(p) for p in problems})
    what = (_tr("This file could not be used:") if len(files) == 1 else _tr("These files could not be used:"))
    details: list[str] = []
    for problem in problems:
        if isinstance(problem, errors.InvalidFileError):
            details.extend(str(d) for d in problem.diagnostics)
        else:
            details.append(f"{problem_location(problem)}: {problem}")
    policy_note = (_tr(" Your office's policy file could not be read, so the strictest settings apply until "
                       "it is fixed.") if any(isinstance(p, errors.PolicyError) for p in problems) else "")
    kept = [p for p in problems if isinstance(p, errors.ChecklistError) and p.last_good_from is not None]
    kept_note = "".join("\n" + last_good_note(p) for p in kept)
    return UserMessage(
        _tr("Some checklists could not be loaded"),
        what + "\n" + "\n".join(f"  \u2022 {name}" for name in files) + kept_note,
        _tr("Every other checklist works as usual.") + policy_note + " " + _tr(
            "If you maintain these files, fix the problems listed in the details (file:line:column) and "
            "restart; otherwise tell your IT contact."),
        "\n".join(details))


def locked_notes_hint(reason: str | None, fix: str | None) -> str:
    """The text a locked note box shows in place of the note."""
    return (_tr("Notes are locked. ") + (reason or _tr("Your system's keyring is locked or unavailable.")) + "\n"
            + (fix or _tr("Unlock your keyring, or use \u201cUnlock notes\u201d with your recovery key.")))


def message_box(parent: QWidget | None, message: UserMessage, icon: QMessageBox.Icon | None = None) -> QMessageBox:
    """A plain-text box with one OK button: nothing to lose by pressing Enter or Esc. The icon is a
    warning unless `icon` says otherwise."""
    from PySide6.QtWidgets import QMessageBox  # not before the first paint: its 9 enums cost 1 ms

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if icon is None else icon)
    box.setWindowTitle(message.title)
    make_plain(box)
    box.setText(message.what_happened)
    box.setInformativeText(message.what_to_do)
    plain_labels(box)
    if message.details:
        box.setDetailedText(message.details)
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.setAccessibleName(message.title)
    return box


def ask(parent: QWidget | None, title: str, question: str, explanation: str, act: str,
        decline: str | None = None) -> bool:
    """A plain-text question. Enter (the default), Esc and closing all decline; True only when the person
    clicks `act`. `decline` names the declining button (default: the platform's Cancel)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    make_plain(box)
    box.setText(question)
    box.setInformativeText(explanation)
    plain_labels(box)
    acting = box.addButton(act, QMessageBox.ButtonRole.AcceptRole)
    declining = (box.addButton(decline, QMessageBox.ButtonRole.RejectRole) if decline
                 else box.addButton(QMessageBox.StandardButton.Cancel))
    box.setDefaultButton(declining)
    box.setEscapeButton(declining)
    box.setAccessibleName(title)
    modal.run(box)
    return box.clickedButton() is acting


def plain_labels(box: QMessageBox) -> None:
    """QMessageBox's informative and detail labels do not follow setTextFormat: fix them to plain text."""
    for label in box.findChildren(QLabel):
        make_plain(label)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    modal.run(message_box(parent, describe(exc)))
