"""Make the user guide's pictures (docs/images/01..09) by driving the real window.

Regenerate them after a change to a screen the guide shows, for the Dutch guide and,
with ``--lang en``, for the English one (the window in English, its pictures in
docs/images/en/):

    xvfb-run -a .venv/bin/python docs/tools/guide_screenshots.py OUTDIR
    cp OUTDIR/*.png docs/images/
    xvfb-run -a .venv/bin/python docs/tools/guide_screenshots.py --lang en OUTDIR_EN
    cp OUTDIR_EN/*.png docs/images/en/

The script starts from an EMPTY workspace in a temporary folder (HOME and XDG folders
point there too) and follows the guide as a coach would: the first-run wizard (01, 02),
a household with its needs (03), planning a visit (04: today, an hour already past, as a
report waits for the visit's day), the report with an agreement (05), batch letters (06),
the letter preview (07), the print dialog (08) and the About dialog (09). The keyring is
replaced by keyring's "fail" backend, so the workspace is locked with a passphrase (the
wizard shows its passphrase page) and the real keyring is never touched. Only fictitious
people; what the coach types, and the pictures' names, per language are in
guide_story.py. The window is 1366x888; dialogs are painted over it where they stand, and the
result is scaled to 840x546.

The README's pictures (resources/screenshots, 1280x800) come from a fresh demo workspace
in an empty temporary folder (so ~/.local/share/RenoDesk/demo is left alone):

    xvfb-run -a .venv/bin/renodesk --demo --data-dir "$(mktemp -d)" screenshots --out OUTDIR

then copy 01-today.png to vandaag.png, 03-households.png to huishoudens.png,
04-household.png to profiel.png, 11-dashboard.png to projectoverzicht.png and
13-locked.png to vergrendeld.png (the numbers follow the navigation). The English guide's
demo picture is the same command with ``--lang en`` after ``--demo``; copy its
03-households.png to docs/images/en/demo-households.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from guide_story import STORIES
from PySide6.QtCore import QDateTime, QModelIndex, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

D = TypeVar("D", bound=QWidget)
P = TypeVar("P", bound=QWidget)
PASSPHRASE = "keukentafel aan de Merelstraat"
WINDOW_SIZE = (1366, 888)
IMAGE_WIDTH = 840
ORGANISATION = "Woonstichting De Linde"
COACH = "Sanne Bakker"


def _isolate(root: Path) -> Path:
    """Point every per-user folder at ``root`` and take the keyring out of play."""
    for name, sub in (("HOME", "home"), ("XDG_DATA_HOME", "home/.local/share"),
                      ("XDG_CONFIG_HOME", "home/.config"), ("XDG_CACHE_HOME", "home/.cache")):
        (root / sub).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(root / sub)
    os.environ.pop("RENODESK_DATA_DIR", None)
    os.environ["RENODESK_PASSPHRASE"] = PASSPHRASE
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    return root / "werkruimte"


class Driver:
    """The main window, a way to wait for its background work, and a camera."""

    def __init__(self, out: Path, data_dir: Path, language: str) -> None:
        from renodesk.ui import app as uiapp

        self.out = out
        self.story = STORIES[language]
        self.app = QApplication(sys.argv[:1])
        uiapp.configure(self.app)
        paths = uiapp.resolve_paths(str(data_dir), False)
        self.window, self.startup = uiapp.build(paths, language, False)
        self.window.resize(*WINDOW_SIZE)
        self.missed: list[str] = []

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(what)
            QTest.qWait(50)

    def settle(self, ms: int = 300) -> None:
        QTest.qWait(ms)
        self.wait(lambda: self.window.runner.pending == 0, "background work")
        QTest.qWait(100)

    def shoot(self, number: int, dialog: QWidget | None = None) -> None:
        """Picture ``number``: the window (with ``dialog`` painted where it stands), scaled
        to the guide's width."""
        self.settle()
        picture = self.window.grab()
        if dialog is not None:
            at = dialog.mapToGlobal(QPoint(0, 0)) - self.window.mapToGlobal(QPoint(0, 0))
            painter = QPainter(picture)
            painter.drawPixmap(at, dialog.grab())
            painter.end()
        scaled: QPixmap = picture.scaledToWidth(IMAGE_WIDTH,
                                                Qt.TransformationMode.SmoothTransformation)
        target = self.out / f"{self.story.picture(number)}.png"
        scaled.save(str(target))
        print("wrote", target, flush=True)

    def when_modal(self, kind: type[D], handle: Callable[[D], None], timeout: float = 30) -> None:
        """Call ``handle`` with the next modal ``kind`` dialog, inside its own event loop."""
        end = time.monotonic() + timeout

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, kind) and modal.isVisible():
                handle(modal)
            elif time.monotonic() < end:
                QTimer.singleShot(100, poll)
            else:
                self.missed.append(kind.__name__)

        QTimer.singleShot(100, poll)

    def page(self, key: str, kind: type[P]) -> P:
        """The page ``key`` of the window, shown."""
        self.window.navigate(key)
        self.settle()
        return self.shown(key, kind)

    def shown(self, key: str, kind: type[P]) -> P:
        """The page ``key`` as it is (the profile or visit just opened)."""
        found = self.window.pages[key]
        assert isinstance(found, kind)
        return found

    def dialog(self, kind: type[D]) -> D:
        found: list[D] = []

        def shown() -> bool:
            found[:] = [d for d in QApplication.topLevelWidgets()
                        if isinstance(d, kind) and d.isVisible()]
            return bool(found)

        self.wait(shown, kind.__name__)
        return found[-1]

    def button(self, parent: QWidget, text: str) -> QAbstractButton:
        for candidate in parent.findChildren(QAbstractButton):
            if candidate.isVisible() and candidate.text().replace("&", "") == text:
                return candidate
        raise LookupError(text)


