<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over Vangnet</source>
        <translation>Over Vangnet</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Vangnet {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Vangnet {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build {commit} van {date}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Build {commit} van {date}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Casemanagement voor leerplicht en voortijdig schoolverlaten.&lt;br&gt;&lt;br&gt;Gegevens staan versleuteld op deze computer en worden gesynchroniseerd met de server van de regio.&lt;br&gt;&lt;br&gt;Licentie: EUPL-1.2.&lt;br&gt;Gebouwd met Python {python}, Qt for Python (PySide6) {qt}, SQLAlchemy en SQLCipher.</source>
        <translation>Casemanagement voor leerplicht en voortijdig schoolverlaten.&lt;br&gt;&lt;br&gt;Gegevens staan versleuteld op deze computer en worden gesynchroniseerd met de server van de regio.&lt;br&gt;&lt;br&gt;Licentie: EUPL-1.2.&lt;br&gt;Gebouwd met Python {python}, Qt for Python (PySide6) {qt}, SQLAlchemy en SQLCipher.</translation>
    </message>
</context>
<context>
    <name>AbsenceReportDialog</name>
    <message>
        <source>Soort verzuim</source>
        <translation>Soort verzuim</translation>
    </message>
    <message>
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <source>Eerste verzuimdag</source>
        <translation>Eerste verzuimdag</translation>
    </message>
    <message>
        <source>Laatste verzuimdag</source>
        <translation>Laatste verzuimdag</translation>
    </message>
    <message>
        <source>Uren verzuim</source>
        <translation>Uren verzuim</translation>
    </message>
    <message>
        <source>Vermoedelijke reden</source>
        <translation>Vermoedelijke reden</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Melder</translation>
    </message>
    <message>
        <source>&amp;Soort verzuim:</source>
        <translation>&amp;Soort verzuim:</translation>
    </message>
    <message>
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <source>Sc&amp;hool:</source>
        <translation>Sc&amp;hool:</translation>
    </message>
    <message>
        <source>&amp;Eerste verzuimdag:</source>
        <translation>&amp;Eerste verzuimdag:</translation>
    </message>
    <message>
        <source>Laatste &amp;verzuimdag:</source>
        <translation>Laatste &amp;verzuimdag:</translation>
    </message>
    <message>
        <source>&amp;Uren verzuim:</source>
        <translation>&amp;Uren verzuim:</translation>
    </message>
    <message>
        <source>Vermoedelijke &amp;reden:</source>
        <translation>Vermoedelijke &amp;reden:</translation>
    </message>
    <message>
        <source>&amp;Melder (naam, functie):</source>
        <translation>&amp;Melder (naam, functie):</translation>
    </message>
    <message>
        <source>De ontvangstdatum ligt in de toekomst.</source>
        <translation>De ontvangstdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <source>De laatste verzuimdag ligt vóór de eerste.</source>
        <translation>De laatste verzuimdag ligt vóór de eerste.</translation>
    </message>
    <message>
        <source>Het verzuim kan niet na de ontvangst van de melding beginnen.</source>
        <translation>Het verzuim kan niet na de ontvangst van de melding beginnen.</translation>
    </message>
    <message>
        <source>Bij '16 uur in 4 lesweken' hoort een verzuim van minstens 16 uur.</source>
        <translation>Bij '16 uur in 4 lesweken' hoort een verzuim van minstens 16 uur.</translation>
    </message>
</context>
<context>
    <name>AssessReportDialog</name>
    <message>
        <source>Nieuwe melding beoordelen</source>
        <extracomment>The table of the records this dialog assesses; the main window's open_record opens them with :func:`open_assessment`.</extracomment>
        <translation>Nieuwe melding beoordelen</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Beoordeling &amp;opslaan</source>
        <translation>Beoordeling &amp;opslaan</translation>
    </message>
    <message>
        <source>Beoordeling opslaan</source>
        <translation>Beoordeling opslaan</translation>
    </message>
    <message>
        <source>Deze melding is al beoordeeld.</source>
        <translation>Deze melding is al beoordeeld.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>{name}
{age} jaar, geboren {born}</source>
        <translation>{name}
{age} jaar, geboren {born}</translation>
    </message>
    <message>
        <source>, gemeente {name}</source>
        <translation>, gemeente {name}</translation>
    </message>
    <message>
        <source>Leerling:</source>
        <translation>Leerling:</translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>Soort verzuim</source>
        <translation>Soort verzuim</translation>
    </message>
    <message>
        <source>School:</source>
        <translation>School:</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Ontvangen:</source>
        <translation>Ontvangen:</translation>
    </message>
    <message>
        <source>Ontvangen op</source>
        <translation>Ontvangen op</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Periode van het verzuim</source>
        <translation>Periode van het verzuim</translation>
    </message>
    <message>
        <source>{n} dagen</source>
        <translation>{n} dagen</translation>
    </message>
    <message>
        <source>{n} keer te laat</source>
        <translation>{n} keer te laat</translation>
    </message>
    <message>
        <source>Verzuim:</source>
        <translation>Verzuim:</translation>
    </message>
    <message>
        <source>Omvang van het verzuim</source>
        <translation>Omvang van het verzuim</translation>
    </message>
    <message>
        <source>Reden volgens school:</source>
        <translation>Reden volgens school:</translation>
    </message>
    <message>
        <source>Vermoedelijke reden</source>
        <translation>Vermoedelijke reden</translation>
    </message>
    <message>
        <source>Wat de school deed:</source>
        <translation>Wat de school deed:</translation>
    </message>
    <message>
        <source>Acties van de school</source>
        <translation>Acties van de school</translation>
    </message>
    <message>
        <source>Verzoek school:</source>
        <translation>Verzoek school:</translation>
    </message>
    <message>
        <source>De school vraagt actie van de gemeente.</source>
        <translation>De school vraagt actie van de gemeente.</translation>
    </message>
    <message>
        <source>Verzoek van de school</source>
        <translation>Verzoek van de school</translation>
    </message>
    <message>
        <source>Melder:</source>
        <translation>Melder:</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Melder</translation>
    </message>
    <message>
        <source>Eerdere meldingen in schooljaar {year}</source>
        <translation>Eerdere meldingen in schooljaar {year}</translation>
    </message>
    <message>
        <source>Eerdere meldingen in dit schooljaar</source>
        <translation>Eerdere meldingen in dit schooljaar</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Geen eerdere meldingen van deze leerling in dit schooljaar.</source>
        <translation>Geen eerdere meldingen van deze leerling in dit schooljaar.</translation>
    </message>
    <message>
        <source>Beoordeling</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Soort zaak</source>
        <translation>Soort zaak</translation>
    </message>
    <message>
        <source>Lopende zaak</source>
        <translation>Lopende zaak</translation>
    </message>
    <message>
        <source>Zaak {number}: {kind}, geopend {date}</source>
        <translation>Zaak {number}: {kind}, geopend {date}</translation>
    </message>
    <message>
        <source>Deze leerling heeft geen lopende zaak</source>
        <translation>Deze leerling heeft geen lopende zaak</translation>
    </message>
    <message>
        <source>Schrijf hieronder waarom er geen actie nodig is.</source>
        <translation>Schrijf hieronder waarom er geen actie nodig is.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: jeugdarts GGD, wijkteam, zorgcoördinator school</source>
        <translation>Bijvoorbeeld: jeugdarts GGD, wijkteam, zorgcoördinator school</translation>
    </message>
    <message>
        <source>Doorsturen naar (organisatie)</source>
        <translation>Doorsturen naar (organisatie)</translation>
    </message>
    <message>
        <source>Andere gemeente</source>
        <translation>Andere gemeente</translation>
    </message>
    <message>
        <source>Kies een gemeente…</source>
        <translation>Kies een gemeente…</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>Kies wat er met de melding gebeurt.</source>
        <translation>Kies wat er met de melding gebeurt.</translation>
    </message>
    <message>
        <source>Geef een motivering: waarom is er geen actie nodig?</source>
        <translation>Geef een motivering: waarom is er geen actie nodig?</translation>
    </message>
    <message>
        <source>Kies de lopende zaak.</source>
        <translation>Kies de lopende zaak.</translation>
    </message>
    <message>
        <source>Vul in naar wie de melding gaat.</source>
        <translation>Vul in naar wie de melding gaat.</translation>
    </message>
    <message>
        <source>Kies de gemeente waar de melding naartoe gaat.</source>
        <translation>Kies de gemeente waar de melding naartoe gaat.</translation>
    </message>
    <message>
        <source>&amp;Motivering (verplicht):</source>
        <translation>&amp;Motivering (verplicht):</translation>
    </message>
    <message>
        <source>&amp;Toelichting:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
    <message>
        <source>Waarom is er geen actie nodig? Bijvoorbeeld: ziekte gemeld en bevestigd door de school.</source>
        <translation>Waarom is er geen actie nodig? Bijvoorbeeld: ziekte gemeld en bevestigd door de school.</translation>
    </message>
    <message>
        <source>Optioneel: komt in het journaal bij de beoordeling.</source>
        <translation>Optioneel: komt in het journaal bij de beoordeling.</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>Toegangslogboek</source>
        <translation>Toegangslogboek</translation>
    </message>
    <message>
        <source>Per &amp;leerling</source>
        <extracomment>Where to save the export; replaced in tests.</extracomment>
        <translation>Per &amp;leerling</translation>
    </message>
    <message>
        <source>Per &amp;gebruiker</source>
        <translation>Per &amp;gebruiker</translation>
    </message>
    <message>
        <source>Naam, geboortedatum of onderwijsnummer</source>
        <translation>Naam, geboortedatum of onderwijsnummer</translation>
    </message>
    <message>
        <source>Leerling zoeken</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <source>Gevonden leerlingen</source>
        <translation>Gevonden leerlingen</translation>
    </message>
    <message>
        <source>Nog geen leerling gekozen.</source>
        <translation>Nog geen leerling gekozen.</translation>
    </message>
    <message>
        <source>Gekozen leerling</source>
        <translation>Gekozen leerling</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Vanaf</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>&amp;Exporteren (CSV)</source>
        <translation>&amp;Exporteren (CSV)</translation>
    </message>
    <message>
        <source>Aantal regels</source>
        <translation>Aantal regels</translation>
    </message>
    <message>
        <source>Regels van het toegangslogboek</source>
        <translation>Regels van het toegangslogboek</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Records staan hier met hun interne nummer, nooit met het BSN. Zoeken en exporteren komen zelf ook in het toegangslogboek.</source>
        <translation>Records staan hier met hun interne nummer, nooit met het BSN. Zoeken en exporteren komen zelf ook in het toegangslogboek.</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>(kies een gebruiker)</source>
        <translation>(kies een gebruiker)</translation>
    </message>
    <message>
        <source>Gekozen: {name} (intern nummer {id})</source>
        <translation>Gekozen: {name} (intern nummer {id})</translation>
    </message>
    <message>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>De einddatum ligt vóór de begindatum.</translation>
    </message>
    <message>
        <source>Kies eerst een leerling: zoek op naam en klik op de leerling.</source>
        <translation>Kies eerst een leerling: zoek op naam en klik op de leerling.</translation>
    </message>
    <message>
        <source>Kies een gebruiker.</source>
        <translation>Kies een gebruiker.</translation>
    </message>
    <message>
        <source>De nieuwste {n} regels; kort de periode in voor de rest.</source>
        <translation>De nieuwste {n} regels; kort de periode in voor de rest.</translation>
    </message>
    <message>
        <source>{n} regel(s) gevonden.</source>
        <translation>{n} regel(s) gevonden.</translation>
    </message>
    <message>
        <source>Geen regels in deze periode.</source>
        <translation>Geen regels in deze periode.</translation>
    </message>
    <message>
        <source>Toegangslogboek exporteren</source>
        <translation>Toegangslogboek exporteren</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden opgeslagen. Kies een andere map.</source>
        <translation>Het bestand kon niet worden opgeslagen. Kies een andere map.</translation>
    </message>
    <message>
        <source>{n} regel(s) geëxporteerd naar {name}.</source>
        <translation>{n} regel(s) geëxporteerd naar {name}.</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Brieven in serie afdrukken</source>
        <translation>Brieven in serie afdrukken</translation>
    </message>
    <message>
        <source>Soort brief</source>
        <translation>Soort brief</translation>
    </message>
    <message>
        <source>Welke zaken</source>
        <translation>Welke zaken</translation>
    </message>
    <message>
        <source>Zaken uit de lijst Zaken (met het filter van die lijst)</source>
        <translation>Zaken uit de lijst Zaken (met het filter van die lijst)</translation>
    </message>
    <message>
        <source>Zaaknummers…</source>
        <translation>Zaaknummers…</translation>
    </message>
    <message>
        <source>Werkvoorraad: {label}</source>
        <translation>Werkvoorraad: {label}</translation>
    </message>
    <message>
        <source>Zaaknummers</source>
        <translation>Zaaknummers</translation>
    </message>
    <message>
        <source>bijvoorbeeld 2025-000123, 2025-000124</source>
        <translation>bijvoorbeeld 2025-000123, 2025-000124</translation>
    </message>
    <message>
        <source>Datum van de brieven</source>
        <translation>Datum van de brieven</translation>
    </message>
    <message>
        <source>Eén PDF met alle brieven</source>
        <translation>Eén PDF met alle brieven</translation>
    </message>
    <message>
        <source>Eén PDF per brief (in een map)</source>
        <translation>Eén PDF per brief (in een map)</translation>
    </message>
    <message>
        <source>Selectie &amp;laden</source>
        <translation>Selectie &amp;laden</translation>
    </message>
    <message>
        <source>Kies de brief en de zaken, en laad de selectie.</source>
        <translation>Kies de brief en de zaken, en laad de selectie.</translation>
    </message>
    <message>
        <source>Samenvatting selectie</source>
        <translation>Samenvatting selectie</translation>
    </message>
    <message>
        <source>Overgeslagen zaken</source>
        <translation>Overgeslagen zaken</translation>
    </message>
    <message>
        <source>&amp;Brief:</source>
        <translation>&amp;Brief:</translation>
    </message>
    <message>
        <source>&amp;Zaken:</source>
        <translation>&amp;Zaken:</translation>
    </message>
    <message>
        <source>Zaak&amp;nummers:</source>
        <translation>Zaak&amp;nummers:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Uitvoer:</source>
        <translation>Uitvoer:</translation>
    </message>
    <message>
        <source>Het voorbeeld toont de eerste brief van de selectie.</source>
        <translation>Het voorbeeld toont de eerste brief van de selectie.</translation>
    </message>
    <message>
        <source>Brieven &amp;maken…</source>
        <translation>Brieven &amp;maken…</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Selectie laden…</source>
        <translation>Selectie laden…</translation>
    </message>
    <message>
        <source>{letters} {word} voor {cases} {cases_word}.</source>
        <translation>{letters} {word} voor {cases} {cases_word}.</translation>
    </message>
    <message>
        <source>brief</source>
        <translation>brief</translation>
    </message>
    <message>
        <source>brieven</source>
        <translation>brieven</translation>
    </message>
    <message>
        <source>zaak</source>
        <translation>zaak</translation>
    </message>
    <message>
        <source>zaken</source>
        <translation>zaken</translation>
    </message>
    <message>
        <source>{n} overgeslagen (zie de lijst).</source>
        <translation>{n} overgeslagen (zie de lijst).</translation>
    </message>
    <message>
        <source>Voorbeeld maken…</source>
        <translation>Voorbeeld maken…</translation>
    </message>
    <message>
        <source>Geen brieven in deze selectie.</source>
        <translation>Geen brieven in deze selectie.</translation>
    </message>
    <message>
        <source>Brieven opslaan</source>
        <translation>Brieven opslaan</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Map voor de brieven</source>
        <translation>Map voor de brieven</translation>
    </message>
    <message>
        <source>Brieven maken…</source>
        <translation>Brieven maken…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Brief {done} van {total} gemaakt…</source>
        <translation>Brief {done} van {total} gemaakt…</translation>
    </message>
    <message>
        <source>{n} brieven gemaakt in {path} en vastgelegd in het documentenregister.</source>
        <translation>{n} brieven gemaakt in {path} en vastgelegd in het documentenregister.</translation>
    </message>
    <message>
        <source>Geannuleerd: er is niets gemaakt of vastgelegd.</source>
        <translation>Geannuleerd: er is niets gemaakt of vastgelegd.</translation>
    </message>
    <message>
        <source>Niet gemaakt: {reason}</source>
        <translation>Niet gemaakt: {reason}</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Dossier van de leerling openen</source>
        <translation>Dossier van de leerling openen</translation>
    </message>
    <message>
        <source>Brief &amp;maken…</source>
        <translation>Brief &amp;maken…</translation>
    </message>
    <message>
        <source>Een brief of rapport over deze zaak maken, bekijken en opslaan</source>
        <translation>Een brief of rapport over deze zaak maken, bekijken en opslaan</translation>
    </message>
    <message>
        <source>← Vorige fase</source>
        <translation>← Vorige fase</translation>
    </message>
    <message>
        <source>Volgende fase →</source>
        <translation>Volgende fase →</translation>
    </message>
    <message>
        <source>Naar de volgende MAS-fase (Ctrl+Shift+N)</source>
        <translation>Naar de volgende MAS-fase (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Wat hoort bij deze fase</source>
        <translation>Wat hoort bij deze fase</translation>
    </message>
    <message>
        <source>Methodische Aanpak Schoolverzuim</source>
        <translation>Methodische Aanpak Schoolverzuim</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>(nog geen route)</source>
        <translation>(nog geen route)</translation>
    </message>
    <message>
        <source>Motivering route</source>
        <translation>Motivering route</translation>
    </message>
    <message>
        <source>Waarom wijkt deze zaak af van de gebruikelijke route?</source>
        <translation>Waarom wijkt deze zaak af van de gebruikelijke route?</translation>
    </message>
    <message>
        <source>Route &amp;opslaan</source>
        <translation>Route &amp;opslaan</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <source>Moti&amp;vering:</source>
        <translation>Moti&amp;vering:</translation>
    </message>
    <message>
        <source>Route (pas toe of leg uit)</source>
        <translation>Route (pas toe of leg uit)</translation>
    </message>
    <message>
        <source>&amp;Journaal</source>
        <translation>&amp;Journaal</translation>
    </message>
    <message>
        <source>&amp;Afspraken</source>
        <translation>&amp;Afspraken</translation>
    </message>
    <message>
        <source>&amp;Interventies</source>
        <translation>&amp;Interventies</translation>
    </message>
    <message>
        <source>Af&amp;sluiten</source>
        <translation>Af&amp;sluiten</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Journaal</source>
        <translation>Journaal</translation>
    </message>
    <message>
        <source>Soort journaalregel</source>
        <translation>Soort journaalregel</translation>
    </message>
    <message>
        <source>Contact met</source>
        <translation>Contact met</translation>
    </message>
    <message>
        <source>bijv. moeder, mentor</source>
        <translation>bijv. moeder, mentor</translation>
    </message>
    <message>
        <source>Tekst journaalregel</source>
        <translation>Tekst journaalregel</translation>
    </message>
    <message>
        <source>Wat is er gebeurd of afgesproken?</source>
        <translation>Wat is er gebeurd of afgesproken?</translation>
    </message>
    <message>
        <source>&amp;Toevoegen (Ctrl+Enter)</source>
        <translation>&amp;Toevoegen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>Met:</source>
        <translation>Met:</translation>
    </message>
    <message>
        <source>Journaalregels kunnen niet worden gewijzigd of verwijderd.</source>
        <translation>Journaalregels kunnen niet worden gewijzigd of verwijderd.</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Gedaan</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Afspraken</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>Datum en tijd afspraak</source>
        <translation>Datum en tijd afspraak</translation>
    </message>
    <message>
        <source>Soort afspraak</source>
        <translation>Soort afspraak</translation>
    </message>
    <message>
        <source>Termijn (geen gesprek)</source>
        <translation>Termijn (geen gesprek)</translation>
    </message>
    <message>
        <source>Afspraak &amp;toevoegen</source>
        <translation>Afspraak &amp;toevoegen</translation>
    </message>
    <message>
        <source>Wanneer:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <source>Plaats:</source>
        <translation>Plaats:</translation>
    </message>
    <message>
        <source>Doel:</source>
        <translation>Doel:</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Interventies</source>
        <translation>Interventies</translation>
    </message>
    <message>
        <source>Soort interventie</source>
        <translation>Soort interventie</translation>
    </message>
    <message>
        <source>Datum interventie</source>
        <translation>Datum interventie</translation>
    </message>
    <message>
        <source>Uren verzuim</source>
        <translation>Uren verzuim</translation>
    </message>
    <message>
        <source>Keren te laat</source>
        <translation>Keren te laat</translation>
    </message>
    <message>
        <source>Jongere stemt in</source>
        <translation>Jongere stemt in</translation>
    </message>
    <message>
        <source>Ouders stemmen in (onder 16 jaar)</source>
        <translation>Ouders stemmen in (onder 16 jaar)</translation>
    </message>
    <message>
        <source>Proces-verbaal tegen</source>
        <translation>Proces-verbaal tegen</translation>
    </message>
    <message>
        <source>Afschrift aan de Raad voor de Kinderbescherming</source>
        <translation>Afschrift aan de Raad voor de Kinderbescherming</translation>
    </message>
    <message>
        <source>Verwezen naar</source>
        <translation>Verwezen naar</translation>
    </message>
    <message>
        <source>Toelichting interventie</source>
        <translation>Toelichting interventie</translation>
    </message>
    <message>
        <source>Interventie &amp;vastleggen</source>
        <translation>Interventie &amp;vastleggen</translation>
    </message>
    <message>
        <source>Datum:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Uren verzuim:</source>
        <translation>Uren verzuim:</translation>
    </message>
    <message>
        <source>Keren te laat:</source>
        <translation>Keren te laat:</translation>
    </message>
    <message>
        <source>PV tegen:</source>
        <translation>PV tegen:</translation>
    </message>
    <message>
        <source>Verwezen naar:</source>
        <translation>Verwezen naar:</translation>
    </message>
    <message>
        <source>Toelichting:</source>
        <translation>Toelichting:</translation>
    </message>
    <message>
        <source>Reden van sluiten</source>
        <translation>Reden van sluiten</translation>
    </message>
    <message>
        <source>(kies)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <source>Reden voor DUO</source>
        <translation>Reden voor DUO</translation>
    </message>
    <message>
        <source>Sluitdatum</source>
        <translation>Sluitdatum</translation>
    </message>
    <message>
        <source>Toelichting bij sluiten</source>
        <translation>Toelichting bij sluiten</translation>
    </message>
    <message>
        <source>Zaak &amp;sluiten</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <source>Reden:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <source>DUO-status:</source>
        <translation>DUO-status:</translation>
    </message>
    <message>
        <source>Afgesloten (wordt teruggemeld aan DUO)</source>
        <translation>Afgesloten (wordt teruggemeld aan DUO)</translation>
    </message>
    <message>
        <source>Reden voor DUO:</source>
        <translation>Reden voor DUO:</translation>
    </message>
    <message>
        <source>Sluitdatum:</source>
        <translation>Sluitdatum:</translation>
    </message>
    <message>
        <source>Zaak sluiten</source>
        <translation>Zaak sluiten</translation>
    </message>
    <message>
        <source>Zaak {number}</source>
        <translation>Zaak {number}</translation>
    </message>
    <message>
        <source>Zaak</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Zaak {number} · {kind}</source>
        <translation>Zaak {number} · {kind}</translation>
    </message>
    <message>
        <source>geopend {date}</source>
        <translation>geopend {date}</translation>
    </message>
    <message>
        <source>gesloten {date}</source>
        <translation>gesloten {date}</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>&amp;Journaal ({n})</source>
        <translation>&amp;Journaal ({n})</translation>
    </message>
    <message>
        <source>Vangnet</source>
        <translation>Vangnet</translation>
    </message>
    <message>
        <source>Kies een route.</source>
        <translation>Kies een route.</translation>
    </message>
    <message>
        <source>Deze route wijkt af van de gebruikelijke route ({usual}): geef een motivering.</source>
        <translation>Deze route wijkt af van de gebruikelijke route ({usual}): geef een motivering.</translation>
    </message>
    <message>
        <source>Kies tegen wie het proces-verbaal is.</source>
        <translation>Kies tegen wie het proces-verbaal is.</translation>
    </message>
    <message>
        <source>Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.</source>
        <translation>Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.</translation>
    </message>
    <message>
        <source>Voldoet aan de criteria van Halt ({age} jaar).</source>
        <translation>Voldoet aan de criteria van Halt ({age} jaar).</translation>
    </message>
    <message>
        <source>al eerder naar Halt verwezen voor verzuim</source>
        <translation>al eerder naar Halt verwezen voor verzuim</translation>
    </message>
    <message>
        <source>leeftijd {age} jaar (12 tot 18)</source>
        <translation>leeftijd {age} jaar (12 tot 18)</translation>
    </message>
    <message>
        <source>minder dan 9 uur verzuim en minder dan 12 keer te laat</source>
        <translation>minder dan 9 uur verzuim en minder dan 12 keer te laat</translation>
    </message>
    <message>
        <source>meer dan 60 uur of 60 keer te laat</source>
        <translation>meer dan 60 uur of 60 keer te laat</translation>
    </message>
    <message>
        <source>Halt is niet mogelijk: {reasons}.</source>
        <translation>Halt is niet mogelijk: {reasons}.</translation>
    </message>
    <message>
        <source>Vraag de toestemming van de jongere.</source>
        <translation>Vraag de toestemming van de jongere.</translation>
    </message>
    <message>
        <source>Onder de 16 jaar is ook de toestemming van de ouders nodig.</source>
        <translation>Onder de 16 jaar is ook de toestemming van de ouders nodig.</translation>
    </message>
    <message>
        <source>Deze zaak is gesloten.</source>
        <translation>Deze zaak is gesloten.</translation>
    </message>
    <message>
        <source>Kies de reden van sluiten.</source>
        <translation>Kies de reden van sluiten.</translation>
    </message>
    <message>
        <source>Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.</source>
        <translation>Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.</translation>
    </message>
    <message>
        <source>De sluitdatum ligt vóór de openingsdatum.</source>
        <translation>De sluitdatum ligt vóór de openingsdatum.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Huidig wachtwoord</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord herhalen</source>
        <translation>Nieuw wachtwoord herhalen</translation>
    </message>
    <message>
        <source>&amp;Huidig wachtwoord:</source>
        <translation>&amp;Huidig wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;Nieuw wachtwoord:</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord &amp;herhalen:</source>
        <translation>Nieuw wachtwoord &amp;herhalen:</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Vul het huidige wachtwoord in.</source>
        <translation>Vul het huidige wachtwoord in.</translation>
    </message>
    <message>
        <source>Vul een nieuw wachtwoord in.</source>
        <translation>Vul een nieuw wachtwoord in.</translation>
    </message>
    <message>
        <source>Het nieuwe wachtwoord is hetzelfde als het huidige.</source>
        <translation>Het nieuwe wachtwoord is hetzelfde als het huidige.</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>De twee nieuwe wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Conflicten bekijken</source>
        <translation>Conflicten bekijken</translation>
    </message>
    <message>
        <source>een conflict met de server</source>
        <translation>een conflict met de server</translation>
    </message>
    <message>
        <source>{n} conflicten met de server</source>
        <translation>{n} conflicten met de server</translation>
    </message>
    <message>
        <source>een wijziging die de server weigerde</source>
        <translation>een wijziging die de server weigerde</translation>
    </message>
    <message>
        <source>{n} wijzigingen die de server weigerde</source>
        <translation>{n} wijzigingen die de server weigerde</translation>
    </message>
    <message>
        <source>Tot u kiest, geldt de waarde van de server.</source>
        <translation>Tot u kiest, geldt de waarde van de server.</translation>
    </message>
    <message>
        <source>Uw wijziging staat nog niet op de server.</source>
        <translation>Uw wijziging staat nog niet op de server.</translation>
    </message>
    <message>
        <source> en </source>
        <translation> en </translation>
    </message>
    <message>
        <source>{noun} heeft {what}. {after}</source>
        <translation>{noun} heeft {what}. {after}</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Conflicten</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Conflicten en geweigerde wijzigingen</source>
        <translation>Conflicten en geweigerde wijzigingen</translation>
    </message>
    <message>
        <source>Bezig met lezen…</source>
        <translation>Bezig met lezen…</translation>
    </message>
    <message>
        <source>Aantallen</source>
        <translation>Aantallen</translation>
    </message>
    <message>
        <source>Vangnet voegt wijzigingen van verschillende apparaten per veld samen. Waar dat niet kan, blijft de waarde van de server staan tot u kiest. Uw keuze gaat bij de volgende synchronisatie naar de server.</source>
        <translation>Vangnet voegt wijzigingen van verschillende apparaten per veld samen. Waar dat niet kan, blijft de waarde van de server staan tot u kiest. Uw keuze gaat bij de volgende synchronisatie naar de server.</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Gegeven</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>S&amp;oort:</source>
        <translation>S&amp;oort:</translation>
    </message>
    <message>
        <source>&amp;Gegeven:</source>
        <translation>&amp;Gegeven:</translation>
    </message>
    <message>
        <source>Er zijn geen conflicten en geen geweigerde wijzigingen. Alles wat u hier wijzigde, is bij de server bekend.</source>
        <translation>Er zijn geen conflicten en geen geweigerde wijzigingen. Alles wat u hier wijzigde, is bij de server bekend.</translation>
    </message>
    <message>
        <source>Mijn waarden houden</source>
        <translation>Mijn waarden houden</translation>
    </message>
    <message>
        <source>Waarden van de server houden</source>
        <translation>Waarden van de server houden</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Verwerpen</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <source>Geweigerd door de server ({n})</source>
        <translation>Geweigerd door de server ({n})</translation>
    </message>
    <message>
        <source>Kon niet worden verwerkt ({n})</source>
        <translation>Kon niet worden verwerkt ({n})</translation>
    </message>
    <message>
        <source>Alle gegevens ({n})</source>
        <translation>Alle gegevens ({n})</translation>
    </message>
    <message>
        <source>Voor de {n} geselecteerde regels:</source>
        <translation>Voor de {n} geselecteerde regels:</translation>
    </message>
    <message>
        <source>Voor alle {n} getoonde regels bij {table}:</source>
        <translation>Voor alle {n} getoonde regels bij {table}:</translation>
    </message>
    <message>
        <source>Voor alle {n} getoonde regels:</source>
        <translation>Voor alle {n} getoonde regels:</translation>
    </message>
    <message>
        <source>Bij {n} conflicten gaat uw waarde naar de server.</source>
        <translation>Bij {n} conflicten gaat uw waarde naar de server.</translation>
    </message>
    <message>
        <source>Bij {n} conflicten blijft de waarde van de server.</source>
        <translation>Bij {n} conflicten blijft de waarde van de server.</translation>
    </message>
    <message>
        <source>{refused} geweigerde wijzigingen opnieuw versturen, {failed} gegevens opnieuw ophalen.</source>
        <translation>{refused} geweigerde wijzigingen opnieuw versturen, {failed} gegevens opnieuw ophalen.</translation>
    </message>
    <message>
        <source>{n} geweigerde wijzigingen verwerpen.</source>
        <translation>{n} geweigerde wijzigingen verwerpen.</translation>
    </message>
    <message>
        <source>Bij {n} conflicten wordt uw eigen waarde gehouden. Die gaat bij de volgende synchronisatie naar de server en vervangt daar de andere waarde. Doorgaan?</source>
        <translation>Bij {n} conflicten wordt uw eigen waarde gehouden. Die gaat bij de volgende synchronisatie naar de server en vervangt daar de andere waarde. Doorgaan?</translation>
    </message>
    <message>
        <source>Bij {n} conflicten blijft de waarde van de server; uw eigen wijzigingen daarvan vervallen. Doorgaan?</source>
        <translation>Bij {n} conflicten blijft de waarde van de server; uw eigen wijzigingen daarvan vervallen. Doorgaan?</translation>
    </message>
    <message>
        <source>{n} geweigerde wijzigingen vervallen; de gegevens krijgen weer de stand van de server. Doorgaan?</source>
        <translation>{n} geweigerde wijzigingen vervallen; de gegevens krijgen weer de stand van de server. Doorgaan?</translation>
    </message>
    <message>
        <source>{refused} geweigerde wijzigingen worden opnieuw verstuurd en {failed} gegevens worden bij de volgende synchronisatie opnieuw opgehaald. Doorgaan?</source>
        <translation>{refused} geweigerde wijzigingen worden opnieuw verstuurd en {failed} gegevens worden bij de volgende synchronisatie opnieuw opgehaald. Doorgaan?</translation>
    </message>
    <message>
        <source>Uw waarden worden gehouden; u kunt intussen verder werken…</source>
        <translation>Uw waarden worden gehouden; u kunt intussen verder werken…</translation>
    </message>
    <message>
        <source>De waarden van de server worden gehouden; u kunt intussen verder werken…</source>
        <translation>De waarden van de server worden gehouden; u kunt intussen verder werken…</translation>
    </message>
    <message>
        <source>De geweigerde wijzigingen worden verworpen; u kunt intussen verder werken…</source>
        <translation>De geweigerde wijzigingen worden verworpen; u kunt intussen verder werken…</translation>
    </message>
    <message>
        <source>Wordt opnieuw geprobeerd; u kunt intussen verder werken…</source>
        <translation>Wordt opnieuw geprobeerd; u kunt intussen verder werken…</translation>
    </message>
    <message>
        <source>{done} van {total}</source>
        <translation>{done} van {total}</translation>
    </message>
    <message>
        <source>1 conflict opgelost: uw waarde gaat bij de volgende synchronisatie naar de server.</source>
        <translation>1 conflict opgelost: uw waarde gaat bij de volgende synchronisatie naar de server.</translation>
    </message>
    <message>
        <source>{n} conflicten opgelost: uw waarden gaan bij de volgende synchronisatie naar de server.</source>
        <translation>{n} conflicten opgelost: uw waarden gaan bij de volgende synchronisatie naar de server.</translation>
    </message>
    <message>
        <source>1 conflict opgelost: de waarde van de server blijft.</source>
        <translation>1 conflict opgelost: de waarde van de server blijft.</translation>
    </message>
    <message>
        <source>{n} conflicten opgelost: de waarden van de server blijven.</source>
        <translation>{n} conflicten opgelost: de waarden van de server blijven.</translation>
    </message>
    <message>
        <source>1 geweigerde wijziging verworpen.</source>
        <translation>1 geweigerde wijziging verworpen.</translation>
    </message>
    <message>
        <source>{n} geweigerde wijzigingen verworpen.</source>
        <translation>{n} geweigerde wijzigingen verworpen.</translation>
    </message>
    <message>
        <source>1 geweigerde wijziging wordt opnieuw verstuurd</source>
        <translation>1 geweigerde wijziging wordt opnieuw verstuurd</translation>
    </message>
    <message>
        <source>{n} geweigerde wijzigingen worden opnieuw verstuurd</source>
        <translation>{n} geweigerde wijzigingen worden opnieuw verstuurd</translation>
    </message>
    <message>
        <source>1 gegeven wordt bij de volgende synchronisatie opnieuw opgehaald</source>
        <translation>1 gegeven wordt bij de volgende synchronisatie opnieuw opgehaald</translation>
    </message>
    <message>
        <source>{n} gegevens worden bij de volgende synchronisatie opnieuw opgehaald</source>
        <translation>{n} gegevens worden bij de volgende synchronisatie opnieuw opgehaald</translation>
    </message>
    <message>
        <source>1 wijziging kan niet opnieuw: het gegeven staat niet meer op dit apparaat (verwerp haar)</source>
        <translation>1 wijziging kan niet opnieuw: het gegeven staat niet meer op dit apparaat (verwerp haar)</translation>
    </message>
    <message>
        <source>{n} wijzigingen kunnen niet opnieuw: de gegevens staan niet meer op dit apparaat (verwerp ze)</source>
        <translation>{n} wijzigingen kunnen niet opnieuw: de gegevens staan niet meer op dit apparaat (verwerp ze)</translation>
    </message>
    <message>
        <source> en </source>
        <translation> en </translation>
    </message>
    <message>
        <source>Er was niets meer te doen</source>
        <translation>Er was niets meer te doen</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Nu &amp;synchroniseren</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>De conflicten konden niet worden gelezen. Probeer het opnieuw.</source>
        <translation>De conflicten konden niet worden gelezen. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{n} getoond</source>
        <translation>{n} getoond</translation>
    </message>
    <message>
        <source>Conflicten: {n}</source>
        <translation>Conflicten: {n}</translation>
    </message>
    <message>
        <source> (waarvan {n} niet verwerkt)</source>
        <translation> (waarvan {n} niet verwerkt)</translation>
    </message>
    <message>
        <source> · geweigerd: {n}</source>
        <translation> · geweigerd: {n}</translation>
    </message>
    <message>
        <source>Alle soorten ({n})</source>
        <translation>Alle soorten ({n})</translation>
    </message>
    <message>
        <source>Conflicten ({n})</source>
        <translation>Conflicten ({n})</translation>
    </message>
    <message>
        <source>De geweigerde wijziging van {record} vervalt. Wilt u dat?</source>
        <translation>De geweigerde wijziging van {record} vervalt. Wilt u dat?</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Vangnet – onverwachte fout</source>
        <translation>Vangnet – onverwachte fout</translation>
    </message>
    <message>
        <source>Er ging iets mis dat Vangnet niet verwachtte. Wat u al had opgeslagen is bewaard.
Wilt u dit melden bij de functioneel beheerder? Kopieer dan de details hieronder; er staan geen persoonsgegevens in.</source>
        <translation>Er ging iets mis dat Vangnet niet verwachtte. Wat u al had opgeslagen is bewaard.
Wilt u dit melden bij de functioneel beheerder? Kopieer dan de details hieronder; er staan geen persoonsgegevens in.</translation>
    </message>
    <message>
        <source>Details van de fout</source>
        <translation>Details van de fout</translation>
    </message>
    <message>
        <source>Details &amp;kopiëren</source>
        <translation>Details &amp;kopiëren</translation>
    </message>
    <message>
        <source>Gekopieerd</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>&amp;Opnieuw maken…</source>
        <translation>&amp;Opnieuw maken…</translation>
    </message>
    <message>
        <source>Maak het gekozen document opnieuw, precies zoals het toen is gemaakt</source>
        <translation>Maak het gekozen document opnieuw, precies zoals het toen is gemaakt</translation>
    </message>
    <message>
        <source>Document opnieuw maken</source>
        <translation>Document opnieuw maken</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Opnieuw maken</source>
        <translation>Opnieuw maken</translation>
    </message>
    <message>
        <source>Kies eerst een document in de lijst.</source>
        <translation>Kies eerst een document in de lijst.</translation>
    </message>
    <message>
        <source>Opnieuw gemaakt: {path}</source>
        <translation>Opnieuw gemaakt: {path}</translation>
    </message>
</context>
<context>
    <name>DropoutTrajectoryDialog</name>
    <message>
        <source>Soort vsv'er</source>
        <translation>Soort vsv'er</translation>
    </message>
    <message>
        <source>Begindatum</source>
        <translation>Begindatum</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>(nog niet toegewezen)</source>
        <translation>(nog niet toegewezen)</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>&amp;Begindatum:</source>
        <translation>&amp;Begindatum:</translation>
    </message>
    <message>
        <source>&amp;Coach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <source>De begindatum ligt in de toekomst.</source>
        <translation>De begindatum ligt in de toekomst.</translation>
    </message>
    <message>
        <source>Leeftijd bij de start: {age} jaar.</source>
        <translation>Leeftijd bij de start: {age} jaar.</translation>
    </message>
    <message>
        <source>De jongere is {limit} jaar of ouder: buiten de doelgroep.</source>
        <translation>De jongere is {limit} jaar of ouder: buiten de doelgroep.</translation>
    </message>
    <message>
        <source>De jongere heeft al een startkwalificatie.</source>
        <translation>De jongere heeft al een startkwalificatie.</translation>
    </message>
</context>
<context>
    <name>ExemptionDecisionDialog</name>
    <message>
        <source>Besluit op vrijstelling</source>
        <translation>Besluit op vrijstelling</translation>
    </message>
    <message>
        <source>Gegevens worden gelezen…</source>
        <translation>Gegevens worden gelezen…</translation>
    </message>
    <message>
        <source>Wat de wet vraagt en ontbreekt</source>
        <translation>Wat de wet vraagt en ontbreekt</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>(kies)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <source>Datum besluit</source>
        <translation>Datum besluit</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>De motivering komt in de brief.</source>
        <translation>De motivering komt in de brief.</translation>
    </message>
    <message>
        <source>&amp;Uitkomst:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Kennisgeving</source>
        <translation>Kennisgeving</translation>
    </message>
    <message>
        <source>Aanvraag</source>
        <translation>Aanvraag</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{kind}: {article}&lt;br&gt;Ontvangen op {date}, voor het schooljaar {year}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{kind}: {article}&lt;br&gt;Ontvangen op {date}, voor het schooljaar {year}</translation>
    </message>
    <message>
        <source>bevestigen</source>
        <translation>bevestigen</translation>
    </message>
    <message>
        <source>toekennen</source>
        <translation>toekennen</translation>
    </message>
    <message>
        <source>Niet te {verb} zolang dit ontbreekt:</source>
        <translation>Niet te {verb} zolang dit ontbreekt:</translation>
    </message>
    <message>
        <source>Kies de uitkomst.</source>
        <translation>Kies de uitkomst.</translation>
    </message>
    <message>
        <source>Geen besluit met bezwaar: de vrijstelling volgt uit de wet zelf; de brief bevestigt of zegt wat ontbreekt.</source>
        <translation>Geen besluit met bezwaar: de vrijstelling volgt uit de wet zelf; de brief bevestigt of zegt wat ontbreekt.</translation>
    </message>
    <message>
        <source>&amp;Motivering:</source>
        <translation>&amp;Motivering:</translation>
    </message>
    <message>
        <source>De beslisdatum ligt vóór de ontvangstdatum.</source>
        <translation>De beslisdatum ligt vóór de ontvangstdatum.</translation>
    </message>
    <message>
        <source>De beslisdatum ligt in de toekomst.</source>
        <translation>De beslisdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <source>Een besluit heeft een motivering nodig.</source>
        <translation>Een besluit heeft een motivering nodig.</translation>
    </message>
    <message>
        <source>Vrijgesteld van {start} tot en met {end}.</source>
        <translation>Vrijgesteld van {start} tot en met {end}.</translation>
    </message>
    <message>
        <source>Vrijgesteld zonder einddatum: de verklaring zegt dat de leerling nooit geschikt zal worden, dus geen jaarlijkse kennisgeving.</source>
        <translation>Vrijgesteld zonder einddatum: de verklaring zegt dat de leerling nooit geschikt zal worden, dus geen jaarlijkse kennisgeving.</translation>
    </message>
    <message>
        <source>Bezwaar mogelijk tot en met {date}.</source>
        <translation>Bezwaar mogelijk tot en met {date}.</translation>
    </message>
    <message>
        <source>De geldigheid volgt uit de verklaring; die is voor u afgeschermd.</source>
        <translation>De geldigheid volgt uit de verklaring; die is voor u afgeschermd.</translation>
    </message>
</context>
<context>
    <name>ExemptionRequestDialog</name>
    <message>
        <source>Artikel</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <source>Voor schooljaar</source>
        <translation>Voor schooljaar</translation>
    </message>
    <message>
        <source>Datum verklaring</source>
        <translation>Datum verklaring</translation>
    </message>
    <message>
        <source>Verklaring door</source>
        <translation>Verklaring door</translation>
    </message>
    <message>
        <source>Verklaring dat de leerling nooit geschikt zal worden</source>
        <translation>Verklaring dat de leerling nooit geschikt zal worden</translation>
    </message>
    <message>
        <source>Richting waartegen bedenkingen bestaan</source>
        <translation>Richting waartegen bedenkingen bestaan</translation>
    </message>
    <message>
        <source>School in het buitenland</source>
        <translation>School in het buitenland</translation>
    </message>
    <message>
        <source>De deskundige is door burgemeester en wethouders aangewezen en behandelt het kind niet</source>
        <translation>De deskundige is door burgemeester en wethouders aangewezen en behandelt het kind niet</translation>
    </message>
    <message>
        <source>Vorig jaar een school van die richting bezocht</source>
        <translation>Vorig jaar een school van die richting bezocht</translation>
    </message>
    <message>
        <source>Verklaring van het hoofd van die school: ingeschreven en geregeld aanwezig</source>
        <translation>Verklaring van het hoofd van die school: ingeschreven en geregeld aanwezig</translation>
    </message>
    <message>
        <source>Trekkende bestaanswijze</source>
        <translation>Trekkende bestaanswijze</translation>
    </message>
    <message>
        <source>(kies)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <source>Het kind reist met de ouders mee (maart tot en met oktober)</source>
        <translation>Het kind reist met de ouders mee (maart tot en met oktober)</translation>
    </message>
    <message>
        <source>Toegankelijke rijdende school binnen 5 km van de standplaats</source>
        <translation>Toegankelijke rijdende school binnen 5 km van de standplaats</translation>
    </message>
    <message>
        <source>Programma of ander onderwijs</source>
        <translation>Programma of ander onderwijs</translation>
    </message>
    <message>
        <source>Het programma bevat praktijktijd</source>
        <translation>Het programma bevat praktijktijd</translation>
    </message>
    <message>
        <source>Instelling</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <source>Eerste dag</source>
        <translation>Eerste dag</translation>
    </message>
    <message>
        <source>Laatste dag</source>
        <translation>Laatste dag</translation>
    </message>
    <message>
        <source>De directeur van de school is gehoord (art. 14 lid 3)</source>
        <translation>De directeur van de school is gehoord (art. 14 lid 3)</translation>
    </message>
    <message>
        <source>Wat de wet vraagt en ontbreekt</source>
        <translation>Wat de wet vraagt en ontbreekt</translation>
    </message>
    <message>
        <source>&amp;Artikel:</source>
        <translation>&amp;Artikel:</translation>
    </message>
    <message>
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <source>Voor &amp;schooljaar:</source>
        <translation>Voor &amp;schooljaar:</translation>
    </message>
    <message>
        <source>Datum &amp;verklaring:</source>
        <translation>Datum &amp;verklaring:</translation>
    </message>
    <message>
        <source>Verklaring door:</source>
        <translation>Verklaring door:</translation>
    </message>
    <message>
        <source>Bedenkingen tegen:</source>
        <translation>Bedenkingen tegen:</translation>
    </message>
    <message>
        <source>Vorig jaar zo'n school:</source>
        <translation>Vorig jaar zo'n school:</translation>
    </message>
    <message>
        <source>School in buitenland:</source>
        <translation>School in buitenland:</translation>
    </message>
    <message>
        <source>Beroep ouders:</source>
        <translation>Beroep ouders:</translation>
    </message>
    <message>
        <source>Rijdende school &lt; 5 km:</source>
        <translation>Rijdende school &lt; 5 km:</translation>
    </message>
    <message>
        <source>Programma:</source>
        <translation>Programma:</translation>
    </message>
    <message>
        <source>Instelling:</source>
        <translation>Instelling:</translation>
    </message>
    <message>
        <source>Van:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <source>Tot en met:</source>
        <translation>Tot en met:</translation>
    </message>
    <message>
        <source>Een kennisgeving van de ouders: de vrijstelling volgt uit de wet als de kennisgeving aan de eisen voldoet. U bevestigt haar, of laat weten dat zij onvolledig of ongeldig is.</source>
        <translation>Een kennisgeving van de ouders: de vrijstelling volgt uit de wet als de kennisgeving aan de eisen voldoet. U bevestigt haar, of laat weten dat zij onvolledig of ongeldig is.</translation>
    </message>
    <message>
        <source>Een aanvraag: het college kent toe of wijst af.</source>
        <translation>Een aanvraag: het college kent toe of wijst af.</translation>
    </message>
    <message>
        <source>De ontvangstdatum ligt in de toekomst.</source>
        <translation>De ontvangstdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <source>Een verklaring van deze datum is bruikbaar voor een kennisgeving tot en met {date} (art. 7).</source>
        <translation>Een verklaring van deze datum is bruikbaar voor een kennisgeving tot en met {date} (art. 7).</translation>
    </message>
    <message>
        <source>De laatste dag ligt vóór de eerste.</source>
        <translation>De laatste dag ligt vóór de eerste.</translation>
    </message>
    <message>
        <source>bevestigen</source>
        <translation>bevestigen</translation>
    </message>
    <message>
        <source>toekennen</source>
        <translation>toekennen</translation>
    </message>
    <message>
        <source>U kunt registreren, maar nog niet {verb}:</source>
        <translation>U kunt registreren, maar nog niet {verb}:</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <source>Cijfers</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Schooljaar</source>
        <translation>Schooljaar</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>&amp;Schooljaar:</source>
        <translation>&amp;Schooljaar:</translation>
    </message>
    <message>
        <source>&amp;Gemeente:</source>
        <translation>&amp;Gemeente:</translation>
    </message>
    <message>
        <source>Bezig met berekenen</source>
        <translation>Bezig met berekenen</translation>
    </message>
    <message>
        <source>Stand van de berekening</source>
        <translation>Stand van de berekening</translation>
    </message>
    <message>
        <source>&amp;Definities…</source>
        <translation>&amp;Definities…</translation>
    </message>
    <message>
        <source>Hoe elk cijfer wordt geteld</source>
        <translation>Hoe elk cijfer wordt geteld</translation>
    </message>
    <message>
        <source>Definities: {name}</source>
        <translation>Definities: {name}</translation>
    </message>
    <message>
        <source>Gebruikte definities</source>
        <translation>Gebruikte definities</translation>
    </message>
    <message>
        <source>Thuiszitters: van aanvang naar einde van het schooljaar</source>
        <translation>Thuiszitters: van aanvang naar einde van het schooljaar</translation>
    </message>
    <message>
        <source>Alle cijfers</source>
        <translation>Alle cijfers</translation>
    </message>
    <message>
        <source>Cijfer</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>Dit jaar</source>
        <translation>Dit jaar</translation>
    </message>
    <message>
        <source>Vorig jaar</source>
        <translation>Vorig jaar</translation>
    </message>
    <message>
        <source>Verandering</source>
        <translation>Verandering</translation>
    </message>
    <message>
        <source>Er zijn nog geen meldingen of zaken in deze administratie: er is niets te tellen.</source>
        <translation>Er zijn nog geen meldingen of zaken in deze administratie: er is niets te tellen.</translation>
    </message>
    <message>
        <source>Schooljaren ophalen…</source>
        <translation>Schooljaren ophalen…</translation>
    </message>
    <message>
        <source>Hele regio</source>
        <translation>Hele regio</translation>
    </message>
    <message>
        <source>de regio</source>
        <translation>de regio</translation>
    </message>
    <message>
        <source>Cijfers {year} voor {where} berekenen…</source>
        <translation>Cijfers {year} voor {where} berekenen…</translation>
    </message>
    <message>
        <source>De cijfers konden niet worden berekend.</source>
        <translation>De cijfers konden niet worden berekend.</translation>
    </message>
    <message>
        <source>Schooljaar {year}, {where}</source>
        <translation>Schooljaar {year}, {where}</translation>
    </message>
    <message>
        <source>Definities: {name} · vorig jaar is {previous}</source>
        <translation>Definities: {name} · vorig jaar is {previous}</translation>
    </message>
    <message>
        <source>Definities {name}</source>
        <translation>Definities {name}</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <source>Verhoor vastleggen</source>
        <translation>Verhoor vastleggen</translation>
    </message>
    <message>
        <source>Zaaknummer</source>
        <translation>Zaaknummer</translation>
    </message>
    <message>
        <source>bijvoorbeeld 2025-000123</source>
        <translation>bijvoorbeeld 2025-000123</translation>
    </message>
    <message>
        <source>Zaak &amp;zoeken</source>
        <translation>Zaak &amp;zoeken</translation>
    </message>
    <message>
        <source>Verdachte</source>
        <translation>Verdachte</translation>
    </message>
    <message>
        <source>Voornamen voluit</source>
        <translation>Voornamen voluit</translation>
    </message>
    <message>
        <source>Geboortedatum van de verdachte</source>
        <translation>Geboortedatum van de verdachte</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Geboorteplaats</source>
        <translation>Geboorteplaats</translation>
    </message>
    <message>
        <source>Datum en tijd van het verhoor</source>
        <translation>Datum en tijd van het verhoor</translation>
    </message>
    <message>
        <source>Plaats van het verhoor</source>
        <translation>Plaats van het verhoor</translation>
    </message>
    <message>
        <source>De verdachte is verschenen</source>
        <translation>De verdachte is verschenen</translation>
    </message>
    <message>
        <source>Cautie gegeven: niet verplicht tot antwoorden (Sv art. 29 lid 2)</source>
        <translation>Cautie gegeven: niet verplicht tot antwoorden (Sv art. 29 lid 2)</translation>
    </message>
    <message>
        <source>Gewezen op het recht op een advocaat (Sv art. 27c lid 2, art. 28)</source>
        <translation>Gewezen op het recht op een advocaat (Sv art. 27c lid 2, art. 28)</translation>
    </message>
    <message>
        <source>Gewezen op begeleiding door ouder of vertrouwenspersoon (Sv art. 488ab)</source>
        <translation>Gewezen op begeleiding door ouder of vertrouwenspersoon (Sv art. 488ab)</translation>
    </message>
    <message>
        <source>Voor wie bij het verhoor of ten tijde van het feit minderjarig was (Sv art. 488 en 488ab)</source>
        <translation>Voor wie bij het verhoor of ten tijde van het feit minderjarig was (Sv art. 488 en 488ab)</translation>
    </message>
    <message>
        <source>Begeleid door</source>
        <translation>Begeleid door</translation>
    </message>
    <message>
        <source>Advocaat aanwezig</source>
        <translation>Advocaat aanwezig</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>De verdachte beroept zich op het zwijgrecht</source>
        <translation>De verdachte beroept zich op het zwijgrecht</translation>
    </message>
    <message>
        <source>Verklaring van de verdachte</source>
        <translation>Verklaring van de verdachte</translation>
    </message>
    <message>
        <source>De verklaring in de woorden van de verdachte</source>
        <translation>De verklaring in de woorden van de verdachte</translation>
    </message>
    <message>
        <source>&amp;Zaak:</source>
        <translation>&amp;Zaak:</translation>
    </message>
    <message>
        <source>&amp;Verdachte:</source>
        <translation>&amp;Verdachte:</translation>
    </message>
    <message>
        <source>Voor&amp;namen (voluit):</source>
        <translation>Voor&amp;namen (voluit):</translation>
    </message>
    <message>
        <source>Geboorte&amp;datum:</source>
        <translation>Geboorte&amp;datum:</translation>
    </message>
    <message>
        <source>Geboorte&amp;plaats:</source>
        <translation>Geboorte&amp;plaats:</translation>
    </message>
    <message>
        <source>&amp;Wanneer:</source>
        <translation>&amp;Wanneer:</translation>
    </message>
    <message>
        <source>&amp;Waar:</source>
        <translation>&amp;Waar:</translation>
    </message>
    <message>
        <source>&amp;Begeleid door:</source>
        <translation>&amp;Begeleid door:</translation>
    </message>
    <message>
        <source>&amp;Advocaat:</source>
        <translation>&amp;Advocaat:</translation>
    </message>
    <message>
        <source>&amp;Tolk:</source>
        <translation>&amp;Tolk:</translation>
    </message>
    <message>
        <source>&amp;Verklaring:</source>
        <translation>&amp;Verklaring:</translation>
    </message>
    <message>
        <source>Leerling: {name}</source>
        <translation>Leerling: {name}</translation>
    </message>
    <message>
        <source>Zoek eerst de zaak op.</source>
        <translation>Zoek eerst de zaak op.</translation>
    </message>
    <message>
        <source>Schrijf de geboortedatum als dd-mm-jjjj.</source>
        <translation>Schrijf de geboortedatum als dd-mm-jjjj.</translation>
    </message>
    <message>
        <source>Vul de plaats van het verhoor in.</source>
        <translation>Vul de plaats van het verhoor in.</translation>
    </message>
    <message>
        <source>Een verhoor ligt niet in de toekomst.</source>
        <translation>Een verhoor ligt niet in de toekomst.</translation>
    </message>
    <message>
        <source>Vul de verklaring in, of kies dat de verdachte zich op het zwijgrecht beroept.</source>
        <translation>Vul de verklaring in, of kies dat de verdachte zich op het zwijgrecht beroept.</translation>
    </message>
</context>
<context>
    <name>HomeSitterDialog</name>
    <message>
        <source>Thuiszitter sinds</source>
        <translation>Thuiszitter sinds</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Thuiszitter &amp;sinds:</source>
        <translation>Thuiszitter &amp;sinds:</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>De begindatum ligt in de toekomst.</source>
        <translation>De begindatum ligt in de toekomst.</translation>
    </message>
</context>
<context>
    <name>LayoutDialog</name>
    <message>
        <source>Opmaak en adresvenster</source>
        <translation>Opmaak en adresvenster</translation>
    </message>
    <message>
        <source>Adresvenster van links</source>
        <translation>Adresvenster van links</translation>
    </message>
    <message>
        <source>Adresvenster van boven</source>
        <translation>Adresvenster van boven</translation>
    </message>
    <message>
        <source>Breedte adresvenster</source>
        <translation>Breedte adresvenster</translation>
    </message>
    <message>
        <source>Hoogte adresvenster</source>
        <translation>Hoogte adresvenster</translation>
    </message>
    <message>
        <source>Linkermarge</source>
        <translation>Linkermarge</translation>
    </message>
    <message>
        <source>Van &amp;links:</source>
        <translation>Van &amp;links:</translation>
    </message>
    <message>
        <source>Van &amp;boven:</source>
        <translation>Van &amp;boven:</translation>
    </message>
    <message>
        <source>&amp;Breedte:</source>
        <translation>&amp;Breedte:</translation>
    </message>
    <message>
        <source>&amp;Hoogte:</source>
        <translation>&amp;Hoogte:</translation>
    </message>
    <message>
        <source>Linker&amp;marge tekst:</source>
        <translation>Linker&amp;marge tekst:</translation>
    </message>
    <message>
        <source>Adresvenster (gemeten vanaf de linkerbovenhoek van het A4-vel)</source>
        <translation>Adresvenster (gemeten vanaf de linkerbovenhoek van het A4-vel)</translation>
    </message>
    <message>
        <source>Briefhoofd</source>
        <translation>Briefhoofd</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Adres afzender</source>
        <translation>Adres afzender</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Briefhoofd (2 regels):</source>
        <translation>Briefhoofd (2 regels):</translation>
    </message>
    <message>
        <source>Organisatie:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <source>Adres:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Telefoon:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>Afzender</source>
        <translation>Afzender</translation>
    </message>
    <message>
        <source>&amp;Testvel afdrukken…</source>
        <translation>&amp;Testvel afdrukken…</translation>
    </message>
    <message>
        <source>Een vel met het adreskader, om tegen een vensterenvelop te houden</source>
        <translation>Een vel met het adreskader, om tegen een vensterenvelop te houden</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Testvel opslaan</source>
        <translation>Testvel opslaan</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Testvel opgeslagen in {path}. Druk het af op ware grootte (100%).</source>
        <translation>Testvel opgeslagen in {path}. Druk het af op ware grootte (100%).</translation>
    </message>
    <message>
        <source>Opgeslagen. Nieuwe brieven gebruiken deze opmaak.</source>
        <translation>Opgeslagen. Nieuwe brieven gebruiken deze opmaak.</translation>
    </message>
</context>
<context>
    <name>LeaveRequestDialog</name>
    <message>
        <source>Soort verlof</source>
        <translation>Soort verlof</translation>
    </message>
    <message>
        <source>Datum ontvangen</source>
        <translation>Datum ontvangen</translation>
    </message>
    <message>
        <source>Eerste verlofdag</source>
        <translation>Eerste verlofdag</translation>
    </message>
    <message>
        <source>Laatste verlofdag</source>
        <translation>Laatste verlofdag</translation>
    </message>
    <message>
        <source>Aantal schooldagen</source>
        <translation>Aantal schooldagen</translation>
    </message>
    <message>
        <source>Hoe de schooldagen zijn geteld</source>
        <translation>Hoe de schooldagen zijn geteld</translation>
    </message>
    <message>
        <source>Werkgeversverklaring ontvangen: het beroep van een ouder laat geen vakantie in de schoolvakanties toe</source>
        <translation>Werkgeversverklaring ontvangen: het beroep van een ouder laat geen vakantie in de schoolvakanties toe</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Wie beslist</source>
        <translation>Wie beslist</translation>
    </message>
    <message>
        <source>Waarschuwing</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Directeur van de school is gehoord</source>
        <translation>Directeur van de school is gehoord</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>(nog niet beslist)</source>
        <translation>(nog niet beslist)</translation>
    </message>
    <message>
        <source>Wat dit formulier vastlegt</source>
        <translation>Wat dit formulier vastlegt</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>&amp;Soort verlof:</source>
        <translation>&amp;Soort verlof:</translation>
    </message>
    <message>
        <source>&amp;Ontvangen op:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <source>&amp;Van:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;Tot en met:</source>
        <translation>&amp;Tot en met:</translation>
    </message>
    <message>
        <source>Schoolda&amp;gen:</source>
        <translation>Schoolda&amp;gen:</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>Wie beslist:</source>
        <translation>Wie beslist:</translation>
    </message>
    <message>
        <source>&amp;Besluit:</source>
        <translation>&amp;Besluit:</translation>
    </message>
    <message>
        <source>&amp;Motivering:</source>
        <translation>&amp;Motivering:</translation>
    </message>
    <message>
        <source>De schoolkalender kent deze periode niet: vul het aantal schooldagen zelf in.</source>
        <translation>De schoolkalender kent deze periode niet: vul het aantal schooldagen zelf in.</translation>
    </message>
    <message>
        <source>Geteld met de schoolkalender: weekenden, feestdagen en schoolvakanties tellen niet mee.</source>
        <translation>Geteld met de schoolkalender: weekenden, feestdagen en schoolvakanties tellen niet mee.</translation>
    </message>
    <message>
        <source>{name} ({first} t/m {last})</source>
        <translation>{name} ({first} t/m {last})</translation>
    </message>
    <message>
        <source>schoolvakantie</source>
        <translation>schoolvakantie</translation>
    </message>
    <message>
        <source>Niet meegeteld: {names}.</source>
        <translation>Niet meegeteld: {names}.</translation>
    </message>
    <message>
        <source>De laatste verlofdag ligt vóór de eerste.</source>
        <translation>De laatste verlofdag ligt vóór de eerste.</translation>
    </message>
    <message>
        <source>Vul de reden van de aanvraag in.</source>
        <translation>Vul de reden van de aanvraag in.</translation>
    </message>
    <message>
        <source>Geen verlof nodig.</source>
        <translation>Geen verlof nodig.</translation>
    </message>
    <message>
        <source>Niet toegestaan volgens de wet. Over vakantieverlof beslist de directeur van de school (art. 13a); dit verlof kan alleen worden afgewezen.</source>
        <translation>Niet toegestaan volgens de wet. Over vakantieverlof beslist de directeur van de school (art. 13a); dit verlof kan alleen worden afgewezen.</translation>
    </message>
    <message>
        <source>U legt de aanvraag vast met de afwijzing door de directeur: ook een afwijzing is een besluit.</source>
        <translation>U legt de aanvraag vast met de afwijzing door de directeur: ook een afwijzing is een besluit.</translation>
    </message>
    <message>
        <source>De leerplichtambtenaar beslist (meer dan 10 schooldagen in het schooljaar), na het horen van de directeur (art. 14 lid 3).</source>
        <translation>De leerplichtambtenaar beslist (meer dan 10 schooldagen in het schooljaar), na het horen van de directeur (art. 14 lid 3).</translation>
    </message>
    <message>
        <source>U legt het besluit van de leerplichtambtenaar namens het college vast: toekenning of afwijzing. Zonder besluit wordt alleen de aanvraag vastgelegd.</source>
        <translation>U legt het besluit van de leerplichtambtenaar namens het college vast: toekenning of afwijzing. Zonder besluit wordt alleen de aanvraag vastgelegd.</translation>
    </message>
    <message>
        <source>U kunt de aanvraag vastleggen, maar niet het besluit: {reason}</source>
        <translation>U kunt de aanvraag vastleggen, maar niet het besluit: {reason}</translation>
    </message>
    <message>
        <source>De directeur van de school beslist (art. 13a en 14 lid 1).</source>
        <translation>De directeur van de school beslist (art. 13a en 14 lid 1).</translation>
    </message>
    <message>
        <source>U legt het besluit van de directeur vast, zoals de school het meldde.</source>
        <translation>U legt het besluit van de directeur vast, zoals de school het meldde.</translation>
    </message>
    <message>
        <source>Hoor eerst de directeur van de school.</source>
        <translation>Hoor eerst de directeur van de school.</translation>
    </message>
    <message>
        <source>Een besluit heeft een motivering nodig.</source>
        <translation>Een besluit heeft een motivering nodig.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Brief maken</source>
        <extracomment>The dialog has read the case: which kinds the law allows, the planned conversation, the signed-in user. The letters or report of the chosen kind were built (or refused, with the reason in ``error``).</extracomment>
        <translation>Brief maken</translation>
    </message>
    <message>
        <source>Soort brief</source>
        <translation>Soort brief</translation>
    </message>
    <message>
        <source>Datum van de brief</source>
        <translation>Datum van de brief</translation>
    </message>
    <message>
        <source>Niet mogelijk voor deze zaak</source>
        <translation>Niet mogelijk voor deze zaak</translation>
    </message>
    <message>
        <source>Datum en tijd van het gesprek</source>
        <translation>Datum en tijd van het gesprek</translation>
    </message>
    <message>
        <source>Plaats van het gesprek</source>
        <translation>Plaats van het gesprek</translation>
    </message>
    <message>
        <source>Reden van het gesprek</source>
        <translation>Reden van het gesprek</translation>
    </message>
    <message>
        <source>standaard: het schoolverzuim bespreken</source>
        <translation>standaard: het schoolverzuim bespreken</translation>
    </message>
    <message>
        <source>Wanneer:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <source>Waar:</source>
        <translation>Waar:</translation>
    </message>
    <message>
        <source>Waarom:</source>
        <translation>Waarom:</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Feiten</source>
        <translation>Feiten</translation>
    </message>
    <message>
        <source>Advies over de afdoening</source>
        <translation>Advies over de afdoening</translation>
    </message>
    <message>
        <source>Feiten:</source>
        <translation>Feiten:</translation>
    </message>
    <message>
        <source>Advies:</source>
        <translation>Advies:</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Aanvullende tekst</source>
        <translation>Aanvullende tekst</translation>
    </message>
    <message>
        <source>Optioneel: een eigen alinea in de brief</source>
        <translation>Optioneel: een eigen alinea in de brief</translation>
    </message>
    <message>
        <source>Geadresseerden</source>
        <translation>Geadresseerden</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Aan (volgens de wet; één brief per adres):</source>
        <translation>Aan (volgens de wet; één brief per adres):</translation>
    </message>
    <message>
        <source>Aanvullende tekst:</source>
        <translation>Aanvullende tekst:</translation>
    </message>
    <message>
        <source>&amp;Opslaan als PDF…</source>
        <translation>&amp;Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Opslaan en &amp;afdrukken…</source>
        <translation>Opslaan en &amp;afdrukken…</translation>
    </message>
    <message>
        <source>Slaat de PDF op en opent hem om af te drukken</source>
        <translation>Slaat de PDF op en opent hem om af te drukken</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Zaak lezen…</source>
        <translation>Zaak lezen…</translation>
    </message>
    <message>
        <source>Geen voorbeeld: {reason}</source>
        <translation>Geen voorbeeld: {reason}</translation>
    </message>
    <message>
        <source>De zaak kon niet worden gelezen.</source>
        <translation>De zaak kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>Niet mogelijk voor deze zaak:</source>
        <translation>Niet mogelijk voor deze zaak:</translation>
    </message>
    <message>
        <source>Brief samenstellen…</source>
        <translation>Brief samenstellen…</translation>
    </message>
    <message>
        <source>De brief kon niet worden samengesteld.</source>
        <translation>De brief kon niet worden samengesteld.</translation>
    </message>
    <message>
        <source>Voorbeeld maken…</source>
        <translation>Voorbeeld maken…</translation>
    </message>
    <message>
        <source>Geen voorbeeld.</source>
        <translation>Geen voorbeeld.</translation>
    </message>
    <message>
        <source>Brief opslaan</source>
        <translation>Brief opslaan</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Opgeslagen in {path}: {n} document(en), vastgelegd in het documentenregister.</source>
        <translation>Opgeslagen in {path}: {n} document(en), vastgelegd in het documentenregister.</translation>
    </message>
    <message>
        <source>Niet opgeslagen: {reason}</source>
        <translation>Niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Aanmelden bij de server</source>
        <translation>Aanmelden bij de server</translation>
    </message>
    <message>
        <source>Meld u aan met uw account op de Vangnet-server &lt;b&gt;{host}&lt;/b&gt; om uw wijzigingen te versturen en die van collega's te ontvangen. Uw wachtwoord wordt niet op deze computer bewaard.</source>
        <translation>Meld u aan met uw account op de Vangnet-server &lt;b&gt;{host}&lt;/b&gt; om uw wijzigingen te versturen en die van collega's te ontvangen. Uw wachtwoord wordt niet op deze computer bewaard.</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Aanmelden</source>
        <translation>&amp;Aanmelden</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Bezig met aanmelden…</source>
        <translation>Bezig met aanmelden…</translation>
    </message>
    <message>
        <source>Aanmelden is mislukt door een onverwachte fout. Probeer het opnieuw.</source>
        <translation>Aanmelden is mislukt door een onverwachte fout. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vangnet</source>
        <extracomment>Pages with a Ctrl+digit shortcut in the navigation and the 'Ga naar' menu.</extracomment>
        <translation>Vangnet</translation>
    </message>
    <message>
        <source>Navigatie</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>{label} (Ctrl+{n})</source>
        <translation>{label} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Geopende dossiers</source>
        <translation>Geopende dossiers</translation>
    </message>
    <message>
        <source>Overzicht</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>  Zoeken: </source>
        <translation>  Zoeken: </translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <extracomment>The menus of the menu bar by id, in the order they stand; the text is only the label a person sees. A menu appears with the first action registered in it.</extracomment>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Registreren</source>
        <translation>&amp;Registreren</translation>
    </message>
    <message>
        <source>&amp;Ga naar</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>E&amp;xtra</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <source>&amp;Documenten</source>
        <translation>&amp;Documenten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Synchronisatie</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Voortgang van de synchronisatie</source>
        <translation>Voortgang van de synchronisatie</translation>
    </message>
    <message>
        <source>Conflicten</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Conflicten en geweigerde wijzigingen bekijken</source>
        <translation>Conflicten en geweigerde wijzigingen bekijken</translation>
    </message>
    <message>
        <source>Vergrendeld</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source> · geweigerd: {n}</source>
        <translation> · geweigerd: {n}</translation>
    </message>
    <message>
        <source>Stel een server in via Extra › Instellingen.</source>
        <translation>Stel een server in via Extra › Instellingen.</translation>
    </message>
    <message>
        <source>● Offline – geen server ingesteld</source>
        <translation>● Offline – geen server ingesteld</translation>
    </message>
    <message>
        <source>● Niet verbonden</source>
        <translation>● Niet verbonden</translation>
    </message>
    <message>
        <source>⟳ Synchroniseren…</source>
        <translation>⟳ Synchroniseren…</translation>
    </message>
    <message>
        <source>⟳ Synchroniseren: {phase}</source>
        <translation>⟳ Synchroniseren: {phase}</translation>
    </message>
    <message>
        <source>Klik of druk op F5 om nu te synchroniseren.</source>
        <translation>Klik of druk op F5 om nu te synchroniseren.</translation>
    </message>
    <message>
        <source>● Verbinden…</source>
        <translation>● Verbinden…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>Database beschadigd</source>
        <translation>Database beschadigd</translation>
    </message>
    <message>
        <source>Bij de controle op de achtergrond bleek de database van dit profiel beschadigd. Sla uw werk niet verder op, sluit Vangnet en zet de nieuwste back-up terug (vangnet restore), of vraag de functioneel beheerder om hulp. Wijzigingen die al gesynchroniseerd zijn, staan veilig op de server.</source>
        <translation>Bij de controle op de achtergrond bleek de database van dit profiel beschadigd. Sla uw werk niet verder op, sluit Vangnet en zet de nieuwste back-up terug (vangnet restore), of vraag de functioneel beheerder om hulp. Wijzigingen die al gesynchroniseerd zijn, staan veilig op de server.</translation>
    </message>
    <message>
        <source>Laatste synchronisatie: {when}</source>
        <translation>Laatste synchronisatie: {when}</translation>
    </message>
    <message>
        <source>nog niet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>Te versturen: {n}</source>
        <translation>Te versturen: {n}</translation>
    </message>
    <message>
        <source>Conflicten: {n}</source>
        <translation>Conflicten: {n}</translation>
    </message>
    <message>
        <source>● Aanmelden nodig</source>
        <translation>● Aanmelden nodig</translation>
    </message>
    <message>
        <source>Klik om u aan te melden bij de server.</source>
        <translation>Klik om u aan te melden bij de server.</translation>
    </message>
    <message>
        <source>● Nieuwe versie nodig</source>
        <translation>● Nieuwe versie nodig</translation>
    </message>
    <message>
        <source>● Onderbroken</source>
        <translation>● Onderbroken</translation>
    </message>
    <message>
        <source>● Fout bij synchroniseren</source>
        <translation>● Fout bij synchroniseren</translation>
    </message>
    <message>
        <source>Er is geen server ingesteld (Extra › Instellingen).</source>
        <translation>Er is geen server ingesteld (Extra › Instellingen).</translation>
    </message>
    <message>
        <source>Synchroniseren gestart…</source>
        <translation>Synchroniseren gestart…</translation>
    </message>
    <message>
        <source>Aangemeld; synchroniseren…</source>
        <translation>Aangemeld; synchroniseren…</translation>
    </message>
    <message>
        <source>De beheerder heeft dit apparaat ingetrokken. Alle gegevens van Vangnet op deze computer zijn gewist. Neem contact op met uw beheerder als u weer met Vangnet wilt werken.</source>
        <translation>De beheerder heeft dit apparaat ingetrokken. Alle gegevens van Vangnet op deze computer zijn gewist. Neem contact op met uw beheerder als u weer met Vangnet wilt werken.</translation>
    </message>
    <message>
        <source>De beheerder heeft dit apparaat ingetrokken, maar de gegevens konden niet volledig worden gewist. Gebruik 'vangnet wipe --yes' of neem contact op met uw beheerder.</source>
        <translation>De beheerder heeft dit apparaat ingetrokken, maar de gegevens konden niet volledig worden gewist. Gebruik 'vangnet wipe --yes' of neem contact op met uw beheerder.</translation>
    </message>
    <message>
        <source>Apparaat ingetrokken</source>
        <translation>Apparaat ingetrokken</translation>
    </message>
    <message>
        <source>Automatisch vergrendeld na {n} minuten zonder gebruik. Vul uw wachtwoord in om verder te gaan.</source>
        <translation>Automatisch vergrendeld na {n} minuten zonder gebruik. Vul uw wachtwoord in om verder te gaan.</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in om verder te gaan.</source>
        <translation>Vul uw wachtwoord in om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>Soort zaak</source>
        <translation>Soort zaak</translation>
    </message>
    <message>
        <source>Datum geopend</source>
        <translation>Datum geopend</translation>
    </message>
    <message>
        <source>Consulent</source>
        <translation>Consulent</translation>
    </message>
    <message>
        <source>(nog niet toegewezen)</source>
        <translation>(nog niet toegewezen)</translation>
    </message>
    <message>
        <source>Nader onderzoek nodig</source>
        <translation>Nader onderzoek nodig</translation>
    </message>
    <message>
        <source>Aanleiding</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>&amp;Soort zaak:</source>
        <translation>&amp;Soort zaak:</translation>
    </message>
    <message>
        <source>&amp;Geopend op:</source>
        <translation>&amp;Geopend op:</translation>
    </message>
    <message>
        <source>&amp;Consulent:</source>
        <translation>&amp;Consulent:</translation>
    </message>
    <message>
        <source>&amp;Aanleiding:</source>
        <translation>&amp;Aanleiding:</translation>
    </message>
    <message>
        <source>Leerplicht:</source>
        <translation>Leerplicht:</translation>
    </message>
    <message>
        <source>De openingsdatum ligt in de toekomst.</source>
        <translation>De openingsdatum ligt in de toekomst.</translation>
    </message>
    <message>
        <source>Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling.</source>
        <translation>Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling.</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Voorbeeld van pagina 1</source>
        <translation>Voorbeeld van pagina 1</translation>
    </message>
    <message>
        <source>Voorbeeld van de tekst</source>
        <translation>Voorbeeld van de tekst</translation>
    </message>
    <message>
        <source>Kies een soort brief.</source>
        <translation>Kies een soort brief.</translation>
    </message>
</context>
<context>
    <name>PersonFileView</name>
    <message>
        <source>Leerplichtstatus</source>
        <translation>Leerplichtstatus</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>BSN &amp;tonen</source>
        <translation>BSN &amp;tonen</translation>
    </message>
    <message>
        <source>Het tonen van het BSN wordt vastgelegd.</source>
        <translation>Het tonen van het BSN wordt vastgelegd.</translation>
    </message>
    <message>
        <source>BSN:</source>
        <translation>BSN:</translation>
    </message>
    <message>
        <source>Nieuwe &amp;melding</source>
        <translation>Nieuwe &amp;melding</translation>
    </message>
    <message>
        <source>Nieuwe &amp;zaak</source>
        <translation>Nieuwe &amp;zaak</translation>
    </message>
    <message>
        <source>&amp;Vrijstelling aanvragen</source>
        <translation>&amp;Vrijstelling aanvragen</translation>
    </message>
    <message>
        <source>Ver&amp;lofaanvraag</source>
        <translation>Ver&amp;lofaanvraag</translation>
    </message>
    <message>
        <source>T&amp;huiszitter</source>
        <translation>T&amp;huiszitter</translation>
    </message>
    <message>
        <source>VSV-&amp;traject</source>
        <translation>VSV-&amp;traject</translation>
    </message>
    <message>
        <source>Persoonsgegevens</source>
        <translation>Persoonsgegevens</translation>
    </message>
    <message>
        <source>Leerplicht en kwalificatieplicht</source>
        <translation>Leerplicht en kwalificatieplicht</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Relatie</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Gezag</source>
        <translation>Gezag</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ouders en verzorgers</source>
        <translation>Ouders en verzorgers</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Tot</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Inschrijvingen</source>
        <translation>Inschrijvingen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ouders en verzorgers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ouders en verzorgers&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inschrijvingen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Inschrijvingen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Zaaknummer</source>
        <translation>Zaaknummer</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Geopend</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Gesloten</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Zaken</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <source>Artikel</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Geldig tot</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Verklaring (art. 5 onder a)</source>
        <translation>Verklaring (art. 5 onder a)</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Regime</translation>
    </message>
    <message>
        <source>Vrijstellingen</source>
        <translation>Vrijstellingen</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Dagen</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <source>Verlofaanvragen</source>
        <translation>Verlofaanvragen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vrijstellingen en vervangende leerplicht&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vrijstellingen en vervangende leerplicht&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Extra verlof&lt;/b&gt;</source>
        <translation>&lt;b&gt;Extra verlof&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Tijdlijn</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Onderdelen van het dossier</source>
        <translation>Onderdelen van het dossier</translation>
    </message>
    <message>
        <source>&amp;Overzicht</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <source>&amp;Zaken</source>
        <translation>&amp;Zaken</translation>
    </message>
    <message>
        <source>Vrijstellingen en ve&amp;rlof</source>
        <translation>Vrijstellingen en ve&amp;rlof</translation>
    </message>
    <message>
        <source>T&amp;ijdlijn</source>
        <translation>T&amp;ijdlijn</translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Voornamen</source>
        <translation>Voornamen</translation>
    </message>
    <message>
        <source>Roepnaam</source>
        <translation>Roepnaam</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Geslacht</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Onderwijsnummer</source>
        <translation>Onderwijsnummer</translation>
    </message>
    <message>
        <source>Status vandaag:</source>
        <translation>Status vandaag:</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Nog niet beslist</source>
        <translation>Nog niet beslist</translation>
    </message>
    <message>
        <source>&amp;Zaken ({n})</source>
        <translation>&amp;Zaken ({n})</translation>
    </message>
    <message>
        <source>T&amp;ijdlijn ({n})</source>
        <translation>T&amp;ijdlijn ({n})</translation>
    </message>
    <message>
        <source>BSN &amp;verbergen</source>
        <translation>BSN &amp;verbergen</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Naam, BSN of onderwijsnummer</source>
        <translation>Naam, BSN of onderwijsnummer</translation>
    </message>
    <message>
        <source>Leerling zoeken</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <source>Gevonden leerlingen</source>
        <translation>Gevonden leerlingen</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Dit BSN is ongeldig: het voldoet niet aan de 11-proef.</source>
        <translation>Dit BSN is ongeldig: het voldoet niet aan de 11-proef.</translation>
    </message>
    <message>
        <source>(geen leerling gevonden)</source>
        <translation>(geen leerling gevonden)</translation>
    </message>
    <message>
        <source>(zoek eerst)</source>
        <translation>(zoek eerst)</translation>
    </message>
</context>
<context>
    <name>ProblemDetail</name>
    <message>
        <source>Velden</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>Dossier openen</source>
        <translation>Dossier openen</translation>
    </message>
    <message>
        <source>Mijn waarde houden</source>
        <translation>Mijn waarde houden</translation>
    </message>
    <message>
        <source>Uw waarde wordt bij de volgende synchronisatie naar de server gestuurd en vervangt daar de andere waarde.</source>
        <translation>Uw waarde wordt bij de volgende synchronisatie naar de server gestuurd en vervangt daar de andere waarde.</translation>
    </message>
    <message>
        <source>Waarde van de server houden</source>
        <translation>Waarde van de server houden</translation>
    </message>
    <message>
        <source>Uw wijziging vervalt; de waarde van de server blijft.</source>
        <translation>Uw wijziging vervalt; de waarde van de server blijft.</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Verwerpen</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <source>Geef deze wijziging op; wijzigingen die erop wachten gaan door.</source>
        <translation>Geef deze wijziging op; wijzigingen die erop wachten gaan door.</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Bij dit filter zijn er geen regels meer.</source>
        <translation>Bij dit filter zijn er geen regels meer.</translation>
    </message>
    <message>
        <source>Kies een regel in de lijst om de details en de keuzes te zien.</source>
        <translation>Kies een regel in de lijst om de details en de keuzes te zien.</translation>
    </message>
    <message>
        <source>Geweigerd door de server</source>
        <translation>Geweigerd door de server</translation>
    </message>
    <message>
        <source>De server weigerde dit nieuwe gegeven.</source>
        <translation>De server weigerde dit nieuwe gegeven.</translation>
    </message>
    <message>
        <source>De server weigerde deze verwijdering.</source>
        <translation>De server weigerde deze verwijdering.</translation>
    </message>
    <message>
        <source>De server weigerde deze wijziging.</source>
        <translation>De server weigerde deze wijziging.</translation>
    </message>
    <message>
        <source>Latere wijzigingen van hetzelfde gegeven wachten tot u kiest; al het andere wordt gewoon verstuurd.</source>
        <translation>Latere wijzigingen van hetzelfde gegeven wachten tot u kiest; al het andere wordt gewoon verstuurd.</translation>
    </message>
    <message>
        <source>Reden van de server: {reason}</source>
        <translation>Reden van de server: {reason}</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Uw nieuwe waarde</source>
        <translation>Uw nieuwe waarde</translation>
    </message>
    <message>
        <source>Stuur de wijziging nog eens, bijvoorbeeld nadat de beheerder uw rechten heeft aangepast.</source>
        <translation>Stuur de wijziging nog eens, bijvoorbeeld nadat de beheerder uw rechten heeft aangepast.</translation>
    </message>
    <message>
        <source>Kon niet worden verwerkt</source>
        <translation>Kon niet worden verwerkt</translation>
    </message>
    <message>
        <source>Dit is geen conflict: een nieuwere versie van dit gegeven kwam van de server, maar kon op dit apparaat niet worden opgeslagen, bijvoorbeeld omdat een BSN of nummer hier al bij een ander gegeven staat. Hier blijft de oude versie staan. Met 'Opnieuw proberen' haalt Vangnet het gegeven bij de volgende synchronisatie opnieuw op; lukt het weer niet, dan verschijnt het hier opnieuw.</source>
        <translation>Dit is geen conflict: een nieuwere versie van dit gegeven kwam van de server, maar kon op dit apparaat niet worden opgeslagen, bijvoorbeeld omdat een BSN of nummer hier al bij een ander gegeven staat. Hier blijft de oude versie staan. Met 'Opnieuw proberen' haalt Vangnet het gegeven bij de volgende synchronisatie opnieuw op; lukt het weer niet, dan verschijnt het hier opnieuw.</translation>
    </message>
    <message>
        <source>(geen verschil zichtbaar)</source>
        <translation>(geen verschil zichtbaar)</translation>
    </message>
    <message>
        <source>Gegeven</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Op dit apparaat</source>
        <translation>Op dit apparaat</translation>
    </message>
    <message>
        <source>Op de server</source>
        <translation>Op de server</translation>
    </message>
    <message>
        <source>Haal dit gegeven bij de volgende synchronisatie opnieuw op.</source>
        <translation>Haal dit gegeven bij de volgende synchronisatie opnieuw op.</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Uw waarde (dit apparaat)</source>
        <translation>Uw waarde (dit apparaat)</translation>
    </message>
    <message>
        <source>Waarde op de server</source>
        <translation>Waarde op de server</translation>
    </message>
    <message>
        <source>sinds {when}</source>
        <translation>sinds {when}</translation>
    </message>
    <message>
        <source>U wijzigde dit gegeven, maar iemand anders heeft het op de server verwijderd.</source>
        <translation>U wijzigde dit gegeven, maar iemand anders heeft het op de server verwijderd.</translation>
    </message>
    <message>
        <source>U verwijderde dit gegeven, maar iemand anders heeft het op de server gewijzigd.</source>
        <translation>U verwijderde dit gegeven, maar iemand anders heeft het op de server gewijzigd.</translation>
    </message>
    <message>
        <source>Dit gegeven bestond al op de server. Hier staat nu de versie van de server; uw eigen waarden staan hieronder.</source>
        <translation>Dit gegeven bestond al op de server. Hier staat nu de versie van de server; uw eigen waarden staan hieronder.</translation>
    </message>
    <message>
        <source>Dit gegeven is op dit apparaat en op de server verschillend gewijzigd. De server houdt nu zijn waarde; kies welke waarde moet blijven.</source>
        <translation>Dit gegeven is op dit apparaat en op de server verschillend gewijzigd. De server houdt nu zijn waarde; kies welke waarde moet blijven.</translation>
    </message>
</context>
<context>
    <name>ProblemListModel</name>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Geweigerd</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Kon niet worden verwerkt</source>
        <translation>Kon niet worden verwerkt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Wijziging</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Verwijdering</source>
        <translation>Verwijdering</translation>
    </message>
    <message>
        <source>De versie van de server kon hier niet worden opgeslagen</source>
        <translation>De versie van de server kon hier niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Hier gewijzigd, op de server verwijderd</source>
        <translation>Hier gewijzigd, op de server verwijderd</translation>
    </message>
    <message>
        <source>Hier verwijderd, op de server gewijzigd</source>
        <translation>Hier verwijderd, op de server gewijzigd</translation>
    </message>
    <message>
        <source>Bestond al op de server</source>
        <translation>Bestond al op de server</translation>
    </message>
    <message>
        <source>Op deze kolom kan niet worden gesorteerd</source>
        <translation>Op deze kolom kan niet worden gesorteerd</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Aantal</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Filter op naam…</source>
        <translation>Filter op naam…</translation>
    </message>
    <message>
        <source>Filter op naam</source>
        <translation>Filter op naam</translation>
    </message>
    <message>
        <source>{label}: alle</source>
        <translation>{label}: alle</translation>
    </message>
    <message>
        <source>Besluit: alle</source>
        <translation>Besluit: alle</translation>
    </message>
    <message>
        <source>Nog niet beslist</source>
        <translation>Nog niet beslist</translation>
    </message>
    <message>
        <source>Lopend en beëindigd</source>
        <translation>Lopend en beëindigd</translation>
    </message>
    <message>
        <source>Lopend</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>Beëindigd</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <source>Alle gemeenten</source>
        <translation>Alle gemeenten</translation>
    </message>
    <message>
        <source>{label}: iedereen</source>
        <translation>{label}: iedereen</translation>
    </message>
    <message>
        <source>Alle scholen</source>
        <translation>Alle scholen</translation>
    </message>
    <message>
        <source>Alle schooljaren</source>
        <translation>Alle schooljaren</translation>
    </message>
    <message>
        <source>Schooljaar {year}</source>
        <translation>Schooljaar {year}</translation>
    </message>
    <message>
        <source>meer dan {n} gevonden, bezig met tellen…</source>
        <translation>meer dan {n} gevonden, bezig met tellen…</translation>
    </message>
    <message>
        <source>{n} gevonden</source>
        <translation>{n} gevonden</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>&amp;Leerling:</source>
        <translation>&amp;Leerling:</translation>
    </message>
    <message>
        <source>Gegevens voor dit formulier konden niet worden gelezen.</source>
        <translation>Gegevens voor dit formulier konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Kies een leerling.</source>
        <translation>Kies een leerling.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Zoek op naam, BSN, zaaknummer of school  (Ctrl+F)</source>
        <translation>Zoek op naam, BSN, zaaknummer of school  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Zoekresultaten</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>Niets gevonden</source>
        <translation>Niets gevonden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minuten</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na</source>
        <translation>Automatisch vergrendelen na</translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation>Adres van de server</translation>
    </message>
    <message>
        <source>Synchroniseren elke</source>
        <translation>Synchroniseren elke</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen na inactiviteit:</source>
        <translation>&amp;Vergrendelen na inactiviteit:</translation>
    </message>
    <message>
        <source>&amp;Serveradres:</source>
        <translation>&amp;Serveradres:</translation>
    </message>
    <message>
        <source>S&amp;ynchroniseren elke:</source>
        <translation>S&amp;ynchroniseren elke:</translation>
    </message>
    <message>
        <source>&amp;Taal:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Het serveradres begint met https:// en bevat geen gebruikersnaam of wachtwoord.</source>
        <translation>Het serveradres begint met https:// en bevat geen gebruikersnaam of wachtwoord.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Sjablonen beheren</source>
        <translation>Sjablonen beheren</translation>
    </message>
    <message>
        <source>Sjablonen</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>Tekst van het sjabloon</source>
        <translation>Tekst van het sjabloon</translation>
    </message>
    <message>
        <source>Samenvoegvelden</source>
        <translation>Samenvoegvelden</translation>
    </message>
    <message>
        <source>Dubbelklik om het veld op de plaats van de cursor in te voegen</source>
        <translation>Dubbelklik om het veld op de plaats van de cursor in te voegen</translation>
    </message>
    <message>
        <source>Opslaan als &amp;nieuwe versie</source>
        <translation>Opslaan als &amp;nieuwe versie</translation>
    </message>
    <message>
        <source>&amp;Publiceren naar de server</source>
        <translation>&amp;Publiceren naar de server</translation>
    </message>
    <message>
        <source>Slaat de tekst op als nieuwe versie (als die gewijzigd is) en stuurt die naar de server; elk kantoor krijgt deze tekst bij de volgende synchronisatie.</source>
        <translation>Slaat de tekst op als nieuwe versie (als die gewijzigd is) en stuurt die naar de server; elk kantoor krijgt deze tekst bij de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Status van het publiceren</source>
        <translation>Status van het publiceren</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Samenvoegvelden (dubbelklik om in te voegen):</source>
        <translation>Samenvoegvelden (dubbelklik om in te voegen):</translation>
    </message>
    <message>
        <source>Het voorbeeld gebruikt verzonnen gegevens.</source>
        <translation>Het voorbeeld gebruikt verzonnen gegevens.</translation>
    </message>
    <message>
        <source>{title}: versie {version}{earlier}</source>
        <translation>{title}: versie {version}{earlier}</translation>
    </message>
    <message>
        <source> ({n} eerdere versies bewaard)</source>
        <translation> ({n} eerdere versies bewaard)</translation>
    </message>
    <message>
        <source>De soort in het sjabloon moet '{kind}' blijven.</source>
        <translation>De soort in het sjabloon moet '{kind}' blijven.</translation>
    </message>
    <message>
        <source>Geen voorbeeld: het sjabloon bevat een fout.</source>
        <translation>Geen voorbeeld: het sjabloon bevat een fout.</translation>
    </message>
    <message>
        <source>Het sjabloon is in orde. (Een afbeelding van de pagina vraagt pdftoppm.)</source>
        <translation>Het sjabloon is in orde. (Een afbeelding van de pagina vraagt pdftoppm.)</translation>
    </message>
    <message>
        <source>Geen voorbeeld: {reason}</source>
        <translation>Geen voorbeeld: {reason}</translation>
    </message>
    <message>
        <source>Voorbeeld maken…</source>
        <translation>Voorbeeld maken…</translation>
    </message>
    <message>
        <source>Sjabloon niet opgeslagen</source>
        <translation>Sjabloon niet opgeslagen</translation>
    </message>
    <message>
        <source>Er is niets gewijzigd.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Het sjabloon kon niet worden opgeslagen.</source>
        <translation>Het sjabloon kon niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>Er is geen verbinding met de server: meld u aan bij de server en probeer het opnieuw. De nieuwe versie is wel op deze computer bewaard.</source>
        <translation>Er is geen verbinding met de server: meld u aan bij de server en probeer het opnieuw. De nieuwe versie is wel op deze computer bewaard.</translation>
    </message>
    <message>
        <source>Versie {version} wordt gepubliceerd…</source>
        <translation>Versie {version} wordt gepubliceerd…</translation>
    </message>
    <message>
        <source>Versie {version} van ‘{title}’ staat op de server. Elk kantoor krijgt deze tekst bij de volgende synchronisatie.</source>
        <translation>Versie {version} van ‘{title}’ staat op de server. Elk kantoor krijgt deze tekst bij de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Niet gepubliceerd: {reason}</source>
        <translation>Niet gepubliceerd: {reason}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Vangnet – ontgrendelen</source>
        <translation>Vangnet – ontgrendelen</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Vangnet is vergrendeld</source>
        <translation>Vangnet is vergrendeld</translation>
    </message>
    <message>
        <source>Welkom bij Vangnet</source>
        <translation>Welkom bij Vangnet</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in om uw gegevens te openen. De gegevens staan versleuteld op deze computer.</source>
        <translation>Vul uw wachtwoord in om uw gegevens te openen. De gegevens staan versleuteld op deze computer.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Bezig met openen</source>
        <translation>Bezig met openen</translation>
    </message>
    <message>
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;wijzigen…</source>
        <translation>Wachtwoord &amp;wijzigen…</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Het profiel kon niet worden geopend door een onverwachte fout.</source>
        <translation>Het profiel kon niet worden geopend door een onverwachte fout.</translation>
    </message>
    <message>
        <source>Te veel onjuiste pogingen. U kunt het over {n} seconden opnieuw proberen.</source>
        <translation>Te veel onjuiste pogingen. U kunt het over {n} seconden opnieuw proberen.</translation>
    </message>
    <message>
        <source>Het wachtwoord is gewijzigd. Ontgrendel met het nieuwe wachtwoord.</source>
        <translation>Het wachtwoord is gewijzigd. Ontgrendel met het nieuwe wachtwoord.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>Werkvoorraad</source>
        <extracomment>A new melding opens its assessment (the main window's open_record decides so for this table).</extracomment>
        <translation>Werkvoorraad</translation>
    </message>
    <message>
        <source>Samenvatting werkvoorraad</source>
        <translation>Samenvatting werkvoorraad</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Werkvoorraad opnieuw laden (F5)</source>
        <translation>Werkvoorraad opnieuw laden (F5)</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Er is niets dat nu uw aandacht vraagt.</source>
        <translation>Er is niets dat nu uw aandacht vraagt.</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>De werkvoorraad kon niet worden geladen.</source>
        <translation>De werkvoorraad kon niet worden geladen.</translation>
    </message>
    <message>
        <source>Termijn verstreken</source>
        <translation>Termijn verstreken</translation>
    </message>
    <message>
        <source>Enter of dubbelklik: de melding beoordelen</source>
        <translation>Enter of dubbelklik: de melding beoordelen</translation>
    </message>
    <message>
        <source>{n} signalen</source>
        <translation>{n} signalen</translation>
    </message>
    <message>
        <source>Geen signalen</source>
        <translation>Geen signalen</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>&amp;Toegangslogboek…</source>
        <translation>&amp;Toegangslogboek…</translation>
    </message>
    <message>
        <source>Wie heeft een dossier bekeken of gewijzigd (teamleider)</source>
        <translation>Wie heeft een dossier bekeken of gewijzigd (teamleider)</translation>
    </message>
    <message>
        <source>Brieven in &amp;serie afdrukken…</source>
        <translation>Brieven in &amp;serie afdrukken…</translation>
    </message>
    <message>
        <source>Sja&amp;blonen beheren…</source>
        <translation>Sja&amp;blonen beheren…</translation>
    </message>
    <message>
        <source>&amp;Opmaak en adresvenster…</source>
        <translation>&amp;Opmaak en adresvenster…</translation>
    </message>
    <message>
        <source>Documenten</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Brieven in serie afdrukken is voor administratief medewerkers.</source>
        <translation>Brieven in serie afdrukken is voor administratief medewerkers.</translation>
    </message>
    <message>
        <source>Sjablonen beheren is voor de functioneel beheerder.</source>
        <translation>Sjablonen beheren is voor de functioneel beheerder.</translation>
    </message>
    <message>
        <source>De opmaak van brieven is voor de functioneel beheerder.</source>
        <translation>De opmaak van brieven is voor de functioneel beheerder.</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>&amp;Over Vangnet</source>
        <translation>&amp;Over Vangnet</translation>
    </message>
    <message>
        <source>Werkvoorraad</source>
        <translation>Werkvoorraad</translation>
    </message>
    <message>
        <source>Leerlingen</source>
        <translation>Leerlingen</translation>
    </message>
    <message>
        <source>Zaken</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <source>Vrijstellingen</source>
        <translation>Vrijstellingen</translation>
    </message>
    <message>
        <source>Verlof</source>
        <translation>Verlof</translation>
    </message>
    <message>
        <source>Thuiszitters</source>
        <translation>Thuiszitters</translation>
    </message>
    <message>
        <source>Doorstroompunt</source>
        <translation>Doorstroompunt</translation>
    </message>
    <message>
        <source>Cijfers</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Tabblad &amp;sluiten</source>
        <translation>Tabblad &amp;sluiten</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Nieuwe &amp;verzuimmelding…</source>
        <translation>Nieuwe &amp;verzuimmelding…</translation>
    </message>
    <message>
        <source>Nieuwe zaak &amp;absoluut verzuim…</source>
        <translation>Nieuwe zaak &amp;absoluut verzuim…</translation>
    </message>
    <message>
        <source>V&amp;rijstelling aanvragen…</source>
        <translation>V&amp;rijstelling aanvragen…</translation>
    </message>
    <message>
        <source>Ver&amp;lofaanvraag…</source>
        <translation>Ver&amp;lofaanvraag…</translation>
    </message>
    <message>
        <source>&amp;Thuiszitter…</source>
        <translation>&amp;Thuiszitter…</translation>
    </message>
    <message>
        <source>VSV-&amp;traject…</source>
        <translation>VSV-&amp;traject…</translation>
    </message>
    <message>
        <source>Nu &amp;synchroniseren</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>&amp;Conflicten…</source>
        <translation>&amp;Conflicten…</translation>
    </message>
    <message>
        <source>&amp;Aanmelden bij de server…</source>
        <translation>&amp;Aanmelden bij de server…</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>&amp;Wachtwoord wijzigen…</translation>
    </message>
    <message>
        <source>Ver&amp;hoor vastleggen…</source>
        <translation>Ver&amp;hoor vastleggen…</translation>
    </message>
</context>
</TS>