"""The project leader's report (PDF) and dwelling sheet (XLSX): right figures, no names."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fixtures.dashboard_world import TODAY, Zonnehof, build_zonnehof
from sqlalchemy import text

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.reports.project_report import export_project_report


@pytest.fixture
def zonnehof(workspace: Workspace) -> Zonnehof:
    return build_zonnehof(workspace)


def _names(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(text("SELECT name FROM household"))]


def _audited(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(text(
            "SELECT detail FROM audit_entry WHERE action = 'export'"))]


def test_the_pdf_report_shows_the_figures_and_no_names(zonnehof: Zonnehof,
                                                        tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = export_project_report(zonnehof.ws, zonnehof.project, tmp_path / "zonnehof.pdf",
                                "nl", TODAY)
    content = " ".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in ("Projectoverzicht Zonnehof", "7 / 12 (58%)", "9 — nog 2 nodig",
                     "22-03-2026 (nog 20 dagen)", "Kwetsbare huishoudens per soort",
                     "Niet bereikt na 3 pogingen", "3 open, waarvan 2 te laat",
                     "Dementie / geheugen"):
        assert expected in content, expected
    for name in _names(zonnehof.ws):
        assert name not in content
    assert "report:pdf" in _audited(zonnehof.ws)


def test_the_dwelling_sheet_in_english(zonnehof: Zonnehof, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = export_project_report(zonnehof.ws, zonnehof.project, tmp_path / "zonnehof.xlsx",
                                "en", TODAY)
    book = load_workbook(io.BytesIO(out.read_bytes()))
    sheet = book["Dwellings"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:7] == ["Street", "House number", "Addition", "Postcode", "City", "Occupied",
                          "Stance"]
    assert len(rows) == 13
    first = dict(zip(header, rows[1], strict=True))
    assert (first["Visits done"], first["Agreements: Agreed"], first["Overdue actions"]) == (
        2, 1, 1)
    values = {str(v) for row in rows for v in row}
    assert not values & set(_names(zonnehof.ws))
    assert "Summary" in book.sheetnames
    assert "report:xlsx" in _audited(zonnehof.ws)


def test_a_wrong_extension_is_refused(zonnehof: Zonnehof, tmp_path: Path) -> None:
    with pytest.raises(RenoDeskError) as info:
        export_project_report(zonnehof.ws, zonnehof.project, tmp_path / "rapport.docx")
    assert ".pdf of .xlsx" in info.value.message("nl")
    assert not (tmp_path / "rapport.docx").exists()


def test_report_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    from renodesk import app
    from renodesk.cli import main
    from renodesk.paths import Paths

    monkeypatch.setenv("RENODESK_DATA_DIR", str(tmp_path / "ws"))
    assert main(["--lang", "nl", "init", "--organisation", "WS", "--coach", "Sanne"]) == 0
    ws = app.open_workspace(Paths.resolve(str(tmp_path / "ws")))
    build_zonnehof(ws)
    ws.engine.dispose()
    capsys.readouterr()
    assert main(["report", "project", "ZH-01", "--out", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert main(["report", "project", "ZH-01", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert main(["report", "what-works", "--out", str(tmp_path / "w.json")]) == 0
    assert json.loads((tmp_path / "w.json").read_text("utf-8"))["minimum_group"] == 5
    assert "Rapport opgeslagen" in capsys.readouterr().out
    assert main(["report", "what-works", "--out", str(tmp_path / "w.txt")]) == 1
    assert ".json of .csv" in capsys.readouterr().err
