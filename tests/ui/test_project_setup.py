"""A new team starts in an empty workspace: a project, its roster, partners and households
made in the window (work runs inline; changes reach the pages as in the main window)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from pagekit import Recorder, page_context
from PySide6.QtWidgets import QDialog

from renodesk.core.setup import create_project
from renodesk.core.workspace import Workspace
from renodesk.ui.pages.base import PageContext


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def context(workspace: Workspace, recorder: Recorder) -> PageContext:
    return page_context(workspace, recorder)


def shown(qtbot: Any, context: PageContext, page: Any) -> Any:
    qtbot.addWidget(page)
    context.runner.changes.connect(page.on_changes)
    page.resize(1200, 800)
    page.show()
    page.load()
    return page


def dialog_of(page: Any, kind: type[QDialog]) -> Any:
    found = [d for d in page.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_a_project_with_roster_partner_and_household_made_in_an_empty_workspace(
        qtbot: Any, context: PageContext, recorder: Recorder) -> None:
    from renodesk.ui.pages.households import HouseholdsPage
    from renodesk.ui.pages.projects import ProjectsPage
    from renodesk.ui.pages.projects_tabs import DWELLINGS_TAB, PARTNERS_TAB
    from renodesk.ui.roster_dialogs import PartnerDialog, RosterDialog
    from renodesk.ui.setup_dialogs import HouseholdDialog, ProjectDialog

    page = shown(qtbot, context, ProjectsPage(context))
    assert page.empty.isVisible() and not page.right.isVisible()
    page.new_button.click()
    dialog = dialog_of(page, ProjectDialog)
    dialog.name.setText("Vogelbuurt")
    dialog.code.setText("VB-01")
    dialog.consent_deadline.setText("15-11-2026")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert page.list_model.rowCount() == 1 and not page.empty.isVisible()
    assert page.heading.text() == "Vogelbuurt (VB-01)"
    assert "15-11-2026" in page.tally.deadline.text()

    page.tabs.buttons["addRoster"].click()
    roster = dialog_of(page, RosterDialog)
    # Nobody in the team yet: the coach who made this workspace is offered first.
    assert roster.member.currentText() == "Sanne Bakker (you)"
    assert roster.member.currentData() == "" and roster.member_name.text() == "Sanne Bakker"
    assert roster.role.currentData() == "tenant_coach"
    roster.member_phone.setText("0612345678")
    roster.responsibilities.setPlainText("Huisbezoeken en keukentafelgesprekken")
    roster.save_button.click()
    assert [(r.member_name, r.role, r.phone) for r in page.tabs.roster._rows] == [
        ("Sanne Bakker", "tenant_coach", "06-12345678")]
    page.tabs.buttons["addRoster"].click()
    again = dialog_of(page, RosterDialog)  # now a team member like any other
    assert [again.member.itemText(i) for i in range(again.member.count())] == [
        "Sanne Bakker (Wooncoach)", "A new team member..."]  # enum labels: Dutch default
    again.reject()

    page.tabs.setCurrentIndex(PARTNERS_TAB)
    page.tabs.buttons["addPartner"].click()
    partner = dialog_of(page, PartnerDialog)
    partner.name.setText("Wijkteam Noord")
    partner.kind.setCurrentIndex(partner.kind.findData("neighbourhood_team"))
    partner.role.setText("Vast aanspreekpunt")
    partner.save_button.click()
    assert page.tabs.partners.rowCount() == 1

    page.tabs.setCurrentIndex(DWELLINGS_TAB)
    page.tabs.buttons["addDwelling"].click()
    household = dialog_of(page, HouseholdDialog)
    household.street.setText("Merelstraat")
    household.number.setText("12")
    household.postcode.setText("1234ab")
    household.city.setText("Utrecht")
    household.name.setText("Gülşen Yılmaz")
    household.save_button.click()
    assert not household.isVisible()
    assert page.tabs.dwellings.rowCount() == 1
    assert page.tabs.tabText(DWELLINGS_TAB).endswith("(1)")
    assert recorder.said[-1] == "Household added."  # no translator installed here

    households = shown(qtbot, context, HouseholdsPage(context))
    assert households.model.rowCount() == 1
    assert "Gülşen Yılmaz" in [households.model.index(0, c).data()
                               for c in range(households.model.columnCount())]


def test_a_taken_code_is_said_beside_the_code_field_and_the_dialog_stays_open(
        qtbot: Any, context: PageContext, workspace: Workspace) -> None:
    from renodesk.ui.pages.projects import ProjectsPage
    from renodesk.ui.setup_dialogs import ProjectDialog

    create_project(workspace, {"name": "Vogelbuurt", "code": "VB-01"})
    page = shown(qtbot, context, ProjectsPage(context))
    page.new_button.click()
    dialog = dialog_of(page, ProjectDialog)
    dialog.name.setText("Vogelbuurt fase 2")
    dialog.code.setText("vb-01")
    dialog.end_date.setText("31-02-2027")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "al van een ander project" in dialog.errors.message_for("code")
    assert "klopt niet" in dialog.errors.message_for("end_date")
    assert dialog.errors.message_for("name") == ""
    assert dialog.name.text() == "Vogelbuurt fase 2"  # nothing typed is lost
    assert page.list_model.rowCount() == 1


def test_a_new_household_from_the_households_page_needs_a_project_first(
        qtbot: Any, context: PageContext, recorder: Recorder) -> None:
    from renodesk.ui.pages.households import HouseholdsPage
    from renodesk.ui.setup_dialogs import HouseholdDialog

    page = shown(qtbot, context, HouseholdsPage(context))
    page.new_button.click()
    assert "project" in recorder.said[-1].lower()
    def made(_saved: Any, error: BaseException | None) -> None:
        assert error is None

    for values in ({"name": "Kleine Hof", "code": "KH-02"},
                   {"name": "Vogelbuurt", "code": "VB-01"}):
        # Made elsewhere (the Projects page): the project filter follows the change.
        context.runner.write(partial(create_project, values=values), made)
    page.project.setCurrentIndex(page.project.findText("VB-01 Vogelbuurt"))
    page.new_button.click()
    dialog = dialog_of(page, HouseholdDialog)
    assert dialog.project.currentText() == "VB-01  Vogelbuurt"
    dialog.street.setText("Lijsterlaan")
    dialog.number.setText("3")
    dialog.postcode.setText("1234 SA")
    dialog.city.setText("Utrecht")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Postcode" in dialog.errors.message_for("postcode")
    assert dialog.errors.message_for("name") == "Dit veld is verplicht."
    dialog.postcode.setText("1234 AC")
    dialog.name.setText("Kees Jansen")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert page.model.rowCount() == 1
