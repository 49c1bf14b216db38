"""App lock: after idle time (or Ctrl+L) the window shows only this screen.

A laptop left on a kitchen table shows no tenant's data. The password is
checked off the UI thread (scrypt) against the hash in the workspace.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.ui import theme

#: Events that count as the coach being at the laptop.
_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Restarting only when the timer has run a while keeps this cheap on mouse moves.
        if event.type() in _ACTIVITY and self.timer.remainingTime() < self.timer.interval() - 500:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """The only thing visible while locked: a password field and an Unlock button."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        self.icon = QLabel(self)
        self.icon.setPixmap(theme.icon("lock").pixmap(64, 64))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.icon)
        self.heading = QLabel(self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.explain = QLabel(self)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain.setWordWrap(True)
        outer.addWidget(self.explain)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(260)
        self.password.returnPressed.connect(self._submit)
        row.addWidget(self.password)
        self.button = QPushButton(self)
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        row.addWidget(self.button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {theme.attention_colour().name()};")
        outer.addWidget(self.message)
        outer.addStretch(3)
        self.hint = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("RenoDesk is locked"))
        self.explain.setText(self.tr("Enter your app-lock password to continue.")
                             + (f"\n{self.hint}" if self.hint else ""))
        self.password.setPlaceholderText(self.tr("App-lock password"))
        self.password.setAccessibleName(self.tr("App-lock password"))
        self.button.setText(self.tr("&Unlock"))

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self.retranslate()

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.password.setEnabled(True)
        self.button.setEnabled(True)
        self.password.setFocus()

    def refuse(self) -> None:
        self.password.setEnabled(True)
        self.button.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        self.message.setText(self.tr("That password is not right. Try again."))

    def _submit(self) -> None:
        self.password.setEnabled(False)
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking..."))
        self.unlock_requested.emit(self.password.text())
