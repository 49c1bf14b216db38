"""Letters from the workspace: render them, keep them, print and reprint them, batches.

What a letter needs is gathered in :mod:`renodesk.core.letter_requests`. Making a letter
stores the PDF with the household's record (in the encrypted database), with who made
it and when, and audits the print, in one unit of work. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Connection, select

from renodesk.app import ORGANISATION_ID
from renodesk.core.enums import Delivery, LetterKind
from renodesk.core.errors import NotFoundError, RenoDeskError
from renodesk.core.letter_delivery import delivery_of, suggested_delivery
from renodesk.core.letter_requests import (
    Gathered,
    LetterChoice,
    gather,
    letterhead,
    one_row,
)
from renodesk.core.queries.common import address, as_datetime
from renodesk.core.workspace import Change, Workspace
from renodesk.letters.data import (
    Letterhead,
    LetterResult,
    LetterWarning,
)
from renodesk.storage.models import (
    Dwelling,
    Household,
    Letter,
    Organisation,
    table,
)

#: A logo larger than this is refused: it would bloat every stored letter.
LOGO_MAX_BYTES = 2_000_000

_org = table(Organisation)
_household = table(Household)
_dwelling = table(Dwelling)
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
class MadeLetter:
    """A letter made and kept: its record id, the PDF, what went less than perfectly and
    how it is recorded to go out."""

    letter_id: str
    household_id: str
    result: LetterResult
    changes: list[Change]
    delivery: Delivery


@dataclass(frozen=True)
class PreviewedLetter:
    """A letter rendered without keeping it, and how it would go out if nobody chooses."""

    result: LetterResult
    suggested: Delivery


@dataclass(frozen=True)
class Skipped:
    """A household a batch left out, and why (it left, it has no suitable visit, ...)."""

    name: str
    reason: RenoDeskError

    @property
    def no_visit(self) -> bool:
        return self.reason.key == "letters.error.no_visit"

    def message(self, lang: str | None = None) -> str:
        return self.reason.message(lang)


@dataclass(frozen=True)
class MadeBatch:
    """A batch: one combined PDF, one kept letter per household, and who was skipped."""

    pdf: bytes
    page_count: int
    letter_ids: list[str]
    skipped: list[Skipped]
    warnings: tuple[LetterWarning, ...]
    changes: list[Change] = field(default_factory=list)
    delivery: Delivery = Delivery.POST

    def skipped_without_visit(self) -> list[str]:
        """The names of the households skipped for want of a suitable visit."""
        return [s.name for s in self.skipped if s.no_visit]

    def skipped_otherwise(self) -> list[Skipped]:
        """Households skipped for another reason; each reason names its household."""
        return [s for s in self.skipped if not s.no_visit]


# --- making, keeping and printing letters ----------------------------------------------


def _record(got: Gathered, pdf: bytes, actor: str, at: datetime,
            delivery: Delivery) -> dict[str, Any]:
    request = got.request
    return {"household_id": got.household_id, "visit_id": got.visit_id,
            "kind": request.kind.value, "language": request.language,
            "large_print": request.large_print, "created_by": actor, "created_at": at,
            "pdf": pdf, "addressed_to": got.addressed_to, "delivery": delivery.value}


def _suggested(got: Gathered) -> Delivery:
    """The delivery of one letter when the coach did not choose (letter_delivery's rules)."""
    request = got.request
    visit_day = request.visit.when.date() if request.visit is not None else None
    return suggested_delivery(request.kind, visit_day, request.letter_date,
                              bool(got.addressed_to))


def _gather(conn: Connection, choice: LetterChoice, actor: str, templates: Path | None,
            today: date | None, head: Letterhead | None) -> Gathered:
    """What the letter needs; for a language printed together with Dutch also the same
    letter gathered in Dutch (the visit's purpose, the titles and what to have ready come
    from the Dutch template then, not from the translation)."""
    from renodesk.letters.templates import REFERENCE_LANGUAGE, load_texts

    got = gather(conn, choice, actor, templates, today, head)
    request = got.request
    if not load_texts(request.language, templates)[0].bilingual:
        return got
    in_dutch = replace(choice, language=REFERENCE_LANGUAGE, large_print=request.large_print,
                       visit_id=got.visit_id or choice.visit_id)
    dutch = gather(conn, in_dutch, actor, templates, today, head).request
    return replace(got, request=replace(request, dutch=dutch))


def make_letter(ws: Workspace, choice: LetterChoice, templates: Path | None = None,
                today: date | None = None,
                delivery: Delivery | str | None = None) -> MadeLetter:
    """Render one letter, keep it with the household and audit the print: one unit of work.
    ``delivery`` None: as suggested for the letter (see renodesk.core.letter_delivery)."""
    from renodesk.letters.render import render_letter

    chosen = None if delivery is None else delivery_of(delivery)
    with ws.engine.connect() as conn:
        got = _gather(conn, choice, ws.actor, templates, today, None)
    chosen = chosen or _suggested(got)
    result = render_letter(got.request, templates)
    with ws.write() as uow:
        letter_id = uow.create("letter", _record(got, result.pdf, ws.actor,
                                                 datetime.now().replace(microsecond=0),
                                                 chosen))
        uow.audit("print", "letter", letter_id, got.household_id, _detail(got))
    return MadeLetter(letter_id, got.household_id, result, list(uow.changes), chosen)


def _detail(got: Gathered, *more: str) -> str:
    """The audit detail: the kind, and whether it went to the contact person (no name)."""
    return ",".join((got.request.kind.value, *more,
                     *(("contact_person",) if got.addressed_to else ())))


def preview_letter(ws: Workspace, choice: LetterChoice, templates: Path | None = None,
                   today: date | None = None) -> PreviewedLetter:
    """Render without keeping anything (the dialog's preview), with the suggested delivery."""
    from renodesk.letters.render import render_letter

    with ws.engine.connect() as conn:
        got = _gather(conn, choice, ws.actor, templates, today, None)
    return PreviewedLetter(render_letter(got.request, templates), _suggested(got))


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

        one_row(conn, table(Project), project_id, "project")
    return ids


def _nobody_could_get_it(kind: LetterKind, skipped: Sequence[Skipped]) -> NoReturn:
    """No household of a batch can get the letter: say why, not 'choose a household'."""
    if len(skipped) == 1 or (skipped and len({s.reason.key for s in skipped}) == 1
                             and not skipped[0].reason.params.get("name")):
        raise skipped[0].reason  # one reason for all of them (no phone number to call, say)
    if skipped and all(s.no_visit for s in skipped):
        raise RenoDeskError("letters.error.batch_no_visit", kind=kind.label(),
                            names=", ".join(s.name for s in skipped))
    if skipped:
        raise RenoDeskError("letters.error.batch_all_skipped", count=len(skipped))
    raise RenoDeskError("letters.error.nothing_to_print")


def make_batch(ws: Workspace, kind: LetterKind, household_ids: Sequence[str],
               progress: Progress | None = None, templates: Path | None = None,
               today: date | None = None,
               delivery: Delivery | str | None = None) -> MadeBatch:
    """Letters of one kind for many households: one combined PDF to print, and each
    household's own letter kept with its record. A household the letter cannot go to
    (no suitable visit, moved out or died since it was chosen, gone) is skipped and
    named with the reason; the others are made. ``progress(done, total)`` returning
    False cancels: nothing is kept then (raises ``Cancelled``). The letters of a batch go
    out together: ``delivery`` None is the kind's own (a card through the door, the rest
    by post)."""
    from renodesk.letters.render import Cancelled, render_batch, render_letter
    from renodesk.letters.templates import TemplateError

    chosen = suggested_delivery(kind) if delivery is None else delivery_of(delivery)

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    requests: list[Gathered] = []
    skipped: list[Skipped] = []
    today = today or date.today()
    with ws.engine.connect() as conn:
        head = letterhead(conn)
        for household_id in household_ids:
            try:
                requests.append(_gather(conn, LetterChoice(kind, household_id), ws.actor,
                                         templates, today, head))
            except TemplateError:
                raise  # the template is broken for everyone, not for this household
            except RenoDeskError as exc:
                skipped.append(Skipped(str(exc.params.get("name") or household_id), exc))
    if not requests:
        _nobody_could_get_it(kind, skipped)
    total = len(requests) * 2  # each letter on its own (to keep), then the combined PDF
    kept: list[tuple[Gathered, bytes]] = []
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
            letter_id = uow.create("letter", _record(got, pdf, ws.actor, at, chosen))
            uow.audit("print", "letter", letter_id, got.household_id, _detail(got, "batch"))
            ids.append(letter_id)
    return MadeBatch(combined.pdf, combined.page_count, ids, skipped, combined.warnings,
                     list(uow.changes), chosen)


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
    addressed_to: str = ""  # the contact person it went to; empty: the household itself
    delivery: str = Delivery.POST.value  # how it went out (a Delivery code)


def letter_rows(conn: Connection, household_id: str | None = None,
                limit: int = 2000) -> list[LetterRow]:
    """The letters made, newest first (optionally of one household)."""
    query = (select(_letter.c.id, _letter.c.household_id, _household.c.name,
                    _dwelling.c.street, _dwelling.c.number, _dwelling.c.addition,
                    _letter.c.kind, _letter.c.language, _letter.c.large_print,
                    _letter.c.created_by, _letter.c.created_at, _letter.c.addressed_to,
                    _letter.c.delivery)
             .join(_household, _household.c.id == _letter.c.household_id)
             .join(_dwelling, _dwelling.c.id == _household.c.dwelling_id)
             .order_by(_letter.c.created_at.desc(), _letter.c.id).limit(limit))
    if household_id:
        query = query.where(_letter.c.household_id == household_id)
    return [LetterRow(r.id, r.household_id, r.name, address(r.street, r.number, r.addition),
                      r.kind, r.language, bool(r.large_print), r.created_by,
                      as_datetime(r.created_at) or datetime.min, r.addressed_to or "",
                      r.delivery or Delivery.POST.value)
            for r in conn.execute(query)]


# --- organisation settings for the letterhead -------------------------------------------


def organisation_values(conn: Connection) -> dict[str, Any]:
    """The organisation record as the settings dialog edits it."""
    return one_row(conn, _org, ORGANISATION_ID, "organisation")


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
