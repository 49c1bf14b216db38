"""An anonymised case for a reflection meeting holds nothing that identifies the tenant."""

from __future__ import annotations

import re
from datetime import date, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from renodesk.core.errors import RenoDeskError
from renodesk.reports.reflection import (
    Identifiers,
    ReviewedPassage,
    age_band,
    collect_case,
    export_case_summary,
    scrub,
)
from renodesk.reports.reflection_pdf import render_case_summary

TODAY = date(2026, 11, 26)
# Distinctive planted values: none of them may reach the PDF.
NAME = "Zwaantje Quirijnsdochter-Wolkenbreker"
STREET = "Xylofoonsteeg"
POSTCODE = "9876 QZ"
PHONE = "06-98761234"
EMAIL = "zwaantje.q@voorbeeld-planted.nl"
CONTACT = "Bartholomeus Quirijnsdochter"
CITY = "Vlinderdam"


@pytest.fixture
def case_world(workspace):  # type: ignore[no-untyped-def]
    with workspace.write() as uow:
        project = uow.create("project", {"name": "Vlinderhof", "code": "VH-9",
                                         "phase": "execution"})
        dwelling = uow.create("dwelling", {"project_id": project, "street": STREET,
                                           "number": 7, "postcode": POSTCODE, "city": CITY})
        household = uow.create("household", {
            "dwelling_id": dwelling, "name": NAME, "salutation": "mevrouw Quirijnsdochter",
            "birth_year": 1948, "phone": PHONE, "email": EMAIL, "interpreter_needed": True,
            "contact_person_name": CONTACT, "contact_person_phone": "06-55501234",
            "consent_basis": "explicit_consent", "consent_date": date(2026, 1, 5),
            "stance": "yes", "stance_signed_date": date(2026, 3, 20),
            "resistance_kind": "cant", "resistance_causes": "fear_of_works,overload",
            "resistance_approach": "Vaste coach; mevrouw Quirijnsdochter belt liever niet.",
            "notes": f"Woont sinds 1980 aan de {STREET}."})
        uow.create("vulnerability", {"household_id": household, "category": "mobility",
                                     "weight": 3, "implications": "Rollator; traplift nodig."})
        uow.create("contact_moment", {"household_id": household, "at": datetime(2026, 2, 2, 10),
                                      "channel": "phone", "outcome": "not_home",
                                      "summary": f"Geen gehoor op {PHONE}."})
        uow.create("contact_moment", {"household_id": household, "at": datetime(2026, 2, 11, 10),
                                      "channel": "visit", "outcome": "reached",
                                      "summary": "Kennismaking, zoon was erbij."})
        visit = uow.create("visit", {
            "household_id": household, "planned_at": datetime(2026, 2, 18, 14),
            "kind": "kitchen_table", "status": "done", "visitors": "Sanne Bakker",
            "notes": f"Zwaantje vertelde over haar angst. Mail {EMAIL}.",
            "wishes": "Rustige kamer tijdens de werkzaamheden.",
            "worries": f"Bang dat {CONTACT} niet op tijd komt."})
        uow.create("adjustment", {
            "household_id": household, "project_id": project, "visit_id": visit,
            "category": "temporary_housing", "status": "agreed",
            "agreed_date": date(2026, 2, 18),
            "description": f"Rustwoning in de {STREET} tijdens de badkamerweek."})
        uow.create("action", {"household_id": household, "description": "Traplift aanvragen",
                              "done_date": date(2026, 3, 1)})
    return workspace, household


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def test_the_case_file_counts_weeks_and_bands_the_age(case_world):
    ws, household = case_world
    with ws.engine.connect() as conn:
        case = collect_case(conn, household, TODAY)
    assert case.age_band == (70, 79)
    assert [(e.week, e.entity) for e in case.events][:3] == [
        (1, "contact_moment"), (2, "contact_moment"), (3, "visit")]
    assert case.stance_week == 7
    assert case.adjustments == [("temporary_housing", "agreed", 3)]
    assert {p.kind for p in case.passages} >= {
        "resistance_approach", "vulnerability", "visit_notes", "visit_wishes", "visit_worries",
        "contact_summary", "adjustment", "action"}


