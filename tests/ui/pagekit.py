"""Helpers for testing one page without the main window: a recorded navigation and a
page context whose background work runs inline."""

from __future__ import annotations

from typing import Any

from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.worker import InlineRunner


class Recorder:
    """Where a page asked to go and what it told the coach. ``strict``: navigating at
    all is a test failure."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.went: list[tuple[str, Any]] = []
        self.said: list[str] = []

    def navigate(self, key: str, argument: Any = None) -> None:
        if self.strict:
            raise AssertionError(f"no navigation expected ({key})")
        self.went.append((key, argument))

    def notify(self, message: str) -> None:
        self.said.append(message)


def page_context(workspace: Workspace, recorder: Recorder) -> PageContext:
    return PageContext(runner=InlineRunner(workspace), settings=Settings(None),
                       navigate=recorder.navigate, notify=recorder.notify)
