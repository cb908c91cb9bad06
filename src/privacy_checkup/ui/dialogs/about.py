"""Help > About: version, promises, where data lives."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from privacy_checkup import APP_NAME, __version__
from privacy_checkup.storage import paths
from privacy_checkup.ui.look import icons
from privacy_checkup.ui.widgets.layout import button
from privacy_checkup.ui.widgets.safe_text import icon_label, plain_label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        logo = icon_label(icons.app_icon().pixmap(48, 48), self.tr("Privacy Checkup logo"), self)
        layout.addWidget(logo)
        layout.addWidget(plain_label(f"{APP_NAME} {__version__}", self, role="title"))
        layout.addWidget(plain_label(self.tr(
            "A guided, offline privacy checkup for your social-media accounts. No account, no network, "
            "no tracking. Notes are encrypted with a key in your system's keyring."), self, role="body"))
        layout.addWidget(plain_label(self.tr("Your progress is stored in:"), self, role="small"))
        layout.addWidget(plain_label(str(paths.store_path()), self, role="small", selectable=True))
        layout.addWidget(plain_label(self.tr("Licence: GPL-3.0-or-later"), self, role="small"))
        row = QHBoxLayout()
        row.addStretch(1)
        close = button(self.tr("&Close"), self, kind="primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
