"""What every page of the main window is: a key, a title, an icon, load and on_changes.

A page is built once, the first time it is shown, with a :class:`PageContext`; it
never reaches for the main window. When the language changes, the window throws
its pages away and builds them again, so a page translates its texts (``self.tr``)
once, in ``__init__``. It reads and writes through ``context.runner``
(off the UI thread) and refreshes just what a write changed in :meth:`Page.on_changes`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace
    from renodesk.settings import Settings
    from renodesk.ui.worker import Runner

#: navigate(page_key, argument): show another page, e.g. ("household", household_id).
Navigate = Callable[[str, Any], None]

#: The shell commands a page can take part in.
COMMANDS = ("search", "new_visit", "save", "print", "refresh")


@dataclass
class PageContext:
    """Everything a page may use. Handed down once; no global main window."""

    runner: Runner
    settings: Settings
    navigate: Navigate
    #: Show a short message in the status bar (already translated).
    notify: Callable[[str], None]

    @property
    def workspace(self) -> Workspace:
        """The open workspace. Use it inside work given to the runner, not on the UI thread."""
        return self.runner.workspace


class Page(QWidget):
    """Base of the main window's pages.

    Subclasses set ``key`` (stable, used for navigation and remembered state),
    ``icon`` (a file name in resources/icons without ``.svg``) and
    ``in_navigation`` (False for pages reached only by navigating to them, such as
    a household's profile), and implement :meth:`title`.
    """

    key: ClassVar[str] = ""
    icon: ClassVar[str] = "page"
    in_navigation: ClassVar[bool] = True
    #: Shell commands this page handles (see COMMANDS): the main window's shortcuts
    #: (Ctrl+F search, Ctrl+N new visit, Ctrl+S save, Ctrl+P print, F5 refresh) call
    #: :meth:`run_command` on the page in view when it lists the command here.
    commands: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page-{self.key}")

    @classmethod
    def title(cls) -> str:
        """The translated title in the navigation and the window title."""
        raise NotImplementedError

    def load(self, argument: Any = None) -> None:
        """Called every time the page is shown; ``argument`` comes from ``navigate``.

        Start reading here (through ``self.context.runner``); never block.
        """

    def on_changes(self, changes: Sequence[Change]) -> None:
        """Called on every page after a successful write, with what changed."""

    def run_command(self, name: str) -> None:
        """Carry out one of ``commands`` (e.g. put the cursor in the search field)."""
