"""After a death or a move the coach still writes to the family: the letter goes to the
contact person's address, speaks about the tenant (never to them) and is kept with the
household saying to whom it went. A batch skips a household that left meanwhile."""

from __future__ import annotations

import pytest
from fixtures.records_world import TODAY, World, build_world
from letters_pdf_helpers import pdf_text
from sqlalchemy import text

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.household_status import end_tenancy
from renodesk.core.letter_requests import LetterChoice
from renodesk.core.letters import letter_rows, make_batch, make_letter, project_household_ids
from renodesk.core.workspace import Workspace

EMRE_ADDRESS = {"contact_person_street": "Lindenlaan 4", "contact_person_postcode": "8012 AB",
                "contact_person_city": "Zwolle"}


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


def words(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def kept(world: World, household: str) -> int:
    with world.ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM letter WHERE household_id = :h"),
                                {"h": household}).scalar() or 0)


def to_contact(kind: LetterKind, household: str, **more: object) -> LetterChoice:
    return LetterChoice(kind, household, to_contact_person=True, **more)  # type: ignore[arg-type]


def test_after_a_death_the_agreements_go_to_the_son_with_condolences(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    world.ws.update("household", yilmaz, {"salutation": "mevrouw Yılmaz", **EMRE_ADDRESS})
    end_tenancy(world.ws, yilmaz, "deceased", TODAY)

    made = make_letter(world.ws, to_contact(LetterKind.AGREEMENTS, yilmaz, language="nl"))

    said = words(made.result.pdf)
    assert "Emre Yılmaz Lindenlaan 4 8012 AB ZWOLLE" in said  # the envelope window
    assert "Beste Emre Yılmaz," in said
    assert "Wij hebben gehoord dat mevrouw Yılmaz is overleden." in said
    assert "Afspraken over de woning" in said
    assert "afspraken die wij met mevrouw Yılmaz hebben gemaakt" in said
    assert "Staan er nog spullen in de woning?" in said
    # Nothing speaks to the tenant herself.
    assert "Beste mevrouw Yılmaz" not in said and "met u hebben gemaakt" not in said
    row = world.ws.get("letter", made.letter_id)
    assert row["household_id"] == yilmaz and row["addressed_to"] == "Emre Yılmaz (zoon)"
    with world.ws.engine.connect() as conn:
        assert letter_rows(conn, yilmaz)[0].addressed_to == "Emre Yılmaz (zoon)"
        detail = conn.execute(text("SELECT detail FROM audit_entry WHERE row_id = :l"
                                   " AND action = 'print'"),
                              {"l": made.letter_id}).scalar()
    assert detail == "agreements,contact_person"  # the audit holds no name


def test_without_an_address_for_the_contact_person_no_letter_is_made(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    end_tenancy(world.ws, yilmaz, "moved", TODAY)

    with pytest.raises(RenoDeskError) as refused:
        make_letter(world.ws, to_contact(LetterKind.CONTACT_PERSONS, yilmaz))

    assert refused.value.key == "letters.error.contact_person_no_address"
    assert "Emre Yılmaz" in refused.value.message("nl")
    assert "straat, postcode en plaats" in refused.value.message("nl")
    assert kept(world, yilmaz) == 0


def test_a_household_without_a_contact_person_is_told_what_to_fill_in(world: World) -> None:
    jansen = world.households["Kees Jansen"]
    end_tenancy(world.ws, jansen, "deceased", TODAY)
    with pytest.raises(RenoDeskError) as refused:
        make_letter(world.ws, to_contact(LetterKind.AGREEMENTS, jansen))
    assert refused.value.key == "letters.error.contact_person_missing"
    assert kept(world, jansen) == 0


def test_an_active_tenant_gets_post_through_the_contact_person_only_by_choice(
        world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    world.ws.update("household", yilmaz, {**EMRE_ADDRESS, "language": "tr",
                                          "reads_with_difficulty": True})
    with pytest.raises(RenoDeskError) as refused:
        make_letter(world.ws, to_contact(LetterKind.AGREEMENTS, yilmaz))
    assert refused.value.key == "letters.error.contact_person_not_chosen"

    world.ws.update("household", yilmaz, {"preferred_channel": "contact_person"})
    made = make_letter(world.ws, to_contact(LetterKind.CONTACT_PERSONS, yilmaz))

    said = words(made.result.pdf)
    assert "wil dat wij post over de renovatie naar u sturen" in said
    assert "spullen" not in said  # she still lives there
    row = world.ws.get("letter", made.letter_id)
    # The son's language and reading are not recorded: the organisation's letter
    # language and normal print, not the tenant's Turkish and large print.
    assert row["language"] == "nl" and row["large_print"] is False


@pytest.mark.parametrize("kind", [LetterKind.INVITATION, LetterKind.VISIT_REPORT,
                                  LetterKind.NOT_HOME_CARD])
def test_visit_letters_do_not_go_to_the_contact_person(world: World, kind: LetterKind) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    world.ws.update("household", yilmaz, EMRE_ADDRESS)
    end_tenancy(world.ws, yilmaz, "deceased", TODAY)
    with pytest.raises(RenoDeskError) as refused:
        make_letter(world.ws, to_contact(kind, yilmaz))
    assert refused.value.key == "letters.error.contact_person_kind"


def test_a_letter_to_the_contact_person_in_arabic_has_its_own_opening(world: World) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    world.ws.update("household", yilmaz, EMRE_ADDRESS)
    end_tenancy(world.ws, yilmaz, "deceased", TODAY)
    made = make_letter(world.ws, to_contact(LetterKind.AGREEMENTS, yilmaz, language="ar"))
    said = words(made.result.pdf)
    assert "Wij hebben gehoord dat Gülşen Yılmaz is overleden." in said  # the Dutch part
    assert world.ws.get("letter", made.letter_id)["language"] == "ar"


def test_a_batch_skips_a_household_that_left_after_it_was_chosen(world: World) -> None:
    with world.ws.engine.connect() as conn:
        chosen = project_household_ids(conn, world.vogelbuurt)
    left = world.households["Gülşen Yılmaz"]
    assert left in chosen
    end_tenancy(world.ws, left, "deceased", TODAY)  # between choosing and printing

    batch = make_batch(world.ws, LetterKind.AGREEMENTS, chosen)

    assert len(batch.letter_ids) == len(chosen) - 1 and kept(world, left) == 0
    (skipped,) = batch.skipped_otherwise()
    assert skipped.name == "Gülşen Yılmaz" and "is overleden" in skipped.message("nl")
    assert batch.skipped_without_visit() == []
    assert "Gülşen Yılmaz" not in pdf_text(batch.pdf)


def test_a_batch_of_only_households_that_left_makes_nothing_and_says_why(world: World) -> None:
    left = world.households["Gülşen Yılmaz"]
    end_tenancy(world.ws, left, "moved", TODAY)
    with pytest.raises(RenoDeskError) as refused:
        make_batch(world.ws, LetterKind.AGREEMENTS, [left])
    assert refused.value.key == "letters.error.household_moved"  # its own reason, not "none"
    assert kept(world, left) == 0
