"""Vandaag: the coach's day at a glance — visits, actions due, conflicts to settle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.enums import VisitKind
from renodesk.ui import theme
from renodesk.ui.labels import conflict_label
from renodesk.ui.pages.base import Page, PageContext

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace

#: Rows shown per list; the rest is one click away on the full page.
LIMIT = 200
_TARGET = Qt.ItemDataRole.UserRole


@dataclass
class TodayRow:
    when: str
    what: str
    who: str
    target: tuple[str, Any] | None  # (page key, argument) opened on click
    attention: bool = False


@dataclass
class Overview:
    visits: list[TodayRow] = field(default_factory=list)
    actions: list[TodayRow] = field(default_factory=list)
    conflicts: list[TodayRow] = field(default_factory=list)
    #: False in a new, empty workspace: the page then says where to begin.
    has_projects: bool = True


def _address(street: str | None, number: int | None, addition: str | None) -> str:
    if not street:
        return ""
    return f"{street} {number}{addition or ''}".strip()


def read_overview(ws: Workspace, today: date) -> Overview:
    """Visits planned from today to a week ahead, open actions due within a week (overdue
    first), and sync conflicts nobody settled yet."""
    from sqlalchemy import select

    from renodesk.storage.models import (
        Action,
        Dwelling,
        Household,
        Project,
        SyncConflict,
        Visit,
    )

    start = datetime.combine(today, time.min)
    week_end = start + timedelta(days=7)
    overview = Overview()
    with ws.engine.connect() as conn:
        overview.has_projects = conn.execute(select(Project.id).limit(1)).first() is not None
        visits = conn.execute(
            select(Visit.planned_at, Visit.kind, Visit.household_id, Household.name,
                   Dwelling.street, Dwelling.number, Dwelling.addition)
            .join(Household, Household.id == Visit.household_id)
            .join(Dwelling, Dwelling.id == Household.dwelling_id)
            .where(Visit.status == "planned", Visit.planned_at >= start,
                   Visit.planned_at < week_end)
            .order_by(Visit.planned_at).limit(LIMIT)
        ).all()
        for planned_at, kind, household_id, name, street, number, addition in visits:
            # Today's visits by the hour; later ones with the day's name ("vr 27-11 09:00").
            weekday = QLocale().dayName(planned_at.isoweekday(), QLocale.FormatType.ShortFormat)
            when = planned_at.strftime("%H:%M") if planned_at.date() == today \
                else f"{weekday} {planned_at:%d-%m %H:%M}"
            overview.visits.append(TodayRow(
                when, VisitKind(kind).label(), f"{name}, {_address(street, number, addition)}",
                ("household", household_id), planned_at.date() == today))
        actions = conn.execute(
            select(Action.due_date, Action.description, Action.household_id, Household.name)
            .outerjoin(Household, Household.id == Action.household_id)
            .where(Action.done_date.is_(None), Action.due_date.is_not(None),
                   Action.due_date < today + timedelta(days=7))
            .order_by(Action.due_date).limit(LIMIT)
        ).all()
        for due, description, action_household, name in actions:
            if due is None:
                continue
            target: tuple[str, Any] = (("household", action_household) if action_household
                                       else ("actions", None))
            overview.actions.append(TodayRow(
                due.strftime("%d-%m-%Y"), description.splitlines()[0] if description else "",
                str(name or ""), target, due < today))
        conflicts = conn.execute(
            select(SyncConflict.id, SyncConflict.entity, SyncConflict.field,
                   SyncConflict.created_at)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.created_at).limit(LIMIT)
        ).all()
        for conflict_id, entity, fld, created_at in conflicts:
            overview.conflicts.append(TodayRow(
                created_at.strftime("%d-%m-%Y %H:%M"), conflict_label(entity, fld), "",
                ("sync", conflict_id), True))
    return overview


class TodayPage(Page):
    """Three short lists; a click opens the household (or the conflict to settle)."""

    key = "today"
    icon = "today"
    commands = frozenset({"refresh"})
    #: Which changes make the overview stale.
    WATCHED = frozenset({"visit", "action", "household", "dwelling"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview = Overview()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel(body)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.layout_.addWidget(self.heading)
        self.start_hint = QLabel(self.tr(
            "This workspace is still empty. Begin on the <a href=\"projects\">Projects</a> "
            "page: make a project, then add who does what, the partners and the households."),
            body)
        self.start_hint.setObjectName("todayStartHint")
        self.start_hint.setWordWrap(True)
        self.start_hint.linkActivated.connect(lambda key: self.context.navigate(key, None))
        self.start_hint.setVisible(False)
        self.layout_.addWidget(self.start_hint)
        self.visit_list = self._section(body, self.tr("Visits this week"),
                                    [self.tr("When"), self.tr("Kind"), self.tr("Household")], 3)
        self.action_list = self._section(body, self.tr("Actions due"),
                                     [self.tr("Due"), self.tr("What"), self.tr("Household")], 3)
        self.conflict_list = self._section(body, self.tr("Conflicts to settle"),
                                       [self.tr("Since"), self.tr("Field"), ""], 1)
        self.layout_.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("TodayPage", "Today")

    def _section(self, body: QWidget, title: str, headers: list[str],
                 stretch: int) -> QTreeWidget:
        label = QLabel(body)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.layout_.addWidget(label)
        tree = QTreeWidget(body)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setAccessibleName(title)
        tree.setProperty("title", title)
        tree.setProperty("heading", label)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        tree.setAlternatingRowColors(True)
        tree.itemActivated.connect(self._open)
        tree.itemClicked.connect(self._open)
        self.layout_.addWidget(tree, stretch)
        label.setBuddy(tree)
        return tree

    def load(self, argument: Any = None) -> None:
        today = date.today()
        self.heading.setText(self.tr("Today, %1").replace(
            "%1", today.strftime("%d-%m-%Y")))
        self.context.runner.read(lambda ws: read_overview(ws, today), self._show)

    def _show(self, overview: Overview | None, error: BaseException | None) -> None:
        if overview is None:
            self.context.notify(str(error))
            return
        self.overview = overview
        self.start_hint.setVisible(not overview.has_projects)
        empty = {self.visit_list: self.tr("No visits planned this week."),
                 self.action_list: self.tr("No actions due. Well done."),
                 self.conflict_list: self.tr("No conflicts: everything is settled.")}
        for tree, rows in ((self.visit_list, overview.visits), (self.action_list, overview.actions),
                           (self.conflict_list, overview.conflicts)):
            self._fill(tree, rows, empty[tree])

    def _fill(self, tree: QTreeWidget, rows: Sequence[TodayRow], empty: str) -> None:
        tree.clear()
        heading: QLabel = tree.property("heading")
        heading.setText(f"{tree.property('title')} ({len(rows)})")
        attention = QBrush(theme.attention_colour())
        for row in rows:
            item = QTreeWidgetItem([row.when, row.what, row.who])
            item.setData(0, _TARGET, row.target)
            if row.attention and tree is self.visit_list:  # today's visits stand out
                font = item.font(0)
                font.setBold(True)
                for column in range(3):
                    item.setFont(column, font)
            elif row.attention:
                for column in range(3):
                    item.setForeground(column, attention)
            tree.addTopLevelItem(item)
        if not rows:
            item = QTreeWidgetItem(["", empty, ""])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            tree.addTopLevelItem(item)
        # A short list takes only its rows; a long one shares the page's height.
        line = tree.sizeHintForRow(0)
        tree.setMinimumHeight(line * (min(max(len(rows), 1), 4) + 1) + 8)
        tree.setMaximumHeight(line * (max(len(rows), 1) + 1) + 8)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, _TARGET)
        if target:
            key, argument = target
            self.context.navigate(key, argument)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            self.load()

    def run_command(self, name: str) -> None:
        if name == "refresh":
            self.load()


PAGE = TodayPage
