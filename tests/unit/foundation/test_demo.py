"""The demo workspace: fictitious, Dutch, diverse, and the same for the same seed."""

from datetime import date
from pathlib import Path

from renodesk import app
from renodesk.paths import Paths
from renodesk.reports.demo import generate
from renodesk.reports.transfer import export_data


def test_demo_data_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    exports = []
    for name in ("a", "b"):
        ws = app.init_workspace(Paths.resolve(tmp_path / name), "WS", "Coach")
        generate(ws, households=30, seed=42, today=date(2026, 11, 26))
        data = export_data(ws)["entities"]
        data.pop("audit_entry")
        exports.append(data)
        ws.engine.dispose()
    assert exports[0] == exports[1]


def test_demo_data_looks_like_dutch_social_housing(small_demo) -> None:
    data = export_data(small_demo)["entities"]
    households = data["household"]
    assert len(households) == 20
    assert len(data["project"]) >= 3
    assert len({p["phase"] for p in data["project"]}) >= 3
    vulnerable = {v["household_id"] for v in data["vulnerability"]}
    assert 1 <= len(vulnerable) <= 12
    for dwelling in data["dwelling"]:
        assert dwelling["postcode"][:4].isdigit() and dwelling["postcode"][4] == " "
    for kind in ("visit", "adjustment", "contact_moment", "action", "roster_entry",
                 "partner"):
        assert data[kind], kind


def test_reference_sized_names_include_every_community(workspace) -> None:
    generate(workspace, households=400, seed=3)
    names = " ".join(h["name"] for h in export_data(workspace)["entities"]["household"])
    for letter in ("ı", "ş", "ł", "ễ", "ï"):
        assert letter in names or letter.upper() in names, letter


def test_a_second_set_is_refused_before_anything_is_written(small_demo) -> None:
    import pytest

    from renodesk.core.errors import RenoDeskError

    before = export_data(small_demo)["entities"]
    with pytest.raises(RenoDeskError) as caught:
        generate(small_demo, households=5, seed=2)
    assert caught.value.key == "cli.demo_not_empty"
    assert export_data(small_demo)["entities"] == before
