"""Inzage (AVG art. 15): everything Vangnet holds about one person, and who accessed it, as JSON and as PDF.

Access history: pass ``access`` (a list of :class:`AccessEntry`) explicitly, or leave it out and the
entries of the access log (``desktop.models.audit.search(object_id=...)``) for the person and each of
the person's records are used. Internal ids, sync bookkeeping and hidden fields are left out.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.fileio import atomic_write_bytes
from desktop.models import audit, entities
from desktop.models.cases import Case
from desktop.models.errors import DomainError
from desktop.models.registry import Person, School, User
from desktop.paths import resource_path

HIDDEN = {"id", "version", "updated_at", "deleted", "person_id", "merge_data", "sha256", "notes_internal"}

def _sections() -> list[tuple[str, Any, Any]]:
    """(title, model, sort column) of each section after the person, in the registry's order."""
    placed = sorted(((e.inzage, e) for e in entities.entities() if e.inzage is not None), key=lambda p: p[0][0])
    return [(e.plural, e.model, getattr(e.model, column)) for (_position, column), e in placed]


@dataclass(frozen=True)
class AccessEntry:
    """One access to the person's file: when, by whom, what, with what result."""

    occurred_at: dt.datetime
    actor: str
    action: str
    result: str = "ok"
    object_type: str = "person"


def _display(value: Any, resolvers: dict[str, dict[str, str]], key: str) -> Any:
    if value is None:
        return None
    if key in resolvers and isinstance(value, str):
        return resolvers[key].get(value, "onbekend")
    if isinstance(value, str) and hasattr(value, "label"):
        return value.label
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return value


