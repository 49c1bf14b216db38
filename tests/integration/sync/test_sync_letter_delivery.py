"""How a letter went out, changed on one laptop, reaches the other; the letter stays as it was."""

from __future__ import annotations

from pathlib import Path

from synckit import make_household, state, team_of

from renodesk.app import ORGANISATION_ID
from renodesk.core.enums import LetterKind
from renodesk.core.letter_delivery import change_delivery
from renodesk.core.letter_requests import LetterChoice
from renodesk.core.letters import make_letter


def test_a_letter_handed_over_on_one_laptop_is_handed_over_on_the_other(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne)
    sanne.ws.update("organisation", ORGANISATION_ID, {"phone": "030-1234567"})
    made = make_letter(sanne.ws, LetterChoice(LetterKind.AGREEMENTS, household))
    sanne.sync()
    ahmet.sync()
    assert ahmet.rows("letter")[made.letter_id]["delivery"] == "post"

    change_delivery(ahmet.ws, made.letter_id, "by_hand")
    ahmet.sync()
    sanne.sync()
    letter = sanne.rows("letter")[made.letter_id]
    assert letter["delivery"] == "by_hand"
    assert letter["pdf"] == made.result.pdf
    assert state(sanne) == state(ahmet)
