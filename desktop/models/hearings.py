"""The verhoor of a suspect by the leerplichtambtenaar: caution, rights and the statement or silence, as the
consultant records it, for the proces-verbaal to quote.

A proces-verbaal quotes what the suspect said when heard as a suspect, never a note of a help conversation:
before the hearing the suspect is told that he need not answer (Wetboek van Strafvordering art. 29 lid 2, and
the proces-verbaal says so) and that he may consult a lawyer (Sv art. 27c lid 2 with art. 28 lid 1); a minor
may be accompanied by a parent, guardian or confidant (Sv art. 488ab). The Leerplichtwet 1969 makes hearing
the parents (art. 22 lid 1) and the jongere (art. 22 lid 3) part of the investigation before a proces-verbaal.
Hearings are investigation data of a boa (Wet politiegegevens), kept under the police-data term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, SyncedMixin
from desktop.models.cases import Case
from desktop.models.entities import CONSULTANT, RetentionClass, ScopeClass, entity
from desktop.models.errors import DomainError
from desktop.models.law import age_on
from desktop.models.registry import Guardian, Person

PLACE_LENGTH = 160


@entity(
    label="Verhoor", plural="Verhoren", interchange="hearing", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT}), retention=RetentionClass.POLICE_DATA,
    fields={
        "guardian_id": "Gehoorde ouder of verzorger", "held_at": "Tijdstip van het verhoor", "place": "Plaats",
        "appeared": "Verschenen", "caution_given": "Cautie gegeven",
        "legal_aid_informed": "Gewezen op recht op een advocaat",
        "minor_rights_informed": "Gewezen op begeleiding door ouder of vertrouwenspersoon",
        "accompanied_by": "Begeleid door", "lawyer": "Advocaat", "interpreter": "Tolk",
        "remains_silent": "Beroep op zwijgrecht", "statement": "Verklaring", "user_id": "Verhoord door",
    },
)
class Hearing(SyncedMixin, Base):
    """One verhoor of a suspect in a case: the jongere (``guardian_id`` empty) or one parent or guardian."""

    __tablename__ = "hearings"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    guardian_id: Mapped[str | None] = mapped_column(ForeignKey("guardians.id"))
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    held_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    place: Mapped[str] = mapped_column(String(PLACE_LENGTH))
    appeared: Mapped[bool] = mapped_column(Boolean, default=True)
    caution_given: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_aid_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    minor_rights_informed: Mapped[bool | None] = mapped_column(Boolean)
    accompanied_by: Mapped[str | None] = mapped_column(String(PLACE_LENGTH))
    lawyer: Mapped[str | None] = mapped_column(String(PLACE_LENGTH))
    interpreter: Mapped[str | None] = mapped_column(String(PLACE_LENGTH))
    remains_silent: Mapped[bool] = mapped_column(Boolean, default=False)
    statement: Mapped[str | None] = mapped_column(Text)


@dataclass(frozen=True)
class HearingFacts:
    """What a hearing record says, as the rules below read it."""

    held_on: dt.date
    appeared: bool
    caution_given: bool
    legal_aid_informed: bool
    minor_rights_informed: bool | None
    remains_silent: bool
    statement: str


def hearing_entry_problem(facts: HearingFacts, place: str, suspect_birth_date: dt.date | None,
                          today: dt.date) -> str | None:
    """Why a hearing cannot be recorded like this (Dutch), or None.

    A hearing has a date not in the future and a place. A suspect who appeared either made a statement or
    invoked the right to remain silent (Sv art. 29 lid 2); a minor on the day of the hearing is asked whether he
    was told of his right to be accompanied (Sv art. 488ab), an adult is not.
    """
    if facts.held_on > today:
        return "Een verhoor ligt niet in de toekomst: vul de datum in waarop het is afgenomen."
    if not place.strip():
        return "Vul de plaats van het verhoor in."
    if len(place.strip()) > PLACE_LENGTH:
        return f"De plaats van het verhoor is te lang (ten hoogste {PLACE_LENGTH} tekens)."
    if not facts.appeared:
        return None
    if facts.remains_silent and facts.statement.strip():
        return "Kies: de verdachte legde een verklaring af, of beriep zich op het zwijgrecht."
    if not facts.remains_silent and not facts.statement.strip():
        return "Vul de verklaring van de verdachte in, of kies dat de verdachte zich op het zwijgrecht beriep."
    minor = suspect_birth_date is not None and age_on(suspect_birth_date, facts.held_on) < 18
    if minor and facts.minor_rights_informed is None:
        return ("De verdachte was bij het verhoor minderjarig: vul in of hij is gewezen op het recht op "
                "begeleiding door een ouder of vertrouwenspersoon (Sv art. 488ab).")
    return None


def minor_then(birth_date: dt.date | None, *days: dt.date | None) -> bool:
    """Whether the suspect was under 18 on any of ``days``: the rules for minors in criminal procedure apply to
    who was a minor at the time of the facts (Sv art. 488 lid 2), and at a hearing held before the 18th
    birthday."""
    return birth_date is not None and any(day is not None and age_on(birth_date, day) < 18 for day in days)


def hearing_report_refusal(facts: HearingFacts, suspect_birth_date: dt.date | None,
                           facts_on: dt.date | None = None) -> str | None:
    """Why a proces-verbaal cannot rest on this hearing (Dutch, without the suspect's name), or None.

    The caution is given before every hearing as a suspect and the proces-verbaal records it (Sv art. 29
    lid 2); a suspect invited for a first hearing is told of the right to legal assistance (Sv art. 27c lid 2
    with art. 28 lid 1); a suspect who was a minor at the hearing or on ``facts_on``, the first day of the facts
    (Sv art. 488 lid 2), also of the right to be accompanied (Sv art. 488ab). A suspect who did not appear was
    not heard, and the proces-verbaal says so.
    """
    if not facts.appeared:
        return None
    if not facts.caution_given:
        return "is gehoord zonder cautie (Wetboek van Strafvordering art. 29 lid 2): hoor opnieuw, met cautie."
    if not facts.legal_aid_informed:
        return ("is niet gewezen op het recht op bijstand van een advocaat (Wetboek van Strafvordering art. 27c "
                "lid 2 en art. 28): hoor opnieuw.")
    if minor_then(suspect_birth_date, facts.held_on, facts_on) and not facts.minor_rights_informed:
        return ("was minderjarig (bij het verhoor of ten tijde van het feit) en is niet gewezen op het recht op "
                "begeleiding door een ouder of vertrouwenspersoon (Wetboek van Strafvordering art. 488 en 488ab): "
                "hoor opnieuw.")
    return None


def facts_of(hearing: Hearing) -> HearingFacts:
    return HearingFacts(
        held_on=hearing.held_at.date(),
        appeared=bool(hearing.appeared),
        caution_given=bool(hearing.caution_given),
        legal_aid_informed=bool(hearing.legal_aid_informed),
        minor_rights_informed=hearing.minor_rights_informed,
        remains_silent=bool(hearing.remains_silent),
        statement=hearing.statement or "",
    )


def _optional(value: str | None) -> str | None:
    text = (value or "").strip()
    if len(text) > PLACE_LENGTH:
        raise DomainError(f"Een naam bij het verhoor is te lang (ten hoogste {PLACE_LENGTH} tekens).")
    return text or None


def record_hearing(
    session: Session,
    case_id: str,
    *,
    guardian_id: str | None,
    held_at: dt.datetime,
    place: str,
    appeared: bool = True,
    caution_given: bool = False,
    legal_aid_informed: bool = False,
    minor_rights_informed: bool | None = None,
    accompanied_by: str | None = None,
    lawyer: str | None = None,
    interpreter: str | None = None,
    remains_silent: bool = False,
    statement: str | None = None,
    user_id: str | None = None,
    today: dt.date | None = None,
    given_names: str | None = None,
    birth_date: dt.date | None = None,
    birth_place: str | None = None,
) -> Hearing:
    """Record a verhoor of the jongere (``guardian_id`` None) or of one of the case's parents or guardians.

    At the hearing the verbalisant establishes who the suspect is: all given names, date and place of birth
    (Sv art. 27a lid 1, 29c). What is given here is kept on the person or guardian record, where the
    proces-verbaal reads it; a jongere's date of birth is the one of the register and is not changed here.
    Raises DomainError (Dutch) and changes nothing when the case, the suspect or the entry is not right.
    """
    today = today or dt.date.today()
    given = (given_names or "").strip()
    place_of_birth = (birth_place or "").strip()
    if len(given) > 120:
        raise DomainError("De voornamen zijn te lang (ten hoogste 120 tekens).")
    if len(place_of_birth) > 80:
        raise DomainError("De geboorteplaats is te lang (ten hoogste 80 tekens).")
    if birth_date is not None and birth_date >= today:
        raise DomainError("De geboortedatum van de verdachte ligt niet in het verleden.")
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise DomainError("Deze zaak bestaat niet (meer).")
    person = session.get_one(Person, case.person_id)
    suspect_birth: dt.date | None = person.birth_date
    guardian: Guardian | None = None
    if guardian_id is not None:
        guardian = session.get(Guardian, guardian_id)
        if guardian is None or guardian.deleted or guardian.person_id != person.id:
            raise DomainError("Deze ouder of verzorger hoort niet bij de leerling van deze zaak.")
        suspect_birth = birth_date or guardian.birth_date
    facts = HearingFacts(
        held_on=held_at.date(), appeared=appeared, caution_given=caution_given,
        legal_aid_informed=legal_aid_informed,
        minor_rights_informed=minor_rights_informed if appeared else None,
        remains_silent=remains_silent if appeared else False,
        statement=(statement or "") if appeared else "",
    )
    problem = hearing_entry_problem(facts, place, suspect_birth, today)
    if problem is not None:
        raise DomainError(problem)
    # The identification established at the hearing, on the record the proces-verbaal reads.
    if guardian is not None:
        if given and guardian.first_names != given:
            guardian.first_names = given
        if birth_date is not None and guardian.birth_date != birth_date:
            guardian.birth_date = birth_date
        if place_of_birth and guardian.birth_place != place_of_birth:
            guardian.birth_place = place_of_birth
    else:
        if given and person.first_names != given:
            person.first_names = given
        if place_of_birth and person.birth_place != place_of_birth:
            person.birth_place = place_of_birth
    hearing = Hearing(
        case_id=case.id, person_id=person.id, guardian_id=guardian_id, user_id=user_id, held_at=held_at,
        place=place.strip(), appeared=appeared, caution_given=caution_given if appeared else False,
        legal_aid_informed=legal_aid_informed, minor_rights_informed=facts.minor_rights_informed,
        accompanied_by=_optional(accompanied_by) if appeared else None,
        lawyer=_optional(lawyer) if appeared else None, interpreter=_optional(interpreter) if appeared else None,
        remains_silent=facts.remains_silent, statement=facts.statement.strip() or None,
    )
    session.add(hearing)
    session.flush()
    return hearing


def latest_hearing(session: Session, case_id: str, guardian_id: str | None) -> Hearing | None:
    """The most recent hearing in a case of the jongere (``guardian_id`` None) or of one parent."""
    stmt = select(Hearing).where(Hearing.case_id == case_id, Hearing.deleted.is_(False))
    stmt = stmt.where(Hearing.guardian_id.is_(None) if guardian_id is None else Hearing.guardian_id == guardian_id)
    return session.scalars(stmt.order_by(Hearing.held_at.desc()).limit(1)).first()
