"""Who and where: gemeenten, schools, pupils with their addresses, guardians and enrolments, and users."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from desktop.models.base import Base, SyncedMixin
from desktop.models.constraints import (
    bsn_check,
    digits_sql,
    enum_type,
    period_check,
    validates_period,
)
from desktop.models.entities import (
    ADMINISTRATOR,
    CONSULTANT,
    SYSTEM_ADMINISTRATOR,
    RetentionClass,
    ScopeClass,
    entity,
)
from desktop.models.enums import Gender, GuardianRelation, SchoolKind, UserRole
from desktop.models.errors import DomainError
from desktop.models.law import is_valid_bsn

# A CBS gemeentecode is 'GM' followed by four digits.
CBS_CODE_LENGTH = 6


class AddressMixin:
    """Dutch postal address fields."""

    street: Mapped[str | None] = mapped_column(String(120))
    house_number: Mapped[str | None] = mapped_column(String(16))  # '12', '12a', '12-3 bis'
    postal_code: Mapped[str | None] = mapped_column(String(7))  # '3311 AB'
    city: Mapped[str | None] = mapped_column(String(80))


@entity(
    label="Gemeente", plural="Gemeenten", interchange="municipality", scope=ScopeClass.REFERENCE,
    writers=frozenset({SYSTEM_ADMINISTRATOR}), retention=RetentionClass.NONE,
    fields={"cbs_code": "CBS-code", "in_region": "In de regio"},
)
class Municipality(SyncedMixin, Base):
    """A gemeente, by CBS code; the region's own ten have ``in_region`` set."""

    __tablename__ = "municipalities"

    cbs_code: Mapped[str] = mapped_column(String(CBS_CODE_LENGTH), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    in_region: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        sa.CheckConstraint("substr(cbs_code, 1, 2) = 'GM' AND length(cbs_code) = 6", name="cbs_code_format"),
    )


@entity(
    label="School", plural="Scholen", interchange="school", scope=ScopeClass.REFERENCE,
    writers=frozenset({SYSTEM_ADMINISTRATOR}), retention=RetentionClass.NONE,
    fields={
        "brin": "BRIN", "location": "Vestiging", "kind": "Onderwijssoort", "denomination": "Denominatie",
        "contact_name": "Contactpersoon",
    },
)
class School(AddressMixin, SyncedMixin, Base):
    """A school location: BRIN number (4 characters) plus vestigingsnummer (2 characters)."""

    __tablename__ = "schools"

    brin: Mapped[str] = mapped_column(String(4), index=True)
    location: Mapped[str] = mapped_column(String(2), default="00")
    name: Mapped[str] = mapped_column(String(160), index=True)
    kind: Mapped[SchoolKind] = mapped_column(enum_type(SchoolKind, "kind"))
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)
    denomination: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        UniqueConstraint("brin", "location", name="uq_schools_brin_location"),
        sa.CheckConstraint("length(brin) = 4 AND length(location) = 2", name="brin_format"),
    )


@entity(
    label="Leerling", plural="Leerlingen", interchange="person", scope=ScopeClass.PERSON,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}),
    retention_fields=frozenset({"birth_date", "qualified_on"}),
    fields={
        "bsn": "BSN", "education_number": "Onderwijsnummer", "call_name": "Roepnaam",
        "birth_date": "Geboortedatum", "birth_place": "Geboorteplaats", "qualified_on": "Startkwalificatie op",
        "qualification_exempt": "Geen kwalificatieplicht", "deceased_on": "Overleden op", "notes": "Notities",
    },
)
class Person(AddressMixin, SyncedMixin, Base):
    """A leerling or jongere: identified by BSN (11-proef) or, without one, an onderwijsnummer."""

    __tablename__ = "persons"

    bsn: Mapped[str | None] = mapped_column(String(9), unique=True)
    education_number: Mapped[str | None] = mapped_column(String(9), unique=True)
    first_names: Mapped[str] = mapped_column(String(120))
    call_name: Mapped[str | None] = mapped_column(String(60))
    prefix: Mapped[str | None] = mapped_column(String(20))  # tussenvoegsel: 'van', 'de', 'van der'
    last_name: Mapped[str] = mapped_column(String(120), index=True)
    birth_date: Mapped[date] = mapped_column(Date, index=True)
    # Geboorteplaats: a proces-verbaal identifies a suspect by it (Sv art. 27a lid 1).
    birth_place: Mapped[str | None] = mapped_column(String(80))
    gender: Mapped[Gender] = mapped_column(enum_type(Gender, "gender"), default=Gender.UNKNOWN)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    qualified_on: Mapped[date | None] = mapped_column(Date)  # startkwalificatie obtained
    # Praktijkonderwijs certificate or VSO profile arbeidsmarkt/dagbesteding: no kwalificatieplicht (4a lid 2).
    qualification_exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    deceased_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        bsn_check("bsn"),
        sa.CheckConstraint(
            f"education_number IS NULL OR ({digits_sql('education_number', 9)})",
            name="education_number_format",
        ),
        sa.CheckConstraint("bsn IS NOT NULL OR education_number IS NOT NULL", name="has_identifier"),
        Index("ix_persons_name_birth", "last_name", "first_names", "birth_date"),
    )

    @validates("bsn")
    def _validate_bsn(self, _key: str, value: str | None) -> str | None:
        if value is None:
            return None
        # Stored as nine digits: written forms with spaces or dots, or without the leading zero, normalised.
        digits = value.strip().replace(" ", "").replace(".", "")
        if len(digits) == 8:
            digits = "0" + digits
        if not is_valid_bsn(digits):
            raise DomainError("Het BSN is ongeldig: het voldoet niet aan de 11-proef.")
        return digits

    @validates("education_number")
    def _validate_education_number(self, _key: str, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if len(value) != 9 or not value.isascii() or not value.isdigit():
            raise DomainError("Het onderwijsnummer moet uit negen cijfers bestaan.")
        return value

    def check_identifier(self) -> None:
        """A person needs a BSN or an onderwijsnummer (checked at flush: both are set one by one)."""
        if not self.bsn and not self.education_number:
            raise DomainError("Vul een BSN of een onderwijsnummer in.")

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_names, self.prefix, self.last_name) if part)


