"""The coach makes a letter for a household that reads Arabic: the dialog offers the
language, says the translation is not checked yet, and the kept letter holds both texts."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pypdf import PdfReader
from sqlalchemy import text

from renodesk.core.enums import LetterKind
from renodesk.core.workspace import Workspace
from renodesk.letters.rtl import shape
from renodesk.ui.worker import InlineRunner


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def planned_household(ws: Workspace) -> str:
    with ws.engine.connect() as conn:
        return str(conn.execute(text(
            "SELECT h.id FROM household h WHERE EXISTS (SELECT 1 FROM visit v WHERE "
            "v.household_id = h.id AND v.status = 'planned') ORDER BY h.name LIMIT 1")).scalar())


def test_the_dialog_offers_each_template_language_and_says_when_it_is_not_checked(
        qtbot: Any, small_demo: Workspace) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    hid = planned_household(small_demo)
    small_demo.update("household", hid, {"language": "nl"})
    dialog = LetterDialog(InlineRunner(small_demo), household_id=hid)
    qtbot.addWidget(dialog)
    names = {dialog.language.itemData(i): dialog.language.itemText(i)
             for i in range(dialog.language.count())}
    assert list(names)[:3] == [None, "nl", "en"]
    assert names["nl"] == "Nederlands" and names["en"] == "Engels (English)"
    # "... and Dutch" ("en Nederlands" with the Dutch translations installed)
    assert names["ar"].startswith("Arabisch (العربية) ") and names["ar"].endswith(" Dutch")
    assert names["tr"].startswith("Turks (Türkçe) ") and names["pl"].startswith("Pools (Polski) ")
    assert "moedertaalspreker" not in dialog.message.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.INVITATION.value))
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))

    assert "Vertaling nog niet nagekeken door een moedertaalspreker" in dialog.message.text()
    assert dialog.preview.page_count >= 2 and dialog.preview_pdf is not None
    words = pdf_text(dialog.preview_pdf)  # Arabic first (joined letters), then Dutch
    assert words.index(shape("نزوركم")) < words.index("Wij komen graag bij u langs")


def test_a_household_that_reads_turkish_gets_both_texts_with_its_own_data(
        small_demo: Workspace) -> None:
    from renodesk.core.letter_requests import LetterChoice
    from renodesk.core.letters import make_letter

    hid = planned_household(small_demo)
    small_demo.update("household", hid, {"language": "tr", "salutation": "mevrouw Demir"})

    made = make_letter(small_demo, LetterChoice(LetterKind.INVITATION, household_id=hid))

    words = pdf_text(made.result.pdf)
    assert small_demo.get("letter", made.letter_id)["language"] == "tr"
    assert "Sizi ziyaret etmek istiyoruz" in words and "Wij komen graag bij u langs" in words
    assert "Sayın Bayan Demir," in words and "Beste mevrouw Demir," in words
    assert "Neden geliyoruz?" in words and "Waarom komen wij?" in words
    assert [w.key for w in made.result.warnings] == ["letters.warning.translation_not_reviewed"]
