"""The domain model of Vangnet: every synchronised entity, importable from one place."""

from __future__ import annotations

from desktop.models.base import Base, SyncedMixin, new_id
from desktop.models.cases import AbsenceReport, Appointment, Case, Intervention, JournalEntry
from desktop.models.errors import DomainError
from desktop.models.exemptions import Exemption, LeaveRequest
from desktop.models.hearings import Hearing
from desktop.models.mandate import MandateRule
from desktop.models.records import DocumentRecord
from desktop.models.registry import (
    AddressHistory,
    Enrollment,
    Guardian,
    Municipality,
    Person,
    School,
    User,
)
from desktop.models.school_calendar import SchoolHoliday
from desktop.models.trajectories import DropoutTrajectory, HomeSitterEpisode, Transfer

# Aliases for the names the domain guide uses for the same records.
Deadline = Appointment

__all__ = [
    "AbsenceReport",
    "AddressHistory",
    "Appointment",
    "Base",
    "Case",
    "Deadline",
    "DocumentRecord",
    "DomainError",
    "DropoutTrajectory",
    "Enrollment",
    "Exemption",
    "Guardian",
    "Hearing",
    "HomeSitterEpisode",
    "Intervention",
    "JournalEntry",
    "LeaveRequest",
    "MandateRule",
    "Municipality",
    "Person",
    "School",
    "SchoolHoliday",
    "SyncedMixin",
    "Transfer",
    "User",
    "new_id",
]
