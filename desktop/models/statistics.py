"""Figures for the jaarverslag: a named, versioned set of counting definitions, computed with set-based SQL.

Every figure is counted per schooljaar (1 August to 31 July) for the region or one gemeente, beside the
same figure for the previous schooljaar. Queries group and count in the database (SQLite/SQLCipher, the
desktop's store); nothing loops over persons in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.models.errors import DomainError
from desktop.models.law import SchoolYear
from desktop.models.law import school_year as year_of
from desktop.models.region import Region, load_region

# --- The definitions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    """One figure: its key in the JSON output, a short Dutch label and the Dutch counting rule."""

    key: str
    label: str
    description: str


@dataclass(frozen=True)
class DefinitionSet:
    """A named and versioned set of definitions; a change in any rule means a new version."""

    name: str
    version: str
    reference_date_note: str
    definitions: tuple[Definition, ...]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.definitions)

    def get(self, key: str) -> Definition:
        for definition in self.definitions:
            if definition.key == key:
                return definition
        raise KeyError(key)

    def label(self, key: str) -> str:
        return self.get(key).label


#: Exemption articles in the jaarverslag, as stored in ``Exemption.article`` ('5a' is art. 5 onder a, not
#: the travelling-families exemption art. 5a, stored as '5a_travel' and not counted here).
EXEMPTION_ARTICLES: tuple[str, ...] = ("5a", "5b", "5c", "15", "3a", "3b")
EXEMPTION_ARTICLE_LABELS: dict[str, str] = {
    "5a": "Art. 5 onder a",
    "5b": "Art. 5 onder b",
    "5c": "Art. 5 onder c",
    "15": "Art. 15",
    "3a": "Art. 3a",
    "3b": "Art. 3b",
}
#: Key part → ``DropoutTrajectory.vsv_kind``.
DROPOUT_GROUPS: dict[str, str] = {"oud_vsv": "old", "nieuw_vsv": "new"}
DROPOUT_GROUP_LABELS: dict[str, str] = {"oud_vsv": "oud-vsv'ers", "nieuw_vsv": "nieuw-vsv'ers"}
#: Key part → ``DropoutTrajectory.outcome``.
DROPOUT_OUTCOMES: dict[str, str] = {
    "terug_naar_onderwijs": "back_to_school",
    "regulier_werk": "regular_work",
    "bbl": "bbl",
    "ander_traject": "other_route",
}
DROPOUT_OUTCOME_LABELS: dict[str, str] = {
    "terug_naar_onderwijs": "Terug naar onderwijs",
    "regulier_werk": "Uitstroom regulier werk",
    "bbl": "Combinatie onderwijs/werk (BBL)",
    "ander_traject": "Bemiddeld naar ander traject",
}

_YEAR = "Geteld in het schooljaar (1 augustus tot en met 31 juli)"
_PER_GM = "per gemeente naar de woongemeente die bij de registratie is vastgelegd"


def _definitions() -> tuple[Definition, ...]:
    items = [
        Definition(
            "leerlingen", "Leerlingen (leer- en kwalificatieplichtigen)",
            "Personen die op 1 oktober van het schooljaar in de regio (of de gemeente) wonen en op die dag "
            "leerplichtig zijn (van het begin van de leerplicht tot en met 31 juli van het schooljaar waarin "
            "zij 16 worden) of kwalificatieplichtig (daarna tot de dag vóór hun 18e verjaardag, zonder "
            "startkwalificatie en zonder ontheffing op grond van art. 4a lid 2). De woongemeente is die van "
            "het adres dat op 1 oktober geldt. Overleden personen tellen niet mee.",
        ),
        Definition(
            "relatief_verzuim.totaal", "Meldingen relatief verzuim",
            f"Verzuimmeldingen ontvangen in het schooljaar (datum ontvangst), voor leerlingen die op de "
            f"begindatum van het verzuim jonger dan 18 zijn (zonder begindatum: de ontvangstdatum). "
            f"Som van 16 uur, overig en luxe. {_YEAR}; {_PER_GM} van de melding.",
        ),
        Definition(
            "relatief_verzuim.16_uur", "16 uur in 4 lesweken",
            "Meldingen relatief verzuim van de soort '16 uur in 4 lesweken' (Lpw art. 21a).",
        ),
        Definition(
            "relatief_verzuim.overig", "Overig verzuim",
            "Meldingen relatief verzuim van elke andere soort dan 16 uur en luxe verzuim: overig, "
            "beginnend, signaal, 1 maand of langer (en een melding 18+ voor een leerling die jonger dan "
            "18 bleek).",
        ),
        Definition(
            "relatief_verzuim.luxe", "Luxe verzuim",
            "Meldingen relatief verzuim van de soort luxe verzuim (vakantie buiten de schoolvakanties).",
        ),
        Definition(
            "verzuim_18_plus", "Verzuim 18+",
            "Verzuimmeldingen ontvangen in het schooljaar voor jongeren die op de begindatum van het verzuim "
            "18 jaar of ouder zijn, ongeacht de soort melding.",
        ),
        Definition(
            "absoluut_verzuim.totaal", "Absoluut verzuim",
            "Unieke personen met een zaak absoluut verzuim die in het schooljaar is geopend (een persoon met "
            "twee zaken telt één keer; per gemeente naar de gemeente van de zaak).",
        ),
        Definition(
            "absoluut_verzuim.vervolgonderzoek", "Absoluut verzuim met vervolgonderzoek",
            "Van de personen bij absoluut verzuim: zij bij wie een zaak uit het schooljaar als "
            "'vervolgonderzoek nodig' is gemarkeerd.",
        ),
    ]
    for article in EXEMPTION_ARTICLES:
        label = EXEMPTION_ARTICLE_LABELS[article]
        items.append(Definition(
            f"vrijstelling.{article}.behandeld", f"{label}: behandeld",
            f"Verzoeken en kennisgevingen ({label}) die in het schooljaar zijn afgehandeld (beslisdatum): "
            f"toegekend, afgewezen, bevestigd, onvolledig, ingetrokken of buiten behandeling; ook verlengingen "
            f"tellen als een besluit.",
        ))
        items.append(Definition(
            f"vrijstelling.{article}.toegekend", f"{label}: toegekend",
            f"Van de behandelde ({label}) het aantal waarmee de leerling is vrijgesteld: een toegekend verzoek "
            f"of een bevestigde kennisgeving; ingetrokken en buiten behandeling tellen niet mee.",
        ))
    items += [
        Definition(
            "thuiszitters.begin", "Thuiszitters bij aanvang",
            "Thuiszitterperioden die vóór 1 augustus begonnen en op 1 augustus nog liepen (geen einddatum, "
            "of een einddatum op of na 1 augustus).",
        ),
        Definition(
            "thuiszitters.nieuw", "Nieuwe thuiszitters",
            "Thuiszitterperioden met een begindatum in het schooljaar.",
        ),
        Definition(
            "thuiszitters.opgelost", "Thuiszitters opgelost",
            "Perioden met een einddatum in het schooljaar en als reden 'opgelost'.",
        ),
        Definition(
            "thuiszitters.18_jaar", "Thuiszitters 18 jaar geworden",
            "Perioden met een einddatum in het schooljaar en als reden '18 jaar geworden'.",
        ),
        Definition(
            "thuiszitters.verhuisd", "Thuiszitters verhuisd",
            "Perioden met een einddatum in het schooljaar en als reden 'verhuisd'.",
        ),
        Definition(
            "thuiszitters.eind", "Thuiszitters aan het einde",
            "Perioden die op 31 juli nog liepen. Er geldt: aanvang + nieuw − beëindigd = einde; perioden die "
            "met een andere reden eindigden worden in het jaarverslag apart vermeld.",
        ),
        Definition(
            "processen_verbaal", "Processen-verbaal",
            "Processen-verbaal met een datum in het schooljaar (tegen ouders en/of jongere, alle soorten "
            "verzuim); per gemeente naar de gemeente van de zaak.",
        ),
        Definition(
            "halt_verwijzingen", "Halt-verwijzingen",
            "Halt-verwijzingen met een datum in het schooljaar; per gemeente naar de gemeente van de zaak.",
        ),
        Definition(
            "overstap_vo_mbo.begeleid", "Overstap vo-mbo begeleid",
            "Overstappen van het vo naar het mbo in het schooljaar die door een consulent zijn begeleid.",
        ),
    ]
    for group, group_label in DROPOUT_GROUP_LABELS.items():
        for outcome, outcome_label in DROPOUT_OUTCOME_LABELS.items():
            items.append(Definition(
                f"matchmakers.{group}.{outcome}", f"MatchMakers {group_label}: {outcome_label.lower()}",
                f"Trajecten van {group_label} die in het schooljaar zijn afgesloten (einddatum) met de "
                f"uitkomst '{outcome_label.lower()}'.",
            ))
        items.append(Definition(
            f"matchmakers.{group}.geplaatst", f"MatchMakers {group_label}: geplaatst",
            f"Trajecten van {group_label} die in het schooljaar zijn afgesloten met een van de vier "
            f"uitkomsten (de som daarvan).",
        ))
    return tuple(items)


DEFINITIONS = DefinitionSet(
    name="LVS-ZHZ jaarverslag",
    version="2024.1",
    reference_date_note=(
        "Het schooljaar loopt van 1 augustus tot en met 31 juli. Gebeurtenissen tellen op hun eigen datum "
        "(ontvangst, opening, besluit, begin of einde); per gemeente telt de woongemeente die bij de "
        "registratie is vastgelegd, ook als de persoon later verhuist. Vorig jaar wordt op dezelfde manier "
        "berekend; ontbreekt het (de administratie bevat in dat schooljaar geen meldingen, zaken of "
        "besluiten), dan blijven vorig jaar en de verandering leeg. De verandering is (dit jaar − vorig "
        "jaar) / vorig jaar × 100, afgerond op één decimaal (half naar boven), en leeg als vorig jaar 0 is. "
        "Records die als verwijderd zijn gemarkeerd tellen nooit mee."
    ),
    definitions=_definitions(),
)

FIGURE_KEYS: tuple[str, ...] = DEFINITIONS.keys


# --- Values ---------------------------------------------------------------------------------------


def change_pct(value: int, previous: int | None) -> float | None:
    """Change in percent, rounded half up to one decimal; ``None`` without a previous value or when it is 0."""
    if previous is None or previous == 0:
        return None
    exact = (Decimal(value) - Decimal(previous)) * 100 / Decimal(previous)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figure:
    value: int
    previous: int | None

    @property
    def change_pct(self) -> float | None:
        return change_pct(self.value, self.previous)


@dataclass(frozen=True)
class Figures:
    """All figures of one schooljaar for the region (``municipality_code`` None) or one gemeente."""

    school_year: str
    municipality_code: str | None
    municipality_name: str | None
    definitions: DefinitionSet
    values: dict[str, Figure]
    # Home-sitter periods that ended in the year with another reason than the three counted ones.
    home_sitters_ended_other: Figure = field(default_factory=lambda: Figure(0, None))

    def __getitem__(self, key: str) -> Figure:
        return self.values[key]

    def value(self, key: str) -> int:
        return self.values[key].value

    @property
    def has_previous(self) -> bool:
        return any(f.previous is not None for f in self.values.values())

    def home_sitter_balance(self, previous: bool = False) -> tuple[int, int]:
        """(begin + nieuw − beëindigd, eind): equal when the flow balances."""
        def get(key: str) -> int:
            figure = self.values[f"thuiszitters.{key}"]
            return (figure.previous or 0) if previous else figure.value

        other = (self.home_sitters_ended_other.previous or 0) if previous else self.home_sitters_ended_other.value
        ended = get("opgelost") + get("18_jaar") + get("verhuisd") + other
        return get("begin") + get("nieuw") - ended, get("eind")


@dataclass(frozen=True)
class RegionFigures:
    """The region's figures and those of each of its gemeenten (in the region file's order)."""

    region: Figures
    municipalities: dict[str, Figures]
    region_name: str


def figures_to_json(figures: Figures) -> dict[str, Any]:
    """The figures in the documented JSON shape of `vangnet stats --json`."""
    return {
        "schooljaar": figures.school_year,
        "gemeente": figures.municipality_code,
        "definities": str(figures.definitions),
        "figures": {
            key: {
                "value": figures.values[key].value,
                "previous": figures.values[key].previous,
                "change_pct": figures.values[key].change_pct,
            }
            for key in FIGURE_KEYS
        },
    }


# --- Leerplicht and kwalificatieplicht as a birth-date window ---------------------------------------


def _latest_birth_for_age(on: date, years: int) -> date:
    """The latest birth date of someone who has reached ``years`` on ``on``.

    law.birthday_in_year moves a 29 February birthday to 1 March in other years, so nobody born on
    29 February reaches an age on 28 February: when ``on`` minus ``years`` falls on a 29 February that
    does not exist, the latest birth date is 28 February.
    """
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return date(on.year - years, 2, 28)


@dataclass(frozen=True)
class DutyWindow:
    """Birth dates of the leer- and kwalificatieplichtigen on ``on``.

    Leerplichtig: born from ``full_duty_earliest`` through ``latest``. Kwalificatieplichtig: born from
    ``earliest`` through the day before ``full_duty_earliest``, without startkwalificatie on ``on`` and
    without the art. 4a lid 2 ontheffing.
    """

    on: date
    earliest: date
    full_duty_earliest: date
    latest: date


def duty_window(on: date) -> DutyWindow:
    """The birth-date window that law.py's rules give for day ``on`` (checked against law.py in the tests).

    - law.compulsory_start_month(b) is the 1st of the month after the 5th birthday, so it lies on or before
      ``on`` exactly when the 5th birthday falls in an earlier month: on or before the last day of the
      previous month, i.e. b is at most that day minus 5 years (``latest``). The count keeps this
      administrative date rather than the first school day of the month (Lpw art. 3 lid 1,
      law.compulsory_start with a calendar): the definition of ``leerlingen`` in docs/statistics.md says
      "vanaf de 1e van de maand", and on a 1 October that is no school day (a weekend: 2022, 2023, 2028)
      the first school day would leave out the children whose fifth birthday was in September.
    - law.compulsory_end(b) is 31 July of the schooljaar of the 16th birthday, so it lies on or after
      ``on`` exactly when the 16th birthday is on or after 1 August of ``on``'s schooljaar: b is on or
      after that 1 August minus 16 years (``full_duty_earliest``). The twelve-school-years rule is not
      recorded per person and so not applied.
    - law.qualification_duty(b) runs until the day before the 18th birthday: on ``on`` the person is
      not yet 18, so b is after ``on`` minus 18 years (``earliest``); and until the day before
      ``qualified_on``: so qualified_on is empty or after ``on``.
    """
    previous_month_end = on.replace(day=1) - timedelta(days=1)
    start_year = on.year if on.month >= 8 else on.year - 1
    return DutyWindow(
        on=on,
        earliest=_latest_birth_for_age(on, 18) + timedelta(days=1),
        full_duty_earliest=date(start_year - 16, 8, 1),
        latest=_latest_birth_for_age(previous_month_end, 5),
    )


def pupils_reference_date(year: SchoolYear) -> date:
    """The count date of ``leerlingen``: 1 October of the schooljaar."""
    return date(year.start_year, 10, 1)


# The unary '+' keeps SQLite from the birth-date index: most persons fall inside the window, and one
# sequential scan is several times faster than that many index look-ups.
_DUTY_CONDITION = """
    p.deleted = 0
    AND (p.deceased_on IS NULL OR p.deceased_on > :on)
    AND +p.birth_date BETWEEN :earliest AND :latest
    AND (p.birth_date >= :full_from
         OR (p.qualification_exempt = 0 AND (p.qualified_on IS NULL OR p.qualified_on > :on)))
