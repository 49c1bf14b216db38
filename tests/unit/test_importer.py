"""A project starts with the corporation's tenant list: import it, and again when corrected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixtures.tenant_files import (
    CSV_ROWS,
    big_csv,
    garbage,
    messy_xlsx,
    semicolon_csv,
    truncated,
)
from sqlalchemy import text

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.reports.import_source import guess_mapping, missing_fields, read_source
from renodesk.reports.importer import import_households, plan_import


@pytest.fixture
def project(workspace: Workspace) -> str:
    with workspace.write() as uow:
        return uow.create("project", {"name": "Vogelbuurt", "code": "VB-01"})


def counts(ws: Workspace) -> dict[str, int]:
    with ws.engine.connect() as conn:
        return {name: int(conn.execute(text(f"SELECT count(*) FROM {name}")).scalar() or 0)
                for name in ("dwelling", "household", "sync_operation")}


def households(ws: Workspace) -> dict[str, dict[str, Any]]:
    with ws.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT h.name, h.phone, h.email, h.language, h.birth_year, d.street, d.number, "
            "d.addition, d.postcode, d.city FROM household h "
            "JOIN dwelling d ON d.id = h.dwelling_id")).mappings()
        return {r["name"]: dict(r) for r in rows}


def test_semicolon_csv_in_windows_1252_keeps_every_accent(tmp_path: Path, workspace: Workspace,
                                                          project: str) -> None:
    source = read_source(semicolon_csv(tmp_path))
    assert (source.encoding, source.delimiter) == ("cp1252", ";")
    mapping = guess_mapping(source.headers)
    assert mapping == {"street": 0, "number": 1, "addition": 2, "postcode": 3, "city": 4,
                       "name": 5, "phone": 6, "email": 7, "language": 8}
    result = import_households(workspace, source, mapping, project)
    assert (result.created, result.updated, result.unchanged, result.rejected) == (4, 0, 0, [])
    found = households(workspace)
    assert set(found) == {"Chloë de Wit", "Jürgen Müller", "Zoë Brouwer", "Noël Smits"}
    assert found["Chloë de Wit"]["postcode"] == "1234 AB"
    assert found["Chloë de Wit"]["phone"] == "06-12345678"
    assert found["Jürgen Müller"]["addition"] == "A"
    assert found["Jürgen Müller"]["language"] == "other"  # Duits is not in the list
    assert found["Noël Smits"]["language"] == "en"


def test_utf8_with_bom_and_comma_delimiter(tmp_path: Path) -> None:
    rows = [[cell.replace(";", "") for cell in row] for row in CSV_ROWS]
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(",".join(r) for r in rows).encode("utf-8"))
    source = read_source(path)
    assert (source.encoding, source.delimiter) == ("utf-8-sig", ",")
    assert source.headers[0] == "Straat"  # no BOM glued to the first header
    assert source.rows[0].cells[5] == "Chloë de Wit"


def test_messy_xlsx_reports_every_rejected_row(tmp_path: Path, workspace: Workspace,
                                              project: str) -> None:
    source = read_source(messy_xlsx(tmp_path))
    assert source.header_row == 3  # below the merged title and group headers
    mapping = guess_mapping(source.headers)
    assert "name" not in mapping  # 'Huurder 1' is not a header anyone can guess
    assert missing_fields(mapping) == ["name"]
    with pytest.raises(RenoDeskError) as info:
        import_households(workspace, source, mapping, project)
    assert "Naam huurder" in info.value.message()
    assert counts(workspace)["dwelling"] == 0

    mapping["name"] = source.headers.index("Huurder 1")  # the person fixes the mapping
    with workspace.engine.connect() as conn:
        plan = plan_import(conn, source, mapping, project)
    assert [r.row for r in plan.rejected] == [7, 11, 12]  # spreadsheet row numbers
    report = plan.report("nl")
    assert report[0].startswith('Regel 7: Postcode: Postcode "801 AA" klopt niet')
    assert "staat al op regel 8" in report[1]
    assert report[2] == "Regel 12: Naam huurder: Dit veld is verplicht."
    assert plan.report("en")[1].startswith("Row 11: Postcode: this address is already on row 8")

    result = import_households(workspace, source, mapping, project)
    assert (result.created, len(result.rejected)) == (3, 3)
    found = households(workspace)
    assert found["Gülşen Yılmaz"]["phone"] == "06-12345678"  # the lost zero is back
    assert found["Gülşen Yılmaz"]["birth_year"] == 1948  # the year, not the birth date
    assert found["Gülşen Yılmaz"]["language"] == "tr"
    lukasz = found["Łukasz Wiśniewski"]
    assert (lukasz["number"], lukasz["addition"]) == (3, "b")
    assert found["Nguyễn Văn An"]["birth_year"] == 1961


def test_reimporting_changes_nothing_and_a_corrected_file_updates_in_place(
        tmp_path: Path, workspace: Workspace, project: str) -> None:
    first = read_source(semicolon_csv(tmp_path))
    mapping = guess_mapping(first.headers)
    import_households(workspace, first, mapping, project)
    before = counts(workspace)

    again = import_households(workspace, read_source(semicolon_csv(tmp_path)), mapping, project)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert counts(workspace) == before  # not even a sync operation

    corrected = [row[:] for row in CSV_ROWS]
    corrected[3][6] = "06-11112222"  # Zoë Brouwer's phone added
    corrected[2][2] = "a"  # same addition, other case: still the same dwelling
    corrected[2][5] = "Jürgen Müller-Bos"  # a corrected name
    corrected[1][6] = ""  # an empty cell never erases a recorded phone
    fixed = read_source(semicolon_csv(tmp_path, corrected, name="gecorrigeerd.csv"))
    result = import_households(workspace, fixed, mapping, project)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 2)
    found = households(workspace)
    assert found["Zoë Brouwer"]["phone"] == "06-11112222"
    assert "Jürgen Müller-Bos" in found and "Jürgen Müller" not in found
    assert found["Chloë de Wit"]["phone"] == "06-12345678"
    assert counts(workspace)["dwelling"] == before["dwelling"]


def test_a_dry_run_saves_nothing(tmp_path: Path, workspace: Workspace, project: str) -> None:
    before = counts(workspace)
    source = read_source(semicolon_csv(tmp_path))
    result = import_households(workspace, source, guess_mapping(source.headers), project,
                               dry_run=True)
    assert (result.created, result.dry_run) == (4, True)
    assert counts(workspace) == before


@pytest.mark.parametrize("make", [
    lambda folder: truncated(messy_xlsx(folder)),
    garbage,
    lambda folder: (folder / "leeg.csv").write_bytes(b"\r\n \r\n") and folder / "leeg.csv",
])
def test_a_damaged_file_gives_a_clear_message_and_imports_nothing(
        tmp_path: Path, workspace: Workspace, project: str, make: Any) -> None:
    before = counts(workspace)
    with pytest.raises(RenoDeskError) as info:
        read_source(make(tmp_path))
    assert info.value.key in ("import.error.damaged", "import.error.empty")
    assert "Er is niets ingelezen" in info.value.message("nl")
    assert "Nothing was imported" in info.value.message("en")
    assert counts(workspace) == before


def test_cancel_halfway_leaves_nothing_written(tmp_path: Path, workspace: Workspace,
                                               project: str) -> None:
    source = read_source(big_csv(tmp_path, 2500))
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    def check() -> None:
        if seen:
            raise Stop()

    before = counts(workspace)
    with pytest.raises(Stop):
        import_households(workspace, source, guess_mapping(source.headers), project,
                          progress=progress, check=check)
    assert seen == [(1000, 2500)]
    assert counts(workspace) == before


@pytest.mark.slow
def test_twenty_thousand_rows(tmp_path: Path, workspace: Workspace, project: str) -> None:
    # CSV keeps the test quick; bench/bench_import.py measures the same size as XLSX.
    source = read_source(big_csv(tmp_path, 20_000))
    assert len(source.rows) == 20_000
    steps: list[int] = []
    result = import_households(workspace, source, guess_mapping(source.headers), project,
                               progress=lambda done, total: steps.append(done))
    assert (result.created, result.rejected) == (20_000, [])
    assert steps[-1] == 20_000 and len(steps) == 20
    assert counts(workspace)["household"] == 20_000


def test_import_households_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from renodesk.cli import main

    monkeypatch.setenv("RENODESK_DATA_DIR", str(tmp_path / "ws"))
    assert main(["init", "--organisation", "WS", "--coach", "Sanne"]) == 0
    from renodesk import app
    from renodesk.paths import Paths

    ws = app.open_workspace(Paths.resolve(str(tmp_path / "ws")))
    with ws.write() as uow:
        uow.create("project", {"name": "Kievitbuurt", "code": "KB-02"})
    ws.engine.dispose()
    path = messy_xlsx(tmp_path)
    capsys.readouterr()
    assert main(["import", "households", str(path), "--project", "KB-02", "--dry-run"]) == 1
    assert "Naam huurder" in capsys.readouterr().err
    assert main(["import", "households", str(path), "--project", "KB-02", "--dry-run",
                 "--column", "name=Huurder 1"]) == 0
    assert "3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 3 afgekeurd" in capsys.readouterr().out
    assert main(["import", "households", str(path), "--project", "KB-02",
                 "--column", "name=Huurdr"]) == 1
    assert "Huurder 1" in capsys.readouterr().err
    csv_path = semicolon_csv(tmp_path)
    assert main(["import", "households", str(csv_path), "--project", "KB-02",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "4 nieuw" in out and "Proefrun" in out
    assert main(["--lang", "en", "import", "households", str(csv_path), "--project",
                 "KB-02"]) == 0
    assert "4 created" in capsys.readouterr().out
    assert main(["--lang", "nl", "import", "households", str(csv_path), "--project",
                 "XX-99"]) == 1
    assert 'Project "XX-99" bestaat niet' in capsys.readouterr().err
