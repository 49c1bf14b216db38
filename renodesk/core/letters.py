"""Letters from the workspace: gather what a letter needs, render it, keep it, print it.

The letter engine (``renodesk.letters``) renders from plain data; this module reads the
organisation, the household, its visit, agreements and project roster from the database
and turns them into a :class:`~renodesk.letters.data.LetterRequest` with every label
already in the letter's language. Making a letter stores the PDF with the household's
record (in the encrypted database), with who made it and when, and audits the print,
in one unit of work. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from renodesk.app import ORGANISATION_ID
from renodesk.core.enums import AdjustmentStatus, LetterKind, RosterRole, VisitKind
from renodesk.core.errors import NotFoundError, RenoDeskError
from renodesk.core.queries.common import address, as_date, as_datetime
from renodesk.core.workspace import Change, Workspace
from renodesk.letters.data import (
    Agreement,
    ContactPerson,
    Letterhead,
    LetterRequest,
    LetterResult,
    LetterWarning,
    Person,
    Recipient,
    VisitInfo,
)
from renodesk.storage.models import (
    Adjustment,
    Dwelling,
    Household,
    Letter,
    Organisation,
    Partner,
    RosterEntry,
    TeamMember,
    Visit,
    table,
)

#: Kinds that are about one home visit.
VISIT_KINDS = frozenset({LetterKind.INVITATION, LetterKind.VISIT_REPORT,
                         LetterKind.NOT_HOME_CARD})

#: A logo larger than this is refused: it would bloat every stored letter.
LOGO_MAX_BYTES = 2_000_000

_org = table(Organisation)
_household = table(Household)
_dwelling = table(Dwelling)
_visit = table(Visit)
_adjustment = table(Adjustment)
_member = table(TeamMember)
_roster = table(RosterEntry)
_partner = table(Partner)
_letter = table(Letter)

Progress = Callable[[int, int], bool]


def template_dir(root: Path) -> Path:
    """The corporation's own letter templates: ``<workspace root>/letters``."""
    return root / "letters"


def workspace_templates(ws: Workspace) -> Path | None:
    """The template folder of an open workspace (found from its database file)."""
    from sqlalchemy import text

    with ws.engine.connect() as conn:
        for row in conn.execute(text("PRAGMA database_list")):
            if row[1] == "main" and row[2]:
                return template_dir(Path(row[2]).parent)
    return None


@dataclass(frozen=True)
class LetterChoice:
    """What the coach asked for. ``language`` and ``large_print`` None: the household's."""

    kind: LetterKind
    household_id: str | None = None
    visit_id: str | None = None
    language: str | None = None
    large_print: bool | None = None


@dataclass(frozen=True)
class MadeLetter:
    """A letter made and kept: its record id, the PDF and what went less than perfectly."""

    letter_id: str
    household_id: str
    result: LetterResult
    changes: list[Change]


@dataclass(frozen=True)
class MadeBatch:
    """A batch: one combined PDF, one kept letter per household, and who was skipped."""

    pdf: bytes
    page_count: int
    letter_ids: list[str]
    skipped: list[str]  # household names without the visit the kind needs
    warnings: tuple[LetterWarning, ...]
    changes: list[Change] = field(default_factory=list)


# --- reading the workspace ------------------------------------------------------------


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


def _one(conn: Connection, target: Any, row_id: str, entity: str) -> dict[str, Any]:
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


def _label_lang(language: str) -> str:
    return language if language in ("nl", "en") else "nl"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass
class _Roster:
    """The project's people, by name, with the role they have in this project."""

    members: dict[str, dict[str, Any]]  # name -> team member row + "project_role"
    entries: list[dict[str, Any]]  # roster entries with member fields, in roster order

    @classmethod
    def read(cls, conn: Connection, project_id: str) -> _Roster:
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


def _role_of(entry: dict[str, Any]) -> str:
    return str(entry.get("role") or entry.get("own") or RosterRole.OTHER)


def _contact(conn: Connection, roster: _Roster, visitors: Sequence[str], actor: str,
             head: Letterhead) -> Person:
    """Whom the tenant calls: a coach who comes (or came), else the coach making the
    letter, else the project's coach, else the organisation's own number."""
    candidates = [roster.find(conn, name) for name in visitors]
    people = [c for c in candidates if c is not None]
    for person in people:
        if _role_of(person) == RosterRole.TENANT_COACH and person.get("phone"):
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
    return Person(actor or head.organisation, head.phone)


