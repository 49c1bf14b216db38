"""The main window's menus and keyboard shortcuts: File, Edit (the shell commands a page
takes part in), Go (Ctrl+1..9 to the pages, Back) and Help.

Every action is added to the window itself, so its shortcut works wherever the focus
is, and locking the window disables them all but Quit. The texts keep the translation
context ``MainWindow`` (hence the explicit ``QCoreApplication.translate``): they are
the shell's words, translated with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from renodesk.ui.main_window import MainWindow
    from renodesk.ui.pages import Page


class ShellMenus(QObject):
    """Builds the menu bar of ``window`` and sets its texts in the current language."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.act_lock = self._action("Ctrl+L", window.lock, "lock")
        self.act_settings = self._action(QKeySequence.StandardKey.Preferences,
                                         window.open_settings, "settings")
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_organisation = self._action("", window.open_organisation, "organisation")
        self.act_quit = self._action(QKeySequence.StandardKey.Quit, window.close, "quit")
        self.act_back = self._action(QKeySequence.StandardKey.Back, window.back, "back")
        self.command_actions: dict[str, QAction] = {
            "search": self._action(QKeySequence.StandardKey.Find,
                                   lambda: window.run_command("search"), "search"),
            "new_visit": self._action("Ctrl+N", lambda: window.run_command("new_visit"),
                                      "new_visit"),
            "save": self._action(QKeySequence.StandardKey.Save,
                                 lambda: window.run_command("save"), "save"),
            "print": self._action(QKeySequence.StandardKey.Print,
                                  lambda: window.run_command("print"), "print"),
            "refresh": self._action(QKeySequence.StandardKey.Refresh,
                                    lambda: window.run_command("refresh"), "refresh"),
        }
        self.go_actions: list[QAction] = []
        menus = window.menuBar()
        self.file_menu = menus.addMenu("")
        self.file_menu.addActions([self.act_organisation, self.act_settings, self.act_lock])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = menus.addMenu("")
        self.edit_menu.addActions(list(self.command_actions.values()))
        self.go_menu = menus.addMenu("")
        self.go_menu.addAction(self.act_back)
        from renodesk.ui.about import HelpMenu

        self.help_menu = HelpMenu(window)
        self.act_privacy = self._action(
            "", lambda: window.navigate("privacy", {"tab": "statement"}), "privacyStatement")
        self.act_privacy.setVisible(False)  # until the privacy page is loaded
        self.help_menu.insertAction(self.help_menu.act_about, self.act_privacy)
        menus.addMenu(self.help_menu)

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: Any,
                name: str) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def add_pages(self, page_classes: Mapping[str, type[Page]]) -> None:
        """Every page of the navigation in the Go menu; Ctrl+1 ... Ctrl+9 to the first nine."""
        nav_keys = [p.key for p in page_classes.values() if p.in_navigation]
        for number, key in enumerate(nav_keys, start=1):
            self.go_actions.append(self._action(
                f"Ctrl+{number}" if number <= 9 else "",
                lambda _c=False, k=key: self.window.navigate(k), f"go-{key}"))
        self.go_menu.insertActions(self.act_back, self.go_actions)
        self.act_privacy.setVisible("privacy" in page_classes)

    def retranslate(self, page_classes: Mapping[str, type[Page]]) -> None:
        """Set every menu and action text in the current language."""
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.go_menu.setTitle(QCoreApplication.translate("MainWindow", "&Go"))
        self.act_lock.setText(QCoreApplication.translate("MainWindow", "&Lock now"))
        self.act_settings.setText(QCoreApplication.translate("MainWindow", "&Settings..."))
        from renodesk.ui.organisation_dialog import menu_text

        self.act_organisation.setText(menu_text())
        self.act_quit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.act_back.setText(QCoreApplication.translate("MainWindow", "&Back"))
        self.act_privacy.setText(
            QCoreApplication.translate("MainWindow", "&Privacy statement"))
        texts = {"search": QCoreApplication.translate("MainWindow", "&Search"),
                 "new_visit": QCoreApplication.translate("MainWindow", "&New visit"),
                 "save": QCoreApplication.translate("MainWindow", "S&ave"),
                 "print": QCoreApplication.translate("MainWindow", "&Print..."),
                 "refresh": QCoreApplication.translate("MainWindow", "&Refresh")}
        for name, action in self.command_actions.items():
            action.setText(texts[name])
        for action in self.go_actions:
            action.setText(page_classes[action.objectName()[3:]].title())

    def enable_commands(self, page: Page | None, page_classes: Mapping[str, type[Page]]) -> None:
        """Enable the commands the page in view handles, and the ones the shell redirects."""
        handled = page.commands if page else frozenset()
        for name, action in self.command_actions.items():
            action.setEnabled(name in handled
                              or (name == "new_visit" and "visits" in page_classes)
                              or (name == "search" and "households" in page_classes))
