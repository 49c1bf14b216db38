"""In the window: a letter to the contact person after a death, the page saying to whom a
letter went, a batch naming who was skipped, and every template language for the
organisation's default."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from fixtures.records_world import TODAY, World, build_world
from pypdf import PdfReader

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.household_status import end_tenancy
from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.worker import InlineRunner

EMRE_ADDRESS = {"contact_person_street": "Lindenlaan 4", "contact_person_postcode": "8012 AB",
                "contact_person_city": "Zwolle"}


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def words(pdf: bytes | None) -> str:
    assert pdf is not None
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def test_after_a_death_the_dialog_writes_to_the_contact_person(
        qtbot: Any, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from renodesk.ui import letter_dialog
    from renodesk.ui.letter_dialog import LetterDialog
    from renodesk.ui.pages.letters import LettersPage

    yilmaz = world.households["Gülşen Yılmaz"]
    world.ws.update("household", yilmaz, EMRE_ADDRESS)
    end_tenancy(world.ws, yilmaz, "deceased", TODAY)
    runner = InlineRunner(world.ws)
    dialog = LetterDialog(runner, household_id=yilmaz)
    qtbot.addWidget(dialog)

    assert dialog.to_contact.isVisibleTo(dialog) and dialog.to_contact.isChecked()
    assert "Emre Yılmaz (zoon)" in dialog.contact_note.text()
    assert "Beste Emre Yılmaz," in words(dialog.preview_pdf)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.INVITATION.value))
    assert "kan niet naar de contactpersoon" in dialog.message.text()
    assert not dialog.print_button.isEnabled()
    dialog.to_contact.setChecked(False)
    dialog.to_contact.setChecked(True)  # back to a kind the contact person can get
    assert LetterKind(dialog.kind.currentData()) == LetterKind.AGREEMENTS
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName",
                        lambda *args: (str(out), ""))
    dialog.save_letter()
    assert "Lindenlaan 4" in PdfReader(out).pages[0].extract_text()

    page = LettersPage(PageContext(runner=runner, settings=Settings(None),
                                   navigate=lambda *args: None, notify=lambda text: None))
    qtbot.addWidget(page)
    page.load()
    cell = page.table.item(0, 6)
    assert cell is not None and cell.text() == "Emre Yılmaz (zoon)"
    assert cell.toolTip() == "Contact person Emre Yılmaz (zoon)"


def test_without_an_address_the_dialog_says_so_and_makes_nothing(
        qtbot: Any, world: World) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    yilmaz = world.households["Gülşen Yılmaz"]
    end_tenancy(world.ws, yilmaz, "moved", TODAY)
    dialog = LetterDialog(InlineRunner(world.ws), household_id=yilmaz)
    qtbot.addWidget(dialog)

    assert "address is not recorded" in dialog.contact_note.text()
    assert "geen volledig adres" in dialog.message.text()
    assert dialog.preview_pdf is None and not dialog.save_button.isEnabled()


def test_a_tenant_who_gets_post_in_person_is_not_offered_the_contact_person(
        qtbot: Any, world: World) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    dialog = LetterDialog(InlineRunner(world.ws), household_id=world.households["Gülşen Yılmaz"])
    qtbot.addWidget(dialog)
    assert not dialog.to_contact.isVisibleTo(dialog) and not dialog.to_contact.isChecked()
    assert dialog.preview_pdf is not None


def test_a_batch_names_who_was_skipped_and_why(qtbot: Any, world: World) -> None:
    from renodesk.core.letters import MadeBatch, Skipped
    from renodesk.ui.pages.letters import LettersPage

    said: list[str] = []
    page = LettersPage(PageContext(runner=InlineRunner(world.ws), settings=Settings(None),
                                   navigate=lambda *args: None, notify=said.append))
    qtbot.addWidget(page)
    gone = RenoDeskError("letters.error.household_deceased", name="Gülşen Yılmaz")
    no_visit = RenoDeskError("letters.error.no_visit", name="Kees Jansen", kind="Uitnodiging")
    page._batch_done(MadeBatch(b"", 0, ["l1"], [Skipped("Gülşen Yılmaz", gone),
                                                Skipped("Kees Jansen", no_visit)], ()), None)
    assert "(no suitable visit): Kees Jansen" in page.message.text()
    assert "\nSkipped: Gülşen Yılmaz is overleden." in page.message.text()
    assert said == [page.message.text()]


def test_the_organisation_chooses_any_template_language_as_its_default(
        qtbot: Any, small_demo: Workspace) -> None:
    from renodesk.app import ORGANISATION_ID
    from renodesk.ui.organisation_dialog import OrganisationDialog

    dialog = OrganisationDialog(InlineRunner(small_demo))
    qtbot.addWidget(dialog)
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes[:2] == ["nl", "en"] and {"tr", "ar", "pl"} <= set(codes)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    dialog.render_preview()
    assert dialog.preview.page_count >= 2  # Polish, then the Dutch text
    dialog.save()
    assert small_demo.get("organisation", ORGANISATION_ID)["letter_language"] == "pl"
