<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/views/about_dialog.py" line="17" />
        <source>Over Vangnet</source>
        <translation>Over Vangnet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about_dialog.py" line="18" />
        <source>&lt;h2&gt;Vangnet {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Vangnet {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/about_dialog.py" line="21" />
        <source>Casemanagement voor leerplicht en voortijdig schoolverlaten.&lt;br&gt;&lt;br&gt;Gegevens staan versleuteld op deze computer en worden gesynchroniseerd met de server van de regio.&lt;br&gt;&lt;br&gt;Licentie: EUPL-1.2.&lt;br&gt;Gebouwd met Python {python}, Qt for Python (PySide6) {qt}, SQLAlchemy en SQLCipher.</source>
        <translation>Casemanagement voor leerplicht en voortijdig schoolverlaten.&lt;br&gt;&lt;br&gt;Gegevens staan versleuteld op deze computer en worden gesynchroniseerd met de server van de regio.&lt;br&gt;&lt;br&gt;Licentie: EUPL-1.2.&lt;br&gt;Gebouwd met Python {python}, Qt for Python (PySide6) {qt}, SQLAlchemy en SQLCipher.</translation>
    </message>
</context>
<context>
    <name>AbsenceReportDialog</name>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="20" />
        <source>Soort verzuim</source>
        <translation>Soort verzuim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="21" />
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="23" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="24" />
        <source>(onbekend)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="27" />
        <source>Eerste verzuimdag</source>
        <translation>Eerste verzuimdag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="28" />
        <source>Laatste verzuimdag</source>
        <translation>Laatste verzuimdag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="33" />
        <source>Uren verzuim</source>
        <translation>Uren verzuim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="35" />
        <source>Vermoedelijke reden</source>
        <translation>Vermoedelijke reden</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="37" />
        <source>Melder</source>
        <translation>Melder</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="38" />
        <source>&amp;Soort verzuim:</source>
        <translation>&amp;Soort verzuim:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="39" />
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="40" />
        <source>Sc&amp;hool:</source>
        <translation>Sc&amp;hool:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="41" />
        <source>&amp;Eerste verzuimdag:</source>
        <translation>&amp;Eerste verzuimdag:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="42" />
        <source>Laatste &amp;verzuimdag:</source>
        <translation>Laatste &amp;verzuimdag:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="43" />
        <source>&amp;Uren verzuim:</source>
        <translation>&amp;Uren verzuim:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="44" />
        <source>Vermoedelijke &amp;reden:</source>
        <translation>Vermoedelijke &amp;reden:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="45" />
        <source>&amp;Melder (naam, functie):</source>
        <translation>&amp;Melder (naam, functie):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="52" />
        <source>De ontvangstdatum ligt in de toekomst.</source>
        <translation>De ontvangstdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="53" />
        <source>De laatste verzuimdag ligt vóór de eerste.</source>
        <translation>De laatste verzuimdag ligt vóór de eerste.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="55" />
        <source>Het verzuim kan niet na de ontvangst van de melding beginnen.</source>
        <translation>Het verzuim kan niet na de ontvangst van de melding beginnen.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_absence.py" line="61" />
        <source>Bij '16 uur in 4 lesweken' hoort een verzuim van minstens 16 uur.</source>
        <translation>Bij '16 uur in 4 lesweken' hoort een verzuim van minstens 16 uur.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../desktop/views/case_view.py" line="76" />
        <source>Dossier van de leerling openen</source>
        <translation>Dossier van de leerling openen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="99" />
        <source>← Vorige fase</source>
        <translation>← Vorige fase</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="101" />
        <source>Volgende fase →</source>
        <translation>Volgende fase →</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="103" />
        <source>Naar de volgende MAS-fase (Ctrl+Shift+N)</source>
        <translation>Naar de volgende MAS-fase (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="107" />
        <source>Methodische Aanpak Schoolverzuim</source>
        <translation>Methodische Aanpak Schoolverzuim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="112" />
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="112" />
        <source>(nog geen route)</source>
        <translation>(nog geen route)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="114" />
        <source>Motivering route</source>
        <translation>Motivering route</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="115" />
        <source>Waarom wijkt deze zaak af van de gebruikelijke route?</source>
        <translation>Waarom wijkt deze zaak af van de gebruikelijke route?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="119" />
        <source>Route &amp;opslaan</source>
        <translation>Route &amp;opslaan</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="124" />
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="125" />
        <source>Moti&amp;vering:</source>
        <translation>Moti&amp;vering:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="130" />
        <source>Route (pas toe of leg uit)</source>
        <translation>Route (pas toe of leg uit)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="139" />
        <source>&amp;Journaal</source>
        <translation>&amp;Journaal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="140" />
        <source>&amp;Afspraken</source>
        <translation>&amp;Afspraken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="141" />
        <source>&amp;Interventies</source>
        <translation>&amp;Interventies</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="142" />
        <source>Af&amp;sluiten</source>
        <translation>Af&amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <location filename="../../desktop/views/case_view.py" line="189" />
        <source>Wanneer</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <location filename="../../desktop/views/case_view.py" line="189" />
        <location filename="../../desktop/views/case_view.py" line="222" />
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <source>Tekst</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <source>Journaal</source>
        <translation>Journaal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="155" />
        <source>Soort journaalregel</source>
        <translation>Soort journaalregel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="159" />
        <source>Contact met</source>
        <translation>Contact met</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="160" />
        <source>bijv. moeder, mentor</source>
        <translation>bijv. moeder, mentor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="162" />
        <source>Tekst journaalregel</source>
        <translation>Tekst journaalregel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="163" />
        <source>Wat is er gebeurd of afgesproken?</source>
        <translation>Wat is er gebeurd of afgesproken?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="166" />
        <source>&amp;Toevoegen (Ctrl+Enter)</source>
        <translation>&amp;Toevoegen (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="175" />
        <location filename="../../desktop/views/case_view.py" line="209" />
        <location filename="../../desktop/views/case_view.py" line="256" />
        <source>Soort:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="176" />
        <source>Met:</source>
        <translation>Met:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="182" />
        <source>Journaalregels kunnen niet worden gewijzigd of verwijderd.</source>
        <translation>Journaalregels kunnen niet worden gewijzigd of verwijderd.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="189" />
        <location filename="../../desktop/views/case_view.py" line="201" />
        <source>Plaats</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="189" />
        <location filename="../../desktop/views/case_view.py" line="203" />
        <source>Doel</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="189" />
        <source>Gedaan</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="190" />
        <source>Afspraken</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="198" />
        <source>Datum en tijd afspraak</source>
        <translation>Datum en tijd afspraak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="199" />
        <source>Soort afspraak</source>
        <translation>Soort afspraak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="204" />
        <source>Termijn (geen gesprek)</source>
        <translation>Termijn (geen gesprek)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="205" />
        <source>Afspraak &amp;toevoegen</source>
        <translation>Afspraak &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="208" />
        <source>Wanneer:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="210" />
        <source>Plaats:</source>
        <translation>Plaats:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="211" />
        <source>Doel:</source>
        <translation>Doel:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="222" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="222" />
        <source>Uitkomst</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="222" />
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="223" />
        <source>Interventies</source>
        <translation>Interventies</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="225" />
        <source>Soort interventie</source>
        <translation>Soort interventie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="226" />
        <source>Datum interventie</source>
        <translation>Datum interventie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="231" />
        <source>Uren verzuim</source>
        <translation>Uren verzuim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="234" />
        <source>Keren te laat</source>
        <translation>Keren te laat</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="235" />
        <source>Jongere stemt in</source>
        <translation>Jongere stemt in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="236" />
        <source>Ouders stemmen in (onder 16 jaar)</source>
        <translation>Ouders stemmen in (onder 16 jaar)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="237" />
        <source>Proces-verbaal tegen</source>
        <translation>Proces-verbaal tegen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="238" />
        <source>Afschrift aan de Raad voor de Kinderbescherming</source>
        <translation>Afschrift aan de Raad voor de Kinderbescherming</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="240" />
        <source>Verwezen naar</source>
        <translation>Verwezen naar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="242" />
        <source>Toelichting interventie</source>
        <translation>Toelichting interventie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="246" />
        <source>Interventie &amp;vastleggen</source>
        <translation>Interventie &amp;vastleggen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="257" />
        <source>Datum:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="258" />
        <source>Uren verzuim:</source>
        <translation>Uren verzuim:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="259" />
        <source>Keren te laat:</source>
        <translation>Keren te laat:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="262" />
        <source>PV tegen:</source>
        <translation>PV tegen:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="264" />
        <source>Verwezen naar:</source>
        <translation>Verwezen naar:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="266" />
        <location filename="../../desktop/views/case_view.py" line="295" />
        <source>Toelichting:</source>
        <translation>Toelichting:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="277" />
        <source>Reden van sluiten</source>
        <translation>Reden van sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="237" />
        <location filename="../../desktop/views/case_view.py" line="277" />
        <location filename="../../desktop/views/case_view.py" line="278" />
        <source>(kies)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="278" />
        <source>Reden voor DUO</source>
        <translation>Reden voor DUO</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="279" />
        <source>Sluitdatum</source>
        <translation>Sluitdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="281" />
        <source>Toelichting bij sluiten</source>
        <translation>Toelichting bij sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="285" />
        <source>Zaak &amp;sluiten</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="291" />
        <source>Reden:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="292" />
        <source>DUO-status:</source>
        <translation>DUO-status:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="292" />
        <source>Afgesloten (wordt teruggemeld aan DUO)</source>
        <translation>Afgesloten (wordt teruggemeld aan DUO)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="293" />
        <source>Reden voor DUO:</source>
        <translation>Reden voor DUO:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="294" />
        <source>Sluitdatum:</source>
        <translation>Sluitdatum:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="300" />
        <source>Zaak sluiten</source>
        <translation>Zaak sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="311" />
        <source>Zaak {number}</source>
        <translation>Zaak {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="311" />
        <source>Zaak</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="318" />
        <source>Zaak {number} · {kind}</source>
        <translation>Zaak {number} · {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="321" />
        <source>geopend {date}</source>
        <translation>geopend {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="325" />
        <source>gesloten {date}</source>
        <translation>gesloten {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="358" />
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="358" />
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="376" />
        <source>&amp;Journaal ({n})</source>
        <translation>&amp;Journaal ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="391" />
        <source>Vangnet</source>
        <translation>Vangnet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="409" />
        <source>Kies een route.</source>
        <translation>Kies een route.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="412" />
        <source>Deze route wijkt af van de gebruikelijke route ({usual}): geef een motivering.</source>
        <translation>Deze route wijkt af van de gebruikelijke route ({usual}): geef een motivering.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="480" />
        <source>Kies tegen wie het proces-verbaal is.</source>
        <translation>Kies tegen wie het proces-verbaal is.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="482" />
        <source>Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.</source>
        <translation>Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="498" />
        <source>Voldoet aan de criteria van Halt ({age} jaar).</source>
        <translation>Voldoet aan de criteria van Halt ({age} jaar).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="503" />
        <source>al eerder naar Halt verwezen voor verzuim</source>
        <translation>al eerder naar Halt verwezen voor verzuim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="505" />
        <source>leeftijd {age} jaar (12 tot 18)</source>
        <translation>leeftijd {age} jaar (12 tot 18)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="508" />
        <source>minder dan 9 uur verzuim en minder dan 12 keer te laat</source>
        <translation>minder dan 9 uur verzuim en minder dan 12 keer te laat</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="510" />
        <source>meer dan 60 uur of 60 keer te laat</source>
        <translation>meer dan 60 uur of 60 keer te laat</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="511" />
        <source>Halt is niet mogelijk: {reasons}.</source>
        <translation>Halt is niet mogelijk: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="514" />
        <source>Vraag de toestemming van de jongere.</source>
        <translation>Vraag de toestemming van de jongere.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="516" />
        <source>Onder de 16 jaar is ook de toestemming van de ouders nodig.</source>
        <translation>Onder de 16 jaar is ook de toestemming van de ouders nodig.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="549" />
        <source>Deze zaak is gesloten.</source>
        <translation>Deze zaak is gesloten.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="551" />
        <source>Kies de reden van sluiten.</source>
        <translation>Kies de reden van sluiten.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="553" />
        <source>Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.</source>
        <translation>Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="555" />
        <source>De sluitdatum ligt vóór de openingsdatum.</source>
        <translation>De sluitdatum ligt vóór de openingsdatum.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="19" />
        <source>Wachtwoord wijzigen</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="20" />
        <source>Huidig wachtwoord</source>
        <translation>Huidig wachtwoord</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="21" />
        <source>Nieuw wachtwoord</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="22" />
        <source>Nieuw wachtwoord herhalen</source>
        <translation>Nieuw wachtwoord herhalen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="24" />
        <source>&amp;Huidig wachtwoord:</source>
        <translation>&amp;Huidig wachtwoord:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="25" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;Nieuw wachtwoord:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="26" />
        <source>Nieuw wachtwoord &amp;herhalen:</source>
        <translation>Nieuw wachtwoord &amp;herhalen:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="32" />
        <source>Wijzigen</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="53" />
        <source>Vul het huidige wachtwoord in.</source>
        <translation>Vul het huidige wachtwoord in.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="55" />
        <source>Vul een nieuw wachtwoord in.</source>
        <translation>Vul een nieuw wachtwoord in.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="61" />
        <source>Het nieuwe wachtwoord is hetzelfde als het huidige.</source>
        <translation>Het nieuwe wachtwoord is hetzelfde als het huidige.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/change_passphrase_dialog.py" line="63" />
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>De twee nieuwe wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/views/crash_dialog.py" line="13" />
        <source>Vangnet – onverwachte fout</source>
        <translation>Vangnet – onverwachte fout</translation>
    </message>
    <message>
        <location filename="../../desktop/views/crash_dialog.py" line="16" />
        <source>Er ging iets mis dat Vangnet niet verwachtte. Wat u al had opgeslagen is bewaard.
Wilt u dit melden bij de functioneel beheerder? Kopieer dan de details hieronder; er staan geen persoonsgegevens in.</source>
        <translation>Er ging iets mis dat Vangnet niet verwachtte. Wat u al had opgeslagen is bewaard.
Wilt u dit melden bij de functioneel beheerder? Kopieer dan de details hieronder; er staan geen persoonsgegevens in.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/crash_dialog.py" line="24" />
        <source>Details van de fout</source>
        <translation>Details van de fout</translation>
    </message>
    <message>
        <location filename="../../desktop/views/crash_dialog.py" line="26" />
        <source>Details &amp;kopiëren</source>
        <translation>Details &amp;kopiëren</translation>
    </message>
    <message>
        <location filename="../../desktop/views/crash_dialog.py" line="39" />
        <source>Gekopieerd</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>DropoutTrajectoryDialog</name>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="24" />
        <source>Soort vsv'er</source>
        <translation>Soort vsv'er</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="25" />
        <source>Begindatum</source>
        <translation>Begindatum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="27" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="28" />
        <source>(nog niet toegewezen)</source>
        <translation>(nog niet toegewezen)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="32" />
        <source>&amp;Soort:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="33" />
        <source>&amp;Begindatum:</source>
        <translation>&amp;Begindatum:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="34" />
        <source>&amp;Coach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="41" />
        <source>De begindatum ligt in de toekomst.</source>
        <translation>De begindatum ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="46" />
        <source>Leeftijd bij de start: {age} jaar.</source>
        <translation>Leeftijd bij de start: {age} jaar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="50" />
        <source>De jongere is {limit} jaar of ouder: buiten de doelgroep.</source>
        <translation>De jongere is {limit} jaar of ouder: buiten de doelgroep.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_dropout.py" line="55" />
        <source>De jongere heeft al een startkwalificatie.</source>
        <translation>De jongere heeft al een startkwalificatie.</translation>
    </message>
</context>
<context>
    <name>ExemptionDecisionDialog</name>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="21" />
        <source>Besluit op vrijstelling</source>
        <translation>Besluit op vrijstelling</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="29" />
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{article}&lt;br&gt;Ontvangen op {date}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{article}&lt;br&gt;Ontvangen op {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="34" />
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="34" />
        <source>(kies)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="35" />
        <source>Datum besluit</source>
        <translation>Datum besluit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="37" />
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="38" />
        <source>De motivering komt in de beschikking.</source>
        <translation>De motivering komt in de beschikking.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="44" />
        <source>&amp;Besluit:</source>
        <translation>&amp;Besluit:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="45" />
        <source>&amp;Datum besluit:</source>
        <translation>&amp;Datum besluit:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="46" />
        <source>&amp;Motivering:</source>
        <translation>&amp;Motivering:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="65" />
        <source>Kies toekennen of afwijzen.</source>
        <translation>Kies toekennen of afwijzen.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="67" />
        <source>De beslisdatum ligt vóór de ontvangstdatum.</source>
        <translation>De beslisdatum ligt vóór de ontvangstdatum.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="68" />
        <source>De beslisdatum ligt in de toekomst.</source>
        <translation>De beslisdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="70" />
        <source>Een besluit heeft een motivering nodig.</source>
        <translation>Een besluit heeft een motivering nodig.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="78" />
        <source>Bezwaar mogelijk tot en met {date}.</source>
        <translation>Bezwaar mogelijk tot en met {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="81" />
        <source>Geldig tot en met {date}.</source>
        <translation>Geldig tot en met {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/exemption_decision_dialog.py" line="82" />
        <source>Geldig zonder einddatum (nooit geschikt).</source>
        <translation>Geldig zonder einddatum (nooit geschikt).</translation>
    </message>
</context>
<context>
    <name>ExemptionRequestDialog</name>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="22" />
        <source>Artikel</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="23" />
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="25" />
        <source>Datum verklaring</source>
        <translation>Datum verklaring</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="26" />
        <source>Verklaring door</source>
        <translation>Verklaring door</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="27" />
        <source>Deskundige is door de gemeente aangewezen (niet de behandelaar)</source>
        <translation>Deskundige is door de gemeente aangewezen (niet de behandelaar)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="28" />
        <source>Verklaring dat de leerling nooit geschikt zal worden</source>
        <translation>Verklaring dat de leerling nooit geschikt zal worden</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="32" />
        <source>Richting waartegen bedenkingen bestaan</source>
        <translation>Richting waartegen bedenkingen bestaan</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="34" />
        <source>School in het buitenland</source>
        <translation>School in het buitenland</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="36" />
        <source>Vervangend programma</source>
        <translation>Vervangend programma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="39" />
        <source>&amp;Artikel:</source>
        <translation>&amp;Artikel:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="40" />
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="42" />
        <source>Datum &amp;verklaring:</source>
        <translation>Datum &amp;verklaring:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="43" />
        <source>Verklaring door:</source>
        <translation>Verklaring door:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="47" />
        <source>Bedenkingen tegen:</source>
        <translation>Bedenkingen tegen:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="48" />
        <source>School in buitenland:</source>
        <translation>School in buitenland:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="49" />
        <source>Programma:</source>
        <translation>Programma:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="71" />
        <source>De ontvangstdatum ligt in de toekomst.</source>
        <translation>De ontvangstdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="78" />
        <source>De verklaring is ouder dan drie maanden of van na de ontvangst (art. 7).</source>
        <translation>De verklaring is ouder dan drie maanden of van na de ontvangst (art. 7).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="84" />
        <source>De verklaring moet komen van een door de gemeente aangewezen deskundige, niet van de behandelaar (art. 7).</source>
        <translation>De verklaring moet komen van een door de gemeente aangewezen deskundige, niet van de behandelaar (art. 7).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="89" />
        <source>Verklaring bruikbaar tot en met {date}.</source>
        <translation>Verklaring bruikbaar tot en met {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="97" />
        <source>Vul in tegen welke richting de bedenkingen bestaan (art. 8).</source>
        <translation>Vul in tegen welke richting de bedenkingen bestaan (art. 8).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="103" />
        <source>Vul de school in het buitenland in (art. 9).</source>
        <translation>Vul de school in het buitenland in (art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="107" />
        <source>Beschrijf het vervangende programma.</source>
        <translation>Beschrijf het vervangende programma.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_exemption.py" line="114" />
        <source>Vervangende leerplicht (art. 3a) kan vanaf 14 jaar.</source>
        <translation>Vervangende leerplicht (art. 3a) kan vanaf 14 jaar.</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../desktop/views/figures_page.py" line="15" />
        <source>Cijfers</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/figures_page.py" line="18" />
        <source>Totalen in deze administratie</source>
        <translation>Totalen in deze administratie</translation>
    </message>
</context>
<context>
    <name>HomeSitterDialog</name>
    <message>
        <location filename="../../desktop/views/register_home_sitter.py" line="18" />
        <source>Thuiszitter sinds</source>
        <translation>Thuiszitter sinds</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_home_sitter.py" line="20" />
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_home_sitter.py" line="23" />
        <source>Thuiszitter &amp;sinds:</source>
        <translation>Thuiszitter &amp;sinds:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_home_sitter.py" line="24" />
        <source>&amp;Reden:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_home_sitter.py" line="30" />
        <source>De begindatum ligt in de toekomst.</source>
        <translation>De begindatum ligt in de toekomst.</translation>
    </message>
</context>
<context>
    <name>LeaveRequestDialog</name>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="36" />
        <source>Soort verlof</source>
        <translation>Soort verlof</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="37" />
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="38" />
        <source>Eerste verlofdag</source>
        <translation>Eerste verlofdag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="39" />
        <source>Laatste verlofdag</source>
        <translation>Laatste verlofdag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="42" />
        <source>Aantal schooldagen</source>
        <translation>Aantal schooldagen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="43" />
        <source>Valt in de eerste twee lesweken van het schooljaar</source>
        <translation>Valt in de eerste twee lesweken van het schooljaar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="45" />
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="48" />
        <source>Wie beslist</source>
        <translation>Wie beslist</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="49" />
        <source>Directeur van de school is gehoord</source>
        <translation>Directeur van de school is gehoord</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="50" />
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="50" />
        <source>(nog niet beslist)</source>
        <translation>(nog niet beslist)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="52" />
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="55" />
        <source>&amp;Soort verlof:</source>
        <translation>&amp;Soort verlof:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="56" />
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="57" />
        <source>&amp;Van:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="58" />
        <source>&amp;Tot en met:</source>
        <translation>&amp;Tot en met:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="59" />
        <source>Schoolda&amp;gen:</source>
        <translation>Schoolda&amp;gen:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="61" />
        <source>&amp;Reden:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="62" />
        <source>Wie beslist:</source>
        <translation>Wie beslist:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="64" />
        <source>&amp;Besluit:</source>
        <translation>&amp;Besluit:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="65" />
        <source>&amp;Motivering:</source>
        <translation>&amp;Motivering:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="90" />
        <source>De laatste verlofdag ligt vóór de eerste.</source>
        <translation>De laatste verlofdag ligt vóór de eerste.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="91" />
        <source>Vul de reden van de aanvraag in.</source>
        <translation>Vul de reden van de aanvraag in.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="96" />
        <source>Niet toegestaan: vakantieverlof is maximaal één keer per schooljaar, hoogstens 10 schooldagen en niet in de eerste twee lesweken.</source>
        <translation>Niet toegestaan: vakantieverlof is maximaal één keer per schooljaar, hoogstens 10 schooldagen en niet in de eerste twee lesweken.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="100" />
        <source>De leerplichtambtenaar beslist (meer dan 10 schooldagen), na het horen van de directeur.</source>
        <translation>De leerplichtambtenaar beslist (meer dan 10 schooldagen), na het horen van de directeur.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="103" />
        <source>De directeur van de school beslist; registreer het besluit van de school.</source>
        <translation>De directeur van de school beslist; registreer het besluit van de school.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="106" />
        <source>Hoor eerst de directeur van de school.</source>
        <translation>Hoor eerst de directeur van de school.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="109" />
        <source>Een besluit heeft een motivering nodig.</source>
        <translation>Een besluit heeft een motivering nodig.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_leave.py" line="111" />
        <source>Dit verlof kan volgens de wet niet worden toegekend.</source>
        <translation>Dit verlof kan volgens de wet niet worden toegekend.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="83" />
        <source>Vangnet</source>
        <translation>Vangnet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="88" />
        <source>Navigatie</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="95" />
        <source>{label} (Ctrl+{n})</source>
        <translation>{label} (Ctrl+{n})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="106" />
        <source>Geopende dossiers</source>
        <translation>Geopende dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="108" />
        <source>Overzicht</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="135" />
        <source>Zoeken</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="138" />
        <source>  Zoeken: </source>
        <translation>  Zoeken: </translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="194" />
        <source>&amp;Bestand</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="200" />
        <source>&amp;Registreren</source>
        <translation>&amp;Registreren</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="208" />
        <source>&amp;Ga naar</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="214" />
        <source>E&amp;xtra</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="217" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="223" />
        <source>Synchronisatie</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="244" />
        <source>Vergrendeld</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="250" />
        <source>● Offline – geen server ingesteld</source>
        <translation>● Offline – geen server ingesteld</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="253" />
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="256" />
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="259" />
        <source>Laatste synchronisatie: {when}</source>
        <translation>Laatste synchronisatie: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="260" />
        <source>nog niet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="264" />
        <source>Te versturen: {n}</source>
        <translation>Te versturen: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="267" />
        <source>Conflicten: {n}</source>
        <translation>Conflicten: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="469" />
        <source>Automatisch vergrendeld na {n} minuten zonder gebruik. Vul uw wachtwoord in om verder te gaan.</source>
        <translation>Automatisch vergrendeld na {n} minuten zonder gebruik. Vul uw wachtwoord in om verder te gaan.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="472" />
        <source>Vul uw wachtwoord in om verder te gaan.</source>
        <translation>Vul uw wachtwoord in om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../desktop/views/register_case.py" line="21" />
        <source>Soort zaak</source>
        <translation>Soort zaak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="23" />
        <source>Datum geopend</source>
        <translation>Datum geopend</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="26" />
        <source>Consulent</source>
        <translation>Consulent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="27" />
        <source>(nog niet toegewezen)</source>
        <translation>(nog niet toegewezen)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="30" />
        <source>Nader onderzoek nodig</source>
        <translation>Nader onderzoek nodig</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="32" />
        <source>Aanleiding</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="36" />
        <source>&amp;Soort zaak:</source>
        <translation>&amp;Soort zaak:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="37" />
        <source>&amp;Geopend op:</source>
        <translation>&amp;Geopend op:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="38" />
        <source>&amp;Consulent:</source>
        <translation>&amp;Consulent:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="40" />
        <source>&amp;Aanleiding:</source>
        <translation>&amp;Aanleiding:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="41" />
        <source>Leerplicht:</source>
        <translation>Leerplicht:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="47" />
        <source>De openingsdatum ligt in de toekomst.</source>
        <translation>De openingsdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_case.py" line="56" />
        <source>Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling.</source>
        <translation>Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling.</translation>
    </message>
</context>
<context>
    <name>PersonFileView</name>
    <message>
        <location filename="../../desktop/views/person_file.py" line="78" />
        <source>Leerplichtstatus</source>
        <translation>Leerplichtstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="80" />
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="82" />
        <location filename="../../desktop/views/person_file.py" line="289" />
        <source>BSN &amp;tonen</source>
        <translation>BSN &amp;tonen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="83" />
        <source>Het tonen van het BSN wordt vastgelegd.</source>
        <translation>Het tonen van het BSN wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="91" />
        <source>BSN:</source>
        <translation>BSN:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="97" />
        <source>Nieuwe &amp;melding</source>
        <translation>Nieuwe &amp;melding</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="98" />
        <source>Nieuwe &amp;zaak</source>
        <translation>Nieuwe &amp;zaak</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="99" />
        <source>&amp;Vrijstelling aanvragen</source>
        <translation>&amp;Vrijstelling aanvragen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="100" />
        <source>Ver&amp;lofaanvraag</source>
        <translation>Ver&amp;lofaanvraag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="101" />
        <source>T&amp;huiszitter</source>
        <translation>T&amp;huiszitter</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="102" />
        <source>VSV-&amp;traject</source>
        <translation>VSV-&amp;traject</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="112" />
        <source>Persoonsgegevens</source>
        <translation>Persoonsgegevens</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="114" />
        <source>Leerplicht en kwalificatieplicht</source>
        <translation>Leerplicht en kwalificatieplicht</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="120" />
        <source>Naam</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="120" />
        <source>Relatie</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="120" />
        <source>Gezag</source>
        <translation>Gezag</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="120" />
        <location filename="../../desktop/views/person_file.py" line="212" />
        <source>Telefoon</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="120" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="121" />
        <source>Ouders en verzorgers</source>
        <translation>Ouders en verzorgers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="124" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="124" />
        <location filename="../../desktop/views/person_file.py" line="149" />
        <source>Van</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="124" />
        <source>Tot</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="124" />
        <source>Niveau</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="124" />
        <source>Inschrijvingen</source>
        <translation>Inschrijvingen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="129" />
        <source>&lt;b&gt;Ouders en verzorgers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ouders en verzorgers&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="131" />
        <source>&lt;b&gt;Inschrijvingen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Inschrijvingen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="135" />
        <source>Zaaknummer</source>
        <translation>Zaaknummer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="135" />
        <location filename="../../desktop/views/person_file.py" line="149" />
        <location filename="../../desktop/views/person_file.py" line="160" />
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="135" />
        <source>Fase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="135" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="135" />
        <source>Geopend</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="136" />
        <source>Gesloten</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="137" />
        <source>Zaken</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="142" />
        <source>Artikel</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="142" />
        <source>Ontvangen</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="142" />
        <location filename="../../desktop/views/person_file.py" line="149" />
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="142" />
        <source>Geldig tot</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="143" />
        <source>Vrijstellingen</source>
        <translation>Vrijstellingen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="149" />
        <source>Tot en met</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="149" />
        <source>Dagen</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="150" />
        <source>Verlofaanvragen</source>
        <translation>Verlofaanvragen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="154" />
        <source>&lt;b&gt;Vrijstellingen en vervangende leerplicht&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vrijstellingen en vervangende leerplicht&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="156" />
        <source>&lt;b&gt;Extra verlof&lt;/b&gt;</source>
        <translation>&lt;b&gt;Extra verlof&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="160" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="160" />
        <source>Wat</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="160" />
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="160" />
        <source>Tijdlijn</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="166" />
        <source>Onderdelen van het dossier</source>
        <translation>Onderdelen van het dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="167" />
        <source>&amp;Overzicht</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="168" />
        <source>&amp;Zaken</source>
        <translation>&amp;Zaken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="169" />
        <source>Vrijstellingen en ve&amp;rlof</source>
        <translation>Vrijstellingen en ve&amp;rlof</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="170" />
        <source>T&amp;ijdlijn</source>
        <translation>T&amp;ijdlijn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="186" />
        <source>Leerling</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="204" />
        <source>Voornamen</source>
        <translation>Voornamen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="205" />
        <source>Roepnaam</source>
        <translation>Roepnaam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="206" />
        <source>Achternaam</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="207" />
        <source>Geboortedatum</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="208" />
        <source>Geslacht</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="209" />
        <source>Adres</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="210" />
        <source>Gemeente</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="211" />
        <source>Onderwijsnummer</source>
        <translation>Onderwijsnummer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="220" />
        <source>Status vandaag:</source>
        <translation>Status vandaag:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="230" />
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="230" />
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="257" />
        <location filename="../../desktop/views/person_file.py" line="266" />
        <source>Nog niet beslist</source>
        <translation>Nog niet beslist</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="275" />
        <source>&amp;Zaken ({n})</source>
        <translation>&amp;Zaken ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="276" />
        <source>T&amp;ijdlijn ({n})</source>
        <translation>T&amp;ijdlijn ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="286" />
        <source>BSN &amp;verbergen</source>
        <translation>BSN &amp;verbergen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/person_file.py" line="288" />
        <source>geen</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../desktop/views/register_form.py" line="41" />
        <source>Naam, BSN of onderwijsnummer</source>
        <translation>Naam, BSN of onderwijsnummer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="42" />
        <source>Leerling zoeken</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="44" />
        <source>Gevonden leerlingen</source>
        <translation>Gevonden leerlingen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="83" />
        <source>Dit BSN is ongeldig: het voldoet niet aan de 11-proef.</source>
        <translation>Dit BSN is ongeldig: het voldoet niet aan de 11-proef.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="89" />
        <source>(geen leerling gevonden)</source>
        <translation>(geen leerling gevonden)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="89" />
        <source>(zoek eerst)</source>
        <translation>(zoek eerst)</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../desktop/views/record_list.py" line="234" />
        <source>Aantal</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="241" />
        <source>Filter op naam…</source>
        <translation>Filter op naam…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="242" />
        <source>Filter op naam</source>
        <translation>Filter op naam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="307" />
        <source>{label}: alle</source>
        <translation>{label}: alle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="311" />
        <source>Besluit: alle</source>
        <translation>Besluit: alle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="312" />
        <source>Nog niet beslist</source>
        <translation>Nog niet beslist</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="316" />
        <source>Lopend en beëindigd</source>
        <translation>Lopend en beëindigd</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="317" />
        <source>Lopend</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="318" />
        <source>Beëindigd</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="330" />
        <source>Alle gemeenten</source>
        <translation>Alle gemeenten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="334" />
        <source>{label}: iedereen</source>
        <translation>{label}: iedereen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="338" />
        <source>Alle scholen</source>
        <translation>Alle scholen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="342" />
        <source>Alle schooljaren</source>
        <translation>Alle schooljaren</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="344" />
        <source>Schooljaar {year}</source>
        <translation>Schooljaar {year}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="374" />
        <source>meer dan {n} gevonden, bezig met tellen…</source>
        <translation>meer dan {n} gevonden, bezig met tellen…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_list.py" line="379" />
        <source>{n} gevonden</source>
        <translation>{n} gevonden</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../desktop/views/register_form.py" line="115" />
        <source>&amp;Leerling:</source>
        <translation>&amp;Leerling:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/register_form.py" line="142" />
        <source>Kies een leerling.</source>
        <translation>Kies een leerling.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../desktop/views/search_box.py" line="108" />
        <source>Zoek op naam, BSN, zaaknummer of school  (Ctrl+F)</source>
        <translation>Zoek op naam, BSN, zaaknummer of school  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search_box.py" line="109" />
        <source>Zoeken</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search_box.py" line="116" />
        <source>Zoekresultaten</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/search_box.py" line="171" />
        <source>Niets gevonden</source>
        <translation>Niets gevonden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="24" />
        <source>Instellingen</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="27" />
        <source> minuten</source>
        <translation> minuten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="29" />
        <source>Automatisch vergrendelen na</source>
        <translation>Automatisch vergrendelen na</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="32" />
        <source>Adres van de server</source>
        <translation>Adres van de server</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="34" />
        <source>Taal</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="40" />
        <source>&amp;Vergrendelen na inactiviteit:</source>
        <translation>&amp;Vergrendelen na inactiviteit:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="41" />
        <source>&amp;Serveradres:</source>
        <translation>&amp;Serveradres:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="42" />
        <source>&amp;Taal:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="57" />
        <source>Het serveradres begint met https:// en bevat geen gebruikersnaam of wachtwoord.</source>
        <translation>Het serveradres begint met https:// en bevat geen gebruikersnaam of wachtwoord.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="186" />
        <source>Vangnet – ontgrendelen</source>
        <translation>Vangnet – ontgrendelen</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="52" />
        <source>Vangnet is vergrendeld</source>
        <translation>Vangnet is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="52" />
        <source>Welkom bij Vangnet</source>
        <translation>Welkom bij Vangnet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="56" />
        <source>Vul uw wachtwoord in om uw gegevens te openen. De gegevens staan versleuteld op deze computer.</source>
        <translation>Vul uw wachtwoord in om uw gegevens te openen. De gegevens staan versleuteld op deze computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="62" />
        <location filename="../../desktop/views/unlock_dialog.py" line="63" />
        <source>Wachtwoord</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="67" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="74" />
        <source>Bezig met openen</source>
        <translation>Bezig met openen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="77" />
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="79" />
        <source>Ontgrendelen</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="81" />
        <source>Wachtwoord &amp;wijzigen…</source>
        <translation>Wachtwoord &amp;wijzigen…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="82" />
        <source>Wachtwoord wijzigen</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="84" />
        <source>Afsluiten</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="144" />
        <source>Het profiel kon niet worden geopend door een onverwachte fout.</source>
        <translation>Het profiel kon niet worden geopend door een onverwachte fout.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="164" />
        <source>Te veel onjuiste pogingen. U kunt het over {n} seconden opnieuw proberen.</source>
        <translation>Te veel onjuiste pogingen. U kunt het over {n} seconden opnieuw proberen.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/unlock_dialog.py" line="176" />
        <source>Het wachtwoord is gewijzigd. Ontgrendel met het nieuwe wachtwoord.</source>
        <translation>Het wachtwoord is gewijzigd. Ontgrendel met het nieuwe wachtwoord.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../desktop/views/worklist.py" line="40" />
        <source>Werkvoorraad</source>
        <translation>Werkvoorraad</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="43" />
        <source>Samenvatting werkvoorraad</source>
        <translation>Samenvatting werkvoorraad</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="44" />
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="45" />
        <source>Werkvoorraad opnieuw laden (F5)</source>
        <translation>Werkvoorraad opnieuw laden (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="55" />
        <source>Signalen</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="57" />
        <source>Signaal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="57" />
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="57" />
        <source>Uiterlijk</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="70" />
        <source>Er is niets dat nu uw aandacht vraagt.</source>
        <translation>Er is niets dat nu uw aandacht vraagt.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="90" />
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="102" />
        <source>De werkvoorraad kon niet worden geladen.</source>
        <translation>De werkvoorraad kon niet worden geladen.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="132" />
        <source>Termijn verstreken</source>
        <translation>Termijn verstreken</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="143" />
        <source>{n} signalen</source>
        <translation>{n} signalen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/worklist.py" line="143" />
        <source>Geen signalen</source>
        <translation>Geen signalen</translation>
    </message>
</context>
</TS>