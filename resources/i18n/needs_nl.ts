<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>InvolvementDialog</name>
    <message>
        <source>Change partner involved</source>
        <translation>Betrokken partner wijzigen</translation>
    </message>
    <message>
        <source>Involve a partner</source>
        <translation>Partner betrekken</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>&amp;Name of the organisation</source>
        <translation>&amp;Naam van de organisatie</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Soort &amp;partij</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>&amp;Contactpersoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;foon</translation>
    </message>
    <message>
        <source>For example: fixed contact, comes along to visits</source>
        <translation>Bijvoorbeeld: vast aanspreekpunt, gaat mee op huisbezoek</translation>
    </message>
    <message>
        <source>&amp;Role with this household</source>
        <translation>&amp;Rol bij dit huishouden</translation>
    </message>
    <message>
        <source>The tenant &amp;agrees that we share information with this organisation</source>
        <translation>De huurder vindt het &amp;goed dat wij informatie delen met deze organisatie</translation>
    </message>
    <message>
        <source>New organisation…</source>
        <translation>Nieuwe organisatie…</translation>
    </message>
    <message>
        <source>Record a basis first</source>
        <translation>Leg eerst een grondslag vast</translation>
    </message>
</context>
<context>
    <name>NeedsEditor</name>
    <message>
        <source>light</source>
        <translation>licht</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>matig</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>zwaar</translation>
    </message>
    <message>
        <source>Add a vulnerability</source>
        <translation>Kwetsbaarheid toevoegen</translation>
    </message>
    <message>
        <source>Change the chosen vulnerability</source>
        <translation>Gekozen kwetsbaarheid wijzigen</translation>
    </message>
    <message>
        <source>Remove the chosen vulnerability</source>
        <translation>Gekozen kwetsbaarheid verwijderen</translation>
    </message>
    <message>
        <source>Involve a partner</source>
        <translation>Partner betrekken</translation>
    </message>
    <message>
        <source>Change the chosen partner&apos;s role or consent</source>
        <translation>Rol of toestemming van de gekozen partner wijzigen</translation>
    </message>
    <message>
        <source>End the chosen partner&apos;s involvement</source>
        <translation>Betrokkenheid van de gekozen partner beëindigen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Remove vulnerability</source>
        <translation>Kwetsbaarheid verwijderen</translation>
    </message>
    <message>
        <source>Remove the vulnerability &apos;%1&apos; from this household?</source>
        <translation>De kwetsbaarheid &apos;%1&apos; bij dit huishouden verwijderen?</translation>
    </message>
    <message>
        <source>The vulnerability is removed.</source>
        <translation>De kwetsbaarheid is verwijderd.</translation>
    </message>
    <message>
        <source>End involvement</source>
        <translation>Betrokkenheid beëindigen</translation>
    </message>
    <message>
        <source>Is %1 no longer involved with this household? The organisation stays in the list of partners.</source>
        <translation>Is %1 niet meer betrokken bij dit huishouden? De organisatie blijft in de lijst met partners.</translation>
    </message>
    <message>
        <source>The partner is no longer involved.</source>
        <translation>De partner is niet meer betrokken.</translation>
    </message>
</context>
<context>
    <name>NoBasisNote</name>
    <message>
        <source>Fill in the basis under &apos;Consent for sensitive data&apos; on the profile and save the profile; then add this again.</source>
        <translation>Vul op het profiel bij &apos;Toestemming voor gevoelige gegevens&apos; de grondslag in en sla het profiel op. Voeg dit daarna opnieuw toe.</translation>
    </message>
    <message>
        <source>Go to &amp;consent</source>
        <translation>Naar &amp;toestemming</translation>
    </message>
</context>
<context>
    <name>VulnerabilityDialog</name>
    <message>
        <source>Change vulnerability</source>
        <translation>Kwetsbaarheid wijzigen</translation>
    </message>
    <message>
        <source>Add a vulnerability</source>
        <translation>Kwetsbaarheid toevoegen</translation>
    </message>
    <message>
        <source>&amp;Vulnerability</source>
        <translation>&amp;Kwetsbaarheid</translation>
    </message>
    <message>
        <source>W&amp;eight</source>
        <translation>&amp;Zwaarte</translation>
    </message>
    <message>
        <source>For example: cannot climb stairs, needs a quiet room during the works</source>
        <translation>Bijvoorbeeld: kan geen trap op, heeft een rustige kamer nodig tijdens de werkzaamheden</translation>
    </message>
    <message>
        <source>What does this &amp;mean for the works?</source>
        <translation>Wat betekent dit voor de &amp;werkzaamheden?</translation>
    </message>
    <message>
        <source>What it means for the works</source>
        <translation>Wat dit betekent voor de werkzaamheden</translation>
    </message>
</context>
<context>
    <name>_NeedDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
</TS>
