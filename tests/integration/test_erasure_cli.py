"""The privacy officer's commands: inzage export, erase, retention review, audit CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from fixtures.privacy_world import PLAIN, SENSITIVE, plant_household

from renodesk.app import open_workspace
from renodesk.cli import main
from renodesk.core.errors import NotFoundError
from renodesk.paths import Paths


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    data = str(tmp_path / "werkplek")
    assert main(["--data-dir", data, "init", "--organisation", "Woonstichting De Linde",
                 "--coach", "Sanne Bakker"]) == 0
    return data


def test_the_privacy_officer_exports_reviews_and_erases_from_the_command_line(
        data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = open_workspace(Paths.resolve(data_dir))
    planted = plant_household(ws)
    ws.engine.dispose()
    capsys.readouterr()

    assert main(["--data-dir", data_dir, "export", "household", planted.household_id,
                 "--out", str(tmp_path / "inzage")]) == 0
    (folder,) = (tmp_path / "inzage").iterdir()
    assert {p.name for p in folder.iterdir()} >= {"inzage.json", "inzage.pdf"}
    assert str(folder) in capsys.readouterr().out

    assert main(["--data-dir", data_dir, "retention", "review", "--today", "2025-06-01"]) == 0
    listed = capsys.readouterr().out
    assert planted.household_id in listed and "gevoelige gegevens" in listed

    assert main(["--data-dir", data_dir, "erase", "household", planted.household_id]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", data_dir, "erase", "household", planted.household_id,
                 "--yes"]) == 0
    assert "renodesk sync --compact" in capsys.readouterr().out
    ws = open_workspace(Paths.resolve(data_dir))
    with pytest.raises(NotFoundError):
        ws.get("household", planted.household_id)
    ws.engine.dispose()
    assert main(["--data-dir", data_dir, "erase", "pending"]) == 0

    out = tmp_path / "logboek.csv"
    assert main(["--data-dir", data_dir, "audit", "export", str(out),
                 "--household", planted.household_id]) == 0
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {row["action"] for row in rows} >= {"create", "export", "delete", "erase"}
    assert all(row["household_id"] == planted.household_id for row in rows)
    content = out.read_text("utf-8-sig")
    assert not any(value in content for value in [*SENSITIVE.values(), PLAIN["name"]])


def test_retention_review_erases_what_is_due_after_confirmation(
        data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    ws = open_workspace(Paths.resolve(data_dir))
    planted = plant_household(ws)
    ws.engine.dispose()
    assert main(["--data-dir", data_dir, "retention", "review", "--erase",
                 "--today", "2025-06-01"]) == 1
    assert main(["--data-dir", data_dir, "retention", "review", "--erase", "--yes",
                 "--today", "2025-06-01"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "retention", "review", "--today", "2025-06-01"]) == 0
    assert "niets te wissen" in capsys.readouterr().out
    ws = open_workspace(Paths.resolve(data_dir))
    assert ws.get("household", planted.household_id)["notes"] == ""
    ws.engine.dispose()