"""


def _window_params(window: DutyWindow) -> dict[str, str]:
    return {
        "on": window.on.isoformat(),
        "earliest": window.earliest.isoformat(),
        "latest": window.latest.isoformat(),
        "full_from": window.full_duty_earliest.isoformat(),
    }


def duty_person_ids(session: Session, on: date) -> set[str]:
    """Ids of the persons the SQL window counts as leer- or kwalificatieplichtig on ``on`` (for checks)."""
    sql = sa.text(f"SELECT p.id FROM persons p WHERE {_DUTY_CONDITION}")  # noqa: S608 - built from constants only; every value is a bound parameter
    return set(session.execute(sql, _window_params(duty_window(on))).scalars())


# --- The queries ----------------------------------------------------------------------------------

_REGION = "*"  # key of the region total in the per-gemeente counts

# Age in whole years on day d, as law.age_on: the age is reached on the birthday; the month-day comparison
# of ISO date text also makes someone born on 29 February one year older on 1 March in other years.
_AGE_SQL = (
    "(CAST(substr({d}, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)"
    " - (substr({d}, 6, 5) < substr(p.birth_date, 6, 5)))"
)

_REPORTS_SQL = f"""
SELECT r.municipality_code AS code,
       CASE WHEN {_AGE_SQL.format(d="COALESCE(r.absence_start, r.received_on)")} >= 18 THEN 'adult'
            WHEN r.kind = 'sixteen_hours' THEN '16_uur'
            WHEN r.kind = 'luxury' THEN 'luxe'
            ELSE 'overig' END AS grp,
       COUNT(*) AS n
