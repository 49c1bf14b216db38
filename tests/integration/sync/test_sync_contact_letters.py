"""The contact person's address and a letter sent to them reach the other laptop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from synckit import make_household, state, team_of

from renodesk.app import ORGANISATION_ID
from renodesk.core.enums import LetterKind
from renodesk.core.household_status import end_tenancy
from renodesk.core.letter_requests import LetterChoice
from renodesk.core.letters import make_letter


def test_a_letter_to_the_contact_person_reaches_the_other_laptop(tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne)
    sanne.sync()
    ahmet.sync()
    # Ahmet records the daughter's address while Sanne records the death: both stay.
    ahmet.ws.update("household", household, {
        "contact_person_name": "Noor Jansen", "contact_person_relation": "dochter",
        "contact_person_street": "Beukenlaan 3", "contact_person_postcode": "3511 AA",
        "contact_person_city": "Utrecht"})
    end_tenancy(sanne.ws, household, "deceased", date(2026, 11, 20))
    for laptop in (ahmet, sanne, ahmet):
        laptop.sync()
    row = sanne.rows("household")[household]
    assert (row["status"], row["contact_person_street"], row["contact_person_postcode"]) == (
        "deceased", "Beukenlaan 3", "3511 AA")

    sanne.ws.update("organisation", ORGANISATION_ID, {"phone": "030-1234567"})
    made = make_letter(sanne.ws, LetterChoice(LetterKind.AGREEMENTS, household,
                                              to_contact_person=True))
    sanne.sync()
    ahmet.sync()
    assert ahmet.rows("letter")[made.letter_id]["addressed_to"] == "Noor Jansen (dochter)"
    assert state(sanne) == state(ahmet)
