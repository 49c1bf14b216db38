"""The Dutch translation covers every tr() string of the interface, and none is unfinished."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from renodesk.paths import resources_dir
from renodesk.ui.i18n_build import tool

ROOT = Path(__file__).resolve().parents[2]

#: The shell's sources (resources/i18n/shell_nl.ts). When every area has its .ts,
#: widen this to all of renodesk/ui: ``(ROOT / "renodesk" / "ui").rglob("*.py")``.
SHELL_SOURCES = [
    "renodesk/settings.py", "renodesk/ui/app.py", "renodesk/ui/first_run.py",
    "renodesk/ui/i18n.py", "renodesk/ui/lock.py", "renodesk/ui/main_window.py",
    "renodesk/ui/pages/base.py", "renodesk/ui/pages/today.py",
    "renodesk/ui/settings_dialog.py", "renodesk/ui/theme.py", "renodesk/ui/widgets/form.py",
    "renodesk/ui/worker.py",
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


def test_every_shell_string_has_a_finished_dutch_translation(tmp_path):
    sources = [str(ROOT / name) for name in SHELL_SOURCES]
    fresh = tmp_path / "all_nl.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(fresh)],
                   check=True, timeout=120)
    wanted = _messages(fresh, finished_only=False)
    assert wanted, "lupdate found no strings at all"
    translated: set[tuple[str, str]] = set()
    for ts in sorted((resources_dir() / "i18n").glob("*_nl.ts")):
        translated |= _messages(ts, finished_only=True)
    assert sorted(wanted - translated) == []


def test_no_dutch_file_has_unfinished_entries():
    for ts in sorted((resources_dir() / "i18n").glob("*_nl.ts")):
        all_entries = _messages(ts, finished_only=False)
        assert _messages(ts, finished_only=True) == all_entries, ts.name
