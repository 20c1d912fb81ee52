"""What a proces-verbaal for schoolverzuim charges: the offender, the duty that applied on the days of the
verzuim, and the articles of the Leerplichtwet 1969 (Lpw, BWBR0002628) that go with them.

Pure functions: the duty is read from the facts' own dates (a proces-verbaal can concern verzuim from before
the 18th birthday, or from the leerplicht years of a jongere who is kwalificatieplichtig now), never from the
age on the day the report is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.models.law import DutyStatus, age_on

#: The age from which the jongere is himself bound to attend school (Lpw art. 2 lid 3, art. 26 lid 2).
JONGERE_LIABLE_AGE = 12


class Offender(StrEnum):
    """Who a proces-verbaal is drawn up against."""

    PARENT = "parent"  # degene die het gezag uitoefent of de jongere feitelijk verzorgt (Lpw art. 2 lid 1)
    JONGERE = "jongere"


@dataclass(frozen=True)
class Charge:
    """The duty broken, the articles (as printed) and the words of the charge."""

    duty: DutyStatus
    articles: tuple[str, ...]
    wording: str  # after 'heeft de verdachte, <naam>,'; '{jongere}' stands for the jongere's name and birth

    def words(self, jongere: str) -> str:
        """The charge with the jongere named ('Sanne de Vries, geboren op 12 april 2011')."""
        return self.wording.format(jongere=jongere)


_LPW = "Leerplichtwet 1969"

_CHARGES: dict[tuple[Offender, DutyStatus], Charge] = {
    # Lpw art. 2 lid 1: the parents ensure that the leerplichtige jongere is enrolled and attends regularly;
    # art. 26 lid 1 makes not doing so an offence (art. 28: an overtreding).
    (Offender.PARENT, DutyStatus.COMPULSORY): Charge(
        DutyStatus.COMPULSORY,
        (f"artikel 2 lid 1 {_LPW}", f"artikel 26 lid 1 {_LPW}"),
        "als degene die het gezag uitoefende over de leerplichtige jongere {jongere} of zich met diens "
        "feitelijke verzorging had belast, er niet voor gezorgd dat die jongere de school waarop deze als "
        "leerling stond ingeschreven geregeld bezocht",
    ),
    # Lpw art. 4a lid 1 (the period: art. 4b): the same duty of the parents during kwalificatieplicht;
    # art. 26 lid 1 punishes not fulfilling the duties of art. 4a.
    (Offender.PARENT, DutyStatus.QUALIFICATION_DUTY): Charge(
        DutyStatus.QUALIFICATION_DUTY,
        (f"artikel 4a lid 1 {_LPW}", f"artikel 4b {_LPW}", f"artikel 26 lid 1 {_LPW}"),
        "als degene die het gezag uitoefende over de kwalificatieplichtige jongere {jongere} of zich met diens "
        "feitelijke verzorging had belast, er niet voor gezorgd dat die jongere de school of instelling waarop "
        "deze stond ingeschreven geregeld bezocht",
    ),
    # Lpw art. 2 lid 3: the leerplichtige jongere of 12 or older attends the school himself; art. 26 lid 2.
    (Offender.JONGERE, DutyStatus.COMPULSORY): Charge(
        DutyStatus.COMPULSORY,
        (f"artikel 2 lid 3 {_LPW}", f"artikel 26 lid 2 {_LPW}"),
        "als leerplichtige jongere die de leeftijd van 12 jaren had bereikt, de school waarop hij of zij als "
        "leerling stond ingeschreven niet geregeld bezocht",
    ),
    # Lpw art. 4c: the kwalificatieplichtige jongere follows the full programme and attends as long as no
    # lesson or practical time is missed other than on a ground of art. 11; art. 26 lid 2.
    (Offender.JONGERE, DutyStatus.QUALIFICATION_DUTY): Charge(
        DutyStatus.QUALIFICATION_DUTY,
        (f"artikel 4c lid 1 en 2 {_LPW}", f"artikel 26 lid 2 {_LPW}"),
        "als kwalificatieplichtige jongere het volledige onderwijsprogramma van de school of instelling waarop "
        "hij of zij stond ingeschreven niet geregeld gevolgd",
    ),
}

CHARGEABLE_DUTIES = frozenset({DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY})


def charge_for(offender: Offender, duty: DutyStatus) -> Charge | None:
    """The charge against ``offender`` for verzuim under ``duty``; None when the duty is not punishable.

    Leerplicht: parents art. 2 lid 1 with art. 26 lid 1, the jongere (12+) art. 2 lid 3 with art. 26 lid 2.
    Kwalificatieplicht: parents art. 4a lid 1 (period art. 4b) with art. 26 lid 1, the jongere art. 4c with
    art. 26 lid 2. Outside both duties (before leerplicht, 18+, with a startkwalificatie) nothing is punishable.
    """
    return _CHARGES.get((offender, duty))


def jongere_liable_on(birth_date: date, on: date) -> bool:
    """Whether the jongere is himself bound to attend on ``on``: 12 or older (Lpw art. 2 lid 3)."""
    return age_on(birth_date, on) >= JONGERE_LIABLE_AGE


def offence_counts(offender: Offender, duty: DutyStatus, birth_date: date, start: date) -> bool:
    """Whether verzuim from ``start`` under ``duty`` can be charged against ``offender``.

    It can when the jongere was leerplichtig or kwalificatieplichtig then; against the jongere himself only
    when he had reached 12 on that day (Lpw art. 2 lid 3, art. 26 lid 2).
    """
    if duty not in CHARGEABLE_DUTIES:
        return False
    return offender is Offender.PARENT or jongere_liable_on(birth_date, start)


def charges_for(offender: Offender, duties: Iterable[DutyStatus]) -> list[Charge]:
    """The charges for verzuim under each of ``duties`` (leerplicht first), each once."""
    wanted = set(duties)
    order = (DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY)
    return [charge for duty in order if duty in wanted and (charge := charge_for(offender, duty)) is not None]
