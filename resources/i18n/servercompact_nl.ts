<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ServerTidyBox</name>
    <message>
        <source>Old changes on the server</source>
        <translation>Oude wijzigingen op de server</translation>
    </message>
    <message>
        <source>The server keeps every change until all laptops of the team have fetched it. Cleaning up first syncs this laptop. Then it puts a summary of the team's data on the server, encrypted like everything there. The server then removes the old changes that every laptop already has. New laptops start from the summary. RenoDesk also does this by itself about once a week.</source>
        <translation>De server bewaart elke wijziging tot alle laptops van het team die hebben opgehaald. Bij opruimen synchroniseert deze laptop eerst. Daarna zet hij een samenvatting van de teamgegevens op de server, versleuteld zoals alles daar. Dan verwijdert de server de oude wijzigingen die elke laptop al heeft. Nieuwe laptops beginnen met de samenvatting. RenoDesk doet dit ook zelf, ongeveer eens per week.</translation>
    </message>
    <message>
        <source>Clean up old changes on the server</source>
        <translation>Oude wijzigingen op de server opruimen</translation>
    </message>
    <message numerus="yes">
        <source>Cleaned up: %n old change file(s) removed from the server.</source>
        <translation><numerusform>Opgeruimd: %n oud wijzigingsbestand van de server verwijderd.</numerusform><numerusform>Opgeruimd: %n oude wijzigingsbestanden van de server verwijderd.</numerusform></translation>
    </message>
    <message>
        <source>Nothing to remove: the server holds no old changes that every laptop has fetched.</source>
        <translation>Niets op te ruimen: de server heeft geen oude wijzigingen die elke laptop al heeft opgehaald.</translation>
    </message>
    <message>
        <source>Some old changes stay until these laptops have fetched the newest changes:</source>
        <translation>Een deel van de oude wijzigingen blijft staan tot deze laptops de nieuwste wijzigingen hebben opgehaald:</translation>
    </message>
    <message>
        <source>Nothing could be removed yet. The server waits until these laptops have fetched the newest changes:</source>
        <translation>Er kon nog niets weg. De server wacht tot deze laptops de nieuwste wijzigingen hebben opgehaald:</translation>
    </message>
    <message>
        <source>Ask these colleagues to sync. A laptop the server has not seen for 180 days no longer holds the clean-up back; when it returns, it starts from the summary and keeps what was typed on it.</source>
        <translation>Vraag deze collega's om te synchroniseren. Een laptop die de server 180 dagen niet heeft gezien, houdt het opruimen niet meer tegen. Komt die laptop terug, dan begint hij met de samenvatting en blijft wat erop getypt is bewaard.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>%1 (%2), last seen %3</source>
        <translation>%1 (%2), laatst gezien %3</translation>
    </message>
</context>
</TS>
