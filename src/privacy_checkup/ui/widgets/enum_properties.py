"""Qt enum and flag properties set by their key names, for the widgets drawn before the first paint.

The first use of anything in PySide6's `Qt` namespace, or of a call with an overload that takes one of
its enums, makes PySide6 build all 93 of them as Python enums: 14 ms, about a tenth of the app's own
start-up on the 2-core bench machine (README, "Benchmarks"). Qt's property system takes an enum by its
key name, as Qt Designer's .ui files give it, without those Python enums. Code that runs after the
first paint uses `Qt.` as usual; tests/ui/test_startup_path.py keeps the namespace off the way there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum_property(target: QObject, name: str, keys: str) -> None:
    """Set `target`'s enum or flags property `name` to `keys` ("PlainText", "AlignLeft|AlignTop").

    Raises ValueError when Qt refuses it (no such property, or a key it does not have), so that a typo
    can never quietly leave a default in place, such as a label's automatic rich text."""
    if not target.setProperty(name, keys):
        raise ValueError(f"{type(target).__name__} has no enum property {name!r} that takes {keys!r}")
