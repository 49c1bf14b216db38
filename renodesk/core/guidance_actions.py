"""What a coach does with guidance: turn its suggestions into records, and keep the
organisation's own entries.

- ``suggestions_for`` pre-fills the adjustments (status proposed) and follow-up actions
  an entry suggests; the coach edits that list, and ``add_suggestions`` writes what is
  left in one unit of work, for the project of the household's dwelling.
- The organisation's own entries are ``guidance_entry`` records (so they sync to the
  team like any record). ``save_organisation_entry`` checks an entry against the
  guidance schema first; ``read_organisation_entries`` hands them to ``load_guidance``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from renodesk.core.errors import Problems, RenoDeskError, ValidationError
from renodesk.core.guidance import GuidanceEntry, load_guidance
from renodesk.core.guidance_schema import (
    GuidanceError,
    JsonSchema,
    Problem,
    load_schema,
    validate_entry,
)
from renodesk.core.i18n import t
from renodesk.core.visits import NewAction, NewAdjustment, Outcome
from renodesk.core.workspace import Change, UnitOfWork, Workspace
from renodesk.paths import resources_dir
from renodesk.storage.models import GuidanceEntryRecord, table

_records = table(GuidanceEntryRecord)



# --- suggested adjustments and actions ----------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """What an entry suggests, ready to be edited before it becomes records."""

    adjustments: tuple[NewAdjustment, ...]
    actions: tuple[NewAction, ...]


def suggestions_for(entry: GuidanceEntry) -> Suggestions:
    """The entry's suggested adjustments (status proposed) and actions, pre-filled."""
    return Suggestions(
        tuple(NewAdjustment(item.category.value, item.description, status="proposed")
              for item in entry.suggested_adjustments),
        tuple(NewAction(description) for description in entry.suggested_actions),
    )


def _project_of(uow: UnitOfWork, household_id: str) -> str:
    household = uow.get("household", household_id)
    return str(uow.get("dwelling", household["dwelling_id"])["project_id"])


def add_suggestions(ws: Workspace, household_id: str, adjustments: Sequence[NewAdjustment],
                    actions: Sequence[NewAction]) -> Outcome:
    """Create the chosen adjustments and actions for a household, all or nothing.

    Adjustments get the project of the household's dwelling. A wrong item is named as
    ``adjustments.<i>.<field>`` or ``actions.<i>.<field>`` and nothing is written.
    """
    if not adjustments and not actions:
        raise RenoDeskError("guidance.error.nothing_chosen")
    problems: Problems = {}
    with ws.write() as uow:
        project_id = _project_of(uow, household_id)
        for i, adjustment in enumerate(adjustments):
            try:
                uow.create("adjustment", {
                    "household_id": household_id, "project_id": project_id,
                    "category": adjustment.category, "description": adjustment.description,
                    "status": adjustment.status, "due_date": adjustment.due_date,
                    "responsible_member_id": adjustment.responsible_member_id,
                    "responsible_partner_id": adjustment.responsible_partner_id,
                    "cost_cents": adjustment.cost_cents})
            except ValidationError as exc:
                problems.update(exc.under(f"adjustments.{i}."))
        for i, action in enumerate(actions):
            try:
                uow.create("action", {
                    "household_id": household_id, "project_id": project_id,
                    "description": action.description, "for_whom": action.for_whom,
                    "assignee_member_id": action.assignee_member_id,
                    "due_date": action.due_date})
            except ValidationError as exc:
                problems.update(exc.under(f"actions.{i}."))
        if problems:
            raise ValidationError(problems)
    return Outcome(household_id, tuple(uow.changes))


# --- the organisation's own entries -------------------------------------------------


@dataclass(frozen=True)
class OrganisationEntries:
    """The organisation's entries as stored: valid ones for ``load_guidance``, the
    record id of each (by entry id and language), and those that no longer validate
    (synced from a newer RenoDesk, say), so one bad record never hides all guidance."""

    valid: list[dict[str, Any]] = field(default_factory=list)
    record_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    invalid: list[GuidanceError] = field(default_factory=list)

    def record_id(self, entry: GuidanceEntry) -> str | None:
        """The record holding ``entry`` if it is one of the organisation's own."""
        return self.record_ids.get((entry.id, entry.lang)) if entry.from_organisation else None


