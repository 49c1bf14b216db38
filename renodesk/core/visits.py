"""A coach's work with visits, adjustments, actions and contact moments.

Each use case is one unit of work: the rows, their audit entries and sync operations
are written together or not at all, and the use case returns what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text

from renodesk.core.errors import ConflictError, Problems, ValidationError
from renodesk.core.workspace import Change, UnitOfWork, Workspace


@dataclass(frozen=True)
class Outcome:
    """The record a use case made or touched, and every change it wrote."""

    row_id: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class NewAdjustment:
    """An adjustment agreed or proposed during a visit."""

    category: str
    description: str
    status: str = "proposed"
    #: A date, or text as typed (e.g. "26-11-2026"); the domain rules check it.
    due_date: date | str | None = None
    responsible_member_id: str | None = None
    responsible_partner_id: str | None = None
    cost_cents: int | None = None


@dataclass(frozen=True)
class NewAction:
    """A follow-up task noted during a visit."""

    description: str
    for_whom: str = ""
    assignee_member_id: str | None = None
    due_date: date | str | None = None


@dataclass(frozen=True)
class VisitReport:
    attendees: str = ""
    notes: str = ""
    wishes: str = ""
    worries: str = ""
    adjustments: Sequence[NewAdjustment] = field(default_factory=tuple)
    actions: Sequence[NewAction] = field(default_factory=tuple)


def _project_of(conn: Connection, household_id: str) -> str:
    return str(conn.execute(text(
        "SELECT d.project_id FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
        "WHERE h.id = :h"), {"h": household_id}).scalar_one())


def plan_visit(ws: Workspace, household_id: str, planned_at: datetime | str, kind: str,
               visitors: str = "", duration_minutes: int = 60) -> Outcome:
    """Put a home visit in the diary."""
    with ws.write() as uow:
        visit_id = uow.create("visit", {
            "household_id": household_id, "planned_at": planned_at, "kind": kind,
            "visitors": visitors, "duration_minutes": duration_minutes, "status": "planned"})
    return Outcome(visit_id, tuple(uow.changes))


def record_visit(ws: Workspace, visit_id: str, report: VisitReport) -> Outcome:
    """Write what happened at a visit, with the adjustments and actions agreed there.

    All or nothing: if one inline adjustment or action is wrong, nothing is saved and the
    ValidationError names every problem, the inline ones as ``adjustments.<i>.<field>``
    and ``actions.<i>.<field>``.
    """
    problems: Problems = {}
    with ws.write() as uow:
        visit = uow.get("visit", visit_id)
        if visit["planned_at"].date() > date.today():
            # A report of a talk that has not happened yet would date its agreements (and
            # the letter thanking for the talk) in the future.
            raise ConflictError("error.visit_in_future",
                                day=f"{visit['planned_at']:%d-%m-%Y}")
        household_id = visit["household_id"]
        try:
            uow.update("visit", visit_id, {
                "attendees": report.attendees, "notes": report.notes, "wishes": report.wishes,
                "worries": report.worries, "status": "done"})
        except ValidationError as exc:
            problems.update(exc.problems)
        project_id = _project_of(uow.conn, household_id)
        for i, adjustment in enumerate(report.adjustments):
            values: dict[str, Any] = {
                "household_id": household_id, "project_id": project_id, "visit_id": visit_id,
                "category": adjustment.category, "description": adjustment.description,
                "status": adjustment.status, "due_date": adjustment.due_date,
                "responsible_member_id": adjustment.responsible_member_id,
                "responsible_partner_id": adjustment.responsible_partner_id,
                "cost_cents": adjustment.cost_cents}
            if adjustment.status == "agreed":
                values["agreed_date"] = visit["planned_at"].date()
            try:
                uow.create("adjustment", values)
            except ValidationError as exc:
                problems.update(exc.under(f"adjustments.{i}."))
        for i, action in enumerate(report.actions):
            try:
                uow.create("action", {
                    "household_id": household_id, "project_id": project_id,
                    "visit_id": visit_id, "description": action.description,
                    "for_whom": action.for_whom, "assignee_member_id": action.assignee_member_id,
                    "due_date": action.due_date})
            except ValidationError as exc:
                problems.update(exc.under(f"actions.{i}."))
        if problems:
            raise ValidationError(problems)
    return Outcome(visit_id, tuple(uow.changes))


def finalise_visit(ws: Workspace, visit_id: str, at: datetime | None = None) -> Outcome:
    """Close the report (the letter goes out); afterwards only addenda can be added."""
    with ws.write() as uow:
        visit = uow.get("visit", visit_id)
        if visit["finalised_at"]:
            raise ConflictError("error.visit_finalised")
        if visit["status"] != "done":
            raise ConflictError("error.visit_not_done")
        uow.update("visit", visit_id, {"finalised_at": at or datetime.now()})
    return Outcome(visit_id, tuple(uow.changes))


class ContactStep(StrEnum):
    """The contact ladder: what to try next when a tenant cannot be reached."""

    DOOR_CARD = "door_card"  # leave the not-at-home card, come back at another time of day
    PHONE = "phone"
    LETTER = "letter"  # a letter with a fixed appointment
    CONTACT_PERSON = "contact_person"
    PARTNER = "partner"  # through a social partner already involved
    ESCALATE = "escalate"  # discuss with the project leader and social housing officer


@dataclass(frozen=True)
class NotHomeOutcome(Outcome):
    attempts: int = 0  # contact moments in a row without reaching the tenant
    next_step: ContactStep = ContactStep.DOOR_CARD


def unreached_attempts(conn: Connection, household_id: str) -> int:
    """Contact moments since the tenant was last reached."""
    last_reached = conn.execute(text(
        "SELECT max(at) FROM contact_moment WHERE household_id = :h AND outcome = 'reached'"),
        {"h": household_id}).scalar()
    sql = "SELECT count(*) FROM contact_moment WHERE household_id = :h"
    params: dict[str, Any] = {"h": household_id}
    if last_reached is not None:
        sql += " AND at > :since"
        params["since"] = last_reached
    return int(conn.execute(text(sql), params).scalar() or 0)


def next_contact_step(attempts: int, has_contact_person: bool, has_partner: bool) -> ContactStep:
    """The next rung of the ladder after ``attempts`` tries without reaching the tenant."""
    ladder = [ContactStep.DOOR_CARD, ContactStep.PHONE, ContactStep.LETTER]
    if has_contact_person:
        ladder.append(ContactStep.CONTACT_PERSON)
    if has_partner:
        ladder.append(ContactStep.PARTNER)
    return ladder[attempts - 1] if 1 <= attempts <= len(ladder) else ContactStep.ESCALATE


def mark_not_home(ws: Workspace, visit_id: str, by_member_id: str | None = None,
                  at: datetime | None = None) -> NotHomeOutcome:
    """Nobody opened the door: the visit becomes 'not home', a contact moment is logged,
    and the next step on the contact ladder is suggested."""
    with ws.write() as uow:
        visit = uow.get("visit", visit_id)
        household_id = visit["household_id"]
        uow.update("visit", visit_id, {"status": "not_home"})
        uow.create("contact_moment", {
            "household_id": household_id, "at": at or datetime.now(), "channel": "visit",
            "outcome": "not_home", "by_member_id": by_member_id})
        attempts = unreached_attempts(uow.conn, household_id)
        household = uow.get("household", household_id)
        has_partner = uow.conn.execute(text(
            "SELECT 1 FROM involvement WHERE household_id = :h LIMIT 1"),
            {"h": household_id}).first() is not None
    step = next_contact_step(attempts, bool(household["contact_person_name"]), has_partner)
    return NotHomeOutcome(visit_id, tuple(uow.changes), attempts, step)


def log_contact(ws: Workspace, household_id: str, channel: str, outcome: str,
                summary: str = "", at: datetime | None = None,
                by_member_id: str | None = None) -> Outcome:
    """Note a call, letter, e-mail or visit and whether the tenant was reached."""
    with ws.write() as uow:
        row_id = uow.create("contact_moment", {
            "household_id": household_id, "at": at or datetime.now(), "channel": channel,
            "outcome": outcome, "summary": summary, "by_member_id": by_member_id})
    return Outcome(row_id, tuple(uow.changes))


def set_adjustment_status(ws: Workspace, adjustment_id: str, status: str,
                          on: date | None = None) -> Outcome:
    """Move an adjustment along (proposed, agreed, in progress, done, dropped).

    The first time it becomes agreed, the date the tenant agreed is kept.
    """
    with ws.write() as uow:
        _set_status(uow, adjustment_id, status, on)
    return Outcome(adjustment_id, tuple(uow.changes))


def agree_adjustment(ws: Workspace, adjustment_id: str, on: date | None = None) -> Outcome:
    """The tenant agreed to the adjustment."""
    return set_adjustment_status(ws, adjustment_id, "agreed", on)


def _set_status(uow: UnitOfWork, adjustment_id: str, status: str, on: date | None) -> None:
    current = uow.get("adjustment", adjustment_id)
    values: dict[str, Any] = {"status": status}
    if status in ("agreed", "in_progress", "done") and current["agreed_date"] is None:
        values["agreed_date"] = on or date.today()
    uow.update("adjustment", adjustment_id, values)


def complete_action(ws: Workspace, action_id: str, on: date | None = None) -> Outcome:
    """Tick off a follow-up task."""
    with ws.write() as uow:
        uow.update("action", action_id, {"done_date": on or date.today()})
    return Outcome(action_id, tuple(uow.changes))


def reopen_action(ws: Workspace, action_id: str) -> Outcome:
    """Undo a tick that was set by mistake."""
    with ws.write() as uow:
        uow.update("action", action_id, {"done_date": None})
    return Outcome(action_id, tuple(uow.changes))
