"""Table models of a project: the list of projects, roster, partners and dwellings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from renodesk.core import enums
from renodesk.core.queries.projects import (
    DwellingItem,
    ProjectPartnerItem,
    ProjectRow,
    RosterItem,
)
from renodesk.ui.models.base import ListModel, day


class ProjectListModel(ListModel[ProjectRow]):
    NAME, CODE, PHASE, DWELLINGS, DEADLINE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProjectListModel", "Project"),
        QT_TRANSLATE_NOOP("ProjectListModel", "Code"),
        QT_TRANSLATE_NOOP("ProjectListModel", "Phase"),
        QT_TRANSLATE_NOOP("ProjectListModel", "Dwellings"),
        QT_TRANSLATE_NOOP("ProjectListModel", "Consent deadline"),
    )

    def display(self, item: ProjectRow, column: int) -> str:
        match column:
            case self.NAME:
                return item.name
            case self.CODE:
                return item.code
            case self.PHASE:
                return enums.ProjectPhase(item.phase).label()
            case self.DWELLINGS:
                return str(item.dwellings)
            case self.DEADLINE:
                return day(item.consent_deadline)
        return ""


class RosterModel(ListModel[RosterItem]):
    MEMBER, ROLE, RESPONSIBILITIES, PHONE, EMAIL = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("RosterModel", "Name"),
        QT_TRANSLATE_NOOP("RosterModel", "Role"),
        QT_TRANSLATE_NOOP("RosterModel", "Responsible for"),
        QT_TRANSLATE_NOOP("RosterModel", "Phone"),
        QT_TRANSLATE_NOOP("RosterModel", "E-mail"),
    )

    def display(self, item: RosterItem, column: int) -> str:
        match column:
            case self.MEMBER:
                return item.member_name
            case self.ROLE:
                return enums.RosterRole(item.role).label()
            case self.RESPONSIBILITIES:
                return " ".join(item.responsibilities.split())
            case self.PHONE:
                return item.phone
            case self.EMAIL:
                return item.email
        return ""


class PartnerModel(ListModel[ProjectPartnerItem]):
    NAME, KIND, ROLE, CONTACT, PHONE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("PartnerModel", "Organisation"),
        QT_TRANSLATE_NOOP("PartnerModel", "Kind"),
        QT_TRANSLATE_NOOP("PartnerModel", "Role in the project"),
        QT_TRANSLATE_NOOP("PartnerModel", "Contact"),
        QT_TRANSLATE_NOOP("PartnerModel", "Phone"),
    )

    def display(self, item: ProjectPartnerItem, column: int) -> str:
        match column:
            case self.NAME:
                return item.name
            case self.KIND:
                return enums.PartnerKind(item.kind).label()
            case self.ROLE:
                return item.role
            case self.CONTACT:
                return item.contact_name
            case self.PHONE:
                return item.phone
        return ""


class DwellingModel(ListModel[DwellingItem]):
    ADDRESS, POSTCODE, CITY, HOUSEHOLD, STANCE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("DwellingModel", "Address"),
        QT_TRANSLATE_NOOP("DwellingModel", "Postcode"),
        QT_TRANSLATE_NOOP("DwellingModel", "City"),
        QT_TRANSLATE_NOOP("DwellingModel", "Household"),
        QT_TRANSLATE_NOOP("DwellingModel", "Stance"),
    )

    def display(self, item: DwellingItem, column: int) -> str:
        match column:
            case self.ADDRESS:
                return item.address
            case self.POSTCODE:
                return item.postcode
            case self.CITY:
                return item.city
            case self.HOUSEHOLD:
                return item.household_name
            case self.STANCE:
                return enums.Stance(item.stance).label() if item.stance else ""
        return ""
