"""Help menu and About dialog: the one version number and the licences of what is bundled.

The version comes from the package metadata (``renodesk.__version__``), the same number
the installer, the AppStream metainfo and ``renodesk --version`` show.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk import __version__
from renodesk.paths import licences_dir


@dataclass(frozen=True)
class Component:
    """A bundled piece of software: its name, where its version comes from, its licence."""

    name: str
    licence: str
    distribution: str = ""  # importlib.metadata name, when the version is known that way


# What the installers ship besides RenoDesk itself. Licence names are SPDX identifiers.
COMPONENTS: tuple[Component, ...] = (
    Component("Python", "PSF-2.0"),
    Component("Qt 6", "LGPL-3.0-only"),
    Component("PySide6 (Qt for Python)", "LGPL-3.0-only", "PySide6"),
    Component("SQLCipher", "BSD-3-Clause"),
    Component("SQLite", "blessing (public domain)"),
    Component("sqlcipher3", "Zlib", "sqlcipher3"),
    Component("OpenSSL", "Apache-2.0"),
    Component("SQLAlchemy", "MIT", "SQLAlchemy"),
    Component("Alembic", "MIT", "alembic"),
    Component("Mako", "MIT", "Mako"),
    Component("ReportLab", "BSD-3-Clause", "reportlab"),
    Component("rl_accel (ReportLab speed-ups)", "BSD-3-Clause", "rl_accel"),
    Component("python-bidi", "LGPL-3.0-or-later", "python-bidi"),
    Component("arabic-reshaper", "MIT", "arabic-reshaper"),
    Component("Pillow", "MIT-CMU", "pillow"),
    Component("DejaVu fonts", "Bitstream-Vera AND Arev"),
    Component("keyring", "MIT", "keyring"),
    Component("SecretStorage", "BSD-3-Clause", "SecretStorage"),
    Component("jeepney", "MIT", "jeepney"),
    Component("cryptography", "Apache-2.0 OR BSD-3-Clause", "cryptography"),
    Component("cffi", "MIT-0", "cffi"),
    Component("platformdirs", "MIT", "platformdirs"),
    Component("openpyxl", "MIT", "openpyxl"),
    Component("httpx", "BSD-3-Clause", "httpx"),
    Component("httpcore", "BSD-3-Clause", "httpcore"),
    Component("certifi", "MPL-2.0", "certifi"),
    Component("idna", "BSD-3-Clause", "idna"),
)


def component_version(component: Component) -> str:
    """The installed version of ``component``, or an empty string when unknown."""
    if component.name == "Python":
        return ".".join(str(part) for part in sys.version_info[:3])
    if component.name == "Qt 6":
        from PySide6.QtCore import qVersion

        return str(qVersion())
    if component.name == "SQLCipher":
        return sqlcipher_version()
    if not component.distribution:
        return ""
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return ""


def sqlcipher_version() -> str:
    """The SQLCipher library linked into sqlcipher3 (e.g. ``4.6.1 community``)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return ""
    connection = dbapi2.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    return str(row[0]) if row else ""


class AboutDialog(QDialog):
    """RenoDesk's version and licence, and a table of the bundled components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About RenoDesk"))
        self.setMinimumSize(620, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>RenoDesk {__version__}</h2>", self)
        heading.setObjectName("aboutVersion")
        layout.addWidget(heading)
        intro = QLabel(self.tr(
            "The desktop tool of the tenant coach during a renovation. RenoDesk is free "
            "software under the GNU General Public License, version 3 or later."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Bundled components and their licences:"), self))
        self.table = QTableWidget(len(COMPONENTS), 3, self)
        self.table.setObjectName("components")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Bundled components and their licences"))
        for row, component in enumerate(COMPONENTS):
            for column, text in enumerate(
                    (component.name, component_version(component), component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        # One line a row: rows were sized before the columns and wrapped the long names.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        notice = QLabel(self.tr(
            "The Qt libraries are separate files in the program folder; under the LGPL you "
            "may replace them with your own build. The full licence texts are in: %1")
            .replace("%1", str(licences_dir())), self)
        notice.setWordWrap(True)
        notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_licences = QPushButton(self.tr("Open licence texts"), self)
        self.open_licences.clicked.connect(self._show_licences)
        buttons.addButton(self.open_licences, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_licences(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(licences_dir())))


class HelpMenu(QMenu):
    """The Help menu of the main window; sets its own texts again when the language changes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpMenu")
        self.act_about = QAction(self)
        self.act_about.setObjectName("about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)
        self.addAction(self.act_about)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About RenoDesk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_about(self) -> None:
        AboutDialog(self.parentWidget()).exec()
