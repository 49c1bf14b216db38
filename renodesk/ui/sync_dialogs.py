"""Dialogs of the sync page: set up or join a team in a folder, enrol with a server.

The work runs in the background through the runner; a refusal (wrong passphrase, used
code, unreachable server) stays in the dialog in plain words so the coach can correct it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace
    from renodesk.ui.worker import Runner


def error_text(error: BaseException) -> str:
    """What a failed piece of work says to the coach."""
    from renodesk.core.errors import RenoDeskError

    return error.message() if isinstance(error, RenoDeskError) else str(error)


class WorkDialog(QDialog):
    """A form whose OK runs background work and shows a refusal in the dialog."""

    def __init__(self, runner: Runner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.result_value: Any = None
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c; font-weight: 600;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _password(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def check(self) -> str | None:
        """A problem with what was typed (already translated), or None."""
        return None

    def work(self, ws: Workspace) -> Any:
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _start(self) -> None:
        problem = self.check()
        if problem:
            self.show_error(problem)
            return
        self.buttons.setEnabled(False)
        self.error.hide()
        self.runner.write(self.work, self._done)

    def _done(self, result: Any, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            self.show_error(error_text(error))
            return
        self.result_value = result
        self.accept()


class TeamDialog(WorkDialog):
    """Set up a new team in a shared folder, or join the team in one."""

    def __init__(self, runner: Runner, create: bool, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.creating = create  # not "create": that is a QWidget method
        self.setWindowTitle(self.tr("Set up a team") if create else self.tr("Join a team"))
        self.folder = QLineEdit(self)
        self.folder.setObjectName("teamFolder")
        browse = QPushButton(self.tr("Choose..."), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Shared folder:"), row)
        self.name = QLineEdit(self.tr("Team"), self)
        if create:
            self.form.addRow(self.tr("Team name:"), self.name)
        self.passphrase = self._password()
        self.passphrase.setObjectName("teamPassphrase")
        self.form.addRow(self.tr("Team passphrase:"), self.passphrase)
        self.again = self._password()
        if create:
            self.form.addRow(self.tr("Passphrase again:"), self.again)
        hint = QLabel(self.tr(
            "Use a network drive or a OneDrive, SharePoint or Nextcloud folder that every "
            "coach of the team can open. Only encrypted files are written there.")
            if create else self.tr(
            "Choose the folder your team lead set up and type the team passphrase. "
            "You only need to do this once."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"))
        if chosen:
            self.folder.setText(chosen)

    def check(self) -> str | None:
        if not self.folder.text().strip():
            return self.tr("Choose the shared folder.")
        if not self.passphrase.text():
            return self.tr("Type the team passphrase.")
        if self.creating and self.again.text() != self.passphrase.text():
            return self.tr("The two passphrases are not the same.")
        return None

    def work(self, ws: Workspace) -> Any:
        from renodesk.sync import folder_sync
        from renodesk.sync.server_transport import secret_store

        folder = Path(self.folder.text().strip()).expanduser()
        if self.creating:
            return folder_sync.create_folder_team(ws, secret_store(ws), folder,
                                                  self.name.text(), self.passphrase.text())
        return folder_sync.join_folder_team(ws, secret_store(ws), folder,
                                            self.passphrase.text())


class EnrolDialog(WorkDialog):
    """Enrol this laptop with a server: address, one-time code, password; for a team
    without a shared folder also the team passphrase."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("Connect to a sync server"))
        self.url = QLineEdit(self)
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://sync.example.org")
        self.code = QLineEdit(self)
        self.code.setObjectName("enrolCode")
        self.password = self._password()
        self.password.setObjectName("serverPassword")
        self.passphrase = self._password()
        self.passphrase.setObjectName("teamPassphrase")
        self.form.addRow(self.tr("Server address:"), self.url)
        self.form.addRow(self.tr("Enrolment code:"), self.code)
        self.form.addRow(self.tr("Your password:"), self.password)
        self.form.addRow(self.tr("Team passphrase:"), self.passphrase)
        hint = QLabel(self.tr(
            "The administrator gives you the address and a one-time code. The team "
            "passphrase is only needed when your team does not also use a shared folder."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.enrolled = False

    def check(self) -> str | None:
        if not self.enrolled and not (self.url.text().strip() and self.code.text().strip()
                                      and self.password.text()):
            return self.tr("Fill in the server address, the code and your password.")
        return None

    def work(self, ws: Workspace) -> Any:
        from renodesk.sync import server_sync
        from renodesk.sync.server_transport import secret_store

        store = secret_store(ws)
        if not self.enrolled:
            result = server_sync.enrol(ws, store, self.url.text(), self.code.text(),
                                       self.password.text())
            # The code is used up now: a wrong team passphrase below is tried again
            # without enrolling a second time.
            self.enrolled = True
            if not result.needs_team_passphrase:
                return result
        return server_sync.connect_server_team(ws, store, self.passphrase.text())

    def _done(self, result: Any, error: BaseException | None) -> None:
        if self.enrolled:
            for field in (self.url, self.code, self.password):
                field.setEnabled(False)
        super()._done(result, error)
