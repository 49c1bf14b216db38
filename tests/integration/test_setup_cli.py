"""A project leader starts a project from the command line in an empty workspace."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import text

from renodesk.cli import main
from renodesk.core.workspace import Workspace


def run(paths: Any, *argv: str) -> int:
    return main(["--data-dir", str(paths.root), *argv])


def scalar(ws: Workspace, sql: str) -> Any:
    with ws.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def printed_id(out: str) -> str:
    found = re.findall(r"[0-9a-f]{32}", out)
    assert found, out
    return found[-1]


def test_from_an_empty_workspace_to_a_project_with_roster_partner_and_households(
        workspace: Workspace, workspace_paths: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(workspace_paths, "project", "list") == 0
    assert "nog geen projecten" in capsys.readouterr().out
    assert run(workspace_paths, "project", "create", "--name", "Vogelbuurt", "--code", "VB-01",
               "--phase", "consent", "--consent-deadline", "2026-11-15") == 0
    assert "VB-01" in capsys.readouterr().out
    assert run(workspace_paths, "household", "add", "--project", "VB-01", "--street",
               "Merelstraat", "--number", "12", "--addition", "A", "--postcode", "1234ab",
               "--city", "Utrecht", "--name", "Gülşen Yılmaz") == 0
    assert "Merelstraat 12A, 1234 AB Utrecht" in capsys.readouterr().out
    assert run(workspace_paths, "member", "add", "--name", "Koen van Dam", "--role",
               "project_leader", "--phone", "0612345678") == 0
    member_id = printed_id(capsys.readouterr().out)
    assert run(workspace_paths, "roster", "add", "--project", "VB-01", "--member", member_id,
               "--role", "project_leader", "--responsibilities", "Planning") == 0
    assert "Projectleider" in capsys.readouterr().out
    assert run(workspace_paths, "partner", "add", "--name", "Wijkteam Noord", "--kind",
               "neighbourhood_team") == 0
    partner_id = printed_id(capsys.readouterr().out)
    assert run(workspace_paths, "partner", "link", "--project", "VB-01", "--partner",
               partner_id, "--role", "Vast aanspreekpunt") == 0
    capsys.readouterr()
    assert run(workspace_paths, "--lang", "en", "project", "list") == 0
    assert "phase: Consent ballot  1 household  id" in capsys.readouterr().out
    assert scalar(workspace, "SELECT count(*) FROM roster_entry") == 1
    assert scalar(workspace, "SELECT role FROM project_partner") == "Vast aanspreekpunt"
    assert str(scalar(workspace, "SELECT consent_deadline FROM project")) == "2026-11-15"


def test_wrong_input_names_each_option_and_saves_nothing(
        workspace: Workspace, workspace_paths: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(workspace_paths, "project", "create", "--name", "Vogelbuurt",
               "--code", "VB-01") == 0
    capsys.readouterr()
    assert run(workspace_paths, "project", "create", "--name", " ", "--code", "vb-01") == 1
    err = capsys.readouterr().err
    assert "--name: Dit veld is verplicht." in err
    assert "--code: De code \"vb-01\" is al van een ander project" in err
    assert "Er is niets opgeslagen." in err
    assert run(workspace_paths, "--lang", "en", "household", "add", "--project", "VB-01",
               "--street", "Merelstraat", "--number", "twelve", "--postcode", "1234",
               "--city", "Utrecht", "--name", "Jan de Vries") == 1
    err = capsys.readouterr().err
    assert "--number: \"twelve\" is not a number." in err and "--postcode: Postcode" in err
    assert run(workspace_paths, "household", "add", "--project", "XX-99", "--street", "A",
               "--number", "1", "--postcode", "1234 AB", "--city", "B", "--name", "C") == 1
    assert "XX-99" in capsys.readouterr().err
    assert scalar(workspace, "SELECT count(*) FROM project") == 1
    assert scalar(workspace, "SELECT count(*) FROM dwelling") == 0


def test_usage_errors_exit_with_2(workspace: Workspace, workspace_paths: Any) -> None:
    for argv in (("member", "add", "--name", "Koen", "--role", "boss"),
                 ("project", "create", "--code", "VB-01"),
                 ("partner", "add", "--name", "X", "--kind", "friends")):
        with pytest.raises(SystemExit) as usage:
            run(workspace_paths, *argv)
        assert usage.value.code == 2


def test_a_tenant_who_moved_out_makes_room_for_the_next(
        workspace: Workspace, workspace_paths: Any, capsys: pytest.CaptureFixture[str]) -> None:
    address = ("--street", "Lijsterlaan", "--number", "3", "--postcode", "1234 AC",
               "--city", "Utrecht")
    assert run(workspace_paths, "project", "create", "--name", "Kleine Hof",
               "--code", "KH-02") == 0
    assert run(workspace_paths, "household", "add", "--project", "KH-02", *address,
               "--name", "Kees Jansen") == 0
    first = printed_id(capsys.readouterr().out)
    assert run(workspace_paths, "household", "add", "--project", "KH-02", *address,
               "--name", "Maria Santos") == 1
    assert "woont al een huishouden" in capsys.readouterr().err
    assert run(workspace_paths, "household", "move-out", first, "--date", "2026-10-31") == 0
    assert run(workspace_paths, "household", "add", "--project", "KH-02", *address,
               "--name", "Maria Santos") == 0
    assert scalar(workspace, "SELECT count(*) FROM dwelling") == 1
    assert scalar(workspace, "SELECT count(*) FROM household WHERE status = 'active'") == 1
