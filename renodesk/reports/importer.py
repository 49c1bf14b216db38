"""Importing a tenant list into a project: check every row, then write the good ones.

The flow a person follows: read the file (:func:`~renodesk.reports.import_source.read_source`),
check the column mapping, look at the plan (:func:`plan_import`: what would be created,
updated, left alone and rejected, with the row number and reason of every rejected row),
then import (:func:`import_households`), which plans again inside the one transaction it
writes in, so what is written is exactly what was checked against the current data.

Dwellings are matched on postcode + number + addition within the project, so importing
the same file twice changes nothing and a corrected file updates in place. An empty
cell never erases what a coach recorded: only filled-in cells update a record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text

from renodesk.core import enums, validation
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.i18n import t
from renodesk.core.workspace import Change, Workspace
from renodesk.reports.import_source import Mapping, SourceRow, SourceTable, missing_fields
from renodesk.storage.models import new_id

#: check(): raises to stop long work (the person pressed Cancel).
Check = Callable[[], None]
Progress = Callable[[int, int], None]

#: Rows written per step between progress reports and cancel checks.
STEP = 1000

_PLACEHOLDER_ID = "0" * 32
_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[-/ ]?\s*([A-Za-z0-9]{0,6})\s*$")
_STREET_WITH_NUMBER = re.compile(r"^\s*(.*?[^\d\s])\s+(\d{1,5})\s*[-/ ]?\s*([A-Za-z0-9]{0,6})\s*$")
_YEAR = re.compile(r"(?:^|\D)(19\d\d|20\d\d)(?:\D|$)")
_DWELLING_FIELDS = ("street", "number", "addition", "postcode", "city")
_HOUSEHOLD_FIELDS = ("name", "salutation", "phone", "email", "language", "birth_year")


@dataclass(frozen=True)
class Problem:
    field_name: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return t("import.reason.field", lang, field=t(f"import.field.{self.field_name}", lang),
                 message=t(self.key, lang, **self.params))


@dataclass(frozen=True)
class Rejection:
    """A row that is not imported, with every reason."""

    row: int
    problems: tuple[Problem, ...]

    def message(self, lang: str | None = None) -> str:
        return "; ".join(p.message(lang) for p in self.problems)

    def line(self, lang: str | None = None) -> str:
        return t("import.rejected_line", lang, row=self.row, reason=self.message(lang))


@dataclass
class PlannedRow:
    row: int
    dwelling: dict[str, Any]
    household: dict[str, Any]
    dwelling_id: str | None = None
    household_id: str | None = None
    dwelling_changes: dict[str, Any] = field(default_factory=dict)
    household_changes: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportPlan:
    """What an import would do; nothing of it is written yet."""

    project_id: str
    rows: int = 0
    new: list[PlannedRow] = field(default_factory=list)  # new dwelling and household
    new_households: list[PlannedRow] = field(default_factory=list)  # dwelling exists
    updates: list[PlannedRow] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def to_create(self) -> int:
        return len(self.new) + len(self.new_households)

    @property
    def to_update(self) -> int:
        return len(self.updates)

    def report(self, lang: str | None = None) -> list[str]:
        """The validation report: one line per rejected row, in file order."""
        return [r.line(lang) for r in sorted(self.rejected, key=lambda r: r.row)]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    dry_run: bool = False


# --- one row -----------------------------------------------------------------------------


def _language_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for member in enums.Language:
        codes[member.value] = member.value
        for lang in ("nl", "en"):
            codes[member.label(lang).lower()] = member.value
    codes.update({"nederlands": "nl", "dutch": "nl", "ned": "nl", "engels": "en", "eng": "en"})
    return codes


_LANGUAGES = _language_codes()


def language_code(value: str) -> str:
    """'Turks', 'Turkish', 'TR' -> 'tr'; a language not in the list -> 'other'."""
    return _LANGUAGES.get(value.strip().lower(), "other")


def phone_text(value: str) -> str:
    """Excel drops the leading zero of 0612345678; put it back before the phone rule."""
    digits = re.sub(r"\D", "", value)
    if value.strip() == digits and len(digits) == 9 and digits[0] != "0":
        return "0" + digits
    return value


def birth_year_text(value: str) -> str:
    """A year, or the year of a birth date (the date itself is more than RenoDesk keeps)."""
    stripped = value.strip()
    if not stripped or stripped.isdigit():
        return stripped
    match = _YEAR.search(stripped)
    return match.group(1) if match else stripped


def addition_key(addition: str) -> str:
    """'a', 'A', '-A' and ' A ' are the same addition."""
    return re.sub(r"[\s\-/]", "", addition).upper()


def row_values(row: SourceRow, mapping: Mapping) -> dict[str, str]:
    """The raw text of every mapped field; a number inside the street cell is split off."""
    raw = {f: row.get(mapping.get(f)) for f in _DWELLING_FIELDS + _HOUSEHOLD_FIELDS}
    if not raw["number"]:
        match = _STREET_WITH_NUMBER.match(raw["street"])
        if match:
            raw["street"], raw["number"] = match.group(1), match.group(2)
            raw["addition"] = raw["addition"] or match.group(3)
    else:
        match = _NUMBER.match(raw["number"])
        if match:
            raw["number"] = match.group(1)
            raw["addition"] = raw["addition"] or match.group(2)
    raw["addition"] = raw["addition"].strip().lstrip("-/ ")
    return raw


def clean_row(row: SourceRow, mapping: Mapping,
              project_id: str) -> tuple[dict[str, Any], dict[str, Any]] | Rejection:
    """The checked dwelling and household values of one row, or why it is rejected."""
    raw = row_values(row, mapping)
    problems: list[Problem] = []
    if raw["number"] and not raw["number"].isdigit():
        problems.append(Problem("number", "import.reason.number", {"value": raw["number"]}))
    dwelling_in = {f: raw[f] for f in _DWELLING_FIELDS if f != "number" or raw[f].isdigit()}
    dwelling_in["project_id"] = project_id
    household_in: dict[str, Any] = {"dwelling_id": _PLACEHOLDER_ID, "name": raw["name"]}
    for fld in ("salutation", "email"):
        if raw[fld]:
            household_in[fld] = raw[fld]
    if raw["phone"]:
        household_in["phone"] = phone_text(raw["phone"])
    if raw["language"]:
        household_in["language"] = language_code(raw["language"])
    if raw["birth_year"]:
        household_in["birth_year"] = birth_year_text(raw["birth_year"])
    dwelling: dict[str, Any] = {}
    household: dict[str, Any] = {}
    for entity, values, target in (("dwelling", dwelling_in, dwelling),
                                   ("household", household_in, household)):
        try:
            target.update(validation.clean(entity, values, creating=True))
        except ValidationError as exc:
            seen = {p.field_name for p in problems}
            problems.extend(Problem(fld, key, params) for fld, (key, params)
                            in exc.problems.items() if fld not in seen)
    if problems:
        return Rejection(row.number, tuple(problems))
    dwelling.pop("project_id")
    household.pop("dwelling_id")
    return dwelling, household


# --- the plan ------------------------------------------------------------------------------


AddressKey = tuple[str, int, str]


def _key(dwelling: dict[str, Any]) -> AddressKey:
    return dwelling["postcode"], int(dwelling["number"]), addition_key(dwelling["addition"])


def _existing(conn: Connection, project_id: str) -> tuple[dict[AddressKey, dict[str, Any]],
                                                          dict[str, dict[str, Any]]]:
    dwellings: dict[AddressKey, dict[str, Any]] = {}
    for r in conn.execute(text(
            "SELECT id, street, number, addition, postcode, city FROM dwelling "
            "WHERE project_id = :p ORDER BY id"), {"p": project_id}).mappings():
        dwellings.setdefault(_key(dict(r)), dict(r))
    households: dict[str, dict[str, Any]] = {}
    for r in conn.execute(text(
            "SELECT h.id, h.dwelling_id, h.name, h.salutation, h.phone, h.email, h.language, "
            "h.birth_year FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
            "WHERE d.project_id = :p AND h.status = 'active' ORDER BY h.id"),
            {"p": project_id}).mappings():
        households.setdefault(str(r["dwelling_id"]), dict(r))
    return dwellings, households


def check_project(conn: Connection, project_id: str) -> None:
    found = conn.execute(text("SELECT 1 FROM project WHERE id = :p"), {"p": project_id}).first()
    if found is None:
        raise RenoDeskError("import.error.no_project", project=project_id)


def plan_import(conn: Connection, table: SourceTable, mapping: Mapping, project_id: str,
                progress: Progress | None = None, check: Check | None = None) -> ImportPlan:
    """Check every row against the rules and the project's current dwellings."""
    missing = missing_fields(mapping)
    if missing:
        raise RenoDeskError("import.error.unmapped", fields=", ".join(
            t(f"import.field.{f}") for f in missing))
    check_project(conn, project_id)
    dwellings, households = _existing(conn, project_id)
    plan = ImportPlan(project_id, rows=len(table.rows))
    first_row: dict[AddressKey, int] = {}
    for index, row in enumerate(table.rows, start=1):
        if index % STEP == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(index, len(table.rows))
        cleaned = clean_row(row, mapping, project_id)
        if isinstance(cleaned, Rejection):
            plan.rejected.append(cleaned)
            continue
        dwelling, household = cleaned
        key = _key(dwelling)
        if key in first_row:
            plan.rejected.append(Rejection(row.number, (Problem(
                "postcode", "import.reason.duplicate", {"first": first_row[key]}),)))
            continue
        first_row[key] = row.number
        _place(plan, row.number, dwelling, household, dwellings.get(key), households)
    return plan


