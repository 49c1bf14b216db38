"""Every string of the records screens has a finished Dutch translation in records_nl.ts."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from renodesk.paths import resources_dir
from renodesk.ui.i18n_build import tool

ROOT = Path(__file__).resolve().parents[2]
RECORDS_SOURCES = [
    *sorted(str(p) for p in (ROOT / "renodesk" / "ui" / "models").glob("*.py")),
    *(str(ROOT / "renodesk" / "ui" / "pages" / f"{name}.py") for name in (
        "actions", "adjustments", "household", "households", "projects", "records_kit",
        "visit_editor", "visits", "worklist")),
]


def _messages(ts: Path, finished_only: bool) -> set[tuple[str, str]]:
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if finished_only and kind in ("unfinished", "vanished", "obsolete"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def test_every_records_string_has_a_finished_dutch_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "records_nl.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", *RECORDS_SOURCES, "-ts", str(fresh)],
                   check=True, timeout=120)
    wanted = _messages(fresh, finished_only=False)
    assert len(wanted) > 150
    translated = _messages(resources_dir() / "i18n" / "records_nl.ts", finished_only=True)
    assert sorted(wanted - translated) == []
