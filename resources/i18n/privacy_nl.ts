<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ConfirmErasure</name>
    <message>
        <source>Erase data</source>
        <translation>Gegevens wissen</translation>
    </message>
    <message>
        <source>The sensitive data of %1 will be erased: vulnerabilities, notes, the safety note, the resistance assessment, partner roles and visit notes. Name, address, visits and agreements stay.</source>
        <translation>De gevoelige gegevens van %1 worden gewist: kwetsbaarheden, notities, de veiligheidsnotitie, de inschatting van weerstand, rollen van partners en notities van bezoeken. Naam, adres, bezoeken en afspraken blijven.</translation>
    </message>
    <message>
        <source>Everything about %1 will be erased: the profile, visits, contact moments, agreements, actions, letters and unsaved drafts. Only an empty marker without personal data stays, so other laptops erase it too.</source>
        <translation>Alles over %1 wordt gewist: het profiel, bezoeken, contactmomenten, afspraken, acties, brieven en niet-opgeslagen tekst. Er blijft alleen een leeg merkteken zonder persoonsgegevens over, zodat andere laptops het ook wissen.</translation>
    </message>
    <message>
        <source>Held now: %1 sensitive profile field(s), %2 vulnerability(ies), %3 partner role(s), %4 visit note(s).</source>
        <translation>Nu bewaard: %1 gevoelige profielveld(en), %2 kwetsbaarhe(i)d(en), %3 rol(len) van partners, %4 notitie(s) van bezoeken.</translation>
    </message>
    <message>
        <source>Afterwards: sync, and ask every colleague to sync too. This laptop&apos;s database is cleaned at once; the other laptops clean theirs after their sync.</source>
        <translation>Daarna: synchroniseer, en vraag elke collega ook te synchroniseren. De database van deze laptop wordt meteen opgeschoond; de andere laptops doen dat na hun synchronisatie.</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>Ik begrijp dat dit niet ongedaan kan worden</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Wissen</translation>
    </message>
</context>
<context>
    <name>HiddenNotes</name>
    <message>
        <source>The notes are hidden: no basis was recorded, or the tenant withdrew consent.</source>
        <translation>De notities zijn verborgen: er is geen grondslag vastgelegd, of de huurder heeft de toestemming ingetrokken.</translation>
    </message>
