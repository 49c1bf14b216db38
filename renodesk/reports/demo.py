"""A realistic, fictitious Dutch workspace for demos, tests and benchmarks.

Every person, address and phone number here is invented. The set is deterministic
for a seed and a reference day (``today``), so the demo always has visits "today".
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from renodesk.core.workspace import Workspace

# (surnames, female given names, male given names) per community in social housing.
NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "dutch": (
        ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
         "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
         "de Wit", "Dijkstra", "van der Meer", "van Dijk", "Kok", "Jacobs", "Postma", "Huisman"],
        ["Anneke", "Joke", "Ria", "Truus", "Marieke", "Els", "Ineke", "Sanne", "Fenna", "Gerda"],
        ["Henk", "Kees", "Jan", "Piet", "Gerrit", "Wim", "Bram", "Sjoerd", "Teun", "Hennie"],
    ),
    "turkish": (
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
         "Arslan", "Doğan", "Kılıç"],
        ["Gülşen", "Ayşe", "Fatma", "Emine", "Hülya", "Özlem", "Zeynep", "Şükran"],
        ["Mehmet", "Mustafa", "Hüseyin", "İbrahim", "Ömer", "Yusuf", "Çetin", "Gökhan"],
    ),
    "moroccan": (
        ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Aït Taleb", "Ziani",
         "Haddouchi", "El Khatib", "Boukhari"],
        ["Fatima", "Khadija", "Naïma", "Malika", "Samira", "Houda", "Latifa"],
        ["Mohamed", "Ahmed", "Abdelkader", "Youssef", "Driss", "Hassan", "Saïd"],
    ),
    "polish": (
        ["Wiśniewski", "Kowalski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
         "Szymański", "Woźniak"],
        ["Małgorzata", "Agnieszka", "Katarzyna", "Bożena", "Grażyna"],
        ["Łukasz", "Paweł", "Michał", "Krzysztof", "Wojciech"],
    ),
    "surinamese": (
        ["Ramdin", "Sewnarain", "Kartosen", "Pinas", "Sabajo", "Mungra", "Biharie",
         "Tjon-A-Fat", "Wongsodikromo", "Doekhie"],
        ["Shanti", "Reshma", "Marlies", "Soekarti", "Gracia", "Indra"],
        ["Ravi", "Soerin", "Errol", "Kenneth", "Radjesh", "Orlando"],
    ),
    "vietnamese": (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng"],
        ["Thị Lan", "Thị Hương", "Thị Mai", "Ngọc Ánh"],
        ["Văn An", "Văn Minh", "Đức Thắng", "Quốc Bảo"],
    ),
}
COMMUNITY_WEIGHTS = {"dutch": 55, "turkish": 12, "moroccan": 12, "polish": 6,
                     "surinamese": 10, "vietnamese": 5}
LANGUAGE_OF = {"dutch": "nl", "turkish": "tr", "moroccan": "ar", "polish": "pl",
               "surinamese": "nl", "vietnamese": "vi"}

# (city, first postcode number, last postcode number, streets)
PLACES = [
    ("Utrecht", 3521, 3544, ["Tulpstraat", "Rozenlaan", "Irisstraat", "Anjerstraat",
                             "Dahliaplein", "Seringenhof"]),
    ("Amersfoort", 3811, 3829, ["Vondelstraat", "Bilderdijkstraat", "Hooftlaan",
                                "Potgieterplein", "Gezellestraat"]),
    ("Zwolle", 8011, 8043, ["Berkenweg", "Eikenlaan", "Lindehof", "Wilgenstraat",
                            "Populierenplein"]),
    ("Tilburg", 5011, 5049, ["Spoorlaan-Oost", "Molenstraat", "Ringbaan-Noord",
                             "Kastanjehof", "Boomgaardstraat"]),
    ("Leeuwarden", 8911, 8941, ["Tjaarda-straat", "Slauerhofflaan", "Voorstreek-West",
                                "Vlietzijde", "Marsumerhof"]),
    ("Rotterdam", 3071, 3089, ["Putsebocht", "Mijnsherenlaan", "Pleinweg-Zuid",
                               "Zuidplein-Hoog", "Brabantsestraat"]),
]
PHASES = ["orientation", "planning", "consent", "preparation", "execution", "delivery",
          "aftercare", "closed"]
PROJECT_WORDS = ["Bloemenbuurt", "Dichtersbuurt", "Bomenwijk", "Spoorzone", "Friese Hof",
                 "Zuiderpark", "Molenkwartier", "Rivierenbuurt", "Vogelwijk", "Tuindorp"]
WORKS = ["dak- en gevelrenovatie", "nieuwe keukens en badkamers", "aardgasvrij maken",
         "isolatie en ventilatie", "funderingsherstel", "balkonvervanging"]

VULNERABILITY_NEEDS = {
    "old_age": "Heeft rust nodig; werkzaamheden liefst niet vroeg in de ochtend.",
    "mobility": "Loopt met rollator; trap moet vrij blijven tijdens de werkzaamheden.",
    "dementia": "Vergeet afspraken; dochter bellen een dag vooraf.",
    "psychological": "Raakt gespannen door lawaai; rustige ruimte in de buurt nodig.",
    "intellectual_disability": "Begeleider aanwezig laten zijn bij uitleg.",
    "addiction": "Afspraken liefst in de ochtend; korte gesprekken.",
    "language_barrier": "Tolk nodig bij gesprekken over de planning.",
    "low_literacy": "Brieven mondeling toelichten; met pictogrammen werken.",
    "money_problems": "Zorgen over kosten; uitleg over vergoeding nodig.",
    "hoarding": "Veel spullen in huis; hulp bij opruimen voor de start.",
    "loneliness": "Weinig contacten; vaste contactpersoon helpt.",
    "medical_equipment": "Gebruikt zuurstofapparaat; stroom mag niet uitvallen.",
    "chronic_illness": "Snel moe; werkdagen kort houden in de woning.",
    "nuisance": "Spanning met bovenburen; gesprekken niet samen plannen.",
    "pets": "Twee katten; opvang regelen tijdens de werkzaamheden.",
    "young_children": "Baby in huis; stofvrije slaapkamer nodig.",
    "other": "Extra tijd nemen bij ieder bezoek.",
}
ADJUSTMENTS = [
    ("planning", "Werkzaamheden in de badkamer in één week afronden"),
    ("temporary_housing", "Logeerwoning in de straat tijdens de sloopfase"),
    ("temporary_housing", "Rustwoning overdag beschikbaar"),
    ("moving_help", "Inpakhulp voor de keukenkastjes"),
    ("storage", "Opslagcontainer voor meubels gedurende drie weken"),
    ("care_aids", "Traplift opnieuw plaatsen na de werkzaamheden"),
    ("communication", "Vaste contactpersoon en bezoek een dag vooraf"),
    ("communication", "Tolk bij het gesprek over de planning"),
    ("money", "Ongemakkenvergoeding in twee delen uitbetalen"),
    ("pets", "Opvang voor de hond tijdens de sloopdagen"),
    ("safety", "Rookmelder tijdelijk op de logeerkamer"),
    ("technical", "Extra stopcontact voor medische apparatuur"),
]
WISHES = ["Wil graag een verhoogd toilet.", "Wil de oude keukenkleur houden.",
          "Wil graag een douchestoel.", "Wil weten wanneer de steigers komen."]
WORRIES = ["Maakt zich zorgen over stof.", "Bang voor inbraak tijdens de steigers.",
           "Zorgen over de huurverhoging.", "Weet niet waar de spullen heen moeten."]
SUMMARIES = {"reached": ["Planning besproken.", "Vragen over de keuken beantwoord.",
                         "Afspraak voor huisbezoek gemaakt."],
             "not_home": ["Niet thuis; kaartje achtergelaten.", "Niet thuis; later opnieuw."],
             "refused": ["Wil nu niet praten over de renovatie."],
             "via_partner": ["Wijkteam heeft contact gehad en koppelt terug."]}


class _Ids:
    """Deterministic record ids from the seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex


