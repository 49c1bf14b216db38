"""An anonymised case summary of one household, for a reflection meeting (intervisie).

What goes in is decided here, not by the caller: codes and counts (age as a band,
vulnerabilities, resistance, the timeline of contact, visits, adjustments and letters
in weeks counted from the first event, the outcome) and nothing that names or locates
anybody. Free text (visit notes, wishes, worries, the resistance approach, adjustment
and action descriptions, contact summaries) appears only as *reviewed* passages: the
coach read each one, edited it where needed and chose to include it. Every included
passage is scrubbed once more for the household's name parts, street, postcode, phone
and e-mail (and anything that looks like a phone number, e-mail address or postcode);
a passage that still holds one stops the summary.

Sensitive data (vulnerabilities, resistance, notes) is left out when the household
has no recorded basis or withdrew consent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select, text

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError
from renodesk.core.guidance import fold
from renodesk.core.i18n import t
from renodesk.core.workspace import Workspace, table_of

#: Name particles that identify nobody on their own (and occur in ordinary sentences).
PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le", "el", "al",
    "da", "di", "du", "von", "bin", "ben", "y", "t", "s", "mevrouw", "meneer", "heer",
    "familie", "straat", "laan", "weg", "plein",
})  # fmt: skip
_EXTRA_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[a-z]{2}\b")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")


def _fold(value: str) -> str:
    return fold(value).translate(_EXTRA_FOLD)


# --- what identifies a household ---------------------------------------------------


@dataclass(frozen=True)
class Identifiers:
    """The household's identifying values, folded for matching (never printed)."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()  # the last nine digits

    @classmethod
    def of(cls, household: dict[str, Any], dwelling: dict[str, Any]) -> Identifiers:
        words: set[str] = set()
        phrases: set[str] = set()
        for value in (household.get("name"), household.get("salutation"),
                      household.get("contact_person_name"), dwelling.get("street")):
            folded = _fold(str(value or "")).strip()
            if not folded:
                continue
            phrases.add(folded)
            words |= {w for w in re.split(r"[\s\-'’.]+", folded)
                      if len(w) >= 2 and w not in PARTICLES}
        for value in (household.get("email"), dwelling.get("postcode")):
            if value:
                phrases.add(_fold(str(value)))
        postcode = re.sub(r"\s", "", _fold(str(dwelling.get("postcode") or "")))
        if postcode:
            phrases.add(postcode)
        phones = {digits[-9:] for value in (household.get("phone"),
                                             household.get("contact_person_phone"))
                  if len(digits := re.sub(r"\D", "", str(value or ""))) >= 9}
        return cls(frozenset(words), frozenset(phrases), frozenset(phones))


def scrub(passage: str, identifiers: Identifiers) -> list[str]:
    """What in ``passage`` still identifies someone (empty when it is clean)."""
    folded = _fold(passage)
    found: list[str] = []
    for phrase in sorted(identifiers.phrases):
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            found.append(phrase)
    for word in sorted(identifiers.words):
        if word not in found and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            found.append(word)
    found += [m.group(0) for m in _EMAIL.finditer(folded) if m.group(0) not in found]
    found += [m.group(0) for m in _POSTCODE.finditer(folded) if m.group(0) not in found]
    for match in _PHONE.finditer(folded):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 9 or digits[-9:] in identifiers.phones:
            found.append(match.group(0).strip())
    return found


# --- the case ----------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A piece of free text that may go into the summary once the coach reviewed it."""

    key: str  # "<entity>:<row id>:<field>", stable while the dialog is open
    kind: str  # a key of PASSAGE_KINDS
    week: int | None
    text: str

    def label(self, lang: str | None = None) -> str:
        name = t(f"reflection.passage.{self.kind}", lang)
        if self.week is None:
            return name
        return t("reflection.passage_in_week", lang, name=name, week=self.week)


PASSAGE_KINDS = ("resistance_approach", "vulnerability", "visit_notes", "visit_wishes",
                 "visit_worries", "visit_addenda", "contact_summary", "adjustment", "action")


@dataclass(frozen=True)
class ReviewedPassage:
    """A passage the coach read, possibly edited, and chose to include."""

    key: str
    text: str


