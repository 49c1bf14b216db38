"""Setting up a project: its details, the roster, partners, dwellings and households.

A new workspace is empty; these use cases are how a team starts. Each one is a single
unit of work (nothing half-saved) and a ValidationError names every wrong field, so a
form can show each message beside its own field. Fields that belong to a second
record made in the same go (a new team member while adding to the roster) carry a
prefix: ``member_name``, ``member_phone``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from renodesk.core import validation
from renodesk.core.errors import ConflictError, NotFoundError, Problems, ValidationError
from renodesk.core.household_status import end_tenancy
from renodesk.core.workspace import Change, UnitOfWork, Workspace, read_meta, table_of

#: Fields of the project form.
PROJECT_FIELDS = ("name", "code", "complex_name", "phase", "start_date", "end_date",
                  "aftercare_end_date", "inhabited", "rent_change", "social_plan_ref",
                  "consent_deadline", "description")
MEMBER_FIELDS = ("name", "organisation", "phone", "email", "is_coach")
#: Prefix of a new team member's fields when made together with a roster entry.
MEMBER_PREFIX = "member_"
DWELLING_FIELDS = ("street", "number", "addition", "postcode", "city", "access_notes")
HOUSEHOLD_FIELDS = ("name", "salutation", "phone", "email", "language", "preferred_channel")


@dataclass
class Saved:
    """What a use case made or changed: the main record's id and every Change."""

    id: str
    changes: list[Change] = field(default_factory=list)


def _exists(conn: Connection, entity: str, row_id: str | None) -> bool:
    target = table_of(entity)
    return row_id is not None and conn.execute(
        select(target.c.id).where(target.c.id == row_id)).first() is not None


def _require(uow: UnitOfWork, entity: str, row_id: str) -> None:
    if not _exists(uow.conn, entity, row_id):
        raise NotFoundError(entity, row_id)


@dataclass(frozen=True)
class Known:
    """A team member or partner organisation to pick from: id, name, role or kind, phone."""

    id: str
    name: str
    code: str
    phone: str


def team_members(conn: Connection) -> list[Known]:
    """Every team member by name (their usual role as code)."""
    target = table_of("team_member")
    rows = conn.execute(select(target.c.id, target.c.name, target.c.role, target.c.phone)
                        .order_by(target.c.name))
    return [Known(r.id, r.name, r.role, r.phone) for r in rows]


def roster_candidates(conn: Connection) -> list[Known]:
    """Whom a roster entry can be for: the team members and, while the coach named when
    this workspace was made is not one of them yet, that coach (``id`` empty: picking them
    adds them to the team)."""
    members = team_members(conn)
    coach = (read_meta(conn, "coach_name") or "").strip()
    if coach and all(member.name.casefold() != coach.casefold() for member in members):
        members.insert(0, Known("", coach, "tenant_coach", ""))
    return members


def partner_organisations(conn: Connection) -> list[Known]:
    """Every partner organisation by name (its kind as code)."""
    target = table_of("partner")
    rows = conn.execute(select(target.c.id, target.c.name, target.c.kind, target.c.phone)
                        .order_by(target.c.name))
    return [Known(r.id, r.name, r.kind, r.phone) for r in rows]


# --- projects ----------------------------------------------------------------------

def _project_problems(conn: Connection, values: dict[str, Any], project_id: str | None,
                      current: dict[str, Any] | None = None) -> Problems:
    problems = validation.problems_of("project", values, creating=project_id is None)
    code = str(values.get("code") or "").strip()
    if code and "code" not in problems:
        project = table_of("project")
        query = select(project.c.id).where(func.lower(project.c.code) == code.lower())
        if project_id is not None:
            query = query.where(project.c.id != project_id)
        if conn.execute(query).first() is not None:
            problems["code"] = ("setup.code_taken", {"code": code})
    merged = {**(current or {}), **values}
    try:
        start = validation.optional_date(merged.get("start_date"))
        end = validation.optional_date(merged.get("end_date"))
    except validation.Invalid:
        return problems  # the date rule has said what is wrong already
    if start and end and end < start and "end_date" not in problems:
        problems["end_date"] = ("setup.end_before_start", {})
    return problems


def create_project(ws: Workspace, values: dict[str, Any]) -> Saved:
    """A new project (name and a code no other project has; the rest optional)."""
    values = {k: v for k, v in values.items() if k in PROJECT_FIELDS}
    with ws.write() as uow:
        problems = _project_problems(uow.conn, values, None)
        if problems:
            raise ValidationError(problems)
        project_id = uow.create("project", values)
    return Saved(project_id, list(uow.changes))