def _place(plan: ImportPlan, number: int, dwelling: dict[str, Any], household: dict[str, Any],
           existing: dict[str, Any] | None, households: dict[str, dict[str, Any]]) -> None:
    planned = PlannedRow(number, dwelling, household)
    if existing is None:
        plan.new.append(planned)
        return
    planned.dwelling_id = str(existing["id"])
    planned.dwelling_changes = {f: v for f, v in dwelling.items()
                                if f in ("street", "city", "addition") and v != existing[f]}
    current = households.get(planned.dwelling_id)
    if current is None:
        plan.new_households.append(planned)
        return
    planned.household_id = str(current["id"])
    # Only filled-in cells count: an empty cell never erases what a coach recorded.
    planned.household_changes = {f: v for f, v in household.items()
                                 if v not in (None, "") and v != current[f]}
    if planned.dwelling_changes or planned.household_changes:
        plan.updates.append(planned)
    else:
        plan.unchanged += 1


# --- writing -------------------------------------------------------------------------------


def import_households(workspace: Workspace, table: SourceTable, mapping: Mapping,
                      project_id: str, dry_run: bool = False,
                      progress: Progress | None = None,
                      check: Check | None = None) -> ImportResult:
    """Import the valid rows in one transaction; a cancel or error leaves nothing written.

    Rejected rows are reported, never written; the rest goes through the use cases
    (create_many for new records, update for changed ones).
    """
    if dry_run:
        with workspace.engine.connect() as conn:
            plan = plan_import(conn, table, mapping, project_id, None, check)
        return ImportResult(plan.to_create, plan.to_update, plan.unchanged, plan.rejected,
                            dry_run=True)
    with workspace.write() as uow:
        plan = plan_import(uow.conn, table, mapping, project_id, None, check)
        total = plan.to_create + plan.to_update
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            if check is not None:
                check()
            if progress is not None:
                progress(done, total)

        for part in _chunks(plan.new):
            dwelling_ids = [new_id() for _ in part]
            uow.create_many("dwelling", [{**p.dwelling, "project_id": project_id, "id": i}
                                         for p, i in zip(part, dwelling_ids, strict=True)])
            uow.create_many("household", [{**p.household, "dwelling_id": i}
                                          for p, i in zip(part, dwelling_ids, strict=True)])
            step(len(part))
        for part in _chunks(plan.new_households):
            uow.create_many("household", [{**p.household, "dwelling_id": p.dwelling_id}
                                          for p in part])
            step(len(part))
        for part in _chunks(plan.updates):
            for planned in part:
                if planned.dwelling_changes and planned.dwelling_id:
                    uow.update("dwelling", planned.dwelling_id, planned.dwelling_changes)
                if planned.household_changes and planned.household_id:
                    uow.update("household", planned.household_id, planned.household_changes)
            step(len(part))
        changes = list(uow.changes)
    return ImportResult(plan.to_create, plan.to_update, plan.unchanged, plan.rejected, changes)


def _chunks(rows: Sequence[PlannedRow]) -> Iterable[Sequence[PlannedRow]]:
    return (rows[i:i + STEP] for i in range(0, len(rows), STEP))


def resolve_project(conn: Connection, id_or_code: str) -> str:
    """A project's id from its id or its code (as typed on the command line)."""
    found = conn.execute(text("SELECT id FROM project WHERE id = :v OR code = :v")
                         .bindparams(bindparam("v")), {"v": id_or_code.strip()}).scalar()
    if found is None:
        raise RenoDeskError("import.error.no_project", project=id_or_code)
    return str(found)
