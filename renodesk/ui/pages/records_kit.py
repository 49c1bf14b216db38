"""Pieces the records pages share: a table view, a lazy loader, vocabulary pickers.

Not a page itself (it is not in the registry).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from sqlalchemy import Connection

from renodesk.core.enums import Labelled
from renodesk.ui.models.base import CODE_ROLE, Loader
from renodesk.ui.worker import Runner

T = TypeVar("T")


def table(parent: QWidget, model: QAbstractItemModel, name: str,
          stretch: int | None = None) -> QTableView:
    """A read-mostly table: whole rows selected, no grid, readable row height."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(140)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as a keyboard user expects
    return view


def lazy_loader(runner: Runner, fetch: Callable[[Connection, list[str]], Sequence[T]]) -> Loader[T]:
    """A model loader that fetches rows on the worker thread and delivers them back."""

    def load(ids: list[str], deliver: Callable[[Sequence[T]], None]) -> None:
        def work(ws: Any) -> Sequence[T]:
            with ws.engine.connect() as conn:
                return fetch(conn, ids)

        runner.read(work, lambda rows, _error: deliver(rows or []))

    return load


def fill_vocabulary(combo: QComboBox, vocabulary: type[Labelled],
                    any_label: str | None = None) -> None:
    """Fill ``combo`` with a vocabulary's labels (data: the codes); optionally an 'any' entry."""
    combo.clear()
    if any_label is not None:
        combo.addItem(any_label, None)
    for member in vocabulary:
        combo.addItem(member.label(), member.value)


def select_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


Index = QModelIndex | QPersistentModelIndex


class VocabularyDelegate(QStyledItemDelegate):
    """Edits a labelled cell in place with a drop-down of the vocabulary."""

    def __init__(self, vocabulary: type[Labelled], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vocabulary = vocabulary

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))
        fill_vocabulary(combo, self.vocabulary)
        # Commit as soon as a choice is made: one click, no Enter needed.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        select_code(editor, index.data(CODE_ROLE))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
