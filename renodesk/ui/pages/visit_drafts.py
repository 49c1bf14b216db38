"""The banner above the visit editor that offers back text typed but never saved (left
behind by a crash or a closed window): restore it into the form, or discard it.

Its texts keep the translation context ``VisitsPage`` (hence the explicit
``QCoreApplication.translate``): they are the visits page's words, translated with it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from renodesk.core.drafts import Draft, DraftStore
from renodesk.ui.pages.base import PageContext


class DraftBanner(QFrame):
    """Offers one visit's draft back; hidden while there is none to offer."""

    #: The coach wants the draft back: its content, for the report form.
    restored = Signal(object)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pending: Draft | None = None
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(
            QCoreApplication.translate("VisitsPage", "&Restore"), self)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(
            QCoreApplication.translate("VisitsPage", "&Discard"), self)
        self.discard_button.setObjectName("discardDraft")
        self.restore_button.clicked.connect(self.restore)
        self.discard_button.clicked.connect(self.discard)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.setVisible(False)

    def offer(self, draft: Draft | None, typed: dict[str, Any]) -> None:
        """Show the banner when ``draft`` holds something else than the form (``typed``)."""
        self.pending = draft
        if draft is None or draft.content == typed:
            self.setVisible(False)
            return
        self.text.setText(QCoreApplication.translate(
            "VisitsPage", "Text typed on %1 was not saved. Do you want it back?").replace(
            "%1", draft.updated_at.strftime("%d-%m-%Y %H:%M")))
        self.setVisible(True)
        self.restore_button.setFocus()

    def restore(self) -> None:
        """Put the draft back in the form; it is saved with the report."""
        if self.pending is not None:
            self.restored.emit(self.pending.content)
        self.setVisible(False)
        self.context.notify(QCoreApplication.translate(
            "VisitsPage", "The unsaved text is back. Save it with Ctrl+S."))

    def discard(self) -> None:
        """Throw the draft away."""
        self.setVisible(False)
        if self.pending is None:
            return
        key = self.pending.key
        self.pending = None
        self.context.runner.read(lambda ws: DraftStore(ws.engine).discard(key),
                                 lambda _r, _e: None)
