"""Who may sign what on behalf of burgemeester en wethouders (the college): the mandate rules.

Every act Vangnet puts on paper is an act of the college, done by a medewerker in mandate. The law sets a
floor that no region can lower:

- A decision on an exemption and on leave over 10 school days is taken by the leerplichtambtenaar, the
  ambtenaar whom burgemeester en wethouders designated to supervise compliance (Leerplichtwet 1969 art. 16;
  for leave over 10 school days art. 14 lid 3).
- A proces-verbaal is drawn up only by an opsporingsambtenaar (Sv art. 152); a leerplichtambtenaar is one
  as buitengewoon opsporingsambtenaar (boa) with a registration number (Sv art. 142).
- An administratief medewerker prepares and prints, but signs nothing on behalf of the college.

Above that floor the region decides which roles sign which act (``MandateRules``): the rules are region
data that the server publishes as synced reference records (table ``mandate_rules``, one record per act);
where the region set none, the lawful defaults of ``MandateRules.default()`` apply.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, SyncedMixin
from desktop.models.entities import RetentionClass, ScopeClass, entity
from desktop.models.enums import LabeledEnum, UserRole
from desktop.models.errors import DomainError
from desktop.models.registry import User

# Every device and every server names the record of one act by the same id.
MANDATE_NAMESPACE = uuid.UUID("0c3f9a52-7d1e-4b86-9f20-6a4e8d1b3c57")
#: A boa's registration number as Justis issues it: letters and digits, at most 30 characters.
BOA_NUMBER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .\-/]{2,29}$")


class SigningAct(LabeledEnum):
    """An act a medewerker signs on behalf of the college."""

    EXEMPTION_DECISION = ("exemption_decision", "besluit op een vrijstelling")
    LEAVE_DECISION_OVER_10_DAYS = ("leave_decision_over_10_days", "besluit op verlof van meer dan 10 schooldagen")
    LEAVE_DECISION = ("leave_decision", "besluit op verlof")
    PROCES_VERBAAL = ("proces_verbaal", "proces-verbaal")
    OFFICIAL_REPORT = ("official_report", "verwijzing of melding (Halt, Raad voor de Kinderbescherming, SVB)")
    LETTER = ("letter", "brief")


#: The legal basis named in a refusal, per act.
ACT_BASIS: Mapping[SigningAct, str] = {
    SigningAct.EXEMPTION_DECISION: "Leerplichtwet art. 16",
    SigningAct.LEAVE_DECISION_OVER_10_DAYS: "Leerplichtwet art. 14 lid 3 en art. 16",
    SigningAct.LEAVE_DECISION: "Leerplichtwet art. 14 en art. 16",
    SigningAct.PROCES_VERBAAL: "Wetboek van Strafvordering art. 142 en 152",
    SigningAct.OFFICIAL_REPORT: "Leerplichtwet art. 16 en 22",
    SigningAct.LETTER: "Leerplichtwet art. 16",
}

#: The designation as leerplichtambtenaar by burgemeester en wethouders, and the opsporingsbevoegdheid of a boa.
DESIGNATION_BASIS = "Leerplichtwet art. 16"
BOA_BASIS = "Wetboek van Strafvordering art. 142 en 152"

#: The roles that may ever sign on behalf of the college: never an administratief medewerker or a
#: functioneel beheerder, whose work is to prepare, print and keep the system.
SIGNING_ROLES: frozenset[UserRole] = frozenset({UserRole.CONSULTANT, UserRole.TEAM_LEAD})
#: Acts the law reserves to the designated leerplichtambtenaar (Lpw art. 16, art. 14 lid 3).
LEGALLY_DESIGNATED: frozenset[SigningAct] = frozenset(
    {SigningAct.EXEMPTION_DECISION, SigningAct.LEAVE_DECISION_OVER_10_DAYS}
)
#: Acts only an opsporingsambtenaar may do (Sv art. 142, 152).
LEGALLY_BOA: frozenset[SigningAct] = frozenset({SigningAct.PROCES_VERBAAL})


@dataclass(frozen=True)
class ActMandate:
    """Who signs one act: the roles, and whether the signer must be designated leerplichtambtenaar and/or
    hold a boa registration number."""

    roles: frozenset[UserRole]
    requires_designation: bool = False
    requires_boa: bool = False


_DEFAULTS: Mapping[SigningAct, ActMandate] = {
    SigningAct.EXEMPTION_DECISION: ActMandate(SIGNING_ROLES, requires_designation=True),
    SigningAct.LEAVE_DECISION_OVER_10_DAYS: ActMandate(SIGNING_ROLES, requires_designation=True),
    SigningAct.LEAVE_DECISION: ActMandate(SIGNING_ROLES),
    SigningAct.PROCES_VERBAAL: ActMandate(SIGNING_ROLES, requires_designation=True, requires_boa=True),
    SigningAct.OFFICIAL_REPORT: ActMandate(SIGNING_ROLES, requires_designation=True),
    SigningAct.LETTER: ActMandate(SIGNING_ROLES),
}


def floor_problem(act: SigningAct, mandate: ActMandate) -> str | None:
    """Why a region's rule for ``act`` falls below what the law requires (Dutch), or None when it is lawful."""
    below = sorted(role.label.lower() for role in mandate.roles - SIGNING_ROLES)
    if below:
        return f"Een {' of '.join(below)} ondertekent niets namens het college; kies consulent of teamleider."
    if not mandate.roles:
        return f"Geen enkele rol mag dan een {act.label} ondertekenen; kies ten minste één rol."
    if act in LEGALLY_DESIGNATED and not mandate.requires_designation:
        return (
            f"Een {act.label} neemt alleen de aangewezen leerplichtambtenaar ({ACT_BASIS[act]}); "
            "die eis kan niet vervallen."
        )
    if act in LEGALLY_BOA and not mandate.requires_boa:
        return (
            f"Een {act.label} maakt alleen een opsporingsambtenaar op ({ACT_BASIS[act]}); die eis kan niet vervallen."
        )
    return None


