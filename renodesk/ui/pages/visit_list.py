"""The list side of the visits page: the visits, filtered by status or from today on,
read in blocks as the coach scrolls.

Its texts keep the translation context ``VisitsPage`` (hence the explicit
``QCoreApplication.translate``): they are the visits page's words, translated with it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from renodesk.core import enums
from renodesk.core.queries.work import WorkFilter, visit_rows
from renodesk.ui.models.base import ID_ROLE
from renodesk.ui.models.records import VisitTableModel
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.records_kit import fill_vocabulary, lazy_loader, table
from renodesk.ui.pages.visit_data import VisitList, list_visits


class VisitListPanel(QWidget):
    """The filters, the count and the table of visits."""

    #: A visit was chosen (clicked, or Enter on its row): its id.
    picked = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self.model = VisitTableModel(lazy_loader(context.runner, visit_rows))
        self.status = QComboBox(self)
        self.status.setAccessibleName(QCoreApplication.translate("VisitsPage", "Status"))
        fill_vocabulary(self.status, enums.VisitStatus,
                        QCoreApplication.translate("VisitsPage", "Any status"))
        self.upcoming = QCheckBox(QCoreApplication.translate("VisitsPage", "From today on"), self)
        self.count = QLabel(self)
        self.view = table(self, self.model, QCoreApplication.translate("VisitsPage", "Visits"),
                          VisitTableModel.VISITORS)
        self.view.setObjectName("visitTable")
        header = self.view.horizontalHeader()
        # Beside an open visit the list is ~560 px wide at 1366: when, who, what and how it
        # stands come first; the address (also in the editor's heading) after them.
        for section, width in ((VisitTableModel.WHEN, 125), (VisitTableModel.HOUSEHOLD, 150),
                               (VisitTableModel.KIND, 150), (VisitTableModel.STATUS, 95),
                               (VisitTableModel.ADDRESS, 150)):
            header.resizeSection(section, width)
        header.moveSection(header.visualIndex(VisitTableModel.ADDRESS),
                           header.visualIndex(VisitTableModel.STATUS))
        self.view.activated.connect(self._picked)
        self.view.clicked.connect(self._picked)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.upcoming.toggled.connect(lambda _on: self.refresh())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.upcoming)
        filters.addStretch(1)
        filters.addWidget(self.count)
        column.addLayout(filters)
        column.addWidget(self.view, 1)

    def current_filter(self) -> WorkFilter:
        """The visits the coach asked for."""
        return WorkFilter(status=self.status.currentData(),
                          date_from=datetime.now().date() if self.upcoming.isChecked() else None)

    def refresh(self) -> None:
        """Read the list again (a slower earlier read that arrives late is ignored)."""
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()

        def shown(result: VisitList | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if result is None:
                self.context.notify(str(error))
                return
            self.model.set_ids(result.ids, result.first_rows)
            self.count.setText(
                QCoreApplication.translate("VisitsPage", "%n visit(s)", "", len(result.ids)))

        self.context.runner.read(lambda ws: list_visits(ws, flt), shown)

    def _picked(self, index: QModelIndex) -> None:
        visit_id = index.data(ID_ROLE)
        if visit_id:
            self.picked.emit(str(visit_id))
