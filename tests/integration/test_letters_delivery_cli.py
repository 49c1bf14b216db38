"""renodesk letter / letters --delivery: how the letters go out is kept with them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from renodesk.cli import main
from renodesk.core.workspace import Workspace


def first(ws: Workspace, sql: str) -> str:
    with ws.engine.connect() as conn:
        return str(conn.execute(text(sql)).scalar())


def test_a_card_goes_through_the_door_unless_told_otherwise(
        small_demo: Workspace, workspace_paths: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = str(workspace_paths.root)
    visit = first(small_demo, "SELECT id FROM visit WHERE status = 'not_home' LIMIT 1")
    assert main(["--data-dir", root, "letter", "not_home_card", "--visit", visit,
                 "--out", str(tmp_path / "kaart.pdf")]) == 0
    assert "Bezorging vastgelegd: In de brievenbus." in capsys.readouterr().out
    assert main(["--data-dir", root, "letter", "not_home_card", "--visit", visit,
                 "--delivery", "by_hand", "--out", str(tmp_path / "kaart2.pdf")]) == 0
    assert "Bezorging vastgelegd: Persoonlijk overhandigd." in capsys.readouterr().out
    with small_demo.engine.connect() as conn:
        kept = [r[0] for r in conn.execute(text("SELECT delivery FROM letter ORDER BY "
                                                "created_at, delivery"))]
    assert sorted(kept) == ["by_hand", "door"]


def test_a_project_batch_by_email(small_demo: Workspace, workspace_paths: Any,
                                  tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = first(small_demo, "SELECT id FROM project ORDER BY name LIMIT 1")
    assert main(["--data-dir", str(workspace_paths.root), "letters", "agreements",
                 "--project", project, "--delivery", "email",
                 "--out", str(tmp_path / "project.pdf")]) == 0
    assert "Bezorging vastgelegd: Per e-mail." in capsys.readouterr().out
    assert first(small_demo, "SELECT group_concat(DISTINCT delivery) FROM letter") == "email"


def test_an_unknown_delivery_is_refused_before_anything_is_made(
        small_demo: Workspace, workspace_paths: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    household = first(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1")
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(workspace_paths.root), "letter", "agreements",
              "--household", household, "--delivery", "pigeon", "--out", str(out)])
    assert refused.value.code == 2
    said = capsys.readouterr().err
    assert "pigeon" in said and all(code in said for code in ("post", "by_hand", "door"))
    assert not out.exists() and first(small_demo, "SELECT count(*) FROM letter") == "0"
