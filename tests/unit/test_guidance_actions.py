"""Following guidance: suggestions become records; the organisation's own entries."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from sqlalchemy import select, text

from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.guidance import for_theme
from renodesk.core.guidance_actions import (
    add_suggestions,
    delete_organisation_entry,
    load_team_guidance,
    new_entry_id,
    save_organisation_entry,
    suggestions_for,
)
from renodesk.storage.models import GuidanceEntryRecord, SyncOperation, table


def _household(ws) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with ws.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT h.id, d.project_id FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
            "ORDER BY h.name LIMIT 1")).one()
    return row[0], row[1]


def _dementia(ws):  # type: ignore[no-untyped-def]
    return for_theme(load_team_guidance(ws, "nl").entries, "vulnerability", "dementia")[0]


def _count(ws, sql: str, **params: str) -> int:  # type: ignore[no-untyped-def]
    with ws.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar() or 0)


def test_suggestions_are_prefilled_from_the_entry_as_proposed(small_demo):
    entry = _dementia(small_demo)
    suggestions = suggestions_for(entry)
    assert [a.description for a in suggestions.adjustments] == [
        item.description for item in entry.suggested_adjustments]
    assert {a.status for a in suggestions.adjustments} == {"proposed"}
    assert [a.description for a in suggestions.actions] == list(entry.suggested_actions)


def test_edited_suggestions_become_adjustments_and_actions_in_one_unit_of_work(small_demo):
    household_id, project_id = _household(small_demo)
    suggestions = suggestions_for(_dementia(small_demo))
    chosen = [dataclasses.replace(suggestions.adjustments[0],
                                  description="Alles ook met de dochter bespreken",
                                  due_date="15-01-2027"),
              suggestions.adjustments[2]]
    before_ops = _count(small_demo, "SELECT count(*) FROM sync_operation")
    outcome = add_suggestions(small_demo, household_id, chosen, suggestions.actions[:1])

    with small_demo.engine.connect() as conn:
        made = conn.execute(text(
            "SELECT category, description, status, project_id, due_date FROM adjustment "
            "WHERE id IN (SELECT row_id FROM audit_entry WHERE entity = 'adjustment' "
            "AND action = 'create' AND household_id = :h) ORDER BY description"),
            {"h": household_id}).all()
    created = [c for c in outcome.changes if c.kind == "create"]
    assert sorted(c.entity for c in created) == ["action", "adjustment", "adjustment"]
    assert all(c.household_id == household_id for c in created)
    new = {c.row_id for c in created if c.entity == "adjustment"}
    rows = [r for r in made if r.description in {
        "Alles ook met de dochter bespreken", chosen[1].description}]
    assert len(rows) == 2 and len(new) == 2
    assert {r.status for r in rows} == {"proposed"}
    assert {r.project_id for r in rows} == {project_id}
    assert {str(r.due_date)[:10] for r in rows} == {"2027-01-15", "None"}
    action = small_demo.get("action", next(c.row_id for c in created if c.entity == "action"))
    assert action["description"] == suggestions.actions[0].description
    assert action["project_id"] == project_id
    # The records and their sync operations were written together.
    assert _count(small_demo, "SELECT count(*) FROM sync_operation") > before_ops


def test_one_wrong_item_writes_nothing_and_names_the_item(small_demo):
    household_id, _ = _household(small_demo)
    suggestions = suggestions_for(_dementia(small_demo))
    before = _count(small_demo, "SELECT count(*) FROM adjustment WHERE household_id = :h",
                    h=household_id)
    wrong = dataclasses.replace(suggestions.adjustments[1], due_date="31-02-2027")
    with pytest.raises(ValidationError) as caught:
        add_suggestions(small_demo, household_id, [suggestions.adjustments[0], wrong],
                        [dataclasses.replace(suggestions.actions[0], description="")])
    assert set(caught.value.problems) == {"adjustments.1.due_date", "actions.0.description"}
    assert _count(small_demo, "SELECT count(*) FROM adjustment WHERE household_id = :h",
                  h=household_id) == before


def test_nothing_chosen_is_a_clear_error(small_demo):
    household_id, _ = _household(small_demo)
    with pytest.raises(RenoDeskError) as caught:
        add_suggestions(small_demo, household_id, [], [])
    assert caught.value.key == "guidance.error.nothing_chosen"


def test_organisation_entry_overrides_the_shipped_one_and_syncs(workspace):
    shipped = _dementia(workspace)
    own = shipped.to_dict()
    own["title"] = "Dementie: zo doen wij het bij De Linde"
    outcome = save_organisation_entry(workspace, own)

    entry = _dementia(workspace)
    assert entry.title == own["title"] and entry.from_organisation
    team = load_team_guidance(workspace, "nl")
    assert team.organisation.record_id(entry) == outcome.row_id
    with workspace.engine.connect() as conn:
        stored = conn.execute(select(table(GuidanceEntryRecord))).one()
        synced = conn.execute(select(SyncOperation.entity).where(
            SyncOperation.row_id == outcome.row_id)).scalars().all()
    assert (stored.theme_kind, stored.theme, stored.language) == (
        "vulnerability", "dementia", "nl")
    assert json.loads(stored.content_json)["title"] == own["title"]
    assert synced == ["guidance_entry"]

    # Editing the same record is fine; a second record with the same id is refused.
    own["summary"] = "Eerst de mantelzorger bellen, dan pas een brief."
    save_organisation_entry(workspace, own, outcome.row_id)
    assert _dementia(workspace).summary == own["summary"]
    with pytest.raises(ValidationError) as caught:
        save_organisation_entry(workspace, own)
    assert caught.value.problems["title"][0] == "guidance.error.id_taken"

    delete_organisation_entry(workspace, outcome.row_id)
    assert _dementia(workspace).title == shipped.title


def test_an_invalid_organisation_entry_is_refused_per_field(workspace):
    data = _dementia(workspace).to_dict()
    data.update(id=new_entry_id("vulnerability", "dementia"), title="",
                signals=["ok signaal", "x"], partners=["police"])
    with pytest.raises(ValidationError) as caught:
        save_organisation_entry(workspace, data)
    problems = caught.value.problems
    assert set(problems) == {"title", "signals", "partners"}
    assert problems["signals"][0] == "guidance.problem.in_item"
    assert problems["signals"][1]["item"] == 2
    assert "signaal" not in caught.value.message()  # names the field, never echoes text
    assert _count(workspace, "SELECT count(*) FROM guidance_entry") == 0


def test_a_damaged_stored_entry_hides_only_itself(workspace):
    good = _dementia(workspace).to_dict()
    good.update(id=new_entry_id("vulnerability", "dementia"), title="Eigen handvat geheugen")
    save_organisation_entry(workspace, good)
    workspace.create("guidance_entry", {"theme_kind": "vulnerability", "theme": "pets",
                                        "content_json": '{"id": "broken"'})
    team = load_team_guidance(workspace, "nl")
    assert len(team.organisation.invalid) == 1
    titles = [e.title for e in for_theme(team.entries, "vulnerability", "dementia")]
    assert "Eigen handvat geheugen" in titles and len(titles) == 2


def test_dates_in_suggestions_accept_dutch_typing(small_demo):
    household_id, _ = _household(small_demo)
    adjustment = suggestions_for(_dementia(small_demo)).adjustments[0]
    outcome = add_suggestions(small_demo, household_id,
                              [dataclasses.replace(adjustment, due_date=date(2027, 3, 1))], [])
    row = small_demo.get("adjustment", outcome.changes[0].row_id)
    assert row["due_date"] == date(2027, 3, 1)
