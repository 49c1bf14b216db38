<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Plan a &amp;visit</source>
        <translation>&amp;Bezoek plannen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Kwetsbaarheid</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Zwaarte</translation>
    </message>
    <message>
        <source>What it means for the works</source>
        <translation>Wat dit betekent voor de werkzaamheden</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>May share</source>
        <translation>Mag delen</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Kwetsbaarheden</translation>
    </message>
    <message>
        <source>Partners involved</source>
        <translation>Betrokken partners</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Safety: %1</source>
        <translation>Veiligheid: %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>The profile is saved.</source>
        <translation>Het profiel is opgeslagen.</translation>
    </message>
    <message>
        <source>Not for a household that moved out or died</source>
        <translation>Niet voor een huishouden dat verhuisd of overleden is</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Contact and language</source>
        <translation>Contact en taal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Heeft een tolk nodig</translation>
    </message>
    <message>
        <source>Reads with difficulty</source>
        <translation>Leest moeilijk</translation>
    </message>
    <message>
        <source>Letters in large print</source>
        <translation>Brieven in grote letters</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>Liefst contact via</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>e.g. daughter, carer</source>
        <translation>bijv. dochter, mantelzorger</translation>
    </message>
    <message>
        <source>Consent for sensitive data</source>
        <translation>Toestemming voor gevoelige gegevens</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Waarvoor</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Ingetrokken op</translation>
    </message>
    <message>
        <source>Stance and resistance</source>
        <translation>Mening en weerstand</translation>
    </message>
    <message>
        <source>Stance on the proposal</source>
        <translation>Mening over het voorstel</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Getekend op</translation>
    </message>
    <message>
        <source>Won't or can't</source>
        <translation>Wil niet of kan niet</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>Oorzaken</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>Aanpak</translation>
    </message>
    <message>
        <source>Safety note for staff</source>
        <translation>Veiligheid voor medewerkers</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <source>Sensitive data is hidden: no basis was recorded, or the tenant withdrew consent.</source>
        <translation>Gevoelige gegevens zijn verborgen: er is geen grondslag vastgelegd, of de huurder heeft de toestemming ingetrokken.</translation>
    </message>
</context>
<context>
    <name>HouseholdTimeline</name>
    <message>
        <source>Planned / coming up</source>
        <translation>Gepland / binnenkort</translation>
    </message>
    <message>
        <source>Nothing planned and nothing open.</source>
        <translation>Niets gepland en niets open.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Geschiedenis (%1)</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Contact vastleggen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Manier</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Short summary</source>
        <translation>Korte samenvatting</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Vastleggen</translation>
    </message>
    <message>
        <source>The contact is logged.</source>
        <translation>Het contact is vastgelegd.</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n te laat</numerusform><numerusform>%n te laat</numerusform></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, te laat</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Also moved out or deceased</source>
        <translation>Ook verhuisd of overleden</translation>
    </message>
    <message>
        <source>Households that left or died keep their history; they are shown greyed</source>
        <translation>Huishoudens die verhuisd of overleden zijn, houden hun geschiedenis; ze staan grijs in de lijst</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Moved out on %1.</source>
        <translation>Verhuisd op %1.</translation>
    </message>
    <message>
        <source>Moved out.</source>
        <translation>Verhuisd.</translation>
    </message>
    <message>
        <source>Deceased on %1.</source>
        <translation>Overleden op %1.</translation>
    </message>
    <message>
        <source>Deceased.</source>
        <translation>Overleden.</translation>
    </message>
    <message>
        <source>No letters go to this household any more.</source>
        <translation>Dit huishouden krijgt geen brieven meer.</translation>
    </message>
    <message>
        <source>No letters go to this tenant any more. Contact goes through the contact person: %1.</source>
        <translation>Deze bewoner krijgt geen brieven meer. Contact loopt via de contactpersoon: %1.</translation>
    </message>
    <message>
        <source>No letters go to this tenant any more. No contact person is recorded: add family or a carer under Contact person.</source>
        <translation>Deze bewoner krijgt geen brieven meer. Er is geen contactpersoon vastgelegd: vul familie of een mantelzorger in bij Contactpersoon.</translation>
    </message>
    <message>
        <source>It no longer counts in the consent tally; its history stays.</source>
        <translation>Het telt niet meer mee in de draagvlakmeting; de geschiedenis blijft bewaard.</translation>
    </message>
