"""A realistic, fictitious Dutch workspace for demos, tests and benchmarks.

Every person, address and phone number here is invented. The set is deterministic
for a seed and a reference day (``today``), so the demo always has visits "today".
It reads like a real team's records: what happened to a household fits the phase its
project is in, its age, its needs and how it can be reached (a letter is never "not at
home"; an agreement about the cats goes to a household that has cats).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.reports.demo_households import PHASE_DAYS, DemoHouseholds, Place, phase_start
from renodesk.reports.demo_vocabulary import PHASES, PLACES, PROJECT_WORDS, RESPONSIBILITIES, WORKS


class _Ids:
    """Deterministic record ids from the seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex


Batch = dict[str, list[dict[str, Any]]]
#: Entities of a batch in the order they must be written (parents first).
WRITE_ORDER = ("team_member", "partner", "project", "roster_entry", "project_partner",
               "dwelling", "household", "vulnerability", "involvement", "contact_moment",
               "visit", "adjustment", "action")
BATCH_HOUSEHOLDS = 500


def iter_batches(households: int, seed: int = 1, today: date | None = None) -> Iterator[Batch]:
    """The demo set as batches of plain rows: first the organisation, then households."""
    rng = random.Random(seed)
    new_id = _Ids(rng)
    today = today or date.today()
    n_projects = max(3, min(60, households // 300 + 2))
    members, partners, projects, roster, project_partners, places = _organisation(
        rng, new_id, n_projects, today)
    yield {"team_member": members, "partner": partners, "project": projects,
           "roster_entry": roster, "project_partner": project_partners}
    coaches = [m for m in members if m["is_coach"]]
    for done in range(0, households, BATCH_HOUSEHOLDS):
        size = min(BATCH_HOUSEHOLDS, households - done)
        batch = DemoHouseholds(rng, new_id, today, coaches, partners)
        for i in range(done, done + size):
            project = projects[i % len(projects)]
            batch.add(i, project, places[project["id"]], len(projects))
        yield batch.out


def write_batch(workspace: Workspace, batch: Batch) -> None:
    """Write one batch through the use cases, in one transaction."""
    with workspace.write() as uow:
        for entity in WRITE_ORDER:
            if batch.get(entity):
                uow.create_many(entity, batch[entity])


def generate(
    workspace: Workspace,
    households: int = 200,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill an empty workspace with a fictitious set; returns counts per entity."""
    with workspace.engine.connect() as conn:
        if conn.execute(text("SELECT EXISTS (SELECT 1 FROM project)")).scalar():
            # A second set would reuse the first one's project codes (and, with the same
            # seed, its ids): refuse before writing anything.
            raise RenoDeskError("cli.demo_not_empty")
    counts: dict[str, int] = {}
    written = 0
    for batch in iter_batches(households, seed, today):
        write_batch(workspace, batch)
        for entity, rows in batch.items():
            counts[entity] = counts.get(entity, 0) + len(rows)
        written += len(batch.get("household", []))
        if progress and "household" in batch:
            progress(written, households)
    return counts


def _organisation(
    rng: random.Random, new_id: _Ids, n_projects: int, today: date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]],
           list[dict[str, Any]], list[dict[str, Any]], dict[str, Place]]:
    people = [("Sanne Bakker", "tenant_coach", True), ("Youssef El Idrissi", "tenant_coach", True),
              ("Marieke Dijkstra", "tenant_coach", True), ("Koen van Dam", "project_leader", False),
              ("Ilse Verhoeven", "project_leader", False), ("Ruud Kramer", "supervisor", False),
              ("Esra Aydın", "social_manager", False),
              ("Bart Hofstede", "contractor_coach", False), ("Gerard Plas", "site_manager", False)]
    members: list[dict[str, Any]] = [{"id": new_id(), "name": name, "role": role, "is_coach": coach,
                "organisation": "Bouwbedrijf Hofstede" if role in {"contractor_coach",
                                                                    "site_manager"}
                else "Woonstichting De Linde",
                "phone": f"06-{rng.randint(10000000, 99999999)}",
                "email": name.lower().replace(" ", ".").replace("ı", "i") + "@example.org"}
               for name, role, coach in people]
    partner_specs = [("Wijkteam Noord", "neighbourhood_team"),
                     ("GGZ Centraal (demo)", "mental_health"),
                     ("Thuiszorg Samen", "home_care"), ("Schuldhulp Stad", "debt_counselling"),
                     ("Huurdersvereniging De Linde", "tenants_association"),
                     ("Wijkagent team Centrum", "community_police"),
                     ("Wmo-loket gemeente", "municipality")]
    partners = [{"id": new_id(), "name": name, "kind": kind,
                 "contact_name": rng.choice(["Ans", "Ewout", "Noor", "Dirk"]) + " "
                 + rng.choice(["Visser", "Mulder", "Smit"]),
                 "phone": f"0{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"}
                for name, kind in partner_specs]
    projects, roster, project_partners = [], [], []
    places: dict[str, Place] = {}
    for index in range(n_projects):
        city, low, high, streets = PLACES[index % len(PLACES)]
        stage = index % len(PHASES)
        # Dates follow the phase: today lies in the middle of the project's phase, the
        # consent deadline ahead while the plan is being made and behind once works begin.
        deadline = today + timedelta(days=(2 - stage) * PHASE_DAYS + 45)
        word = PROJECT_WORDS[index % len(PROJECT_WORDS)]
        project: dict[str, Any] = {
            "id": new_id(), "name": f"{word} {city}" + (f" {index // 10 + 1}" if index >= 10
                                                         else ""),
            "code": f"{city[:3].upper()}-{2024 + index % 3}-{index + 1:02d}",
            "complex_name": f"Complex {rng.randint(100, 999)}", "phase": PHASES[stage],
            "start_date": phase_start(deadline, 0) - timedelta(days=PHASE_DAYS),
            "end_date": phase_start(deadline, PHASES.index("delivery")),
            "aftercare_end_date": phase_start(deadline, PHASES.index("closed")),
            "inhabited": index % 5 != 4, "rent_change": rng.choice(["geen", "+ € 25 per maand",
                                                                  "+ € 40 per maand"]),
            "social_plan_ref": "Sociaal Plan De Linde 2024",
            "consent_deadline": deadline,
            "description": f"{rng.choice(WORKS).capitalize()} van {rng.choice(streets)} "
                           f"en omgeving.",
        }
        places[project["id"]] = (city, low, high, streets)
        projects.append(project)
        for member in members:
            if member["is_coach"] and rng.random() < 0.5 and member is not members[0]:
                continue
            roster.append({"id": new_id(), "project_id": project["id"], "member_id": member["id"],
                           "role": member["role"],
                           "responsibilities": RESPONSIBILITIES[member["role"]],
                           "tenant_facing": member["role"] != "project_leader"})
        for partner in rng.sample(partners, 3):
            project_partners.append({"id": new_id(), "project_id": project["id"],
                                     "partner_id": partner["id"],
                                     "role": "Vast aanspreekpunt voor dit project"})
    return members, partners, projects, roster, project_partners, places
