"""The records' Qt models, tested without any window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from fixtures.records_world import TODAY, World, build_world
from PySide6.QtCore import QCoreApplication, Qt

from renodesk.core.queries.households import (
    HouseholdFilter,
    HouseholdRow,
    household_ids,
    household_profile,
    household_rows,
)
from renodesk.core.queries.projects import project_detail
from renodesk.core.queries.work import (
    ActionRow,
    AdjustmentRow,
    WorkFilter,
    action_ids,
    action_rows,
    adjustment_ids,
    adjustment_rows,
)
from renodesk.core.workspace import Workspace
from renodesk.ui.models.base import BLOCK, CODE_ROLE, ID_ROLE, OVERDUE_ROLE, ROW_ROLE
from renodesk.ui.models.projects import RosterModel
from renodesk.ui.models.records import (
    ActionTableModel,
    AdjustmentTableModel,
    HouseholdTableModel,
    TimelineModel,
)


@pytest.fixture
def world(workspace: Workspace, qapp: QCoreApplication) -> World:
    return build_world(workspace)


def test_household_model_fetches_rows_lazily_in_blocks() -> None:
    asked: list[list[str]] = []
    later: list[Callable[[], None]] = []

    def loader(ids: list[str], deliver: Callable[[Sequence[HouseholdRow]], None]) -> None:
        asked.append(ids)
        rows = [HouseholdRow(i, f"Huishouden {i}", "Straat 1", "1234 AB", "Zwolle", "VB",
                             "yes", "active", 0, None) for i in ids]
        later.append(lambda: deliver(rows))

    model = HouseholdTableModel(loader)
    ids = [f"{n:05d}" for n in range(20_000)]
    model.set_ids(ids)
    assert model.rowCount() == 20_000 and asked == []
    index = model.index(BLOCK * 3 + 5, HouseholdTableModel.NAME)
    assert model.data(index) == "…"  # not there yet; asked for its block only
    assert model.flags(index) == Qt.ItemFlag.NoItemFlags
    assert model.data(model.index(BLOCK * 3 + 9, 0)) == "…"
    assert asked == [ids[BLOCK * 3:BLOCK * 4]]
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last, _roles=(): changed.append(first.row()))
    later[0]()
    assert changed == [BLOCK * 3]
    assert model.data(index) == f"Huishouden {ids[BLOCK * 3 + 5]}"
    assert model.data(index, ID_ROLE) == ids[BLOCK * 3 + 5]
    assert model.data(model.index(0, HouseholdTableModel.STANCE)) is None
    assert model.data(model.index(BLOCK * 3, HouseholdTableModel.STANCE)) == "Akkoord"
    assert model.data(model.index(BLOCK * 3, HouseholdTableModel.STANCE), CODE_ROLE) == "yes"
    assert len(asked) == 2  # the first block was asked for by row 0


def test_a_stale_delivery_is_ignored_after_a_new_search() -> None:
    pending: list[Callable[[], None]] = []

    def loader(ids: list[str], deliver: Callable[[Sequence[HouseholdRow]], None]) -> None:
        rows = [HouseholdRow(i, "Oud", "", "", "", "", "yes", "active", 0, None) for i in ids]
        pending.append(lambda: deliver(rows))

    model = HouseholdTableModel(loader)
    model.set_ids(["a", "b"])
    model.data(model.index(0, 0))
    first = HouseholdRow("a", "Nieuw", "", "", "", "", "no", "active", 0, None)
    model.set_ids(["a"], [first])
    pending[0]()
    assert model.data(model.index(0, 0)) == "Nieuw"


def test_household_model_over_a_real_workspace(world: World) -> None:
    conn = world.ws.engine.connect()

    def loader(ids: list[str], deliver: Callable[[Sequence[HouseholdRow]], None]) -> None:
        deliver(household_rows(conn, ids))

    model = HouseholdTableModel(loader)
    model.set_ids(household_ids(conn, HouseholdFilter(query="merel")))
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Gülşen Yılmaz", "Łukasz Wiśniewski", "Nguyễn Văn An", "Jan de Vries"]
    assert model.data(model.index(0, HouseholdTableModel.OPEN_ACTIONS)) == "1"
    assert model.headerData(HouseholdTableModel.ADDRESS, Qt.Orientation.Horizontal) == "Address"
    assert model.columnCount() == len(HouseholdTableModel.HEADERS)
    conn.close()


def test_overdue_adjustments_stand_out_and_status_edits_become_requests(world: World) -> None:
    with world.ws.engine.connect() as conn:
        ids = adjustment_ids(conn, WorkFilter(), TODAY)
        rows = adjustment_rows(conn, ids, TODAY)

    def no_loader(_ids: list[str], _deliver: Callable[[Sequence[AdjustmentRow]], None]) -> None:
        raise AssertionError("all rows were given")

    model = AdjustmentTableModel(no_loader)
    model.set_ids(ids, rows)
    late = model.row_of(world.adjustment_overdue)
    done = model.row_of(world.adjustment_done)
    status = AdjustmentTableModel.STATUS
    assert model.data(model.index(late, 0), OVERDUE_ROLE) is True
    assert model.data(model.index(late, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(late, AdjustmentTableModel.DUE),
                      Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(late, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(done, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(late, AdjustmentTableModel.RESPONSIBLE)) == "Wijkteam Noord"
    assert model.flags(model.index(late, status)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(late, 0)) & Qt.ItemFlag.ItemIsEditable
    requested: list[tuple[str, str]] = []
    model.status_edited.connect(lambda i, s: requested.append((i, s)))
    assert model.setData(model.index(late, status), "in_progress")
    assert not model.setData(model.index(late, status), "bogus")
    assert requested == [(world.adjustment_overdue, "in_progress")]
    old = model.data(model.index(late, 0), ROW_ROLE)
    model.replace_row(replace(old, status="in_progress"))
    assert model.data(model.index(late, status), CODE_ROLE) == "in_progress"


def test_ticking_an_action_becomes_a_request(world: World) -> None:
    with world.ws.engine.connect() as conn:
        ids = action_ids(conn, WorkFilter(), TODAY)
        rows = action_rows(conn, ids, TODAY)

    def no_loader(_ids: list[str], _deliver: Callable[[Sequence[ActionRow]], None]) -> None:
        raise AssertionError("all rows were given")

    model = ActionTableModel(no_loader)
    model.set_ids(ids, rows)
    row = model.row_of(world.action_overdue)
    tick = model.index(row, ActionTableModel.DONE)
    assert model.data(tick, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(tick) & Qt.ItemFlag.ItemIsUserCheckable
    toggled: list[tuple[str, bool]] = []
    model.done_toggled.connect(lambda i, d: toggled.append((i, d)))
    model.setData(tick, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(world.action_overdue, True)]


def test_timeline_and_roster_models(world: World) -> None:
    with world.ws.engine.connect() as conn:
        profile = household_profile(conn, world.households["Gülşen Yılmaz"])
        detail = project_detail(conn, world.vogelbuurt, TODAY)
    timeline = TimelineModel(profile.timeline.history + profile.timeline.planned)
    texts = {timeline.data(timeline.index(r, TimelineModel.WHAT))
             for r in range(timeline.rowCount())}
    assert "Visit: Keukentafelgesprek" in texts
    assert any(timeline.data(timeline.index(r, 0), OVERDUE_ROLE)
               for r in range(timeline.rowCount()))
    roster = RosterModel(detail.roster)
    assert roster.data(roster.index(0, RosterModel.ROLE)) == "Projectleider"
    assert roster.data(roster.index(1, RosterModel.RESPONSIBILITIES)) == "Huisbezoeken, maatwerk"