FROM absence_reports r JOIN persons p ON p.id = r.person_id
WHERE r.deleted = 0 AND r.received_on BETWEEN :start AND :end
GROUP BY 1, 2
"""  # noqa: S608 - built from constants only; every value is a bound parameter

_ABSOLUTE_SQL = """
SELECT {code} AS code,
       COUNT(DISTINCT c.person_id) AS total,
       COUNT(DISTINCT CASE WHEN c.needs_investigation = 1 THEN c.person_id END) AS investigated
FROM cases c
WHERE c.deleted = 0 AND c.kind = 'absolute' AND c.opened_on BETWEEN :start AND :end
{group}
"""

_EXEMPTIONS_SQL = """
SELECT e.municipality_code AS code, e.article AS article,
       COUNT(*) AS handled,
       SUM(CASE WHEN e.decision IN ('granted', 'confirmed') THEN 1 ELSE 0 END) AS granted
FROM exemptions e
WHERE e.deleted = 0 AND e.decided_on BETWEEN :start AND :end AND e.article IN ('5a', '5b', '5c', '15', '3a', '3b')
GROUP BY 1, 2
"""

_HOME_SITTERS_SQL = """
SELECT h.municipality_code AS code,
       SUM(CASE WHEN h.start_date < :start AND (h.end_date IS NULL OR h.end_date >= :start) THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.start_date BETWEEN :start AND :end THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.end_date BETWEEN :start AND :end AND h.end_reason = 'resolved' THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.end_date BETWEEN :start AND :end AND h.end_reason = 'turned_18' THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.end_date BETWEEN :start AND :end AND h.end_reason = 'moved' THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.end_date BETWEEN :start AND :end
                     AND (h.end_reason IS NULL OR h.end_reason NOT IN ('resolved', 'turned_18', 'moved'))
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN h.start_date <= :end AND (h.end_date IS NULL OR h.end_date > :end) THEN 1 ELSE 0 END)
FROM home_sitter_episodes h
WHERE h.deleted = 0 AND h.start_date <= :end AND (h.end_date IS NULL OR h.end_date >= :start)
GROUP BY 1
"""
_HOME_SITTER_KEYS = ("begin", "nieuw", "opgelost", "18_jaar", "verhuisd", "_overig_beeindigd", "eind")

# Interventions carry no gemeente of their own: the case's (recorded at registration), else the person's.
_INTERVENTIONS_SQL = """
SELECT COALESCE(c.municipality_code, p.municipality_code) AS code, i.kind AS kind, COUNT(*) AS n
FROM interventions i
JOIN persons p ON p.id = i.person_id
LEFT JOIN cases c ON c.id = i.case_id
WHERE i.deleted = 0 AND i.kind IN ('official_report', 'halt') AND i.date BETWEEN :start AND :end
GROUP BY 1, 2
"""

_TRANSFERS_SQL = """
SELECT t.municipality_code AS code, COUNT(*) AS n
FROM transfers t
WHERE t.deleted = 0 AND t.guided = 1 AND t.school_year = :label
GROUP BY 1
"""

_DROPOUTS_SQL = """
SELECT d.municipality_code AS code, d.vsv_kind AS kind, d.outcome AS outcome, COUNT(*) AS n
FROM dropout_trajectories d
WHERE d.deleted = 0 AND d.outcome IS NOT NULL AND d.end_date BETWEEN :start AND :end
GROUP BY 1, 2, 3
"""

# The address valid on the count date gives the woongemeente; a person without any address history
# falls back on the gemeente recorded on the person. One grouped pass: the region total is the sum over
# the region's gemeenten (address periods of one person do not overlap, so nobody counts twice).
_PUPILS_SQL = f"""
SELECT COALESCE(a.municipality_code,
                CASE WHEN NOT EXISTS (SELECT 1 FROM address_history h
                                      WHERE h.person_id = p.id AND h.deleted = 0)
                     THEN p.municipality_code END) AS code,
       COUNT(DISTINCT p.id)
