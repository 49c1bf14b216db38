"""The tabs under a project: a button pressed with nothing chosen says what to choose
first and changes nothing."""

from __future__ import annotations

from typing import Any

from pagekit import Recorder, page_context

from renodesk.core.setup import create_project
from renodesk.core.workspace import Workspace


def test_remove_or_edit_with_nobody_chosen_says_what_to_choose(qtbot: Any,
                                                               workspace: Workspace) -> None:
    from renodesk.ui.pages.projects import ProjectsPage

    create_project(workspace, {"name": "Vogelbuurt", "code": "VB-01"})
    recorder = Recorder()
    page = ProjectsPage(page_context(workspace, recorder))
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.tabs.project_id is not None
    page.tabs.remove_roster_entry()
    page.tabs.edit_roster_entry()
    page.tabs.remove_partner()
    assert recorder.said == ["Choose someone on the roster first.",
                             "Choose someone on the roster first.", "Choose a partner first."]