def _names(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _visitor_labels(conn: Connection, roster: _Roster, names: Sequence[str],
                    language: str) -> tuple[str, ...]:
    labels = []
    for name in names:
        person = roster.find(conn, name)
        if person is None:
            labels.append(name)
        else:
            role = RosterRole(_role_of(person)).label(_label_lang(language))
            labels.append(f"{person['name']} ({_lower_first(role)})")
    return tuple(labels)


def _salutation(household: dict[str, Any], texts: Any) -> str:
    """"mevrouw Yılmaz", with the title in the letter's language ("Mrs Yılmaz")."""
    salutation = str(household.get("salutation") or "").strip()
    if not salutation:
        return ""
    lowered = salutation.casefold()
    for title in ("mevrouw", "meneer", "de heer", "familie"):
        if lowered.startswith(title + " "):
            translated = texts.text(f"salutation_titles.{title.replace(' ', '_')}")
            return f"{translated} {salutation[len(title) + 1:].strip()}"
    return salutation


def _agreement(conn: Connection, row: dict[str, Any], language: str,
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
                     status_label=AdjustmentStatus(row["status"]).label(_label_lang(language)))


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
    return _gather(conn, choice, actor, templates, today, head).request


@dataclass(frozen=True)
class _Gathered:
    request: LetterRequest
    household_id: str
    visit_id: str | None


def _gather(conn: Connection, choice: LetterChoice, actor: str, templates: Path | None,
            today: date | None, head: Letterhead | None) -> _Gathered:
    from renodesk.letters.templates import load_texts

    today = today or date.today()
    visit: dict[str, Any] | None = None
    if choice.visit_id:
        visit = _one(conn, _visit, choice.visit_id, "visit")
        household_id = str(visit["household_id"])
    elif choice.household_id:
        household_id = choice.household_id
    else:
        raise RenoDeskError("letters.error.nothing_to_print")
    household = _one(conn, _household, household_id, "household")
    dwelling = _one(conn, _dwelling, household["dwelling_id"], "dwelling")
    if choice.kind in VISIT_KINDS and visit is None:
        visit = _pick_visit(conn, choice.kind, household_id, today)
        if visit is None:
            raise RenoDeskError("letters.error.no_visit", name=household["name"],
                                kind=choice.kind.label())
    head = head or letterhead(conn)
    language = resolve_language(household["language"], choice.language, templates)
    texts, _ = load_texts(language, templates)
    roster = _Roster.read(conn, dwelling["project_id"])
    # Letters without a visit name the coach of the household's latest visit.
    latest = visit or conn.execute(select(_visit.c.visitors).where(
        _visit.c.household_id == household_id).order_by(_visit.c.planned_at.desc()).limit(1)
    ).mappings().first()
    visitor_names = _names(latest["visitors"]) if latest else []
    contact = _contact(conn, roster, visitor_names, actor, head)
    if not head.signatory_name:
        head = _signed_by(head, contact, roster, conn, language)
    large_print = choice.large_print
    if large_print is None:
        large_print = bool(household["large_print"] or household["reads_with_difficulty"])
    recipient = Recipient(
        name=household["name"],
        street=address(dwelling["street"], dwelling["number"], dwelling["addition"]),
        postcode=dwelling["postcode"],
        city=dwelling["city"],
        salutation_name=_salutation(household, texts),
    )
    visit_info = _visit_info(conn, roster, visit, texts, language) if visit else None
    agreements: tuple[Agreement, ...] = ()
    if choice.kind in (LetterKind.VISIT_REPORT, LetterKind.AGREEMENTS):
        query = select(_adjustment).where(_adjustment.c.household_id == household_id)
        if choice.kind == LetterKind.VISIT_REPORT and visit is not None:
            query = query.where(_adjustment.c.visit_id == visit["id"])
        query = query.where(_adjustment.c.status != AdjustmentStatus.DROPPED).order_by(
            _adjustment.c.due_date.is_(None), _adjustment.c.due_date, _adjustment.c.description)
        agreements = tuple(_agreement(conn, dict(r), language, head.organisation)
                           for r in conn.execute(query).mappings())
    people: tuple[ContactPerson, ...] = ()
    if choice.kind == LetterKind.CONTACT_PERSONS:
        people = _contact_persons(roster, contact, language, head)
    request = LetterRequest(
        kind=choice.kind, letterhead=head, recipient=recipient, letter_date=today,
        contact=contact, language=language, large_print=large_print, visit=visit_info,
        agreements=agreements, contact_persons=people,
    )
    visit_id = str(visit["id"]) if visit is not None and choice.kind in VISIT_KINDS else None
    return _Gathered(request, household_id, visit_id)


#: The order a tenant needs the roster in: their own coach first, the builders next.
_ROLE_ORDER = (RosterRole.TENANT_COACH, RosterRole.CONTRACTOR_COACH, RosterRole.SUPERVISOR,
               RosterRole.SITE_MANAGER, RosterRole.SOCIAL_MANAGER, RosterRole.OTHER,
               RosterRole.PROJECT_LEADER)


def _contact_persons(roster: _Roster, contact: Person, language: str,
                     head: Letterhead) -> tuple[ContactPerson, ...]:
    """The tenant-facing roster; of the coaches only the household's own, when known."""
    entries = [e for e in roster.entries if e["tenant_facing"]]
    own = [e for e in entries if e["role"] == RosterRole.TENANT_COACH
           and e["name"] == contact.name]
    if own:
        entries = [e for e in entries if e["role"] != RosterRole.TENANT_COACH or e in own]
    entries.sort(key=lambda e: _ROLE_ORDER.index(RosterRole(_role_of(e))))
    return tuple(
        ContactPerson(name=e["name"], role=RosterRole(_role_of(e)).label(_label_lang(language)),
                      call_about=str(e["responsibilities"] or "").strip(),
                      phone=e["phone"] or head.phone)
        for e in entries)


def _signed_by(head: Letterhead, contact: Person, roster: _Roster, conn: Connection,
               language: str) -> Letterhead:
    """No signatory set for the organisation: the coach the tenant calls signs."""
    from dataclasses import replace

    person = roster.find(conn, contact.name)
    role = RosterRole(_role_of(person)).label(_label_lang(language)) if person else ""
    return replace(head, signatory_name=contact.name, signatory_role=role)


def _visit_info(conn: Connection, roster: _Roster, visit: dict[str, Any], texts: Any,
                language: str) -> VisitInfo:
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
        kind_label=kind.label(_label_lang(language)),
        visitors=_visitor_labels(conn, roster, _names(visit["visitors"]), language),
        purpose=texts.text(f"visit_purpose.{kind.value}"),
        to_have_ready=tuple(item.strip() for item in ready if item.strip()),
        attendees=tuple(_names(visit["attendees"])),
        summary=tuple(summary),
    )


