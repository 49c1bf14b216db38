"""Synchronisatie, for teams with a server: "Oude wijzigingen op de server opruimen".

The box says what cleaning up does, and afterwards what was removed or why nothing
could be removed yet: which laptops have not fetched the newest changes, by name and
when the server last saw them. The page runs the work (a sync, then the snapshot).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from renodesk.sync.server_client import Compaction, WaitingDevice


class ServerTidyBox(QGroupBox):
    """An explanation, the button and the last result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Old changes on the server"))
        self.setObjectName("serverTidy")
        explanation = QLabel(self.tr(
            "The server keeps every change until all laptops of the team have fetched it. "
            "Cleaning up first syncs this laptop. Then it puts a summary of the team's data "
            "on the server, encrypted like everything there. The server then removes the "
            "old changes that every laptop already has. New laptops start from the summary. "
            "RenoDesk also does this by itself about once a week."), self)
        explanation.setWordWrap(True)
        self.button = QPushButton(self.tr("Clean up old changes on the server"), self)
        self.button.setObjectName("serverTidyButton")
        self.result = QLabel(self)
        self.result.setObjectName("serverTidyResult")
        self.result.setWordWrap(True)
        self.result.hide()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def show_result(self, done: Compaction) -> None:
        self.result.setText(self.result_text(done))
        self.result.show()

    def result_text(self, done: Compaction) -> str:
        """What was removed, and which laptops the server still waits for."""
        lines = []
        if done.pruned:
            lines.append(self.tr("Cleaned up: %n old change file(s) removed from the server.",
                                 "", done.pruned))
        elif not done.waiting:
            lines.append(self.tr("Nothing to remove: the server holds no old changes that "
                                 "every laptop has fetched."))
        if done.waiting:
            lines.append(self.tr("Some old changes stay until these laptops have fetched "
                                 "the newest changes:") if done.pruned else
                         self.tr("Nothing could be removed yet. The server waits until these "
                                 "laptops have fetched the newest changes:"))
            lines += [f"• {self._device(device)}" for device in done.waiting]
            lines.append(self.tr("Ask these colleagues to sync. A laptop the server has not "
                                 "seen for 180 days no longer holds the clean-up back; when "
                                 "it returns, it starts from the summary and keeps what was "
                                 "typed on it."))
        return "\n".join(lines)

    def _device(self, device: WaitingDevice) -> str:
        seen = (device.last_seen_at.astimezone().strftime("%d-%m-%Y %H:%M")
                if device.last_seen_at else self.tr("never"))
        return (self.tr("%1 (%2), last seen %3").replace("%1", device.name)
                .replace("%2", device.user).replace("%3", seen))
