"""The user guide stays true: its pictures exist and the commands it tells people to type exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "docs" / "gebruikershandleiding.md", ROOT / "docs" / "user-guide.md"]
COMMAND = re.compile(r"(?:^|[`\"\s\\/])(renodesk(?:-cli)?(?:\.exe)?\"?((?: [^`\n(]+)))",
                     re.MULTILINE)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_picture_and_link_in_the_guide_exists(guide: Path) -> None:
    targets = re.findall(r"\]\(([^)#]+)\)", guide.read_text("utf-8"))
    assert targets, f"{guide.name} links to nothing"
    for target in targets:
        if target.startswith(("http://", "https://")):
            continue
        assert (guide.parent / target).exists(), f"{guide.name}: {target} does not exist"


def _pictures(guide: Path, folder: str) -> list[tuple[str, str]]:
    """(alt text, file name) of each numbered picture the guide shows from ``folder``."""
    return re.findall(rf"!\[([^\]]*)\]\({re.escape(folder)}/(\d\d-[\w-]+\.png)\)",
                      guide.read_text("utf-8"))


def test_the_english_guide_shows_every_picture_of_the_dutch_one_in_english() -> None:
    dutch = _pictures(GUIDES[0], "images")
    english = _pictures(GUIDES[1], "images/en")
    assert len(dutch) >= 9, dutch
    assert [name[:2] for _alt, name in english] == [name[:2] for _alt, name in dutch]
    folder = ROOT / "docs" / "images" / "en"
    for alt, name in english:
        assert (folder / name).is_file(), f"user-guide.md: images/en/{name} does not exist"
        assert len(alt.split()) >= 3, f"user-guide.md: images/en/{name} needs an alt text"
    shown = {name for _alt, name in english}
    unused = sorted(p.name for p in folder.glob("[0-9][0-9]-*.png") if p.name not in shown)
    assert not unused, f"pictures in docs/images/en that the English guide does not show: {unused}"


def _desktop_commands(guide: Path) -> list[list[str]]:
    """Each `renodesk ...` / `renodesk-cli.exe ...` command line of the guide, as argv."""
    found = []
    for _whole, rest in COMMAND.findall(guide.read_text("utf-8")):
        words = shlex.split(rest.replace("<", "").replace(">", "").replace("\\", "/"))
        if words and words[0] in ("team", "sync", "conflicts", "info", "check", "server",
                                  "letter", "letters", "init", "--demo", "project",
                                  "household", "member", "roster", "partner", "import"):
            found.append(words)
    return found


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_desktop_command_in_the_guide_parses(guide: Path) -> None:
    from renodesk.cli import build_parser

    commands = _desktop_commands(guide)
    assert len(commands) >= 6, commands  # team create/join, sync, conflicts (+ settle), ...
    parser = build_parser()
    for argv in commands:
        argv = ["1" if word in ("nummer", "number") else word for word in argv]
        try:
            parser.parse_args(argv)
        except SystemExit as exc:
            pytest.fail(f"{guide.name}: 'renodesk {' '.join(argv)}' does not parse ({exc})")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_server_command_in_the_guide_parses(guide: Path) -> None:
    from renodesk.server.cli import build_parser

    lines = re.findall(r"renodesk-server ([^`\n]+)", guide.read_text("utf-8"))
    assert len(lines) >= 5, lines
    parser = build_parser()
    for line in lines:
        argv = ["1" if w in ("nummer", "number") else w
                for w in shlex.split(line.replace("<", "").replace(">", ""))]
        try:
            parser.parse_args(argv)
        except SystemExit as exc:
            pytest.fail(f"{guide.name}: 'renodesk-server {line}' does not parse ({exc})")
