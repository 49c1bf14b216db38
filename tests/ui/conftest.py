"""Shell fixtures: a main window over a small fictitious workspace, work run inline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from renodesk.core import i18n as core_i18n


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """The .qm files are build products; make sure they exist for the tests."""
    from renodesk.ui.i18n_build import release

    release()


@pytest.fixture
def shell(qtbot, small_demo, workspace_paths, compiled_translations) -> Iterator:  # type: ignore[no-untyped-def]
    """The main window in Dutch with the workspace open; background work runs inline."""
    from renodesk.ui.app import build
    from renodesk.ui.worker import InlineRunner

    runner = InlineRunner()
    window, _startup = build(workspace_paths, "nl", demo=False, runner=runner)
    qtbot.addWidget(window)
    window.show()
    runner.workspace = small_demo
    window.workspace_ready()
    yield window
    window.translations.use_source_texts()  # other tests see the source texts
    core_i18n.set_language("nl")
