"""What a letter needs, read from the workspace: the organisation's letterhead, the
household and its address, the visit, the agreements and the project roster, with every
label already in the letter's language (``renodesk.letters`` renders from plain data).
Read only; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from renodesk.app import ORGANISATION_ID
from renodesk.core.contact_letters import (
    addressed_to,
    check_contact_letter,
    contact_recipient,
    on_behalf_of,
)
from renodesk.core.enums import (
    AdjustmentCategory,
    AdjustmentStatus,
    LetterKind,
    VisitKind,
)
from renodesk.core.errors import NotFoundError, RenoDeskError
from renodesk.core.letter_people import (
    ProjectRoster,
    contact_persons,
    salutation,
    signed_by,
    split_names,
    visitor_labels,
    whom_to_call,
)
from renodesk.core.queries.common import address, as_date, as_datetime
from renodesk.letters.data import (
    Agreement,
    ContactPerson,
    Letterhead,
    LetterRequest,
    Recipient,
    VisitInfo,
)
from renodesk.storage.models import (
    Adjustment,
    Dwelling,
    Household,
    Organisation,
    Partner,
    TeamMember,
    Visit,
    table,
)

if TYPE_CHECKING:
    from renodesk.letters.templates import LetterTexts

#: Kinds that are about one home visit.
VISIT_KINDS = frozenset({LetterKind.INVITATION, LetterKind.VISIT_REPORT,
                         LetterKind.NOT_HOME_CARD})

_org = table(Organisation)
_household = table(Household)
_dwelling = table(Dwelling)
_visit = table(Visit)
_adjustment = table(Adjustment)
_member = table(TeamMember)
_partner = table(Partner)


@dataclass(frozen=True)
class LetterChoice:
    """What the coach asked for. ``language`` and ``large_print`` None: the household's
    (for a letter to the contact person: the organisation's letter language, normal print).
    """

    kind: LetterKind
    household_id: str | None = None
    visit_id: str | None = None
    language: str | None = None
    large_print: bool | None = None
    to_contact_person: bool = False


def letterhead(conn: Connection) -> Letterhead:
    """The organisation as it appears on a letter; empty fields are simply left out."""
    row = conn.execute(select(_org).where(_org.c.id == ORGANISATION_ID)).mappings().first()
    if row is None:
        raise NotFoundError("organisation", ORGANISATION_ID)
    return letterhead_from(dict(row))


def letterhead_from(values: dict[str, Any]) -> Letterhead:
    """A letterhead from organisation values (a stored row or the settings being edited)."""
    place_line = " ".join(p for p in (values.get("postcode") or "", values.get("city") or "")
                          if p).strip()
    lines = tuple(line for line in (values.get("street") or "", place_line) if line)
    return Letterhead(
        organisation=values.get("name") or "",
        address_lines=lines,
        phone=values.get("phone") or "",
        email=values.get("email") or "",
        website=values.get("website") or "",
        signatory_name=values.get("signatory_name") or "",
        signatory_role=values.get("signatory_role") or "",
        place=values.get("city") or "",
        logo=values.get("logo") or None,
    )


def one_row(conn: Connection, target: Any, row_id: str, entity: str) -> dict[str, Any]:
    row = conn.execute(select(target).where(target.c.id == row_id)).mappings().first()
    if row is None:
        raise NotFoundError(entity, row_id)
    return dict(row)


def resolve_language(household_language: str | None, requested: str | None,
                     templates: Path | None) -> str:
    """The letter's language: the one asked for, else the household's; a language without
    a template falls back to Dutch (the engine then warns)."""
    from renodesk.letters.templates import available_languages

    wanted = (requested or household_language or "nl").lower()
    return wanted if wanted in available_languages(templates) else "nl"


def _agreement(conn: Connection, row: dict[str, Any], texts: LetterTexts,
               fallback_who: str) -> Agreement:
    who = fallback_who
    if row["responsible_member_id"]:
        member = conn.execute(select(_member.c.name).where(
            _member.c.id == row["responsible_member_id"])).scalar()
        who = str(member or who)
    elif row["responsible_partner_id"]:
        partner = conn.execute(select(_partner.c.name).where(
            _partner.c.id == row["responsible_partner_id"])).scalar()
        who = str(partner or who)
    return Agreement(what=row["description"], who=who, when=as_date(row["due_date"]),
                     status_label=texts.label(AdjustmentStatus(row["status"])),
                     category_label=texts.label(AdjustmentCategory(row["category"])))


def _pick_visit(conn: Connection, kind: LetterKind, household_id: str,
                today: date) -> dict[str, Any] | None:
    """The visit a letter is about when the coach chose a household only: the next
    planned visit for an invitation, the last one not met at home for a card, the last
    held visit for a report."""
    query = select(_visit).where(_visit.c.household_id == household_id)
    if kind == LetterKind.INVITATION:
        query = query.where(_visit.c.status == "planned").order_by(
            (_visit.c.planned_at < datetime.combine(today, datetime.min.time())),
            _visit.c.planned_at)
    elif kind == LetterKind.NOT_HOME_CARD:
        # The visit at the door today (still planned) or the last one nobody was home for.
        tomorrow = datetime.combine(today, datetime.min.time()) + timedelta(days=1)
        query = query.where(_visit.c.status.in_(("not_home", "planned")),
                            _visit.c.planned_at < tomorrow).order_by(_visit.c.planned_at.desc())
    else:
        query = query.where(_visit.c.status == "done").order_by(_visit.c.planned_at.desc())
    row = conn.execute(query.limit(1)).mappings().first()
    return None if row is None else dict(row)


def build_request(conn: Connection, choice: LetterChoice, actor: str = "",
                  templates: Path | None = None, today: date | None = None,
                  head: Letterhead | None = None) -> LetterRequest:
    """Everything one letter needs, read from the workspace.

    Raises RenoDeskError ``letters.error.no_visit`` when a visit letter is asked for a
    household without a suitable visit.
    """
    return gather(conn, choice, actor, templates, today, head).request


@dataclass(frozen=True)
class Gathered:
    request: LetterRequest
    household_id: str
    visit_id: str | None
    addressed_to: str = ""  # the contact person the letter went to; empty: the household


def gather(conn: Connection, choice: LetterChoice, actor: str, templates: Path | None,
            today: date | None, head: Letterhead | None) -> Gathered:
    from renodesk.letters.templates import load_texts

    today = today or date.today()
    visit: dict[str, Any] | None = None
    if choice.visit_id:
        visit = one_row(conn, _visit, choice.visit_id, "visit")
        household_id = str(visit["household_id"])
    elif choice.household_id:
        household_id = choice.household_id
    else:
        raise RenoDeskError("letters.error.nothing_to_print")
    household = one_row(conn, _household, household_id, "household")
    reason = check_contact_letter(household, choice.kind) if choice.to_contact_person else None
    if reason is None and household["status"] != "active":  # moved out or deceased
        raise RenoDeskError(f"letters.error.household_{household['status']}",
                            name=household["name"])
    dwelling = one_row(conn, _dwelling, household["dwelling_id"], "dwelling")
    if choice.kind in VISIT_KINDS and visit is None:
        visit = _pick_visit(conn, choice.kind, household_id, today)
        if visit is None:
            raise RenoDeskError("letters.error.no_visit", name=household["name"],
                                kind=choice.kind.label())
    head = head or letterhead(conn)
    # The contact person's language is not recorded: the organisation's letter language.
    own_language = _organisation_language(conn) if reason else household["language"]
    language = resolve_language(own_language, choice.language, templates)
    texts, _ = load_texts(language, templates)
    roster = ProjectRoster.read(conn, dwelling["project_id"])
    # Letters without a visit name the coach of the household's latest visit.
    latest = visit or conn.execute(select(_visit.c.visitors).where(
        _visit.c.household_id == household_id).order_by(_visit.c.planned_at.desc()).limit(1)
    ).mappings().first()
    visitor_names = split_names(latest["visitors"]) if latest else []
    contact = whom_to_call(conn, roster, visitor_names, actor, head)
    if not head.signatory_name:
        head = signed_by(head, contact, roster, conn, texts)
    large_print = choice.large_print
    if large_print is None:  # the tenant's reading needs are not the contact person's
        large_print = reason is None and bool(household["large_print"]
                                              or household["reads_with_difficulty"])
    recipient = Recipient(
        name=household["name"],
        street=address(dwelling["street"], dwelling["number"], dwelling["addition"]),
        postcode=dwelling["postcode"],
        city=dwelling["city"],
        salutation_name=salutation(household, texts),
    )
    about = None
    if reason is not None:
        about = on_behalf_of(household, salutation(household, texts), recipient, reason)
        recipient = contact_recipient(household)
    visit_info = _visit_info(conn, roster, visit, texts) if visit else None
    agreements: tuple[Agreement, ...] = ()
    if choice.kind in (LetterKind.VISIT_REPORT, LetterKind.AGREEMENTS):
        query = select(_adjustment).where(_adjustment.c.household_id == household_id)
        if choice.kind == LetterKind.VISIT_REPORT and visit is not None:
            query = query.where(_adjustment.c.visit_id == visit["id"])
        query = query.where(_adjustment.c.status != AdjustmentStatus.DROPPED).order_by(
            _adjustment.c.due_date.is_(None), _adjustment.c.due_date, _adjustment.c.description)
        agreements = tuple(_agreement(conn, dict(r), texts, head.organisation)
                           for r in conn.execute(query).mappings())
    people: tuple[ContactPerson, ...] = ()
    if choice.kind == LetterKind.CONTACT_PERSONS:
        people = contact_persons(roster, contact, texts, head)
    request = LetterRequest(
        kind=choice.kind, letterhead=head, recipient=recipient, letter_date=today,
        contact=contact, language=language, large_print=large_print, visit=visit_info,
        agreements=agreements, contact_persons=people, on_behalf_of=about,
    )
    visit_id = str(visit["id"]) if visit is not None and choice.kind in VISIT_KINDS else None
    return Gathered(request, household_id, visit_id, addressed_to(household) if reason else "")


def _organisation_language(conn: Connection) -> str | None:
    return conn.execute(select(_org.c.letter_language).where(
        _org.c.id == ORGANISATION_ID)).scalar()


def _visit_info(conn: Connection, roster: ProjectRoster, visit: dict[str, Any],
                texts: LetterTexts) -> VisitInfo:
    kind = VisitKind(visit["kind"])
    ready = [texts.text(f"visit_ready.{kind.value}_{n}") for n in (1, 2, 3)]
    summary = []
    for key, value in (("visit_report.wishes", visit["wishes"]),
                       ("visit_report.worries", visit["worries"])):
        if (value or "").strip():
            summary.append(texts.text(key, text=value.strip()))
    when = as_datetime(visit["planned_at"])
    assert when is not None
    return VisitInfo(
        when=when,
        duration_minutes=int(visit["duration_minutes"] or 60),
        kind_label=texts.label(kind),
        visitors=visitor_labels(conn, roster, split_names(visit["visitors"]), texts),
        purpose=texts.text(f"visit_purpose.{kind.value}"),
        to_have_ready=tuple(item.strip() for item in ready if item.strip()),
        attendees=tuple(split_names(visit["attendees"])),
        summary=tuple(summary),
    )
