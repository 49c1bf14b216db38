"""Record what a vulnerable household needs, right on its profile: add, change and remove
its vulnerabilities and the partners involved, beside the profile's two tables.

Every save is one use case of :mod:`renodesk.core.needs` run by the page's runner, in
one of the dialogs of :mod:`renodesk.ui.widgets.needs_dialogs`; the tables follow the
workspace's changes by themselves (as the guidance panel does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums, needs
from renodesk.ui.widgets.needs_dialogs import (
    InvolvementDialog,
    VulnerabilityDialog,
    weight_labels,
)

if TYPE_CHECKING:
    from renodesk.core.queries.households import (
        HouseholdProfile,
        InvolvementItem,
        VulnerabilityItem,
    )
    from renodesk.core.setup import Saved
    from renodesk.core.workspace import Change, Workspace
    from renodesk.ui.pages.base import PageContext

ID_ROLE = Qt.ItemDataRole.UserRole
DialogT = TypeVar("DialogT", bound=QDialog)
WATCHED = frozenset({"vulnerability", "involvement"})


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _focus_consent(page: QWidget) -> None:
    """Bring the profile's consent section into view and put the cursor on its basis."""
    field = page.findChild(QWidget, "consent_basis")
    if field is None:
        return
    scroll = field.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(field)
    field.setFocus(Qt.FocusReason.OtherFocusReason)


