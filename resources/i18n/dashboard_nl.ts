<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Import tenant list…</source>
        <translation>Huurderslijst inlezen…</translation>
    </message>
    <message>
        <source>Project report (PDF)…</source>
        <translation>Projectrapport (PDF)…</translation>
    </message>
    <message>
        <source>Per dwelling (Excel)…</source>
        <translation>Per woning (Excel)…</translation>
    </message>
    <message>
        <source>What works (anonymised)…</source>
        <translation>Wat werkt (anoniem)…</translation>
    </message>
    <message>
        <source>Figures across all projects without names or small groups, to share with others</source>
        <translation>Cijfers over alle projecten, zonder namen of kleine groepen, om te delen met anderen</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Project:</translation>
    </message>
    <message>
        <source>Click a bar to see the households behind it.</source>
        <translation>Klik op een balk om te zien welke huishoudens erbij horen.</translation>
    </message>
    <message>
        <source>Households behind the bar</source>
        <translation>Huishoudens bij de balk</translation>
    </message>
    <message>
        <source>Project overview</source>
        <translation>Projectoverzicht</translation>
    </message>
    <message>
        <source>There are no projects yet.</source>
        <translation>Er zijn nog geen projecten.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n household(s)</source>
        <translation>
            <numerusform>%1: %n huishouden</numerusform>
            <numerusform>%1: %n huishoudens</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a tenant list</source>
        <translation>Kies een huurderslijst</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <source>Save what works</source>
        <translation>Wat werkt opslaan</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import tenant list</source>
        <extracomment>Rows shown in the preview.</extracomment>
        <translation>Huurderslijst inlezen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wordt gelezen…</translation>
    </message>
    <message>
        <source>Into project: %1</source>
        <translation>In project: %1</translation>
    </message>
    <message>
        <source>Which column holds what?</source>
        <translation>Welke kolom bevat wat?</translation>
    </message>
    <message>
        <source>* required. A street column with the number in it (Merelstraat 12 A) is split automatically.</source>
        <translation>* verplicht. Staat het huisnummer in de kolom met de straat (Merelstraat 12 A)? Dan splitst RenoDesk dat zelf.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Preview (first rows)</source>
        <translation>Voorbeeld (eerste regels)</translation>
    </message>
    <message>
        <source>Check the columns, then press Check.</source>
        <translation>Controleer de kolommen en klik dan op Controleren.</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Afgekeurde regels</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Inlezen</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Er is niets ingelezen.</translation>
    </message>
    <message>
        <source>CSV, separator “%1”, %2</source>
        <translation>CSV, scheidingsteken “%1”, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) with data (%2), headers on row %3</source>
        <translation>
            <numerusform>%1: %n regel met gegevens (%2), kolomnamen op regel %3</numerusform>
            <numerusform>%1: %n regels met gegevens (%2), kolomnamen op regel %3</numerusform>
        </translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(staat niet in het bestand)</translation>
    </message>
    <message>
        <source>%1 new, %2 to update, %3 unchanged, %4 rejected.</source>
        <translation>%1 nieuw, %2 bij te werken, %3 ongewijzigd, %4 afgekeurd.</translation>
    </message>
    <message>
        <source>Importing the tenant list…</source>
        <translation>De huurderslijst wordt ingelezen…</translation>
    </message>
    <message>
        <source>Import stopped. Nothing was saved.</source>
        <translation>Inlezen gestopt. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Done: %1 new, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>Klaar: %1 nieuw, %2 bijgewerkt, %3 ongewijzigd, %4 afgekeurd.</translation>
    </message>
</context>
</TS>
