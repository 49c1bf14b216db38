"""How a letter reached the tenant: suggested when it is made, changed afterwards (audited,
synced, the PDF untouched), shown in the history and in the subject-access export."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from renodesk.core.enums import Delivery, LetterKind
from renodesk.core.errors import NotFoundError, RenoDeskError
from renodesk.core.letter_delivery import change_delivery, delivery_of, suggested_delivery
from renodesk.core.letter_requests import LetterChoice
from renodesk.core.letters import letter_rows, make_batch, make_letter, project_household_ids
from renodesk.core.queries.timeline import household_timeline
from renodesk.core.workspace import Workspace
from renodesk.reports.inzage import display, export_household

TODAY = date(2026, 11, 26)


def one(ws: Workspace, sql: str, **params: object) -> object:
    with ws.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def visit_with(ws: Workspace, status: str) -> tuple[str, datetime]:
    with ws.engine.connect() as conn:
        row = conn.execute(text("SELECT id, planned_at FROM visit WHERE status = :s "
                                "ORDER BY planned_at, id LIMIT 1"), {"s": status}).first()
    assert row is not None, status
    return str(row.id), row.planned_at if isinstance(row.planned_at, datetime) else \
        datetime.fromisoformat(str(row.planned_at))


def outbox(ws: Workspace, letter_id: str) -> list[tuple[str, object]]:
    with ws.engine.connect() as conn:
        rows = conn.execute(text("SELECT field, value_json FROM sync_operation WHERE "
                                 "entity = 'letter' AND row_id = :id ORDER BY device_seq"),
                            {"id": letter_id})
        return [(r.field, json.loads(r.value_json)) for r in rows]


# --- what is suggested ----------------------------------------------------------------


@pytest.mark.parametrize(("kind", "visit_day", "to_contact", "expected"), [
    (LetterKind.NOT_HOME_CARD, date(2026, 11, 20), False, Delivery.DOOR),
    (LetterKind.VISIT_REPORT, TODAY, False, Delivery.BY_HAND),
    (LetterKind.VISIT_REPORT, date(2026, 11, 25), False, Delivery.POST),
    (LetterKind.VISIT_REPORT, None, False, Delivery.POST),  # a batch: no visit day
    (LetterKind.INVITATION, TODAY, False, Delivery.POST),
    (LetterKind.AGREEMENTS, None, False, Delivery.POST),
    (LetterKind.AGREEMENTS, None, True, Delivery.POST),
    (LetterKind.CONTACT_PERSONS, None, False, Delivery.POST),
])
def test_the_suggestion_follows_the_kind_of_letter(
        kind: LetterKind, visit_day: date | None, to_contact: bool, expected: Delivery) -> None:
    assert suggested_delivery(kind, visit_day, TODAY, to_contact) == expected


def test_a_not_at_home_card_is_kept_as_through_the_letterbox(small_demo: Workspace) -> None:
    visit_id, _ = visit_with(small_demo, "not_home")
    made = make_letter(small_demo, LetterChoice(LetterKind.NOT_HOME_CARD, visit_id=visit_id))
    assert made.delivery == Delivery.DOOR
    assert small_demo.get("letter", made.letter_id)["delivery"] == "door"


def test_a_visit_report_made_on_the_day_of_the_visit_is_handed_over(
        small_demo: Workspace) -> None:
    visit_id, held = visit_with(small_demo, "done")
    choice = LetterChoice(LetterKind.VISIT_REPORT, visit_id=visit_id)
    same_day = make_letter(small_demo, choice, today=held.date())
    next_week = make_letter(small_demo, choice, today=date.fromordinal(held.toordinal() + 7))
    assert (same_day.delivery, next_week.delivery) == (Delivery.BY_HAND, Delivery.POST)


def test_the_coach_chooses_otherwise_when_making_the_letter(small_demo: Workspace) -> None:
    visit_id, _ = visit_with(small_demo, "not_home")
    made = make_letter(small_demo, LetterChoice(LetterKind.NOT_HOME_CARD, visit_id=visit_id),
                       delivery="by_hand")
    assert small_demo.get("letter", made.letter_id)["delivery"] == "by_hand"
    ((field, created),) = outbox(small_demo, made.letter_id)  # the other laptops get it
    assert (field, created["delivery"]) == ("__create__", "by_hand")


def test_a_batch_of_cards_goes_through_the_door_unless_chosen_otherwise(
        small_demo: Workspace) -> None:
    project = str(one(small_demo, "SELECT id FROM project ORDER BY name LIMIT 1"))
    with small_demo.engine.connect() as conn:
        ids = project_household_ids(conn, project)
    cards = make_batch(small_demo, LetterKind.NOT_HOME_CARD, ids)
    overviews = make_batch(small_demo, LetterKind.AGREEMENTS, ids[:2], delivery="email")
    with small_demo.engine.connect() as conn:
        kept = {row.id: row.delivery for row in letter_rows(conn)}
    assert cards.delivery == Delivery.DOOR
    assert {kept[i] for i in cards.letter_ids} == {"door"}
    assert {kept[i] for i in overviews.letter_ids} == {"email"}


def test_an_unknown_delivery_is_refused_before_anything_is_made(small_demo: Workspace) -> None:
    hid = str(one(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1"))
    with pytest.raises(RenoDeskError) as refused:
        make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid),
                    delivery="fax")
    assert refused.value.key == "letters.error.delivery_unknown"
    assert one(small_demo, "SELECT count(*) FROM letter") == 0


# --- changed afterwards -----------------------------------------------------------------


def test_a_kept_letter_handed_over_after_all_is_recorded_audited_and_synced(
        small_demo: Workspace) -> None:
    hid = str(one(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1"))
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    assert made.delivery == Delivery.POST
    change = change_delivery(small_demo, made.letter_id, Delivery.BY_HAND)
    assert change is not None
    assert (change.entity, change.row_id, change.fields, change.household_id) == (
        "letter", made.letter_id, ("delivery",), hid)
    row = small_demo.get("letter", made.letter_id)
    assert row["delivery"] == "by_hand"
    assert row["pdf"] == made.result.pdf  # the letter itself is what it was
    assert outbox(small_demo, made.letter_id)[-1] == ("delivery", "by_hand")
    with small_demo.engine.connect() as conn:
        audits = [tuple(r) for r in conn.execute(text(
            "SELECT action, household_id, detail FROM audit_entry WHERE entity = 'letter' "
            "AND row_id = :id ORDER BY at, action"), {"id": made.letter_id})]
    assert ("change", hid, "delivery") in audits
    # The same choice again changes nothing and writes nothing.
    operations = len(outbox(small_demo, made.letter_id))
    assert change_delivery(small_demo, made.letter_id, "by_hand") is None
    assert len(outbox(small_demo, made.letter_id)) == operations


def test_an_unknown_delivery_is_refused_with_the_ways_there_are(small_demo: Workspace) -> None:
    hid = str(one(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1"))
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    operations = small_demo.op_count()
    with pytest.raises(RenoDeskError) as refused:
        change_delivery(small_demo, made.letter_id, "carrier pigeon")
    assert refused.value.message("nl") == (
        '"carrier pigeon" is geen bekende manier van bezorgen. Kies uit: post (Per post), '
        "by_hand (Persoonlijk overhandigd), email (Per e-mail), door (In de brievenbus).")
    assert "Choose from: post (By post)" in refused.value.message("en")
    assert small_demo.get("letter", made.letter_id)["delivery"] == "post"
    assert small_demo.op_count() == operations
    with pytest.raises(NotFoundError):
        change_delivery(small_demo, "no-such-letter", "door")


def test_delivery_of_accepts_codes_and_members() -> None:
    assert delivery_of("door") is Delivery.DOOR
    assert delivery_of(Delivery.EMAIL) is Delivery.EMAIL


# --- where it shows ---------------------------------------------------------------------


def test_the_history_reads_letter_kind_and_how_it_went_out(small_demo: Workspace) -> None:
    hid = str(one(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1"))
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household_id=hid))
    change_delivery(small_demo, made.letter_id, "email")
    with small_demo.engine.connect() as conn:
        history = household_timeline(conn, hid, TODAY).history
    (letter,) = [item for item in history if item.row_id == made.letter_id]
    assert (letter.what_label("nl"), letter.status_label("nl")) == (
        "Overzicht afspraken", "Per e-mail")
    assert letter.status_label("en") == "By e-mail"


def test_the_subject_access_export_names_the_delivery_in_words(
        small_demo: Workspace, tmp_path: Path) -> None:
    visit_id, _ = visit_with(small_demo, "not_home")
    made = make_letter(small_demo, LetterChoice(LetterKind.NOT_HOME_CARD, visit_id=visit_id))
    assert display("letter", "delivery", "by_hand", "en") == "Handed over"
    export = export_household(small_demo, made.household_id, tmp_path, "nl")
    words = " ".join(" ".join(page.extract_text() for page in
                              PdfReader(export.pdf_path).pages).split())
    assert "Bezorging In de brievenbus" in words
    document = json.loads(export.json_path.read_text("utf-8"))
    assert [row["delivery"] for row in document["letter"]] == ["door"]  # the file keeps codes