def first_run(d: Driver, data_dir: Path) -> None:
    """01 and 02: the wizard, then the window opens on Vandaag."""
    from renodesk.ui.first_run import FirstRunWizard

    def fill(wizard: FirstRunWizard) -> None:
        QTest.keyClicks(wizard.organisation, ORGANISATION)
        QTest.keyClicks(wizard.coach, COACH)
        d.shoot(1, wizard)
        wizard.next()
        wizard.password.setText("keukentafel")
        wizard.password_again.setText("keukentafel")
        wizard.next()
        wizard.folder.setText(str(data_dir))
        wizard.next()
        wizard.passphrase.setText(PASSPHRASE)
        wizard.passphrase_again.setText(PASSPHRASE)
        d.shoot(2, wizard)
        wizard.accept()

    d.window.show()
    d.when_modal(FirstRunWizard, fill)
    QTimer.singleShot(0, d.startup.begin)
    d.wait(lambda: d.window.ready, "workspace ready", 120)
    d.settle()


def project_with_household(d: Driver) -> None:
    """A project, a partner and two dwellings with their households (as in chapter 4)."""
    from renodesk.ui.pages.projects import ProjectsPage
    from renodesk.ui.pages.projects_tabs import DWELLINGS_TAB, PARTNERS_TAB
    from renodesk.ui.roster_dialogs import PartnerDialog, RosterDialog
    from renodesk.ui.setup_dialogs import HouseholdDialog, ProjectDialog

    story = d.story
    page = d.page("projects", ProjectsPage)
    page.new_button.click()
    project = d.dialog(ProjectDialog)
    project.name.setText("Renovatie Vogelbuurt")
    project.code.setText("VB-01")
    project.consent_deadline.setText("01-03-2027")
    project.save_button.click()
    d.settle(600)
    page.tabs.buttons["addRoster"].click()  # the coach: every letter gives her phone number
    roster = d.dialog(RosterDialog)
    roster.member.setCurrentIndex(0)  # "Sanne Bakker (uzelf)"
    roster.member_phone.setText("06-18470054")
    roster.role.setCurrentIndex(roster.role.findData("tenant_coach"))
    roster.responsibilities.setPlainText(story.responsibilities)
    roster.save_button.click()
    d.settle(600)
    page.tabs.setCurrentIndex(PARTNERS_TAB)
    page.tabs.buttons["addPartner"].click()
    partner = d.dialog(PartnerDialog)
    partner.name.setText("Wijkteam Noord")
    partner.kind.setCurrentIndex(partner.kind.findData("neighbourhood_team"))
    partner.phone.setText("030-1234567")
    partner.save_button.click()
    d.settle(600)
    page.tabs.setCurrentIndex(DWELLINGS_TAB)
    for number, addition, name in (("12", "A", story.household),
                                   ("14", "", "Familie Bakkal")):
        page.tabs.buttons["addDwelling"].click()
        household = d.dialog(HouseholdDialog)
        household.street.setText("Merelstraat")
        household.number.setText(number)
        household.addition.setText(addition)
        household.postcode.setText("1234 AB")
        household.city.setText("Utrecht")
        household.name.setText(name)
        household.save_button.click()
        d.settle(600)


