"""The main window: pages from the registry, navigation, the status bar, remembered state."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from renodesk.ui import pages
from renodesk.ui.main_window import MainWindow
from renodesk.ui.pages.base import Page


class NotesPage(Page):
    """A page as another area would write one."""

    key = "notes_for_test"
    icon = "page"
    commands = frozenset({"search"})

    def __init__(self, context, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(context, parent)
        self.loaded: list[object] = []
        self.seen: list[list] = []
        self.commands_run: list[str] = []

    @classmethod
    def title(cls) -> str:
        return "Notes"

    def load(self, argument=None):  # type: ignore[no-untyped-def]
        self.loaded.append(argument)

    def on_changes(self, changes):  # type: ignore[no-untyped-def]
        self.seen.append(list(changes))

    def run_command(self, name: str) -> None:
        self.commands_run.append(name)


def _nav_keys(window: MainWindow) -> list[str]:
    return [window.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(window.nav.count())]


def test_the_navigation_lists_the_registered_pages_in_order_and_opens_today(shell):
    expected = [p.key for p in pages.available_pages() if p.in_navigation]
    assert _nav_keys(shell) == expected
    assert expected[0] == "today"
    assert shell.current == ("today", None)
    assert shell.nav.item(0).text() == "Vandaag"


def test_a_page_module_not_written_yet_is_left_out(monkeypatch):
    monkeypatch.setattr(pages, "REGISTRY", ("today", "no_such_page_yet"))
    assert [p.key for p in pages.available_pages()] == ["today"]


def test_a_page_whose_own_import_is_broken_is_not_hidden(monkeypatch):
    broken = types.ModuleType("renodesk.ui.pages.broken_for_test")
    monkeypatch.setitem(sys.modules, "renodesk.ui.pages.broken_for_test", broken)
    monkeypatch.setattr(pages, "REGISTRY", ("broken_for_test",))
    with pytest.raises(TypeError):
        pages.available_pages()


def test_navigate_builds_a_page_once_and_passes_the_argument(shell):
    shell.page_classes[NotesPage.key] = NotesPage
    shell.navigate(NotesPage.key, "household-42")
    page = shell.pages[NotesPage.key]
    shell.navigate("today")
    shell.navigate(NotesPage.key, "household-43")
    assert shell.pages[NotesPage.key] is page
    assert page.loaded == ["household-42", "household-43"]
    assert shell.windowTitle().startswith("Notes")
    shell.back()
    assert shell.current == ("today", None)


def test_a_write_reaches_every_built_page_and_the_unsynced_count(shell, qtbot):
    shell.page_classes[NotesPage.key] = NotesPage
    shell.navigate(NotesPage.key)
    status = shell.sync_status
    before = status.unsynced
    assert status.unsynced_label.text() == f"{before} wijzigingen niet gesynchroniseerd"
    shell.runner.write(lambda ws: ws.create("partner", {"name": "Wijkteam Noord",
                                                        "kind": "neighbourhood_team"}),
                       lambda result, error: None)
    page = shell.pages[NotesPage.key]
    assert [(c.entity, c.kind) for c in page.seen[-1]] == [("partner", "create")]
    assert status.unsynced > before
    assert status.unsynced_label.text() == f"{status.unsynced} wijzigingen niet gesynchroniseerd"
    assert status.sync_label.text() == "Nog geen team: zie Synchronisatie"  # not "not yet"


def test_shortcuts_go_to_the_page_in_view(shell, qtbot):
    shell.page_classes[NotesPage.key] = NotesPage
    shell.navigate(NotesPage.key)
    page = shell.pages[NotesPage.key]
    qtbot.keyClick(shell, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.commands_run == ["search"]
    assert not shell.menus.command_actions["print"].isEnabled()
    qtbot.keyClick(shell, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shell.current == ("today", None)


def test_find_on_a_page_without_a_search_box_finds_a_household(shell, qtbot):
    shell.navigate("today")
    qtbot.keyClick(shell, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert shell.current[0] == "households"
    assert QApplication.focusWidget() is shell.pages["households"].query


def test_the_window_remembers_its_size_and_splitter(shell, qtbot):
    shell.resize(720, 560)
    shell.splitter.setSizes([230, 490])
    shell.save_state()
    again = MainWindow(shell.runner, shell.settings, shell.paths, shell.translations)
    qtbot.addWidget(again)
    assert again.size() == shell.size()
    assert again.splitter.saveState() == shell.splitter.saveState()


def test_the_demo_window_says_its_data_is_fictitious(qtbot, workspace_paths,
                                                     compiled_translations):
    from renodesk.ui.app import build
    from renodesk.ui.worker import InlineRunner

    window, _startup = build(workspace_paths, "nl", demo=True, runner=InlineRunner())
    qtbot.addWidget(window)
    window.show()
    assert not window.demo_label.isHidden()
    assert "verzonnen" in window.demo_label.text()
    assert "openbaar" in window.demo_label.text()
    window.translations.use_source_texts()


def test_the_first_window_fits_a_small_laptop_screen():
    from PySide6.QtCore import QSize

    from renodesk.ui.main_window import TITLE_BAR, first_size

    assert first_size(QSize(1920, 1040)) == QSize(1200, 780)
    assert first_size(QSize(1366, 728)) == QSize(1200, 728 - TITLE_BAR)
