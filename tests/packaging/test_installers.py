"""The Windows installer script and the macOS bundle recipe agree with the app.

Neither can be built on this Linux CI (Inno Setup and PyInstaller's macOS build need their
own systems); these checks catch the mistakes that would only show on those machines.
"""

from __future__ import annotations

import plistlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "renodesk.iss"
PLIST = ROOT / "packaging" / "macos" / "Info.plist"
DESKTOP_ID = "nl.renodesk.RenoDesk"


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _iss_sections()["Setup"])


def test_the_installer_files_it_names_exist() -> None:
    setup = _setup()
    here = ISS.parent
    assert (here / setup["LicenseFile"].replace("\\", "/")).is_file()
    assert (here / setup["SetupIconFile"]).is_file()
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])


def test_the_installer_is_per_user_and_lists_both_languages() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    languages = {line.split('"')[1] for line in _iss_sections()["Languages"]}
    assert languages == {"nl", "en"}
    messages = _iss_sections()["CustomMessages"]
    names = {lang: {m.split("=", 1)[0].split(".", 1)[1] for m in messages
                    if m.startswith(f"{lang}.")} for lang in languages}
    assert names["nl"] == names["en"] and names["nl"]


def test_the_installer_starts_the_programs_the_bundle_has() -> None:
    spec = (ROOT / "packaging" / "renodesk.spec").read_text("utf-8")
    assert 'program("RenoDesk", console=False)' in spec
    text = ISS.read_text("utf-8")
    assert '#define AppExe "RenoDesk.exe"' in text
    assert 'Parameters: "--demo"' in text  # the demo entry in the Start menu


def test_uninstall_removes_only_the_data_folder_the_app_uses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs.windows as windows

    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: r"C:\Users\coach\AppData\Local")
    data = windows.Windows("RenoDesk", "RenoDesk").user_data_dir.replace("/", "\\")
    text = ISS.read_text("utf-8")
    folder = re.search(r"ExpandConstant\('\{localappdata\}\\(\w+)'\)", text)
    assert folder is not None
    assert data.startswith(r"C:\Users\coach\AppData\Local" + "\\" + folder.group(1) + "\\")
    # kept unless asked: the default button is No, a silent uninstall keeps it
    assert "MB_DEFBUTTON2" in text and "UninstallSilent()" in text
    guide = (ROOT / "docs" / "gebruikershandleiding.md").read_text("utf-8")
    assert r"%LOCALAPPDATA%\RenoDesk\RenoDesk" in guide


def test_the_macos_bundle_matches_the_linux_id_and_has_its_icon() -> None:
    info = plistlib.loads(PLIST.read_bytes())
    assert info["CFBundleIdentifier"] == DESKTOP_ID
    assert (PLIST.parent / info["CFBundleIconFile"]).is_file()
    assert info["CFBundleExecutable"] == "RenoDesk"
    assert (ROOT / "packaging" / "linux" / f"{DESKTOP_ID}.desktop").is_file()