@dataclass(frozen=True)
class MandateRules:
    """The region's mandate: for each act who signs it. Acts the region set nothing for keep the default."""

    acts: Mapping[SigningAct, ActMandate] = field(default_factory=lambda: dict(_DEFAULTS))

    @classmethod
    def default(cls) -> MandateRules:
        """The lawful defaults: decisions on exemptions and long leave by the designated leerplichtambtenaar,
        a proces-verbaal by a boa, official reports by the leerplichtambtenaar, other letters by a consulent
        or teamleider."""
        return cls(dict(_DEFAULTS))

    def for_act(self, act: SigningAct) -> ActMandate:
        return self.acts.get(act, _DEFAULTS[act])

    @classmethod
    def from_documents(cls, documents: Iterable[Mapping[str, Any]]) -> MandateRules:
        """The rules from mandate_rules records; an unknown act, role or an unlawful rule is left out (the
        default stays), so that a bad record never loosens what the law requires."""
        acts = dict(_DEFAULTS)
        for document in documents:
            try:
                act, mandate = mandate_from_document(document)
            except DomainError:
                continue
            acts[act] = mandate
        return cls(acts)


def mandate_from_document(document: Mapping[str, Any]) -> tuple[SigningAct, ActMandate]:
    """One act's rule from its record; raises DomainError (Dutch) when it is not a lawful rule."""
    try:
        act = SigningAct(str(document.get("act")))
    except ValueError:
        raise DomainError(f"Onbekende handeling: {document.get('act')!r}.") from None
    roles_raw = document.get("roles") or []
    if not isinstance(roles_raw, list):
        raise DomainError("De rollen van een mandaatregel zijn een lijst.")
    try:
        roles = frozenset(UserRole(str(value)) for value in roles_raw)
    except ValueError:
        raise DomainError(f"Onbekende rol in de mandaatregel voor {act.label}.") from None
    mandate = ActMandate(
        roles, bool(document.get("requires_designation")), bool(document.get("requires_boa"))
    )
    problem = floor_problem(act, mandate)
    if problem is not None:
        raise DomainError(problem)
    return act, mandate


def mandate_document(act: SigningAct, mandate: ActMandate) -> dict[str, Any]:
    """The record of one act's rule (without its id)."""
    return {
        "act": act.value,
        "roles": sorted(role.value for role in mandate.roles),
        "requires_designation": mandate.requires_designation,
        "requires_boa": mandate.requires_boa,
    }


def mandate_rule_id(act: SigningAct | str) -> str:
    """The record id of one act's rule, the same on every device and server."""
    return str(uuid.uuid5(MANDATE_NAMESPACE, f"mandaat:{SigningAct(act).value}"))