class NeedsEditor(QObject):
    """Add, change and remove buttons beside the profile's vulnerabilities and partners
    tables, which it fills and keeps up to date (row data: the record's id)."""

    def __init__(self, context: PageContext, vulnerabilities: QTreeWidget,
                 partners: QTreeWidget, page: QWidget) -> None:
        super().__init__(page)
        self.context = context
        self.page = page
        self.household_id: str | None = None
        self.current: needs.HouseholdNeeds | None = None
        self.vulnerabilities = vulnerabilities
        self.partners = partners
        self._remove_buttons: dict[QObject, QPushButton] = {}
        self.vulnerability_buttons = self._buttons(
            vulnerabilities, "Vulnerability", self.tr("Add a vulnerability"),
            self.tr("Change the chosen vulnerability"),
            self.tr("Remove the chosen vulnerability"))
        self.partner_buttons = self._buttons(
            partners, "Partner", self.tr("Involve a partner"),
            self.tr("Change the chosen partner's role or consent"),
            self.tr("End the chosen partner's involvement"))
        header = partners.header()
        header.setStretchLastSection(False)  # the role gets the room, not "may share"
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        context.runner.changes.connect(self._changed)

    # -- building ---------------------------------------------------------------
    def _buttons(self, tree: QTreeWidget, name: str, add: str, change: str,
                 remove: str) -> tuple[QPushButton, QPushButton, QPushButton]:
        host = tree.parentWidget()
        holder = QWidget(host)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        layout = host.layout() if host is not None else None
        if layout is not None:
            layout.replaceWidget(tree, holder)  # same place, same stretch
        row.addWidget(tree, 1)
        column = QVBoxLayout()
        buttons = []
        for text, tip, suffix in ((self.tr("Add…"), add, "Add"),
                                  (self.tr("Change…"), change, "Change"),
                                  (self.tr("Remove"), remove, "Remove")):
            button = QPushButton(text, holder)
            button.setObjectName(f"{suffix.lower()}{name}")
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            column.addWidget(button)
            buttons.append(button)
        column.addStretch(1)
        row.addLayout(column)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        add_button, change_button, remove_button = buttons
        is_vulnerability = tree is self.vulnerabilities
        add_button.clicked.connect(self.add_vulnerability if is_vulnerability
                                   else self.involve_partner)
        change_button.clicked.connect(self.change_vulnerability if is_vulnerability
                                      else self.change_involvement)
        remove_button.clicked.connect(self.remove_vulnerability if is_vulnerability
                                      else self.end_involvement)
        tree.itemActivated.connect(lambda _item, _column: change_button.click())
        tree.installEventFilter(self)  # Delete on a row removes it (see eventFilter)
        self._remove_buttons[tree] = remove_button
        tree.currentItemChanged.connect(lambda *_: self._enable())
        return add_button, change_button, remove_button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Delete key on a table removes its chosen row (after asking)."""
        button = self._remove_buttons.get(watched)
        if (button is not None and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete and button.isEnabled()):
            button.click()
            return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------
    def show_profile(self, profile: HouseholdProfile) -> None:
        """Fill the tables from a profile just loaded by the page."""
        self.household_id = str(profile.household["id"])
        self.show_needs(needs.HouseholdNeeds(self.household_id, profile.sensitive_shown,
                                             profile.vulnerabilities, profile.involvements))

    def show_needs(self, found: needs.HouseholdNeeds) -> None:
        if found.household_id != self.household_id:
            return  # another household was opened meanwhile
        self.current = found
        labels = weight_labels()
        self._fill(self.vulnerabilities, [
            (item.id, [enums.VulnerabilityCategory(item.category).label(),
                       labels.get(item.weight, str(item.weight)), _one_line(item.implications)])
            for item in found.vulnerabilities])
        yes, no = self.tr("yes"), self.tr("no")
        self._fill(self.partners, [
            (item.id, [f"{item.partner_name} ({enums.PartnerKind(item.partner_kind).label()})",
                       item.role, yes if item.consent_to_share else no])
            for item in found.involvements])
        self._enable()

    @staticmethod
    def _fill(tree: QTreeWidget, rows: list[tuple[str, list[str]]]) -> None:
        chosen = tree.currentItem()
        keep = chosen.data(0, ID_ROLE) if chosen is not None else None
        tree.clear()
        for row_id, texts in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, ID_ROLE, row_id)
            for column, value in enumerate(texts):
                item.setToolTip(column, value)  # whole text where a column cuts it off
            tree.addTopLevelItem(item)
            if row_id == keep:
                tree.setCurrentItem(item)

    def _enable(self) -> None:
        has_household = self.household_id is not None
        for tree, buttons in ((self.vulnerabilities, self.vulnerability_buttons),
                              (self.partners, self.partner_buttons)):
            add_button, change_button, remove_button = buttons
            add_button.setEnabled(has_household)
            chosen = tree.currentItem() is not None
            change_button.setEnabled(chosen)
            remove_button.setEnabled(chosen)

    def _changed(self, changes: list[Change]) -> None:
        household_id = self.household_id
        if household_id and any(
                c.entity == "partner" or (c.entity in WATCHED and c.household_id == household_id)
                for c in changes):
            self.context.runner.read(lambda ws: needs.read_needs(ws, household_id),
                                     self._reloaded)

    def _reloaded(self, found: needs.HouseholdNeeds | None, error: BaseException | None) -> None:
        if found is None:
            self.context.notify(str(error))
            return
        self.show_needs(found)

    # -- acting -----------------------------------------------------------------
    def _chosen_vulnerability(self) -> VulnerabilityItem | None:
        chosen = self.vulnerabilities.currentItem()
        if chosen is None or self.current is None:
            return None
        row_id = chosen.data(0, ID_ROLE)
        return next((v for v in self.current.vulnerabilities if v.id == row_id), None)

    def _chosen_involvement(self) -> InvolvementItem | None:
        chosen = self.partners.currentItem()
        if chosen is None or self.current is None:
            return None
        row_id = chosen.data(0, ID_ROLE)
        return next((i for i in self.current.involvements if i.id == row_id), None)

    def _shown(self) -> bool:
        return self.current is not None and self.current.sensitive_shown

    def go_to_consent(self) -> None:
        _focus_consent(self.page)

    def _open(self, dialog_class: Callable[..., DialogT], item: object) -> DialogT | None:
        """Open a dialog about ``item`` (None: a new one) for the household in view;
        window-modal, deleted once closed."""
        if self.household_id is None:
            return None
        dialog = dialog_class(self.context, self.household_id, item, self._shown(),
                              self.go_to_consent, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_vulnerability(self) -> VulnerabilityDialog | None:
        return self._open(VulnerabilityDialog, None)

    def change_vulnerability(self) -> VulnerabilityDialog | None:
        item = self._chosen_vulnerability()
        return None if item is None else self._open(VulnerabilityDialog, item)

    def involve_partner(self) -> InvolvementDialog | None:
        return self._open(InvolvementDialog, None)

    def change_involvement(self) -> InvolvementDialog | None:
        item = self._chosen_involvement()
        return None if item is None else self._open(InvolvementDialog, item)

    def confirm(self, title: str, question: str) -> bool:
        """Ask before removing (tests answer for the coach)."""
        answer = QMessageBox.question(
            self.page, title, question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_vulnerability(self) -> None:
        item = self._chosen_vulnerability()
        if item is None:
            return
        label = enums.VulnerabilityCategory(item.category).label()
        if self.confirm(self.tr("Remove vulnerability"), self.tr(
                "Remove the vulnerability '%1' from this household?").replace("%1", label)):
            self._remove(lambda ws: needs.remove_vulnerability(ws, item.id),
                         self.tr("The vulnerability is removed."))

    def end_involvement(self) -> None:
        item = self._chosen_involvement()
        if item is None:
            return
        if self.confirm(self.tr("End involvement"), self.tr(
                "Is %1 no longer involved with this household? The organisation stays "
                "in the list of partners.").replace("%1", item.partner_name)):
            self._remove(lambda ws: needs.end_involvement(ws, item.id),
                         self.tr("The partner is no longer involved."))

    def _remove(self, work: Callable[[Workspace], Saved], said: str) -> None:
        def done(_saved: Saved | None, error: BaseException | None) -> None:
            self.context.notify(said if error is None else str(error))

        self.context.runner.write(work, done)