def open_profile(d: Driver) -> None:
    """Find the household as the guide says: type in the search field, press Enter."""
    from renodesk.ui.pages.households import HouseholdsPage

    page = d.page("households", HouseholdsPage)
    QTest.keyClicks(page.query, d.story.search)
    d.settle(600)
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    d.settle(600)


def as_kind(widget: QWidget, kind: type[P]) -> P:
    """A form's field as the widget it is."""
    assert isinstance(widget, kind)
    return widget


def record_needs(d: Driver) -> None:
    """Consent, a vulnerability and a partner on the profile."""
    from renodesk.ui.pages.household import HouseholdPage
    from renodesk.ui.widgets.needs_dialogs import InvolvementDialog, VulnerabilityDialog

    story = d.story
    profile = d.shown("household", HouseholdPage)
    edits = profile.form.edits
    basis = as_kind(edits["consent_basis"], QComboBox)
    basis.setCurrentIndex(basis.findData("explicit_consent"))
    as_kind(edits["consent_scope"], QPlainTextEdit).setPlainText(story.consent_scope)
    language = as_kind(edits["language"], QComboBox)
    language.setCurrentIndex(language.findData(story.tenant_language))
    as_kind(edits["reads_with_difficulty"], QCheckBox).setChecked(True)
    for field, value in (("consent_date", QDateTime.currentDateTime().toString("dd-MM-yyyy")),
                         ("phone", "06-12345670"),
                         ("contact_person_name", story.contact_person),
                         ("contact_person_relation", story.relation),
                         ("contact_person_phone", "06-23456781"),
                         ("contact_person_street", "Lijsterlaan 3"),
                         ("contact_person_postcode", "1235 CD"),
                         ("contact_person_city", "Utrecht")):
        as_kind(edits[field], QLineEdit).setText(value)
    profile.save_button.click()
    d.settle(600)
    profile.needs.vulnerability_buttons[0].click()
    need = d.dialog(VulnerabilityDialog)
    need.category.setCurrentIndex(need.category.findData("mobility"))
    need.weight.setCurrentIndex(need.weight.findData(3))
    need.implications.setPlainText(story.implications)
    need.save_button.click()
    d.settle(600)
    profile.needs.partner_buttons[0].click()
    involvement = d.dialog(InvolvementDialog)
    partners = involvement.partner
    d.wait(lambda: partners.findText("Wijkteam Noord", Qt.MatchFlag.MatchStartsWith) >= 0,
           "the project's partners")
    partners.setCurrentIndex(partners.findText("Wijkteam Noord", Qt.MatchFlag.MatchStartsWith))
    involvement.role.setText(story.partner_role)
    involvement.consent.setChecked(True)
    involvement.save_button.click()
    d.settle(600)


def plan_visit(d: Driver) -> None:
    """04: today, at an hour already past, so the report can be written straight away."""
    from renodesk.ui.pages.household import HouseholdPage
    from renodesk.ui.pages.visits import VisitsPage

    d.shown("household", HouseholdPage).plan_button.click()
    d.settle(600)
    box = d.shown("visits", VisitsPage).editor.plan_box
    box.kind.setCurrentIndex(box.kind.findData("kitchen_table"))
    when = QDateTime.currentDateTime()
    when.setTime(QTime(max(when.time().hour() - 1, 0), 0))
    box.planned_at.setDateTime(when)
    box.visitors.setText(COACH)
    d.shoot(4)
    box.button.click()
    d.settle(600)