</context>
<context>
    <name>StatusRow</name>
    <message>
        <source>Moved out or deceased...</source>
        <translation>Verhuisd of overleden...</translation>
    </message>
    <message>
        <source>Make active again...</source>
        <translation>Weer actief maken...</translation>
    </message>
    <message>
        <source>Only when moving out or the death was recorded by mistake</source>
        <translation>Alleen als de verhuizing of het overlijden per vergissing is vastgelegd</translation>
    </message>
    <message>
        <source>Status not changed</source>
        <translation>Status niet veranderd</translation>
    </message>
    <message>
        <source>The household is active again.</source>
        <translation>Het huishouden is weer actief.</translation>
    </message>
    <message>
        <source>The household is marked as deceased.</source>
        <translation>Het huishouden staat op overleden.</translation>
    </message>
    <message>
        <source>The household is marked as moved out.</source>
        <translation>Het huishouden staat op verhuisd.</translation>
    </message>
    <message>
        <source>Closed: %1.</source>
        <translation>Afgesloten: %1.</translation>
    </message>
    <message>
        <source>Make active again</source>
        <translation>Weer actief maken</translation>
    </message>
    <message>
        <source>Make %1 active again? Do this only if moving out or the death was recorded by mistake. The household counts in the consent tally again and can get letters. Visits, agreements and actions that were closed stay closed.</source>
        <translation>%1 weer actief maken? Doe dit alleen als de verhuizing of het overlijden per vergissing is vastgelegd. Het huishouden telt dan weer mee in de draagvlakmeting en kan weer brieven krijgen. Bezoeken, afspraken en acties die zijn afgesloten, blijven afgesloten.</translation>
    </message>
</context>
<context>
    <name>OpenWork</name>
    <message numerus="yes">
        <source>%n planned visit(s)</source>
        <translation><numerusform>%n gepland bezoek</numerusform><numerusform>%n geplande bezoeken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open agreement(s)</source>
        <translation><numerusform>%n open afspraak</numerusform><numerusform>%n open afspraken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n open actie</numerusform><numerusform>%n open acties</numerusform></translation>
    </message>
</context>
<context>
    <name>EndTenancyDialog</name>
    <message>
        <source>Moved out or deceased</source>
        <translation>Verhuisd of overleden</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Verhuisd</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Overleden</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat is er gebeurd</translation>
    </message>
    <message>
        <source>Moved out on</source>
        <translation>Verhuisd op</translation>
    </message>
    <message>
        <source>Died on</source>
        <translation>Overleden op</translation>
    </message>
    <message>
        <source>Mark as moved</source>
        <translation>Op verhuisd zetten</translation>
    </message>
    <message>
        <source>Mark as deceased</source>
        <translation>Op overleden zetten</translation>
    </message>
    <message>
        <source>Close the open work: %1</source>
        <translation>Het open werk afsluiten: %1</translation>
    </message>
    <message>
        <source>What happens:</source>
        <translation>Wat er gebeurt:</translation>
    </message>
    <message>
        <source>No more letters go to this household; batch letters leave it out.</source>
        <translation>Dit huishouden krijgt geen brieven meer; brieven voor het hele project slaan het over.</translation>
    </message>
    <message>
        <source>No letters are addressed to the tenant who died. Contact about the home goes through the contact person: %1.</source>
        <translation>Er gaan geen brieven meer op naam van de overleden bewoner. Contact over de woning loopt via de contactpersoon: %1.</translation>
    </message>
    <message>
        <source>No letters are addressed to the tenant who died. No contact person is recorded: add family or a carer on the profile.</source>
        <translation>Er gaan geen brieven meer op naam van de overleden bewoner. Er is geen contactpersoon vastgelegd: vul familie of een mantelzorger in op het profiel.</translation>
    </message>
    <message>
        <source>The household no longer counts in the project's consent tally: the 70% rule counts the tenants who live there now. The dwelling still counts.</source>
        <translation>Het huishouden telt niet meer mee in de draagvlakmeting van het project: de 70%-regel telt de huurders die er nu wonen. De woning telt wel mee.</translation>
    </message>
    <message>
        <source>Visits, agreements, letters and contact moments stay with the record. The household list shows it only with 'Also moved out or deceased'.</source>
        <translation>Bezoeken, afspraken, brieven en contactmomenten blijven bewaard. De lijst met huishoudens toont het alleen met 'Ook verhuisd of overleden'.</translation>
    </message>
    <message>
        <source>A mistake can be undone with 'Make active again'.</source>
        <translation>Een vergissing herstelt u met 'Weer actief maken'.</translation>
    </message>
</context>
</TS>
