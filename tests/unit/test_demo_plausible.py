"""The demo workspace reads like a real team's records: a new user who opens it finds no
letter that was "not at home", no signature before there was a proposal, no baby in the
house of a 90-year-old and no agreement about cats in a house without pets."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

import pytest

from renodesk.reports.demo import iter_batches
from renodesk.reports.demo_vocabulary import NAMES

TODAY = date(2026, 11, 26)  # a Thursday
SENSIBLE_CONTACTS = {
    "visit": {"reached", "not_home", "refused"},
    "phone": {"reached", "refused", "via_partner"},
    "door_card": {"not_home"},
    "letter": {"reached"},
    "email": {"reached"},
    "contact_person": {"reached"},
}

Rows = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module")
def demo() -> Rows:
    """Enough households for one project in every phase (the rows only, not written)."""
    rows: Rows = defaultdict(list)
    for batch in iter_batches(1800, seed=5, today=TODAY):
        for entity, found in batch.items():
            rows[entity] += found
    return rows


def _project_of(demo: Rows) -> dict[str, dict[str, Any]]:
    """household id -> its project."""
    projects = {p["id"]: p for p in demo["project"]}
    dwellings = {d["id"]: projects[d["project_id"]] for d in demo["dwelling"]}
    return {h["id"]: dwellings[h["dwelling_id"]] for h in demo["household"]}


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def test_every_phase_is_there(demo: Rows) -> None:
    assert len({p["phase"] for p in demo["project"]}) == 8


def test_contact_moments_pair_a_channel_with_an_outcome_it_can_have(demo: Rows) -> None:
    pairs = {(m["channel"], m["outcome"]) for m in demo["contact_moment"]}
    assert {("letter", "not_home"), ("door_card", "reached")}.isdisjoint(pairs)
    for channel, outcome in pairs:
        assert outcome in SENSIBLE_CONTACTS[channel], (channel, outcome)
    households = {h["id"]: h for h in demo["household"]}
    involved = {i["household_id"] for i in demo["involvement"]}
    for moment in demo["contact_moment"]:
        household = households[moment["household_id"]]
        if moment["outcome"] == "via_partner":
            assert moment["household_id"] in involved
        if moment["channel"] == "email":
            assert household["email"]
        if moment["channel"] == "contact_person":
            assert household.get("contact_person_name")


def test_work_happens_on_weekdays_and_after_the_project_started(demo: Rows) -> None:
    project_of = _project_of(demo)
    for entity, field in (("contact_moment", "at"), ("visit", "planned_at")):
        for row in demo[entity]:
            day = _day(row[field])
            assert day.weekday() < 5, (entity, day)
            assert day >= project_of[row["household_id"]]["start_date"], (entity, day)


def test_visits_start_with_an_introduction_and_only_planned_ones_lie_ahead(demo: Rows) -> None:
    by_household: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for visit in demo["visit"]:
        by_household[visit["household_id"]].append(visit)
    for visits in by_household.values():
        visits.sort(key=lambda v: v["planned_at"])
        assert visits[0]["kind"] == "introduction"
        for visit in visits:
            assert (_day(visit["planned_at"]) >= TODAY) == (visit["status"] == "planned")
            if visit.get("finalised_at"):
                assert _day(visit["finalised_at"]) < TODAY


def test_nobody_signed_before_there_was_a_proposal(demo: Rows) -> None:
    project_of = _project_of(demo)
    for household in demo["household"]:
        phase = project_of[household["id"]]["phase"]
        if phase in ("orientation", "planning"):
            assert household["stance"] in ("unknown", "undecided")
        if household["stance"] == "yes":
            assert household["stance_signed_date"] <= TODAY


def test_a_household_s_details_fit_together(demo: Rows) -> None:
    for household in demo["household"]:
        if household["interpreter_needed"]:
            assert household["language"] != "nl"
        if household["preferred_channel"] == "contact_person":
            assert household.get("contact_person_name")
        if household["preferred_channel"] == "letter":
            assert not household["reads_with_difficulty"]
        if household.get("contact_person_relation") in ("dochter", "zoon"):
            assert TODAY.year - household["birth_year"] >= 55
    polish_women = tuple(f"{given} " for given in NAMES["polish"][1])
    for household in demo["household"]:
        for name in (household["name"], household.get("contact_person_name") or ""):
            if name.startswith(polish_women):
                assert not name.endswith(("ski", "cki")), name  # she is a Kowalska
    households = {h["id"]: h for h in demo["household"]}
    for need in demo["vulnerability"]:
        household = households[need["household_id"]]
        age = TODAY.year - household["birth_year"]
        assert household["consent_basis"] != "none"
        if need["category"] in ("old_age", "dementia"):
            assert age >= 65, need
        if need["category"] == "young_children":
            assert age <= 50, need
        if need["category"] == "dementia":
            assert household.get("contact_person_name")
        if need["category"] == "low_literacy":
            assert household["reads_with_difficulty"]


def test_agreements_fit_the_household_and_the_works(demo: Rows) -> None:
    project_of = _project_of(demo)
    needs: dict[str, set[str]] = defaultdict(set)
    for need in demo["vulnerability"]:
        needs[need["household_id"]].add(need["category"])
    done_visits = {v["id"]: v for v in demo["visit"] if v["status"] == "done"}
    for adjustment in demo["adjustment"]:
        household = adjustment["household_id"]
        project = project_of[household]
        if adjustment["category"] == "pets":
            assert "pets" in needs[household]
        if adjustment["description"].startswith("Verhuiskostenvergoeding"):
            assert not project["inhabited"]
            assert adjustment["cost_cents"] == 742800
        if adjustment["status"] in ("agreed", "in_progress", "done"):
            visit = done_visits[adjustment["visit_id"]]
            assert adjustment["agreed_date"] == _day(visit["planned_at"])
            assert adjustment["due_date"] >= adjustment["agreed_date"]
        if project["phase"] == "orientation":
            assert adjustment["status"] == "proposed"
        if project["phase"] in ("aftercare", "closed"):
            assert adjustment["status"] in ("done", "dropped")
        if adjustment["status"] == "done":
            assert adjustment["due_date"] < TODAY
