"""A household's timeline in two parts: what happened, and what is planned or still open.

A coach reads the history newest first: visits held (or not at home), contact moments,
letters, agreements made and actions done. Apart from it, soonest first, is what is
coming: planned visits, agreements and actions with their due dates, the overdue ones
marked and at the top, open ones without a date last. An agreement can appear in both:
made on the day of the visit (history), due next month (planned).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

from renodesk.core import enums
from renodesk.core.queries.common import CLOSED_ADJUSTMENT, as_date, as_datetime, is_overdue

#: Entities whose time of day matters (shown with hours and minutes).
TIMED = frozenset({"contact_moment", "visit", "letter"})


@dataclass(frozen=True)
class TimelineItem:
    """One event of a household; ``what`` and ``status`` are vocabulary codes.

    ``at`` is None for an open agreement or action without a due date.
    """

    at: datetime | None
    entity: str  # contact_moment, visit, adjustment, letter, action
    row_id: str
    what: str
    status: str
    text: str
    overdue: bool = False

    @property
    def timed(self) -> bool:
        return self.entity in TIMED

    def what_label(self, lang: str | None = None) -> str:
        vocabulary = _WHAT.get(self.entity)
        return vocabulary(self.what).label(lang) if vocabulary and self.what else self.what

    def status_label(self, lang: str | None = None) -> str:
        vocabulary = _STATUS.get(self.entity)
        return vocabulary(self.status).label(lang) if vocabulary and self.status else self.status

    def detail(self, lang: str | None = None) -> str:
        """One line of details: a letter's language by name, otherwise the text's first line."""
        if self.entity == "letter" and self.text in _LANGUAGES:
            return enums.Language(self.text).label(lang)
        return self.text.splitlines()[0] if self.text else ""


_WHAT: dict[str, type[enums.Labelled]] = {
    "contact_moment": enums.Channel, "visit": enums.VisitKind,
    "adjustment": enums.AdjustmentCategory, "letter": enums.LetterKind,
}
_LANGUAGES = frozenset(language.value for language in enums.Language)
_STATUS: dict[str, type[enums.Labelled]] = {
    "contact_moment": enums.ContactOutcome, "visit": enums.VisitStatus,
    "adjustment": enums.AdjustmentStatus, "letter": enums.Delivery,
}


@dataclass(frozen=True)
class Timeline:
    """What happened (newest first) and what is planned or open (soonest first)."""

    history: list[TimelineItem] = field(default_factory=list)
    planned: list[TimelineItem] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.planned)


def _on(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, datetime.min.time())


def household_timeline(conn: Connection, household_id: str, today: date,
                       sensitive_shown: bool = True) -> Timeline:
    """The history and the planned part of one household's timeline on ``today``.

    A contact moment's summary is left blank unless ``sensitive_shown``.
    """
    params = {"id": household_id}
    history: list[TimelineItem] = []
    planned: list[TimelineItem] = []
    for r in conn.execute(text("SELECT id, at, channel, outcome, summary FROM contact_moment "
                               "WHERE household_id = :id"), params):
        history.append(TimelineItem(as_datetime(r.at), "contact_moment", r.id, r.channel,
                                    r.outcome, r.summary if sensitive_shown else ""))
    for r in conn.execute(text("SELECT id, kind, delivery, created_at, language FROM letter "
                               "WHERE household_id = :id"), params):
        history.append(TimelineItem(as_datetime(r.created_at), "letter", r.id, r.kind,
                                    r.delivery, r.language))
    for r in conn.execute(text("SELECT id, planned_at, kind, status, visitors FROM visit "
                               "WHERE household_id = :id"), params):
        _place_visit(r, today, history, planned)
    for r in conn.execute(text(
            "SELECT a.id, a.category, a.description, a.status, a.due_date, a.agreed_date, "
            "v.planned_at AS visit_at FROM adjustment a LEFT JOIN visit v ON v.id = a.visit_id "
            "WHERE a.household_id = :id"), params):
        _place_adjustment(r, today, history, planned)
    for r in conn.execute(text("SELECT id, description, due_date, done_date FROM action "
                               "WHERE household_id = :id"), params):
        due, done = as_date(r.due_date), as_date(r.done_date)
        if done is not None:
            history.append(TimelineItem(_on(done), "action", r.id, "", "done", r.description))
        else:
            planned.append(TimelineItem(_on(due), "action", r.id, "", "open", r.description,
                                        is_overdue(due, True, today)))
    history.sort(key=lambda item: (item.at is not None, item.at or datetime.min), reverse=True)
    planned.sort(key=lambda item: (item.at is None, item.at or datetime.min))
    return Timeline(history, planned)


def _place_visit(r: Any, today: date, history: list[TimelineItem],
                 planned: list[TimelineItem]) -> None:
    """A planned visit is ahead (overdue once its day passed without a report); a visit
    cancelled for a coming day stays in view there until that day; the rest happened."""
    at = as_datetime(r.planned_at)
    item = TimelineItem(at, "visit", r.id, r.kind, r.status, r.visitors,
                        r.status == "planned" and at is not None and at.date() < today)
    ahead = r.status == "planned" or (r.status == "cancelled" and at is not None
                                      and at.date() >= today)
    (planned if ahead else history).append(item)


def _place_adjustment(r: Any, today: date, history: list[TimelineItem],
                      planned: list[TimelineItem]) -> None:
    """Made on the day agreed (or at its visit) in the history; while open, due in the
    planned part."""
    due = as_date(r.due_date)
    still_open = r.status not in CLOSED_ADJUSTMENT
    made = as_date(r.agreed_date) or as_date(r.visit_at)
    if made is not None or not still_open:
        history.append(TimelineItem(_on(made or due), "adjustment", r.id, r.category,
                                    r.status, r.description))
    if still_open:
        planned.append(TimelineItem(_on(due), "adjustment", r.id, r.category, r.status,
                                    r.description, is_overdue(due, True, today)))
