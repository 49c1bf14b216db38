"""Acties: follow-up tasks, overdue ones in red; tick one off in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy import Connection

from renodesk.core.queries.work import ActionRow, WorkFilter, action_ids, action_rows
from renodesk.core.visits import complete_action, reopen_action
from renodesk.ui.models.records import ActionTableModel
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.records_kit import lazy_loader, table
from renodesk.ui.pages.worklist import WorkListPage


class ActionsPage(WorkListPage[ActionRow]):
    key = "actions"
    icon = "actions"
    WATCHED = frozenset({"action"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._model = ActionTableModel(lazy_loader(context.runner, action_rows))
        self._model.done_toggled.connect(self.set_done)
        self.view = table(self, self._model, self.tr("Actions"), ActionTableModel.DESCRIPTION)
        self.view.setObjectName("actionTable")
        header = self.view.horizontalHeader()
        header.resizeSection(ActionTableModel.DONE, 110)
        header.resizeSection(ActionTableModel.HOUSEHOLD, 170)
        header.resizeSection(ActionTableModel.FOR_WHOM, 130)
        header.resizeSection(ActionTableModel.ASSIGNEE, 140)
        header.resizeSection(ActionTableModel.DUE, 100)
        self._layout(self.view, self.tr(
            "Tick an action off with the box in the first column (or the space bar). "
            "Double-click another column to open the household."))

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ActionsPage", "Actions")

    def model(self) -> ActionTableModel:
        return self._model

    def fetch_ids(self) -> Callable[[Connection, WorkFilter], list[str]]:
        return action_ids

    def fetch_rows(self) -> Callable[[Connection, Sequence[str]], list[ActionRow]]:
        return action_rows

    def count_text(self, count: int) -> str:
        return self.tr("%n action(s)", "", count)

    def set_done(self, action_id: str, done: bool) -> None:
        use_case = complete_action if done else reopen_action
        self.context.runner.write(lambda ws: use_case(ws, action_id),
                                  lambda result, error: self._done_set(action_id, done, result,
                                                                       error))

    def _done_set(self, action_id: str, done: bool, result: Any,
                  error: BaseException | None) -> None:
        if error is None:
            self.context.notify(self.tr("Action done. Untick it to open it again.") if done
                                else self.tr("Action open again."))
        self.changed(action_id, result, error)


PAGE = ActionsPage
