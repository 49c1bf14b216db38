"""Counts read right in English too: "1 household", "2 households", never "1 household(s)".

The interface's source strings say "%n household(s)"; resources/i18n/plurals_en.ts gives
every one of them its English singular and plural, as the *_nl.ts files do in Dutch.
"""

from __future__ import annotations

import ast
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.records_world import build_world
from pagekit import Recorder, page_context

from renodesk.core.workspace import Workspace
from renodesk.paths import resources_dir
from renodesk.ui.i18n_build import tool

ROOT = Path(__file__).resolve().parents[2]
Message = tuple[str, str]  # (context, source)


def _counted_in_code() -> set[Message]:
    """Every ``self.tr("...%n...", "", n)`` (context: the class it is written in) and every
    ``QCoreApplication.translate("Context", "...%n...", "", n)`` in renodesk/ui. Read from
    the code itself because pyside6-lupdate misses some translate() calls."""
    found: set[Message] = set()

    def visit(node: ast.AST, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                texts = [arg.value if isinstance(arg, ast.Constant) else None
                         for arg in child.args]
                if child.func.attr == "tr" and texts and isinstance(texts[0], str):
                    found.add((owner, texts[0]))
                elif (child.func.attr == "translate" and len(texts) > 1
                      and isinstance(texts[0], str) and isinstance(texts[1], str)):
                    found.add((texts[0], texts[1]))
            visit(child, owner)

    for path in sorted((ROOT / "renodesk" / "ui").rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return {(context, source) for context, source in found if "%n" in source}


def _numerus_in_lupdate(tmp_path: Path) -> set[Message]:
    """What pyside6-lupdate marks as a count message in renodesk/ui."""
    fresh = tmp_path / "counts.ts"
    sources = [str(path) for path in sorted((ROOT / "renodesk" / "ui").rglob("*.py"))]
    subprocess.run([tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(fresh)],
                   check=True, timeout=120)
    return set(_numerus_forms(fresh))


def _numerus_forms(*files: Path) -> dict[Message, list[str]]:
    """(context, source) -> its numerus forms, for every count message in ``files``."""
    forms: dict[Message, list[str]] = {}
    for ts in files:
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.get("numerus") == "yes":
                    forms[(name, message.findtext("source") or "")] = [
                        form.text or "" for form in message.iter("numerusform")]
    return forms


def test_every_count_in_the_interface_has_an_english_singular_and_plural(
        tmp_path: Path) -> None:
    counted = _counted_in_code() | _numerus_in_lupdate(tmp_path)
    assert len(counted) > 25, "the scan missed most of the counts"
    assert ("HouseholdsPage", "%n household(s)") in counted
    assert ("VisitsPage", "%n visit(s)") in counted  # a translate() call lupdate does not see
    english = _numerus_forms(resources_dir() / "i18n" / "plurals_en.ts")
    assert sorted(counted - set(english)) == [], "add these to resources/i18n/plurals_en.ts"
    assert sorted(set(english) - counted) == [], "no longer in the code: remove them"
    for (context, source), forms in english.items():
        assert len(forms) == 2, (context, source)
        for form in forms:
            assert "%n" in form and "(s)" not in form and "(ies)" not in form, (context, form)
        if "(s)" in source or "(ies)" in source:
            assert forms[0] != forms[1], (context, source)


def test_every_count_in_the_interface_has_dutch_numerus_forms() -> None:
    dutch = _numerus_forms(*sorted((resources_dir() / "i18n").glob("*_nl.ts")))
    missing = sorted(_counted_in_code() - set(dutch))
    assert missing == []
    for message in _counted_in_code():
        assert len(dutch[message]) == 2 and all("%n" in form for form in dutch[message]), message


@pytest.fixture
def english(qapp: Any, compiled_translations: None) -> Iterator[None]:
    from renodesk.ui.i18n import Translations

    translations = Translations()
    translations.use("en")
    yield
    translations.use_source_texts()


def test_the_households_page_says_1_household_and_2_households_in_english(
        qtbot: Any, workspace: Workspace, english: None) -> None:
    from renodesk.ui.pages.households import HouseholdsPage

    page = HouseholdsPage(page_context(build_world(workspace).ws, Recorder()))
    qtbot.addWidget(page)
    page.show()
    page.load(None)
    qtbot.keyClicks(page.query, "yilm")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count.text() == "1 household"
    page.query.clear()
    qtbot.keyClicks(page.query, "ria")  # Ria Mulder and Maria Santos
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count.text() == "2 households"