Batch = dict[str, list[dict[str, Any]]]
#: Entities of a batch in the order they must be written (parents first).
WRITE_ORDER = ("team_member", "partner", "project", "roster_entry", "project_partner",
               "dwelling", "household", "vulnerability", "involvement", "contact_moment",
               "visit", "adjustment", "action")
BATCH_HOUSEHOLDS = 500


def iter_batches(households: int, seed: int = 1, today: date | None = None) -> Iterator[Batch]:
    """The demo set as batches of plain rows: first the organisation, then households."""
    rng = random.Random(seed)
    new_id = _Ids(rng)
    today = today or date.today()
    n_projects = max(3, min(60, households // 300 + 2))
    members, partners, projects, roster, project_partners, places = _organisation(
        rng, new_id, n_projects, today)
    yield {"team_member": members, "partner": partners, "project": projects,
           "roster_entry": roster, "project_partner": project_partners}
    coaches = [m for m in members if m["is_coach"]]
    for done in range(0, households, BATCH_HOUSEHOLDS):
        size = min(BATCH_HOUSEHOLDS, households - done)
        yield _households(rng, new_id, size, done, projects, places, coaches, partners, today)


def write_batch(workspace: Workspace, batch: Batch) -> None:
    """Write one batch through the use cases, in one transaction."""
    with workspace.write() as uow:
        for entity in WRITE_ORDER:
            if batch.get(entity):
                uow.create_many(entity, batch[entity])


def generate(
    workspace: Workspace,
    households: int = 200,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill the workspace with a fictitious set; returns counts per entity."""
    counts: dict[str, int] = {}
    written = 0
    for batch in iter_batches(households, seed, today):
        write_batch(workspace, batch)
        for entity, rows in batch.items():
            counts[entity] = counts.get(entity, 0) + len(rows)
        written += len(batch.get("household", []))
        if progress and "household" in batch:
            progress(written, households)
    return counts


Place = tuple[str, int, int, list[str]]


def _organisation(
    rng: random.Random, new_id: _Ids, n_projects: int, today: date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]],
           list[dict[str, Any]], list[dict[str, Any]], dict[str, Place]]:
    people = [("Sanne Bakker", "tenant_coach", True), ("Youssef El Idrissi", "tenant_coach", True),
              ("Marieke Dijkstra", "tenant_coach", True), ("Koen van Dam", "project_leader", False),
              ("Ilse Verhoeven", "project_leader", False), ("Ruud Kramer", "supervisor", False),
              ("Esra Aydın", "social_manager", False),
              ("Bart Hofstede", "contractor_coach", False), ("Gerard Plas", "site_manager", False)]
    members: list[dict[str, Any]] = [{"id": new_id(), "name": name, "role": role, "is_coach": coach,
                "organisation": "Bouwbedrijf Hofstede" if role in {"contractor_coach",
                                                                    "site_manager"}
                else "Woonstichting De Linde",
                "phone": f"06-{rng.randint(10000000, 99999999)}",
                "email": name.lower().replace(" ", ".").replace("ı", "i") + "@example.org"}
               for name, role, coach in people]
    partner_specs = [("Wijkteam Noord", "neighbourhood_team"),
                     ("GGZ Centraal (demo)", "mental_health"),
                     ("Thuiszorg Samen", "home_care"), ("Schuldhulp Stad", "debt_counselling"),
                     ("Huurdersvereniging De Linde", "tenants_association"),
                     ("Wijkagent team Centrum", "community_police"),
                     ("Wmo-loket gemeente", "municipality")]
    partners = [{"id": new_id(), "name": name, "kind": kind,
                 "contact_name": rng.choice(["Ans", "Ewout", "Noor", "Dirk"]) + " "
                 + rng.choice(["Visser", "Mulder", "Smit"]),
                 "phone": f"0{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"}
                for name, kind in partner_specs]
    projects, roster, project_partners = [], [], []
    places: dict[str, Place] = {}
    for index in range(n_projects):
        city, low, high, streets = PLACES[index % len(PLACES)]
        phase = PHASES[index % len(PHASES)]
        # Dates follow the phase: the consent deadline lies ahead while the plan is being
        # made, just ahead during the consent vote, and behind once the works begin.
        stage = index % len(PHASES)
        deadline = today + timedelta(days=(2 - stage) * 90 + 45)
        start = deadline - timedelta(days=240)
        word = PROJECT_WORDS[index % len(PROJECT_WORDS)]
        project: dict[str, Any] = {
            "id": new_id(), "name": f"{word} {city}" + (f" {index // 10 + 1}" if index >= 10
                                                         else ""),
            "code": f"{city[:3].upper()}-{2024 + index % 3}-{index + 1:02d}",
            "complex_name": f"Complex {rng.randint(100, 999)}", "phase": phase,
            "start_date": start, "end_date": start + timedelta(days=720),
            "aftercare_end_date": start + timedelta(days=900),
            "inhabited": index % 5 != 4, "rent_change": rng.choice(["geen", "+ € 25 per maand",
                                                                  "+ € 40 per maand"]),
            "social_plan_ref": "Sociaal Plan De Linde 2024",
            "consent_deadline": deadline,
            "description": f"{rng.choice(WORKS).capitalize()} van {rng.choice(streets)} "
                           f"en omgeving.",
        }
        places[project["id"]] = (city, low, high, streets)
        projects.append(project)
        for member in members:
            if member["is_coach"] and rng.random() < 0.5 and member is not members[0]:
                continue
            roster.append({"id": new_id(), "project_id": project["id"], "member_id": member["id"],
                           "role": member["role"],
                           "responsibilities": _RESPONSIBILITIES[member["role"]],
                           "tenant_facing": member["role"] != "project_leader"})
        for partner in rng.sample(partners, 3):
            project_partners.append({"id": new_id(), "project_id": project["id"],
                                     "partner_id": partner["id"],
                                     "role": "Vast aanspreekpunt voor dit project"})
    return members, partners, projects, roster, project_partners, places


_RESPONSIBILITIES = {
    "tenant_coach": "Huisbezoeken, maatwerkafspraken en vaste contactpersoon voor bewoners.",
    "project_leader": "Eindverantwoordelijk voor planning, budget en draagvlak.",
    "supervisor": "Technische opname en kwaliteit van het werk in de woning.",
    "social_manager": "Overlast, leefbaarheid en contact met wijkteam en wijkagent.",
    "contractor_coach": "Dagelijkse planning per woning en vragen tijdens de uitvoering.",
    "site_manager": "Leiding op de bouwplaats en veiligheid.",
    "other": "",
}


def _households(
    rng: random.Random, new_id: _Ids, size: int, offset: int, projects: list[dict[str, Any]],
    places: dict[str, Place], coaches: list[dict[str, Any]], partners: list[dict[str, Any]],
    today: date,
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "dwelling", "household", "vulnerability", "involvement", "contact_moment", "visit",
        "adjustment", "action")}
    communities = list(COMMUNITY_WEIGHTS)
    weights = list(COMMUNITY_WEIGHTS.values())
    for i in range(offset, offset + size):
        project = projects[i % len(projects)]
        city, low, high, streets = places[project["id"]]
        street_index = (i // len(projects)) % len(streets)
        dwelling = {"id": new_id(), "project_id": project["id"], "street": streets[street_index],
                    "number": (i // (len(projects) * len(streets))) + 1,
                    "addition": rng.choice(["", "", "", "A", "B", "bis", "-2"]),
                    "postcode": f"{rng.randint(low, high)} "
                                f"{rng.choice('ABCEGHJKLMNPRTVWXZ')}{rng.choice('ABCEGHJKLMNPRTVWXZ')}",
                    "city": city}
        out["dwelling"].append(dwelling)
        community = rng.choices(communities, weights)[0]
        surnames, women, men = NAMES[community]
        surname = rng.choice(surnames)
        female = rng.random() < 0.55
        given = rng.choice(women if female else men)
        title = "mevrouw" if female else "meneer"
        name = f"{given} {surname}"
        vulnerable = rng.random() < 0.25
        has_basis = vulnerable or rng.random() < 0.8
        stance = rng.choices(["yes", "no", "undecided", "unknown"], [55, 10, 15, 20])[0]
        household = {
            "id": new_id(), "dwelling_id": dwelling["id"], "name": name,
            "salutation": f"{title} {surname[0].upper()}{surname[1:]}",
            "birth_year": rng.randint(1935, 2000),
            "phone": f"06-{rng.randint(10000000, 99999999)}" if rng.random() < 0.85 else "",
            "email": f"{given.split()[0].lower()}{i}@example.nl" if rng.random() < 0.4 else "",
            "language": LANGUAGE_OF[community] if rng.random() < 0.4 else "nl",
            "interpreter_needed": community in {"turkish", "moroccan", "vietnamese"}
            and rng.random() < 0.2,
            "reads_with_difficulty": rng.random() < 0.1,
            "large_print": rng.random() < 0.08,
            "preferred_channel": rng.choice(["visit", "visit", "phone", "letter",
                                             "contact_person"]),
            "consent_basis": "explicit_consent" if has_basis else "none",
            "consent_date": today - timedelta(days=rng.randint(20, 400)) if has_basis else None,
            "consent_scope": "Vastleggen van ondersteuningsbehoefte tijdens de renovatie"
            if has_basis else "",
            "stance": stance,
            "stance_signed_date": today - timedelta(days=rng.randint(1, 200))
            if stance == "yes" else None,
            "status": "active",
        }
        if rng.random() < 0.2:
            household.update(contact_person_name=f"{rng.choice(women + men)} {surname}",
                             contact_person_relation=rng.choice(["dochter", "zoon", "buurvrouw",
                                                                 "mantelzorger"]),
                             contact_person_phone=f"06-{rng.randint(10000000, 99999999)}")
        if vulnerable and rng.random() < 0.4:
            household.update(resistance_kind=rng.choice(["wont", "cant", "both"]),
                             resistance_causes=",".join(rng.sample(
                                 ["fear_of_works", "distrust", "bad_experience", "money_worries",
                                  "health_energy", "not_understanding", "overload",
                                  "neighbour_conflict"], 2)),
                             resistance_approach="Vaste coach, korte bezoeken, planning op papier.")
        if vulnerable and rng.random() < 0.05:
            household["safety_note"] = "Kom met z'n tweeën; hond is schrikachtig."
        out["household"].append(household)
        hid = household["id"]
        if vulnerable:
            for category in rng.sample(list(VULNERABILITY_NEEDS), rng.randint(1, 3)):
                out["vulnerability"].append({"id": new_id(), "household_id": hid,
                                             "category": category,
                                             "weight": rng.randint(1, 3),
                                             "implications": VULNERABILITY_NEEDS[category]})
            partner = rng.choice(partners)
            out["involvement"].append({"id": new_id(), "household_id": hid,
                                       "partner_id": partner["id"],
                                       "role": "Begeleidt bewoner", "consent_to_share": True})
        coach = rng.choice(coaches)
        for _ in range(rng.randint(5, 15)):
            outcome = rng.choices(["reached", "not_home", "refused", "via_partner"],
                                  [70, 20, 5, 5])[0]
            out["contact_moment"].append({
                "id": new_id(), "household_id": hid,
                "at": datetime.combine(today - timedelta(days=rng.randint(1, 500)),
                                       time(rng.randint(9, 16), rng.choice([0, 15, 30, 45]))),
                "channel": rng.choice(["visit", "phone", "phone", "letter", "door_card"]),
                "by_member_id": coach["id"], "outcome": outcome,
                "summary": rng.choice(SUMMARIES[outcome])})
        visit_ids: list[tuple[str, str, datetime]] = []
        n_visits = rng.randint(2, 8)
        for v in range(n_visits):
            upcoming = v == n_visits - 1 and rng.random() < 0.3
            day = today + timedelta(days=rng.randint(0, 10)) if upcoming else \
                today - timedelta(days=rng.randint(5, 500))
            status = "planned" if upcoming else rng.choices(["done", "not_home", "cancelled"],
                                                            [80, 15, 5])[0]
            visit = {"id": new_id(), "household_id": hid,
                     "planned_at": datetime.combine(day, time(rng.randint(9, 16),
                                                              rng.choice([0, 30]))),
                     "duration_minutes": rng.choice([30, 45, 60, 90]), "status": status,
                     "kind": rng.choice(["introduction", "kitchen_table", "social_survey",
                                         "technical_survey", "proposal", "aftercare"]),
                     "visitors": coach["name"],
                     "attendees": "bewoner" + (", tolk" if household["interpreter_needed"]
                                               else "")}
            if status == "done":
                visit.update(wishes=rng.choice(WISHES), worries=rng.choice(WORRIES),
                             finalised_at=visit["planned_at"] + timedelta(days=2))
                if has_basis:
                    visit["notes"] = "Gesprek aan de keukentafel; afspraken doorgenomen."
            out["visit"].append(visit)
            visit_ids.append((visit["id"], status, visit["planned_at"]))
        done_visits = [v for v in visit_ids if v[1] == "done"]
        for _ in range(rng.randint(0, 6)):
            category, description = rng.choice(ADJUSTMENTS)
            status = rng.choices(["proposed", "agreed", "in_progress", "done", "dropped"],
                                 [15, 30, 20, 30, 5])[0]
            agreed_in = rng.choice(done_visits) if done_visits else None
            out["adjustment"].append({
                "id": new_id(), "household_id": hid, "project_id": project["id"],
                "visit_id": agreed_in[0] if agreed_in else None, "category": category,
                "description": description,
                "responsible_member_id": coach["id"] if rng.random() < 0.7 else None,
                "responsible_partner_id": rng.choice(partners)["id"] if rng.random() < 0.2
                else None,
                "due_date": _due(rng, today, open_=status not in ("done", "dropped"),
                                 late_share=0.05),
                "status": status,
                "cost_cents": rng.choice([None, 25000, 75000, 742800]),
                "agreed_date": agreed_in[2].date() if agreed_in and status != "proposed"
                else None})
        if rng.random() < 0.9:
            done = rng.random() < 0.3
            due = _due(rng, today, open_=not done, late_share=0.12)
            out["action"].append({
                "id": new_id(), "household_id": hid, "project_id": project["id"],
                "description": rng.choice(["Terugbellen over de planning",
                                           "Wijkteam vragen om mee te gaan",
                                           "Brief met afspraken nasturen",
                                           "Opslag regelen bij de aannemer"]),
                "for_whom": name, "assignee_member_id": coach["id"], "due_date": due,
                "done_date": due if done else None})
    return out


def _due(rng: random.Random, today: date, open_: bool, late_share: float) -> date:
    """A due date as a working team has them: finished work lies behind, open work mostly
    ahead, and ``late_share`` of the open items overdue."""
    if not open_:
        return today - timedelta(days=rng.randint(1, 200))
    if rng.random() < late_share:
        return today - timedelta(days=rng.randint(1, 30))
    return today + timedelta(days=rng.randint(0, 90))
