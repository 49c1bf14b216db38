"""The window a coach lives in: navigation, the page in view, a status bar, the lock.

Its menus and shortcuts are :mod:`renodesk.ui.shell_menus`, the sync figures in its
status bar :mod:`renodesk.ui.shell_status`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.ui import theme
from renodesk.ui.lock import IdleWatcher, LockScreen
from renodesk.ui.pages import Page, PageContext, available_pages
from renodesk.ui.shell_menus import ShellMenus
from renodesk.ui.shell_status import SyncStatus

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace
    from renodesk.paths import Paths
    from renodesk.settings import Settings
    from renodesk.ui.i18n import Translations
    from renodesk.ui.worker import Runner

#: The first automatic sync starts this long after the window is usable.
AUTO_SYNC_DELAY_MS = 2000


def _left_drafts(ws: Workspace) -> int:
    from renodesk.core.drafts import DraftStore

    return len(DraftStore(ws.engine).pending("visit:"))


def first_size(available: QSize) -> QSize:
    """1200 x 780 at most, and never past the screen: many coaches' laptops are 1366 x 768,
    where a taller window would hide its status bar below the taskbar (the title bar the
    window manager adds is not part of this size: leave room for it)."""
    return QSize(min(1200, available.width()), min(780, available.height() - TITLE_BAR))


#: Room for the window manager's title bar and frame.
TITLE_BAR = 40


class MainWindow(QMainWindow):
    """Navigation on the left, the page in view on the right; locks itself when idle."""

    def __init__(self, runner: Runner, settings: Settings, paths: Paths,
                 translations: Translations, demo: bool = False,
                 load_pages: bool = True) -> None:
        super().__init__()
        self.runner = runner
        self.settings = settings
        self.paths = paths
        self.translations = translations
        self.demo = demo
        #: Filled by ``load_pages``; start-up calls it after the window is on screen,
        #: while the worker opens the workspace (page modules import the data layer).
        self.page_classes: dict[str, type[Page]] = {}
        self.pages: dict[str, Page] = {}
        self.current: tuple[str, Any] | None = None
        self.history: list[tuple[str, Any]] = []
        self.locked = False
        self.ready = False
        self.context = PageContext(runner=runner, settings=settings,
                                   navigate=self.navigate, notify=self.notify)
        self.setObjectName("mainWindow")
        self.setWindowIcon(theme.icon("app"))
        self._build()
        self.menus = ShellMenus(self)
        self.retranslate()
        self._restore_state()
        runner.changes.connect(self._broadcast)
        self.idle = IdleWatcher(int(settings.get("idle_lock_minutes")), self)
        self.idle.idle.connect(self.lock)
        if load_pages:
            self.load_pages()

    def load_pages(self) -> None:
        """Import the registered pages and list them in the navigation and the Go menu."""
        if self.page_classes:
            return
        self.page_classes = {p.key: p for p in available_pages()}
        for page in self.page_classes.values():
            if page.in_navigation:
                item = QListWidgetItem(theme.icon(page.icon), "")
                item.setData(Qt.ItemDataRole.UserRole, page.key)
                self.nav.addItem(item)
        self.menus.add_pages(self.page_classes)
        self.retranslate()

    # -- building -------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setMinimumWidth(170)
        self.nav.setUniformItemSizes(True)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([200, 900])
        self.loading = QLabel(self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_screen = LockScreen(self)
        self.lock_screen.unlock_requested.connect(self._check_unlock)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoNotice")
        self.demo_label.setWordWrap(True)
        self.demo_label.setContentsMargins(12, 6, 12, 6)
        self.demo_label.setStyleSheet(
            "background: #fff4ce; color: #5c4400; font-weight: 600;")
        self.demo_label.setVisible(self.demo)
        self.content = QWidget(self)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_label)
        column.addWidget(self.splitter, 1)
        self.outer = QStackedWidget(self)
        for widget in (self.loading, self.content, self.lock_screen):
            self.outer.addWidget(widget)
        self.outer.setCurrentWidget(self.loading)
        self.setCentralWidget(self.outer)
        self.sync_status = SyncStatus(self.runner, self.statusBar())

    def retranslate(self) -> None:
        """Set every text of the shell in the current language."""
        self.menus.retranslate(self.page_classes)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = self.page_classes[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(page.title())
            item.setToolTip(page.title())
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.stack.setAccessibleName(self.tr("Page"))
        self.loading.setText(self.tr("Opening the workspace..."))
        self.demo_label.setText(self.tr(
            "Demo workspace: all people and addresses are fictitious, and its passphrase is "
            "public. Do not enter real tenants' data here."))
        if self.demo:
            from renodesk.security.keys import DEMO_PASSPHRASE

            hint = self.tr("Demo workspace: the app-lock password is %1.")
            self.lock_screen.set_hint(hint.replace("%1", DEMO_PASSPHRASE))
        self.lock_screen.retranslate()
        self.sync_status.show_texts()
        self._update_title()

    # -- the workspace becomes available -------------------------------------
    def workspace_ready(self) -> None:
        """Called once the workspace is open: show the first page."""
        self.load_pages()
        self.ready = True
        self.outer.setCurrentWidget(self.content)
        state = QSettings(str(self.paths.window_state_file), QSettings.Format.IniFormat)
        first = str(state.value("page", "today"))
        if first not in self.page_classes or not self.page_classes[first].in_navigation:
            first = next(iter(self.page_classes), "")
        if first:
            self.navigate(first)
        if "sync" in self.page_classes:
            # The sync page owns automatic sync (at start, on a timer, on close): build it
            # out of sight a moment after the first page is up, so syncing does not wait
            # until the coach opens it, nor delays the first page.
            QTimer.singleShot(AUTO_SYNC_DELAY_MS, self._start_sync_page)
        self.sync_status.refresh()
        if "visits" in self.page_classes:
            self.runner.read(_left_drafts, self._offer_left_drafts)

    def _start_sync_page(self) -> None:
        if "sync" not in self.pages:
            self._page("sync").load(None)

    def _offer_left_drafts(self, count: int | None, error: BaseException | None) -> None:
        """After a crash or a kill, go straight to the report that was being typed."""
        if count:
            self.navigate("visits")
            self.notify(self.tr("A visit report you were writing was kept. It is offered "
                                "back on this page."))

    def workspace_failed(self, message: str) -> None:
        self.loading.setText(message)
        self.loading.setWordWrap(True)

    # -- navigation -----------------------------------------------------------
    def navigate(self, key: str, argument: Any = None) -> None:
        """Show page ``key`` (built on first use) and load it with ``argument``."""
        if key not in self.page_classes or not self.ready:
            return
        page = self._page(key)
        if self.current is not None and self.current != (key, argument):
            self.history = [*self.history[-49:], self.current]
        self.current = (key, argument)
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        self._update_title()
        self._update_commands()
        page.load(argument)

    def _page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        page = self.pages.get(key)
        if page is None:
            page = self.page_classes[key](self.context, self.stack)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def back(self) -> None:
        if self.history:
            key, argument = self.history.pop()
            self.current = None
            self.navigate(key, argument)
            if self.history and self.history[-1] == (key, argument):
                self.history.pop()

    def current_page(self) -> Page | None:
        return self.pages.get(self.current[0]) if self.current else None

    def run_command(self, name: str) -> None:
        page = self.current_page()
        if self.locked or page is None:
            return
        if name in page.commands:
            page.run_command(name)
        elif name == "new_visit" and "visits" in self.page_classes:
            self.navigate("visits")
            self.pages["visits"].run_command("new_visit")
        elif name == "search" and "households" in self.page_classes:
            # Ctrl+F on a page without a search box finds a household.
            self.navigate("households")
            self.pages["households"].run_command("search")

    def _select_nav(self, key: str) -> None:
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                break
        else:
            self.nav.clearSelection()
        self.nav.blockSignals(False)

    def _nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.navigate(str(item.data(Qt.ItemDataRole.UserRole)))

    def _update_title(self) -> None:
        # Ends with the application's name, so Qt does not append it a second time.
        parts = []
        page = self.current_page()
        if page is not None:
            parts.append(page.title())
        if self.demo:
            parts.append(self.tr("(demo)"))
        self.setWindowTitle(" ".join(parts) + " \u2014 RenoDesk" if parts else "RenoDesk")

    def _update_commands(self) -> None:
        self.menus.enable_commands(self.current_page(), self.page_classes)

    # -- changes and messages ------------------------------------------------
    def _broadcast(self, changes: Sequence[Change]) -> None:
        for page in list(self.pages.values()):
            page.on_changes(changes)
        self.sync_status.refresh()

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- lock -----------------------------------------------------------------
    def lock(self) -> None:
        """Hide all content until the app-lock password is entered."""
        if self.locked or not self.ready:
            return
        self.locked = True
        self.menuBar().setEnabled(False)
        for action in self.actions():
            if action is not self.menus.act_quit:
                action.setEnabled(False)
        self.outer.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()

    def _check_unlock(self, password: str) -> None:
        from renodesk.security import applock

        def answer(ok: bool | None, error: BaseException | None) -> None:
            if ok:
                self.unlock()
            else:
                self.lock_screen.refuse()

        self.runner.read(lambda ws: (not applock.is_set(ws)) or applock.verify(ws, password),
                         answer)

    def unlock(self) -> None:
        self.locked = False
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self._update_commands()
        self.outer.setCurrentWidget(self.content)
        self.lock_screen.reset()
        self.idle.timer.start()
        page = self.current_page()
        if page is not None:
            page.setFocus()

    # -- settings and language ------------------------------------------------
    def open_settings(self) -> None:
        from renodesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings()

    def open_organisation(self) -> None:
        """Organisation and letterhead (renodesk.ui.organisation_dialog)."""
        from renodesk.ui.organisation_dialog import OrganisationDialog

        if self.runner.has_workspace:
            OrganisationDialog(self.runner, self).exec()

    def apply_settings(self) -> None:
        """Take over changed preferences: idle time now, language by rebuilding pages."""
        self.idle.set_minutes(int(self.settings.get("idle_lock_minutes")))
        language = str(self.settings.get("language"))
        if language != self.translations.language:
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        """Change the language at once: shell texts are set again, pages are rebuilt."""
        self.translations.use(language)
        current = self.current
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.current = None
        self.retranslate()
        if current is not None:
            self.navigate(*current)

    # -- remembered window state ---------------------------------------------
    def _restore_state(self) -> None:
        state = QSettings(str(self.paths.window_state_file), QSettings.Format.IniFormat)
        geometry = state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(first_size(self.screen().availableGeometry().size()))
        splitter = state.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        state = QSettings(str(self.paths.window_state_file), QSettings.Format.IniFormat)
        state.setValue("geometry", self.saveGeometry())
        state.setValue("splitter", self.splitter.saveState())
        if self.current is not None and self.page_classes[self.current[0]].in_navigation:
            state.setValue("page", self.current[0])
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        QTimer.singleShot(0, self.runner.shutdown)
        super().closeEvent(event)

