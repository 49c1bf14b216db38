"""Subject access: one household's data as a readable PDF and a complete JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from fixtures.privacy_world import ALL, PLAIN, plant_household
from pypdf import PdfReader
from sqlalchemy import text

from renodesk.core.workspace import Workspace
from renodesk.reports.inzage import export_household


def test_inzage_holds_everything_about_the_household_and_is_audited(
        workspace: Workspace, tmp_path: Path) -> None:
    planted = plant_household(workspace)
    result = export_household(workspace, planted.household_id, tmp_path)

    document = json.loads(result.json_path.read_text("utf-8"))
    dumped = json.dumps(document, ensure_ascii=False)
    missing = [name for name, value in ALL.items() if name != "letter" and value not in dumped]
    assert missing == []
    assert "Buren-blijven-staan" not in dumped  # nothing about the neighbours
    assert document["household"]["id"] == planted.household_id
    assert {len(document[k]) for k in ("vulnerability", "involvement", "contact_moment",
                                       "visit", "adjustment", "action", "letter", "draft",
                                       "conflict")} == {1}
    assert {e["action"] for e in document["audit_entry"]} >= {"create"}
    # Letters come along as their own PDF files, named in the JSON.
    (letter,) = result.letters
    assert PLAIN["letter"].encode() in letter.read_bytes()
    assert document["letter"][0]["file"] == letter.name

    pdf = "\n".join(page.extract_text() for page in PdfReader(result.pdf_path).pages)
    flat = " ".join(pdf.split())
    for name in ("name", "adjustment", "contact_summary", "action"):
        assert PLAIN[name] in flat
    assert "Uw gegevens" in flat and "Logboek" in flat and "Huisbezoeken (1)" in flat
    assert "Neem dan contact op met Woonstichting De Linde" in flat  # no phone number set
    with workspace.engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text(
            "SELECT action, detail FROM audit_entry WHERE action = 'export'"))] == [
            ("export", "inzage")]


def test_inzage_in_english_for_an_english_speaking_tenant(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    planted = plant_household(workspace)
    workspace.update("household", planted.household_id, {"language": "en",
                                                         "reads_with_difficulty": True})
    result = export_household(workspace, planted.household_id, tmp_path)
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(result.pdf_path).pages
                            ).split())
    assert "Your details" in pdf and "Home visits (1)" in pdf
