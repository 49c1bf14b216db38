"""How a letter reached the tenant, in the interface: the choice when a letter is made
(the letter dialog, batch letters) and the "Bezorgd via..." button of the letters page
that changes it for a kept letter. The labels are the vocabulary's (enum.Delivery.*)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QWidget

from renodesk.core.enums import Delivery


class DeliveryChoice(QComboBox):
    """How a letter about to be made goes out. It follows the suggestion for the letter
    chosen (``suggest``) until the coach picks one; from then on the coach's choice stays."""

    def __init__(self, parent: QWidget, object_name: str = "letterDelivery") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        for delivery in Delivery:
            self.addItem(delivery.label(), delivery.value)
        self.setToolTip(self.tr("Suggested from the kind of letter; choose how it really "
                                "goes out. You can change it later on the Letters page."))
        self.chosen_by_hand = False
        self.activated.connect(self._chosen)  # a person's choice, not setCurrentIndex

    def _chosen(self, _index: int) -> None:
        self.chosen_by_hand = True

    def suggest(self, delivery: Delivery) -> None:
        """Show ``delivery`` unless the coach already chose one."""
        if not self.chosen_by_hand:
            self.setCurrentIndex(self.findData(delivery.value))

    def delivery(self) -> Delivery:
        return Delivery(self.currentData())


class DeliveryButton(QPushButton):
    """"Bezorgd via...": a menu with the ways a letter can go out, the kept letter's own
    ticked. A menu rather than a list box: a turn of the mouse wheel over a list box would
    change a kept letter by accident."""

    chosen = Signal(str)  # the Delivery code the coach picked

    def __init__(self, parent: QWidget) -> None:
        super().__init__(self.tr("&Delivered via..."), parent)
        self.setObjectName("letterDeliveryChange")
        self.setToolTip(self.tr("Record how the selected letter reached the tenant. The "
                                "letter itself does not change."))
        menu = QMenu(self)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_code: dict[str, QAction] = {}
        for delivery in Delivery:
            action = menu.addAction(delivery.label())
            action.setCheckable(True)
            action.setData(delivery.value)
            group.addAction(action)
            self.actions_by_code[delivery.value] = action
        group.triggered.connect(lambda action: self.chosen.emit(str(action.data())))
        self.setMenu(menu)
        self.show_delivery(None)

    def show_delivery(self, code: str | None) -> None:
        """Tick the selected letter's delivery; no letter selected: nothing to change."""
        self.setEnabled(code is not None)
        for value, action in self.actions_by_code.items():
            action.setChecked(value == code)
