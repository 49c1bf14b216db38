"""Pieces of the privacy page: the erasure confirmation and offer (also used by the
household profile when consent is withdrawn) and the privacy statement.

Not a page itself (it is not in the registry).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.errors import RenoDeskError
from renodesk.core.privacy import SensitiveHoldings

if TYPE_CHECKING:
    from renodesk.core.erasure import ErasureResult
    from renodesk.ui.pages.base import PageContext


class ConfirmErasure(QDialog):
    """Says plainly what will be erased; Erase stays disabled until the officer ticks
    that it cannot be undone."""

    def __init__(self, name: str, sensitive_only: bool,
                 holdings: SensitiveHoldings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmErasure")
        self.setWindowTitle(self.tr("Erase data"))
        if sensitive_only:
            what = self.tr(
                "The sensitive data of %1 will be erased: vulnerabilities, notes, the "
                "safety note, the resistance assessment, partner roles and visit notes. "
                "Name, address, visits and agreements stay.").replace("%1", name)
        else:
            what = self.tr(
                "Everything about %1 will be erased: the profile, visits, contact moments, "
                "agreements, actions, letters and unsaved drafts. Only an empty marker "
                "without personal data stays, so other laptops erase it too.").replace(
                "%1", name)
        text = QLabel(what, self)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        if holdings is not None and sensitive_only:
            counted = QLabel(self.tr("Held now: %1, %2, %3, %4.")
                .replace("%1", self.tr("%n sensitive profile field(s)", "",
                                       len(holdings.household_fields)))
                .replace("%2", self.tr("%n vulnerability(ies)", "", holdings.vulnerabilities))
                .replace("%3", self.tr("%n partner role(s)", "", holdings.involvement_roles))
                .replace("%4", self.tr("%n visit note(s)", "", holdings.visit_notes)), self)
            counted.setWordWrap(True)
            layout.addWidget(counted)
        after = QLabel(self.tr(
            "Afterwards: sync, and ask every colleague to sync too. This laptop's "
            "database is cleaned at once; the other laptops clean theirs after their sync."),
            self)
        after.setWordWrap(True)
        layout.addWidget(after)
        self.understood = QCheckBox(self.tr("I understand that this cannot be undone"), self)
        self.understood.setObjectName("erasureUnderstood")
        layout.addWidget(self.understood)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(self.tr("Erase"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        self.understood.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def offer_erasure(parent: QWidget, context: PageContext, household_id: str, name: str,
                  sensitive_only: bool, holdings: SensitiveHoldings | None,
                  after: Callable[[], None]) -> bool:
    """Ask with :class:`ConfirmErasure` and, when confirmed, erase in the background and
    say so; ``after`` runs once the erasure is done. Returns whether it was confirmed."""
    from renodesk.core.erasure import erase_household

    dialog = ConfirmErasure(name, sensitive_only, holdings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False

    def done(result: ErasureResult | None, error: BaseException | None) -> None:
        if result is None:
            context.notify(error.message() if isinstance(error, RenoDeskError) else str(error))
            return
        context.notify(QCoreApplication.translate(
            "PrivacyPage", "Erased. Sync now, and ask your colleagues to sync."))
        after()

    context.runner.write(
        lambda ws: erase_household(ws, household_id, sensitive_only=sensitive_only), done)
    return True


def privacy_statement(parent: QWidget) -> QTextBrowser:
    """The privacy statement for the privacy officer (the long form is PRIVACY.md)."""
    view = QTextBrowser(parent)
    view.setObjectName("privacyStatement")
    view.setOpenExternalLinks(False)
    sections = [
        (QCoreApplication.translate("PrivacyStatement", "What RenoDesk stores"),
         QCoreApplication.translate("PrivacyStatement",
            "Per tenant: name, address, phone, e-mail, language, contact person, how they "
            "want to be contacted, their stance on the renovation, contact moments, home "
            "visits, tailored agreements, actions and letters. Sensitive data (what a "
            "vulnerability means for the works, notes, the safety note, the resistance "
            "assessment) is only recorded after a basis is set, such as the tenant's "
            "explicit consent. No citizen service number (BSN) and no diagnoses: RenoDesk "
            "records the need, not the illness, and warns when a text looks like a BSN or "
            "a bank account number.")),
        (QCoreApplication.translate("PrivacyStatement", "Where, and how it is protected"),
         QCoreApplication.translate("PrivacyStatement",
            "In one encrypted database file (SQLCipher, AES-256) in the coach's own data "
            "folder. Its random key is kept in the operating system's keyring, or derived "
            "from a passphrase; it is never written in plain text. The window locks after "
            "a few idle minutes.")),
        (QCoreApplication.translate("PrivacyStatement", "Sync"),
         QCoreApplication.translate("PrivacyStatement",
            "Laptops of a team exchange changes through a shared folder or a RenoDesk "
            "server. Everything that leaves the laptop is encrypted and signed with the "
            "team key (AES-256-GCM) before it is written: the folder and the server only "
            "ever hold ciphertext. The team key lives in the keyring of the team's laptops.")),
        (QCoreApplication.translate("PrivacyStatement", "Who can see it"),
         QCoreApplication.translate("PrivacyStatement",
            "The coaches of the team on their own laptops. When consent is withdrawn, "
            "the household's profile hides the sensitive data at once. Every view of "
            "sensitive data, every change, export, print and erasure is recorded in the "
            "audit trail: who, when, what and on which laptop, never the values themselves.")),
        (QCoreApplication.translate("PrivacyStatement", "How long"),
         QCoreApplication.translate("PrivacyStatement",
            "The organisation sets the retention: sensitive data a number of months after "
            "the project's aftercare ends, the whole record a number of months after the "
            "tenancy ends. The privacy page lists what is due and erases it in one step.")),
        (QCoreApplication.translate("PrivacyStatement", "Access and erasure"),
         QCoreApplication.translate("PrivacyStatement",
            "A tenant's access request is answered with a readable PDF, a complete JSON "
            "file and the letters. Erasure deletes the data, its history and old database "
            "pages on this laptop, and reaches the other laptops by sync. Old encrypted "
            "sync files stay on the shared folder or server until the team replaces them; "
            "they can only be read with the team key.")),
        (QCoreApplication.translate("PrivacyStatement", "Logs"),
         QCoreApplication.translate("PrivacyStatement",
            "The log file and crash reports hold record numbers and error codes, never "
            "names, notes or other personal data.")),
    ]
    html = "".join(f"<h3>{title}</h3><p>{body}</p>" for title, body in sections)
    view.setHtml(html)
    return view
