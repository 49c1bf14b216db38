<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to RenoDesk</source>
        <translation>Welkom bij RenoDesk</translation>
    </message>
    <message>
        <source>Who works here?</source>
        <translation>Wie werkt hier?</translation>
    </message>
    <message>
        <source>The name of your organisation appears on letters. Your name is recorded with everything you change.</source>
        <translation>De naam van uw organisatie staat op de brieven. Uw naam wordt vastgelegd bij alles wat u verandert.</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>U&amp;w naam</translation>
    </message>
    <message>
        <source>App-lock password</source>
        <translation>Wachtwoord voor de app-vergrendeling</translation>
    </message>
    <message>
        <source>When you leave the laptop alone, RenoDesk hides everything until this password is entered. At least %1 characters.</source>
        <translation>Als u de laptop alleen laat, verbergt RenoDesk alles tot dit wachtwoord is ingevoerd. Minstens %1 tekens.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>Where the workspace lives</source>
        <translation>Waar de werkruimte staat</translation>
    </message>
    <message>
        <source>All data is kept in one encrypted file in this folder. Choose a folder on this laptop, not a shared drive.</source>
        <translation>Alle gegevens staan in één versleuteld bestand in deze map. Kies een map op deze laptop, geen gedeelde schijf.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Bladeren...</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <source>This computer has no safe place for the key of your workspace. Choose a passphrase of at least %1 characters; you will type it each time RenoDesk starts. Without it the data cannot be opened.</source>
        <translation>Deze computer heeft geen veilige plek voor de sleutel van uw werkruimte. Kies een wachtzin van minstens %1 tekens. U typt die elke keer als RenoDesk start. Zonder wachtzin zijn de gegevens niet te openen.</translation>
    </message>
    <message>
        <source>P&amp;assphrase</source>
        <translation>W&amp;achtzin</translation>
    </message>
    <message>
        <source>Repeat p&amp;assphrase</source>
        <translation>Wachtzin h&amp;erhalen</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Te kort: minstens %1 tekens.</translation>
    </message>
    <message>
        <source>The two entries are not the same.</source>
        <translation>De twee invoeren zijn niet gelijk.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>RenoDesk is locked</source>
        <extracomment>Events that count as the coach being at the laptop.</extracomment>
        <translation>RenoDesk is vergrendeld</translation>
    </message>
    <message>
        <source>Enter your app-lock password to continue.</source>
        <translation>Voer uw wachtwoord in om verder te gaan.</translation>
    </message>
    <message>
        <source>App-lock password</source>
        <translation>Wachtwoord voor de app-vergrendeling</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>That password is not right. Try again.</source>
        <translation>Dat wachtwoord klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Controleren...</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No team yet: see Synchronisation</source>
        <translation>Nog geen team: zie Synchronisatie</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Meta key the sync engine writes after a successful sync (ISO date-time).</extracomment>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Nu vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Instellingen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>&amp;Privacy statement</source>
        <translation>&amp;Privacyverklaring</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>&amp;New visit</source>
        <translation>&amp;Nieuw bezoek</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>Af&amp;drukken...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <source>Opening the workspace...</source>
        <translation>De werkruimte wordt geopend...</translation>
    </message>
    <message>
        <source>Demo workspace: all people and addresses are fictitious, and its passphrase is public. Do not enter real tenants&apos; data here.</source>
        <translation>Demowerkruimte: alle personen en adressen zijn verzonnen en de wachtzin is openbaar. Vul hier geen gegevens van echte huurders in.</translation>
    </message>
    <message>
        <source>Demo workspace: the app-lock password is %1.</source>
        <translation>Demowerkruimte: het wachtwoord voor de vergrendeling is %1.</translation>
    </message>
    <message>
        <source>A visit report you were writing was kept. It is offered back on this page.</source>
        <translation>Een bezoekverslag dat u aan het schrijven was, is bewaard. U kunt het op deze pagina terugzetten.</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Laatst gesynchroniseerd: %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not synchronised</source>
        <translation>
            <numerusform>%n wijziging niet gesynchroniseerd</numerusform>
            <numerusform>%n wijzigingen niet gesynchroniseerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <extracomment>Translation context of the labels below (used by the settings dialog).</extracomment>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Vergrendelen na zoveel minuten niets doen</translation>
    </message>
    <message>
        <source>Synchronise every ... minutes (0 = only by hand)</source>
        <translation>Synchroniseren elke ... minuten (0 = alleen met de hand)</translation>
    </message>
    <message>
        <source>Shared sync folder</source>
        <translation>Gedeelde synchronisatiemap</translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation>Adres van de synchronisatieserver</translation>
    </message>
    <message>
        <source>Ask before a sync deletes more records than</source>
        <translation>Vragen voordat een synchronisatie meer gegevens verwijdert dan</translation>
    </message>
    <message>
        <source>Large print letters by default</source>
        <translation>Brieven standaard in grote letters</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Preparing the fictitious demo workspace...</source>
        <extracomment>Beside the default workspace: where the coach chose to keep it in the first-run wizard. The desktop entry&apos;s name (packaging/linux): Wayland and the task bar match the window to the installed launcher and its icon by it. Smoke tests of the installed bundle: quit this many ms after the workspace is on screen.</extracomment>
        <translation>De verzonnen demowerkruimte wordt klaargezet...</translation>
    </message>
    <message>
        <source>Passphrase of the workspace:</source>
        <translation>Wachtzin van de werkruimte:</translation>
    </message>
    <message>
        <source>That passphrase is not right. Try again.</source>
        <translation>Die wachtzin klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Werkruimte openen</translation>
    </message>
    <message>
        <source>Creating your workspace...</source>
        <translation>Uw werkruimte wordt gemaakt...</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Visits this week</source>
        <extracomment>Rows shown per list; the rest is one click away on the full page. Which changes make the overview stale.</extracomment>
        <translation>Bezoeken deze week</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Actions due</source>
        <translation>Acties die nu moeten</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <translation>Conflicten om op te lossen</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Vandaag, %1</translation>
    </message>
    <message>
        <source>No visits planned this week.</source>
        <translation>Deze week geen bezoeken gepland.</translation>
    </message>
    <message>
        <source>No actions due. Well done.</source>
        <translation>Geen acties die nu moeten. Goed bezig.</translation>
    </message>
    <message>
        <source>No conflicts: everything is settled.</source>
        <translation>Geen conflicten: alles is opgelost.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <extracomment>Called on the main thread with (done, total, text). Emitted on the main thread after every successful write: list[Change]. Emitted when the runner goes from idle to busy and back.</extracomment>
        <translation>Annuleren</translation>
    </message>
</context>
</TS>
