"""What works, across projects: which adjustments go with which vulnerabilities, how long
from the first visit to agreement, and how often a recorded approach to resistance ended
in agreement — and an anonymised export of these figures a corporation can share.

Sensitive data (vulnerabilities, resistance) is counted only for households whose
consent stands. Every count is a count of households. The export holds aggregates
only: no names, addresses, free text or ids, and any group smaller than
:data:`MINIMUM_GROUP` is left out (and the cell next to it when it would give it away).
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from renodesk.core.errors import RenoDeskError
from renodesk.core.queries.common import as_date, as_datetime
from renodesk.core.workspace import Workspace
from renodesk.reports.export_file import write_export

#: Groups smaller than this could point at a person: never shown in the export.
MINIMUM_GROUP = 5
#: Adjustment statuses that mean the adjustment is actually used.
USED = ("agreed", "in_progress", "done")
#: Buckets of days from the first visit to agreement: (label, first day, last day).
DAY_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30), ("31-90", 31, 90), ("91-180", 91, 180), ("181+", 181, None))
FORMAT = "renodesk-what-works"

_BASIS = "h.consent_basis != 'none' AND h.consent_withdrawn_date IS NULL"


@dataclass(frozen=True)
class Outcome:
    """Households with a recorded approach, and how many of them agreed."""

    households: int
    agreed: int

    @property
    def percent_agreed(self) -> float:
        return 100.0 * self.agreed / self.households if self.households else 0.0


@dataclass
class WhatWorks:
    projects: int
    households: int
    #: (vulnerability category, adjustment category) -> households with both.
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    #: Days from the first visit done to agreement, one number per household.
    days_to_agreement: list[int] = field(default_factory=list)
    by_resistance_kind: dict[str, Outcome] = field(default_factory=dict)
    by_resistance_cause: dict[str, Outcome] = field(default_factory=dict)

    def day_buckets(self) -> dict[str, int]:
        found = {label: 0 for label, _low, _high in DAY_BUCKETS}
        for days in self.days_to_agreement:
            for label, low, high in DAY_BUCKETS:
                if days >= low and (high is None or days <= high):
                    found[label] += 1
                    break
        return found


def what_works(conn: Connection) -> WhatWorks:
    """The figures over every project in the workspace."""
    projects = int(conn.execute(text("SELECT count(*) FROM project")).scalar() or 0)
    households = int(conn.execute(text(
        "SELECT count(*) FROM household WHERE status != 'deceased'")).scalar() or 0)
    result = WhatWorks(projects, households)
    used = "('" + "','".join(USED) + "')"
    for r in conn.execute(text(f"""
            SELECT v.category AS vulnerability, a.category AS adjustment,
                   count(DISTINCT h.id) AS n
            FROM household h JOIN vulnerability v ON v.household_id = h.id
            JOIN adjustment a ON a.household_id = h.id
            WHERE {_BASIS} AND a.status IN {used}
            GROUP BY v.category, a.category""")):
        result.pairs[(r.vulnerability, r.adjustment)] = int(r.n)
    result.days_to_agreement = _days_to_agreement(conn)
    kinds: dict[str, list[int]] = {}
    causes: dict[str, list[int]] = {}
    for r in conn.execute(text(f"""
            SELECT h.resistance_kind, h.resistance_causes, h.stance FROM household h
            WHERE {_BASIS} AND h.resistance_kind != 'none'
              AND trim(h.resistance_approach) != ''""")):
        agreed = 1 if r.stance == "yes" else 0
        kinds.setdefault(r.resistance_kind, []).append(agreed)
        for cause in filter(None, (r.resistance_causes or "").split(",")):
            causes.setdefault(cause, []).append(agreed)
    result.by_resistance_kind = {k: Outcome(len(v), sum(v)) for k, v in sorted(kinds.items())}
    result.by_resistance_cause = {k: Outcome(len(v), sum(v)) for k, v in sorted(causes.items())}
    return result


def _days_to_agreement(conn: Connection) -> list[int]:
    """First visit done -> the date the tenant signed, or else the first adjustment agreed."""
    found = []
    for r in conn.execute(text("""
            SELECT h.stance_signed_date AS signed,
                   (SELECT min(v.planned_at) FROM visit v WHERE v.household_id = h.id
                       AND v.status = 'done') AS first_visit,
                   (SELECT min(a.agreed_date) FROM adjustment a WHERE a.household_id = h.id
                       AND a.agreed_date IS NOT NULL) AS first_agreed
            FROM household h""")):
        first_visit = as_datetime(r.first_visit)
        agreement = as_date(r.signed) or as_date(r.first_agreed)
        if first_visit is None or agreement is None:
            continue
        days = (agreement - first_visit.date()).days
        if days >= 0:  # agreed before any visit: not an outcome of visiting
            found.append(days)
    return found


# --- the anonymised export -----------------------------------------------------------------


def _group(count: int) -> int | None:
    return count if count >= MINIMUM_GROUP else None


def _outcomes(outcomes: dict[str, Outcome], key: str) -> list[dict[str, Any]]:
    rows = []
    for code, outcome in outcomes.items():
        if outcome.households < MINIMUM_GROUP:
            continue
        # Both who agreed and who did not must be large enough, or one gives the other away.
        shown = min(outcome.agreed, outcome.households - outcome.agreed) >= MINIMUM_GROUP
        rows.append({key: code, "households": outcome.households,
                     "agreed": outcome.agreed if shown else None,
                     "percent_agreed": round(outcome.percent_agreed) if shown else None})
    return rows


def anonymised(figures: WhatWorks, on: date | None = None) -> dict[str, Any]:
    """The figures as a shareable document: aggregates only, small groups left out."""
    days = figures.days_to_agreement
    timing: dict[str, Any] | None = None
    if len(days) >= MINIMUM_GROUP:
        quartiles = statistics.quantiles(days, n=4, method="inclusive")
        timing = {"households": len(days), "median_days": round(statistics.median(days)),
                  "p25_days": round(quartiles[0]), "p75_days": round(quartiles[2]),
                  "distribution": [{"days": label, "households": _group(n)}
                                   for label, n in figures.day_buckets().items()]}
    return {
        "format": FORMAT, "version": "1", "generated_on": (on or date.today()).isoformat(),
        "minimum_group": MINIMUM_GROUP,
        "households": _group(figures.households),
        "adjustments_by_vulnerability": [
            {"vulnerability": v, "adjustment": a, "households": n}
            for (v, a), n in sorted(figures.pairs.items()) if n >= MINIMUM_GROUP],
        "time_to_agreement": timing,
        "resistance_by_kind": _outcomes(figures.by_resistance_kind, "kind"),
        "resistance_by_cause": _outcomes(figures.by_resistance_cause, "cause"),
    }


def anonymised_csv(document: dict[str, Any]) -> str:
    """The same document as rows: section; group; subgroup; measure; value."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["section", "group", "subgroup", "measure", "value"])
    writer.writerow(["workspace", "", "", "households", _cell(document["households"])])
    for row in document["adjustments_by_vulnerability"]:
        writer.writerow(["adjustments_by_vulnerability", row["vulnerability"], row["adjustment"],
                         "households", row["households"]])
    timing = document["time_to_agreement"]
    if timing:
        for measure in ("households", "median_days", "p25_days", "p75_days"):
            writer.writerow(["time_to_agreement", "", "", measure, timing[measure]])
        for row in timing["distribution"]:
            writer.writerow(["time_to_agreement", row["days"], "", "households",
                             _cell(row["households"])])
    for section, key in (("resistance_by_kind", "kind"), ("resistance_by_cause", "cause")):
        for row in document[section]:
            for measure in ("households", "agreed", "percent_agreed"):
                writer.writerow([section, row[key], "", measure, _cell(row[measure])])
    return out.getvalue()


def _cell(value: Any) -> str:
    return f"<{MINIMUM_GROUP}" if value is None else str(value)


def export_what_works(workspace: Workspace, out: Path, on: date | None = None) -> dict[str, Any]:
    """Write the anonymised figures as JSON (or CSV for a .csv name); audited as an export."""
    if out.suffix.lower() not in (".json", ".csv"):
        raise RenoDeskError("report.error.kind_what_works", path=str(out))
    with workspace.engine.connect() as conn:
        document = anonymised(what_works(conn), on)
    if out.suffix.lower() == ".csv":
        body = anonymised_csv(document)
    else:
        body = json.dumps(document, ensure_ascii=False, indent=1)
    write_export(out, body)
    with workspace.write() as uow:
        uow.audit("export", "workspace", "0" * 32, None, f"what-works:{out.suffix.lstrip('.')}")
    return document
