<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Households without the visit a letter is about, or that moved out or died in the meantime, are skipped and named. Each letter is kept with its household.</source>
        <translation>Huishoudens zonder het bezoek waar de brief over gaat, of die intussen zijn verhuisd of overleden, worden overgeslagen en genoemd. Elke brief wordt bewaard bij het huishouden.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Letter to the contact person</source>
        <translation>Brief aan de contactpersoon</translation>
    </message>
    <message>
        <source>This household gets post through its contact person.</source>
        <translation>Dit huishouden krijgt de post via de contactpersoon.</translation>
    </message>
    <message>
        <source>The tenant no longer lives here. Letters go to the contact person.</source>
        <translation>De bewoner woont hier niet meer. Brieven gaan naar de contactpersoon.</translation>
    </message>
    <message>
        <source>No contact person is recorded: fill in the name and address in the profile first.</source>
        <translation>Er staat geen contactpersoon. Vul eerst de naam en het adres in bij het profiel.</translation>
    </message>
    <message>
        <source>Contact person: %1.</source>
        <translation>Contactpersoon: %1.</translation>
    </message>
    <message>
        <source>Their address is not recorded: fill it in in the profile first.</source>
        <translation>Het adres van de contactpersoon ontbreekt. Vul het eerst in bij het profiel.</translation>
    </message>
    <message>
        <source>The organisation&apos;s letter language</source>
        <translation>De brieftaal van de organisatie</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Addressed to</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Contact person %1</source>
        <translation>Contactpersoon %1</translation>
    </message>
    <message>
        <source>The household</source>
        <translation>Het huishouden</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Overgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Letters to a contact person are in this language, unless you choose another.</source>
        <translation>Brieven aan een contactpersoon zijn in deze taal, tenzij u een andere kiest.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
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
</context>
</TS>