def read_organisation_entries(conn: Connection, schema: JsonSchema) -> OrganisationEntries:
    """Every stored organisation entry, checked against the guidance schema."""
    found = OrganisationEntries()
    rows = conn.execute(select(_records.c.id, _records.c.content_json)
                        .order_by(_records.c.theme_kind, _records.c.theme, _records.c.id))
    for record_id, content in rows:
        source = t("guidance.source.organisation", None, id=record_id)
        try:
            data = json.loads(content)
            validate_entry(data, schema, source)
        except json.JSONDecodeError as exc:
            problem = Problem("", "guidance.problem.not_json", {"detail": str(exc)})
            found.invalid.append(GuidanceError(source, [problem]))
            continue
        except GuidanceError as exc:
            found.invalid.append(exc)
            continue
        found.valid.append(data)
        found.record_ids[(data["id"], data["lang"])] = str(record_id)
    return found


@dataclass(frozen=True)
class TeamGuidance:
    """The guidance a coach sees (shipped plus the organisation's), with its records."""

    entries: list[GuidanceEntry]
    organisation: OrganisationEntries


def load_team_guidance(ws: Workspace, lang: str,
                       resources: Path | None = None) -> TeamGuidance:
    """Shipped entries with the organisation's own entries from the workspace on top."""
    resources = resources or resources_dir()
    with ws.engine.connect() as conn:
        own = read_organisation_entries(conn, load_schema(resources))
    return TeamGuidance(load_guidance(resources, lang, own.valid), own)


def new_entry_id(theme_kind: str, theme_code: str) -> str:
    """A fresh id for an organisation's new entry (never the id of a shipped one)."""
    return f"org.{theme_kind}.{theme_code}.{os.urandom(3).hex()}"


_ITEM = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?")


def _as_validation_error(error: GuidanceError) -> ValidationError:
    """Schema problems per form field: ``signals[2]`` becomes field ``signals``, item 3."""
    problems: Problems = {}
    for problem in error.problems:
        match = _ITEM.match(problem.field)
        name = match.group(1) if match else "entry"
        if name in problems:
            continue
        if match and match.group(2) is not None:
            problems[name] = ("guidance.problem.in_item", {
                "item": int(match.group(2)) + 1, "detail": problem.message()})
        else:
            problems[name] = (problem.key, dict(problem.params))
    return ValidationError(problems)


def save_organisation_entry(ws: Workspace, data: dict[str, Any],
                            record_id: str | None = None,
                            resources: Path | None = None) -> Outcome:
    """Store an organisation entry (new, or replacing ``record_id``) after checking it.

    An entry with the id of a shipped entry replaces that one for the whole team.
    Raises ValidationError per form field when the entry does not fit the schema.
    """
    schema = load_schema(resources or resources_dir())
    source = t("guidance.source.organisation", None, id=data.get("id") or "")
    try:
        validate_entry(data, schema, source)
    except GuidanceError as exc:
        raise _as_validation_error(exc) from exc
    values = {
        "language": data["lang"], "theme_kind": data["theme_kind"],
        "theme": data["theme_code"],
        "content_json": json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1),
    }
    with ws.write() as uow:
        existing = read_organisation_entries(uow.conn, schema).record_ids.get(
            (data["id"], data["lang"]))
        if existing is not None and existing != record_id:
            raise ValidationError({"title": ("guidance.error.id_taken", {"id": data["id"]})})
        if record_id is None:
            record_id = uow.create("guidance_entry", values)
        else:
            uow.update("guidance_entry", record_id, values)
    return Outcome(record_id, tuple(uow.changes))


def delete_organisation_entry(ws: Workspace, record_id: str) -> list[Change]:
    """Remove an organisation entry; a shipped entry it replaced shows again."""
    return ws.delete("guidance_entry", record_id)
