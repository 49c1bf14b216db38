"""Looks: follow the system's light or dark scheme; crisp icons at any scale.

Icons are simple SVG line drawings in resources/icons drawn with
``currentColor``; they are coloured from the palette when loaded, so they read
well on light and dark backgrounds and stay sharp on high-DPI screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from renodesk.paths import resources_dir

_SIZES = (16, 24, 32, 48, 64)


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def apply(app: QApplication) -> None:
    """Fusion style with a palette that matches the system scheme; follows changes."""
    app.setStyle("Fusion")
    _set_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _set_palette(app))


def _set_palette(app: QApplication) -> None:
    palette = app.style().standardPalette()
    if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        palette = _dark_palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f6f8b"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    icon.cache_clear()


def _dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for which, colour in (
        (role.Window, "#22262b"), (role.WindowText, "#e8eaed"), (role.Base, "#1a1d21"),
        (role.AlternateBase, "#262a30"), (role.Text, "#e8eaed"), (role.Button, "#2c3137"),
        (role.ButtonText, "#e8eaed"), (role.ToolTipBase, "#2c3137"), (role.ToolTipText, "#e8eaed"),
        (role.PlaceholderText, "#9aa0a6"), (role.Link, "#8ab4f8"), (role.BrightText, "#ff8a80"),
    ):
        palette.setColor(which, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7f858c"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7f858c"))
    return palette


def attention_colour() -> QColor:
    """Colour for things that need the coach's attention (overdue, conflicts)."""
    return QColor("#ff8a80") if is_dark() else QColor("#b3261e")


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the palette's text colour."""
    path = resources_dir() / "icons" / f"{name}.svg"
    svg = path.read_text("utf-8")
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
