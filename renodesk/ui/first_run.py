"""First run: a short wizard — organisation, coach, app-lock password, where the workspace
lives, and a passphrase where the system keyring cannot keep the key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from renodesk.paths import Paths
from renodesk.security import applock

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace

MIN_PASSPHRASE = 8  # as renodesk.security.keys.MIN_PASSPHRASE; kept here to avoid importing it
#: The languages of the window, each named in itself (the choice is for whoever reads it).
LANGUAGES = (("nl", "Nederlands"), ("en", "English"))


@dataclass
class FirstRunAnswers:
    organisation: str
    coach: str
    app_password: str
    folder: Path
    passphrase: str | None  # only where the keyring is not usable


def create_workspace(answers: FirstRunAnswers) -> Workspace:
    """Make the workspace the wizard described (runs in the background: scrypt is slow)."""
    from renodesk.app import init_workspace
    from renodesk.storage.workspace_lock import WINDOW

    passphrase = answers.passphrase
    workspace = init_workspace(Paths(answers.folder), answers.organisation, answers.coach,
                               (lambda: passphrase or "") if passphrase else None,
                               program=WINDOW)
    applock.set_password(workspace, answers.app_password)
    return workspace


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    def __init__(self, title: str, intro: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.form = QFormLayout(self)
        self.form.addRow(_note(intro, self))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("fieldError")

    def field_row(self, label: str, name: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label.replace("&", ""))
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.form.addRow(label, edit)
        return edit

    def finish_form(self) -> None:
        self.form.addRow(self.problem)


class FirstRunWizard(QWizard):
    """Collects the answers; the caller creates the workspace from :attr:`answers`."""

    def __init__(self, default_folder: Path, ask_passphrase: bool,
                 parent: QWidget | None = None, language: str = "nl") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to RenoDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 440)
        self.ask_passphrase = ask_passphrase
        #: Set when the coach picks another language: the caller switches and asks again.
        self.switch_to: str | None = None

        names = _Page(self.tr("Who works here?"),
                      self.tr("The name of your organisation appears on letters. "
                              "Your name is recorded with everything you change."))
        self.organisation = names.field_row(self.tr("&Organisation"), "organisation")
        self.coach = names.field_row(self.tr("&Your name"), "coach")
        # Below the names, so typing starts in the first field; labelled in both languages
        # on purpose: it is for whoever cannot read the other one.
        self.language = QComboBox(names)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        names.form.addRow("Taal / Language", self.language)
        names.finish_form()
        names.isComplete = lambda: bool(  # type: ignore[method-assign]
            self.organisation.text().strip() and self.coach.text().strip())
        self.addPage(names)

        lock = _Page(self.tr("App-lock password"),
                     self.tr("When you leave the laptop alone, RenoDesk hides everything "
                             "until this password is entered. At least %1 characters.")
                     .replace("%1", str(applock.MIN_LENGTH)))
        self.password = lock.field_row(self.tr("&Password"), "password", password=True)
        self.password_again = lock.field_row(self.tr("&Repeat password"), "password_again",
                                             password=True)
        lock.finish_form()
        lock.isComplete = lambda: self._passwords_ok(  # type: ignore[method-assign]
            lock, self.password, self.password_again, applock.MIN_LENGTH)
        self.addPage(lock)

        where = _Page(self.tr("Where the workspace lives"),
                      self.tr("All data is kept in one encrypted file in this folder. "
                              "Choose a folder on this laptop, not a shared drive."))
        row = QWidget(where)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit(str(default_folder), row)
        self.folder.setObjectName("folder")
        self.folder.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("&Browse..."), row)
        browse.clicked.connect(self._browse)
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        where.form.addRow(self.tr("&Folder"), row)
        where.finish_form()
        where.isComplete = lambda: bool(self.folder.text().strip())  # type: ignore[method-assign]
        self.addPage(where)

        self.passphrase = QLineEdit()
        self.passphrase_again = QLineEdit()
        if ask_passphrase:
            secret = _Page(self.tr("Passphrase"),
                           self.tr("This computer has no safe place for the key of your "
                                   "workspace. Choose a passphrase of at least %1 characters; "
                                   "you will type it each time RenoDesk starts. Without it "
                                   "the data cannot be opened.").replace("%1", str(MIN_PASSPHRASE)))
            self.passphrase = secret.field_row(self.tr("P&assphrase"), "passphrase", True)
            self.passphrase_again = secret.field_row(self.tr("Repeat p&assphrase"),
                                                     "passphrase_again", True)
            secret.finish_form()
            secret.isComplete = lambda: self._passwords_ok(  # type: ignore[method-assign]
                secret, self.passphrase, self.passphrase_again, MIN_PASSPHRASE)
            self.addPage(secret)

    def _language_chosen(self) -> None:
        self.switch_to = str(self.language.currentData())
        self.reject()

    def _passwords_ok(self, page: _Page, first: QLineEdit, second: QLineEdit,
                      minimum: int) -> bool:
        text, again = first.text(), second.text()
        problem = ""
        if text and len(text) < minimum:
            problem = self.tr("Too short: at least %1 characters.").replace("%1", str(minimum))
        elif again and text != again:
            problem = self.tr("The two entries are not the same.")
        page.problem.setText(problem)
        return bool(text) and not problem and text == again

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    @property
    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            organisation=self.organisation.text().strip(),
            coach=self.coach.text().strip(),
            app_password=self.password.text(),
            folder=Path(self.folder.text().strip()).expanduser(),
            passphrase=self.passphrase.text() if self.ask_passphrase else None,
        )