def test_the_pdf_holds_no_identifying_value_and_no_unreviewed_text(case_world):
    ws, household = case_world
    with ws.engine.connect() as conn:
        case = collect_case(conn, household, TODAY)
    wishes = next(p for p in case.passages if p.kind == "visit_wishes")
    approach = next(p for p in case.passages if p.kind == "resistance_approach")
    reviewed = [ReviewedPassage(wishes.key, wishes.text),
                ReviewedPassage(approach.key, "Vaste coach; mevrouw belt liever niet.")]
    pdf = export_case_summary(ws, household, reviewed, "nl", TODAY)
    content = _text(pdf)
    flat = re.sub(r"\s+", " ", content)

    for planted in (*NAME.replace("-", " ").split(), STREET, POSTCODE, PHONE, EMAIL,
                    *CONTACT.split(), CITY, "06-55501234", "1948", "Vlinderhof", "VH-9",
                    "Sanne Bakker", "2026", "Woont sinds", "Geen gehoor", "zoon was erbij",
                    "Rollator", "Traplift", "Rustwoning", "haar angst"):
        assert planted.lower() not in flat.lower(), planted
    assert "70 tot 79 jaar" in flat
    assert "Rustige kamer tijdens de werkzaamheden." in flat
    assert "Vaste coach; mevrouw belt liever niet." in flat
    assert "Beperkt mobiel (●●●)" in flat
    assert "Week" in flat and "Afspraak" in flat
    metadata = PdfReader(BytesIO(pdf)).metadata or {}
    assert not any(NAME.split()[0] in str(value) for value in metadata.values())
    with ws.engine.connect() as conn:
        audited = conn.exec_driver_sql(
            "SELECT detail FROM audit_entry WHERE action = 'export' AND household_id = ?",
            (household,)).scalars().all()
    assert audited == ["reflection"]


def test_a_reviewed_passage_that_still_identifies_stops_the_summary(case_world):
    ws, household = case_world
    with ws.engine.connect() as conn:
        case = collect_case(conn, household, TODAY)
    notes = next(p for p in case.passages if p.kind == "visit_notes")
    for leftover in ("zwaantje vertelde over haar angst", "Mail ZWAANTJE.Q@voorbeeld-planted.nl",
                     "Bel 06 98 76 12 34", "Woont op de xylofoonsteeg", "postcode 9876qz",
                     "Bel de zoon op 0612345678", "quirijnsdochter"):
        with pytest.raises(RenoDeskError) as caught:
            render_case_summary(case, [ReviewedPassage(notes.key, leftover)], "nl")
        assert caught.value.key == "reflection.error.identifying"
        assert leftover not in caught.value.message()


def test_scrub_ignores_particles_and_ordinary_words():
    ids = Identifiers.of({"name": "Jan van der Berg", "phone": "06-12345678"},
                         {"street": "Van Goghstraat", "postcode": "1234 AB"})
    assert scrub("De bewoner wil van de buren niets weten.", ids) == []
    assert scrub("Rond 1200 euro per maand; 3 kamers.", ids) == []
    assert scrub("Meneer Berg wil bellen.", ids) == ["berg"]
    assert scrub("Woont aan de Van Goghstraat.", ids)
    assert scrub("Bel 06 1234 5678.", ids)


def test_age_bands():
    assert age_band(1948, TODAY) == (70, 79)
    assert age_band(1930, TODAY) == (90, None)
    assert age_band(None, TODAY) is None


def test_without_consent_no_sensitive_data_goes_in(case_world):
    ws, household = case_world
    ws.update("household", household, {"consent_withdrawn_date": date(2026, 6, 1)})
    with ws.engine.connect() as conn:
        case = collect_case(conn, household, TODAY)
    assert case.vulnerabilities == [] and case.resistance_causes == []
    assert not {p.kind for p in case.passages} & {
        "resistance_approach", "vulnerability", "visit_notes", "contact_summary"}
    content = _text(render_case_summary(case, [], "en"))
    assert "mobility" not in content and "No free text included." in content
