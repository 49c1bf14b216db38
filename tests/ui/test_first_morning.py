"""A new coach's first morning in an empty workspace: a project and two households made,
then what the window says when something is missing (found by walking through the user
guide; work runs inline)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pagekit import Recorder, page_context

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.ui.worker import InlineRunner


@pytest.fixture
def street(workspace: Workspace) -> tuple[str, dict[str, str]]:
    """Project VB-01 with two households that have no visit yet: (project id, ids by name)."""
    from renodesk.core.setup import add_household, create_project

    project = create_project(workspace, {"name": "Renovatie Vogelbuurt", "code": "VB-01"}).id
    households = {}
    for number, name in (("12", "Mevrouw J. de Vries"), ("14", "Gülşen Yılmaz")):
        households[name] = add_household(
            workspace, project, {"street": "Merelstraat", "number": number,
                                 "postcode": "1234 AB", "city": "Utrecht"},
            {"name": name}).id
    return project, households


def test_a_message_that_wraps_under_a_field_is_shown_whole(
        qtbot: Any, workspace: Workspace, street: tuple[str, dict[str, str]]) -> None:
    from renodesk.core.queries.projects import project_rows
    from renodesk.ui.setup_dialogs import HouseholdDialog
    from renodesk.ui.widgets.form import ErrorLabel

    with workspace.engine.connect() as conn:
        projects = project_rows(conn)
    dialog = HouseholdDialog(InlineRunner(workspace), projects, street[0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.street.setText("Merelstraat")
    dialog.number.setText("16")
    dialog.postcode.setText("12345")
    dialog.city.setText("Utrecht")
    dialog.name.setText("Familie Bakker")
    dialog.save_button.click()
    shown = [label for label in dialog.findChildren(ErrorLabel) if label.isVisible()]
    assert len(shown) == 1 and "12345" in shown[0].text()
    label = shown[0]
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing() * 1.5, \
        "the postcode message should take two lines at this width"
    assert label.height() >= label.heightForWidth(label.width())  # its second line not cut off


def test_a_letter_without_a_visit_says_what_to_do_in_the_window_words(
        qtbot: Any, workspace: Workspace, street: tuple[str, dict[str, str]]) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    dialog = LetterDialog(InlineRunner(workspace), household_id=street[1]["Gülşen Yılmaz"])
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.INVITATION.value))
    message = dialog.message.text()
    assert "Plan eerst een bezoek" in message
    assert "--" not in message  # no command-line option in the window
    assert not dialog.print_button.isEnabled()


def test_a_batch_nobody_can_get_says_why_instead_of_choose_a_household(
        workspace: Workspace, street: tuple[str, dict[str, str]]) -> None:
    from renodesk.core.household_status import end_tenancy
    from renodesk.core.letters import make_batch

    ids = list(street[1].values())
    with pytest.raises(RenoDeskError) as caught:
        make_batch(workspace, LetterKind.INVITATION, ids)
    assert caught.value.key == "letters.error.batch_no_visit"
    assert "Mevrouw J. de Vries, Gülşen Yılmaz" in caught.value.message("nl")
    assert "Plan eerst de bezoeken" in caught.value.message("nl")

    end_tenancy(workspace, street[1]["Gülşen Yılmaz"], "moved", date.today())
    with pytest.raises(RenoDeskError) as caught:
        make_batch(workspace, LetterKind.INVITATION, ids)
    assert caught.value.key == "letters.error.batch_all_skipped"
    assert "Geen van de 2 huishoudens" in caught.value.message("nl")
    with pytest.raises(RenoDeskError) as caught:
        make_batch(workspace, LetterKind.AGREEMENTS, [street[1]["Gülşen Yılmaz"]])
    assert caught.value.key == "letters.error.household_moved"  # one household: its own reason
    with pytest.raises(RenoDeskError) as caught:
        make_batch(workspace, LetterKind.AGREEMENTS, [])
    assert caught.value.key == "letters.error.nothing_to_print"


def test_the_go_menu_lists_every_page_of_the_navigation(shell: Any) -> None:
    titles = [a.text() for a in shell.menus.go_menu.actions() if a.text()]
    for page in shell.page_classes.values():
        if page.in_navigation:
            assert page.title() in titles, page.key
    shortcuts = [a.shortcut().toString() for a in shell.menus.go_actions]
    assert shortcuts[:9] == [f"Ctrl+{n}" for n in range(1, 10)]
    assert all(not s for s in shortcuts[9:])  # beyond nine: in the menu, without a key
    overview = next(a for a in shell.menus.go_actions if a.objectName() == "go-dashboard")
    overview.trigger()
    assert shell.current == ("dashboard", None)


def test_today_in_an_empty_workspace_says_where_to_begin(qtbot: Any,
                                                         workspace: Workspace) -> None:
    from renodesk.core.setup import create_project
    from renodesk.ui.pages.today import TodayPage

    recorder = Recorder()
    context = page_context(workspace, recorder)
    page = TodayPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.start_hint.isVisible()
    page.start_hint.linkActivated.emit("projects")
    assert recorder.went == [("projects", None)]

    create_project(workspace, {"name": "Renovatie Vogelbuurt", "code": "VB-01"})
    page.load()
    assert not page.start_hint.isVisible()


def test_saving_an_empty_new_household_says_which_fields_are_required(
        qtbot: Any, workspace: Workspace, street: tuple[str, dict[str, str]]) -> None:
    from renodesk.core.queries.projects import project_rows
    from renodesk.ui.setup_dialogs import HouseholdDialog

    with workspace.engine.connect() as conn:
        projects = project_rows(conn)
    dialog = HouseholdDialog(InlineRunner(workspace), projects, street[0])
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    required = "Dit veld is verplicht."
    for field in ("street", "number", "postcode", "city", "name"):
        assert dialog.errors.message_for(field) == required, field  # not '"" is geen getal.'
    dialog.number.setText("twaalf")
    dialog.postcode.setText("12345")
    dialog.save_button.click()
    assert dialog.errors.message_for("number") == '"twaalf" is geen getal.'
    assert dialog.errors.message_for("postcode").startswith('Postcode "12345" klopt niet.')
