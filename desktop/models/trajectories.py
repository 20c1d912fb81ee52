"""Longer paths of a young person: thuiszitter episodes, VSV trajectories and the VO→MBO transfer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, SyncedMixin
from desktop.models.constraints import enum_type, period_check, validates_period
from desktop.models.entities import ADMINISTRATOR, CONSULTANT, ScopeClass, entity
from desktop.models.enums import DropoutOutcome, HomeSitterEndReason, TransferStatus, VsvKind
from desktop.models.registry import CBS_CODE_LENGTH


@entity(
    label="Thuiszitterperiode", plural="Thuiszitterperioden", interchange="home_sitter_episode",
    scope=ScopeClass.CASE_CHILD, writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(11, "start_date"),
    fields={"end_reason": "Reden einde"},
)
class HomeSitterEpisode(SyncedMixin, Base):
    """A period in which an enrolled pupil is absent more than four weeks without an exemption."""

    __tablename__ = "home_sitter_episodes"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[HomeSitterEndReason | None] = mapped_column(enum_type(HomeSitterEndReason, "end_reason"))
    reason: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)

    __table_args__ = (
        period_check("start_date", "end_date"),
        Index("ix_home_sitter_episodes_period", "start_date", "end_date"),
    )

    _check_period = validates_period("start_date", "end_date")


@entity(
    label="VSV-traject", plural="Trajecten voortijdig schoolverlaten", interchange="dropout_trajectory",
    scope=ScopeClass.CASE_CHILD, writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(12, "start_date"),
    retention_fields=frozenset({"end_date", "person_id"}),
    fields={"vsv_kind": "Soort vsv", "coach_user_id": "Coach", "last_school_id": "Laatste school"},
)
class DropoutTrajectory(SyncedMixin, Base):
    """Guidance of a voortijdig schoolverlater (new or old VSV) by a coach, with the result."""

    __tablename__ = "dropout_trajectories"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    vsv_kind: Mapped[VsvKind] = mapped_column(enum_type(VsvKind, "vsv_kind"))
    coach_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    last_school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[DropoutOutcome | None] = mapped_column(enum_type(DropoutOutcome, "outcome"))
    notes: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)

    __table_args__ = (
        period_check("start_date", "end_date"),
        Index("ix_dropout_trajectories_period", "start_date", "end_date"),
    )

    _check_period = validates_period("start_date", "end_date")


@entity(
    label="Overstap", plural="Overstap vo-mbo", interchange="transfer", scope=ScopeClass.PERSON_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(13, "status_date"),
    fields={
        "brin_vo": "BRIN vo", "brin_mbo": "BRIN mbo", "status_date": "Status op", "guided": "Begeleid",
        "guided_by_user_id": "Begeleid door",
    },
)
class Transfer(SyncedMixin, Base):
    """The step from VO to MBO of a school leaver, and whether LVS guided it."""

    __tablename__ = "transfers"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    school_year: Mapped[str | None] = mapped_column(String(9), index=True)  # '2023-2024'
    brin_vo: Mapped[str | None] = mapped_column(String(4))
    brin_mbo: Mapped[str | None] = mapped_column(String(4))
    status: Mapped[TransferStatus] = mapped_column(enum_type(TransferStatus, "status"))
    status_date: Mapped[date | None] = mapped_column(Date)
    guided: Mapped[bool] = mapped_column(Boolean, default=False)
    guided_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)
