"""The guidance (handvatten) that fits one household, on its profile.

The panel lists the entries for the vulnerabilities and causes of resistance recorded
on the profile (and the lessons they point to), shows the chosen one, and turns its
suggested adjustments and actions into records in one click: a small dialog opens
pre-filled, the coach unticks, edits text and due dates, and everything is written in
one unit of work. It follows the workspace's changes by itself, so a vulnerability
recorded anywhere shows its guidance at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums, i18n
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.guidance import GuidanceEntry, for_profile, related
from renodesk.core.guidance_actions import add_suggestions, load_team_guidance, suggestions_for
from renodesk.core.queries.households import household_profile
from renodesk.core.visits import NewAction, NewAdjustment, Outcome
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.widgets.form import ErrorLabel

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace
    from renodesk.ui.pages.base import PageContext

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Records whose change can change which guidance fits a household.
WATCHED = frozenset({"household", "vulnerability", "guidance_entry"})


def entry_html(entry: GuidanceEntry, labels: dict[str, str]) -> str:
    """An entry as rich text for a QTextBrowser; ``labels`` holds the translated headings."""

    def items(values: Sequence[str]) -> str:
        return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"

    parts = [f"<h3>{escape(entry.title)}</h3>",
             f"<p><i>{escape(entry.theme.label())}</i>"
             + (f" · {escape(labels['own'])}" if entry.from_organisation else "") + "</p>",
             f"<p>{escape(entry.summary)}</p>",
             f"<h4>{escape(labels['signals'])}</h4>{items(entry.signals)}",
             f"<h4>{escape(labels['approach'])}</h4>"
             + "<ol>" + "".join(f"<li>{escape(v)}</li>" for v in entry.approach) + "</ol>"]
    if entry.suggested_adjustments:
        parts.append(f"<h4>{escape(labels['adjustments'])}</h4>" + items([
            f"{item.category.label()}: {item.description}"
            for item in entry.suggested_adjustments]))
    if entry.suggested_actions:
        parts.append(f"<h4>{escape(labels['actions'])}</h4>{items(entry.suggested_actions)}")
    if entry.partners:
        parts.append(f"<h4>{escape(labels['partners'])}</h4><p>"
                     + escape(", ".join(p.label() for p in entry.partners)) + "</p>")
    if entry.sources:
        sources = []
        for source in entry.sources:
            text = escape(source.title)
            if source.reference:
                text += f" ({escape(source.reference)})"
            if source.url:
                text = f'<a href="{escape(source.url, quote=True)}">{text}</a>'
            sources.append(f"<li>{text}</li>")
        parts.append(f"<h4>{escape(labels['sources'])}</h4><ul>{''.join(sources)}</ul>")
    return "".join(parts)


@dataclass(frozen=True)
class HouseholdGuidance:
    household_id: str
    entries: list[GuidanceEntry]  # fitting the profile, then the lessons they point to
    matched: int  # how many of ``entries`` fit the profile directly


def guidance_for_household(ws: Workspace, household_id: str, lang: str) -> HouseholdGuidance:
    """The guidance for what is recorded on a profile (nothing without a basis)."""
    with ws.engine.connect() as conn:
        profile = household_profile(conn, household_id)
    causes = [c for c in str(profile.household.get("resistance_causes") or "").split(",") if c]
    entries = load_team_guidance(ws, lang).entries
    matched = for_profile(entries, [v.category for v in profile.vulnerabilities], causes)
    shown = {entry.id for entry in matched}
    extra: list[GuidanceEntry] = []
    for entry in matched:
        for other in related(entries, entry):
            if other.id not in shown:
                shown.add(other.id)
                extra.append(other)
    return HouseholdGuidance(household_id, [*matched, *extra], len(matched))


class GuidancePanel(QGroupBox):
    """Guidance for the household on screen; call :meth:`show_household` when it changes."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Guidance for this household"))
        self.setObjectName("guidancePanel")
        self.context = context
        self.household_id: str | None = None
        self.labels = section_labels()

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Matching guidance"))
        self.list.setMinimumWidth(200)
        self.list.setWordWrap(True)  # long titles wrap instead of hiding behind a scroll bar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.currentItemChanged.connect(self._chosen)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Guidance"))
        self.detail.setOpenExternalLinks(True)
        self.empty = QLabel(self.tr("Record a vulnerability or a cause of resistance on this "
                                    "profile to see practical guidance here."), self)
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add its suggestions..."), self)
        self.add_button.setObjectName("addSuggestions")
        self.add_button.setToolTip(self.tr(
            "Add the suggested adjustments and actions of this guidance to the household; "
            "you can change them first."))
        self.add_button.clicked.connect(self.add_suggestions)
        #: At the panel's foot; a host page may move it beside its own buttons.
        self.reflection_button = QPushButton(self.tr("Case for &reflection..."), self)
        self.reflection_button.setObjectName("reflectionCase")
        self.reflection_button.setToolTip(self.tr(
            "Make an anonymised case summary (PDF) of this household for a reflection meeting."))
        self.reflection_button.clicked.connect(self.open_reflection)

        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        side.addWidget(self.add_button)
        row = QHBoxLayout()
        row.addLayout(side, 2)
        row.addWidget(self.detail, 3)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.reflection_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(row, 1)
        layout.addLayout(foot)
        self._set_empty(True)
        context.runner.changes.connect(self._changed)

    def _set_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        for widget in (self.list, self.detail, self.add_button):
            widget.setVisible(not empty)

    # -- loading ----------------------------------------------------------------
    def show_household(self, household_id: str) -> None:
        """Load the guidance for ``household_id`` (in the background)."""
        self.household_id = household_id
        lang = i18n.language()
        self.context.runner.read(lambda ws: guidance_for_household(ws, household_id, lang),
                                 self._show)

    def _show(self, found: HouseholdGuidance | None, error: BaseException | None) -> None:
        if found is None:
            self.context.notify(str(error))
            return
        if found.household_id != self.household_id:
            return  # another household was opened meanwhile
        current = self.current_entry()
        self.list.clear()
        for index, entry in enumerate(found.entries):
            text = entry.title if index < found.matched else self.tr("See also: %1").replace(
                "%1", entry.title)
            item = QListWidgetItem(text, self.list)
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(entry.theme.label())
            if current is not None and entry.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._set_empty(not found.entries)

    def _changed(self, changes: list[Change]) -> None:
        if self.household_id and any(
                c.entity == "guidance_entry" or (c.entity in WATCHED
                                                 and c.household_id == self.household_id)
                for c in changes):
            self.show_household(self.household_id)

    def current_entry(self) -> GuidanceEntry | None:
        item = self.list.currentItem()
        entry = item.data(ENTRY_ROLE) if item is not None else None
        return entry if isinstance(entry, GuidanceEntry) else None

    def _chosen(self) -> None:
        entry = self.current_entry()
        self.detail.setHtml(entry_html(entry, self.labels) if entry else "")
        self.add_button.setEnabled(bool(entry and (entry.suggested_adjustments
                                                   or entry.suggested_actions)))

    # -- acting -----------------------------------------------------------------
    def add_suggestions(self) -> None:
        entry = self.current_entry()
        if entry is None or self.household_id is None:
            return
        dialog = SuggestionsDialog(self.context, self.household_id, entry, self)
        dialog.open()

    def open_reflection(self) -> None:
        from renodesk.ui.reflection_dialog import ReflectionDialog

        if self.household_id is not None:
            ReflectionDialog(self.context, self.household_id, self).open()


