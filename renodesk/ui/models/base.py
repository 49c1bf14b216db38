"""The two shapes of table model: all rows at hand, or ids with rows fetched lazily."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from renodesk.ui import theme

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: The record id of a row (str).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The query row itself (a dataclass from renodesk.core.queries).
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
#: True when the row is overdue (shown in the attention colour, its due date bold).
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
#: The vocabulary code behind a labelled cell (e.g. an adjustment's status).
CODE_ROLE = Qt.ItemDataRole.UserRole + 4

#: Rows fetched at once when a lazy model meets a row it does not hold yet.
BLOCK = 64

#: loader(ids, deliver): fetch the rows of ``ids`` (in the background) and call deliver(rows).
Loader = Callable[[list[str], Callable[[Sequence[T]], None]], None]


def day(value: date | datetime | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def moment(value: datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


@dataclass(frozen=True)
class _Cells:
    texts: tuple[str, ...]
    overdue: bool
    muted: bool
    item: Any


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TEXT = frozenset({_DISPLAY, int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.EditRole)})
_ANSWERED = _TEXT | {int(ID_ROLE), int(ROW_ROLE), int(CODE_ROLE), int(OVERDUE_ROLE), _FONT,
                     int(Qt.ItemDataRole.ForegroundRole)}


class RowsModel(QAbstractTableModel, Generic[T]):
    """Base of the table models. Subclasses set HEADERS (marked with QT_TRANSLATE_NOOP in
    their own class's context) and implement :meth:`display`."""

    #: Header texts in English, marked with QT_TRANSLATE_NOOP (typed ``object`` there).
    HEADERS: ClassVar[tuple[object, ...]] = ()
    #: The column of the due date, set in bold on an overdue row (the rest of the row is
    #: only coloured: a list with many late rows stays readable).
    DUE: ClassVar[int | None] = None

    def __init__(self) -> None:
        super().__init__()
        self._bold = QFont()
        self._bold.setBold(True)
        self._cells: dict[int, _Cells] = {}

    # -- to implement ---------------------------------------------------------
    def row_at(self, row: int) -> T | None:
        raise NotImplementedError

    def id_at(self, row: int) -> str:
        raise NotImplementedError

    def display(self, item: T, column: int) -> str:
        raise NotImplementedError

    def code(self, item: T, column: int) -> str | None:
        """The vocabulary code shown (labelled) in ``column``, if any."""
        return None

    def overdue(self, item: T) -> bool:
        return bool(getattr(item, "overdue", False))

    def muted(self, item: T) -> bool:
        """True for a row shown greyed (e.g. a household that moved out)."""
        return False

    # -- Qt -------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(type(self).__name__, str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for ~8 roles of every visible cell on each paint: answer the common
        # ones from a per-row cache and the rest without touching the row.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if role == ID_ROLE:
            return self.id_at(row)
        cells = self._cells.get(row)
        if cells is None:
            item = self.row_at(row)
            if item is None:
                return "…" if role == _DISPLAY and index.column() == 0 else None
            cells = _Cells(tuple(self.display(item, c) for c in range(len(self.HEADERS))),
                           self.overdue(item), self.muted(item), item)
            self._cells[row] = cells
        if role in _TEXT:
            return cells.texts[index.column()]
        if role == ROW_ROLE:
            return cells.item
        if role == CODE_ROLE:
            return self.code(cells.item, index.column())
        if role == OVERDUE_ROLE:
            return cells.overdue
        if cells.muted and role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if not cells.overdue:
            return None
        if role == _FONT:
            return self._bold if index.column() == self.DUE else None
        return theme.attention_colour()

    def forget_cells(self, row: int | None = None) -> None:
        """Drop cached texts (all, or of one row) after the rows changed."""
        if row is None:
            self._cells.clear()
        else:
            self._cells.pop(row, None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # still loading, or deleted meanwhile
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of(self, row_id: str) -> int:
        """The row showing ``row_id``, or -1."""
        for row in range(self.rowCount()):
            if self.id_at(row) == row_id:
                return row
        return -1


class ListModel(RowsModel[T]):
    """All rows at hand (a project's roster, a household's timeline)."""

    def __init__(self, rows: Sequence[T] = ()) -> None:
        super().__init__()
        self._rows: list[T] = list(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.forget_cells()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> str:
        item = self.row_at(row)
        return str(getattr(item, "id", "")) if item is not None else ""


class LazyModel(RowsModel[T]):
    """Holds the ordered ids of a whole list; fetches rows in blocks as the view needs them.

    A view over 20,000 households asks only for the rows on screen; those arrive
    through ``loader`` (off the UI thread in the app, at once in tests). A row that
    has not arrived shows "…"; one deleted meanwhile stays disabled.
    """

    def __init__(self, loader: Loader[T]) -> None:
        super().__init__()
        self._loader = loader
        self._ids: list[str] = []
        self._rows: dict[str, T] = {}
        self._asked: set[int] = set()  # blocks requested
        self._generation = 0
        self._inside_data = False

    def set_ids(self, ids: Sequence[str], first_rows: Sequence[T] = ()) -> None:
        """Show a new list; ``first_rows`` (fetched with the ids) fill the first screen."""
        self.beginResetModel()
        self.forget_cells()
        self._generation += 1
        self._ids = list(ids)
        self._rows = {str(getattr(r, "id")): r for r in first_rows}  # noqa: B009
        self._asked = {0} if first_rows else set()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row] if 0 <= row < len(self._ids) else ""

    def row_at(self, row: int) -> T | None:
        if not 0 <= row < len(self._ids):
            return None
        found = self._rows.get(self._ids[row])
        if found is None:
            self._request(row // BLOCK)
            found = self._rows.get(self._ids[row])
        return found

    def _request(self, block: int) -> None:
        if block in self._asked:
            return
        self._asked.add(block)
        generation = self._generation
        wanted = self._ids[block * BLOCK:(block + 1) * BLOCK]

        def deliver(rows: Sequence[T]) -> None:
            if generation != self._generation:
                return  # a newer list replaced this one meanwhile
            for item in rows:
                self._rows[str(getattr(item, "id"))] = item  # noqa: B009
            if not self._inside_data:
                first = block * BLOCK
                last = min(first + BLOCK, len(self._ids)) - 1
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, self.columnCount() - 1))

        self._inside_data = True
        try:
            self._loader(wanted, deliver)
        finally:
            self._inside_data = False

    def replace_row(self, item: T) -> None:
        """Show a fresh copy of one row (after a change to it)."""
        row_id = str(getattr(item, "id"))  # noqa: B009
        self._rows[row_id] = item
        row = self.row_of(row_id)
        if row >= 0:
            self.forget_cells(row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1