</context>
<context>
    <name>IdentifierWarnings</name>
    <message>
        <source>Save &amp;anyway</source>
        <translation>Toch &amp;opslaan</translation>
    </message>
    <message>
        <source>Remove the number and save again, or press Save anyway.</source>
        <translation>Haal het nummer weg en sla opnieuw op. Of kies Toch opslaan.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <source>Privacy statement</source>
        <translation>Privacyverklaring</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Name, address or number of the household</source>
        <translation>Naam, adres of nummer van het huishouden</translation>
    </message>
    <message>
        <source>Find a household</source>
        <translation>Zoek een huishouden</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <source>Sensitive data held</source>
        <translation>Gevoelige gegevens bewaard</translation>
    </message>
    <message>
        <source>Households found</source>
        <translation>Gevonden huishoudens</translation>
    </message>
    <message>
        <source>Basis for sensitive data</source>
        <translation>Grondslag voor gevoelige gegevens</translation>
    </message>
    <message>
        <source>What the consent covers, or which basis and why</source>
        <translation>Waarvoor de toestemming geldt, of welke grondslag en waarom</translation>
    </message>
    <message>
        <source>Date of consent</source>
        <translation>Datum toestemming</translation>
    </message>
    <message>
        <source>Scope or note</source>
        <translation>Reikwijdte of toelichting</translation>
    </message>
    <message>
        <source>Save basis</source>
        <translation>Grondslag opslaan</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Toestemming ingetrokken</translation>
    </message>
    <message>
        <source>Export everything held (inzage)...</source>
        <translation>Alles exporteren wat we bewaren (inzage)...</translation>
    </message>
    <message>
        <source>Erase sensitive data...</source>
        <translation>Gevoelige gegevens wissen...</translation>
    </message>
    <message>
        <source>Erase household...</source>
        <translation>Huishouden wissen...</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>Nummer huishouden</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Elke handeling</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Export to CSV...</source>
        <translation>Exporteren naar CSV...</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>from</source>
        <translation>vanaf</translation>
    </message>
    <message>
        <source>Under the organisation&apos;s retention policy these households are due for erasure: sensitive data some months after the project&apos;s aftercare ended, everything some months after the tenancy ended.</source>
        <translation>Volgens het bewaarbeleid van de organisatie moeten deze gegevens nu gewist worden: gevoelige gegevens enkele maanden na het einde van de nazorg van het project, alles enkele maanden na het einde van de huur.</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Te wissen sinds</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Due for erasure</source>
        <translation>Te wissen</translation>
    </message>
    <message>
        <source>Erase everything that is due...</source>
        <translation>Alles wissen wat aan de beurt is...</translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation>%1 (ingetrokken)</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Gevoelige gegevens</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>Hele huishouden</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Where to save the inzage</source>
        <translation>Waar moet de inzage komen?</translation>
    </message>
    <message>
        <source>Inzage</source>
        <translation>Inzage</translation>
    </message>
    <message numerus="yes">
        <source>Saved in %1: a PDF to read, a JSON file with everything, and %n letter(s).</source>
        <translation>
            <numerusform>Opgeslagen in %1: een pdf om te lezen, een JSON-bestand met alles, en %n brief.</numerusform>
            <numerusform>Opgeslagen in %1: een pdf om te lezen, een JSON-bestand met alles, en %n brieven.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erased. Sync now, and ask your colleagues to sync.</source>
        <translation>Gewist. Synchroniseer nu, en vraag uw collega&apos;s te synchroniseren.</translation>
    </message>
    <message>
        <source>Erase data</source>
        <translation>Gegevens wissen</translation>
    </message>
    <message numerus="yes">
        <source>Erase the data of %n household(s) that is due? This cannot be undone.</source>
        <translation>
            <numerusform>De gegevens van %n huishouden wissen die aan de beurt zijn? Dit kan niet ongedaan worden.</numerusform>
            <numerusform>De gegevens van %n huishoudens wissen die aan de beurt zijn? Dit kan niet ongedaan worden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Logboek exporteren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) exported</source>
        <translation>
            <numerusform>%n regel geëxporteerd</numerusform>
            <numerusform>%n regels geëxporteerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyStatement</name>
    <message>
        <source>What RenoDesk stores</source>
        <translation>Wat RenoDesk bewaart</translation>
    </message>
    <message>
        <source>Per tenant: name, address, phone, e-mail, language, contact person, how they want to be contacted, their stance on the renovation, contact moments, home visits, tailored agreements, actions and letters. Sensitive data (what a vulnerability means for the works, notes, the safety note, the resistance assessment) is only recorded after a basis is set, such as the tenant&apos;s explicit consent. No citizen service number (BSN) and no diagnoses: RenoDesk records the need, not the illness, and warns when a text looks like a BSN or a bank account number.</source>
        <translation>Per huurder: naam, adres, telefoon, e-mail, taal, contactpersoon, hoe de huurder benaderd wil worden, de keuze over de renovatie, contactmomenten, huisbezoeken, maatwerkafspraken, acties en brieven. Gevoelige gegevens (wat een kwetsbaarheid betekent voor de werken, notities, de veiligheidsnotitie, de inschatting van weerstand) worden pas vastgelegd als er een grondslag is, zoals uitdrukkelijke toestemming van de huurder. Geen burgerservicenummer (BSN) en geen diagnoses: RenoDesk legt de behoefte vast, niet de ziekte, en waarschuwt als een tekst lijkt op een BSN of een bankrekeningnummer.</translation>
    </message>
    <message>
        <source>Where, and how it is protected</source>
        <translation>Waar, en hoe het beveiligd is</translation>
    </message>
    <message>
        <source>In one encrypted database file (SQLCipher, AES-256) in the coach&apos;s own data folder. Its random key is kept in the operating system&apos;s keyring, or derived from a passphrase; it is never written in plain text. The window locks after a few idle minutes.</source>
        <translation>In één versleuteld databasebestand (SQLCipher, AES-256) in de eigen gegevensmap van de wooncoach. De willekeurige sleutel staat in de sleutelbos van het besturingssysteem, of wordt afgeleid van een wachtwoordzin; hij wordt nooit leesbaar opgeslagen. Het venster vergrendelt na een paar minuten zonder gebruik.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Laptops of a team exchange changes through a shared folder or a RenoDesk server. Everything that leaves the laptop is encrypted and signed with the team key (AES-256-GCM) before it is written: the folder and the server only ever hold ciphertext. The team key lives in the keyring of the team&apos;s laptops.</source>
        <translation>Laptops van een team wisselen wijzigingen uit via een gedeelde map of een RenoDesk-server. Alles wat de laptop verlaat, wordt eerst versleuteld en ondertekend met de teamsleutel (AES-256-GCM): de map en de server bewaren alleen versleutelde gegevens. De teamsleutel staat in de sleutelbos van de laptops van het team.</translation>
    </message>
    <message>
        <source>Who can see it</source>
        <translation>Wie het kan zien</translation>
    </message>
    <message>
        <source>The coaches of the team on their own laptops. When consent is withdrawn, the household&apos;s profile hides the sensitive data at once. Every view of sensitive data, every change, export, print and erasure is recorded in the audit trail: who, when, what and on which laptop, never the values themselves.</source>
        <translation>De wooncoaches van het team, op hun eigen laptop. Als de toestemming is ingetrokken, verbergt het profiel van het huishouden de gevoelige gegevens meteen. Elke keer dat iemand gevoelige gegevens bekijkt, verandert, exporteert, afdrukt of wist, komt in het logboek: wie, wanneer, wat en op welke laptop, nooit de gegevens zelf.</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Hoe lang</translation>
    </message>
    <message>
        <source>The organisation sets the retention: sensitive data a number of months after the project&apos;s aftercare ends, the whole record a number of months after the tenancy ends. The privacy page lists what is due and erases it in one step.</source>
        <translation>De organisatie stelt de bewaartermijn in: gevoelige gegevens een aantal maanden na het einde van de nazorg van het project, het hele dossier een aantal maanden na het einde van de huur. De privacypagina toont wat aan de beurt is en wist het in één stap.</translation>
    </message>
    <message>
        <source>Access and erasure</source>
        <translation>Inzage en wissen</translation>
    </message>
    <message>
        <source>A tenant&apos;s access request is answered with a readable PDF, a complete JSON file and the letters. Erasure deletes the data, its history and old database pages on this laptop, and reaches the other laptops by sync. Old encrypted sync files stay on the shared folder or server until the team replaces them; they can only be read with the team key.</source>
        <translation>Een inzageverzoek van een huurder wordt beantwoord met een leesbare pdf, een volledig JSON-bestand en de brieven. Wissen verwijdert de gegevens, hun geschiedenis en oude databasepagina&apos;s op deze laptop, en bereikt de andere laptops via synchronisatie. Oude versleutelde synchronisatiebestanden blijven in de gedeelde map of op de server tot het team ze vervangt; ze zijn alleen te lezen met de teamsleutel.</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logbestanden</translation>
    </message>
    <message>
        <source>The log file and crash reports hold record numbers and error codes, never names, notes or other personal data.</source>
        <translation>Het logbestand en crashrapporten bevatten nummers van gegevens en foutcodes, nooit namen, notities of andere persoonsgegevens.</translation>
    </message>
</context>
<context>
    <name>SensitiveMarker</name>
    <message>
        <source>sensitive</source>
        <translation>gevoelig</translation>
    </message>
    <message>
        <source>Sensitive data: recorded only with a basis such as the tenant&apos;s consent, and hidden when consent is withdrawn.</source>
        <translation>Gevoelig gegeven: alleen vastleggen met een grondslag, zoals toestemming van de huurder. Verborgen als de huurder de toestemming intrekt.</translation>
    </message>
</context>
</TS>