def write_report(d: Driver) -> None:
    """05: the report with one agreement and one action, then saved and finalised."""
    from renodesk.ui.pages.visits import VisitsPage

    story = d.story
    page = d.shown("visits", VisitsPage).editor
    form = page.form
    QTest.keyClicks(form.attendees, story.attendees)
    QTest.keyClicks(form.texts["notes"], story.notes)
    QTest.keyClicks(form.texts["wishes"], story.wishes)
    QTest.keyClicks(form.texts["worries"], story.worries)
    form.add_adjustment.click()
    d.settle()
    agreements = form.adjustment_table.model()
    due = QDateTime.currentDateTime().addDays(21).toString("dd-MM-yyyy")
    for column, value in ((form.A_CATEGORY, "temporary_housing"), (form.A_STATUS, "agreed"),
                          (form.A_DESCRIPTION, story.agreement),
                          (form.A_DUE, due)):
        agreements.setData(agreements.index(0, column), value)
    form.add_action.click()
    d.settle()
    actions = form.action_table.model()
    actions.setData(actions.index(0, form.T_DESCRIPTION), story.action)
    for inline in (form.adjustment_table, form.action_table):  # no cell editor in the picture
        inline.setCurrentIndex(QModelIndex())
    for scroll in page.findChildren(QScrollArea):
        if scroll.isVisible() and scroll.isAncestorOf(form.adjustment_table):
            scroll.ensureWidgetVisible(page.save_button, 0, 0)
    d.shoot(5)
    page.save_button.click()
    d.settle(600)
    d.when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.finalise_button.click()
    d.settle(600)


def profile_after_visit(d: Driver, household_id: str) -> None:
    """03: the profile, now with the agreement under Gepland / binnenkort and a history."""
    d.window.navigate("household", household_id)
    d.settle(600)
    d.shoot(3)


def letters(d: Driver) -> None:
    """06 batch letters, 07 the preview, 08 the print dialog."""
    from renodesk.ui.pages.letters import BatchDialog, LettersPage

    page = d.page("letters", LettersPage)

    def batch(dialog: BatchDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("visit_report"))
        d.shoot(6, dialog)
        d.button(dialog, d.story.make_letters).click()

    d.when_modal(BatchDialog, batch)
    page.batch_button.click()
    d.settle(1500)
    page.table.setFocus()
    page.table.selectRow(0)
    d.settle(2000)
    d.shoot(7)

    def printer(dialog: QPrintDialog) -> None:
        # The suggested file lies in this script's temporary HOME; type a coach's own.
        for field in dialog.findChildren(QLineEdit):
            if field.isVisible() and field.text().endswith(".pdf"):
                field.setText(d.story.pdf_file)
        d.shoot(8, dialog)
        dialog.reject()

    d.when_modal(QPrintDialog, printer)
    d.wait(page.print_button.isEnabled, "a letter to print")
    page.print_button.click()
    d.settle()


def about(d: Driver) -> None:
    """09: Help > Over RenoDesk."""
    from renodesk.ui.about import AboutDialog

    def shoot(dialog: AboutDialog) -> None:
        d.shoot(9, dialog)
        dialog.reject()

    d.when_modal(AboutDialog, shoot)
    d.window.menus.help_menu.act_about.trigger()
    d.settle()


def household_id(d: Driver, name: str) -> str:
    from sqlalchemy import select

    from renodesk.storage.models import Household

    got: list[tuple[object, BaseException | None]] = []
    d.window.runner.read(
        lambda ws: ws.engine.connect().execute(
            select(Household.id).where(Household.name == name)).scalar_one(),
        lambda result, error: got.append((result, error)))
    d.wait(lambda: bool(got), "household id")
    if got[0][1] is not None:
        raise got[0][1]
    return str(got[0][0])


def main(out: Path, language: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="renodesk-guide-") as temp:
        data_dir = _isolate(Path(temp))
        d = Driver(out, data_dir, language)
        first_run(d, data_dir)
        project_with_household(d)
        open_profile(d)
        record_needs(d)
        plan_visit(d)
        write_report(d)
        profile_after_visit(d, household_id(d, d.story.household))
        letters(d)
        about(d)
        d.window.close()
        d.settle()
    missing = [name for name in d.story.pictures if not (out / f"{name}.png").exists()]
    if d.missed or missing:
        sys.exit(f"not made: dialogs {d.missed}; pictures {missing}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=sorted(STORIES), default="nl",
                        help="the window's language and the guide the pictures are for")
    parser.add_argument("outdir", type=Path, help="the folder the pictures are written to")
    arguments = parser.parse_args()
    main(arguments.outdir.resolve(), arguments.lang)
