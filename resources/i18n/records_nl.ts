<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ActionTableModel</name>
    <message>
        <source>Done</source>
        <extracomment>(adjustment id, new status code): the page carries out the change.</extracomment>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Uitvoerder</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <source>Tick an action off with the box in the first column (or the space bar). Double-click another column to open the household.</source>
        <translation>Vink een actie af met het vakje in de eerste kolom (of met de spatiebalk). Dubbelklik op een andere kolom om het huishouden te openen.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n actie</numerusform>
            <numerusform>%n acties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdjustmentTableModel</name>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwoordelijk</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AdjustmentsPage</name>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>Change a status: select it and press F2, or double-click it. Double-click another column to open the household.</source>
        <translation>Status wijzigen: kies de status en druk op F2, of dubbelklik erop. Dubbelklik op een andere kolom om het huishouden te openen.</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation>
            <numerusform>%n afspraak</numerusform>
            <numerusform>%n afspraken</numerusform>
        </translation>
    </message>
    <message>
        <source>Status changed to: %1</source>
        <translation>Status gewijzigd in: %1</translation>
    </message>
</context>
<context>
    <name>DwellingModel</name>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Mening</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Mening</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open acties</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Search by name, street, number or postcode</source>
        <extracomment>Wait this long after the last keystroke before searching (ms). The &apos;not reached&apos; filter: this many tries in a row without reaching the tenant.</extracomment>
        <translation>Zoek op naam, straat, huisnummer of postcode</translation>
    </message>
    <message>
        <source>Search households</source>
        <translation>Huishoudens zoeken</translation>
    </message>
    <message>
        <source>&amp;New household...</source>
        <translation>&amp;Nieuw huishouden...</translation>
    </message>
    <message>
        <source>A dwelling and its household (Ctrl+Shift+N)</source>
        <translation>Een woning met het huishouden dat er woont (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle projecten</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Kwetsbaarheid</translation>
    </message>
    <message>
        <source>Any vulnerability</source>
        <translation>Alle kwetsbaarheden</translation>
    </message>
    <message>
        <source>Stance on the proposal</source>
        <translation>Mening over het voorstel</translation>
    </message>
    <message>
        <source>Any stance</source>
        <translation>Alle meningen</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open acties</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Niet bereikt</translation>
    </message>
    <message>
        <source>Tried %1 times in a row without reaching the tenant</source>
        <translation>%1 keer achter elkaar geprobeerd, zonder de huurder te spreken</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Huishoudens</translation>
    </message>
    <message numerus="yes">
        <source>More than %n: type more to narrow the search</source>
        <translation>
            <numerusform>Meer dan %n: typ verder om minder te vinden</numerusform>
            <numerusform>Meer dan %n: typ verder om minder te vinden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n huishouden</numerusform>
            <numerusform>%n huishoudens</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a project first (page Projects), then add its households.</source>
        <translation>Maak eerst een project (pagina Projecten). Daarna voegt u de huishoudens toe.</translation>
    </message>
    <message>
        <source>Household added.</source>
        <translation>Huishouden toegevoegd.</translation>
    </message>
    <message>
        <source>Choose a household first, then press Ctrl+N.</source>
        <translation>Kies eerst een huishouden en druk dan op Ctrl+N.</translation>
    </message>
</context>
<context>
    <name>PartnerModel</name>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Role in the project</source>
        <translation>Rol in het project</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Consent deadline</source>
        <translation>Uiterste datum instemming</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>Projects</source>
        <extracomment>The tabs under a project, in order.</extracomment>
        <translation>Projecten</translation>
    </message>
    <message>
        <source>&amp;New project...</source>
        <translation>&amp;Nieuw project...</translation>
    </message>
    <message>
        <source>A new project (Ctrl+Shift+N)</source>
        <translation>Een nieuw project (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Edit project...</source>
        <translation>Project &amp;bewerken...</translation>
    </message>
    <message>
        <source>Details and phase of this project (F2)</source>
        <translation>Gegevens en fase van dit project (F2)</translation>
    </message>
    <message>
        <source>There are no projects yet. Press &apos;New project&apos; to start one; then add the roster, the partners and the dwellings with their households, or read in a tenant list.</source>
        <translation>Er zijn nog geen projecten. Klik op &apos;Nieuw project&apos; om te beginnen. Daarna vult u het rooster, de partners en de woningen met hun huishoudens in, of u leest een huurderslijst in.</translation>
    </message>
    <message>
        <source>Consent (70% rule)</source>
        <translation>Instemming (70%-regel)</translation>
    </message>
    <message>
        <source>Share of tenants who agree</source>
        <translation>Deel van de huurders dat akkoord is</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Akkoord</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Uiterste datum</translation>
    </message>
    <message>
        <source>&amp;Add person...</source>
        <translation>Persoon &amp;toevoegen...</translation>
    </message>
    <message>
        <source>Ed&amp;it...</source>
        <translation>Be&amp;werken...</translation>
    </message>
    <message>
        <source>&amp;Remove from roster</source>
        <translation>Van rooster &amp;halen</translation>
    </message>
    <message>
        <source>&amp;Add partner...</source>
        <translation>Partner &amp;toevoegen...</translation>
    </message>
    <message>
        <source>&amp;Remove partner</source>
        <translation>Partner &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Add dwelling with household...</source>
        <translation>&amp;Woning met huishouden toevoegen...</translation>
    </message>
    <message>
        <source>Read in &amp;tenant list...</source>
        <translation>&amp;Huurderslijst inlezen...</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Wie doet wat</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Works while tenants stay at home</source>
        <translation>Werk terwijl de huurders thuis wonen</translation>
    </message>
    <message>
        <source>Works while the dwellings are empty</source>
        <translation>Werk in lege woningen</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Complex: %1</source>
        <translation>Complex: %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Van %1 tot %2</translation>
    </message>
    <message>
        <source>Rent change: %1</source>
        <translation>Huurverandering: %1</translation>
    </message>
    <message>
        <source>Social plan: %1</source>
        <translation>Sociaal plan: %1</translation>
    </message>
    <message>
        <source>%1 agree, %2 do not agree, %3 undecided, %4 unknown (of %5 tenants)</source>
        <translation>%1 akkoord, %2 niet akkoord, %3 twijfelt, %4 onbekend (van %5 huurders)</translation>
    </message>
    <message>
        <source>The 70% rule does not apply: fewer than %1 dwellings. Every tenant decides for themselves.</source>
        <translation>De 70%-regel geldt hier niet: minder dan %1 woningen. Elke huurder beslist zelf.</translation>
    </message>
    <message>
        <source>Enough tenants agree: %1 of %2 (%3 needed).</source>
        <translation>Genoeg huurders zijn akkoord: %1 van %2 (%3 nodig).</translation>
    </message>
    <message>
        <source>Not enough yet: %1 more &apos;yes&apos; needed to reach %2.</source>
        <translation>Nog niet genoeg: nog %1 keer &apos;akkoord&apos; nodig voor %2.</translation>
    </message>
    <message>
        <source>No deadline set</source>
        <translation>Geen uiterste datum</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (nog %n dag)</numerusform>
            <numerusform>%1 (nog %n dagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (passed)</source>
        <translation>%1 (voorbij)</translation>
    </message>
    <message>
        <source>Project saved.</source>
        <translation>Project opgeslagen.</translation>
    </message>
    <message>
        <source>Added to the roster.</source>
        <translation>Toegevoegd aan het rooster.</translation>
    </message>
    <message>
        <source>Choose someone on the roster first.</source>
        <translation>Kies eerst iemand in het rooster.</translation>
    </message>
    <message>
        <source>Roster entry saved.</source>
        <translation>Rooster opgeslagen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Take %1 off this project&apos;s roster? They stay in the team.</source>
        <translation>%1 van het rooster van dit project halen? De persoon blijft in het team.</translation>
    </message>
    <message>
        <source>Removed from the roster.</source>
        <translation>Van het rooster gehaald.</translation>
    </message>
    <message>
        <source>Partner added to the project.</source>
        <translation>Partner aan het project toegevoegd.</translation>
    </message>
    <message>
        <source>Choose a partner first.</source>
        <translation>Kies eerst een partner.</translation>
    </message>
    <message>
        <source>Is %1 no longer involved in this project?</source>
        <translation>Is %1 niet meer bij dit project betrokken?</translation>
    </message>
    <message>
        <source>Partner removed from the project.</source>
        <translation>Partner van het project verwijderd.</translation>
    </message>
    <message>
        <source>Household added.</source>
        <translation>Huishouden toegevoegd.</translation>
    </message>
    <message>
        <source>Choose a tenant list</source>
        <translation>Kies een huurderslijst</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Responsible for</source>
        <translation>Verantwoordelijk voor</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <extracomment>(action id, done): the page carries out the change.</extracomment>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>VisitReportForm</name>
    <message>
        <source>e.g. tenant, daughter, interpreter</source>
        <translation>bijv. huurder, dochter, tolk</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <source>Present</source>
        <extracomment>Field labels, for messages about a field.</extracomment>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Wensen</translation>
    </message>
    <message>
        <source>Worries</source>
        <translation>Zorgen</translation>
    </message>
    <message>
        <source>The notes are hidden: no basis was recorded, or the tenant withdrew consent.</source>
        <translation>De notities zijn verborgen: er is geen grondslag vastgelegd, of de huurder heeft de toestemming ingetrokken.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation>Wat is afgesproken</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agreements made at this visit</source>
        <translation>Afspraken van dit bezoek</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <source>Actions from this visit</source>
        <translation>Acties van dit bezoek</translation>
    </message>
    <message>
        <source>A date such as 26-11-2026</source>
        <translation>Een datum zoals 26-11-2026</translation>
    </message>
    <message>
        <source>Add agreement</source>
        <translation>Afspraak toevoegen</translation>
    </message>
    <message>
        <source>Remove agreement</source>
        <translation>Afspraak weghalen</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Actie toevoegen</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Actie weghalen</translation>
    </message>
    <message>
        <source>Agreements (maatwerk)</source>
        <translation>Maatwerkafspraken</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Bezoekers</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Status</source>
        <extracomment>Save a draft this long after the last keystroke (ms). Agreements and actions already recorded at this visit. False when consent is missing or withdrawn: the notes are blanked.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>From today on</source>
        <translation>Vanaf vandaag</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <source>Choose a visit in the list. To plan a new visit, open a household (Ctrl+F on Households) and press Ctrl+N.</source>
        <translation>Kies een bezoek in de lijst. Wilt u een nieuw bezoek plannen? Open dan een huishouden (Ctrl+F bij Huishoudens) en druk op Ctrl+N.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Terugzetten</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Weggooien</translation>
    </message>
    <message>
        <source>Open &amp;profile</source>
        <translation>&amp;Profiel openen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plannen</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Namen, gescheiden door komma’s</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>Kind of visit</source>
        <translation>Soort bezoek</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Bezoekers</translation>
    </message>
    <message>
        <source>P&amp;lan visit</source>
        <translation>Bezoek p&amp;lannen</translation>
    </message>
    <message>
        <source>&amp;Save report</source>
        <translation>Verslag op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>&amp;Definitief maken</translation>
    </message>
    <message>
        <source>Make the report final. Afterwards it can no longer be changed.</source>
        <translation>Maak het verslag definitief. Daarna kunt u het niet meer veranderen.</translation>
    </message>
    <message>
        <source>&amp;Not at home</source>
        <translation>&amp;Niet thuis</translation>
    </message>
    <message>
        <source>Nobody opened: log a contact moment and suggest the next step</source>
        <translation>Niemand deed open: leg dit vast en kies de volgende stap</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n bezoek</numerusform>
            <numerusform>%n bezoeken</numerusform>
        </translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Nieuw bezoek</translation>
    </message>
    <message>
        <source>The visit is planned.</source>
        <translation>Het bezoek is gepland.</translation>
    </message>
    <message>
        <source>Already recorded at this visit: %1 agreement(s) and %2 action(s). You find them under Agreements and Actions.</source>
        <translation>Bij dit bezoek zijn al %1 afspraken en %2 acties vastgelegd. U vindt ze bij Afspraken en Acties.</translation>
    </message>
    <message>
        <source>final since %1</source>
        <translation>definitief sinds %1</translation>
    </message>
    <message>
        <source>Text typed on %1 was not saved. Do you want it back?</source>
        <translation>Tekst van %1 is niet opgeslagen. Wilt u die terug?</translation>
    </message>
    <message>
        <source>The unsaved text is back. Save it with Ctrl+S.</source>
        <translation>De tekst is terug. Sla hem op met Ctrl+S.</translation>
    </message>
    <message>
        <source>Agreement %1</source>
        <translation>Afspraak %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Actie %1</translation>
    </message>
    <message>
        <source>Nothing was saved. Check the red text.</source>
        <translation>Er is niets opgeslagen. Kijk naar de rode tekst.</translation>
    </message>
    <message>
        <source>The visit report is saved.</source>
        <translation>Het bezoekverslag is opgeslagen.</translation>
    </message>
    <message>
        <source>Not at home is logged (attempt %1). Next step: %2</source>
        <translation>Niet thuis is vastgelegd (poging %1). Volgende stap: %2</translation>
    </message>
    <message>
        <source>leave the not-at-home card and come back at another time of day.</source>
        <translation>laat het niet-thuis-kaartje achter en kom terug op een ander moment van de dag.</translation>
    </message>
    <message>
        <source>call the tenant.</source>
        <translation>bel de huurder.</translation>
    </message>
    <message>
        <source>send a letter with a fixed appointment.</source>
        <translation>stuur een brief met een vaste afspraak.</translation>
    </message>
    <message>
        <source>ask the contact person to help.</source>
        <translation>vraag de contactpersoon om hulp.</translation>
    </message>
    <message>
        <source>ask the partner who is involved to help.</source>
        <translation>vraag de betrokken partner om hulp.</translation>
    </message>
    <message>
        <source>discuss with the project leader and the social housing officer.</source>
        <translation>bespreek het met de projectleider en de sociaal beheerder.</translation>
    </message>
    <message>
        <source>Open a household first (Ctrl+F), then press Ctrl+N.</source>
        <translation>Open eerst een huishouden (Ctrl+F) en druk dan op Ctrl+N.</translation>
    </message>
</context>
<context>
    <name>WorkListPage</name>
    <message>
        <source>Show</source>
        <extracomment>Entities whose changes make the list stale.</extracomment>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle projecten</translation>
    </message>
</context>
</TS>