@dataclass(frozen=True)
class Signer:
    """The medewerker who signs, as the users record knows him or her."""

    user_id: str | None
    display_name: str
    role: UserRole
    leerplichtambtenaar: bool
    boa_number: str | None


def boa_number_problem(value: str | None) -> str | None:
    """Why ``value`` is not a boa registration number (Dutch), or None when it is one or empty."""
    if value is None or not value.strip():
        return None
    if not BOA_NUMBER_PATTERN.match(value.strip()):
        return "Een boa-registratienummer bestaat uit 3 tot 30 letters en cijfers."
    return None


def _name(signer: Signer) -> str:
    return signer.display_name or "Deze medewerker"


def signing_refusal(act: SigningAct, signer: Signer, rules: MandateRules | None = None) -> str | None:
    """None when ``signer`` may sign ``act`` on behalf of the college, else one Dutch sentence citing the rule.

    The mandate of the region (``rules``, the lawful defaults without them) names the roles and whether the
    signer must be the designated leerplichtambtenaar (Lpw art. 16) and/or a boa (Sv art. 142).
    """
    mandate = (rules or MandateRules.default()).for_act(act)
    basis = ACT_BASIS[act]
    if signer.user_id is None:
        return (
            f"Er is geen bekende ondertekenaar: een {act.label} wordt namens het college ondertekend door een "
            f"medewerker die als gebruiker bekend is ({basis})."
        )
    if signer.role not in mandate.roles:
        allowed = " of ".join(sorted(role.label.lower() for role in mandate.roles))
        return (
            f"Een {signer.role.label.lower()} ondertekent geen {act.label} namens het college; dat doet een "
            f"{allowed} ({basis})."
        )
    if mandate.requires_boa and not (signer.boa_number or "").strip():
        return (
            f"{_name(signer)} heeft geen registratienummer als buitengewoon opsporingsambtenaar; een "
            f"{act.label} maakt alleen een opsporingsambtenaar op ({BOA_BASIS})."
        )
    if mandate.requires_designation and not signer.leerplichtambtenaar:
        designation = ACT_BASIS[act] if act in LEGALLY_DESIGNATED else DESIGNATION_BASIS
        return (
            f"{_name(signer)} is niet aangewezen als leerplichtambtenaar; een {act.label} ondertekent alleen de "
            f"door burgemeester en wethouders aangewezen leerplichtambtenaar ({designation})."
        )
    return None


def signer_from_user(user: User | None) -> Signer:
    """The signer a users record describes; without one an unknown signer (refused for every act)."""
    if user is None:
        return Signer(None, "", UserRole.CONSULTANT, False, None)
    return Signer(
        user.id, user.display_name, UserRole(user.role), bool(user.leerplichtambtenaar),
        (user.boa_number or "").strip() or None,
    )


def signer_for(session: Session, user_id: str | None) -> Signer:
    """The signer with this users id; an unknown or inactive user is an unknown signer."""
    user = session.get(User, user_id) if user_id else None
    if user is not None and (user.deleted or not user.active):
        user = None
    return signer_from_user(user)


@entity(
    label="Mandaatregel", plural="Mandaatregels", interchange="mandate_rule", scope=ScopeClass.REFERENCE,
    writers=frozenset(), server_managed=True, retention=RetentionClass.NONE,
    fields={
        "act": "Handeling", "roles": "Rollen", "requires_designation": "Alleen aangewezen leerplichtambtenaar",
        "requires_boa": "Alleen boa",
    },
)
class MandateRule(SyncedMixin, Base):
    """The region's rule for one act: who signs it on behalf of the college. Kept on the server."""

    __tablename__ = "mandate_rules"

    act: Mapped[str] = mapped_column(String(40), unique=True)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    requires_designation: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_boa: Mapped[bool] = mapped_column(Boolean, default=False)


def mandate_rules(session: Session) -> MandateRules:
    """The region's mandate rules as synced from the server, or the lawful defaults where none is set."""
    rows = session.scalars(select(MandateRule).where(MandateRule.deleted.is_(False))).all()
    return MandateRules.from_documents(
        {
            "act": row.act, "roles": row.roles, "requires_designation": row.requires_designation,
            "requires_boa": row.requires_boa,
        }
        for row in rows
    )
