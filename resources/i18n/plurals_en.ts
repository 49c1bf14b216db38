<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionsPage</name>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
</context>
<context>
    <name>AdjustmentsPage</name>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n agreement</numerusform><numerusform>%n agreements</numerusform></translation>
    </message>
</context>
<context>
    <name>ConfirmErasure</name>
    <message numerus="yes">
        <source>%n sensitive profile field(s)</source>
        <translation><numerusform>%n sensitive profile field</numerusform><numerusform>%n sensitive profile fields</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n vulnerability(ies)</source>
        <translation><numerusform>%n vulnerability</numerusform><numerusform>%n vulnerabilities</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n partner role(s)</source>
        <translation><numerusform>%n partner role</numerusform><numerusform>%n partner roles</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n visit note(s)</source>
        <translation><numerusform>%n visit note</numerusform><numerusform>%n visit notes</numerusform></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%1: %n household(s)</source>
        <translation><numerusform>%1: %n household</numerusform><numerusform>%1: %n households</numerusform></translation>
    </message>
</context>
<context>
    <name>HouseholdTimeline</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation><numerusform>%n household</numerusform><numerusform>%n households</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>More than %n: type more to narrow the search</source>
        <translation><numerusform>More than %n: type more to narrow the search</numerusform><numerusform>More than %n: type more to narrow the search</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%1: %n row(s) with data (%2), headers on row %3</source>
        <translation><numerusform>%1: %n row with data (%2), headers on row %3</numerusform><numerusform>%1: %n rows with data (%2), headers on row %3</numerusform></translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message numerus="yes">
        <source>%n letter(s) made</source>
        <translation><numerusform>%n letter made</numerusform><numerusform>%n letters made</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) made and kept; print or save them on the right.</source>
        <translation><numerusform>%n letter made and kept; print or save it on the right.</numerusform><numerusform>%n letters made and kept; print or save them on the right.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) not synchronised</source>
        <translation><numerusform>%n change not synchronised</numerusform><numerusform>%n changes not synchronised</numerusform></translation>
    </message>
</context>
<context>
    <name>OpenWork</name>
    <message numerus="yes">
        <source>%n planned visit(s)</source>
        <translation><numerusform>%n planned visit</numerusform><numerusform>%n planned visits</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open agreement(s)</source>
        <translation><numerusform>%n open agreement</numerusform><numerusform>%n open agreements</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n open action</numerusform><numerusform>%n open actions</numerusform></translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation><numerusform>%n entry</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) exported</source>
        <translation><numerusform>%n entry exported</numerusform><numerusform>%n entries exported</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Erase the data of %n household(s) that is due? This cannot be undone.</source>
        <translation><numerusform>Erase the data of %n household that is due? This cannot be undone.</numerusform><numerusform>Erase the data of %n households that is due? This cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved in %1: a PDF to read, a JSON file with everything, and %n letter(s).</source>
        <translation><numerusform>Saved in %1: a PDF to read, a JSON file with everything, and %n letter.</numerusform><numerusform>Saved in %1: a PDF to read, a JSON file with everything, and %n letters.</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation><numerusform>%1 (%n day left)</numerusform><numerusform>%1 (%n days left)</numerusform></translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n agreement</numerusform><numerusform>%n agreements</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation><numerusform>%n week</numerusform><numerusform>%n weeks</numerusform></translation>
    </message>
</context>
<context>
    <name>ServerTidyBox</name>
    <message numerus="yes">
        <source>Cleaned up: %n old change file(s) removed from the server.</source>
        <translation><numerusform>Cleaned up: %n old change file removed from the server.</numerusform><numerusform>Cleaned up: %n old change files removed from the server.</numerusform></translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n agreement</numerusform><numerusform>%n agreements</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation><numerusform>%n change</numerusform><numerusform>%n changes</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n agreement</numerusform><numerusform>%n agreements</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation><numerusform>%n visit</numerusform><numerusform>%n visits</numerusform></translation>
    </message>
</context>
</TS>
