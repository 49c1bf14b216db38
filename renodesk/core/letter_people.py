"""The people a letter names, read from the project roster: whom the tenant calls, who
comes to the visit, who signs, the "your contact persons" list, and how the tenant is
greeted — each with its label in the letter's language. Read only; no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from renodesk.core.enums import RosterRole
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import ContactPerson, Letterhead, Person
from renodesk.storage.models import RosterEntry, TeamMember, table

if TYPE_CHECKING:
    from renodesk.letters.templates import LetterTexts

_member = table(TeamMember)
_roster = table(RosterEntry)


@dataclass
class ProjectRoster:
    """The project's people, by name, with the role they have in this project."""

    members: dict[str, dict[str, Any]]  # name -> team member row + "project_role"
    entries: list[dict[str, Any]]  # roster entries with member fields, in roster order

    @classmethod
    def read(cls, conn: Connection, project_id: str) -> ProjectRoster:
        rows = conn.execute(
            select(_roster.c.role, _roster.c.responsibilities, _roster.c.tenant_facing,
                   _member.c.id, _member.c.name, _member.c.phone, _member.c.role.label("own"))
            .join(_member, _member.c.id == _roster.c.member_id)
            .where(_roster.c.project_id == project_id)
            .order_by(_roster.c.role, _member.c.name)).mappings().all()
        entries = [dict(r) for r in rows]
        members = {str(r["name"]).casefold(): r for r in entries}
        return cls(members, entries)

    def find(self, conn: Connection, name: str) -> dict[str, Any] | None:
        found = self.members.get(name.strip().casefold())
        if found is not None:
            return found
        row = conn.execute(select(_member).where(_member.c.name == name.strip())).mappings().first()
        return None if row is None else {**dict(row), "own": row["role"]}

    def coaches(self) -> list[dict[str, Any]]:
        return [e for e in self.entries if e["role"] == RosterRole.TENANT_COACH]


def role_of(entry: dict[str, Any]) -> str:
    """The role a person has in the project, else their own role in the team."""
    return str(entry.get("role") or entry.get("own") or RosterRole.OTHER)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def split_names(text: str) -> list[str]:
    """The names in a comma-separated field (visitors, attendees)."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def whom_to_call(conn: Connection, roster: ProjectRoster, visitors: Sequence[str], actor: str,
                 head: Letterhead) -> Person:
    """Whom the tenant calls: a coach who comes (or came), else the coach making the
    letter, else the project's coach, else the organisation's own number."""
    candidates = [roster.find(conn, name) for name in visitors]
    people = [c for c in candidates if c is not None]
    for person in people:
        if role_of(person) == RosterRole.TENANT_COACH and person.get("phone"):
            return Person(person["name"], person["phone"])
    me = roster.find(conn, actor) if actor else None
    if me is not None and me.get("phone"):
        return Person(me["name"], me["phone"])
    for coach in roster.coaches():
        if coach.get("phone"):
            return Person(coach["name"], coach["phone"])
    for person in people:
        if person.get("phone"):
            return Person(person["name"], person["phone"])
    if not head.phone:
        # Every letter tells the tenant whom to call; "the number is ." helps nobody.
        raise RenoDeskError("letters.error.no_phone")
    return Person(actor or head.organisation, head.phone)


def visitor_labels(conn: Connection, roster: ProjectRoster, names: Sequence[str],
                   texts: LetterTexts) -> tuple[str, ...]:
    """"Anna de Boer (wooncoach)" for each visitor found in the team; others as written."""
    labels = []
    for name in names:
        person = roster.find(conn, name)
        if person is None:
            labels.append(name)
        else:
            role = texts.label(RosterRole(role_of(person)))
            labels.append(f"{person['name']} ({_lower_first(role)})")
    return tuple(labels)


def salutation(household: dict[str, Any], texts: LetterTexts) -> str:
    """"mevrouw Yılmaz", with the title in the letter's language ("Mrs Yılmaz"). Without
    a salutation recorded, a name written with a title ("Mevrouw J. de Vries", "Mrs J.
    Walker") gives one ("mevrouw De Vries"); otherwise the letter opens with "Beste
    bewoner"."""
    recorded = str(household.get("salutation") or "").strip() or salutation_from_name(
        str(household.get("name") or ""))
    titled = _split_title(recorded)
    if titled is None:
        return recorded
    key, rest = titled
    return f"{texts.text(f'salutation_titles.{key}')} {rest}"


#: A title as people write it, in Dutch or English, and the letter templates' key for it.
_TITLES = {"mevrouw": "mevrouw", "mw.": "mevrouw", "mrs": "mevrouw", "ms": "mevrouw",
           "meneer": "meneer", "mr": "meneer", "de heer": "de_heer", "dhr.": "de_heer",
           "familie": "familie", "fam.": "familie", "the family": "familie",
           "family": "familie"}


def _split_title(text: str) -> tuple[str, str] | None:
    """("mevrouw", "J. de Vries") from "Mevrouw J. de Vries" (or "Mrs. J. de Vries")."""
    lowered = text.casefold()
    for written in sorted(_TITLES, key=len, reverse=True):
        for form in {written, written.rstrip(".") + "."}:
            if lowered.startswith(form + " "):
                return _TITLES[written], text[len(form) + 1:].strip()
    return None


def salutation_from_name(name: str) -> str:
    """"mevrouw De Vries" from "Mevrouw J. de Vries"; "" when the name has no title."""
    titled = _split_title(name)
    if titled is None:
        return ""
    key, rest = titled
    words = [word for word in rest.split() if not word.endswith(".")]
    if not words:
        return ""
    surname = " ".join(words)
    return f"{key.replace('_', ' ')} {surname[0].upper()}{surname[1:]}"


#: The order a tenant needs the roster in: their own coach first, the builders next.
_ROLE_ORDER = (RosterRole.TENANT_COACH, RosterRole.CONTRACTOR_COACH, RosterRole.SUPERVISOR,
               RosterRole.SITE_MANAGER, RosterRole.SOCIAL_MANAGER, RosterRole.OTHER,
               RosterRole.PROJECT_LEADER)


def contact_persons(roster: ProjectRoster, contact: Person, texts: LetterTexts,
                    head: Letterhead) -> tuple[ContactPerson, ...]:
    """The tenant-facing roster; of the coaches only the household's own, when known."""
    entries = [e for e in roster.entries if e["tenant_facing"]]
    own = [e for e in entries if e["role"] == RosterRole.TENANT_COACH
           and e["name"] == contact.name]
    if own:
        entries = [e for e in entries if e["role"] != RosterRole.TENANT_COACH or e in own]
    entries.sort(key=lambda e: _ROLE_ORDER.index(RosterRole(role_of(e))))
    return tuple(
        ContactPerson(name=e["name"], role=texts.label(RosterRole(role_of(e))),
                      call_about=str(e["responsibilities"] or "").strip(),
                      phone=e["phone"] or head.phone)
        for e in entries)


def signed_by(head: Letterhead, contact: Person, roster: ProjectRoster, conn: Connection,
              texts: LetterTexts) -> Letterhead:
    """No signatory set for the organisation: the coach the tenant calls signs."""
    person = roster.find(conn, contact.name)
    role = texts.label(RosterRole(role_of(person))) if person else ""
    return replace(head, signatory_name=contact.name, signatory_role=role)