@dataclass(frozen=True)
class CaseEvent:
    week: int
    entity: str  # contact_moment, visit, adjustment, letter
    what: str  # a vocabulary code (channel, visit kind, category, letter kind)
    status: str  # a vocabulary code (outcome, visit status, adjustment status, delivery)


@dataclass
class CaseFile:
    """Everything the summary may show, plus what must never show (``identifiers``)."""

    identifiers: Identifiers
    sensitive_included: bool
    age_band: tuple[int, int | None] | None
    project_phase: str
    stance: str
    stance_week: int | None
    interpreter_needed: bool
    reads_with_difficulty: bool
    resistance_kind: str = "none"
    resistance_causes: list[str] = field(default_factory=list)
    vulnerabilities: list[tuple[str, int]] = field(default_factory=list)
    partner_kinds: list[str] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)
    adjustments: list[tuple[str, str, int | None]] = field(default_factory=list)
    actions_open: int = 0
    actions_done: int = 0
    weeks: int = 0
    passages: list[Passage] = field(default_factory=list)

    def passage(self, key: str) -> Passage:
        for passage in self.passages:
            if passage.key == key:
                return passage
        raise KeyError(key)


def age_band(birth_year: int | None, today: date) -> tuple[int, int | None] | None:
    """A ten-year band (70, 79); ninety and over is (90, None)."""
    if not birth_year:
        return None
    low = max(0, (today.year - birth_year) // 10 * 10)
    return (90, None) if low >= 90 else (low, low + 9)


class _Weeks:
    """Weeks counted from the Monday before the first event: that week is week 1."""

    def __init__(self, moments: Iterable[date]) -> None:
        first = min(moments, default=None)
        self.start = first - timedelta(days=first.weekday()) if first else None

    def __call__(self, moment: date | datetime | None) -> int | None:
        if moment is None or self.start is None:
            return None
        day = moment.date() if isinstance(moment, datetime) else moment
        return (day - self.start).days // 7 + 1


def _rows(conn: Connection, sql: str, household_id: str) -> list[Any]:
    return list(conn.execute(text(sql), {"h": household_id}))


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10])


