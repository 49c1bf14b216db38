"""A household's timeline on its profile: planned and open work above, history below.

The planned part is small and always in view (overdue rows first, in the attention
colour, saying 'overdue'); the history sits in a tab with the contact logger under it,
so a call or a 'not at home' lands where the coach is looking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.queries.timeline import Timeline
from renodesk.core.visits import log_contact
from renodesk.ui import theme
from renodesk.ui.models.records import TimelineModel
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code, table
from renodesk.ui.widgets.privacy_hints import IdentifierWarnings

if TYPE_CHECKING:
    from renodesk.ui.pages.base import PageContext

#: The planned table grows with its rows up to this many, then scrolls.
PLANNED_ROWS = (2, 5)


def _timeline_table(parent: QWidget, model: TimelineModel, name: str) -> QTableView:
    view = table(parent, model, name, TimelineModel.TEXT)
    header = view.horizontalHeader()
    header.resizeSection(TimelineModel.WHEN, 118)
    header.resizeSection(TimelineModel.WHAT, 200)
    header.resizeSection(TimelineModel.STATUS, 130)
    return view


class HouseholdTimeline(QWidget):
    """'Planned / coming up' and, in ``tabs``, the history with the contact logger."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.household_id: str | None = None
        self.planned_model = TimelineModel()
        self.history_model = TimelineModel()
        self.planned_title = QLabel(self)
        self.planned_title.setObjectName("plannedTitle")
        self.nothing_planned = QLabel(self.tr("Nothing planned and nothing open."), self)
        self.nothing_planned.setObjectName("nothingPlanned")
        self.planned = _timeline_table(self, self.planned_model, self.tr("Planned / coming up"))
        self.planned.setObjectName("plannedTable")
        self.planned_title.setBuddy(self.planned)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profileTabs")
        history_tab = QWidget(self.tabs)
        self.history = _timeline_table(history_tab, self.history_model, self.tr("History"))
        self.history.setObjectName("historyTable")
        history_column = QVBoxLayout(history_tab)
        history_column.setContentsMargins(0, 4, 0, 0)
        history_column.addWidget(self.history, 1)
        history_column.addWidget(self._contact_logger(history_tab))
        self.tabs.addTab(history_tab, "")

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.planned_title)
        column.addWidget(self.nothing_planned)
        column.addWidget(self.planned)
        column.addWidget(self.tabs, 1)
        self.show_timeline(Timeline())

    def _contact_logger(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Log a contact"), parent)
        column = QVBoxLayout(group)
        self.contact_channel = _combo(group, self.tr("Channel"), enums.Channel)
        select_code(self.contact_channel, "phone")
        self.contact_outcome = _combo(group, self.tr("Outcome"), enums.ContactOutcome)
        self.contact_summary = QLineEdit(group)
        self.contact_summary.setAccessibleName(self.tr("Summary"))
        self.contact_summary.setPlaceholderText(self.tr("Short summary"))
        self.contact_button = QPushButton(self.tr("&Log"), group)
        self.contact_button.clicked.connect(self.log_contact)
        self.contact_warnings = IdentifierWarnings(self.log_contact, group)
        row = QHBoxLayout()
        for widget in (self.contact_channel, self.contact_outcome):
            row.addWidget(widget)
        row.addWidget(self.contact_summary, 1)
        row.addWidget(self.contact_button)
        column.addLayout(row)
        column.addWidget(self.contact_warnings)
        return group

    def show_timeline(self, timeline: Timeline) -> None:
        self.planned_model.set_rows(timeline.planned)
        self.history_model.set_rows(timeline.history)
        title = self.tr("Planned / coming up")
        if timeline.overdue:
            late = self.tr("%n overdue", "", timeline.overdue)
            colour = theme.attention_colour().name()
            title += f" <span style='color: {colour}'>({late})</span>"
        self.planned_title.setText(f"<b>{title}</b>")
        rows = len(timeline.planned)
        self.nothing_planned.setVisible(rows == 0)
        self.planned.setVisible(rows > 0)
        low, high = PLANNED_ROWS
        shown = min(max(rows, low), high)
        self.planned.setFixedHeight(self.planned.horizontalHeader().sizeHint().height()
                                    + shown * self.planned.verticalHeader().defaultSectionSize()
                                    + 2 * self.planned.frameWidth())
        self.tabs.setTabText(0, self.tr("History (%1)").replace("%1", str(len(timeline.history))))

    def log_contact(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        if not self.contact_warnings.check("contact_moment", {"summary": self.contact_summary},
                                           {"summary": self.tr("Summary")}):
            return
        channel = self.contact_channel.currentData()
        outcome = self.contact_outcome.currentData()
        summary = self.contact_summary.text()

        def logged(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.context.notify(str(error))
                return
            self.contact_summary.clear()
            self.context.notify(self.tr("The contact is logged."))

        self.context.runner.write(
            lambda ws: log_contact(ws, household_id, channel, outcome, summary), logged)


def _combo(parent: QWidget, name: str, vocabulary: type[enums.Labelled]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    fill_vocabulary(combo, vocabulary)
    return combo
