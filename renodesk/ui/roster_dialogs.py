"""Who is responsible for what: a roster entry (an existing team member or a new one) and
a partner organisation involved in a project (an existing one or a new one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QWidget

from renodesk.core import enums
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.setup_dialogs import SetupDialog

if TYPE_CHECKING:
    from renodesk.core.queries.projects import RosterItem
    from renodesk.core.setup import Known
    from renodesk.ui.worker import Runner


class RosterDialog(SetupDialog):
    """Put someone on the roster (pick a team member or add one), or change an entry."""

    def __init__(self, runner: Runner, project_id: str, members: Sequence[Known],
                 entry: RosterItem | None = None, tenant_facing: bool = True,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Add to the roster") if entry is None else self.tr("Edit roster entry")
        super().__init__(runner, title, parent)
        self.setObjectName("rosterDialog")
        self.project_id = project_id
        self.entry = entry
        self.member = QComboBox(self)
        self.member.setObjectName("setup-member")
        if entry is None:
            for known in members:
                label = (self.tr("%1 (you)").replace("%1", known.name) if not known.id
                         else f"{known.name} ({enums.RosterRole(known.code).label()})")
                self.member.addItem(label, known.id)
            self.member.addItem(self.tr("A new team member..."), None)
        else:
            self.member.addItem(entry.member_name, entry.member_id)
            self.member.setEnabled(False)
        #: The coach of this laptop when not in the team yet: picking them adds them.
        self.yourself = next((known.name for known in members if not known.id), "")
        self.errors.add_row(self.form, "member_id", self.tr("&Who"), self.member)
        self.member_name = self.line("member_name", self.tr("&Name"))
        self.member_organisation = self.line(
            "member_organisation", self.tr("&Organisation"),
            entry.organisation if entry else "", self.tr("e.g. the contractor"))
        self.member_phone = self.line("member_phone", self.tr("P&hone"),
                                      entry.phone if entry else "", "06-12345678")
        self.member_email = self.line("member_email", self.tr("&E-mail"),
                                      entry.email if entry else "")
        self.role = QComboBox(self)
        self.role.setObjectName("setup-role")
        fill_vocabulary(self.role, enums.RosterRole)
        self.errors.add_row(self.form, "role", self.tr("&Role in this project"), self.role)
        self.responsibilities = QPlainTextEdit(entry.responsibilities if entry else "", self)
        self.responsibilities.setObjectName("setup-responsibilities")
        self.responsibilities.setTabChangesFocus(True)
        self.responsibilities.setPlaceholderText(self.tr(
            "e.g. home visits, the consent ballot, aftercare"))
        self.responsibilities.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.errors.add_row(self.form, "responsibilities", self.tr("Res&ponsible for"),
                            self.responsibilities)
        self.tenant_facing = QCheckBox(self.tr("&Tenants may contact this person"), self)
        self.tenant_facing.setObjectName("setup-tenant_facing")
        self.tenant_facing.setToolTip(self.tr(
            "Shown in the 'your contact persons' letter to tenants"))
        self.tenant_facing.setChecked(tenant_facing)
        self.errors.add_row(self.form, "tenant_facing", self.tr("Contact"), self.tenant_facing)
        if entry is not None:
            select_code(self.role, entry.role)
        elif members:
            select_code(self.role, members[0].code)
        self.member.currentIndexChanged.connect(self._member_chosen)
        self._member_chosen()
        self.member.setFocus()

    def _member_chosen(self) -> None:
        """Contact fields are for a new member, or the chosen entry's member; not for
        someone picked from the team (their details are changed from their own entry)."""
        new = self.entry is None and not self.member.currentData()
        if self.entry is None and self.member.currentData() == "":
            self.member_name.setText(self.yourself)
            select_code(self.role, "tenant_coach")
        self.show_field(self.member_name, new)
        for edit in (self.member_organisation, self.member_phone, self.member_email):
            self.show_field(edit, new or self.entry is not None)

    def save(self) -> None:
        from renodesk.core.setup import add_roster_entry, update_roster_entry

        values = {"role": self.role.currentData(),
                  "responsibilities": self.responsibilities.toPlainText(),
                  "tenant_facing": self.tenant_facing.isChecked()}
        member = {"name": self.member_name.text(),
                  "organisation": self.member_organisation.text(),
                  "phone": self.member_phone.text(), "email": self.member_email.text()}
        project_id, entry = self.project_id, self.entry
        if entry is not None:
            member.pop("name")
            self.submit(lambda ws: update_roster_entry(ws, entry.id, values, member))
        elif not self.member.currentData():  # someone new, or this laptop's coach
            self.submit(lambda ws: add_roster_entry(ws, project_id, values, new_member=member))
        else:
            chosen = {**values, "member_id": self.member.currentData()}
            self.submit(lambda ws: add_roster_entry(ws, project_id, chosen))


class PartnerDialog(SetupDialog):
    """Involve a partner organisation in a project: one already known, or a new one."""

    def __init__(self, runner: Runner, project_id: str, partners: Sequence[Known],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Involve a partner"), parent)
        self.setObjectName("partnerDialog")
        self.project_id = project_id
        self.partner = QComboBox(self)
        self.partner.setObjectName("setup-partner")
        for known in partners:
            self.partner.addItem(f"{known.name} ({enums.PartnerKind(known.code).label()})",
                                 known.id)
        self.partner.addItem(self.tr("A new organisation..."), None)
        self.errors.add_row(self.form, "partner_id", self.tr("&Organisation"), self.partner)
        self.name = self.line("name", self.tr("&Name"), placeholder=self.tr(
            "e.g. Wijkteam Noord"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("setup-kind")
        fill_vocabulary(self.kind, enums.PartnerKind)
        self.errors.add_row(self.form, "kind", self.tr("&Kind"), self.kind)
        self.contact_name = self.line("contact_name", self.tr("&Contact person"))
        self.phone = self.line("phone", self.tr("P&hone"), placeholder="030-1234567")
        self.email = self.line("email", self.tr("&E-mail"))
        self.role = self.line("role", self.tr("&Role in this project"), placeholder=self.tr(
            "e.g. fixed contact for tenants with debts"))
        self.new_fields: tuple[QWidget, ...] = (self.name, self.kind, self.contact_name,
                                                self.phone, self.email)
        self.partner.currentIndexChanged.connect(self._partner_chosen)
        self._partner_chosen()
        self.partner.setFocus()

    def _partner_chosen(self) -> None:
        new = self.partner.currentData() is None
        for widget in self.new_fields:
            self.show_field(widget, new)

    def save(self) -> None:
        from renodesk.core.setup import link_partner

        project_id, role = self.project_id, self.role.text()
        partner_id = self.partner.currentData()
        if partner_id is None:
            new = {"name": self.name.text(), "kind": self.kind.currentData(),
                   "contact_name": self.contact_name.text(), "phone": self.phone.text(),
                   "email": self.email.text()}
            self.submit(lambda ws: link_partner(ws, project_id, None, role, new_partner=new))
        else:
            self.submit(lambda ws: link_partner(ws, project_id, str(partner_id), role))
