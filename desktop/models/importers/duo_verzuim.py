"""DUO verzuimmeldingen (Besluit Verzuimmelding) from a CSV or XLSX download: meldingen, persons and cases.

A melding is known by its DUO meldingsnummer: importing the same download twice updates, never doubles.
A new melding joins the person's open case of the same kind, or opens one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.base import new_id, table_of
from desktop.models.bulk import bulk_insert, bulk_update
from desktop.models.cases import (
    AbsenceReport,
    Case,
    CaseNumbers,
    JournalEntry,
    absence_report_values,
    case_kind_for_report,
    case_values,
    journal_values,
)
from desktop.models.enums import AbsenceKind, CaseKind, CaseStatus, Gender, JournalKind, ReportSource
from desktop.models.importers import fields as f
from desktop.models.importers.base import (
    Column,
    Gemeenten,
    ImportResult,
    ParsedFile,
    ParsedRow,
    RowIssue,
    Schools,
    TabularImporter,
)
from desktop.models.importers.files import ProgressCallback
from desktop.models.importers.persons import PersonIndex, apply_match
from desktop.models.registry import Person

ABSENCE_KIND_SPELLINGS = {
    "16 uur": AbsenceKind.SIXTEEN_HOURS.value,
    "16 uur in 4 weken": AbsenceKind.SIXTEEN_HOURS.value,
    "16 uur binnen 4 lesweken": AbsenceKind.SIXTEEN_HOURS.value,
    "luxe": AbsenceKind.LUXURY.value,
    "beginnend": AbsenceKind.BEGINNING.value,
    "signaal": AbsenceKind.SIGNAL.value,
    "signaalverzuim": AbsenceKind.SIGNAL.value,
    "1 maand": AbsenceKind.LONG_TERM.value,
    "langdurig": AbsenceKind.LONG_TERM.value,
    "langdurig verzuim": AbsenceKind.LONG_TERM.value,
    "overig": AbsenceKind.OTHER.value,
    "18+": AbsenceKind.OVER_18.value,
    "18-plus": AbsenceKind.OVER_18.value,
}

# The school-side fields a later download may correct; the DUO feedback fields belong to the gemeente.
UPDATABLE_FIELDS = (
    "kind",
    "absence_start",
    "absence_end",
    "suspected_reason",
    "all_lessons_missed",
    "school_actions",
    "municipality_action_wanted",
    "municipality_action_reason",
    "lesson_location",
    "reporter_name",
    "reporter_function",
    "reporter_phone",
    "reporter_email",
    "contact_phone",
    "residence_address",
    "days_absent",
    "hours_absent",
    "times_late",
)

COLUMNS = (
    Column(
        "Meldingsnummer",
        "duo_number",
        f.text(40),
        required=True,
        aliases=("Melding ID", "Meldingnummer"),
        description="Uniek nummer van de melding bij DUO",
    ),
    Column(
        "Datum melding",
        "received_on",
        f.date,
        required=True,
        aliases=("Meldingsdatum", "Datum ontvangst"),
        description="Datum waarop DUO de melding ontving",
    ),
    Column("BSN", "bsn", f.bsn, aliases=("Burgerservicenummer",), description="BSN van de leerling (11-proef)"),
    Column(
        "Onderwijsnummer",
        "education_number",
        f.education_number,
        description="Onderwijsnummer als de leerling geen BSN heeft",
    ),
    Column("Achternaam", "last_name", f.text(120), aliases=("Geslachtsnaam",)),
    Column("Voorvoegsel", "prefix", f.text(20), aliases=("Tussenvoegsel",)),
    Column("Voornamen", "first_names", f.text(120), aliases=("Voornaam",)),
    Column("Geboortedatum", "birth_date", f.date),
    Column(
        "Woongemeente",
        "municipality",
        f.cbs_code,
        aliases=("Gemeentecode", "Gemeente"),
        description="CBS-code (GM0505) of naam van de woongemeente",
    ),
    Column("BRIN", "brin", f.brin, required=True, aliases=("BRIN-nummer", "Brinnummer")),
    Column("Vestiging", "location", f.location, aliases=("Vestigingsnummer",)),
    Column(
        "Soort verzuim",
        "kind",
        f.choice(AbsenceKind, ABSENCE_KIND_SPELLINGS),
        required=True,
        aliases=("Verzuimsoort", "Vermoedelijke soort verzuim"),
    ),
    Column("Begindatum verzuim", "absence_start", f.date, aliases=("Begindatum",)),
    Column("Einddatum verzuim", "absence_end", f.date, aliases=("Einddatum",)),
    Column("Vermoedelijke reden", "suspected_reason", f.text(4000), aliases=("Reden",)),
    Column("Alle lessen verzuimd", "all_lessons_missed", f.boolean),
    Column("Acties school", "school_actions", f.text(4000), aliases=("Ondernomen acties school",)),
    Column("Actie gemeente gewenst", "municipality_action_wanted", f.boolean),
    Column("Reden actie gemeente", "municipality_action_reason", f.text(4000)),
    Column("Lesplaats", "lesson_location", f.text(160), aliases=("Locatie lessen",)),
    Column("Naam melder", "reporter_name", f.text(120)),
    Column("Functie melder", "reporter_function", f.text(80)),
    Column("Telefoon melder", "reporter_phone", f.text(30)),
    Column("E-mail melder", "reporter_email", f.text(120)),
    Column("Telefoon ouder/leerling", "contact_phone", f.text(30), aliases=("Telefoon ouder",)),
    Column("Afwijkend verblijfadres", "residence_address", f.text(200), aliases=("Afwijkend verblijfsadres",)),
    Column("Dagen verzuim", "days_absent", f.integer(0, 400)),
    Column("Uren verzuim", "hours_absent", f.decimal(0, 5000)),
    Column("Aantal keer te laat", "times_late", f.integer(0, 2000), aliases=("Te laat",)),
)


class DuoVerzuimImporter(TabularImporter):
    kind = "duo-verzuim"
    title = "DUO-verzuimmeldingen"
    columns = COLUMNS

    def check_row(self, values: dict[str, Any]) -> Iterable[tuple[str, str]]:
        yield from self.identity_issues(values)
        start, end = values["absence_start"], values["absence_end"]
        if start and end and end < start:
            yield "absence_end", "de einddatum ligt vóór de begindatum"

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        return "duo_number", values["duo_number"]

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        issues: list[RowIssue] = []
        gemeenten = Gemeenten(session)
        index = PersonIndex(session)
        existing = dict(
            session.execute(
                select(AbsenceReport.duo_number, AbsenceReport.person_id).where(AbsenceReport.duo_number.is_not(None))
            )
            .tuples()
            .all()
        )
        bad_rows = {issue.row for issue in parsed.issues}
        for row in parsed.rows:
            if row.row in bad_rows:
                continue
            values = row.values
            _code, reason = gemeenten.resolve(values["municipality"])
            if reason:
                issues.append(RowIssue(row.row, "Woongemeente", reason))
            # A school the region's list does not hold yet is no reason to refuse the melding: it keeps its
            # BRIN and vestiging, and the worklist asks the functioneel beheerder to add the school.
            match = index.match(values["bsn"], values["education_number"])
            conflict = self.person_issues(row, match, unknown=None)
            if conflict:
                issues += conflict
                continue
            if match.person_id is None and not (values["last_name"] and values["first_names"] and values["birth_date"]):
                issues.append(
                    RowIssue(
                        row.row,
                        "BSN",
                        "leerling onbekend in Vangnet: vul achternaam, voornamen en geboortedatum in "
                        "of importeer eerst de BRP-gegevens",
                    )
                )
            owner = existing.get(values["duo_number"])
            if owner is not None and match.person_id is not None and owner not in (match.person_id, match.merge_from):
                issues.append(
                    RowIssue(row.row, "Meldingsnummer", "deze melding is al geïmporteerd bij een andere leerling")
                )
        return issues

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        # New records go in as bulk Core inserts (every field was validated while parsing); updates of
        # meldingen already known compare plain tuples. Both keep a 10,000-row download to seconds.
        gemeenten = Gemeenten(session)
        schools = Schools(session)
        index = PersonIndex(session)
        numbers = CaseNumbers(session)
        reports = table_of(AbsenceReport)
        existing: dict[str, tuple] = {}
        wanted = [row.values["duo_number"] for row in rows]
        columns = [reports.c.id, *(reports.c[name] for name in UPDATABLE_FIELDS)]
        for start in range(0, len(wanted), 500):
            batch = wanted[start : start + 500]
            for record in session.execute(
                select(reports.c.duo_number, *columns).where(reports.c.duo_number.in_(batch))
            ):
                existing[record[0]] = tuple(record[1:])
        open_cases: dict[tuple[str, CaseKind], str] = {}
        for case_id, person_id, kind in session.execute(
            select(Case.id, Case.person_id, Case.kind)
            .where(Case.status == CaseStatus.OPEN, Case.deleted.is_(False))
            .order_by(Case.opened_on)
        ):
            open_cases.setdefault((person_id, kind), case_id)
        municipality_of = dict(session.execute(select(Person.id, Person.municipality_code)).tuples().all())
        new_persons: list[dict[str, Any]] = []
        pending_persons: set[str | None] = set()
        new_cases: list[dict[str, Any]] = []
        new_reports: list[dict[str, Any]] = []
        new_journal: list[dict[str, Any]] = []
        now = dt.datetime.now(dt.UTC)
        stamp = {"version": 0, "updated_at": now, "deleted": False}
        total = len(rows)
        for position, row in enumerate(rows):
            values = row.values
            code, _ = gemeenten.resolve(values["municipality"])
            match = index.match(values["bsn"], values["education_number"])
            if {match.merge_from, match.add_bsn_to, match.person_id} & pending_persons and (
                match.merge_from or match.add_bsn_to
            ):
                # The same pupil came earlier in this file under another number: write what is pending
                # first, so the merge below finds every record in the database.
                _write_pending(session, new_persons, new_cases, new_reports, new_journal)
                pending_persons.clear()
            person_id = apply_match(session, index, match, values["bsn"])
            if person_id is None:
                person_id = new_id()
                pending_persons.add(person_id)
                new_persons.append(
                    {
                        **PERSON_DEFAULTS,
                        **stamp,
                        "id": person_id,
                        "bsn": values["bsn"],
                        "education_number": values["education_number"],
                        "first_names": values["first_names"],
                        "prefix": values["prefix"],
                        "last_name": values["last_name"],
                        "birth_date": values["birth_date"],
                        "municipality_code": code,
                    }
                )
                index.add(person_id, values["bsn"], values["education_number"])
                municipality_of[person_id] = code
                result.created["personen"] += 1
            fields = {key: values[key] for key in UPDATABLE_FIELDS}
            known = existing.get(values["duo_number"])
            if known is not None:
                changed = {
                    key: fields[key] for key, old in zip(UPDATABLE_FIELDS, known[1:], strict=True) if old != fields[key]
                }
                if changed:
                    bulk_update(session, reports, {known[0]: changed})
                    result.updated["meldingen"] += 1
                else:
                    result.unchanged += 1
                continue
            school_id = schools.find(values["brin"], values["location"])
            municipality = code or municipality_of.get(person_id)
            case_kind = case_kind_for_report(values["kind"])
            case_id = open_cases.get((person_id, case_kind))
            melding = f"DUO-verzuimmelding ({values['kind'].label}), gemeld op {values['received_on']:%d-%m-%Y}"
            opened = case_id is None
            if case_id is None:
                case_id = new_id()
                # Opened as open_case opens a case, in bulk.
                new_cases.append(
                    {
                        **stamp,
                        "id": case_id,
                        **case_values(
                            person_id=person_id,
                            kind=case_kind,
                            opened_on=values["received_on"],
                            case_number=numbers.next(values["received_on"].year),
                            municipality_code=municipality,
                            school_id=school_id,
                        ),
                    }
                )
                open_cases[(person_id, case_kind)] = case_id
                result.created["zaken"] += 1
            new_reports.append(
                {
                    **stamp,
                    "id": new_id(),
                    **absence_report_values(
                        person_id=person_id,
                        received_on=values["received_on"],
                        source=ReportSource.DUO,
                        case_id=case_id,
                        duo_number=values["duo_number"],
                        school_id=school_id,
                        school_brin=values["brin"],
                        school_location=values["location"] or "00",
                        municipality_code=municipality,
                        **fields,  # the kind and the other fields a later download may correct
                    ),
                }
            )
            # One journal line per melding: it opened the case, or it was added to the open one.
            if opened:
                line = (JournalKind.STATUS_CHANGE, f"Zaak geopend ({case_kind.label}) na {melding}.")
            else:
                line = (JournalKind.NOTE, f"{melding[0].upper()}{melding[1:]} toegevoegd aan de zaak.")
            new_journal.append(
                {
                    **stamp,
                    "id": new_id(),
                    **journal_values(case_id, person_id, *line, now),
                    "created_at": now,
                }
            )
            existing[values["duo_number"]] = (new_reports[-1]["id"], *(fields[key] for key in UPDATABLE_FIELDS))
            result.created["meldingen"] += 1
            if position % 1000 == 0:
                progress(position, total, "Meldingen verwerken")
        _write_pending(session, new_persons, new_cases, new_reports, new_journal)


def _write_pending(session: Session, *pending: list[dict[str, Any]]) -> None:
    """Bulk-insert the collected persons, cases, meldingen and journal lines (in that order) and empty the lists."""
    session.flush()  # merges and added BSNs (ORM) before the bulk inserts that refer to them
    tables = (table_of(Person), table_of(Case), table_of(AbsenceReport), table_of(JournalEntry))
    for table, records in zip(tables, pending, strict=True):
        bulk_insert(session, table, records)
        records.clear()


PERSON_DEFAULTS: dict[str, Any] = {
    "call_name": None,
    "gender": Gender.UNKNOWN,
    "street": None,
    "house_number": None,
    "postal_code": None,
    "city": None,
    "phone": None,
    "email": None,
    "qualified_on": None,
    "qualification_exempt": False,
    "deceased_on": None,
    "notes": None,
}