FROM persons p
LEFT JOIN address_history a
       ON a.person_id = p.id AND a.deleted = 0 AND a.from_date <= :on
          AND (a.to_date IS NULL OR a.to_date >= :on)
WHERE {_DUTY_CONDITION}
GROUP BY 1
"""  # noqa: S608 - built from constants only; every value is a bound parameter

_HAS_DATA_SQL = """
SELECT EXISTS (SELECT 1 FROM absence_reports WHERE deleted = 0 AND received_on BETWEEN :start AND :end)
    OR EXISTS (SELECT 1 FROM cases WHERE deleted = 0 AND opened_on BETWEEN :start AND :end)
    OR EXISTS (SELECT 1 FROM exemptions WHERE deleted = 0 AND decided_on BETWEEN :start AND :end)
"""

Counts = dict[str, dict[str, int]]  # figure key -> gemeente code (or _REGION) -> count


def _add(counts: Counts, key: str, code: str | None, n: int, *, region_too: bool = True) -> None:
    per_code = counts.setdefault(key, {})
    if code is not None:
        per_code[code] = per_code.get(code, 0) + int(n or 0)
    if region_too:
        per_code[_REGION] = per_code.get(_REGION, 0) + int(n or 0)


def _year_counts(session: Session, year: SchoolYear, codes: Iterable[str]) -> Counts:
    """Every figure of ``year``, per gemeente code and for the region, in one pass per source table."""
    params = {"start": year.start.isoformat(), "end": year.end.isoformat()}
    counts: Counts = {key: {} for key in FIGURE_KEYS}
    counts["_thuiszitters.overig_beeindigd"] = {}

    for code, group, n in session.execute(sa.text(_REPORTS_SQL), params):
        key = "verzuim_18_plus" if group == "adult" else f"relatief_verzuim.{group}"
        _add(counts, key, code, n)
        if group != "adult":
            _add(counts, "relatief_verzuim.totaal", code, n)

    # Unique persons do not add up over gemeenten: the region total is its own query.
    grouped = _ABSOLUTE_SQL.format(code="c.municipality_code", group="GROUP BY c.municipality_code")
    for code, total, investigated in session.execute(sa.text(grouped), params):
        if code is not None:
            _add(counts, "absoluut_verzuim.totaal", code, total, region_too=False)
            _add(counts, "absoluut_verzuim.vervolgonderzoek", code, investigated, region_too=False)
    region_sql = _ABSOLUTE_SQL.format(code=f"'{_REGION}'", group="")
    for _code, total, investigated in session.execute(sa.text(region_sql), params):
        counts["absoluut_verzuim.totaal"][_REGION] = int(total or 0)
        counts["absoluut_verzuim.vervolgonderzoek"][_REGION] = int(investigated or 0)

    for code, article, handled, granted in session.execute(sa.text(_EXEMPTIONS_SQL), params):
        _add(counts, f"vrijstelling.{article}.behandeld", code, handled)
        _add(counts, f"vrijstelling.{article}.toegekend", code, granted)

    for row in session.execute(sa.text(_HOME_SITTERS_SQL), params):
        code, values = row[0], row[1:]
        for name, n in zip(_HOME_SITTER_KEYS, values, strict=True):
            key = "_thuiszitters.overig_beeindigd" if name.startswith("_") else f"thuiszitters.{name}"
            _add(counts, key, code, n)

    for code, kind, n in session.execute(sa.text(_INTERVENTIONS_SQL), params):
        _add(counts, "processen_verbaal" if kind == "official_report" else "halt_verwijzingen", code, n)

    for code, n in session.execute(sa.text(_TRANSFERS_SQL), {"label": str(year)}):
        _add(counts, "overstap_vo_mbo.begeleid", code, n)

    groups = {kind: group for group, kind in DROPOUT_GROUPS.items()}
    outcomes = {stored: name for name, stored in DROPOUT_OUTCOMES.items()}
    for code, kind, outcome, n in session.execute(sa.text(_DROPOUTS_SQL), params):
        if kind in groups and outcome in outcomes:
            _add(counts, f"matchmakers.{groups[kind]}.{outcomes[outcome]}", code, n)
            _add(counts, f"matchmakers.{groups[kind]}.geplaatst", code, n)

    region_codes = set(codes)
    pupil_params = _window_params(duty_window(pupils_reference_date(year)))
    for code, n in session.execute(sa.text(_PUPILS_SQL), pupil_params):
        # Only those living in the region count: persons living elsewhere are left out of the total.
        if code in region_codes:
            _add(counts, "leerlingen", code, n)
    return counts


def _has_data(session: Session, year: SchoolYear) -> bool:
    params = {"start": year.start.isoformat(), "end": year.end.isoformat()}
    return bool(session.execute(sa.text(_HAS_DATA_SQL), params).scalar())


def _parse_year(school_year: str | SchoolYear) -> SchoolYear:
    if isinstance(school_year, SchoolYear):
        return school_year
    try:
        return SchoolYear.parse(school_year)
    except ValueError:
        raise DomainError(f"'{school_year}' is geen schooljaar; schrijf het als 2023-2024.") from None


def _pick(current: Counts, previous: Counts | None, code: str, name: str | None, year: SchoolYear,
          definitions: DefinitionSet) -> Figures:
    def figure(key: str) -> Figure:
        prev = None if previous is None else previous.get(key, {}).get(code, 0)
        return Figure(current.get(key, {}).get(code, 0), prev)

    return Figures(
        school_year=str(year),
        municipality_code=None if code == _REGION else code,
        municipality_name=name,
        definitions=definitions,
        values={key: figure(key) for key in FIGURE_KEYS},
        home_sitters_ended_other=figure("_thuiszitters.overig_beeindigd"),
    )


def _both_years(session: Session, year: SchoolYear, region: Region) -> tuple[Counts, Counts | None]:
    current = _year_counts(session, year, region.codes)
    before = year.previous()
    previous = _year_counts(session, before, region.codes) if _has_data(session, before) else None
    return current, previous


def compute_figures(
    session: Session,
    school_year: str | SchoolYear,
    municipality_code: str | None = None,
    *,
    region: Region | None = None,
    definitions: DefinitionSet = DEFINITIONS,
) -> Figures:
    """The figures of ``school_year`` for the region, or for one gemeente (CBS code), beside last year's."""
    year = _parse_year(school_year)
    region = region or load_region()
    name = None
    if municipality_code is not None:
        municipality_code = municipality_code.strip().upper()
        if municipality_code not in region.codes:
            raise DomainError(
                f"Gemeente {municipality_code} hoort niet bij de regio {region.name}; "
                f"kies een van: {', '.join(region.codes)}."
            )
        name = region.by_code(municipality_code).name
    current, previous = _both_years(session, year, region)
    return _pick(current, previous, municipality_code or _REGION, name, year, definitions)


