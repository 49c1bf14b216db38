"""The words of the demo workspace: names, places, needs, agreements and what a coach
writes down after a contact. Every person and address is invented.

Kept apart from the generator (renodesk.reports.demo) so the rules of who gets what
read without the word lists in between.
"""

from __future__ import annotations

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
    "dementia": "Vergeet afspraken; contactpersoon een dag vooraf bellen.",
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
#: The kind of partner that helps with a need (any other need: the neighbourhood team).
PARTNER_FOR_NEED = {
    "old_age": "home_care", "chronic_illness": "home_care", "medical_equipment": "home_care",
    "mobility": "municipality", "dementia": "home_care", "psychological": "mental_health",
    "addiction": "mental_health", "money_problems": "debt_counselling",
    "nuisance": "community_police",
}
#: Vulnerabilities that only fit a tenant of a certain age: (youngest age, oldest age).
AGE_OF_NEED = {"old_age": (70, 120), "dementia": (65, 120), "young_children": (18, 50)}

#: (category, description, cost in cents or None, what it fits): "any" household, or a
#: vulnerability category, "interpreter", or "uninhabited" works (the tenant moves out).
ADJUSTMENTS: list[tuple[str, str, int | None, str]] = [
    ("planning", "Werkzaamheden in de badkamer in één week afronden", None, "any"),
    ("moving_help", "Inpakhulp voor de keukenkastjes", None, "any"),
    ("storage", "Opslagcontainer voor meubels gedurende drie weken", 25000, "any"),
    ("communication", "Vaste contactpersoon en bezoek een dag vooraf", None, "any"),
    ("money", "Ongemakkenvergoeding in twee delen uitbetalen", 75000, "any"),
    ("temporary_housing", "Logeerwoning in de straat tijdens de sloopfase", None,
     "uninhabited"),
    ("money", "Verhuiskostenvergoeding (wettelijk minimum)", 742800, "uninhabited"),
    ("temporary_housing", "Rustwoning overdag beschikbaar", None, "psychological"),
    ("temporary_housing", "Rustwoning overdag beschikbaar", None, "old_age"),
    ("care_aids", "Traplift opnieuw plaatsen na de werkzaamheden", None, "mobility"),
    ("communication", "Tolk bij het gesprek over de planning", None, "interpreter"),
    ("communication", "Contactpersoon een dag vooraf bellen over elk bezoek", None,
     "dementia"),
    ("moving_help", "Hulp bij opruimen voor de start van de werkzaamheden", None, "hoarding"),
    ("money", "Betalingsregeling voor de huurverhoging", None, "money_problems"),
    ("pets", "Opvang voor de katten tijdens de sloopdagen", 18000, "pets"),
    ("safety", "Rookmelder tijdelijk op de logeerkamer", None, "young_children"),
    ("technical", "Extra stopcontact voor medische apparatuur", 12000, "medical_equipment"),
]
#: The states an agreement can be in while a project is in a phase, with their weights.
ADJUSTMENT_STATUS_BY_PHASE = {
    "orientation": {"proposed": 1},
    "planning": {"proposed": 60, "agreed": 35, "dropped": 5},
    "consent": {"proposed": 35, "agreed": 60, "dropped": 5},
    "preparation": {"proposed": 10, "agreed": 60, "in_progress": 25, "dropped": 5},
    "execution": {"agreed": 25, "in_progress": 40, "done": 30, "dropped": 5},
    "delivery": {"in_progress": 20, "done": 75, "dropped": 5},
    "aftercare": {"done": 95, "dropped": 5},
    "closed": {"done": 95, "dropped": 5},
}
#: The tenants' stance on the proposal while a project is in a phase: before the
#: proposal nobody has signed, after the vote most have.
STANCE_BY_PHASE = {
    "orientation": {"unknown": 85, "undecided": 15},
    "planning": {"unknown": 70, "undecided": 30},
    "consent": {"yes": 55, "no": 10, "undecided": 15, "unknown": 20},
}
STANCE_AFTER_VOTE = {"yes": 82, "no": 8, "undecided": 4, "unknown": 6}
#: The kinds of the later visits in a phase (the first visit is always the introduction).
VISIT_KINDS_BY_PHASE = {
    "orientation": ["kitchen_table", "social_survey"],
    "planning": ["kitchen_table", "social_survey", "technical_survey"],
    "consent": ["social_survey", "technical_survey", "proposal", "proposal"],
    "preparation": ["technical_survey", "kitchen_table", "proposal"],
    "execution": ["kitchen_table", "technical_survey"],
    "delivery": ["kitchen_table", "aftercare"],
    "aftercare": ["aftercare"],
    "closed": ["aftercare"],
}
WISHES = ["Wil graag een verhoogd toilet.", "Wil de oude keukenkleur houden.",
          "Wil graag een douchestoel.", "Wil weten wanneer de steigers komen."]
WORRIES = ["Maakt zich zorgen over stof.", "Bang voor inbraak tijdens de steigers.",
           "Zorgen over de huurverhoging.", "Weet niet waar de spullen heen moeten."]
#: What a coach writes after a contact, for each channel and outcome that go together:
#: a letter or an e-mail always arrives, a card at the door means nobody opened, only a
#: visit or a call can be refused. "{partner}" is the organisation that helps the tenant.
CONTACTS: dict[tuple[str, str], list[str]] = {
    ("visit", "reached"): ["Planning besproken aan de keukentafel.",
                           "Vragen over de nieuwe keuken beantwoord."],
    ("visit", "not_home"): ["Aangebeld, niet thuis. Volgende week opnieuw langs."],
    ("visit", "refused"): ["Deed open, maar wil nu niet praten over de renovatie."],
    ("phone", "reached"): ["Afspraak voor een huisbezoek gemaakt.",
                           "Vragen over de planning beantwoord."],
    ("phone", "refused"): ["Wil er aan de telefoon niet over praten."],
    ("phone", "via_partner"): ["{partner} heeft contact gehad en koppelt terug."],
    ("door_card", "not_home"): ["Niet thuis; kaartje met telefoonnummer in de bus gedaan."],
    ("letter", "reached"): ["Brief met de planning van de werkzaamheden verstuurd.",
                            "Uitnodiging voor de bewonersavond verstuurd."],
    ("email", "reached"): ["Vraag over de vergoeding per e-mail beantwoord."],
    ("contact_person", "reached"): ["Contactpersoon gebeld; die bespreekt de planning "
                                    "met de bewoner."],
}
#: How often each outcome happens.
OUTCOME_WEIGHTS = {"reached": 70, "not_home": 20, "refused": 5, "via_partner": 5}
#: Relations of a contact person, for tenants old enough to have grown-up children.
RELATIONS_OLDER = ["dochter", "zoon", "buurvrouw", "mantelzorger"]
RELATIONS_YOUNGER = ["zus", "broer", "buurvrouw", "mantelzorger"]
ACTIONS = ["Terugbellen over de planning", "Brief met afspraken nasturen",
           "Opslag regelen bij de aannemer"]

RESPONSIBILITIES = {
    "tenant_coach": "Huisbezoeken, maatwerkafspraken en vaste contactpersoon voor bewoners.",
    "project_leader": "Eindverantwoordelijk voor planning, budget en draagvlak.",
    "supervisor": "Technische opname en kwaliteit van het werk in de woning.",
    "social_manager": "Overlast, leefbaarheid en contact met wijkteam en wijkagent.",
    "contractor_coach": "Dagelijkse planning per woning en vragen tijdens de uitvoering.",
    "site_manager": "Leiding op de bouwplaats en veiligheid.",
    "other": "",
}
