"""Table models of a coach's records: households, visits, adjustments, actions, a timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from renodesk.core import enums
from renodesk.core.queries.households import HouseholdRow
from renodesk.core.queries.timeline import TimelineItem
from renodesk.core.queries.work import ActionRow, AdjustmentRow, VisitRow
from renodesk.ui.models.base import LazyModel, ListModel, Loader, day, moment

Index = QModelIndex | QPersistentModelIndex


class HouseholdTableModel(LazyModel[HouseholdRow]):
    NAME, ADDRESS, POSTCODE, CITY, PROJECT, STANCE, OPEN_ACTIONS, LAST_CONTACT = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Name"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Address"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Postcode"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "City"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Project"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Stance"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Open actions"),
        QT_TRANSLATE_NOOP("HouseholdTableModel", "Last contact"),
    )

    def display(self, item: HouseholdRow, column: int) -> str:
        match column:
            case self.NAME:
                if item.status == enums.HouseholdStatus.ACTIVE:
                    return item.name
                # Moved out or deceased (shown only on request): said, and the row greyed.
                return f"{item.name} ({enums.HouseholdStatus(item.status).label().lower()})"
            case self.ADDRESS:
                return item.address
            case self.POSTCODE:
                return item.postcode
            case self.CITY:
                return item.city
            case self.PROJECT:
                return item.project_code
            case self.STANCE:
                return enums.Stance(item.stance).label()
            case self.OPEN_ACTIONS:
                return str(item.open_actions) if item.open_actions else ""
            case self.LAST_CONTACT:
                return day(item.last_contact)
        return ""

    def code(self, item: HouseholdRow, column: int) -> str | None:
        return item.stance if column == self.STANCE else None

    def muted(self, item: HouseholdRow) -> bool:
        return item.status != enums.HouseholdStatus.ACTIVE


class VisitTableModel(LazyModel[VisitRow]):
    WHEN, HOUSEHOLD, ADDRESS, KIND, STATUS, VISITORS = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitTableModel", "When"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Household"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Address"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Kind"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Status"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Visitors"),
    )

    def display(self, item: VisitRow, column: int) -> str:
        match column:
            case self.WHEN:
                return moment(item.planned_at)
            case self.HOUSEHOLD:
                return item.household_name
            case self.ADDRESS:
                return item.address
            case self.KIND:
                return enums.VisitKind(item.kind).label()
            case self.STATUS:
                return enums.VisitStatus(item.status).label()
            case self.VISITORS:
                return item.visitors
        return ""

    def code(self, item: VisitRow, column: int) -> str | None:
        return item.status if column == self.STATUS else None


class AdjustmentTableModel(LazyModel[AdjustmentRow]):
    """Adjustments; the status column is editable in place (see ``status_edited``)."""

    HOUSEHOLD, CATEGORY, DESCRIPTION, RESPONSIBLE, DUE, STATUS = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Household"),
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Category"),
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Agreement"),
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Responsible"),
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Due"),
        QT_TRANSLATE_NOOP("AdjustmentTableModel", "Status"),
    )
    #: (adjustment id, new status code): the page carries out the change.
    status_edited = Signal(str, str)

    def __init__(self, loader: Loader[AdjustmentRow]) -> None:
        super().__init__(loader)

    def display(self, item: AdjustmentRow, column: int) -> str:
        match column:
            case self.HOUSEHOLD:
                return item.household_name
            case self.CATEGORY:
                return enums.AdjustmentCategory(item.category).label()
            case self.DESCRIPTION:
                return item.description.splitlines()[0] if item.description else ""
            case self.RESPONSIBLE:
                return item.responsible
            case self.DUE:
                return day(item.due_date)
            case self.STATUS:
                return enums.AdjustmentStatus(item.status).label()
        return ""

    def code(self, item: AdjustmentRow, column: int) -> str | None:
        return item.status if column == self.STATUS else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.STATUS and flags & Qt.ItemFlag.ItemIsEnabled:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index.row())
        if (item is None or index.column() != self.STATUS or role != Qt.ItemDataRole.EditRole
                or value not in {s.value for s in enums.AdjustmentStatus}):
            return False
        if value != item.status:
            self.status_edited.emit(item.id, str(value))
        return True


class ActionTableModel(LazyModel[ActionRow]):
    """Actions; the first column is a tick box (see ``done_toggled``)."""

    DONE, DESCRIPTION, HOUSEHOLD, FOR_WHOM, ASSIGNEE, DUE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ActionTableModel", "Done"),
        QT_TRANSLATE_NOOP("ActionTableModel", "What"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Household"),
        QT_TRANSLATE_NOOP("ActionTableModel", "For whom"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Assignee"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Due"),
    )
    #: (action id, done): the page carries out the change.
    done_toggled = Signal(str, bool)

    def __init__(self, loader: Loader[ActionRow]) -> None:
        super().__init__(loader)

    def display(self, item: ActionRow, column: int) -> str:
        match column:
            case self.DONE:
                return day(item.done_date)
            case self.DESCRIPTION:
                return item.description.splitlines()[0] if item.description else ""
            case self.HOUSEHOLD:
                return item.household_name
            case self.FOR_WHOM:
                return item.for_whom
            case self.ASSIGNEE:
                return item.assignee
            case self.DUE:
                return day(item.due_date)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.DONE:
            item = self.row_at(index.row())
            if item is None:
                return None
            return Qt.CheckState.Checked if item.done_date else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.DONE and flags & Qt.ItemFlag.ItemIsEnabled:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index.row())
        if item is None or index.column() != self.DONE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done != (item.done_date is not None):
            self.done_toggled.emit(item.id, done)
        return True


class TimelineModel(ListModel[TimelineItem]):
    """One part of a household's timeline: the history, or what is planned and open
    (overdue rows in the attention colour, their date bold and their status saying so)."""

    WHEN, WHAT, STATUS, TEXT = range(4)
    DUE = WHEN
    HEADERS = (
        QT_TRANSLATE_NOOP("TimelineModel", "When"),
        QT_TRANSLATE_NOOP("TimelineModel", "What"),
        QT_TRANSLATE_NOOP("TimelineModel", "Status"),
        QT_TRANSLATE_NOOP("TimelineModel", "Details"),
    )
    ENTITY_NAMES = {
        "contact_moment": QT_TRANSLATE_NOOP("TimelineModel", "Contact"),
        "visit": QT_TRANSLATE_NOOP("TimelineModel", "Visit"),
        "adjustment": QT_TRANSLATE_NOOP("TimelineModel", "Agreement"),
        "letter": QT_TRANSLATE_NOOP("TimelineModel", "Letter"),
        "action": QT_TRANSLATE_NOOP("TimelineModel", "Action"),
    }
    ACTION_STATUS = {
        "open": QT_TRANSLATE_NOOP("TimelineModel", "Open"),
        "done": QT_TRANSLATE_NOOP("TimelineModel", "Done"),
    }
    NO_DATE = QT_TRANSLATE_NOOP("TimelineModel", "no date")
    OVERDUE = QT_TRANSLATE_NOOP("TimelineModel", "%1, overdue")

    def id_at(self, row: int) -> str:
        item = self.row_at(row)
        return item.row_id if item is not None else ""

    def display(self, item: TimelineItem, column: int) -> str:
        def tr(text: object) -> str:
            return QCoreApplication.translate("TimelineModel", str(text))

        match column:
            case self.WHEN:
                if item.at is None:
                    return tr(self.NO_DATE)
                return moment(item.at) if item.timed else day(item.at)
            case self.WHAT:
                kind = tr(self.ENTITY_NAMES[item.entity])
                what = item.what_label()
                return f"{kind}: {what}" if what else kind
            case self.STATUS:
                status = (tr(self.ACTION_STATUS[item.status]) if item.entity == "action"
                          else item.status_label())
                return tr(self.OVERDUE).replace("%1", status) if item.overdue else status
            case self.TEXT:
                return item.detail()
        return ""
