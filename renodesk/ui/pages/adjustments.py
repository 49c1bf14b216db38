"""Afspraken: every tailored agreement, overdue ones in red; change a status in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QWidget
from sqlalchemy import Connection

from renodesk.core import enums
from renodesk.core.queries.work import AdjustmentRow, WorkFilter, adjustment_ids, adjustment_rows
from renodesk.core.visits import set_adjustment_status
from renodesk.ui.models.records import AdjustmentTableModel
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.records_kit import VocabularyDelegate, lazy_loader, table
from renodesk.ui.pages.worklist import WorkListPage


class AdjustmentsPage(WorkListPage[AdjustmentRow]):
    key = "adjustments"
    icon = "adjustments"
    WATCHED = frozenset({"adjustment"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._model = AdjustmentTableModel(lazy_loader(context.runner, adjustment_rows))
        self._model.status_edited.connect(self.set_status)
        self.view = table(self, self._model, self.tr("Agreements"),
                          AdjustmentTableModel.DESCRIPTION)
        self.view.setObjectName("adjustmentTable")
        self.view.setItemDelegateForColumn(AdjustmentTableModel.STATUS,
                                           VocabularyDelegate(enums.AdjustmentStatus, self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.view.horizontalHeader()
        header.resizeSection(AdjustmentTableModel.HOUSEHOLD, 160)
        header.resizeSection(AdjustmentTableModel.CATEGORY, 190)
        header.resizeSection(AdjustmentTableModel.RESPONSIBLE, 160)
        header.resizeSection(AdjustmentTableModel.DUE, 100)
        header.resizeSection(AdjustmentTableModel.STATUS, 110)
        self._layout(self.view, self.tr(
            "Change a status: select it and press F2, or double-click it. "
            "Double-click another column to open the household."))

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AdjustmentsPage", "Agreements")

    def model(self) -> AdjustmentTableModel:
        return self._model

    def fetch_ids(self) -> Callable[[Connection, WorkFilter], list[str]]:
        return adjustment_ids

    def fetch_rows(self) -> Callable[[Connection, Sequence[str]], list[AdjustmentRow]]:
        return adjustment_rows

    def count_text(self, count: int) -> str:
        return self.tr("%n agreement(s)", "", count)

    def set_status(self, adjustment_id: str, status: str) -> None:
        self.context.runner.write(
            lambda ws: set_adjustment_status(ws, adjustment_id, status),
            lambda result, error: self._status_set(adjustment_id, status, result, error))

    def _status_set(self, adjustment_id: str, status: str, result: Any,
                    error: BaseException | None) -> None:
        if error is None:
            self.context.notify(self.tr("Status changed to: %1").replace(
                "%1", enums.AdjustmentStatus(status).label()))
        self.changed(adjustment_id, result, error)


PAGE = AdjustmentsPage
