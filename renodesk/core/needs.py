"""What a vulnerable household needs: its vulnerabilities (with what each means for the
works) and the partners involved (with their role and whether the tenant agreed that
we share information with them).

Each use case is one unit of work: nothing is half-saved, and a ValidationError names
every wrong field so a form can show each message beside its own field. Vulnerabilities
and a partner's role are sensitive: the workspace refuses them while the household has
no basis for sensitive data (``validation.no_basis``). Fields of a new partner
organisation made in the same go carry the prefix ``partner_`` (``partner_name``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from renodesk.core import validation
from renodesk.core.errors import Problems, ValidationError
from renodesk.core.privacy import visible_sensitive
from renodesk.core.queries.households import (
    InvolvementItem,
    VulnerabilityItem,
    involvement_items,
    vulnerability_items,
)
from renodesk.core.setup import Known, Saved, partner_organisations
from renodesk.core.workspace import UnitOfWork, Workspace, table_of

VULNERABILITY_FIELDS = ("category", "weight", "implications")
PARTNER_FIELDS = ("name", "kind", "contact_name", "phone", "email")
#: Prefix of a new partner organisation's fields when made together with an involvement.
PARTNER_PREFIX = "partner_"


@dataclass
class HouseholdNeeds:
    """A household's vulnerabilities and partners involved, as the profile shows them.

    Without a basis for sensitive data (none recorded, or consent withdrawn) the
    vulnerabilities are left out and the partners' roles are blank.
    """

    household_id: str
    sensitive_shown: bool
    vulnerabilities: list[VulnerabilityItem] = field(default_factory=list)
    involvements: list[InvolvementItem] = field(default_factory=list)


def household_needs(conn: Connection, household_id: str) -> HouseholdNeeds:
    """The vulnerabilities and involvements of one household (most weighty first)."""
    households = table_of("household")
    row = conn.execute(select(households.c.consent_basis, households.c.consent_withdrawn_date)
                       .where(households.c.id == household_id)).mappings().first()
    shown = row is not None and visible_sensitive(dict(row))
    needs = HouseholdNeeds(household_id, shown)
    if shown:
        needs.vulnerabilities = vulnerability_items(conn, household_id)
    needs.involvements = involvement_items(conn, household_id, shown)
    return needs


def read_needs(ws: Workspace, household_id: str) -> HouseholdNeeds:
    """:func:`household_needs` on a connection of its own (for the window's worker)."""
    with ws.engine.connect() as conn:
        return household_needs(conn, household_id)


def partners_to_choose(ws: Workspace) -> list[Known]:
    """Every partner organisation the team knows, by name (its kind as code)."""
    with ws.engine.connect() as conn:
        return partner_organisations(conn)


def _code(value: Any) -> str:
    return str(getattr(value, "value", value) or "")


def _category_taken(uow: UnitOfWork, household_id: str, category: str,
                    other_than: str | None = None) -> bool:
    target = table_of("vulnerability")
    query = select(target.c.id).where(target.c.household_id == household_id,
                                      target.c.category == category)
    if other_than is not None:
        query = query.where(target.c.id != other_than)
    return uow.conn.execute(query).first() is not None


# --- vulnerabilities ------------------------------------------------------------------

def record_vulnerability(ws: Workspace, household_id: str, values: dict[str, Any]) -> Saved:
    """A vulnerability of the household: category, weight (1 light, 2 moderate, 3 severe)
    and what it means for the works. A category is recorded once per household."""
    values = {k: v for k, v in values.items() if k in VULNERABILITY_FIELDS}
    values["household_id"] = household_id
    with ws.write() as uow:
        uow.get("household", household_id)
        problems = validation.problems_of("vulnerability", values, True)
        category = _code(values.get("category"))
        if "category" not in problems and _category_taken(uow, household_id, category):
            problems["category"] = ("needs.category_recorded", {})
        if problems:
            raise ValidationError(problems)
        vulnerability_id = uow.create("vulnerability", values)
    return Saved(vulnerability_id, list(uow.changes))


def change_vulnerability(ws: Workspace, vulnerability_id: str,
                         values: dict[str, Any]) -> Saved:
    """Change a vulnerability's category, weight or what it means for the works."""
    values = {k: v for k, v in values.items() if k in VULNERABILITY_FIELDS}
    with ws.write() as uow:
        current = uow.get("vulnerability", vulnerability_id)
        problems = validation.problems_of("vulnerability", values, False)
        category = _code(values.get("category"))
        if (category and "category" not in problems
                and _category_taken(uow, current["household_id"], category, vulnerability_id)):
            problems["category"] = ("needs.category_recorded", {})
        if problems:
            raise ValidationError(problems)
        uow.update("vulnerability", vulnerability_id, values)
    return Saved(vulnerability_id, list(uow.changes))


def remove_vulnerability(ws: Workspace, vulnerability_id: str) -> Saved:
    """The vulnerability no longer applies (or was recorded by mistake)."""
    with ws.write() as uow:
        uow.delete("vulnerability", vulnerability_id)
    return Saved(vulnerability_id, list(uow.changes))


# --- partners involved ----------------------------------------------------------------

def involve_partner(ws: Workspace, household_id: str, partner_id: str | None, role: str = "",
                    consent_to_share: bool = False,
                    new_partner: dict[str, Any] | None = None) -> Saved:
    """Involve a partner organisation with the household, with its role and whether the
    tenant agreed that we share information with it. ``new_partner`` (name, kind,
    contact_name, phone, email) adds the organisation in the same go. The Saved id is
    the involvement's."""
    values = {"household_id": household_id, "role": role, "consent_to_share": consent_to_share}
    with ws.write() as uow:
        uow.get("household", household_id)
        problems: Problems = {}
        if new_partner is not None:
            partner = {k: v for k, v in new_partner.items() if k in PARTNER_FIELDS}
            problems.update(validation.problems_of("partner", partner, True, PARTNER_PREFIX))
        elif not partner_id:
            problems["partner_id"] = ("needs.choose_partner", {})
        else:
            problems.update(validation.problems_of("involvement", {"partner_id": partner_id},
                                                   False))
            if "partner_id" not in problems:
                problems.update(_partner_problems(uow, household_id, partner_id))
        problems.update(validation.problems_of("involvement", {"role": role,
                                               "consent_to_share": consent_to_share}, False))
        if problems:
            raise ValidationError(problems)
        if new_partner is not None:
            partner_id = uow.create("partner", partner)
        involvement_id = uow.create("involvement", {**values, "partner_id": partner_id})
    return Saved(involvement_id, list(uow.changes))


def _partner_problems(uow: UnitOfWork, household_id: str, partner_id: str) -> Problems:
    partners, involvements = table_of("partner"), table_of("involvement")
    if uow.conn.execute(select(partners.c.id).where(partners.c.id == partner_id)).first() is None:
        return {"partner_id": ("setup.no_partner", {"partner": partner_id})}
    if uow.conn.execute(select(involvements.c.id).where(
            involvements.c.household_id == household_id,
            involvements.c.partner_id == partner_id)).first() is not None:
        return {"partner_id": ("needs.partner_involved", {})}
    return {}


def change_involvement(ws: Workspace, involvement_id: str, role: str | None,
                       consent_to_share: bool) -> Saved:
    """Change a partner's role and whether the tenant agreed to share. ``role=None``
    leaves the role as it is (it is hidden while there is no basis for sensitive data)."""
    values: dict[str, Any] = {"consent_to_share": consent_to_share}
    if role is not None:
        values["role"] = role
    with ws.write() as uow:
        uow.get("involvement", involvement_id)
        problems = validation.problems_of("involvement", values, False)
        if problems:
            raise ValidationError(problems)
        uow.update("involvement", involvement_id, values)
    return Saved(involvement_id, list(uow.changes))


def end_involvement(ws: Workspace, involvement_id: str) -> Saved:
    """The partner is no longer involved with the household (the organisation stays known)."""
    with ws.write() as uow:
        uow.delete("involvement", involvement_id)
    return Saved(involvement_id, list(uow.changes))
