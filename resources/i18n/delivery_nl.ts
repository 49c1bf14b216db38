<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Delivery</source>
        <translation>Bezorging</translation>
    </message>
</context>
<context>
    <name>DeliveryButton</name>
    <message>
        <source>&amp;Delivered via...</source>
        <translation>&amp;Bezorgd via...</translation>
    </message>
    <message>
        <source>Record how the selected letter reached the tenant. The letter itself does not change.</source>
        <translation>Leg vast hoe de gekozen brief bij de bewoner is gekomen. De brief zelf verandert niet.</translation>
    </message>
</context>
<context>
    <name>DeliveryChoice</name>
    <message>
        <source>Suggested from the kind of letter; choose how it really goes out. You can change it later on the Letters page.</source>
        <translation>Voorgesteld bij de soort brief. Kies hoe de brief echt bezorgd wordt. U kunt dit later aanpassen op de pagina Brieven.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Delivery</source>
        <translation>Bezorging</translation>
    </message>
    <message>
        <source>The delivery could not be recorded.</source>
        <translation>De bezorging kon niet worden vastgelegd.</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Delivery</source>
        <translation>Bezorging</translation>
    </message>
    <message>
        <source>The delivery could not be recorded.</source>
        <translation>De bezorging kon niet worden vastgelegd.</translation>
    </message>
    <message>
        <source>Recorded for %1: %2.</source>
        <translation>Vastgelegd voor %1: %2.</translation>
    </message>
</context>
</TS>