def compute_region_figures(
    session: Session,
    school_year: str | SchoolYear,
    *,
    region: Region | None = None,
    definitions: DefinitionSet = DEFINITIONS,
) -> RegionFigures:
    """The region's figures and every gemeente's, from the same grouped queries (two years, one pass each)."""
    year = _parse_year(school_year)
    region = region or load_region()
    current, previous = _both_years(session, year, region)
    return RegionFigures(
        region=_pick(current, previous, _REGION, None, year, definitions),
        municipalities={
            m.cbs_code: _pick(current, previous, m.cbs_code, m.name, year, definitions)
            for m in region.municipalities
        },
        region_name=region.name,
    )


def figure_rows(figures: Figures) -> list[tuple[str, str, int, int | None, float | None]]:
    """(key, Dutch label, value, previous, change_pct) per figure, in the definitions' order."""
    return [
        (key, figures.definitions.label(key), f.value, f.previous, f.change_pct)
        for key, f in figures.values.items()
    ]


@dataclass(frozen=True)
class ChartData:
    """A grouped bar chart as plain data: the jaarverslag draws it with ReportLab, the app with Qt."""

    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (legend name, one value per category)


def chart_data(figures: Figures) -> list[ChartData]:
    """The charts of the jaarverslag for these figures (last year's bars show 0 when there is no value)."""
    year = figures.school_year
    previous_year = str(SchoolYear.parse(year).previous())

    def both(keys: list[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
        return ((previous_year, tuple(figures[k].previous or 0 for k in keys)),
                (year, tuple(figures.value(k) for k in keys)))

    kinds = ["relatief_verzuim.16_uur", "relatief_verzuim.overig", "relatief_verzuim.luxe", "verzuim_18_plus"]
    outcomes = list(DROPOUT_OUTCOMES)
    return [
        ChartData("meldingen", "Meldingen per soort en per schooljaar",
                  ("16 uur", "Overig", "Luxe", "Verzuim 18+"), both(kinds)),
        ChartData("vrijstellingen", f"Vrijstellingen {year}: behandeld en toegekend per artikel",
                  tuple(EXEMPTION_ARTICLE_LABELS[a] for a in EXEMPTION_ARTICLES),
                  (("behandeld", tuple(figures.value(f"vrijstelling.{a}.behandeld") for a in EXEMPTION_ARTICLES)),
                   ("toegekend", tuple(figures.value(f"vrijstelling.{a}.toegekend") for a in EXEMPTION_ARTICLES)))),
        ChartData("handhaving", "Handhaving per schooljaar", ("Halt-verwijzingen", "Processen-verbaal"),
                  both(["halt_verwijzingen", "processen_verbaal"])),
        ChartData("matchmakers", f"Geplaatst door MatchMakers in {year}, per uitkomst",
                  ("Terug naar onderwijs", "Regulier werk", "BBL", "Ander traject"),
                  (("oud-vsv'ers", tuple(figures.value(f"matchmakers.oud_vsv.{o}") for o in outcomes)),
                   ("nieuw-vsv'ers", tuple(figures.value(f"matchmakers.nieuw_vsv.{o}") for o in outcomes)))),
    ]


def home_sitter_flow(figures: Figures) -> list[tuple[str, int, str]]:
    """The thuiszitters flow as (operator, number, Dutch label) from begin to end, as the report shows it."""
    steps = [
        ("", figures.value("thuiszitters.begin"), "aanvang 1 augustus"),
        ("+", figures.value("thuiszitters.nieuw"), "nieuwe gevallen"),
        ("−", figures.value("thuiszitters.opgelost"), "opgelost"),
        ("−", figures.value("thuiszitters.18_jaar"), "18 jaar geworden"),
        ("−", figures.value("thuiszitters.verhuisd"), "verhuisd"),
    ]
    if figures.home_sitters_ended_other.value:
        steps.append(("−", figures.home_sitters_ended_other.value, "andere reden"))
    steps.append(("=", figures.value("thuiszitters.eind"), "einde 31 juli"))
    return steps


def available_school_years(session: Session) -> list[str]:
    """School years in which the administration holds meldingen or cases, newest first (for a chooser)."""
    sql = sa.text(
        "SELECT MIN(d), MAX(d) FROM (SELECT MIN(received_on) AS d FROM absence_reports WHERE deleted = 0 "
        "UNION ALL SELECT MAX(received_on) FROM absence_reports WHERE deleted = 0 "
        "UNION ALL SELECT MIN(opened_on) FROM cases WHERE deleted = 0 "
        "UNION ALL SELECT MAX(opened_on) FROM cases WHERE deleted = 0)"
    )
    first, last = session.execute(sql).one()
    if not first:
        return []
    low, high = year_of(date.fromisoformat(first)), year_of(date.fromisoformat(last))
    return [str(SchoolYear(y)) for y in range(high.start_year, low.start_year - 1, -1)]


__all__ = [
    "DEFINITIONS",
    "DROPOUT_GROUPS",
    "DROPOUT_OUTCOMES",
    "EXEMPTION_ARTICLES",
    "FIGURE_KEYS",
    "ChartData",
    "Definition",
    "DefinitionSet",
    "DutyWindow",
    "Figure",
    "Figures",
    "RegionFigures",
    "available_school_years",
    "change_pct",
    "chart_data",
    "compute_figures",
    "compute_region_figures",
    "duty_person_ids",
    "duty_window",
    "figure_rows",
    "figures_to_json",
    "home_sitter_flow",
    "pupils_reference_date",
]
