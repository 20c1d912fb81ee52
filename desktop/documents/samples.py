"""Example merge data: for the template editor's preview, the test sheet and the benchmarks.

All persons and numbers are fictitious.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time

from desktop.documents.context import (
    Absence,
    AbsenceLine,
    Addressee,
    Appointment,
    ChildProtectionReport,
    Consultant,
    Decision,
    Guardian,
    HaltReferral,
    Leave,
    LetterContext,
    Officer,
    PostalAddress,
    Pupil,
    ReportContext,
    SchoolFeedback,
    Statement,
    Step,
    Suspect,
    SvbReport,
)
from desktop.documents.organisations import ORGANISATIONS
from desktop.models.charges import Offender, charge_for
from desktop.models.enums import ExemptionArticle
from desktop.models.law import EXEMPTION_LEGAL_BASIS, EXEMPTION_SUBJECT, DutyStatus

# The organisations' own addresses, and the example school for its feedback.
_ORGANISATIONS = {
    **ORGANISATIONS,
    "terugkoppeling_school": Addressee(
        name_lines=["Het Voorbeeldcollege", "t.a.v. de verzuimcoördinator"],
        address=PostalAddress("Schoolstraat 10", "3311 BB", "Dordrecht"),
        salutation="heer, mevrouw",
        description="school",
    ),
}


_MOTIVATIONS = {
    "besluit_vrijstelling_toegekend": "Sanne herstelt thuis van een zware operatie en kan volgens de verklaring van "
    "de onafhankelijke arts tot de zomervakantie niet geregeld naar school. De directeur van de school is gehoord "
    "en de school geeft Sanne thuis lesstof.",
    "besluit_vrijstelling_afgewezen": "Uit de stukken blijkt niet dat Sanne door gewichtige omstandigheden niet "
    "geregeld naar school kan. De directeur van de school is gehoord en ziet mogelijkheden om Sanne op school te "
    "begeleiden.",
    "besluit_vrijstelling_buiten_behandeling": "Wij vroegen u op 17 februari 2025 om binnen twee weken de verklaring "
    "van de arts te sturen. Die hebben wij niet ontvangen (artikel 4:5 van de Algemene wet bestuursrecht).",
    "bevestiging_vrijstelling": "Bij uw kennisgeving zat een verklaring van de onafhankelijke arts die de gemeente "
    "heeft aangewezen. Die verklaring is niet ouder dan drie maanden.",
    "kennisgeving_vrijstelling_onvolledig": "Wij hebben u hierover ook gebeld op 20 februari 2025.",
    "besluit_verlof_toegekend": "De ernstige ziekte van een grootouder is een gewichtige omstandigheid. De "
    "directeur van de school heeft geen bezwaar.",
    "besluit_verlof_afgewezen": "Een vakantie of familiebezoek buiten de schoolvakanties is geen gewichtige "
    "omstandigheid. De directeur van de school heeft negatief geadviseerd.",
}
#: The kinds about a kennisgeving (art. 5 onder a); the other exemption letters answer a request (art. 11 onder g).
_NOTIFICATION_KINDS = ("bevestiging_vrijstelling", "kennisgeving_vrijstelling_onvolledig")


def _sample_decision(kind: str) -> Decision:
    article = ExemptionArticle.ART_5A if kind in _NOTIFICATION_KINDS else ExemptionArticle.ART_11G
    return Decision(
        article="artikel 5, onder a," if article is ExemptionArticle.ART_5A else "artikel 11, onder g, en artikel 14",
        legal_basis=EXEMPTION_LEGAL_BASIS[article],
        exemption=EXEMPTION_SUBJECT[article],
        request_received_on=date(2025, 2, 10),
        decided_on=date(2025, 3, 4),
        motivation=_MOTIVATIONS.get(kind, _MOTIVATIONS["besluit_vrijstelling_toegekend"]),
        valid_from=date(2025, 3, 1),
        valid_until=date(2025, 7, 31),
        schooljaar="2024-2025",
        missing=[
            "De verklaring is afgegeven door de behandelend arts van Sanne; de wet vraagt een verklaring van een "
            "deskundige die burgemeester en wethouders hebben aangewezen (artikel 7 van de Leerplichtwet 1969)."
        ] if kind == "kennisgeving_vrijstelling_onvolledig" else [],
    )


def sample_context(kind: str = "uitnodiging_gesprek", letter_date: date | None = None) -> LetterContext:
    """A complete, fictitious context with every group filled, addressed as the kind requires."""
    # A copy: the organisations' addresses are shared with the letters made from the database.
    addressee = dataclasses.replace(_ORGANISATIONS.get(
        kind,
        Addressee(
            name_lines=["J. de Vries", "en A. de Vries-Jansen"],
            address=PostalAddress("Voorstraat 100 A", "3311 AA", "Dordrecht"),
            salutation="heer De Vries en mevrouw De Vries-Jansen",
            description="ouders met gezag",
        ),
    ))
    return LetterContext(
        addressee=addressee,
        pupil=Pupil(
            name="Sanne de Vries",
            first_name="Sanne",
            birth_date=date(2011, 4, 12),
            school="Het Voorbeeldcollege",
            school_city="Dordrecht",
            bsn="",
        ),
        consultant=Consultant(
            name="M. Bakker", function="consulent leerplicht", phone="078 000 00 00", email="m.bakker@example.nl"
        ),
        reference="2025-1-00042",
        case_number="2025-000123",
        date=letter_date or date(2025, 3, 5),
        municipality="Dordrecht",
        appointment=Appointment(
            date=date(2025, 3, 18),
            time=time(14, 30),
            place="Het Voorbeeldcollege, Schoolstraat 10, Dordrecht",
            reason="De school heeft gemeld dat Sanne de afgelopen weken vaak niet op school was.",
            attendees=["de ouders met gezag", "Sanne"],
            bring=["een geldig identiteitsbewijs"],
        ),
        absence=Absence(
            kind="relatief verzuim",
            hours_absent="18",
            times_late="4",
            period_start=date(2025, 1, 27),
            period_end=date(2025, 2, 21),
            reported_on=date(2025, 2, 24),
            school_actions="Gesprek met de mentor en met de ouders.",
        ),
        decision=_sample_decision(kind),
        leave=Leave(
            start_date=date(2025, 4, 7),
            end_date=date(2025, 4, 25),
            days="15",
            reason="Bezoek aan een ernstig zieke grootouder in het buitenland.",
            kind="Gewichtige omstandigheden (art. 11g)",
            head_heard_on=date(2025, 2, 28),
        ),
        halt=HaltReferral(
            office="Halt Zuid-West Nederland",
            consent_jongere=True,
            consent_parents=True,
            background="Sanne kwam de afgelopen maanden regelmatig te laat en bleef een aantal middagen weg.",
        ),
        child_protection=ChildProtectionReport(
            concerns="Sanne is sinds november nauwelijks op school geweest. Afspraken met de ouders worden "
            "niet nagekomen en vrijwillige hulp komt niet op gang.",
            request="Ik vraag de Raad een onderzoek te doen naar de noodzaak van een beschermingsmaatregel.",
            earlier_steps=["gesprek met ouders en Sanne op 18 november 2024", "verwijzing naar het wijkteam"],
            parents_informed=True,
        ),
        svb=SvbReport(
            reason="De jongere is uitgeschreven en heeft zich niet bij een andere opleiding ingeschreven.",
            since=date(2025, 2, 1),
            last_school="Het Voorbeeldcollege, Dordrecht",
        ),
        feedback=SchoolFeedback.from_codes(
            "closed",
            "back_to_school",
            "pupil_seen",
            duo_number="V123456789",
            reported_on=date(2025, 2, 24),
            agreements="Sanne gaat weer elke dag naar school. De mentor houdt de aanwezigheid bij.",
            contact="mevrouw K. Smit, verzuimcoördinator",
        ),
        enclosures=["Folder 'Leerplicht, wat betekent dat voor u?'"],
    )


def sample_report_context(kind: str = "pv_ouders", report_date: date | None = None) -> ReportContext:
    """A fictitious case for the report previews and tests."""
    pupil = Pupil(name="Sanne de Vries", first_name="Sanne", birth_date=date(2011, 4, 12),
                  school="Het Voorbeeldcollege", school_city="Dordrecht")
    home = PostalAddress("Voorstraat 100 A", "3311 AA", "Dordrecht")
    if kind == "pv_jongere":
        suspects = [Suspect(name="Sanne de Vries", birth_date=pupil.birth_date, birth_place="Dordrecht",
                            address=home, role="jongere", surname="de Vries", given_names="Sanne")]
        charge = charge_for(Offender.JONGERE, DutyStatus.COMPULSORY)
        hearing = Statement("Sanne de Vries", date(2025, 3, 4),
                            "Ik vind school moeilijk. Ik ga vanaf nu weer elke dag.", at=time(15, 30),
                            place="stadskantoor Dordrecht", caution_given=True, legal_aid_informed=True,
                            minor_rights_informed=True, accompanied_by="haar moeder, A. de Vries-Jansen")
    else:
        suspects = [Suspect(name="Johan Pieter de Vries", birth_date=date(1980, 6, 3), birth_place="Rotterdam",
                            address=home, role="vader met gezag", surname="de Vries", given_names="Johan Pieter")]
        charge = charge_for(Offender.PARENT, DutyStatus.COMPULSORY)
        hearing = Statement("Johan Pieter de Vries", date(2025, 3, 4),
                            "Ik weet dat Sanne naar school moet. 's Ochtends lukt het niet om haar mee te krijgen.",
                            at=time(14, 0), place="stadskantoor Dordrecht", caution_given=True,
                            legal_aid_informed=True)
    assert charge is not None  # leerplicht is punishable for both
    return ReportContext(
        case_number="2025-000123",
        date=report_date or date(2025, 3, 20),
        place="Dordrecht",
        officer=Officer(name="M. Bakker", function="leerplichtambtenaar", boa_number="BOA-000000",
                        municipality="Dordrecht", phone="078 000 00 00", email="m.bakker@example.nl"),
        pupil=pupil,
        facts="De school heeft het verzuim gemeld en de ouders en Sanne vooraf gewaarschuwd.",
        offence_start=date(2024, 10, 28),
        offence_end=date(2025, 2, 21),
        offence_place="Het Voorbeeldcollege, Schoolstraat 1, 3311 BB Dordrecht",
        duty="leerplichtig",
        advice="Ik adviseer een taakstraf in de vorm van een leerstraf, gericht op het herstel van de schoolgang.",
        additions="",
        halt=HaltReferral(office="Halt Zuid-West Nederland", consent_jongere=True, consent_parents=True,
                          background="Sanne kwam regelmatig te laat en bleef een aantal middagen weg."),
        child_protection=ChildProtectionReport(
            concerns="Sanne is sinds november nauwelijks op school geweest; vrijwillige hulp komt niet op gang.",
            request="Onderzoek naar de noodzaak van een beschermingsmaatregel.",
            parents_informed=True,
        ),
        earlier_conviction=False,
        suspects=suspects,
        suspect_names=suspects[0].name,
        articles=list(charge.articles),
        charges=[charge.words("Sanne de Vries, geboren op 12 april 2011")],
        absences=[
            AbsenceLine(date(2025, 2, 24), date(2025, 1, 27), date(2025, 2, 21), "16 uur in 4 lesweken", 18, 4,
                        "Het Voorbeeldcollege"),
            AbsenceLine(date(2024, 11, 12), date(2024, 10, 28), date(2024, 11, 8), "overig verzuim", 9.5, 6,
                        "Het Voorbeeldcollege"),
        ],
        earlier_steps=[
            Step(date(2024, 11, 18), "Gesprek met ouders en Sanne; afspraken over de schoolgang."),
            Step(date(2024, 12, 2), "Officiële waarschuwing verstuurd."),
            Step(date(2025, 3, 4), "Verhoor van de ouders."),
        ],
        statements=[hearing],
        guardians=[Guardian("J. de Vries", home, True), Guardian("A. de Vries-Jansen", home, True)],
    )
