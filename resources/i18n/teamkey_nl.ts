<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>New team passphrase</source>
        <translation>Nieuw teamwachtwoord</translation>
    </message>
    <message>
        <source>A colleague replaced the team key, for example because a laptop was lost. Type the new team passphrase; you only need to do this once. Until then you can go on working: your changes are kept and go along afterwards.</source>
        <translation>Een collega heeft de teamsleutel vervangen, bijvoorbeeld omdat een laptop kwijt is. Typ het nieuwe teamwachtwoord. Dat hoeft maar één keer. Tot dan kunt u gewoon verder werken: uw wijzigingen blijven bewaard en gaan daarna mee.</translation>
    </message>
    <message>
        <source>New team passphrase:</source>
        <translation>Nieuw teamwachtwoord:</translation>
    </message>
    <message>
        <source>Type the new team passphrase.</source>
        <translation>Typ het nieuwe teamwachtwoord.</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>Replace the team key</source>
        <translation>Teamsleutel vervangen</translation>
    </message>
    <message>
        <source>Is a laptop of the team lost or stolen? Then replace the team key. The lost laptop can then read nothing new, and what it still writes is not used. Colleagues type the new team passphrase once, at their next sync.</source>
        <translation>Is een laptop van het team kwijt of gestolen? Vervang dan de teamsleutel. De verloren laptop kan daarna niets nieuws meer lezen. Wat hij nog schrijft, wordt niet gebruikt. Collega's typen het nieuwe teamwachtwoord één keer in, bij hun volgende synchronisatie.</translation>
    </message>
    <message>
        <source>New team passphrase:</source>
        <translation>Nieuw teamwachtwoord:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Wachtwoord nogmaals:</translation>
    </message>
    <message>
        <source>Take the lost laptop out of the team (optional):</source>
        <translation>De verloren laptop uit het team halen (hoeft niet):</translation>
    </message>
    <message>
        <source>Laptops are shown by a code and when they were last seen: the lost laptop is usually the one that has not synced since it went missing. Give colleagues the new passphrase in person or by phone, not by e-mail.</source>
        <translation>U ziet elke laptop als een code, met wanneer hij het laatst gezien is. De verloren laptop is meestal de laptop die niet meer gesynchroniseerd heeft sinds hij weg is. Geef collega's het nieuwe wachtwoord persoonlijk of per telefoon, niet per e-mail.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Laptop %1, last seen %2</source>
        <translation>Laptop %1, laatst gezien %2</translation>
    </message>
    <message>
        <source>(this laptop)</source>
        <translation>(deze laptop)</translation>
    </message>
    <message>
        <source>(already taken out)</source>
        <translation>(al uit het team gehaald)</translation>
    </message>
    <message>
        <source>Type the new team passphrase.</source>
        <translation>Typ het nieuwe teamwachtwoord.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>TeamKeyActions</name>
    <message>
        <source>Replace team key...</source>
        <translation>Teamsleutel vervangen...</translation>
    </message>
    <message>
        <source>After a lost or stolen laptop</source>
        <translation>Na een verloren of gestolen laptop</translation>
    </message>
    <message>
        <source>Type the new team passphrase...</source>
        <translation>Nieuw teamwachtwoord invoeren...</translation>
    </message>
</context>
</TS>