@entity(
    label="Adres", plural="Adressen", interchange="address", scope=ScopeClass.PERSON_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(1, "from_date"),
    fields={"from_date": "Vanaf", "to_date": "Tot en met"},
)
class AddressHistory(AddressMixin, SyncedMixin, Base):
    """A previous or current address with its woongemeente and period."""

    __tablename__ = "address_history"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH))

    __table_args__ = (period_check("from_date", "to_date"),)

    _check_period = validates_period("from_date", "to_date")


@entity(
    label="Ouder of verzorger", plural="Ouders en verzorgers", interchange="guardian",
    scope=ScopeClass.PERSON_CHILD, writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(2, "last_name"),
    fields={
        "relation": "Relatie", "has_authority": "Met gezag", "initials": "Voorletters",
        "birth_date": "Geboortedatum", "birth_place": "Geboorteplaats", "receives_mail": "Ontvangt post",
    },
)
class Guardian(AddressMixin, SyncedMixin, Base):
    """Ouder or verzorger of a person, with or without parental authority (gezag)."""

    __tablename__ = "guardians"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    relation: Mapped[GuardianRelation] = mapped_column(enum_type(GuardianRelation, "relation"))
    has_authority: Mapped[bool] = mapped_column(Boolean, default=True)
    first_names: Mapped[str | None] = mapped_column(String(120))
    initials: Mapped[str | None] = mapped_column(String(20))
    prefix: Mapped[str | None] = mapped_column(String(20))
    last_name: Mapped[str] = mapped_column(String(120))
    # Date and place of birth identify a parent who is a suspect in a proces-verbaal (Sv art. 27a lid 1).
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_place: Mapped[str | None] = mapped_column(String(80))
    gender: Mapped[Gender] = mapped_column(enum_type(Gender, "gender"), default=Gender.UNKNOWN)
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    receives_mail: Mapped[bool] = mapped_column(Boolean, default=True)


@entity(
    label="Inschrijving", plural="Inschrijvingen", interchange="enrollment", scope=ScopeClass.PERSON_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(3, "start_date"),
    fields={"level": "Niveau", "grade": "Leerjaar"},
)
class Enrollment(SyncedMixin, Base):
    """Inschrijving of a person at a school location for a period."""

    __tablename__ = "enrollments"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    level: Mapped[str | None] = mapped_column(String(40))  # 'groep 6', 'vmbo-b', 'havo', 'mbo-2 BOL'
    grade: Mapped[int | None] = mapped_column(Integer)  # leerjaar

    __table_args__ = (period_check("start_date", "end_date"),)

    _check_period = validates_period("start_date", "end_date")


@entity(
    label="Gebruiker", plural="Gebruikers", interchange="user", scope=ScopeClass.REFERENCE,
    writers=frozenset(), server_managed=True, retention=RetentionClass.NONE,
    fields={
        "username": "Gebruikersnaam", "display_name": "Naam", "role": "Rol", "municipality_codes": "Gemeenten",
        "job_title": "Functie", "leerplichtambtenaar": "Aangewezen leerplichtambtenaar",
        "boa_number": "Boa-registratienummer",
    },
)
class User(SyncedMixin, Base):
    """Someone who works with Vangnet, with a role and the gemeenten he or she works for."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[UserRole] = mapped_column(enum_type(UserRole, "role"))
    municipality_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    job_title: Mapped[str | None] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Designated by burgemeester en wethouders to supervise compliance with the Leerplichtwet (art. 16).
    leerplichtambtenaar: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa.false())
    #: Registration number as buitengewoon opsporingsambtenaar (Sv art. 142); empty for who is none.
    boa_number: Mapped[str | None] = mapped_column(String(30))

    @validates("municipality_codes")
    def _validate_codes(self, _key: str, value: Any) -> list[str]:
        codes = list(value or [])
        if any(not isinstance(code, str) or len(code) != CBS_CODE_LENGTH for code in codes):
            raise DomainError("Gemeenten worden aangeduid met hun CBS-code, bijvoorbeeld GM0505.")
        return codes
