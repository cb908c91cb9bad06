"""Saving an answer and showing the next setting, against building and painting a plain page with the
same widgets, in the same process and run.

    QT_QPA_PLATFORM=offscreen python -m bench.page_change

The app's side: the Done button's work (the answer saved durably in a real store, the run's state read
back, the next setting's page built, the bar updated) and the paint of the whole checkup. The baseline:
the same labels, buttons and note box as plain Qt widgets in a scroll area, built and painted at the
same size. The ratio is what the app's own work adds to a page change.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea, QWidget

SIZE = (1180, 760)


def plain_copy(page: QWidget | None) -> QScrollArea:
    """A page of plain Qt widgets holding what `page` holds: each label's text, each button's, the note box."""
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

    assert page is not None
    holder = QWidget()
    column = QVBoxLayout(holder)
    for child in page.findChildren(QWidget):
        if not child.isVisibleTo(page):
            continue
        if isinstance(child, QLabel):
            copy = QLabel(child.text())
            copy.setWordWrap(child.wordWrap())
            column.addWidget(copy)
        elif isinstance(child, QPushButton):
            column.addWidget(QPushButton(child.text()))
        elif isinstance(child, QPlainTextEdit):
            column.addWidget(QPlainTextEdit())
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(holder)
    return area


def measure(rounds: int = 15) -> tuple[float, float]:
    """Median seconds of (answer and next page painted, plain page of the same widgets built and painted)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="page-bench-") as tmp:
        os.environ["PRIVACY_CHECKUP_HOME"] = tmp
        from privacy_checkup.core.model import Persona
        from privacy_checkup.session.app_catalog import load_app_catalog
        from privacy_checkup.storage.keystore import MemoryKeyStore
        from privacy_checkup.storage.progress import AnswerState
        from privacy_checkup.ui.app import application, open_state
        from privacy_checkup.ui.screens.checkup.view import CheckupView

        app = application()
        state = open_state(load_app_catalog(), MemoryKeyStore())
        checklist = max(state.catalog.checklists, key=lambda c: len(c.items))
        state.store.set_persona(Persona.HIGH_PROFILE)
        state.store.set_platforms([checklist.id], state.now())
        state.store.set_onboarded()
        app_times: list[float] = []
        plain_times: list[float] = []
        while len(app_times) < rounds:
            view = CheckupView(state, checklist)  # a new review each pass: the last one was finished
            view.resize(*SIZE)
            view.show()
            app.processEvents()
            view.grab()
            while view.index < len(view.flow.items) - 1 and len(app_times) < rounds:
                started = time.perf_counter()
                view.give_answer(AnswerState.DONE)
                app.processEvents()
                view.grab()
                app_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                plain = plain_copy(view.page)
                plain.resize(*SIZE)
                plain.show()
                app.processEvents()
                plain.grab()
                plain_times.append(time.perf_counter() - started)
                plain.deleteLater()
            view.finish()
            view.deleteLater()
            app.processEvents()
        state.store.close()
    return statistics.median(app_times), statistics.median(plain_times)


def rows(rounds: int = 15) -> list[tuple[str, float, float, str]]:
    """Measured in a process of its own, on the offscreen platform: Qt stays out of the benchmark process."""
    import json
    import subprocess

    result = subprocess.run([sys.executable, "-m", "bench.page_change", "--json", str(rounds)], capture_output=True,
                            text=True, timeout=600, check=True, cwd=Path(__file__).resolve().parents[1],
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    answer, plain = json.loads(result.stdout.splitlines()[-1])
    return [("answer and next setting painted (ms)", answer * 1000, plain * 1000, "<= 1.5")]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--json"]:
        import json

        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        answered, built = measure()
        print(f"answer and next setting: {answered * 1000:.1f} ms; plain page of the same widgets: "
              f"{built * 1000:.1f} ms; ratio {answered / built:.2f}")
