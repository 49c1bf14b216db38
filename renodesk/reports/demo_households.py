"""The households of the demo workspace and everything that happened to them.

A household's story fits its project: contact moments and visits start when the
project starts, visits follow the phases (an introduction first, the proposal around
the consent vote, aftercare at the end), nobody has signed before there is a proposal,
and agreements are proposed, agreed, in progress or done as the works go on. It fits
the household too: needs that match its age, an interpreter only for someone who does
not speak Dutch, a letter never "not at home", agreements about what this household
needs. Coaches work on weekdays.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from renodesk.reports.demo_vocabulary import (
    ACTIONS,
    ADJUSTMENT_STATUS_BY_PHASE,
    ADJUSTMENTS,
    AGE_OF_NEED,
    COMMUNITY_WEIGHTS,
    CONTACTS,
    LANGUAGE_OF,
    NAMES,
    OUTCOME_WEIGHTS,
    PARTNER_FOR_NEED,
    PHASES,
    RELATIONS_OLDER,
    RELATIONS_YOUNGER,
    STANCE_AFTER_VOTE,
    STANCE_BY_PHASE,
    VISIT_KINDS_BY_PHASE,
    VULNERABILITY_NEEDS,
    WISHES,
    WORRIES,
)

Row = dict[str, Any]
Place = tuple[str, int, int, list[str]]
PHASE_DAYS = 90  # each phase of a demo project lasts about three months
ENTITIES = ("dwelling", "household", "vulnerability", "involvement", "contact_moment", "visit",
            "adjustment", "action")


def phase_start(deadline: date, stage: int) -> date:
    """The day a project with this consent ``deadline`` enters phase number ``stage``: the
    consent vote (stage 2) ends 45 days before the deadline, every phase takes three months."""
    return deadline + timedelta(days=(stage - 3) * PHASE_DAYS)


def phase_on(project: Row, day: date) -> str:
    """The phase ``project`` was in on ``day``."""
    stage = (day - project["consent_deadline"]).days // PHASE_DAYS + 3
    return PHASES[max(0, min(len(PHASES) - 1, stage))]


def workday(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` (at least three days apart) that is not a Saturday
    or Sunday, every weekday as likely: coaches do not visit or call at the weekend."""
    while True:
        day = first + timedelta(days=rng.randint(0, (last - first).days))
        if day.weekday() < 5:
            return day


def _family_name(surname: str, female: bool, community: str) -> str:
    """``surname`` as this person carries it: a Polish woman is Kowalska, not Kowalski."""
    if female and community == "polish" and surname.endswith(("ski", "cki")):
        return surname[:-1] + "a"
    return surname


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


