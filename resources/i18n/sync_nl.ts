<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to a sync server</source>
        <translation>Verbinden met een synchronisatieserver</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Serveradres:</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>Aanmeldcode:</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Uw wachtwoord:</translation>
    </message>
    <message>
        <source>Team passphrase:</source>
        <translation>Teamwachtwoord:</translation>
    </message>
    <message>
        <source>The administrator gives you the address and a one-time code. The team passphrase is only needed when your team does not also use a shared folder.</source>
        <translation>De beheerder geeft u het adres en een eenmalige code. Het teamwachtwoord is alleen nodig als uw team niet ook een gedeelde map gebruikt.</translation>
    </message>
    <message>
        <source>Fill in the server address, the code and your password.</source>
        <translation>Vul het serveradres, de code en uw wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Where this laptop syncs</source>
        <translation>Waarmee deze laptop synchroniseert</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>Gedeelde map:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Laatste synchronisatie:</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>Wacht op versturen:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Set up a team in a folder...</source>
        <translation>Team opzetten in een map...</translation>
    </message>
    <message>
        <source>Join a team in a folder...</source>
        <translation>Aansluiten bij een team in een map...</translation>
    </message>
    <message>
        <source>Connect to a server...</source>
        <translation>Verbinden met een server...</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Voortgang van de synchronisatie</translation>
    </message>
    <message>
        <source>Edited on two laptops at once</source>
        <translation>Tegelijk bewerkt op twee laptops</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Deze versie houden</translation>
    </message>
    <message>
        <source>Keep the combined text</source>
        <translation>De samengevoegde tekst houden</translation>
    </message>
    <message>
        <source>Now in the field</source>
        <translation>Nu in het veld</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>De andere versie</translation>
    </message>
    <message>
        <source>Combined (edit freely)</source>
        <translation>Samengevoegd (vrij aan te passen)</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Not in a team yet</source>
        <translation>Nog niet in een team</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nog nooit</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n wijziging</numerusform><numerusform>%n wijzigingen</numerusform></translation>
    </message>
    <message>
        <source>Both versions are kept. Choose the one to keep, or combine them.</source>
        <translation>Beide versies zijn bewaard. Kies welke u houdt, of voeg ze samen.</translation>
    </message>
    <message>
        <source>Nothing to settle.</source>
        <translation>Er is niets te beoordelen.</translation>
    </message>
    <message>
        <source>Settled. The chosen text goes along with the next sync.</source>
        <translation>Opgelost. De gekozen tekst gaat mee bij de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Synchronising...</source>
        <translation>Bezig met synchroniseren...</translation>
    </message>
    <message>
        <source>The sync did not finish.</source>
        <translation>De synchronisatie is niet afgemaakt.</translation>
    </message>
    <message>
        <source>Sent %1 and received %2 change(s); %3 to settle.</source>
        <translation>%1 wijziging(en) verstuurd en %2 ontvangen; %3 te beoordelen.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Set up a team</source>
        <translation>Team opzetten</translation>
    </message>
    <message>
        <source>Join a team</source>
        <translation>Aansluiten bij een team</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Kiezen...</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>Gedeelde map:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>Teamnaam:</translation>
    </message>
    <message>
        <source>Team passphrase:</source>
        <translation>Teamwachtwoord:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Wachtwoord nogmaals:</translation>
    </message>
    <message>
        <source>Use a network drive or a OneDrive, SharePoint or Nextcloud folder that every coach of the team can open. Only encrypted files are written there.</source>
        <translation>Gebruik een netwerkschijf of een OneDrive-, SharePoint- of Nextcloud-map die elke coach van het team kan openen. Er komen alleen versleutelde bestanden in.</translation>
    </message>
    <message>
        <source>Choose the folder your team lead set up and type the team passphrase. You only need to do this once.</source>
        <translation>Kies de map die uw teamleider heeft ingesteld en typ het teamwachtwoord. Dit hoeft maar één keer.</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Gedeelde map</translation>
    </message>
    <message>
        <source>Choose the shared folder.</source>
        <translation>Kies de gedeelde map.</translation>
    </message>
    <message>
        <source>Type the team passphrase.</source>
        <translation>Typ het teamwachtwoord.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
</TS>