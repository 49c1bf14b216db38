<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Startup</name>
    <message>
        <source>Workspace in use</source>
        <translation>Werkruimte in gebruik</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>&amp;Close RenoDesk</source>
        <translation>RenoDesk &amp;sluiten</translation>
    </message>
    <message>
        <source>Opening the workspace...</source>
        <translation>De werkruimte wordt geopend...</translation>
    </message>
</context>
</TS>
