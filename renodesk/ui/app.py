"""Start-up of the desktop app: the window first, the workspace in the background.

Importing SQLAlchemy, sqlcipher3 and keyring costs several times a bare window,
so the window goes up at once with "Opening the workspace..." and everything
heavy is imported and run on the worker thread.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from renodesk.paths import ENV_DATA_DIR, Paths
from renodesk.settings import Settings
from renodesk.ui import theme
from renodesk.ui.first_run import FirstRunAnswers, FirstRunWizard, create_workspace
from renodesk.ui.i18n import Translations
from renodesk.ui.main_window import MainWindow
from renodesk.ui.worker import Runner, ThreadRunner

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace

#: Beside the default workspace: where the coach chose to keep it in the first-run wizard.
LOCATION_FILE = "location.txt"
ENV_PASSPHRASE = "RENODESK_PASSPHRASE"  # as renodesk.security.keys.ENV_PASSPHRASE
#: The desktop entry's name (packaging/linux): Wayland and the task bar match the window
#: to the installed launcher and its icon by it.
DESKTOP_FILE = "nl.renodesk.RenoDesk"
#: Smoke tests of the installed bundle: quit this many ms after the workspace is on screen.
ENV_QUIT_AFTER_MS = "RENODESK_QUIT_AFTER_MS"


def resolve_paths(data_dir: str | None, demo: bool) -> Paths:
    """The workspace folder: --data-dir, RENODESK_DATA_DIR, the wizard's choice, the default."""
    paths = Paths.resolve(data_dir, demo)
    if data_dir or demo or os.environ.get(ENV_DATA_DIR):
        return paths
    pointer = paths.root / LOCATION_FILE
    if pointer.exists():
        chosen = pointer.read_text("utf-8").strip()
        if chosen:
            return Paths(Path(chosen))
    return paths


def _key_mode(paths: Paths) -> tuple[str, bool]:
    data = json.loads(paths.workspace_file.read_text("utf-8"))
    return str(data.get("key_mode", "")), bool(data.get("demo", False))


def _open_demo(paths: Paths) -> Workspace:
    from renodesk.commands._common import ensure_demo
    from renodesk.security import applock, keys
    from renodesk.storage.workspace_lock import WINDOW

    workspace = ensure_demo(paths, program=WINDOW)
    if not applock.is_set(workspace):
        applock.set_password(workspace, keys.DEMO_PASSPHRASE)
    return workspace


