"""The domain's fixed vocabularies. Codes are English and stable (they are stored and
synced); labels in Dutch and English live in renodesk.core.messages as ``enum.<Class>.<code>``.
"""

from __future__ import annotations

from enum import StrEnum

from renodesk.core.i18n import t


class Labelled(StrEnum):
    def label(self, lang: str | None = None) -> str:
        return t(f"enum.{type(self).__name__}.{self.value}", lang)


class ProjectPhase(Labelled):
    ORIENTATION = "orientation"  # oriëntatie
    PLANNING = "planning"  # planvorming
    CONSENT = "consent"  # draagvlakmeting
    PREPARATION = "preparation"  # voorbereiding
    EXECUTION = "execution"  # uitvoering
    DELIVERY = "delivery"  # oplevering
    AFTERCARE = "aftercare"  # nazorg
    CLOSED = "closed"  # afgerond


class RosterRole(Labelled):
    PROJECT_LEADER = "project_leader"
    TENANT_COACH = "tenant_coach"
    SUPERVISOR = "supervisor"  # opzichter
    CONTRACTOR_COACH = "contractor_coach"  # bewonersbegeleider aannemer
    SITE_MANAGER = "site_manager"  # uitvoerder
    SOCIAL_MANAGER = "social_manager"  # sociaal beheerder
    OTHER = "other"


class PartnerKind(Labelled):
    NEIGHBOURHOOD_TEAM = "neighbourhood_team"  # wijkteam
    MENTAL_HEALTH = "mental_health"  # GGZ
    HOME_CARE = "home_care"  # thuiszorg
    DEBT_COUNSELLING = "debt_counselling"  # schuldhulp
    TENANTS_ASSOCIATION = "tenants_association"  # huurdersorganisatie
    COMMUNITY_POLICE = "community_police"  # wijkagent
    MUNICIPALITY = "municipality"  # gemeente / Wmo-loket
    OTHER = "other"


class Language(Labelled):
    DUTCH = "nl"
    ENGLISH = "en"
    TURKISH = "tr"
    ARABIC = "ar"
    POLISH = "pl"
    BERBER = "ber"
    PAPIAMENTO = "pap"
    SRANAN = "srn"
    VIETNAMESE = "vi"
    OTHER = "other"


class Channel(Labelled):
    VISIT = "visit"
    PHONE = "phone"
    LETTER = "letter"
    EMAIL = "email"
    CONTACT_PERSON = "contact_person"
    DOOR_CARD = "door_card"


class ConsentBasis(Labelled):
    NONE = "none"  # not yet set: sensitive data may not be recorded
    EXPLICIT_CONSENT = "explicit_consent"
    VITAL_INTEREST = "vital_interest"
    OTHER = "other"


class Stance(Labelled):
    UNKNOWN = "unknown"
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"


class ResistanceKind(Labelled):
    NONE = "none"
    WONT = "wont"  # weerstand
    CANT = "cant"  # onvermogen
    BOTH = "both"


class ResistanceCause(Labelled):
    FEAR_OF_WORKS = "fear_of_works"
    DISTRUST = "distrust"
    BAD_EXPERIENCE = "bad_experience"
    MONEY_WORRIES = "money_worries"
    HEALTH_ENERGY = "health_energy"
    NOT_UNDERSTANDING = "not_understanding"
    OVERLOAD = "overload"
    NEIGHBOUR_CONFLICT = "neighbour_conflict"


class HouseholdStatus(Labelled):
    ACTIVE = "active"
    MOVED = "moved"
    DECEASED = "deceased"


class VulnerabilityCategory(Labelled):
    OLD_AGE = "old_age"
    MOBILITY = "mobility"
    DEMENTIA = "dementia"
    PSYCHOLOGICAL = "psychological"
    INTELLECTUAL_DISABILITY = "intellectual_disability"
    ADDICTION = "addiction"
    LANGUAGE_BARRIER = "language_barrier"
    LOW_LITERACY = "low_literacy"
    MONEY_PROBLEMS = "money_problems"
    HOARDING = "hoarding"
    LONELINESS = "loneliness"
    MEDICAL_EQUIPMENT = "medical_equipment"
    CHRONIC_ILLNESS = "chronic_illness"
    NUISANCE = "nuisance"
    PETS = "pets"
    YOUNG_CHILDREN = "young_children"
    OTHER = "other"


class ContactOutcome(Labelled):
    REACHED = "reached"
    NOT_HOME = "not_home"
    REFUSED = "refused"
    VIA_PARTNER = "via_partner"


class VisitStatus(Labelled):
    PLANNED = "planned"
    DONE = "done"
    NOT_HOME = "not_home"
    CANCELLED = "cancelled"


class VisitKind(Labelled):
    INTRODUCTION = "introduction"  # kennismaking
    KITCHEN_TABLE = "kitchen_table"  # keukentafelgesprek
    SOCIAL_SURVEY = "social_survey"  # sociale opname
    TECHNICAL_SURVEY = "technical_survey"  # technische opname
    PROPOSAL = "proposal"  # bespreking renovatievoorstel
    AFTERCARE = "aftercare"  # nazorg


class AdjustmentCategory(Labelled):
    PLANNING = "planning"
    TEMPORARY_HOUSING = "temporary_housing"
    MOVING_HELP = "moving_help"
    STORAGE = "storage"
    CARE_AIDS = "care_aids"
    COMMUNICATION = "communication"
    MONEY = "money"
    PETS = "pets"
    SAFETY = "safety"
    TECHNICAL = "technical"
    OTHER = "other"


class AdjustmentStatus(Labelled):
    PROPOSED = "proposed"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class LetterKind(Labelled):
    INVITATION = "invitation"
    VISIT_REPORT = "visit_report"
    AGREEMENTS = "agreements"
    CONTACT_PERSONS = "contact_persons"
    NOT_HOME_CARD = "not_home_card"


class Delivery(Labelled):
    POST = "post"
    BY_HAND = "by_hand"
    EMAIL = "email"
    DOOR = "door"


class AuditAction(Labelled):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    EXPORT = "export"
    PRINT = "print"
    ERASE = "erase"


class GuidanceThemeKind(Labelled):
    VULNERABILITY = "vulnerability"
    RESISTANCE = "resistance"
    NEIGHBOURING_FIELD = "neighbouring_field"


class NeighbouringField(Labelled):
    RENT_ARREARS = "rent_arrears"
    GRONINGEN = "groningen"
    NUISANCE_CASES = "nuisance_cases"
    CORONA = "corona"