def update_project(ws: Workspace, project_id: str, values: dict[str, Any]) -> Saved:
    """Change a project's details or phase; the code stays unique."""
    values = {k: v for k, v in values.items() if k in PROJECT_FIELDS}
    with ws.write() as uow:
        current = uow.get("project", project_id)
        problems = _project_problems(uow.conn, values, project_id, current)
        if problems:
            raise ValidationError(problems)
        uow.update("project", project_id, values)
    return Saved(project_id, list(uow.changes))


# --- team members and the roster ----------------------------------------------------

def add_member(ws: Workspace, values: dict[str, Any]) -> Saved:
    """A new team member (name and usual role; organisation, phone, e-mail optional)."""
    with ws.write() as uow:
        member_id = uow.create("team_member", values)
    return Saved(member_id, list(uow.changes))


def update_member(ws: Workspace, member_id: str, values: dict[str, Any]) -> Saved:
    with ws.write() as uow:
        uow.update("team_member", member_id, values)
    return Saved(member_id, list(uow.changes))


def remove_member(ws: Workspace, member_id: str) -> Saved:
    """Remove a team member who is on no roster and named in no record (history stays whole)."""
    with ws.write() as uow:
        _require(uow, "team_member", member_id)
        uses = 0
        for entity, column in (("roster_entry", "member_id"), ("contact_moment", "by_member_id"),
                               ("adjustment", "responsible_member_id"),
                               ("action", "assignee_member_id")):
            target = table_of(entity)
            uses += int(uow.conn.execute(select(func.count()).select_from(target).where(
                target.c[column] == member_id)).scalar() or 0)
        if uses:
            raise ConflictError("setup.member_in_use", count=uses)
        uow.delete("team_member", member_id)
    return Saved(member_id, list(uow.changes))


def add_roster_entry(ws: Workspace, project_id: str, values: dict[str, Any],
                     new_member: dict[str, Any] | None = None) -> Saved:
    """Put a team member on a project's roster with a role and responsibilities.

    ``values`` names an existing ``member_id``, or ``new_member`` holds a person to add
    to the team in the same go (their usual role is the role on this roster).
    """
    values = {**values, "project_id": project_id}
    with ws.write() as uow:
        _require(uow, "project", project_id)
        problems: Problems = {}
        if new_member is not None:
            member = {**{k: v for k, v in new_member.items() if k in MEMBER_FIELDS},
                      "role": values.get("role")}
            problems.update({k: p for k, p in validation.problems_of(
                "team_member", member, True, MEMBER_PREFIX).items() if k != "member_role"})
            values["member_id"] = "0" * 32  # a well-formed stand-in until the member exists
        problems.update(validation.problems_of("roster_entry", values, True))
        member_id = values.get("member_id")
        if new_member is None and "member_id" not in problems:
            if not _exists(uow.conn, "team_member", member_id):
                problems["member_id"] = ("setup.no_member", {"member": str(member_id)})
            elif _on_roster(uow.conn, project_id, str(member_id), values.get("role")):
                problems["member_id"] = ("setup.already_on_roster", {})
        if problems:
            raise ValidationError(problems)
        if new_member is not None:
            values["member_id"] = uow.create("team_member", member)
        entry_id = uow.create("roster_entry", values)
    return Saved(entry_id, list(uow.changes))


def _on_roster(conn: Connection, project_id: str, member_id: str, role: Any) -> bool:
    roster = table_of("roster_entry")
    return conn.execute(select(roster.c.id).where(
        roster.c.project_id == project_id, roster.c.member_id == member_id,
        roster.c.role == str(getattr(role, "value", role)))).first() is not None


def update_roster_entry(ws: Workspace, entry_id: str, values: dict[str, Any],
                        member: dict[str, Any] | None = None) -> Saved:
    """Change a roster entry (role, responsibilities, tenant-facing) and, in the same go,
    the member's contact details (``member`` without prefix: phone, e-mail, ...)."""
    values = {k: v for k, v in values.items()
              if k in ("role", "responsibilities", "tenant_facing")}
    member = {k: v for k, v in (member or {}).items() if k in MEMBER_FIELDS}
    with ws.write() as uow:
        entry = uow.get("roster_entry", entry_id)
        problems = {**validation.problems_of("roster_entry", values, False),
                    **validation.problems_of("team_member", member, False, MEMBER_PREFIX)}
        if problems:
            raise ValidationError(problems)
        uow.update("roster_entry", entry_id, values)
        if member:
            uow.update("team_member", entry["member_id"], member)
    return Saved(entry_id, list(uow.changes))