def section_labels() -> dict[str, str]:
    """The translated headings of an entry's sections."""
    return {
        "signals": QCoreApplication.translate("Guidance", "Signals"),
        "approach": QCoreApplication.translate("Guidance", "Approach"),
        "adjustments": QCoreApplication.translate("Guidance", "Adjustments that often help"),
        "actions": QCoreApplication.translate("Guidance", "Follow-up actions"),
        "partners": QCoreApplication.translate("Guidance", "Partners to involve"),
        "sources": QCoreApplication.translate("Guidance", "Sources"),
        "own": QCoreApplication.translate("Guidance", "our organisation's own entry"),
    }


@dataclass
class _Row:
    include: QCheckBox
    description: QLineEdit
    due: QLineEdit
    error: ErrorLabel
    category: QComboBox | None = None


class SuggestionsDialog(QDialog):
    """An entry's suggestions, pre-filled and editable; Add writes the ticked ones."""

    def __init__(self, context: PageContext, household_id: str, entry: GuidanceEntry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add suggestions: %1").replace("%1", entry.title))
        self.setObjectName("suggestionsDialog")
        self.context = context
        self.household_id = household_id
        self.result_outcome: Outcome | None = None
        suggestions = suggestions_for(entry)

        host = QWidget(self)
        grid = QGridLayout(host)
        grid.setColumnStretch(2, 1)
        self.adjustments: list[_Row] = []
        self.action_rows: list[_Row] = []
        line = 0
        if suggestions.adjustments:
            grid.addWidget(QLabel(f"<b>{self.tr('Adjustments (proposed)')}</b>", host),
                           line, 0, 1, 4)
            line += 1
            for adjustment in suggestions.adjustments:
                row = self._row(host, adjustment.description)
                row.category = QComboBox(host)
                row.category.setAccessibleName(self.tr("Kind of adjustment"))
                fill_vocabulary(row.category, enums.AdjustmentCategory)
                select_code(row.category, adjustment.category)
                line = self._place(grid, line, row, row.category)
                self.adjustments.append(row)
        if suggestions.actions:
            grid.addWidget(QLabel(f"<b>{self.tr('Follow-up actions')}</b>", host),
                           line, 0, 1, 4)
            line += 1
            for action in suggestions.actions:
                row = self._row(host, action.description)
                line = self._place(grid, line, row, None)
                self.action_rows.append(row)
        grid.setRowStretch(line, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        intro = QLabel(self.tr("Untick what does not fit, change the text where needed and "
                               "add a due date if you like (dd-mm-yyyy). The adjustments are "
                               "saved as proposed: agree them with the tenant later."), self)
        intro.setWordWrap(True)
        self.general = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = buttons.addButton(self.tr("&Add"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("addChosen")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def _row(self, parent: QWidget, text: str) -> _Row:
        include = QCheckBox(parent)
        include.setChecked(True)
        description = QLineEdit(text, parent)
        description.setAccessibleName(self.tr("Description"))
        description.setCursorPosition(0)
        description.setToolTip(text)
        include.setAccessibleName(self.tr("Include: %1").replace("%1", text))
        include.toggled.connect(description.setEnabled)
        due = QLineEdit(parent)
        due.setPlaceholderText(self.tr("dd-mm-yyyy"))
        due.setAccessibleName(self.tr("Due date"))
        due.setMaximumWidth(due.fontMetrics().horizontalAdvance("00-00-00000") + 24)
        return _Row(include, description, due, ErrorLabel(parent))

    def _place(self, grid: QGridLayout, line: int, row: _Row, category: QComboBox | None) -> int:
        grid.addWidget(row.include, line, 0)
        if category is not None:
            grid.addWidget(category, line, 1)
            row.include.toggled.connect(category.setEnabled)
        grid.addWidget(row.description, line, 2)
        grid.addWidget(row.due, line, 3)
        row.include.toggled.connect(row.due.setEnabled)
        grid.addWidget(row.error, line + 1, 1, 1, 3)
        return line + 2

    def chosen(self) -> tuple[list[tuple[_Row, NewAdjustment]], list[tuple[_Row, NewAction]]]:
        """The ticked rows with what they hold now."""
        adjustments = [(row, NewAdjustment(
            row.category.currentData() if row.category else "other", row.description.text(),
            status="proposed", due_date=row.due.text().strip() or None))
            for row in self.adjustments if row.include.isChecked()]
        actions = [(row, NewAction(row.description.text(),
                                   due_date=row.due.text().strip() or None))
                   for row in self.action_rows if row.include.isChecked()]
        return adjustments, actions

    def submit(self) -> None:
        adjustments, actions = self.chosen()
        household_id = self.household_id
        new_adjustments = [item for _row, item in adjustments]
        new_actions = [item for _row, item in actions]
        rows = {"adjustments": [row for row, _item in adjustments],
                "actions": [row for row, _item in actions]}
        self.add_button.setEnabled(False)

        def done(outcome: Outcome | None, error: BaseException | None) -> None:
            self.add_button.setEnabled(True)
            for row in (*self.adjustments, *self.action_rows):
                row.error.say("")
            self.general.say("")
            if isinstance(error, ValidationError):
                self._show_problems(error, rows)
                return
            if isinstance(error, RenoDeskError):
                self.general.say(error.message())
                return
            if error is not None:
                raise error
            self.result_outcome = outcome
            self.context.notify(self.tr("Added %1 and %2.")
                                .replace("%1", self.tr("%n agreement(s)", "",
                                                       len(new_adjustments)))
                                .replace("%2", self.tr("%n action(s)", "", len(new_actions))))
            self.accept()

        self.context.runner.write(
            lambda ws: add_suggestions(ws, household_id, new_adjustments, new_actions), done)

    def _show_problems(self, error: ValidationError, rows: dict[str, list[_Row]]) -> None:
        unplaced = []
        for name, text in error.messages().items():
            group, _, rest = name.partition(".")
            index, _, _field = rest.partition(".")
            if group in rows and index.isdigit() and int(index) < len(rows[group]):
                row = rows[group][int(index)]
                row.error.say(text)
                row.description.setFocus()
            else:
                unplaced.append(text)
        self.general.say("\n".join(unplaced))
