<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ActionsPage</name>
    <message>
        <source>Action done. Untick it to open it again.</source>
        <translation>Actie afgevinkt. Haal het vinkje weg om hem weer te openen.</translation>
    </message>
    <message>
        <source>Action open again.</source>
        <translation>Actie staat weer open.</translation>
    </message>
</context>
<context>
    <name>ConfirmErasure</name>
    <message>
        <source>Held now: %1, %2, %3, %4.</source>
        <translation>Nu bewaard: %1, %2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n sensitive profile field(s)</source>
        <translation><numerusform>%n gevoelig profielveld</numerusform><numerusform>%n gevoelige profielvelden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n vulnerability(ies)</source>
        <translation><numerusform>%n kwetsbaarheid</numerusform><numerusform>%n kwetsbaarheden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n partner role(s)</source>
        <translation><numerusform>%n rol van een partner</numerusform><numerusform>%n rollen van partners</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n visit note(s)</source>
        <translation><numerusform>%n notitie van een bezoek</numerusform><numerusform>%n notities van bezoeken</numerusform></translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>No guidance matches. Try another word (such as 'debt', 'dementia' or 'noise'), or choose 'All themes'.</source>
        <translation>Geen handvat gevonden. Probeer een ander woord (zoals 'schulden', 'dementie' of 'geluid'), of kies 'Alle thema's'.</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>No household matches. Type part of a name, street, house number or postcode (for example 3521 or 3521 AB), or set the filters back to 'All'.</source>
        <translation>Geen huishouden gevonden. Typ een deel van een naam, straat, huisnummer of postcode (bijvoorbeeld 3521 of 3521 AB), of zet de filters terug op 'Alle'.</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>No letters yet. Open a household and choose 'Make letter...', or make letters for a whole group with 'Batch letters...'.</source>
        <translation>Nog geen brieven. Open een huishouden en kies 'Brief maken...', of maak brieven voor een hele groep met 'Brieven voor een groep...'.</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Teamlid</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Wie doet wat</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Project partner</source>
        <translation>Projectpartner</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Kwetsbaarheid</translation>
    </message>
    <message>
        <source>Partner involved</source>
        <translation>Betrokken partner</translation>
    </message>
    <message>
        <source>Contact moment</source>
        <translation>Contactmoment</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Maatwerkafspraak</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Handvat</translation>
    </message>
    <message>
        <source>whole record</source>
        <translation>hele record</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
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
        <source>Addenda</source>
        <translation>Aanvullingen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Bezoekers</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>What it means for the works</source>
        <translation>Wat dit betekent voor de werkzaamheden</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Toegang tot de woning</translation>
    </message>
    <message>
        <source>Safety note</source>
        <translation>Veiligheidsnotitie</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>Oorzaken</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>Aanpak</translation>
    </message>
    <message>
        <source>Consent for</source>
        <translation>Toestemming voor</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Contact person's phone</source>
        <translation>Telefoon contactpersoon</translation>
    </message>
    <message>
        <source>Contact person's street</source>
        <translation>Straat en huisnummer contactpersoon</translation>
    </message>
    <message>
        <source>Contact person's postcode</source>
        <translation>Postcode contactpersoon</translation>
    </message>
    <message>
        <source>Contact person's place</source>
        <translation>Woonplaats contactpersoon</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Gericht aan</translation>
    </message>
    <message>
        <source>Responsible for</source>
        <translation>Verantwoordelijk voor</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Zwaarte</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Gepland op</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Klaar op</translation>
    </message>
    <message>
        <source>Finalised on</source>
        <translation>Definitief op</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Afgesproken op</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Mening</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Datum toestemming</translation>
    </message>
    <message>
        <source>Consent withdrawn on</source>
        <translation>Toestemming ingetrokken op</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>Liefst contact via</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message>
        <source>Always included: age band, %1 over %2, %3 and the outcome.</source>
        <translation>Staat er altijd in: leeftijdsgroep, %1 in %2, %3 en de uitkomst.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n gebeurtenis</numerusform><numerusform>%n gebeurtenissen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation><numerusform>%n week</numerusform><numerusform>%n weken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n afspraak</numerusform><numerusform>%n afspraken</numerusform></translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Added %1 and %2.</source>
        <translation>%1 en %2 toegevoegd.</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n afspraak</numerusform><numerusform>%n afspraken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n actie</numerusform><numerusform>%n acties</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sent %1 and received %2; %3 to settle.</source>
        <translation>%1 verstuurd en %2 ontvangen; %3 te beoordelen.</translation>
    </message>
    <message>
        <source>Many records deleted</source>
        <translation>Veel gegevens verwijderd</translation>
    </message>
    <message>
        <source>Apply these deletions on this laptop too? Choose No if you are not sure, and ask your colleagues first.</source>
        <translation>Deze verwijderingen ook op deze laptop doorvoeren? Kies Nee als u twijfelt, en vraag het eerst aan uw collega's.</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Already recorded at this visit: %1 and %2. You find them under Agreements and Actions.</source>
        <translation>Bij dit bezoek zijn al %1 en %2 vastgelegd. U vindt ze bij Afspraken en Acties.</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n afspraak</numerusform><numerusform>%n afspraken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n actie</numerusform><numerusform>%n acties</numerusform></translation>
    </message>
    <message>
        <source>Save the report first (Ctrl+S): some of what you typed is not saved yet.</source>
        <translation>Sla het verslag eerst op (Ctrl+S): een deel van wat u typte is nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Make the report final?</source>
        <translation>Verslag definitief maken?</translation>
    </message>
    <message>
        <source>After this the report cannot be changed any more. You can still add an addendum. Make it final now?</source>
        <translation>Daarna kunt u het verslag niet meer wijzigen. Een aanvulling toevoegen kan wel. Nu definitief maken?</translation>
    </message>
</context>
<context>
    <name>VisitReportForm</name>
    <message>
        <source>Agreement %1</source>
        <translation>Afspraak %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Actie %1</translation>
    </message>
</context>
</TS>