def remove_roster_entry(ws: Workspace, entry_id: str) -> Saved:
    """Take someone off a project's roster (they stay in the team)."""
    with ws.write() as uow:
        uow.delete("roster_entry", entry_id)
    return Saved(entry_id, list(uow.changes))


# --- partners ------------------------------------------------------------------------

def add_partner(ws: Workspace, values: dict[str, Any]) -> Saved:
    """A social partner organisation (wijkteam, GGZ, schuldhulp, ...)."""
    with ws.write() as uow:
        partner_id = uow.create("partner", values)
    return Saved(partner_id, list(uow.changes))


def link_partner(ws: Workspace, project_id: str, partner_id: str | None, role: str = "",
                 new_partner: dict[str, Any] | None = None) -> Saved:
    """Involve a partner in a project with a role; ``new_partner`` adds the organisation
    in the same go. The Saved id is the link's."""
    with ws.write() as uow:
        _require(uow, "project", project_id)
        problems: Problems = {}
        if new_partner is not None:
            problems.update(validation.problems_of("partner", new_partner, True))
        elif not _exists(uow.conn, "partner", partner_id):
            problems["partner_id"] = ("setup.no_partner", {"partner": str(partner_id)})
        else:
            links = table_of("project_partner")
            if uow.conn.execute(select(links.c.id).where(
                    links.c.project_id == project_id,
                    links.c.partner_id == partner_id)).first() is not None:
                problems["partner_id"] = ("setup.partner_linked", {})
        problems.update(validation.problems_of("project_partner", {"role": role}, False))
        if problems:
            raise ValidationError(problems)
        if new_partner is not None:
            partner_id = uow.create("partner", new_partner)
        link_id = uow.create("project_partner", {"project_id": project_id,
                                                 "partner_id": partner_id, "role": role})
    return Saved(link_id, list(uow.changes))


def unlink_partner(ws: Workspace, link_id: str) -> Saved:
    """The partner is no longer involved in the project (the organisation stays known)."""
    with ws.write() as uow:
        uow.delete("project_partner", link_id)
    return Saved(link_id, list(uow.changes))


# --- dwellings and households ---------------------------------------------------------

def add_household(ws: Workspace, project_id: str, dwelling: dict[str, Any],
                  household: dict[str, Any]) -> Saved:
    """A dwelling of the project and the household living there, in one go.

    An address the project already has is reused when nobody lives there any more (a
    new tenant after a move); when a household still lives there, the address is taken.
    The Saved id is the household's.
    """
    dwelling = {k: v for k, v in dwelling.items() if k in DWELLING_FIELDS}
    household = {k: v for k, v in household.items() if k in HOUSEHOLD_FIELDS}
    with ws.write() as uow:
        _require(uow, "project", project_id)
        dwelling["project_id"] = project_id
        problems = validation.problems_of("dwelling", dwelling, True)
        problems.update(validation.problems_of(
            "household", {**household, "dwelling_id": "0" * 32}, True))
        existing: str | None = None
        if not problems:
            cleaned = validation.clean("dwelling", dwelling, creating=True)
            existing, occupied = _address_in_project(uow.conn, project_id, cleaned)
            if occupied:
                problems["number"] = ("setup.address_taken", {})
        if problems:
            raise ValidationError(problems)
        dwelling_id = existing or uow.create("dwelling", dwelling)
        household_id = uow.create("household", {**household, "dwelling_id": dwelling_id})
    return Saved(household_id, list(uow.changes))


def _address_in_project(conn: Connection, project_id: str,
                        dwelling: dict[str, Any]) -> tuple[str | None, bool]:
    """The project's dwelling at this address (or None), and whether someone lives there."""
    dwellings, households = table_of("dwelling"), table_of("household")
    found = conn.execute(select(dwellings.c.id).where(
        dwellings.c.project_id == project_id, dwellings.c.postcode == dwelling["postcode"],
        dwellings.c.number == dwelling["number"],
        func.lower(dwellings.c.addition) == str(dwelling.get("addition", "")).lower())).scalar()
    if found is None:
        return None, False
    living = conn.execute(select(households.c.id).where(
        households.c.dwelling_id == found, households.c.status == "active")).first()
    return str(found), living is not None


def move_out(ws: Workspace, household_id: str, end_date: date | str | None) -> Saved:
    """The household has left: status 'moved' and the tenancy's end date (required).
    The record stays for the history; it no longer counts in the consent tally."""
    changed = end_tenancy(ws, household_id, "moved", end_date)
    return Saved(household_id, list(changed.changes))
