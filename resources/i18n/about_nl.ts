<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About RenoDesk</source>
        <translation>Over RenoDesk</translation>
    </message>
    <message>
        <source>The desktop tool of the tenant coach during a renovation. RenoDesk is free software under the GNU General Public License, version 3 or later.</source>
        <translation>Het programma van de wooncoach tijdens een renovatie. RenoDesk is vrije software onder de GNU General Public License, versie 3 of later.</translation>
    </message>
    <message>
        <source>Bundled components and their licences:</source>
        <translation>Meegeleverde onderdelen en hun licenties:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Meegeleverde onderdelen en hun licenties</translation>
    </message>
    <message>
        <source>The Qt libraries are separate files in the program folder; under the LGPL you may replace them with your own build. The full licence texts are in: %1</source>
        <translation>De Qt-bibliotheken zijn losse bestanden in de programmamap; volgens de LGPL mag u ze vervangen door een eigen versie. De volledige licentieteksten staan in: %1</translation>
    </message>
    <message>
        <source>Open licence texts</source>
        <translation>Licentieteksten openen</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About RenoDesk</source>
        <translation>&amp;Over RenoDesk</translation>
    </message>
</context>
</TS>