def collect_case(conn: Connection, household_id: str, today: date | None = None) -> CaseFile:
    """Read one household into a case file (nothing identifying goes beyond this)."""
    today = today or date.today()
    households, dwellings, projects = (table_of(n) for n in ("household", "dwelling", "project"))
    household = dict(conn.execute(select(households).where(households.c.id == household_id))
                     .mappings().one())
    dwelling = dict(conn.execute(select(dwellings).where(
        dwellings.c.id == household["dwelling_id"])).mappings().one())
    phase = conn.execute(select(projects.c.phase).where(
        projects.c.id == dwelling["project_id"])).scalar_one()
    shown = household["consent_basis"] != "none" and not household["consent_withdrawn_date"]

    contacts = _rows(conn, "SELECT id, at, channel, outcome, summary FROM contact_moment "
                           "WHERE household_id = :h ORDER BY at", household_id)
    visits = _rows(conn, "SELECT id, planned_at, kind, status, notes, wishes, worries, addenda "
                         "FROM visit WHERE household_id = :h ORDER BY planned_at", household_id)
    adjustments = _rows(conn, "SELECT id, category, status, description, agreed_date, due_date "
                              "FROM adjustment WHERE household_id = :h ORDER BY category, id",
                        household_id)
    letters = _rows(conn, "SELECT kind, delivery, created_at FROM letter WHERE household_id = :h",
                    household_id)
    actions = _rows(conn, "SELECT id, description, due_date, done_date FROM action "
                          "WHERE household_id = :h ORDER BY due_date, id", household_id)
    weeks = _Weeks(d for d in (*(_day(r.at) for r in contacts),
                               *(_day(r.planned_at) for r in visits),
                               *(_day(r.agreed_date) for r in adjustments),
                               *(_day(r.created_at) for r in letters)) if d is not None)

    case = CaseFile(
        identifiers=Identifiers.of(household, dwelling), sensitive_included=shown,
        age_band=age_band(household["birth_year"], today), project_phase=phase,
        stance=household["stance"], stance_week=weeks(household["stance_signed_date"]),
        interpreter_needed=bool(household["interpreter_needed"]),
        reads_with_difficulty=bool(household["reads_with_difficulty"]),
        actions_open=sum(1 for r in actions if r.done_date is None),
        actions_done=sum(1 for r in actions if r.done_date is not None),
        weeks=weeks(today) or 0)
    passages = case.passages
    if shown:
        case.resistance_kind = household["resistance_kind"]
        case.resistance_causes = [c for c in household["resistance_causes"].split(",") if c]
        if household["resistance_approach"].strip():
            passages.append(Passage(f"household:{household_id}:resistance_approach",
                                    "resistance_approach", None,
                                    household["resistance_approach"]))
        for r in _rows(conn, "SELECT id, category, weight, implications FROM vulnerability "
                             "WHERE household_id = :h ORDER BY weight DESC, category",
                       household_id):
            case.vulnerabilities.append((r.category, r.weight))
            if r.implications.strip():
                passages.append(Passage(f"vulnerability:{r.id}:implications", "vulnerability",
                                        None, r.implications))
    case.partner_kinds = sorted({r.kind for r in _rows(
        conn, "SELECT p.kind FROM involvement i JOIN partner p ON p.id = i.partner_id "
              "WHERE i.household_id = :h", household_id)})
    for r in contacts:
        week = weeks(_day(r.at)) or 0
        case.events.append(CaseEvent(week, "contact_moment", r.channel, r.outcome))
        if shown and r.summary.strip():
            passages.append(Passage(f"contact_moment:{r.id}:summary", "contact_summary", week,
                                    r.summary))
    for r in visits:
        week = weeks(_day(r.planned_at)) or 0
        case.events.append(CaseEvent(week, "visit", r.kind, r.status))
        texts = (("notes", "visit_notes", r.notes if shown else ""),
                 ("wishes", "visit_wishes", r.wishes), ("worries", "visit_worries", r.worries),
                 ("addenda", "visit_addenda", r.addenda))
        for column, kind, value in texts:
            if value.strip():
                passages.append(Passage(f"visit:{r.id}:{column}", kind, week, value))
    for r in adjustments:
        agreed = weeks(_day(r.agreed_date))
        case.adjustments.append((r.category, r.status, agreed))
        if agreed is not None:
            case.events.append(CaseEvent(agreed, "adjustment", r.category, r.status))
        passages.append(Passage(f"adjustment:{r.id}:description", "adjustment", agreed,
                                r.description))
    for r in letters:
        case.events.append(CaseEvent(weeks(_day(r.created_at)) or 0, "letter", r.kind,
                                     r.delivery))
    for r in actions:
        passages.append(Passage(f"action:{r.id}:description", "action",
                                weeks(_day(r.done_date) or _day(r.due_date)), r.description))
    order = {entity: i for i, entity in enumerate(("contact_moment", "visit", "letter",
                                                    "adjustment"))}
    case.events.sort(key=lambda e: (e.week, order[e.entity]))
    return case


def check_passages(case: CaseFile, reviewed: Sequence[ReviewedPassage],
                   lang: str | None = None) -> list[tuple[Passage, str]]:
    """The reviewed passages with their labels; raises when one still identifies someone."""
    checked = []
    for item in reviewed:
        passage = case.passage(item.key)
        body = " ".join(item.text.split())
        if not body:
            continue
        hits = scrub(body, case.identifiers)
        if hits:
            raise RenoDeskError("reflection.error.identifying", passage=passage.label(lang),
                                count=len(hits))
        checked.append((passage, body))
    return checked


def export_case_summary(ws: Workspace, household_id: str, reviewed: Sequence[ReviewedPassage],
                        lang: str | None = None, today: date | None = None) -> bytes:
    """Collect, check and render the summary as PDF bytes; the export is audited."""
    from renodesk.reports.reflection_pdf import render_case_summary

    with ws.engine.connect() as conn:
        case = collect_case(conn, household_id, today)
    pdf = render_case_summary(case, reviewed, lang)
    ws.record_access("export", "household", household_id, household_id, "reflection")
    return pdf


def vocabulary_label(vocabulary: type[enums.Labelled], code: str, lang: str | None) -> str:
    """A code's label, or the code itself when a newer RenoDesk stored an unknown one."""
    try:
        return vocabulary(code).label(lang)
    except ValueError:
        return code
