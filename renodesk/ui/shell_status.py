"""The main window's status bar: online or offline, the last sync, and how many changes
wait until the team's folder or server has them.

Its texts keep the translation context ``MainWindow`` (hence the explicit
``QCoreApplication.translate``): they are the shell's words, translated with it. Like
the window, it imports no data layer until the workspace is read.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QStatusBar

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace
    from renodesk.ui.worker import Runner

#: Meta key the sync engine writes after a successful sync (ISO date-time).
META_LAST_SYNC = "last_sync_at"


def _status_counts(ws: Workspace) -> tuple[int, str | None, bool]:
    from renodesk.sync.service import unsynced

    # Changes count as synced only once the team's folder or server has them.
    in_team = bool(ws.meta("sync_team_id") or ws.meta("server_url"))
    return unsynced(ws), ws.meta(META_LAST_SYNC), in_team


class SyncStatus(QObject):
    """Three labels at the right of the status bar, kept up to date."""

    def __init__(self, runner: Runner, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.runner = runner
        self.unsynced = 0
        self.last_sync: str | None = None
        #: Whether this laptop syncs with a team at all (a shared folder or a server).
        self.in_team = True
        self.network_label = QLabel(bar)
        self.sync_label = QLabel(bar)
        self.unsynced_label = QLabel(bar)
        self.unsynced_label.setObjectName("unsyncedCount")
        for label in (self.network_label, self.sync_label, self.unsynced_label):
            bar.addPermanentWidget(label)
        self._network = self._watch_network()

    def _watch_network(self) -> Any:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return None
        info = QNetworkInformation.instance()
        info.reachabilityChanged.connect(lambda _r: self.show_texts())
        return info

    def refresh(self) -> None:
        """Count the changes not yet synced (in the background) and show them."""
        if not self.runner.has_workspace:
            return

        def shown(result: tuple[int, str | None, bool] | None,
                  error: BaseException | None) -> None:
            if result is not None:
                self.unsynced, self.last_sync, self.in_team = result
                self.show_texts()

        self.runner.read(_status_counts, shown)

    def show_texts(self) -> None:
        """Set the labels from what is known, in the current language."""
        from PySide6.QtNetwork import QNetworkInformation

        info = self._network
        online = info is not None and info.reachability() == QNetworkInformation.Reachability.Online
        self.network_label.setText(QCoreApplication.translate("MainWindow", "Online") if online
                                   else QCoreApplication.translate("MainWindow", "Offline"))
        self.network_label.setAccessibleName(self.network_label.text())
        if not self.in_team:
            self.sync_label.setText(QCoreApplication.translate(
                "MainWindow", "No team yet: see Synchronisation"))
        elif self.last_sync:
            when = datetime.fromisoformat(self.last_sync)
            self.sync_label.setText(QCoreApplication.translate(
                "MainWindow", "Last sync: %1").replace("%1", when.strftime("%d-%m-%Y %H:%M")))
        else:
            self.sync_label.setText(
                QCoreApplication.translate("MainWindow", "Not synchronised yet"))
        self.unsynced_label.setText(QCoreApplication.translate(
            "MainWindow", "%n change(s) not synchronised", "", self.unsynced))
        self.unsynced_label.setAccessibleName(self.unsynced_label.text())
