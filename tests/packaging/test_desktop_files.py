"""The Linux desktop entry, AppStream metainfo and icons pass the freedesktop validators."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "nl.renodesk.RenoDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = LINUX / "icons" / "hicolor"


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install the Debian package {package} "
                    "(bash dev.sh test does)")
    return found


def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_metainfo_is_valid_and_names_the_desktop_entry() -> None:
    done = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


def test_the_metainfo_lists_the_current_version() -> None:
    from renodesk import __version__

    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def test_the_icon_exists_in_every_size_desktops_ask_for() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    icon = entry["Desktop Entry"]["Icon"]
    assert icon == APP_ID
    assert (ICONS / "scalable" / "apps" / f"{icon}.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = ICONS / f"{size}x{size}" / "apps" / f"{icon}.png"
        assert png.is_file(), f"missing {png.relative_to(ROOT)}"
        width, height = _png_size(png)
        assert (width, height) == (size, size), f"{png.name} is {width}x{height}, not {size}"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
