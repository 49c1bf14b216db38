"""Replacing the team key after a lost laptop, and typing the new team passphrase.

``TeamKeyActions`` gives the sync page its two buttons and asks for the new passphrase
once when a sync finds that the key was replaced on another laptop (automatic syncs do
not ask again; the button stays until it is done). The work itself is in
``renodesk.sync.rotation``; these dialogs only collect what the coach types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from renodesk.ui.sync_dialogs import WorkDialog, error_text

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace
    from renodesk.sync.rotation import TeamDevice
    from renodesk.ui.worker import Runner

#: The problem a sync reports when team.json holds a newer key than this laptop.
KEY_REPLACED = "sync.error.team_key_replaced"


class RotateKeyDialog(WorkDialog):
    """A new team passphrase (twice) and, optionally, the lost laptop to take out."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("Replace the team key"))
        intro = QLabel(self.tr(
            "Is a laptop of the team lost or stolen? Then replace the team key. The lost "
            "laptop can then read nothing new, and what it still writes is not used. "
            "Colleagues type the new team passphrase once, at their next sync."), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.passphrase = self._password()
        self.passphrase.setObjectName("newTeamPassphrase")
        self.again = self._password()
        self.again.setObjectName("newTeamPassphraseAgain")
        self.form.addRow(self.tr("New team passphrase:"), self.passphrase)
        self.form.addRow(self.tr("Passphrase again:"), self.again)
        self.devices = QListWidget(self)
        self.devices.setObjectName("teamDevices")
        self.devices.setMinimumHeight(110)
        self.form.addRow(QLabel(self.tr("Take the lost laptop out of the team (optional):"),
                                self))
        self.form.addRow(self.devices)
        hint = QLabel(self.tr(
            "Laptops are shown by a code and when they were last seen: the lost laptop "
            "is usually the one that has not synced since it went missing. Give "
            "colleagues the new passphrase in person or by phone, not by e-mail."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.setMinimumWidth(480)
        runner.read(self._load_devices, self._devices_loaded)

    @staticmethod
    def _load_devices(ws: Workspace) -> list[TeamDevice]:
        from renodesk.sync.rotation import team_devices
        from renodesk.sync.server_transport import secret_store
        from renodesk.sync.team import current_team

        team = current_team(ws, secret_store(ws))
        return [] if team is None else team_devices(ws, team)

    def _devices_loaded(self, devices: list[TeamDevice] | None,
                        error: BaseException | None) -> None:
        if error is not None:
            self.show_error(error_text(error))
            return
        for device in devices or []:
            seen = (device.last_seen.strftime("%d-%m-%Y %H:%M") if device.last_seen
                    else self.tr("never"))
            text = self.tr("Laptop %1, last seen %2").replace("%1", device.short).replace(
                "%2", seen)
            if device.this_laptop:
                text += " " + self.tr("(this laptop)")
            elif device.revoked:
                text += " " + self.tr("(already taken out)")
            item = QListWidgetItem(text, self.devices)
            item.setData(Qt.ItemDataRole.UserRole, device.device_id)
            if device.this_laptop or device.revoked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)

    def revoked(self) -> list[str]:
        """The device ids ticked to be taken out of the team."""
        found = []
        for row in range(self.devices.count()):
            item = self.devices.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def check(self) -> str | None:
        if not self.passphrase.text():
            return self.tr("Type the new team passphrase.")
        if self.again.text() != self.passphrase.text():
            return self.tr("The two passphrases are not the same.")
        return None

    def work(self, ws: Workspace) -> Any:
        from renodesk.sync.server_transport import secret_store
        from renodesk.sync.service import rotate_team_key

        return rotate_team_key(ws, secret_store(ws), self.passphrase.text(), self.revoked())


class NewKeyDialog(WorkDialog):
    """The team key was replaced on another laptop: type the new team passphrase."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("New team passphrase"))
        intro = QLabel(self.tr(
            "A colleague replaced the team key, for example because a laptop was lost. "
            "Type the new team passphrase; you only need to do this once. Until then you "
            "can go on working: your changes are kept and go along afterwards."), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.passphrase = self._password()
        self.passphrase.setObjectName("teamPassphrase")
        self.form.addRow(self.tr("New team passphrase:"), self.passphrase)
        self.setMinimumWidth(420)

    def check(self) -> str | None:
        return None if self.passphrase.text() else self.tr("Type the new team passphrase.")

    def work(self, ws: Workspace) -> Any:
        from renodesk.sync.folder_sync import take_up_new_key
        from renodesk.sync.server_transport import secret_store

        return take_up_new_key(ws, secret_store(ws), self.passphrase.text())


class TeamKeyActions(QObject):
    """The sync page's team-key buttons, and asking once for a replaced key."""

    def __init__(self, page: QWidget, runner: Runner, buttons: QGridLayout,
                 refresh: Callable[[], None], sync: Callable[[], None]) -> None:
        super().__init__(page)
        self.page = page
        self.runner = runner
        self.refresh = refresh
        self.sync = sync
        self.asked = False
        self.rotate_button = QPushButton(self.tr("Replace team key..."), page)
        self.rotate_button.setObjectName("rotateTeamKey")
        self.rotate_button.setToolTip(self.tr("After a lost or stolen laptop"))
        self.rotate_button.clicked.connect(self.rotate)
        self.rotate_button.hide()  # shown by the page for a team in a shared folder
        self.new_key_button = QPushButton(self.tr("Type the new team passphrase..."), page)
        self.new_key_button.setObjectName("newTeamKey")
        self.new_key_button.clicked.connect(self.take_up)
        self.new_key_button.hide()
        row = buttons.rowCount()
        buttons.addWidget(self.rotate_button, row, 0)
        buttons.addWidget(self.new_key_button, row, 1)

    def rotate(self) -> None:
        if RotateKeyDialog(self.runner, self.page).exec():
            self.refresh()

    def take_up(self) -> None:
        if NewKeyDialog(self.runner, self.page).exec():
            self.new_key_button.hide()
            self.asked = False
            self.refresh()
            self.sync()

    def after_sync(self, problems: Sequence[BaseException]) -> None:
        """Show the button when the key was replaced elsewhere; ask only the first time."""
        replaced = any(getattr(p, "key", None) == KEY_REPLACED for p in problems)
        self.new_key_button.setVisible(replaced)
        if replaced and not self.asked:
            self.asked = True
            self.take_up()
