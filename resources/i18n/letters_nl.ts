<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Batch letters</source>
        <translation>Brieven voor een groep</translation>
    </message>
    <message>
        <source>Every household</source>
        <translation>Alle huishoudens</translation>
    </message>
    <message>
        <source>Only households with open actions</source>
        <translation>Alleen huishoudens met open acties</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Kind of letter</source>
        <translation>Soort brief</translation>
    </message>
    <message>
        <source>Stance on the proposal</source>
        <translation>Houding tegenover het voorstel</translation>
    </message>
    <message>
        <source>Households without the visit a letter is about are skipped. Each letter is kept with its household.</source>
        <translation>Huishoudens zonder het bezoek waar de brief over gaat, worden overgeslagen. Elke brief wordt bewaard bij het huishouden.</translation>
    </message>
    <message>
        <source>Make letters</source>
        <translation>Brieven maken</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Make a letter</source>
        <translation>Brief maken</translation>
    </message>
    <message>
        <source>The household&apos;s language</source>
        <translation>De taal van het huishouden</translation>
    </message>
    <message>
        <source>Large print (16 pt)</source>
        <translation>Grote letters (16 pt)</translation>
    </message>
    <message>
        <source>Half ticked: as the household needs (large print or reads with difficulty).</source>
        <translation>Half aangevinkt: wat het huishouden nodig heeft (grote letters of leest moeilijk).</translation>
    </message>
    <message>
        <source>Kind of letter</source>
        <translation>Soort brief</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Afdrukken...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>Opslaan als &amp;PDF...</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Printing or saving keeps the letter with the household&apos;s record.</source>
        <translation>Bij afdrukken of opslaan wordt de brief bewaard bij het huishouden.</translation>
    </message>
    <message>
        <source>Preview of the letter</source>
        <translation>Voorbeeld van de brief</translation>
    </message>
    <message>
        <source>The letter could not be made.</source>
        <translation>De brief kon niet worden gemaakt.</translation>
    </message>
    <message>
        <source>The letter is kept with the household.</source>
        <translation>De brief is bewaard bij het huishouden.</translation>
    </message>
    <message>
        <source>Make a &amp;letter...</source>
        <translation>&amp;Brief maken...</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Letters made</source>
        <translation>Gemaakte brieven</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Gemaakt op</translation>
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
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Gemaakt door</translation>
    </message>
    <message>
        <source>&amp;Batch letters...</source>
        <translation>&amp;Brieven voor een groep...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Afdrukken...</translation>
    </message>
    <message>
        <source>Save as &amp;PDF...</source>
        <translation>Opslaan als &amp;PDF...</translation>
    </message>
    <message>
        <source>Preview of the letter</source>
        <translation>Voorbeeld van de brief</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brieven</translation>
    </message>
    <message>
        <source>(large print)</source>
        <translation>(grote letters)</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) made</source>
        <translation>
            <numerusform>%n brief gemaakt</numerusform>
            <numerusform>%n brieven gemaakt</numerusform>
        </translation>
    </message>
    <message>
        <source>Making letters...</source>
        <translation>Brieven maken...</translation>
    </message>
    <message>
        <source>The letters could not be made.</source>
        <translation>De brieven konden niet worden gemaakt.</translation>
    </message>
    <message>
        <source>letters.pdf</source>
        <translation>brieven.pdf</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) made and kept; print or save them on the right.</source>
        <translation>
            <numerusform>%n brief gemaakt en bewaard; druk hem rechts af of sla hem op.</numerusform>
            <numerusform>%n brieven gemaakt en bewaard; druk ze rechts af of sla ze op.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped (no suitable visit): %1</source>
        <translation>Overgeslagen (geen passend bezoek): %1</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>&amp;Organisation and letterhead...</source>
        <translation>&amp;Organisatie en briefhoofd...</translation>
    </message>
    <message>
        <source>Organisation and letterhead</source>
        <translation>Organisatie en briefhoofd</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Naam van de organisatie</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Straat en huisnummer</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
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
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Letters signed by</source>
        <translation>Brieven ondertekend door</translation>
    </message>
    <message>
        <source>Role of the signatory</source>
        <translation>Functie van de ondertekenaar</translation>
    </message>
    <message>
        <source>Empty: the household&apos;s coach signs</source>
        <translation>Leeg: de wooncoach van het huishouden ondertekent</translation>
    </message>
    <message>
        <source>Default letter language</source>
        <translation>Standaardtaal van brieven</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Geen logo</translation>
    </message>
    <message>
        <source>Choose &amp;logo...</source>
        <translation>&amp;Logo kiezen...</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>Logo &amp;verwijderen</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG)</source>
        <translation>Logo (PNG of JPEG)</translation>
    </message>
    <message>
        <source>The preview shows a sample letter to a fictitious tenant.</source>
        <translation>Het voorbeeld toont een brief aan een verzonnen bewoner.</translation>
    </message>
    <message>
        <source>Preview of a sample letter</source>
        <translation>Voorbeeld van een brief</translation>
    </message>
    <message>
        <source>Logo of %1 kB</source>
        <translation>Logo van %1 kB</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Kies een logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Het bestand kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>De instellingen konden niet worden opgeslagen.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
</context>
</TS>