# --- making, keeping and printing letters ----------------------------------------------


def _record(choice_visit: str | None, request: LetterRequest, household_id: str,
            pdf: bytes, actor: str, at: datetime) -> dict[str, Any]:
    return {"household_id": household_id, "visit_id": choice_visit,
            "kind": request.kind.value, "language": request.language,
            "large_print": request.large_print, "created_by": actor, "created_at": at,
            "pdf": pdf}


def make_letter(ws: Workspace, choice: LetterChoice, templates: Path | None = None,
                today: date | None = None) -> MadeLetter:
    """Render one letter, keep it with the household and audit the print: one unit of work."""
    from renodesk.letters.render import render_letter

    with ws.engine.connect() as conn:
        got = _gather(conn, choice, ws.actor, templates, today, None)
    result = render_letter(got.request, templates)
    with ws.write() as uow:
        letter_id = uow.create("letter", _record(got.visit_id, got.request, got.household_id,
                                                 result.pdf, ws.actor,
                                                 datetime.now().replace(microsecond=0)))
        uow.audit("print", "letter", letter_id, got.household_id, got.request.kind.value)
    return MadeLetter(letter_id, got.household_id, result, list(uow.changes))


def preview_letter(ws: Workspace, choice: LetterChoice, templates: Path | None = None,
                   today: date | None = None) -> LetterResult:
    """Render without keeping anything (the dialog's preview)."""
    from renodesk.letters.render import render_letter

    with ws.engine.connect() as conn:
        request = build_request(conn, choice, ws.actor, templates, today)
    return render_letter(request, templates)


def reprint(ws: Workspace, letter_id: str) -> bytes:
    """The kept PDF of a letter, to print or save again; the print is audited."""
    with ws.engine.connect() as conn:
        row = conn.execute(select(_letter.c.pdf, _letter.c.household_id, _letter.c.kind).where(
            _letter.c.id == letter_id)).first()
    if row is None:
        raise NotFoundError("letter", letter_id)
    ws.record_access("print", "letter", letter_id, row.household_id, f"{row.kind},reprint")
    return bytes(row.pdf)


def project_household_ids(conn: Connection, project_id: str) -> list[str]:
    """The active households of a project, in address order (the batch's order)."""
    query = (select(_household.c.id).join(_dwelling, _dwelling.c.id == _household.c.dwelling_id)
             .where(_dwelling.c.project_id == project_id, _household.c.status == "active")
             .order_by(_dwelling.c.postcode, _dwelling.c.number, _dwelling.c.addition))
    ids = [str(i) for i in conn.execute(query).scalars()]
    if not ids and conn.execute(select(table(Dwelling).c.id).where(
            _dwelling.c.project_id == project_id).limit(1)).first() is None:
        from renodesk.storage.models import Project

        _one(conn, table(Project), project_id, "project")
    return ids


