"""The Dutch translation covers every tr() string of the whole interface, and none is
unfinished. Each area keeps its own resources/i18n/<area>_nl.ts; together they must
cover every source string of renodesk/ui (and the declared settings)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from renodesk.paths import resources_dir
from renodesk.ui.i18n_build import tool

ROOT = Path(__file__).resolve().parents[2]


def interface_sources() -> list[str]:
    """Every file whose strings the interface shows: all of renodesk/ui, and settings.py
    (the settings' titles)."""
    files = sorted((ROOT / "renodesk" / "ui").rglob("*.py"))
    return [str(path) for path in [*files, ROOT / "renodesk" / "settings.py"]]


def _messages(ts: Path, finished_only: bool) -> set[tuple[str, str]]:
    """(context, source) of every message in ``ts`` (only the translated ones if asked)."""
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


def test_every_interface_string_has_a_finished_dutch_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "all_nl.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", *interface_sources(), "-ts", str(fresh)],
                   check=True, timeout=120)
    wanted = _messages(fresh, finished_only=False)
    assert len(wanted) > 600, "lupdate missed most of the interface"
    assert ("MainWindow", "&Privacy statement") in wanted  # the shell is in
    assert ("VisitReportForm", "Notes") in wanted  # and so are the areas' pages
    translated: set[tuple[str, str]] = set()
    for ts in sorted((resources_dir() / "i18n").glob("*_nl.ts")):
        translated |= _messages(ts, finished_only=True)
    assert sorted(wanted - translated) == []


def test_no_dutch_file_has_unfinished_entries() -> None:
    for ts in sorted((resources_dir() / "i18n").glob("*_nl.ts")):
        all_entries = _messages(ts, finished_only=False)
        assert _messages(ts, finished_only=True) == all_entries, ts.name
