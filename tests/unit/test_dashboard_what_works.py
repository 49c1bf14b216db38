"""What works across projects, and an export a corporation can share without risk."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from fixtures.dashboard_world import build_zonnehof
from sqlalchemy import text

from renodesk.core.workspace import Workspace
from renodesk.reports.what_works import (
    MINIMUM_GROUP,
    anonymised,
    anonymised_csv,
    export_what_works,
    what_works,
)

TODAY = date(2026, 3, 2)
APPROACH = "Vaste coach, korte bezoeken, planning op papier"
#: Days from the first visit to agreement of Rozenhof 1..7 (7 via an adjustment agreed).
DAYS = [10, 20, 40, 60, 100, 200, 10]


@pytest.fixture
def rozenhof(workspace: Workspace) -> Workspace:
    """Zonnehof plus Rozenhof: 10 households, 6 with mobility and a care aid in use,
    2 with dementia and storage, 7 with a recorded approach to resistance (5 agreed)."""
    build_zonnehof(workspace)
    first_visit = datetime.combine(TODAY - timedelta(days=250), time(10))
    with workspace.write() as uow:
        project = uow.create("project", {"name": "Rozenhof", "code": "RH-02"})
        for n in range(1, 11):
            dwelling = uow.create("dwelling", {"project_id": project, "street": "Rozenhof",
                                               "number": n, "postcode": "7412 CD",
                                               "city": "Deventer"})
            agreed = n <= 5
            household = uow.create("household", {
                "dwelling_id": dwelling, "name": f"Bewoner Rozenhof {n}",
                "consent_basis": "explicit_consent", "stance": "yes" if agreed else "no",
                "stance_signed_date": first_visit.date() + timedelta(days=DAYS[n - 1])
                if n <= 6 else None})
            if n <= 6:
                uow.create("vulnerability", {"household_id": household, "category": "mobility",
                                             "implications": "Traplift"})
                uow.create("adjustment", {"household_id": household, "project_id": project,
                                          "category": "care_aids", "status": "agreed",
                                          "description": "Traplift verplaatsen"})
            elif n <= 8:
                uow.create("vulnerability", {"household_id": household, "category": "dementia"})
                uow.create("adjustment", {
                    "household_id": household, "project_id": project, "category": "storage",
                    "status": "done", "description": "Opslagbox bij de aannemer",
                    "agreed_date": first_visit.date() + timedelta(days=DAYS[6])
                    if n == 7 else None})
            if n <= 7:
                uow.update("household", household, {
                    "resistance_kind": "wont", "resistance_causes": "distrust",
                    "resistance_approach": APPROACH})
                uow.create("visit", {"household_id": household, "planned_at": first_visit,
                                     "kind": "introduction", "status": "done"})
            elif n <= 10:
                uow.update("household", household, {"resistance_kind": "cant",
                                                    "resistance_approach": APPROACH})
    return workspace


def test_what_works_matches_a_hand_count(rozenhof: Workspace) -> None:
    with rozenhof.engine.connect() as conn:
        figures = what_works(conn)
    assert figures.projects == 2
    # Rozenhof 1-6, and Zonnehof B1 (mobility and dementia, care aid and moving help).
    assert figures.pairs[("mobility", "care_aids")] == 7
    assert figures.pairs[("dementia", "storage")] == 2
    assert figures.pairs[("dementia", "moving_help")] == 1
    # Zonnehof B1, B2, B5 signed 5 days ago, 35, 25 and 5 days after their first visit.
    assert sorted(figures.days_to_agreement) == sorted([*DAYS, 35, 25, 5])
    assert figures.day_buckets() == {"0-30": 5, "31-90": 3, "91-180": 1, "181+": 1}
    wont = figures.by_resistance_kind["wont"]
    assert (wont.households, wont.agreed) == (7, 5)
    assert figures.by_resistance_kind["cant"].households == 3


def _counts(node: Any, path: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("households", "agreed"):
                found.append((f"{path}.{key}", value))
            found.extend(_counts(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_counts(value, f"{path}[{index}]"))
    return found


def test_the_anonymised_export_names_nobody_and_hides_small_groups(
        rozenhof: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "wat-werkt.json"
    document = export_what_works(rozenhof, out, TODAY)
    body = out.read_text("utf-8")
    assert json.loads(body) == document
    assert document["adjustments_by_vulnerability"] == [
        {"vulnerability": "mobility", "adjustment": "care_aids", "households": 7}]
    assert document["time_to_agreement"]["households"] == 10
    assert document["time_to_agreement"]["median_days"] == 30
    assert all(row["households"] is None for row in document["time_to_agreement"]["distribution"]
               if row["days"] != "0-30")
    # 7 tried, 5 agreed, 2 did not: showing 5 would give the 2 away.
    assert document["resistance_by_kind"] == [
        {"kind": "wont", "households": 7, "agreed": None, "percent_agreed": None}]

    counts = _counts(document)
    assert counts, "the export has no counts at all"
    assert all(value is None or value >= MINIMUM_GROUP for _path, value in counts), counts

    with rozenhof.engine.connect() as conn:
        identifying: set[str] = set()
        for sql in ("SELECT id, name, salutation, phone, email, resistance_approach "
                    "FROM household", "SELECT id, street, postcode, city FROM dwelling",
                    "SELECT id, name, code FROM project", "SELECT id, description FROM adjustment",
                    "SELECT id, implications FROM vulnerability"):
            for row in conn.execute(text(sql)):
                identifying.update(str(v) for v in row if v not in (None, ""))
    csv_body = anonymised_csv(document)
    for value in identifying:
        assert value not in body and value not in csv_body, value
    assert not re.search(r"[0-9a-f]{32}", body + csv_body)
    for line in csv_body.splitlines()[1:]:
        measure, value = line.split(";")[3:5]
        if measure in ("households", "agreed") and value.isdigit():
            assert int(value) >= MINIMUM_GROUP, line


def test_an_empty_workspace_exports_nothing_but_the_frame(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        document = anonymised(what_works(conn), TODAY)
    assert document["households"] is None and document["time_to_agreement"] is None
    assert document["adjustments_by_vulnerability"] == []
    assert "<5" in anonymised_csv(document)