def make_batch(ws: Workspace, kind: LetterKind, household_ids: Sequence[str],
               progress: Progress | None = None, templates: Path | None = None,
               today: date | None = None) -> MadeBatch:
    """Letters of one kind for many households: one combined PDF to print, and each
    household's own letter kept with its record. Households without the visit a visit
    letter needs are skipped and named. ``progress(done, total)`` returning False
    cancels: nothing is kept then (raises ``Cancelled``)."""
    from renodesk.letters.render import Cancelled, render_batch, render_letter

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    requests: list[_Gathered] = []
    skipped: list[str] = []
    today = today or date.today()
    with ws.engine.connect() as conn:
        head = letterhead(conn)
        for household_id in household_ids:
            try:
                requests.append(_gather(conn, LetterChoice(kind, household_id), ws.actor,
                                        templates, today, head))
            except RenoDeskError as exc:
                if exc.key != "letters.error.no_visit":
                    raise
                skipped.append(str(exc.params["name"]))
    if not requests:
        raise RenoDeskError("letters.error.nothing_to_print")
    total = len(requests) * 2  # each letter on its own (to keep), then the combined PDF
    kept: list[tuple[_Gathered, bytes]] = []
    for done, got in enumerate(requests):
        report(done, total)
        kept.append((got, render_letter(got.request, templates).pdf))
    combined = render_batch([got.request for got in requests],
                            lambda done, _total: progress is None
                            or progress(len(requests) + done, total), templates)
    at = datetime.now().replace(microsecond=0)
    with ws.write() as uow:
        ids = []
        for got, pdf in kept:
            letter_id = uow.create("letter", _record(got.visit_id, got.request,
                                                     got.household_id, pdf, ws.actor, at))
            uow.audit("print", "letter", letter_id, got.household_id, f"{kind.value},batch")
            ids.append(letter_id)
    return MadeBatch(combined.pdf, combined.page_count, ids, skipped, combined.warnings,
                     list(uow.changes))


# --- the letters made ---------------------------------------------------------------------


@dataclass(frozen=True)
class LetterRow:
    """One kept letter as the letters page lists it (without the PDF)."""

    id: str
    household_id: str
    household_name: str
    address: str
    kind: str
    language: str
    large_print: bool
    created_by: str
    created_at: datetime


def letter_rows(conn: Connection, household_id: str | None = None,
                limit: int = 2000) -> list[LetterRow]:
    """The letters made, newest first (optionally of one household)."""
    query = (select(_letter.c.id, _letter.c.household_id, _household.c.name,
                    _dwelling.c.street, _dwelling.c.number, _dwelling.c.addition,
                    _letter.c.kind, _letter.c.language, _letter.c.large_print,
                    _letter.c.created_by, _letter.c.created_at)
             .join(_household, _household.c.id == _letter.c.household_id)
             .join(_dwelling, _dwelling.c.id == _household.c.dwelling_id)
             .order_by(_letter.c.created_at.desc(), _letter.c.id).limit(limit))
    if household_id:
        query = query.where(_letter.c.household_id == household_id)
    return [LetterRow(r.id, r.household_id, r.name, address(r.street, r.number, r.addition),
                      r.kind, r.language, bool(r.large_print), r.created_by,
                      as_datetime(r.created_at) or datetime.min)
            for r in conn.execute(query)]


# --- organisation settings for the letterhead -------------------------------------------


def organisation_values(conn: Connection) -> dict[str, Any]:
    """The organisation record as the settings dialog edits it."""
    return _one(conn, _org, ORGANISATION_ID, "organisation")


def check_logo(data: bytes) -> None:
    """A logo must be a PNG or JPEG of reasonable size; raises RenoDeskError otherwise."""
    if len(data) > LOGO_MAX_BYTES:
        raise RenoDeskError("letters.error.logo_too_large",
                            size=round(len(data) / 1_000_000, 1),
                            limit=LOGO_MAX_BYTES // 1_000_000)
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise RenoDeskError("letters.error.logo_format")


def save_organisation(ws: Workspace, values: dict[str, Any]) -> Change | None:
    """Store the letterhead settings (validated; the logo checked for type and size)."""
    logo = values.get("logo")
    if logo:
        check_logo(logo)
    return ws.update("organisation", ORGANISATION_ID, values)