def _record(obj: Any, resolvers: dict[str, dict[str, str]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    entity = entities.get(obj.__tablename__)
    for column in obj.__table__.columns:
        if column.name in HIDDEN:
            continue
        value = _display(getattr(obj, column.name), resolvers, column.name)
        if value is None or value == "":
            continue
        result[entity.label_of(column.name) if entity else column.name] = value
    return result


def _resolvers(session: Session) -> dict[str, dict[str, str]]:
    users = {user_id: name for user_id, name in session.execute(select(User.id, User.display_name))}
    schools = {
        school_id: f"{name} ({brin}{location})"
        for school_id, name, brin, location in session.execute(
            select(School.id, School.name, School.brin, School.location)
        )
    }
    cases = {case_id: number for case_id, number in session.execute(select(Case.id, Case.case_number))}
    from desktop.models.registry import Municipality

    gemeenten = {code: name for code, name in session.execute(select(Municipality.cbs_code, Municipality.name))}
    resolvers: dict[str, dict[str, str]] = {"municipality_code": gemeenten, "case_id": cases}
    for key in (
        "assigned_user_id",
        "author_user_id",
        "user_id",
        "decided_by_user_id",
        "coach_user_id",
        "guided_by_user_id",
        "generated_by_user_id",
    ):
        resolvers[key] = users
    for key in ("school_id", "last_school_id"):
        resolvers[key] = schools
    return resolvers


def access_entries_from_log(session: Session, object_ids: list[str]) -> list[AccessEntry]:
    """The access log's entries for the given records, oldest first."""
    labels = audit.ACTION_LABELS
    entries: list[AccessEntry] = []
    table = audit.AuditEntry
    for start in range(0, len(object_ids), 500):
        batch = object_ids[start : start + 500]
        for entry in session.scalars(select(table).where(table.object_id.in_(batch)).order_by(table.seq)):
            entries.append(
                AccessEntry(
                    occurred_at=entry.occurred_at,
                    actor=entry.actor,
                    action=labels.get(entry.action, entry.action),
                    result=entry.result,
                    object_type=entry.object_type,
                )
            )
    entries.sort(key=lambda item: item.occurred_at)
    return entries


def collect(session: Session, person_id: str, access: list[AccessEntry] | None = None) -> dict[str, Any]:
    """Everything about one person as a JSON-ready dict with Dutch headings."""
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise DomainError("Deze persoon staat niet in Vangnet.")
    resolvers = _resolvers(session)
    data: dict[str, Any] = {
        "Inzageverzoek": {
            "Grondslag": "Algemene verordening gegevensbescherming, artikel 15 (recht van inzage)",
            "Verantwoordelijke": "Leerplicht en Voortijdig Schoolverlaten",
            "Opgesteld op": dt.date.today().strftime("%d-%m-%Y"),
        },
        "Persoon": _record(person, resolvers),
    }
    object_ids = [person.id]
    for title, model, order in _sections():
        rows = list(
            session.scalars(select(model).where(model.person_id == person_id, model.deleted.is_(False)).order_by(order))
        )
        object_ids.extend(row.id for row in rows)
        data[title] = [_record(row, resolvers) for row in rows]
    if access is None:
        access = access_entries_from_log(session, object_ids)
    data["Wie heeft het dossier ingezien of gewijzigd"] = [
        {
            "Tijdstip": _display(entry.occurred_at, {}, ""),
            "Door": entry.actor,
            "Handeling": entry.action,
            "Resultaat": entry.result,
        }
        for entry in access
    ]
    return data


def inzage_json(session: Session, person_id: str, access: list[AccessEntry] | None = None) -> bytes:
    return json.dumps(collect(session, person_id, access), ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _fonts() -> tuple[str, str]:
    """DejaVu when the application ships it (full Unicode), else the built-in Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = resource_path("fonts", "DejaVuSans.ttf"), resource_path("fonts", "DejaVuSans-Bold.ttf")
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def inzage_pdf(session: Session, person_id: str, access: list[AccessEntry] | None = None) -> bytes:
    """A plain, readable PDF of :func:`collect`, ready to hand to a parent or the young person."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    data = collect(session, person_id, access)
    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", fontName=regular, fontSize=8.5, leading=11)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4)
    title = ParagraphStyle("title", fontName=bold, fontSize=17, leading=21, spaceAfter=6)

    def para(value: Any, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(str(value)).replace("\n", "<br/>"), style)

    def fields_table(record: dict[str, Any]) -> Table:
        rows = [[para(key, small), para(value)] for key, value in record.items()]
        table = Table(rows, colWidths=[52 * mm, 118 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                    ("TEXTCOLOR", (0, 0), (0, -1), colors.dimgrey),
                ]
            )
        )
        return table

    story: list[Any] = [para("Inzage in uw gegevens", title)]
    person = data["Persoon"]
    name = " ".join(str(person.get(key, "")) for key in ("Voornamen", "Voorvoegsel", "Achternaam") if person.get(key))
    story.append(
        para(
            f"Dit overzicht bevat alle gegevens die de afdeling Leerplicht en Voortijdig Schoolverlaten over {name} "
            "vastlegt, en wie deze gegevens heeft ingezien of gewijzigd (artikel 15 van de Algemene verordening "
            "gegevensbescherming). Klopt er iets niet, dan kunt u vragen om verbetering of aanvulling (artikel 16)."
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(fields_table(data["Inzageverzoek"]))
    for section, content in data.items():
        if section == "Inzageverzoek":
            continue
        story.append(para(section, heading))
        if isinstance(content, dict):
            story.append(fields_table(content))
        elif not content:
            story.append(para("Geen gegevens.", small))
        elif section.startswith("Wie heeft"):
            rows = [[para(h, small) for h in ("Tijdstip", "Door", "Handeling", "Resultaat")]]
            rows += [
                [para(entry[h], small) for h in ("Tijdstip", "Door", "Handeling", "Resultaat")] for entry in content
            ]
            table = Table(rows, colWidths=[35 * mm, 45 * mm, 60 * mm, 30 * mm], hAlign="LEFT", repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ]
                )
            )
            story.append(table)
        else:
            for record in content:
                story.append(fields_table(record))
                story.append(Spacer(1, 3 * mm))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(20 * mm, 12 * mm, f"Inzage AVG art. 15 · {name} · pagina {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title="Inzage in uw gegevens",
        author="Vangnet",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def write_inzage(session: Session, person_id: str, path: str | Path, access: list[AccessEntry] | None = None) -> Path:
    """Write the inzage as PDF or JSON (by extension), atomically and owner-only; logs the export."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        data = inzage_pdf(session, person_id, access)
    elif suffix == ".json":
        data = inzage_json(session, person_id, access)
    else:
        raise DomainError("Kies een bestandsnaam die eindigt op .pdf of .json.")
    atomic_write_bytes(path, data)
    audit.record(session, audit.AuditAction.EXPORT, "inzage", person_id)
    return path
