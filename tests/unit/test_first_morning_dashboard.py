"""A project leader's first look at a small project: where the 70% rule does not apply
(too few dwellings), the overview names no number of 'yes' answers 'needed'."""

from __future__ import annotations

from fixtures.records_world import build_world

from renodesk.core.workspace import Workspace
from renodesk.reports.dashboard import project_dashboard
from renodesk.reports.project_report import charts, key_figures


def test_too_few_dwellings_for_the_rule_means_no_number_needed(workspace: Workspace) -> None:
    world = build_world(workspace)
    with workspace.engine.connect() as conn:
        small = project_dashboard(conn, world.kleine_hof)
        large = project_dashboard(conn, world.vogelbuurt)
    assert not small.tally.rule_applies
    labels = [label for label, _value in key_figures(small, "nl")]
    assert "70%-regel" in labels
    assert not any(label.startswith("Nodig voor") for label in labels)
    stance = next(c for c in charts(small, "nl") if c.key == "stance")
    assert stance.marker is None and stance.marker_label == ""

    assert ("Nodig voor 70%", "9 — nog 1 nodig") in key_figures(large, "nl")
    assert next(c for c in charts(large, "nl") if c.key == "stance").marker == 9.0
