"""Handvatten: browse and search the practical guidance; the organisation keeps its own.

Shipped entries can be adapted: the adapted version is the organisation's own entry
with the same id, and replaces the shipped one for the whole team (it syncs like any
record). Deleting an own entry brings the shipped one back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums, i18n
from renodesk.core.guidance import GuidanceEntry, search
from renodesk.core.guidance_actions import (
    TeamGuidance,
    delete_organisation_entry,
    load_team_guidance,
)
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.guidance_editor import GuidanceEntryDialog
from renodesk.ui.pages.records_kit import fill_vocabulary
from renodesk.ui.widgets.guidance_panel import ENTRY_ROLE, entry_html, section_labels

if TYPE_CHECKING:
    from renodesk.core.workspace import Change

KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class GuidancePage(Page):
    key = "guidance"
    icon = "guidance"
    commands = frozenset({"search", "refresh"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.team: TeamGuidance | None = None
        self.labels = section_labels()
        #: Asks "are you sure?"; tests replace it.
        self.confirm: Callable[[str], bool] = self._ask

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("guidanceSearch")
        self.search_edit.setPlaceholderText(self.tr("Search guidance, e.g. dementia or debts"))
        self.search_edit.setAccessibleName(self.tr("Search guidance"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.refilter)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Theme"))
        fill_vocabulary(self.kind, enums.GuidanceThemeKind, self.tr("All themes"))
        self.kind.currentIndexChanged.connect(self.refilter)
        self.new_button = QPushButton(self.tr("&New entry..."), self)
        self.new_button.clicked.connect(self.new_entry)

        self.list = QListWidget(self)
        self.list.setObjectName("guidanceList")
        self.list.setAccessibleName(self.tr("Guidance entries"))
        self.list.currentItemChanged.connect(self._chosen)
        self.count = QLabel(self)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Guidance"))
        self.detail.setOpenExternalLinks(True)
        self.edit_button = QPushButton(self.tr("&Edit..."), self)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_entry)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 3)
        top.addWidget(self.kind, 1)
        top.addWidget(self.new_button)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list, 1)
        left_column.addWidget(self.count)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        right_column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)
        self._chosen()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("GuidancePage", "Guidance")

    # -- loading ----------------------------------------------------------------
    def load(self, argument: Any = None) -> None:
        lang = i18n.language()
        self.context.runner.read(lambda ws: load_team_guidance(ws, lang), self._loaded)

    def _loaded(self, team: TeamGuidance | None, error: BaseException | None) -> None:
        if team is None:
            self.context.notify(str(error))
            return
        self.team = team
        broken = team.organisation.invalid
        self.problems.setText(self.tr("%1 of our own entries cannot be shown: %2")
                              .replace("%1", str(len(broken)))
                              .replace("%2", " ".join(e.message() for e in broken)))
        self.problems.setVisible(bool(broken))
        self.refilter()

    def on_changes(self, changes: Sequence[Change]) -> None:
        if any(c.entity == "guidance_entry" for c in changes):
            self.load()

    def run_command(self, name: str) -> None:
        if name == "search":
            self.search_edit.setFocus()
            self.search_edit.selectAll()
        elif name == "refresh":
            self.load()

    def refilter(self) -> None:
        """Show the entries matching the search words and the chosen theme."""
        if self.team is None:
            return
        current = self.current_entry()
        kind = self.kind.currentData()
        found = [e for e in search(self.team.entries, self.search_edit.text())
                 if kind is None or e.theme_kind == kind]
        self.list.clear()
        own = self.tr("own")
        # Without search words the entries come in theme order: head each kind of theme.
        headed = not self.search_edit.text().strip()
        first: QListWidgetItem | None = None
        for entry in found:
            if headed and (self.list.count() == 0 or entry.theme_kind != self._kind_at_end()):
                header = QListWidgetItem(entry.theme_kind.label(), self.list)
                header.setData(KIND_ROLE, entry.theme_kind)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: readable, not selectable
                font = header.font()
                font.setBold(True)
                header.setFont(font)
            text = f"{entry.title}  ({own})" if entry.from_organisation else entry.title
            item = QListWidgetItem(text, self.list)
            item.setData(ENTRY_ROLE, entry)
            item.setData(KIND_ROLE, entry.theme_kind)
            item.setToolTip(f"{entry.theme_kind.label()}: {entry.theme.label()}")
            first = first or item
            if current is not None and entry.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.count.setText(self.tr("%1 of %2 entries").replace("%1", str(len(found)))
                           .replace("%2", str(len(self.team.entries))))
        self._chosen()

    def _kind_at_end(self) -> object:
        last = self.list.item(self.list.count() - 1)
        return last.data(KIND_ROLE) if last is not None else None

    def current_entry(self) -> GuidanceEntry | None:
        item = self.list.currentItem()
        entry = item.data(ENTRY_ROLE) if item is not None else None
        return entry if isinstance(entry, GuidanceEntry) else None

    def _record_id(self, entry: GuidanceEntry | None) -> str | None:
        return self.team.organisation.record_id(entry) if entry and self.team else None

    def _chosen(self) -> None:
        entry = self.current_entry()
        if entry is None and self.list.count() == 0:
            self.detail.setPlainText(self.tr(
                "No guidance matches. Try another word (such as 'debt', 'dementia' or "
                "'noise'), or choose 'All themes'."))
        else:
            self.detail.setHtml(entry_html(entry, self.labels) if entry else "")
        own = self._record_id(entry) is not None
        self.edit_button.setEnabled(entry is not None)
        self.edit_button.setText(self.tr("&Edit...") if own or entry is None
                                 else self.tr("&Adapt for our organisation..."))
        self.delete_button.setEnabled(own)

    # -- the organisation's own entries -----------------------------------------
    def new_entry(self) -> None:
        GuidanceEntryDialog(self.context, None, None, self).open()

    def edit_entry(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            GuidanceEntryDialog(self.context, entry, self._record_id(entry), self).open()

    def delete_entry(self) -> None:
        entry = self.current_entry()
        record_id = self._record_id(entry)
        if entry is None or record_id is None:
            return
        if not self.confirm(self.tr("Delete our own entry \u201c%1\u201d? A shipped entry it "
                                    "replaced comes back.").replace("%1", entry.title)):
            return

        def done(_result: object, error: BaseException | None) -> None:
            self.context.notify(str(error) if error else self.tr("The entry is deleted."))

        self.context.runner.write(lambda ws: delete_organisation_entry(ws, record_id), done)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete entry"), question)
        return answer == QMessageBox.StandardButton.Yes


PAGE = GuidancePage
