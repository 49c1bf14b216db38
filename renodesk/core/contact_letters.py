"""A letter to the household's contact person (mantelzorger, family) instead of the tenant.

After a death or a move the tenant gets no more letters, but the family still needs the
agreements and whom to call about belongings and the rest of the works. A tenant who
asked for post through a contact person (preferred channel) gets it that way too. The
letter goes to the address recorded for the contact person; without one no letter is
made. Read only; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from renodesk.core.enums import Channel, HouseholdStatus, LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import OnBehalfOf, Recipient
from renodesk.storage.models import Household, Visit, table

#: What can go to a contact person: no visit letters (the tenant is not visited).
CONTACT_PERSON_KINDS = (LetterKind.AGREEMENTS, LetterKind.CONTACT_PERSONS)

_ADDRESS_FIELDS = ("contact_person_street", "contact_person_postcode", "contact_person_city")


def contact_person_reason(household: dict[str, Any]) -> str | None:
    """Why a letter may go to the contact person ("deceased", "moved", "channel"), or
    None when the tenant gets post in person."""
    status = str(household.get("status") or HouseholdStatus.ACTIVE)
    if status != HouseholdStatus.ACTIVE:
        return status
    if household.get("preferred_channel") == Channel.CONTACT_PERSON:
        return "channel"
    return None


def addressed_to(household: dict[str, Any]) -> str:
    """How a kept letter names its addressee: "Emre Yılmaz (zoon)"."""
    name = str(household.get("contact_person_name") or "").strip()
    relation = str(household.get("contact_person_relation") or "").strip()
    return f"{name} ({relation})" if relation else name


def check_contact_letter(household: dict[str, Any], kind: LetterKind) -> str:
    """The reason the contact person gets this letter; raises RenoDeskError with what to
    do when it cannot go (wrong kind, the tenant gets post in person, no contact person,
    or no complete address)."""
    if kind not in CONTACT_PERSON_KINDS:
        raise RenoDeskError("letters.error.contact_person_kind", kind=kind.label())
    reason = contact_person_reason(household)
    if reason is None:
        raise RenoDeskError("letters.error.contact_person_not_chosen", name=household["name"])
    contact = str(household.get("contact_person_name") or "").strip()
    if not contact:
        raise RenoDeskError("letters.error.contact_person_missing", name=household["name"])
    if not all(str(household.get(field) or "").strip() for field in _ADDRESS_FIELDS):
        raise RenoDeskError("letters.error.contact_person_no_address", name=household["name"],
                            contact=contact)
    return reason


def contact_recipient(household: dict[str, Any]) -> Recipient:
    """The contact person as the envelope and the salutation name them ("Beste Emre
    Yılmaz,": their whole name, since no title is recorded for them)."""
    name = str(household["contact_person_name"]).strip()
    return Recipient(name=name, street=str(household["contact_person_street"]).strip(),
                     postcode=str(household["contact_person_postcode"]).strip(),
                     city=str(household["contact_person_city"]).strip(),
                     salutation_name=name)


def on_behalf_of(household: dict[str, Any], tenant: str, home: Recipient,
                 reason: str) -> OnBehalfOf:
    """About whom and which home the contact person is written to."""
    # The street alone: a subject with the place as well wraps badly, above all
    # in right-to-left text, and the place is nearly always the corporation's own.
    return OnBehalfOf(tenant=tenant or str(household["name"]), address=home.street,
                      reason=reason)


@dataclass(frozen=True)
class ContactOption:
    """What the letter dialog offers: a letter to this contact person, and why."""

    reason: str  # "deceased", "moved" or "channel"
    addressed_to: str  # "Emre Yılmaz (zoon)"; empty when no contact person is recorded
    has_address: bool


def contact_option(conn: Connection, household_id: str | None,
                   visit_id: str | None = None) -> ContactOption | None:
    """The contact-person letter a household (or the household of a visit) may get;
    None when the tenant gets post in person."""
    if household_id is None and visit_id is not None:
        visit = table(Visit)
        household_id = conn.execute(select(visit.c.household_id).where(
            visit.c.id == visit_id)).scalar()
    if household_id is None:
        return None
    households = table(Household)
    row = conn.execute(select(households).where(households.c.id == household_id)
                       ).mappings().first()
    if row is None:
        return None
    household = dict(row)
    reason = contact_person_reason(household)
    if reason is None:
        return None
    return ContactOption(reason, addressed_to(household), all(
        str(household.get(field) or "").strip() for field in _ADDRESS_FIELDS))