class DemoHouseholds:
    """Builds the rows of a batch of households, one :meth:`add` per household."""

    def __init__(self, rng: random.Random, new_id: Callable[[], str], today: date,
                 coaches: list[Row], partners: list[Row]) -> None:
        self.rng = rng
        self.new_id = new_id
        self.today = today
        self.coaches = coaches
        self.partners = partners
        self.out: dict[str, list[Row]] = {entity: [] for entity in ENTITIES}

    def add(self, i: int, project: Row, place: Place, n_projects: int) -> None:
        """Household number ``i`` (counted over the whole set) of ``project``."""
        rng = self.rng
        # The coach's history with the household starts when the project starts.
        started = max(project["start_date"], self.today - timedelta(days=500))
        dwelling = self._dwelling(i, project, place, n_projects)
        household, family = self._household(i, project, dwelling)
        needs = self._needs(household, vulnerable=rng.random() < 0.25)
        if "low_literacy" in needs:
            household["reads_with_difficulty"] = True
        if needs or rng.random() < 0.8:  # needs are written down only with a legal basis
            household.update(
                consent_basis="explicit_consent",
                consent_scope="Vastleggen van ondersteuningsbehoefte tijdens de renovatie")
        self._contact_person(household, family, force="dementia" in needs)
        self._channel(household)
        if needs and rng.random() < 0.4:
            household.update(resistance_kind=rng.choice(["wont", "cant", "both"]),
                             resistance_causes=",".join(rng.sample(
                                 ["fear_of_works", "distrust", "bad_experience", "money_worries",
                                  "health_energy", "not_understanding", "overload",
                                  "neighbour_conflict"], 2)),
                             resistance_approach="Vaste coach, korte bezoeken, planning op papier.")
        if needs and rng.random() < 0.05:
            household["safety_note"] = ("Kom met z'n tweeën; bewoner kan heftig reageren op "
                                        "onverwacht bezoek.")
        self.out["household"].append(household)
        partner = self._needs_rows(household["id"], needs)
        coach = rng.choice(self.coaches)
        self._contacts(household, coach, partner, started)
        done_visits = self._visits(household, project, coach, started)
        if household["consent_basis"] != "none":  # asked at the first visit that took place
            household["consent_date"] = done_visits[0][1] if done_visits \
                else self._past_day(started)
        self._adjustments(household, project, needs, coach, partner, done_visits)
        self._action(household, project, coach, partner, started)

    def _past_day(self, started: date, least: int = 1) -> date:
        """A weekday between ``started`` and ``least`` days ago."""
        last = self.today - timedelta(days=least)
        return workday(self.rng, min(started, last - timedelta(days=2)), last)

    def _dwelling(self, i: int, project: Row, place: Place, n_projects: int) -> Row:
        rng = self.rng
        city, low, high, streets = place
        letters = "ABCEGHJKLMNPRTVWXZ"
        dwelling = {"id": self.new_id(), "project_id": project["id"],
                    "street": streets[(i // n_projects) % len(streets)],
                    "number": (i // (n_projects * len(streets))) + 1,
                    "addition": rng.choice(["", "", "", "A", "B", "bis", "-2"]),
                    "postcode": f"{rng.randint(low, high)} {rng.choice(letters)}"
                                f"{rng.choice(letters)}",
                    "city": city}
        self.out["dwelling"].append(dwelling)
        return dwelling

    def _household(self, i: int, project: Row, dwelling: Row) -> tuple[Row, tuple[str, str]]:
        """The household's row, and its community and family name (as a man would have
        it) for the names of relatives."""
        rng = self.rng
        community = rng.choices(list(COMMUNITY_WEIGHTS), list(COMMUNITY_WEIGHTS.values()))[0]
        surnames, women, men = NAMES[community]
        surname = rng.choice(surnames)
        female = rng.random() < 0.55
        given = rng.choice(women if female else men)
        own = _family_name(surname, female, community)
        language = LANGUAGE_OF[community] if rng.random() < 0.4 else "nl"
        stance = _weighted(rng, STANCE_BY_PHASE.get(project["phase"], STANCE_AFTER_VOTE))
        # Signed during the consent vote, which ends 45 days before the deadline.
        vote_ends = min(self.today, phase_start(project["consent_deadline"], 3))
        return {
            "id": self.new_id(), "dwelling_id": dwelling["id"], "name": f"{given} {own}",
            "salutation": f"{'mevrouw' if female else 'meneer'} {own[0].upper()}{own[1:]}",
            "birth_year": rng.randint(1935, 2000),
            "phone": f"06-{rng.randint(10000000, 99999999)}" if rng.random() < 0.85 else "",
            "email": f"{given.split()[0].lower()}{i}@example.nl" if rng.random() < 0.4 else "",
            "language": language,
            "interpreter_needed": language != "nl" and rng.random() < 0.35,
            "reads_with_difficulty": rng.random() < 0.1,
            "large_print": rng.random() < 0.08,
            "consent_basis": "none", "consent_date": None, "consent_scope": "",
            "stance": stance,
            "stance_signed_date": workday(rng, vote_ends - timedelta(days=80), vote_ends)
            if stance == "yes" else None,
            "status": "active",
        }, (community, surname)

    def _needs(self, household: Row, vulnerable: bool) -> list[str]:
        """The vulnerabilities of ``household`` (none for most): only those that fit its
        age, and a language barrier only for someone who needs an interpreter."""
        if not vulnerable:
            return []
        age = self.today.year - household["birth_year"]
        fitting = [category for category in VULNERABILITY_NEEDS
                   if AGE_OF_NEED.get(category, (0, 120))[0] <= age
                   <= AGE_OF_NEED.get(category, (0, 120))[1]
                   and (category != "language_barrier" or household["interpreter_needed"])]
        return self.rng.sample(fitting, self.rng.randint(1, 3))

    def _needs_rows(self, household_id: str, needs: list[str]) -> Row | None:
        """The vulnerability rows, and the partner who helps a vulnerable household with
        its first need."""
        rng = self.rng
        for category in needs:
            self.out["vulnerability"].append({
                "id": self.new_id(), "household_id": household_id, "category": category,
                "weight": rng.randint(1, 3), "implications": VULNERABILITY_NEEDS[category]})
        if not needs:
            return None
        kind = PARTNER_FOR_NEED.get(needs[0], "neighbourhood_team")
        partner = next(p for p in self.partners if p["kind"] == kind)
        self.out["involvement"].append({"id": self.new_id(), "household_id": household_id,
                                        "partner_id": partner["id"], "role": "Begeleidt bewoner",
                                        "consent_to_share": True})
        return partner

    def _contact_person(self, household: Row, family: tuple[str, str], force: bool) -> None:
        """A relative or neighbour for one in five households (and for everyone with
        dementia): a son or daughter only for older tenants; a neighbour or carer has a
        surname of their own."""
        rng = self.rng
        if not force and rng.random() >= 0.2:
            return
        older = self.today.year - household["birth_year"] >= 55
        relation = rng.choice(RELATIONS_OLDER if older else RELATIONS_YOUNGER)
        community, surname = family
        surnames, women, men = NAMES[community]
        if relation not in {"dochter", "zoon", "zus", "broer"}:
            surname = rng.choice([other for other in surnames if other != surname])
        male = relation in {"zoon", "broer"}
        given = rng.choice(men if male else women)
        household.update(contact_person_name=f"{given} "
                                             f"{_family_name(surname, not male, community)}",
                         contact_person_relation=relation,
                         contact_person_phone=f"06-{rng.randint(10000000, 99999999)}")

    def _channel(self, household: Row) -> None:
        """How the tenant likes to be reached: never by letter for someone who reads with
        difficulty, by e-mail only with an address, through a contact person only with one."""
        channels = ["visit", "visit"]
        if household["phone"]:
            channels.append("phone")
        if not household["reads_with_difficulty"]:
            channels.append("letter")
        if household["email"]:
            channels.append("email")
        if household.get("contact_person_name"):
            channels += ["contact_person", "contact_person"]
        household["preferred_channel"] = self.rng.choice(channels)

    def _can_use(self, household: Row, channel: str, outcome: str) -> bool:
        if channel == "phone" and outcome != "via_partner":  # calling the partner
            return bool(household["phone"])
        if channel == "email":
            return bool(household["email"])
        if channel == "contact_person":
            return bool(household.get("contact_person_name"))
        return True

    def _contacts(self, household: Row, coach: Row, partner: Row | None, started: date) -> None:
        """Contact moments since the project started, about one every three weeks."""
        rng = self.rng
        window = (self.today - started).days
        for _ in range(min(rng.randint(5, 15), 1 + window // 20)):
            outcome = _weighted(rng, OUTCOME_WEIGHTS)
            if outcome == "via_partner" and partner is None:
                outcome = "reached"
            channel = rng.choice([ch for ch, out in CONTACTS
                                  if out == outcome and self._can_use(household, ch, out)])
            self.out["contact_moment"].append({
                "id": self.new_id(), "household_id": household["id"],
                "at": datetime.combine(self._past_day(started),
                                       time(rng.randint(9, 16), rng.choice([0, 15, 30, 45]))),
                "channel": channel, "by_member_id": coach["id"], "outcome": outcome,
                "summary": rng.choice(CONTACTS[(channel, outcome)]).format(
                    partner=partner["name"] if partner else "")})

    def _visits(self, household: Row, project: Row, coach: Row,
                started: date) -> list[tuple[str, date]]:
        """Visits since the project started, an introduction first and then the kinds of
        visit of each phase; sometimes one planned in the coming days (not once the project
        is closed). Returns the (id, day) of the visits that took place."""
        rng = self.rng
        count = min(rng.randint(2, 8), 1 + (self.today - started).days // 40)
        upcoming = project["phase"] != "closed" and rng.random() < 0.3
        # One visit a day at most: two draws on the same day make one visit.
        days = sorted({self._past_day(started, least=3) for _ in range(count - int(upcoming))})
        if upcoming:
            days.append(workday(rng, self.today, self.today + timedelta(days=10)))
        done: list[tuple[str, date]] = []
        relation = household.get("contact_person_relation")
        for number, day in enumerate(days):
            status = "planned" if day >= self.today else _weighted(
                rng, {"done": 80, "not_home": 15, "cancelled": 5})
            attendees = ["bewoner"]
            if household["interpreter_needed"]:
                attendees.append("tolk")
            if relation and rng.random() < 0.4:
                attendees.append(relation)
            visit = {"id": self.new_id(), "household_id": household["id"],
                     "planned_at": datetime.combine(day, time(rng.randint(9, 16),
                                                              rng.choice([0, 30]))),
                     "duration_minutes": rng.choice([30, 45, 60, 90]), "status": status,
                     "kind": "introduction" if number == 0 else rng.choice(
                         VISIT_KINDS_BY_PHASE[phase_on(project, day)]),
                     "visitors": coach["name"], "attendees": ", ".join(attendees)}
            if status == "done":
                visit.update(wishes=rng.choice(WISHES), worries=rng.choice(WORRIES),
                             finalised_at=visit["planned_at"] + timedelta(days=2))
                if household["consent_basis"] != "none":
                    visit["notes"] = "Gesprek aan de keukentafel; afspraken doorgenomen."
                done.append((visit["id"], day))
            self.out["visit"].append(visit)
        return done

    def _adjustments(self, household: Row, project: Row, needs: list[str], coach: Row,
                     partner: Row | None, done_visits: list[tuple[str, date]]) -> None:
        """Agreements that fit the household's needs and the works, as far along as the
        project is; agreed ones at a visit that took place, due after they were agreed."""
        rng = self.rng
        fits = {"any", *needs}
        if household["interpreter_needed"]:
            fits.add("interpreter")
        if not project["inhabited"]:
            fits.add("uninhabited")
        options = list({description: (category, description, cost) for category, description,
                        cost, fit in ADJUSTMENTS if fit in fits}.values())
        phase = project["phase"]
        wanted = rng.randint(0, 1 if phase == "orientation" else 4)
        for category, description, cost in rng.sample(options, min(wanted, len(options))):
            status = _weighted(rng, ADJUSTMENT_STATUS_BY_PHASE[phase])
            agreed_in = rng.choice(done_visits) if done_visits and status != "proposed" else None
            if agreed_in is None and status != "dropped":
                # Never agreed at a visit: still a proposal, or dropped once the works began.
                status = "proposed" if "proposed" in ADJUSTMENT_STATUS_BY_PHASE[phase] \
                    else "dropped"
            after = agreed_in[1] if agreed_in else self._past_day(project["start_date"], 3)
            self.out["adjustment"].append({
                "id": self.new_id(), "household_id": household["id"],
                "project_id": project["id"], "visit_id": agreed_in[0] if agreed_in else None,
                "category": category, "description": description,
                "responsible_member_id": coach["id"] if rng.random() < 0.7 else None,
                "responsible_partner_id": partner["id"] if partner and rng.random() < 0.3
                else None,
                "due_date": self._due(after, open_=status in ("proposed", "agreed",
                                                              "in_progress"), late_share=0.05),
                "status": status, "cost_cents": cost,
                "agreed_date": agreed_in[1] if agreed_in else None})

    def _action(self, household: Row, project: Row, coach: Row, partner: Row | None,
                started: date) -> None:
        rng = self.rng
        if rng.random() >= 0.9:
            return
        done = rng.random() < 0.3
        due = self._due(self._past_day(started), open_=not done, late_share=0.12)
        what = [*ACTIONS, *([f"{partner['name']} vragen om mee te gaan"] if partner else [])]
        self.out["action"].append({
            "id": self.new_id(), "household_id": household["id"], "project_id": project["id"],
            "description": rng.choice(what), "for_whom": household["name"],
            "assignee_member_id": coach["id"], "due_date": due,
            "done_date": due if done else None})

    def _due(self, after: date, open_: bool, late_share: float) -> date:
        """A due date as a working team has them: finished work lies behind (and after
        ``after``), open work mostly ahead, and ``late_share`` of the open items overdue."""
        rng = self.rng
        yesterday = self.today - timedelta(days=1)
        if not open_:
            return max(after, min(after + timedelta(days=rng.randint(7, 60)), yesterday))
        if rng.random() < late_share:
            return max(after, self.today - timedelta(days=rng.randint(1, 30)))
        return self.today + timedelta(days=rng.randint(0, 90))