class Startup(QObject):
    """Opens or creates the workspace without blocking the window already on screen."""

    def __init__(self, window: MainWindow, runner: Runner, paths: Paths, demo: bool) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.paths = paths
        self.demo = demo
        self.on_failure: Callable[[], None] = lambda: None
        #: Shown while another RenoDesk program has the workspace open.
        self.in_use: QMessageBox | None = None

    def begin(self) -> None:
        self._start()
        # The pages import the data layer: do that here, on screen already, while the
        # worker derives the key and opens the database.
        self.window.load_pages()

    def _start(self) -> None:
        if self.demo:
            self.window.workspace_failed(self.tr("Preparing the fictitious demo workspace..."))
            self.runner.call(lambda: _open_demo(self.paths),
                             lambda ws, error: self._opened(ws, error, again=self._start))
        elif self.paths.workspace_file.exists() and self.paths.database.exists():
            self._open_existing()
        else:
            self.runner.call(_keyring_usable, self._first_run)

    # -- an existing workspace ------------------------------------------------
    def _open_existing(self, retry: bool = False) -> None:
        mode, is_demo = _key_mode(self.paths)
        passphrase: str | None = None
        if mode == "passphrase" and not is_demo and not os.environ.get(ENV_PASSPHRASE):
            label = self.tr("Passphrase of the workspace:")
            if retry:
                label = self.tr("That passphrase is not right. Try again.") + "\n" + label
            text, ok = QInputDialog.getText(self.window, self.tr("Open workspace"), label,
                                            QLineEdit.EchoMode.Password)
            if not ok:
                self.window.close()
                return
            passphrase = text
        self._open_with(passphrase)

    def _open_with(self, passphrase: str | None) -> None:
        """Open the existing workspace; a retry after "in use" keeps the passphrase typed."""
        def open_it() -> Workspace:
            from renodesk.app import open_workspace
            from renodesk.storage.workspace_lock import WINDOW

            return open_workspace(self.paths, (lambda: passphrase or "") if passphrase else None,
                                  program=WINDOW)

        def opened(workspace: Workspace | None, error: BaseException | None) -> None:
            self._opened(workspace, error, retry_passphrase=True,
                         again=lambda: self._open_with(passphrase))

        self.runner.call(open_it, opened)

    # -- a new workspace -----------------------------------------------------
    def _first_run(self, usable: bool | None, error: BaseException | None) -> None:
        wizard = FirstRunWizard(self.paths.root, ask_passphrase=not usable, parent=self.window,
                                language=self.window.translations.language)
        accepted = wizard.exec()
        if wizard.switch_to:  # the coach reads the other language: ask again in that one
            self.window.settings.set("language", wizard.switch_to)
            self.window.apply_settings()
            self._first_run(usable, error)
            return
        if not accepted:
            self.window.close()
            return
        answers = wizard.answers
        self.window.workspace_failed(self.tr("Creating your workspace..."))
        self.runner.call(lambda: self._create(answers),
                         lambda ws, error: self._opened(ws, error, again=self._start))

    def _create(self, answers: FirstRunAnswers) -> Workspace:
        workspace = create_workspace(answers)
        chosen = Paths(answers.folder.resolve())
        if chosen.root != self.paths.root:
            self.paths.root.mkdir(parents=True, exist_ok=True)
            (self.paths.root / LOCATION_FILE).write_text(str(chosen.root), "utf-8")
        return workspace

    # -- either way ------------------------------------------------------------
    def _opened(self, workspace: Workspace | None, error: BaseException | None,
                again: Callable[[], None], retry_passphrase: bool = False) -> None:
        if workspace is None:
            from renodesk.core.errors import RenoDeskError
            from renodesk.storage.workspace_lock import WorkspaceLocked

            if retry_passphrase and getattr(error, "key", "") == "error.wrong_key":
                self._open_existing(retry=True)
                return
            message = error.message() if isinstance(error, RenoDeskError) else str(error)
            self.window.workspace_failed(message)
            if isinstance(error, WorkspaceLocked):
                self._offer_retry(message, again)
                return
            QMessageBox.critical(self.window, "RenoDesk", message)
            self.on_failure()
            return
        self.runner.workspace = workspace
        self.window.workspace_ready()

    def _offer_retry(self, message: str, again: Callable[[], None]) -> None:
        """Another RenoDesk program has the workspace: say which, and let the coach try
        again once it is closed (or close this window)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Workspace in use"), message,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("workspaceInUse")
        retry = box.addButton(self.tr("&Try again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Close RenoDesk"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)

        def answered() -> None:
            self.in_use = None
            if box.clickedButton() is retry:
                self.window.workspace_failed(self.tr("Opening the workspace..."))
                again()
            else:
                self.window.close()

        box.finished.connect(answered)
        self.in_use = box
        box.open()


def _keyring_usable() -> bool:
    from renodesk.security.keys import keyring_usable

    return keyring_usable()


def build(paths: Paths, language: str | None, demo: bool,
          runner: Runner | None = None) -> tuple[MainWindow, Startup]:
    """Create the window (shown by the caller) and the start-up that opens the workspace."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    settings = Settings.load(paths.settings_file)
    translations = Translations()
    translations.use(language or str(settings.get("language")))
    runner = runner or ThreadRunner()
    window = MainWindow(runner, settings, paths, translations, demo=demo, load_pages=False)
    return window, Startup(window, runner, paths, demo)


def configure(app: QApplication) -> None:
    """The application's names and icon. Qt appends the display name to window titles
    that do not end with it already (see ``MainWindow._update_title``)."""
    app.setApplicationName("RenoDesk")
    app.setOrganizationName("RenoDesk")
    app.setApplicationDisplayName("RenoDesk")
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(theme.icon("app"))


def run(data_dir: str | None, language: str | None, demo: bool) -> int:
    """The desktop app's main loop; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure(app)
    paths = resolve_paths(data_dir, demo)
    window, startup = build(paths, language, demo)
    window.show()
    QTimer.singleShot(0, startup.begin)
    if os.environ.get(ENV_QUIT_AFTER_MS):
        _quit_once_shown(app, window, int(os.environ[ENV_QUIT_AFTER_MS]))
    return int(app.exec())


def _quit_once_shown(app: QApplication, window: MainWindow, linger_ms: int,
                     give_up_ms: int = 120_000) -> None:
    """Close the window ``linger_ms`` after the workspace opened; exit 3 if it never did."""
    waited = [0]

    def poll() -> None:
        if window.ready:
            QTimer.singleShot(linger_ms, window.close)
        elif waited[0] >= give_up_ms:
            app.exit(3)
        else:
            waited[0] += 100
            QTimer.singleShot(100, poll)

    poll()
