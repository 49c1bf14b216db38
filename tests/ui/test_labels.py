"""Codes the sync layer and the audit trail keep are shown to a person in words."""

from __future__ import annotations

from renodesk.ui.labels import conflict_label, detail_label, entity_label


def test_a_conflict_is_named_by_record_and_field(qapp) -> None:  # type: ignore[no-untyped-def]
    assert conflict_label("visit", "notes") == "Visit · Notes"
    assert conflict_label("household", "__create__") == "Household · whole record"


def test_an_unknown_code_is_still_readable(qapp) -> None:  # type: ignore[no-untyped-def]
    assert entity_label("boiler_room") == "Boiler room"
    assert conflict_label("boiler_room", "access_code") == "Boiler room · Access code"


def test_an_audit_detail_lists_its_fields_in_words(qapp) -> None:  # type: ignore[no-untyped-def]
    assert detail_label("notes,status,wishes") == "Notes, Status, Wishes"
    assert detail_label("settled:notes:0001:0002") == "settled:notes:0001:0002"
    assert detail_label("") == ""
