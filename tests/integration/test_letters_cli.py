"""renodesk letter / letters: PDFs from the command line, kept with the households."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from renodesk.cli import main
from renodesk.core.workspace import Workspace


def first(ws: Workspace, sql: str) -> str:
    with ws.engine.connect() as conn:
        return str(conn.execute(text(sql)).scalar())


def test_one_letter_for_a_visit_in_english_and_large_print(
        small_demo: Workspace, workspace_paths: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    visit_id = first(small_demo, "SELECT id FROM visit WHERE status = 'done' LIMIT 1")
    out = tmp_path / "verslag.pdf"
    code = main(["--data-dir", str(workspace_paths.root), "letter", "visit_report",
                 "--visit", visit_id, "--lang", "en", "--large-print", "--out", str(out)])
    assert code == 0
    assert "Report of our talk on" in PdfReader(out).pages[0].extract_text()
    assert str(out) in capsys.readouterr().out
    assert first(small_demo, "SELECT count(*) FROM letter WHERE visit_id = "
                 f"'{visit_id}' AND language = 'en' AND large_print = 1") == "1"


def test_a_project_as_one_combined_pdf(small_demo: Workspace, workspace_paths: Any,
                                       tmp_path: Path) -> None:
    project_id = first(small_demo, "SELECT id FROM project ORDER BY name LIMIT 1")
    households = int(first(small_demo, "SELECT count(*) FROM household h JOIN dwelling d "
                           f"ON d.id = h.dwelling_id WHERE d.project_id = '{project_id}'"))
    out = tmp_path / "project.pdf"
    assert main(["--data-dir", str(workspace_paths.root), "letters", "agreements",
                 "--project", project_id, "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) >= households
    assert first(small_demo, "SELECT count(*) FROM letter") == str(households)


def test_clear_errors_and_exit_codes(small_demo: Workspace, workspace_paths: Any,
                                     tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(workspace_paths.root)
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", root, "letter", "agreements", "--household", "nope",
                 "--out", str(out)]) == 1
    assert "renodesk:" in capsys.readouterr().err and not out.exists()
    no_visit = first(small_demo, "SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 "
                     "FROM visit v WHERE v.household_id = h.id AND v.status = 'planned')")
    assert main(["--data-dir", root, "letter", "invitation", "--household", no_visit,
                 "--out", str(out)]) == 1
    assert "Plan eerst een bezoek" in capsys.readouterr().err
    assert main(["--data-dir", root, "letter", "agreements", "--household", no_visit,
                 "--out", str(tmp_path / "missing" / "x.pdf")]) == 1
    assert "kan niet worden geschreven" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--data-dir", root, "letter", "agreements", "--out", str(out)])
    assert usage.value.code == 2
    assert first(small_demo, "SELECT count(*) FROM letter") == "0"  # nothing half-done


def test_a_letter_in_turkish_carries_the_dutch_text_and_says_it_is_unreviewed(
        small_demo: Workspace, workspace_paths: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    household = first(small_demo, "SELECT id FROM household LIMIT 1")
    out = tmp_path / "anlasmalar.pdf"
    assert main(["--data-dir", str(workspace_paths.root), "letter", "agreements",
                 "--household", household, "--lang", "tr", "--out", str(out)]) == 0
    text_of_pdf = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Nederlandse tekst is leidend" in text_of_pdf
    assert "moedertaalspreker" in capsys.readouterr().err
    assert first(small_demo, "SELECT language FROM letter") == "tr"


def test_a_letter_to_the_contact_person_of_a_household_that_moved(
        small_demo: Workspace, workspace_paths: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    household = first(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1")
    small_demo.update("household", household, {
        "status": "moved", "contact_person_name": "Noor Bakker",
        "contact_person_relation": "dochter"})
    root = str(workspace_paths.root)
    out = tmp_path / "contactpersoon.pdf"
    assert main(["--data-dir", root, "letter", "agreements", "--household", household,
                 "--to-contact-person", "--out", str(out)]) == 1
    assert "geen volledig adres" in capsys.readouterr().err and not out.exists()
    small_demo.update("household", household, {
        "contact_person_street": "Lindenlaan 4", "contact_person_postcode": "8012ab",
        "contact_person_city": "Zwolle"})
    assert main(["--data-dir", root, "letter", "agreements", "--household", household,
                 "--to-contact-person", "--out", str(out)]) == 0
    first_page = PdfReader(out).pages[0].extract_text()
    assert "Noor Bakker" in first_page and "8012 AB" in first_page
    assert first(small_demo, "SELECT addressed_to FROM letter") == "Noor Bakker (dochter)"

