<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>Nieuw huishouden</translation>
    </message>
    <message>
        <source>The address of the dwelling and who lives there. You fill in the rest of the profile afterwards.</source>
        <translation>Het adres van de woning en wie er woont. De rest van het profiel vult u daarna in.</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>&amp;Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Toevoeging</translation>
    </message>
    <message>
        <source>e.g. A or 2-hoog</source>
        <translation>bijvoorbeeld A of 2-hoog</translation>
    </message>
    <message>
        <source>House &amp;number</source>
        <translation>Huis&amp;nummer</translation>
    </message>
    <message>
        <source>P&amp;ostcode</source>
        <translation>P&amp;ostcode</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;am</translation>
    </message>
    <message>
        <source>e.g. Mrs. J. de Vries, or J. and A. de Vries</source>
        <translation>bijvoorbeeld mevrouw J. de Vries, of J. en A. de Vries</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>Make a project first.</source>
        <translation>Maak eerst een project.</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Involve a partner</source>
        <translation>Partner betrekken</translation>
    </message>
    <message>
        <source>A new organisation...</source>
        <translation>Een nieuwe organisatie...</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>e.g. Wijkteam Noord</source>
        <translation>bijvoorbeeld Wijkteam Noord</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Contactpersoon</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Role in this project</source>
        <translation>&amp;Rol in dit project</translation>
    </message>
    <message>
        <source>e.g. fixed contact for tenants with debts</source>
        <translation>bijvoorbeeld vast aanspreekpunt bij schulden</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>Project bewerken</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>e.g. Vogelbuurt renovation</source>
        <translation>bijvoorbeeld Renovatie Vogelbuurt</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>short and unique, e.g. VB-01</source>
        <translation>kort en uniek, bijvoorbeeld VB-01</translation>
    </message>
    <message>
        <source>Co&amp;mplex</source>
        <translation>Co&amp;mplex</translation>
    </message>
    <message>
        <source>&amp;Phase</source>
        <translation>&amp;Fase</translation>
    </message>
    <message>
        <source>&amp;Start of the works</source>
        <translation>&amp;Begin van de werkzaamheden</translation>
    </message>
    <message>
        <source>&amp;End of the works</source>
        <translation>&amp;Einde van de werkzaamheden</translation>
    </message>
    <message>
        <source>Consent &amp;deadline</source>
        <translation>&amp;Uiterste datum instemming</translation>
    </message>
    <message>
        <source>Tenants stay at &amp;home during the works</source>
        <translation>Huurders blijven &amp;thuis wonen tijdens de werkzaamheden</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Werkzaamheden</translation>
    </message>
    <message>
        <source>&amp;Rent change</source>
        <translation>&amp;Huurverandering</translation>
    </message>
    <message>
        <source>e.g. none, or + € 25 a month</source>
        <translation>bijvoorbeeld geen, of + € 25 per maand</translation>
    </message>
    <message>
        <source>Social p&amp;lan</source>
        <translation>Sociaal p&amp;lan</translation>
    </message>
    <message>
        <source>reference or title</source>
        <translation>kenmerk of titel</translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation>Omschr&amp;ijving</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (uzelf)</translation>
    </message>
    <message>
        <source>Add to the roster</source>
        <translation>Aan het rooster toevoegen</translation>
    </message>
    <message>
        <source>Edit roster entry</source>
        <translation>Rooster bewerken</translation>
    </message>
    <message>
        <source>A new team member...</source>
        <translation>Een nieuw teamlid...</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>e.g. the contractor</source>
        <translation>bijvoorbeeld de aannemer</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Role in this project</source>
        <translation>&amp;Rol in dit project</translation>
    </message>
    <message>
        <source>e.g. home visits, the consent ballot, aftercare</source>
        <translation>bijvoorbeeld huisbezoeken, de draagvlakmeting, nazorg</translation>
    </message>
    <message>
        <source>Res&amp;ponsible for</source>
        <translation>&amp;Verantwoordelijk voor</translation>
    </message>
    <message>
        <source>&amp;Tenants may contact this person</source>
        <translation>&amp;Huurders mogen deze persoon benaderen</translation>
    </message>
    <message>
        <source>Shown in the &apos;your contact persons&apos; letter to tenants</source>
        <translation>Staat in de brief &apos;uw contactpersonen&apos; aan de huurders</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Opslaan is mislukt: %1</translation>
    </message>
</context>
</TS>
