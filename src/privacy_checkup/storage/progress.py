"""The progress store: profile, reviews and the append-only answer history, saved durably at once."""

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import NamedTuple, Self

from privacy_checkup.core.errors import UnknownReviewError
from privacy_checkup.core.model import Persona, Surface
from privacy_checkup.storage.database import Database, from_db_time, to_db_time
from privacy_checkup.storage.note_records import NoteRecords


class AnswerState(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    NOT_APPLICABLE = "not_applicable"


class Answer(NamedTuple):
    checklist_id: str
    item_id: str
    item_revision: int
    state: AnswerState
    answered_at: dt.datetime  # timezone-aware UTC
    review_id: int = 0        # the review it was given in


class AnswerEvent(NamedTuple):
    """One row of an item's history; `state` None means the answer was cleared ("undo")."""

    review_id: int
    item_revision: int
    state: AnswerState | None
    at: dt.datetime


class Review(NamedTuple):
    id: int
    checklist_id: str
    checklist_version: int
    started_at: dt.datetime
    completed_at: dt.datetime | None


class Profile(NamedTuple):
    persona: Persona
    platforms: tuple[str, ...]  # chosen checklist ids, in the user's order
    surfaces: dict[str, Surface]  # checklist id -> the device the user uses it on
    onboarded: bool
    chosen_at: Mapping[str, dt.datetime] = MappingProxyType({})  # checklist id -> when the person chose it


class ChecklistSummary(NamedTuple):
    checklist_id: str
    last_completed: Review | None
    open_review: Review | None
    answered_items: int  # items whose newest answer (any review) is not cleared
    answered_in_open_review: int  # of those, answered during the open review


_REVIEW_COLUMNS = "id, checklist_id, checklist_version, started_at, completed_at"


def _review(row: sqlite3.Row | tuple[int, str, int, str, str | None]) -> Review:
    return Review(int(row[0]), str(row[1]), int(row[2]), from_db_time(row[3]),
                  from_db_time(row[4]) if row[4] is not None else None)


class ProgressStore:
    """Everything the user did, in one SQLite file; each write is durable when the call returns."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.notes = NoteRecords(db)

    @classmethod
    def open(cls, path: Path, check_beside: bool = False) -> Self:
        """Create (folder 0700, file 0600) or open the store, check its integrity and migrate it
        (`check_beside`: Database.open)."""
        return cls(Database.open(path, check_beside))

    def confirm_intact(self) -> None:
        """Raises CorruptStoreError when the integrity check found the store damaged (Database)."""
        self._db.confirm_intact()

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # profile

    def profile(self) -> Profile:
        with self._db.read() as conn:
            persona, onboarded = conn.execute("SELECT persona, onboarded FROM profile WHERE id = 1").fetchone()
            rows = conn.execute("SELECT checklist_id, chosen_at FROM platforms ORDER BY position").fetchall()
            surfaces = {row[0]: Surface(row[1]) for row in conn.execute("SELECT checklist_id, surface FROM surfaces")}
        return Profile(Persona(persona), tuple(row[0] for row in rows), surfaces, bool(onboarded),
                       {row[0]: from_db_time(row[1]) for row in rows if row[1] is not None})

    def set_persona(self, persona: Persona) -> None:
        with self._db.write() as conn:
            conn.execute("UPDATE profile SET persona = ? WHERE id = 1", (Persona(persona).value,))

    def set_platforms(self, checklist_ids: Sequence[str], now: dt.datetime) -> None:
        """The chosen platforms, in the person's order. A platform kept keeps the moment it was chosen; one
        newly chosen (or chosen again after it was removed) is chosen `now`."""
        if len(set(checklist_ids)) != len(checklist_ids):
            raise ValueError(f"platforms listed twice: {list(checklist_ids)}")
        chosen = to_db_time(now)
        with self._db.write() as conn:
            kept = dict(conn.execute("SELECT checklist_id, chosen_at FROM platforms").fetchall())
            conn.execute("DELETE FROM platforms")
            conn.executemany("INSERT INTO platforms (checklist_id, position, chosen_at) VALUES (?, ?, ?)",
                             [(checklist_id, position, kept.get(checklist_id) or chosen)
                              for position, checklist_id in enumerate(checklist_ids)])

    def set_surface(self, checklist_id: str, surface: Surface) -> None:
        with self._db.write() as conn:
            conn.execute("INSERT INTO surfaces (checklist_id, surface) VALUES (?, ?) "
                         "ON CONFLICT (checklist_id) DO UPDATE SET surface = excluded.surface",
                         (checklist_id, Surface(surface).value))

    def set_onboarded(self) -> None:
        with self._db.write() as conn:
            conn.execute("UPDATE profile SET onboarded = 1 WHERE id = 1")

    # reviews

    def start_review(self, checklist_id: str, checklist_version: int, now: dt.datetime) -> Review:
        """A new review, or the open one for this checklist if there is one (checkups are resumable)."""
        started = to_db_time(now)
        with self._db.write() as conn:
            row = conn.execute(f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE checklist_id = ? "  # noqa: S608
                               "AND completed_at IS NULL ORDER BY id DESC LIMIT 1", (checklist_id,)).fetchone()
            if row is not None:
                return _review(row)
            cursor = conn.execute("INSERT INTO reviews (checklist_id, checklist_version, started_at) VALUES (?, ?, ?)",
                                  (checklist_id, checklist_version, started))
            review_id = cursor.lastrowid
        assert review_id is not None
        return Review(review_id, checklist_id, checklist_version, from_db_time(started), None)

    def open_review(self, checklist_id: str) -> Review | None:
        with self._db.read() as conn:
            row = conn.execute(f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE checklist_id = ? "  # noqa: S608
                               "AND completed_at IS NULL ORDER BY id DESC LIMIT 1", (checklist_id,)).fetchone()
        return _review(row) if row is not None else None

    def review(self, review_id: int) -> Review:
        with self._db.read() as conn:
            return self._review_by_id(conn, review_id)

    def complete_review(self, review_id: int, now: dt.datetime) -> Review:
        """Marks the review complete; completing it again keeps the first completion time."""
        completed = to_db_time(now)
        with self._db.write() as conn:
            self._review_by_id(conn, review_id)
            conn.execute("UPDATE reviews SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
                         (completed, review_id))
            return self._review_by_id(conn, review_id)

    def last_completed_review(self, checklist_id: str) -> Review | None:
        with self._db.read() as conn:
            row = conn.execute(f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE checklist_id = ? "  # noqa: S608
                               "AND completed_at IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1",
                               (checklist_id,)).fetchone()
        return _review(row) if row is not None else None

    @staticmethod
    def _review_by_id(conn: sqlite3.Connection, review_id: int) -> Review:
        row = conn.execute(f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id = ?",  # noqa: S608
                           (review_id,)).fetchone()
        if row is None:
            raise UnknownReviewError(f"There is no review {review_id} in the progress store.")
        return _review(row)

    # answers

    def record_answer(self, review_id: int, item_id: str, item_revision: int, state: AnswerState,
                      now: dt.datetime) -> Answer:
        """Appends the answer to the item's history; durable when this returns."""
        state = AnswerState(state)
        checklist_id = self._append_answer(review_id, item_id, item_revision, state.value, now)
        return Answer(checklist_id, item_id, item_revision, state, from_db_time(to_db_time(now)), review_id)

    def clear_answer(self, review_id: int, item_id: str, now: dt.datetime) -> None:
        """"Undo": appends a row meaning "unanswered", keeping the revision of the answer it clears."""
        self._append_answer(review_id, item_id, None, None, now)

    def _append_answer(self, review_id: int, item_id: str, item_revision: int | None, state: str | None,
                       now: dt.datetime) -> str:
        at = to_db_time(now)
        with self._db.write() as conn:
            checklist_id = self._review_by_id(conn, review_id).checklist_id
            if item_revision is None:
                row = conn.execute("SELECT a.item_revision FROM answer_current AS c JOIN answers AS a "
                                   "ON a.id = c.answer_id WHERE c.checklist_id = ? AND c.item_id = ?",
                                   (checklist_id, item_id)).fetchone()
                item_revision = int(row[0]) if row is not None else 0
            cursor = conn.execute(
                "INSERT INTO answers (review_id, checklist_id, item_id, item_revision, state, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?)", (review_id, checklist_id, item_id, item_revision, state, at))
            conn.execute(
                "INSERT INTO answer_current (checklist_id, item_id, answer_id, review_id, state) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (checklist_id, item_id) DO UPDATE SET answer_id = excluded.answer_id, "
                "review_id = excluded.review_id, state = excluded.state",
                (checklist_id, item_id, cursor.lastrowid, review_id, state))
        return checklist_id

    def latest_answers(self, checklist_id: str) -> dict[str, Answer]:
        """Item id -> its newest answer in any review; cleared items are left out."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT a.item_id, a.item_revision, a.state, a.answered_at, a.review_id FROM answer_current AS c "
                "JOIN answers AS a ON a.id = c.answer_id WHERE c.checklist_id = ? AND c.state IS NOT NULL",
                (checklist_id,)).fetchall()
        return {row[0]: Answer(checklist_id, row[0], int(row[1]), AnswerState(row[2]), from_db_time(row[3]),
                               int(row[4])) for row in rows}

    def answer_history(self, checklist_id: str, item_id: str) -> list[Answer]:
        """Every answer given to the item, oldest first (clears are in `answer_events`)."""
        return [Answer(checklist_id, item_id, event.item_revision, event.state, event.at, event.review_id)
                for event in self.answer_events(checklist_id, item_id) if event.state is not None]

    def answer_events(self, checklist_id: str, item_id: str) -> list[AnswerEvent]:
        with self._db.read() as conn:
            rows = conn.execute("SELECT review_id, item_revision, state, answered_at FROM answers "
                                "WHERE checklist_id = ? AND item_id = ? ORDER BY id",
                                (checklist_id, item_id)).fetchall()
        return [AnswerEvent(int(row[0]), int(row[1]), AnswerState(row[2]) if row[2] is not None else None,
                            from_db_time(row[3])) for row in rows]

    def summaries(self) -> dict[str, ChecklistSummary]:
        """Per checklist with a review or chosen as a platform: what the dashboard shows, in one snapshot."""
        with self._db.read() as conn:
            completed = {row[1]: _review(row) for row in conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews AS r WHERE completed_at IS NOT NULL "  # noqa: S608
                "AND id = (SELECT id FROM reviews WHERE checklist_id = r.checklist_id AND completed_at IS NOT NULL "
                "ORDER BY completed_at DESC, id DESC LIMIT 1)")}
            open_reviews = {row[1]: _review(row) for row in conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE completed_at IS NULL ORDER BY id")}  # noqa: S608
            counts = {row[0]: (int(row[1]), int(row[2])) for row in conn.execute(
                "SELECT c.checklist_id, count(*), "
                "count(CASE WHEN c.review_id = (SELECT max(id) FROM reviews WHERE checklist_id = c.checklist_id "
                "AND completed_at IS NULL) THEN 1 END) "
                "FROM answer_current AS c WHERE c.state IS NOT NULL GROUP BY c.checklist_id")}
            platforms = [row[0] for row in conn.execute("SELECT checklist_id FROM platforms ORDER BY position")]
        ids = dict.fromkeys([*platforms, *sorted({*completed, *open_reviews, *counts})])
        return {checklist_id: ChecklistSummary(checklist_id, completed.get(checklist_id),
                                               open_reviews.get(checklist_id), *counts.get(checklist_id, (0, 0)))
                for checklist_id in ids}

    # settings

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else default

    def set_setting(self, key: str, value: str) -> None:
        with self._db.write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
