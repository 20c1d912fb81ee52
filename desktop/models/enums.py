"""Closed value lists of the domain, stored as their English string value, shown by their Dutch label."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Self


class LabeledEnum(StrEnum):
    """A string enum whose members carry a Dutch label for display.

    Members are declared as ``NAME = ("stored_value", "Nederlands label")``.
    """

    _label: str

    if TYPE_CHECKING:
        # Once the members exist, Enum replaces the member constructor below by its lookup by value, so a
        # call takes the stored value alone (mypy reads the member constructor instead: python/mypy#10573).
        def __new__(cls, value: object) -> Self: ...

    else:

        def __new__(cls, value: str, label: str) -> LabeledEnum:
            member = str.__new__(cls, value)
            member._value_ = value
            member._label = label
            return member

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class SchoolKind(LabeledEnum):
    PO = ("PO", "Primair onderwijs")
    SO = ("SO", "Speciaal onderwijs")
    VO = ("VO", "Voortgezet onderwijs")
    VSO = ("VSO", "Voortgezet speciaal onderwijs")
    ISK = ("ISK", "Internationale schakelklas")
    PRO = ("PrO", "Praktijkonderwijs")
    MBO = ("MBO", "Middelbaar beroepsonderwijs")


class Gender(LabeledEnum):
    MALE = ("male", "Man")
    FEMALE = ("female", "Vrouw")
    OTHER = ("other", "Anders")
    UNKNOWN = ("unknown", "Onbekend")


class GuardianRelation(LabeledEnum):
    MOTHER = ("mother", "Moeder")
    FATHER = ("father", "Vader")
    PARENT = ("parent", "Ouder")
    GUARDIAN = ("guardian", "Voogd")
    FOSTER_PARENT = ("foster_parent", "Pleegouder")
    CARER = ("carer", "Verzorger")
    OTHER = ("other", "Anders")


class UserRole(LabeledEnum):
    CONSULTANT = ("consultant", "Consulent")
    ADMINISTRATOR = ("administrator", "Administratief medewerker")
    TEAM_LEAD = ("team_lead", "Teamleider")
    SYSTEM_ADMINISTRATOR = ("system_administrator", "Functioneel beheerder")


class AbsenceKind(LabeledEnum):
    """Kind of a verzuimmelding as the school suspects it (Besluit Verzuimmelding)."""

    SIXTEEN_HOURS = ("sixteen_hours", "16 uur in 4 lesweken")
    LONG_TERM = ("long_term", "1 maand of langer")
    LUXURY = ("luxury", "Luxe verzuim")
    BEGINNING = ("beginning", "Beginnend verzuim")
    SIGNAL = ("signal", "Signaalverzuim")
    OTHER = ("other", "Overig verzuim")
    OVER_18 = ("over_18", "Verzuim 18+")


class ReportSource(LabeledEnum):
    DUO = ("duo", "DUO-verzuimregister")
    IMPORT = ("import", "Import")
    MANUAL = ("manual", "Handmatig ingevoerd")


class DuoStatus(LabeledEnum):
    """Status fed back to DUO on a verzuimmelding."""

    IN_PROGRESS = ("in_progress", "In behandeling")
    CLOSED = ("closed", "Afgesloten")
    NOTED = ("noted", "Ter kennisneming aangenomen")


class DuoCloseReason(LabeledEnum):
    BACK_TO_SCHOOL = ("back_to_school", "Terug naar school")
    OTHER_EDUCATION = ("other_education", "Andere opleiding")
    WORK = ("work", "Werk")
    OTHER = ("other", "Overige redenen")
    DECEASED = ("deceased", "Overleden")
    LONG_TERM_ILL = ("long_term_ill", "Langdurig ziek")
    LEGITIMATELY_ABSENT = ("legitimately_absent", "Legitiem afwezig")


class DuoExplanation(LabeledEnum):
    PUPIL_SEEN = ("pupil_seen", "Leerling gezien")
    ACTION_ONGOING = ("action_ongoing", "Actie loopt")
    NO_FURTHER_ACTION = ("no_further_action", "Geen actie meer")


class CaseKind(LabeledEnum):
    RELATIVE = ("relative", "Relatief verzuim")
    ABSOLUTE = ("absolute", "Absoluut verzuim")
    OVER_18 = ("over_18", "Verzuim 18+")
    HOME_SITTER = ("home_sitter", "Thuiszitter")
    DROPOUT = ("dropout", "Voortijdig schoolverlaten")


class CaseStatus(LabeledEnum):
    OPEN = ("open", "Open")
    CLOSED = ("closed", "Gesloten")


class CasePhase(LabeledEnum):
    """Phases of the Methodische Aanpak Schoolverzuim (MAS)."""

    OBSERVE = ("observe", "Waarnemen")
    ANALYSE = ("analyse", "Analyseren")
    PLAN = ("plan", "Plannen")
    ACT = ("act", "Handelen")
    EVALUATE = ("evaluate", "Evalueren")


class CaseRoute(LabeledEnum):
    """MAS routes; deviating from the usual one needs a recorded motivation ('pas toe of leg uit')."""

    CARE = ("care", "Vrijwillige (jeugd)hulp")
    HALT = ("halt", "Halt")
    CIVIL = ("civil", "Civiel kader")
    CRIMINAL = ("criminal", "Strafrecht")


class CaseCloseReason(LabeledEnum):
    BACK_TO_SCHOOL = ("back_to_school", "Terug naar school")
    ATTENDANCE_RESTORED = ("attendance_restored", "Verzuim gestopt")
    OTHER_EDUCATION = ("other_education", "Andere opleiding")
    WORK = ("work", "Werk")
    EXEMPTION = ("exemption", "Vrijstelling")
    QUALIFIED = ("qualified", "Startkwalificatie behaald")
    TURNED_18 = ("turned_18", "18 jaar geworden")
    TURNED_23 = ("turned_23", "Buiten de doelgroep (leeftijd)")
    MOVED = ("moved", "Verhuisd")
    LEGITIMATELY_ABSENT = ("legitimately_absent", "Legitiem afwezig")
    REFERRED = ("referred", "Overgedragen aan hulpverlening")
    OFFICIAL_REPORT = ("official_report", "Afgedaan met proces-verbaal")
    NOT_REACHABLE = ("not_reachable", "Niet bereikbaar")
    DECEASED = ("deceased", "Overleden")
    OTHER = ("other", "Overige reden")


class JournalKind(LabeledEnum):
    NOTE = ("note", "Notitie")
    CONTACT = ("contact", "Contact")
    CONVERSATION = ("conversation", "Gesprek")
    PHONE_CALL = ("phone_call", "Telefoongesprek")
    EMAIL = ("email", "E-mail")
    LETTER = ("letter", "Brief")
    HOME_VISIT = ("home_visit", "Huisbezoek")
    SCHOOL_VISIT = ("school_visit", "Schoolbezoek")
    PHASE_CHANGE = ("phase_change", "Fasewijziging")
    ROUTE_CHANGE = ("route_change", "Routewijziging")
    STATUS_CHANGE = ("status_change", "Statuswijziging")
    ASSIGNMENT = ("assignment", "Toewijzing")


class AppointmentKind(LabeledEnum):
    APPOINTMENT = ("appointment", "Afspraak")
    HEARING = ("hearing", "Gesprek (art. 22)")
    AGREEMENT = ("agreement", "Afspraak met termijn")
    FOLLOW_UP = ("follow_up", "Opvolging")
    DECISION_DUE = ("decision_due", "Beslistermijn")
    RENEWAL = ("renewal", "Verlenging vrijstelling")
    OBJECTION = ("objection", "Bezwaartermijn")


class InterventionKind(LabeledEnum):
    WARNING = ("warning", "Waarschuwing")
    HELP_REFERRAL = ("help_referral", "Verwijzing naar hulpverlening")
    HALT = ("halt", "Halt-verwijzing")
    OFFICIAL_REPORT = ("official_report", "Proces-verbaal")
    CHILD_PROTECTION = ("child_protection", "Melding Raad voor de Kinderbescherming")
    SVB = ("svb", "Melding SVB")


class InterventionOutcome(LabeledEnum):
    PENDING = ("pending", "Loopt nog")
    COMPLETED = ("completed", "Positief afgerond")
    FAILED = ("failed", "Negatief afgerond")
    DECLINED = ("declined", "Geweigerd")
    WITHDRAWN = ("withdrawn", "Ingetrokken")


class OmOutcome(LabeledEnum):
    """Outcome of a proces-verbaal at the Openbaar Ministerie or the court."""

    PENDING = ("pending", "In behandeling bij het OM")
    DISMISSED = ("dismissed", "Sepot")
    PENALTY_ORDER = ("penalty_order", "Strafbeschikking")
    SETTLEMENT = ("settlement", "Transactie")
    FINE = ("fine", "Geldboete (rechter)")
    COMMUNITY_SERVICE = ("community_service", "Taakstraf")
    CONDITIONAL = ("conditional", "Voorwaardelijke straf")
    ACQUITTAL = ("acquittal", "Vrijspraak")
    OTHER = ("other", "Anders")


class ReportSuspect(LabeledEnum):
    PARENTS = ("parents", "Ouders")
    PUPIL = ("pupil", "Jongere")
    BOTH = ("both", "Ouders en jongere")


class ExemptionArticle(LabeledEnum):
    """Exemptions and substitute programmes by article of the Leerplichtwet 1969.

    'art. 5 onder a' (stored as '5a', a stored value kept for compatibility) and 'art. 5a' (travelling
    families, stored as '5a_travel') are different exemptions: the labels always name them in full.
    """

    ART_5A = ("5a", "Art. 5 onder a (lichamelijk of psychisch ongeschikt)")
    ART_5B = ("5b", "Art. 5 onder b (bedenkingen tegen de richting)")
    ART_5C = ("5c", "Art. 5 onder c (school in het buitenland)")
    ART_5A_TRAVEL = ("5a_travel", "Art. 5a (trekkende bestaanswijze)")
    ART_15 = ("15", "Art. 15 (vrijstelling kwalificatieplicht)")
    ART_3A = ("3a", "Art. 3a (vervangende leerplicht)")
    ART_3B = ("3b", "Art. 3b (vervangende leerplicht mbo)")
    ART_11G = ("11g", "Art. 11 onder g en 14 (gewichtige omstandigheden)")

    @property
    def renewed_each_year(self) -> bool:
        """Art. 6: exemptions under art. 5 onder a, b and c are notified again before 1 July each year."""
        return self in (ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C)

    @property
    def is_substitute_programme(self) -> bool:
        """Art. 3a and 3b are vervangende leerplicht rather than an exemption."""
        return self in (ExemptionArticle.ART_3A, ExemptionArticle.ART_3B)

    @property
    def is_notification(self) -> bool:
        """Art. 5 (onder a, b, c) and art. 5a work by a kennisgeving of the parents: the exemption follows from
        the law when the kennisgeving meets its requirements, and is confirmed, not granted (art. 6; ABRvS 26
        July 2006, ECLI:NL:RVS:2006:AY5094). The others are requests the college decides on."""
        return self in (
            ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C, ExemptionArticle.ART_5A_TRAVEL,
        )


class Decision(LabeledEnum):
    """The outcome of a request (granted/refused) or of a kennisgeving (confirmed/incomplete), and for both:
    withdrawn by the parents, or inadmissible (buiten behandeling, Awb 4:5, or niet-ontvankelijk)."""

    GRANTED = ("granted", "Toegekend")
    REFUSED = ("refused", "Afgewezen")
    CONFIRMED = ("confirmed", "Kennisgeving bevestigd")
    INCOMPLETE = ("incomplete", "Kennisgeving onvolledig of ongeldig")
    WITHDRAWN = ("withdrawn", "Ingetrokken")
    INADMISSIBLE = ("inadmissible", "Buiten behandeling / niet-ontvankelijk")

    @property
    def exempts(self) -> bool:
        """Whether the pupil is exempt after this outcome ('toegekend' in the statistics)."""
        return self in (Decision.GRANTED, Decision.CONFIRMED)


class StatementBy(LabeledEnum):
    """Who made the statement for art. 5 onder a (Lpw art. 7 lid 1); stored values kept, 'pedagogue' is the
    orthopedagoog-generalist the law names."""

    DOCTOR = ("doctor", "Arts")
    PSYCHOLOGIST = ("psychologist", "Psycholoog")
    PEDAGOGUE = ("pedagogue", "Orthopedagoog-generalist")


class TravellingOccupation(LabeledEnum):
    """The travelling way of life of the Besluit vrijstelling leerplicht trekkende bevolking (Lpw art. 5a)."""

    FAIRGROUND = ("fairground", "Kermisexploitant")
    CIRCUS = ("circus", "Circusmedewerker")


class LeaveKind(LabeledEnum):
    HOLIDAY = ("holiday", "Vakantieverlof (art. 11f)")
    IMPORTANT_CIRCUMSTANCES = ("important_circumstances", "Gewichtige omstandigheden (art. 11g)")


class HolidayRegion(LabeledEnum):
    """The three regions over which the school holidays are spread (noord, midden, zuid)."""

    NORTH = ("noord", "Regio noord")
    MIDDLE = ("midden", "Regio midden")
    SOUTH = ("zuid", "Regio zuid")


class LeaveDecider(LabeledEnum):
    HEAD_TEACHER = ("head_teacher", "Directeur van de school")
    ATTENDANCE_OFFICER = ("attendance_officer", "Leerplichtambtenaar")


class HomeSitterEndReason(LabeledEnum):
    RESOLVED = ("resolved", "Opgelost")
    TURNED_18 = ("turned_18", "18 jaar geworden")
    MOVED = ("moved", "Verhuisd")
    OTHER = ("other", "Anders")


class VsvKind(LabeledEnum):
    NEW = ("new", "Nieuwe vsv'er")
    OLD = ("old", "Oud-vsv'er")


class DropoutOutcome(LabeledEnum):
    BACK_TO_SCHOOL = ("back_to_school", "Terug naar onderwijs")
    REGULAR_WORK = ("regular_work", "Regulier werk")
    BBL = ("bbl", "BBL")
    OTHER_ROUTE = ("other_route", "Ander traject")


class TransferStatus(LabeledEnum):
    """Where a VO leaver stands on the way to the MBO."""

    REGISTERED = ("registered", "Aangemeld")
    ENROLLED = ("enrolled", "Ingeschreven")
    NOT_REGISTERED = ("not_registered", "Niet aangemeld")
    DROPPED_OUT = ("dropped_out", "Uitgevallen")
    OTHER = ("other", "Anders")
