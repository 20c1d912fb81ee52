"""Which documents were generated, for whom, when and by whom (the document itself is not stored here)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, SyncedMixin, utcnow
from desktop.models.entities import ADMINISTRATOR, CONSULTANT, TEAM_LEAD, ScopeClass, entity


@entity(
    label="Document", plural="Gemaakte documenten", interchange="document_record", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR, TEAM_LEAD}), inzage=(14, "generated_at"),
    fields={
        "template_version": "Sjabloonversie", "generated_at": "Gemaakt op", "generated_by_user_id": "Gemaakt door",
        "addressee": "Geadresseerde", "merge_data": "Samenvoeggegevens", "file_name": "Bestandsnaam",
        "sha256": "Controlegetal", "reference": "Ons kenmerk",
    },
)
class DocumentRecord(SyncedMixin, Base):
    """A letter or report produced by Vangnet, with the data merged into it (JSON text)."""

    __tablename__ = "document_records"

    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))  # document kind key, e.g. 'uitnodiging_gesprek'
    template_version: Mapped[str | None] = mapped_column(String(20))
    generated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    generated_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    addressee: Mapped[str | None] = mapped_column(String(200))
    merge_data: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(200))
    sha256: Mapped[str | None] = mapped_column(String(64))
    # 'Ons kenmerk', unique per document: year, the device's number in the register and its sequence
    # (desktop/documents/document_record.py); kept when the document is made again.
    reference: Mapped[str | None] = mapped_column(String(40), index=True)

    __table_args__ = (Index("ix_document_records_generated_at", "generated_at"),)
