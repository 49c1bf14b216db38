"""Letters from the workspace: a coach makes, keeps, reprints and batches letters."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.letter_requests import LetterChoice
from renodesk.core.letters import (
    check_logo,
    letter_rows,
    make_batch,
    make_letter,
    project_household_ids,
    reprint,
    save_organisation,
)
from renodesk.core.workspace import Workspace
from renodesk.letters.render import Cancelled


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def scalar(ws: Workspace, sql: str, **params: object) -> object:
    with ws.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def household_with(ws: Workspace, condition: str) -> str:
    value = scalar(ws, f"SELECT h.id FROM household h WHERE {condition} ORDER BY h.name LIMIT 1")
    assert value, condition
    return str(value)


PLANNED = "EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.status = 'planned')"


def test_an_invitation_is_kept_with_the_household_and_its_print_audited(
        small_demo: Workspace) -> None:
    hid = household_with(small_demo, PLANNED)
    small_demo.update("household", hid, {"language": "nl", "large_print": False,
                                         "reads_with_difficulty": False})
    made = make_letter(small_demo, LetterChoice(LetterKind.INVITATION, household_id=hid))
    words = pdf_text(made.result.pdf)
    name = str(scalar(small_demo, "SELECT name FROM household WHERE id = :h", h=hid))
    assert name in words
    assert "Wij komen graag bij u langs" in words
    assert "Waarom komen wij?" in words  # the purpose of this kind of visit
    row = small_demo.get("letter", made.letter_id)
    assert row["pdf"] == made.result.pdf and row["household_id"] == hid
    assert row["created_by"] == "Sanne Bakker" and row["kind"] == "invitation"
    assert row["visit_id"] is not None and row["language"] == "nl"
    assert scalar(small_demo, "SELECT count(*) FROM audit_entry WHERE action = 'print' "
                  "AND row_id = :l AND household_id = :h", l=made.letter_id, h=hid) == 1
    assert [c.entity for c in made.changes] == ["letter"]


def test_the_household_language_and_reading_needs_are_honoured(small_demo: Workspace) -> None:
    hid = household_with(small_demo, PLANNED)
    small_demo.update("household", hid, {"language": "en", "reads_with_difficulty": True})
    made = make_letter(small_demo, LetterChoice(LetterKind.INVITATION, household_id=hid))
    row = small_demo.get("letter", made.letter_id)
    assert row["language"] == "en" and row["large_print"] is True
    assert "We would like to visit you" in pdf_text(made.result.pdf)
    # A language without a template gives a Dutch letter, and the coach chooses freely.
    small_demo.update("household", hid, {"language": "ber"})
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid,
                                                large_print=False))
    assert small_demo.get("letter", made.letter_id)["language"] == "nl"
    assert small_demo.get("letter", made.letter_id)["large_print"] is False


def test_a_visit_report_lists_the_adjustments_agreed_in_that_visit(small_demo: Workspace) -> None:
    visit_id = str(scalar(small_demo, "SELECT v.id FROM visit v WHERE v.status = 'done' AND "
                          "EXISTS (SELECT 1 FROM adjustment a WHERE a.visit_id = v.id "
                          "AND a.status != 'dropped') LIMIT 1"))
    with small_demo.engine.connect() as conn:
        agreed = [r[0] for r in conn.execute(text(
            "SELECT description FROM adjustment WHERE visit_id = :v AND status != 'dropped'"),
            {"v": visit_id})]
        other = [r[0] for r in conn.execute(text(
            "SELECT a.description FROM adjustment a JOIN visit v ON v.household_id = "
            "a.household_id WHERE v.id = :v AND (a.visit_id IS NULL OR a.visit_id != :v)"),
            {"v": visit_id})]
    made = make_letter(small_demo, LetterChoice(LetterKind.VISIT_REPORT, visit_id=visit_id,
                                                language="nl", large_print=True))
    words = " ".join(pdf_text(made.result.pdf).split())
    for description in agreed:
        assert " ".join(description.split()[:3]) in words
    for description in set(other) - set(agreed):
        assert description not in words
    assert "Handtekening bewoner" in words
    assert small_demo.get("letter", made.letter_id)["visit_id"] == visit_id


def test_contact_persons_are_the_tenant_facing_roster(small_demo: Workspace) -> None:
    hid = household_with(small_demo, "1 = 1")
    made = make_letter(small_demo, LetterChoice(LetterKind.CONTACT_PERSONS, household_id=hid,
                                                language="en"))
    words = pdf_text(made.result.pdf)
    assert "Who can you call?" in words
    assert "Ruud Kramer" in words and "Site supervisor" in words
    assert "Koen van Dam" not in words and "Ilse Verhoeven" not in words  # project leaders


def test_a_visit_letter_without_a_visit_says_what_to_do(small_demo: Workspace) -> None:
    hid = household_with(small_demo, "NOT " + PLANNED)
    with pytest.raises(RenoDeskError) as caught:
        make_letter(small_demo, LetterChoice(LetterKind.INVITATION, household_id=hid))
    assert caught.value.key == "letters.error.no_visit"
    assert "Plan eerst een bezoek" in caught.value.message()
    assert scalar(small_demo, "SELECT count(*) FROM letter") == 0


def test_a_reprint_gives_the_kept_pdf_and_is_audited(small_demo: Workspace) -> None:
    hid = household_with(small_demo, "1 = 1")
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    assert reprint(small_demo, made.letter_id) == made.result.pdf
    assert scalar(small_demo, "SELECT count(*) FROM audit_entry WHERE action = 'print' "
                  "AND row_id = :l", l=made.letter_id) == 2
    rows = letter_rows(small_demo.engine.connect(), hid)
    assert [r.id for r in rows] == [made.letter_id] and rows[0].kind == "agreements"


def test_a_project_batch_keeps_one_letter_per_household_and_cancel_keeps_none(
        small_demo: Workspace) -> None:
    project_id = str(scalar(small_demo, "SELECT id FROM project ORDER BY name LIMIT 1"))
    with small_demo.engine.connect() as conn:
        ids = project_household_ids(conn, project_id)
    assert len(ids) >= 3
    seen: list[tuple[int, int]] = []

    def stop_halfway(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(Cancelled):
        make_batch(small_demo, LetterKind.CONTACT_PERSONS, ids, stop_halfway)
    assert scalar(small_demo, "SELECT count(*) FROM letter") == 0
    assert seen[-1][0] == 2
    batch = make_batch(small_demo, LetterKind.CONTACT_PERSONS, ids)
    assert len(batch.letter_ids) == len(ids) and batch.skipped == []
    assert batch.page_count >= len(ids)
    assert scalar(small_demo, "SELECT count(DISTINCT household_id) FROM letter") == len(ids)
    assert scalar(small_demo, "SELECT count(*) FROM audit_entry WHERE action = 'print'") == len(ids)


def test_a_batch_of_invitations_skips_households_without_a_planned_visit(
        small_demo: Workspace) -> None:
    with small_demo.engine.connect() as conn:
        ids = [str(r[0]) for r in conn.execute(text("SELECT id FROM household"))]
        planned = {str(r[0]) for r in conn.execute(
            text(f"SELECT h.id FROM household h WHERE {PLANNED}"))}
    batch = make_batch(small_demo, LetterKind.INVITATION, ids)
    assert len(batch.letter_ids) == len(planned)
    assert len(batch.skipped) == len(ids) - len(planned)


def test_a_logo_must_be_a_modest_png_or_jpeg(small_demo: Workspace) -> None:
    with pytest.raises(RenoDeskError, match="PNG"):
        check_logo(b"GIF89a....")
    with pytest.raises(RenoDeskError) as caught:
        check_logo(b"\x89PNG\r\n\x1a\n" + bytes(3_000_000))
    assert caught.value.key == "letters.error.logo_too_large"
    save_organisation(small_demo, {"street": "Lindelaan 1", "postcode": "3512 AB",
                                   "city": "Utrecht", "signatory_name": "Mira Jansen",
                                   "signatory_role": "Teamleider wonen"})
    hid = household_with(small_demo, "1 = 1")
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    words = pdf_text(made.result.pdf)
    assert "Mira Jansen" in words and "Utrecht, " in words and "Lindelaan 1" in words


def test_a_letter_with_no_phone_number_to_call_is_refused(small_demo: Workspace) -> None:
    with small_demo.engine.begin() as conn:
        conn.execute(text("UPDATE organisation SET phone = ''"))
        conn.execute(text("UPDATE team_member SET phone = ''"))
    hid = household_with(small_demo, "h.status = 'active'")
    with pytest.raises(RenoDeskError) as caught:
        make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    assert caught.value.key == "letters.error.no_phone"
    assert scalar(small_demo, "SELECT count(*) FROM letter") == 0
    others = [str(h) for h in [hid, household_with(small_demo, f"h.id != '{hid}'")]]
    with pytest.raises(RenoDeskError) as batch:  # the shared reason, not "moved or no visit"
        make_batch(small_demo, LetterKind.AGREEMENTS, others)
    assert batch.value.key == "letters.error.no_phone"


def test_a_name_written_with_a_title_gives_the_salutation(small_demo: Workspace) -> None:
    from renodesk.core.letter_people import salutation_from_name as _from_name

    assert _from_name("Mevrouw J. de Vries") == "mevrouw De Vries"
    assert _from_name("de heer A.B. van der Berg") == "de heer Van der Berg"
    assert _from_name("Mrs. E. Walker") == "mevrouw Walker"  # English titles too
    assert _from_name("Mr J. Smith") == "meneer Smith"
    assert _from_name("Fam. Bakkal") == "familie Bakkal"
    assert _from_name("Mrsa Jones") == ""  # a title is a whole word
    assert _from_name("Gülşen Yılmaz") == "" and _from_name("Mevrouw J.") == ""
    hid = household_with(small_demo, "h.status = 'active'")
    small_demo.update("household", hid, {"name": "Mevrouw J. de Vries", "salutation": "",
                                         "language": "nl"})
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    assert "Beste mevrouw De Vries," in pdf_text(made.result.pdf)
    small_demo.update("household", hid, {"name": "Mrs E. Walker", "language": "en"})
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    assert "Dear Mrs Walker," in pdf_text(made.result.pdf)
