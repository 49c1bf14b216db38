<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>TodayPage</name>
    <message>
        <source>This workspace is still empty. Begin on the &lt;a href="projects"&gt;Projects&lt;/a&gt; page: make a project, then add who does what, the partners and the households.</source>
        <translation>Deze werkruimte is nog leeg. Begin op de pagina &lt;a href="projects"&gt;Projecten&lt;/a&gt;: maak een project en vul daarna in wie wat doet, de partners en de huishoudens.</translation>
    </message>
</context>
</TS>
