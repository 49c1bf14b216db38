"""Words a coach reads for the records and fields the sync layer names by code.

A sync conflict is stored as (entity, field), e.g. ``("visit", "notes")``; the screens
show "Huisbezoek · Aantekeningen" instead. An unknown code falls back to a readable
form of itself, never to an empty cell.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "RecordLabels"
#: The field name a record conflict carries (two records with one unique key).
_WHOLE_RECORD = "__create__"

_ENTITIES = {
    "organisation": QT_TRANSLATE_NOOP("RecordLabels", "Organisation"),
    "team_member": QT_TRANSLATE_NOOP("RecordLabels", "Team member"),
    "project": QT_TRANSLATE_NOOP("RecordLabels", "Project"),
    "roster_entry": QT_TRANSLATE_NOOP("RecordLabels", "Roster"),
    "partner": QT_TRANSLATE_NOOP("RecordLabels", "Partner"),
    "project_partner": QT_TRANSLATE_NOOP("RecordLabels", "Project partner"),
    "dwelling": QT_TRANSLATE_NOOP("RecordLabels", "Dwelling"),
    "household": QT_TRANSLATE_NOOP("RecordLabels", "Household"),
    "vulnerability": QT_TRANSLATE_NOOP("RecordLabels", "Vulnerability"),
    "involvement": QT_TRANSLATE_NOOP("RecordLabels", "Partner involved"),
    "contact_moment": QT_TRANSLATE_NOOP("RecordLabels", "Contact moment"),
    "visit": QT_TRANSLATE_NOOP("RecordLabels", "Visit"),
    "adjustment": QT_TRANSLATE_NOOP("RecordLabels", "Agreement"),
    "action": QT_TRANSLATE_NOOP("RecordLabels", "Action"),
    "letter": QT_TRANSLATE_NOOP("RecordLabels", "Letter"),
    "guidance_entry": QT_TRANSLATE_NOOP("RecordLabels", "Guidance"),
}

_FIELDS = {
    _WHOLE_RECORD: QT_TRANSLATE_NOOP("RecordLabels", "whole record"),
    "name": QT_TRANSLATE_NOOP("RecordLabels", "Name"),
    "phone": QT_TRANSLATE_NOOP("RecordLabels", "Phone"),
    "email": QT_TRANSLATE_NOOP("RecordLabels", "E-mail"),
    "code": QT_TRANSLATE_NOOP("RecordLabels", "Code"),
    "description": QT_TRANSLATE_NOOP("RecordLabels", "Description"),
    "notes": QT_TRANSLATE_NOOP("RecordLabels", "Notes"),
    "wishes": QT_TRANSLATE_NOOP("RecordLabels", "Wishes"),
    "worries": QT_TRANSLATE_NOOP("RecordLabels", "Worries"),
    "addenda": QT_TRANSLATE_NOOP("RecordLabels", "Addenda"),
    "summary": QT_TRANSLATE_NOOP("RecordLabels", "Summary"),
    "visitors": QT_TRANSLATE_NOOP("RecordLabels", "Visitors"),
    "attendees": QT_TRANSLATE_NOOP("RecordLabels", "Present"),
    "implications": QT_TRANSLATE_NOOP("RecordLabels", "What it means for the works"),
    "access_notes": QT_TRANSLATE_NOOP("RecordLabels", "Access"),
    "safety_note": QT_TRANSLATE_NOOP("RecordLabels", "Safety note"),
    "resistance_causes": QT_TRANSLATE_NOOP("RecordLabels", "Causes"),
    "resistance_approach": QT_TRANSLATE_NOOP("RecordLabels", "Approach"),
    "consent_scope": QT_TRANSLATE_NOOP("RecordLabels", "Consent for"),
    "contact_person_name": QT_TRANSLATE_NOOP("RecordLabels", "Contact person"),
    "contact_person_relation": QT_TRANSLATE_NOOP("RecordLabels", "Relation"),
    "contact_person_phone": QT_TRANSLATE_NOOP("RecordLabels", "Contact person's phone"),
    "contact_person_street": QT_TRANSLATE_NOOP("RecordLabels", "Contact person's street"),
    "contact_person_postcode": QT_TRANSLATE_NOOP("RecordLabels", "Contact person's postcode"),
    "contact_person_city": QT_TRANSLATE_NOOP("RecordLabels", "Contact person's place"),
    "addressed_to": QT_TRANSLATE_NOOP("RecordLabels", "Addressed to"),
    "responsibilities": QT_TRANSLATE_NOOP("RecordLabels", "Responsible for"),
    "role": QT_TRANSLATE_NOOP("RecordLabels", "Role"),
    "for_whom": QT_TRANSLATE_NOOP("RecordLabels", "For whom"),
    "status": QT_TRANSLATE_NOOP("RecordLabels", "Status"),
    "kind": QT_TRANSLATE_NOOP("RecordLabels", "Kind"),
    "category": QT_TRANSLATE_NOOP("RecordLabels", "Category"),
    "weight": QT_TRANSLATE_NOOP("RecordLabels", "Weight"),
    "planned_at": QT_TRANSLATE_NOOP("RecordLabels", "Planned for"),
    "due_date": QT_TRANSLATE_NOOP("RecordLabels", "Due"),
    "done_date": QT_TRANSLATE_NOOP("RecordLabels", "Done on"),
    "finalised_at": QT_TRANSLATE_NOOP("RecordLabels", "Finalised on"),
    "agreed_date": QT_TRANSLATE_NOOP("RecordLabels", "Agreed on"),
    "stance": QT_TRANSLATE_NOOP("RecordLabels", "Stance"),
    "consent_basis": QT_TRANSLATE_NOOP("RecordLabels", "Basis"),
    "consent_date": QT_TRANSLATE_NOOP("RecordLabels", "Consent date"),
    "consent_withdrawn_date": QT_TRANSLATE_NOOP("RecordLabels", "Consent withdrawn on"),
    "language": QT_TRANSLATE_NOOP("RecordLabels", "Language"),
    "preferred_channel": QT_TRANSLATE_NOOP("RecordLabels", "Preferred contact"),
    "cost_cents": QT_TRANSLATE_NOOP("RecordLabels", "Cost"),
}
#: A list of field codes as the audit trail keeps them: "notes,status,wishes".
_FIELD_LIST = re.compile(r"[a-z_]+(,[a-z_]+)*")


def _readable(code: str) -> str:
    return code.strip("_").replace("_", " ").capitalize()


def entity_label(entity: str) -> str:
    """'Huisbezoek' for ``visit``."""
    source = _ENTITIES.get(entity)
    return QCoreApplication.translate(_CONTEXT, str(source)) if source else _readable(entity)


def field_label(field: str) -> str:
    """'Aantekeningen' for ``notes``."""
    source = _FIELDS.get(field)
    return QCoreApplication.translate(_CONTEXT, str(source)) if source else _readable(field)


def detail_label(detail: str) -> str:
    """An audit entry's detail in words: its list of changed fields labelled
    ("Aantekeningen, Status"); any other detail as it is."""
    if not _FIELD_LIST.fullmatch(detail):
        return detail
    return ", ".join(field_label(field) for field in detail.split(","))


def conflict_label(entity: str, field: str) -> str:
    """'Huisbezoek · Aantekeningen': where two laptops wrote different text."""
    return f"{entity_label(entity)} · {field_label(field)}"
