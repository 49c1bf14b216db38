"""The project leader asks "where are we?": figures checked against a hand count."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from fixtures.dashboard_world import TODAY, Zonnehof, build_zonnehof

from renodesk.core.workspace import Workspace
from renodesk.reports.dashboard import (
    Bucket,
    bucket_household_ids,
    dwelling_lines,
    project_dashboard,
)


@pytest.fixture
def zonnehof(workspace: Workspace) -> Zonnehof:
    return build_zonnehof(workspace)


def test_the_dashboard_matches_a_hand_count(zonnehof: Zonnehof) -> None:
    with zonnehof.ws.engine.connect() as conn:
        figures = project_dashboard(conn, zonnehof.project, TODAY)
    assert (figures.households, figures.visited, figures.not_visited) == (12, 3, 9)
    assert figures.percent_visited == pytest.approx(25.0)
    tally = figures.tally
    assert (tally.yes, tally.no, tally.undecided, tally.unknown) == (7, 2, 2, 1)
    assert tally.percent_yes == pytest.approx(58.33, abs=0.01)
    assert (tally.yes_needed, tally.yes_short, tally.reached) == (9, 2, False)
    assert tally.threshold_percent == Decimal(70) and tally.rule_applies
    assert tally.days_to_deadline == 20
    assert figures.undecided == 3
    assert figures.vulnerable == 3  # B11 withdrew consent: not counted
    assert {k: v for k, v in figures.by_vulnerability.items() if v} == {
        "mobility": 2, "dementia": 1, "language_barrier": 1}
    assert figures.by_adjustment_status == {"proposed": 1, "agreed": 1, "in_progress": 0,
                                            "done": 1, "dropped": 1}
    assert (figures.open_actions, figures.overdue_actions) == (3, 2)
    assert figures.not_reached == 2


@pytest.mark.parametrize(("bucket", "expected"), [
    (Bucket("visited", "yes"), [1, 2, 5]),
    (Bucket("visited", "no"), [3, 4, 6, 7, 8, 9, 10, 11, 12]),
    (Bucket("stance", "undecided"), [8, 11]),
    (Bucket("stance", "yes"), [1, 2, 3, 5, 6, 9, 10]),
    (Bucket("vulnerability", "mobility"), [1, 2]),
    (Bucket("adjustment", "agreed"), [1]),
    (Bucket("adjustment", "in_progress"), []),
    (Bucket("overdue_actions"), [1]),
    (Bucket("not_reached"), [6, 7]),
])
def test_a_bar_lists_the_households_behind_it(zonnehof: Zonnehof, bucket: Bucket,
                                              expected: list[int]) -> None:
    with zonnehof.ws.engine.connect() as conn:
        found = bucket_household_ids(conn, zonnehof.project, bucket, TODAY)
    assert found == [zonnehof.b[n] for n in expected]


def test_the_dwelling_sheet_holds_counts_and_statuses_only(zonnehof: Zonnehof) -> None:
    with zonnehof.ws.engine.connect() as conn:
        lines = dwelling_lines(conn, zonnehof.project, TODAY)
    assert len(lines) == 12
    first = lines[0]
    assert (first.number, first.stance, first.visits_done, first.open_actions,
            first.overdue_actions) == (1, "yes", 2, 1, 1)
    assert first.last_visit == TODAY - timedelta(days=20)
    assert first.adjustments["agreed"] == 1 and first.adjustments["done"] == 1
    assert [line.number for line in lines if line.not_reached] == [6, 7]
    assert lines[6].contact_attempts == 4
    assert not hasattr(first, "name")
