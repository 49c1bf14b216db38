<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Guidance</name>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>Aanpak</translation>
    </message>
    <message>
        <source>Adjustments that often help</source>
        <translation>Afspraken die vaak helpen</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Vervolgacties</translation>
    </message>
    <message>
        <source>Partners to involve</source>
        <translation>Partners om te betrekken</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>our organisation&apos;s own entry</source>
        <translation>eigen handvat van onze organisatie</translation>
    </message>
</context>
<context>
    <name>GuidanceEntryDialog</name>
    <message>
        <source>New guidance entry</source>
        <translation>Nieuw handvat</translation>
    </message>
    <message>
        <source>Adapt for our organisation: %1</source>
        <translation>Aanpassen voor onze organisatie: %1</translation>
    </message>
    <message>
        <source>Edit guidance entry: %1</source>
        <translation>Handvat bewerken: %1</translation>
    </message>
    <message>
        <source>Kind of theme</source>
        <translation>Soort thema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Signals (one per line)</source>
        <translation>Signalen (één per regel)</translation>
    </message>
    <message>
        <source>Approach (one step per line)</source>
        <translation>Aanpak (één stap per regel)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Regel toevoegen</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Regel weghalen</translation>
    </message>
    <message>
        <source>Adjustments that often help</source>
        <translation>Afspraken die vaak helpen</translation>
    </message>
    <message>
        <source>Follow-up actions (one per line)</source>
        <translation>Vervolgacties (één per regel)</translation>
    </message>
    <message>
        <source>Partners to involve</source>
        <translation>Partners om te betrekken</translation>
    </message>
    <message>
        <source>Sources (one per line: title | web address or reference)</source>
        <translation>Bronnen (één per regel: titel | webadres of vindplaats)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>The guidance entry is saved for the whole team.</source>
        <translation>Het handvat is opgeslagen voor het hele team.</translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>Search guidance, e.g. dementia or debts</source>
        <extracomment>Asks &quot;are you sure?&quot;; tests replace it.</extracomment>
        <translation>Zoek in de handvatten, bijvoorbeeld dementie of schulden</translation>
    </message>
    <message>
        <source>Search guidance</source>
        <translation>Zoeken in handvatten</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <source>&amp;New entry...</source>
        <translation>&amp;Nieuw handvat...</translation>
    </message>
    <message>
        <source>Guidance entries</source>
        <translation>Handvatten</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Handvatten</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bewerken...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>%1 of our own entries cannot be shown: %2</source>
        <translation>%1 eigen handvat(ten) kunnen niet worden getoond: %2</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigen</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 van %2 handvatten</translation>
    </message>
    <message>
        <source>&amp;Adapt for our organisation...</source>
        <translation>&amp;Aanpassen voor onze organisatie...</translation>
    </message>
    <message>
        <source>Delete our own entry “%1”? A shipped entry it replaced comes back.</source>
        <translation>Ons eigen handvat “%1” verwijderen? Een standaardhandvat dat het verving, komt dan terug.</translation>
    </message>
    <message>
        <source>The entry is deleted.</source>
        <translation>Het handvat is verwijderd.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Handvat verwijderen</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>Guidance for this household</source>
        <extracomment>Records whose change can change which guidance fits a household.</extracomment>
        <translation>Handvatten voor dit huishouden</translation>
    </message>
    <message>
        <source>Matching guidance</source>
        <translation>Passende handvatten</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Handvatten</translation>
    </message>
    <message>
        <source>Record a vulnerability or a cause of resistance on this profile to see practical guidance here.</source>
        <translation>Leg een kwetsbaarheid of een oorzaak van weerstand vast in dit profiel. Dan ziet u hier praktische handvatten.</translation>
    </message>
    <message>
        <source>&amp;Add its suggestions...</source>
        <translation>&amp;Suggesties toevoegen...</translation>
    </message>
    <message>
        <source>Add the suggested adjustments and actions of this guidance to the household; you can change them first.</source>
        <translation>Voeg de voorgestelde afspraken en acties van dit handvat toe aan het huishouden. U kunt ze eerst aanpassen.</translation>
    </message>
    <message>
        <source>Case for &amp;reflection...</source>
        <extracomment>At the panel&apos;s foot; a host page may move it beside its own buttons.</extracomment>
        <translation>Casus voor &amp;intervisie...</translation>
    </message>
    <message>
        <source>Make an anonymised case summary (PDF) of this household for a reflection meeting.</source>
        <translation>Maak een geanonimiseerde casus (pdf) van dit huishouden voor een intervisie.</translation>
    </message>
    <message>
        <source>See also: %1</source>
        <translation>Zie ook: %1</translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message>
        <source>Case for a reflection meeting</source>
        <translation>Casus voor intervisie</translation>
    </message>
    <message>
        <source>The summary shows the age as a band, weeks instead of dates, and no names, addresses or contact details. Read each text below. Tick &lt;b&gt;Include&lt;/b&gt; only for texts that help the meeting, and remove anything that could identify the tenant, family or staff.</source>
        <translation>De casus toont de leeftijd als groep, weken in plaats van datums, en geen namen, adressen of contactgegevens. Lees elke tekst hieronder. Vink &lt;b&gt;Opnemen&lt;/b&gt; alleen aan bij teksten die de intervisie helpen. Haal alles weg waaraan de huurder, familie of medewerkers te herkennen zijn.</translation>
    </message>
    <message>
        <source>&amp;Save PDF...</source>
        <translation>&amp;Pdf opslaan...</translation>
    </message>
    <message>
        <source>Always included: age band, %1 events over %2 weeks, %3 adjustment(s) and the outcome.</source>
        <translation>Staat er altijd in: leeftijdsgroep, %1 gebeurtenissen in %2 weken, %3 afspraak/afspraken en de uitkomst.</translation>
    </message>
    <message>
        <source>There is no free text to review.</source>
        <translation>Er is geen vrije tekst om na te lezen.</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Opnemen</translation>
    </message>
    <message>
        <source>Include: %1</source>
        <translation>Opnemen: %1</translation>
    </message>
    <message>
        <source>Still identifies someone: %1. Edit the text or leave it out.</source>
        <translation>Hieraan is nog iemand te herkennen: %1. Pas de tekst aan of laat hem weg.</translation>
    </message>
    <message>
        <source>Save case summary</source>
        <translation>Casus opslaan</translation>
    </message>
    <message>
        <source>case-for-reflection.pdf</source>
        <translation>casus-voor-intervisie.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Het bestand kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>The case summary is saved.</source>
        <translation>De casus is opgeslagen.</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Add suggestions: %1</source>
        <translation>Suggesties toevoegen: %1</translation>
    </message>
    <message>
        <source>Kind of adjustment</source>
        <translation>Soort afspraak</translation>
    </message>
    <message>
        <source>Untick what does not fit, change the text where needed and add a due date if you like (dd-mm-yyyy). The adjustments are saved as proposed: agree them with the tenant later.</source>
        <translation>Vink uit wat niet past, pas de tekst aan waar nodig en vul eventueel een datum in (dd-mm-jjjj). De afspraken worden opgeslagen als voorstel: spreek ze later af met de huurder.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Include: %1</source>
        <translation>Opnemen: %1</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Uiterlijk op</translation>
    </message>
    <message>
        <source>Added %1 adjustment(s) and %2 action(s).</source>
        <translation>%1 afspraak/afspraken en %2 actie(s) toegevoegd.</translation>
    </message>
</context>
</TS>
