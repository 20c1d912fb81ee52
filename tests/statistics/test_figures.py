"""Each definition counted on records whose numbers are known by construction, edges included."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models.errors import DomainError
from desktop.models.statistics import (
    DEFINITIONS,
    FIGURE_KEYS,
    change_pct,
    compute_figures,
    compute_region_figures,
    figures_to_json,
)

YEAR = "2023-2024"


def _anchor(admin) -> None:
    """One case in the previous school year, so that it counts as a year with data."""
    admin.case(admin.person(), "relative", date(2022, 9, 1))


def test_meldingen_by_date_received_with_year_edges(admin, session) -> None:
    pupil = admin.person(date(2012, 3, 3))
    admin.report(pupil, date(2023, 7, 31), "sixteen_hours")  # last day of 2022-2023
    admin.report(pupil, date(2023, 8, 1), "sixteen_hours")  # first day of 2023-2024
    admin.report(pupil, date(2024, 7, 31), "luxury")  # last day of 2023-2024
    admin.report(pupil, date(2024, 8, 1), "luxury")  # first day of 2024-2025
    for kind in ("other", "beginning", "signal", "long_term"):
        admin.report(pupil, date(2023, 11, 1), kind)
    gone = admin.report(pupil, date(2023, 11, 2), "sixteen_hours")
    gone.deleted = True  # a tombstone never counts
    session.flush()

    f = compute_figures(session, YEAR)
    assert f["relatief_verzuim.16_uur"].value == 1
    assert f["relatief_verzuim.luxe"].value == 1
    assert f["relatief_verzuim.overig"].value == 4
    assert f["relatief_verzuim.totaal"].value == 6
    assert f["verzuim_18_plus"].value == 0
    assert f["relatief_verzuim.16_uur"].previous == 1  # the melding of 31 July
    assert f["relatief_verzuim.luxe"].previous == 0
    assert compute_figures(session, "2024-2025")["relatief_verzuim.luxe"].value == 1


def test_pupil_turning_18_mid_year(admin, session) -> None:
    _anchor(admin)
    student = admin.person(date(2005, 12, 15))
    admin.report(student, date(2023, 11, 20), "sixteen_hours", start=date(2023, 11, 1))  # 17 on the begin date
    admin.report(student, date(2023, 12, 20), "other", start=date(2023, 12, 14))  # 17: the day before
    admin.report(student, date(2023, 12, 20), "other", start=date(2023, 12, 15))  # 18 on the birthday
    admin.report(student, date(2024, 2, 1), "over_18", start=date(2024, 1, 10))
    admin.report(student, date(2024, 3, 1), "sixteen_hours")  # no begin date: age on the day received
    # Born on 29 February: 18 on 1 March 2024? No, 2024 is a leap year: on 29 February itself.
    leap = admin.person(date(2006, 2, 28))
    admin.report(leap, date(2024, 3, 5), "luxury", start=date(2024, 2, 27))  # 17
    admin.report(leap, date(2024, 3, 5), "luxury", start=date(2024, 2, 28))  # 18
    f = compute_figures(session, YEAR)
    assert f["relatief_verzuim.16_uur"].value == 1
    assert f["relatief_verzuim.overig"].value == 1
    assert f["relatief_verzuim.luxe"].value == 1
    assert f["relatief_verzuim.totaal"].value == 3
    assert f["verzuim_18_plus"].value == 4


def test_leap_day_birth_reaches_18_on_1_march(admin, session) -> None:
    born = admin.person(date(2004, 2, 29))  # 2022 is not a leap year: 18 on 1 March 2022
    admin.report(born, date(2022, 3, 10), "other", start=date(2022, 2, 28))
    admin.report(born, date(2022, 3, 10), "other", start=date(2022, 3, 1))
    f = compute_figures(session, "2021-2022")
    assert (f["relatief_verzuim.overig"].value, f["verzuim_18_plus"].value) == (1, 1)


def test_person_who_moved_counts_where_registered(admin, session) -> None:
    _anchor(admin)
    moved = admin.person(date(2011, 4, 4), "GM0590", addresses=[
        (date(2011, 4, 4), date(2023, 12, 31), "GM0505"),
        (date(2024, 1, 1), None, "GM0590"),
    ])
    admin.report(moved, date(2023, 10, 10), gm="GM0505")  # registered while living in Dordrecht
    admin.report(moved, date(2024, 2, 2), gm="GM0590")
    dordrecht = compute_figures(session, YEAR, "GM0505")
    papendrecht = compute_figures(session, YEAR, "GM0590")
    assert dordrecht["relatief_verzuim.totaal"].value == 1
    assert papendrecht["relatief_verzuim.totaal"].value == 1
    assert compute_figures(session, YEAR)["relatief_verzuim.totaal"].value == 2
    # Leerlingen by the address on 1 October: Dordrecht in 2023, Papendrecht in 2024 (plus the anchor pupil,
    # who has no address history and so counts where the person record says: Dordrecht).
    assert (dordrecht["leerlingen"].value, papendrecht["leerlingen"].value) == (2, 0)
    later = compute_region_figures(session, "2024-2025")
    assert later.municipalities["GM0505"]["leerlingen"].value == 1
    assert later.municipalities["GM0590"]["leerlingen"].value == 1


def test_leerlingen_on_1_october(admin, session) -> None:
    _anchor(admin)  # born 2010-05-05, Dordrecht: leerplichtig
    on = date(2023, 10, 1)
    admin.person(date(2018, 9, 30))  # 5 on 30 September: leerplichtig from 1 October
    admin.person(date(2018, 10, 1))  # 5 on 1 October: from 1 November
    admin.person(date(2005, 10, 2))  # 18 on 2 October: still kwalificatieplichtig on 1 October
    admin.person(date(2005, 10, 1))  # 18 on 1 October: no longer
    admin.person(date(2007, 1, 1), qualified_on=date(2023, 7, 1))  # 16, havo diploma: done
    admin.person(date(2007, 1, 1), qualified_on=on)  # diploma on the count date: not any more
    admin.person(date(2007, 1, 1), qualified_on=date(2023, 10, 2))  # diploma the day after: counts
    admin.person(date(2007, 1, 1), qualification_exempt=True)  # praktijkonderwijs certificate
    admin.person(date(2008, 1, 1), qualified_on=date(2023, 7, 1))  # 15: leerplichtig, diploma or not
    admin.person(date(2012, 1, 1), deceased_on=date(2023, 9, 1))
    admin.person(date(2012, 1, 1), gm="GM0363")  # lives outside the region
    admin.person(date(2012, 1, 1), gm=None)
    admin.person(date(2012, 1, 1), "GM0505", addresses=[(date(2023, 11, 1), None, "GM0505")])  # arrived later
    f = compute_figures(session, YEAR)
    # anchor, 2018-09-30, 2005-10-02, diploma the day after, 2008 pupil
    assert f["leerlingen"].value == 5
    assert compute_figures(session, YEAR, "GM0505")["leerlingen"].value == 5
    assert compute_figures(session, YEAR, "GM0642")["leerlingen"].value == 0


def test_absolute_absence_counts_unique_persons(admin, session) -> None:
    _anchor(admin)
    twice = admin.person()
    admin.case(twice, "absolute", date(2023, 9, 1), needs_investigation=True)
    admin.case(twice, "absolute", date(2024, 3, 1), gm="GM0590")
    once = admin.person()
    admin.case(once, "absolute", date(2024, 7, 31))
    before = admin.person()
    admin.case(before, "absolute", date(2023, 7, 31))
    admin.case(admin.person(), "relative", date(2023, 9, 1))
    f = compute_figures(session, YEAR)
    assert f["absoluut_verzuim.totaal"].value == 2
    assert f["absoluut_verzuim.vervolgonderzoek"].value == 1
    assert f["absoluut_verzuim.totaal"].previous == 1
    assert compute_figures(session, YEAR, "GM0505")["absoluut_verzuim.totaal"].value == 2
    assert compute_figures(session, YEAR, "GM0590")["absoluut_verzuim.totaal"].value == 1


def test_exemptions_handled_and_granted(admin, session) -> None:
    _anchor(admin)
    child = admin.person()
    admin.exemption(child, "5a", date(2023, 8, 1), "granted")
    admin.exemption(child, "5a", date(2024, 7, 31), "refused")
    admin.exemption(child, "5a", date(2023, 7, 31), "granted")  # previous year
    admin.exemption(child, "5a", None, None, received=date(2024, 6, 1))  # not decided yet
    admin.exemption(child, "5a_travel", date(2023, 10, 1), "granted")  # art. 5a, not 5 onder a
    admin.exemption(child, "3b", date(2023, 10, 1), "granted", gm="GM0482")
    admin.exemption(child, "15", date(2023, 10, 1), "refused")
    f = compute_figures(session, YEAR)
    assert (f["vrijstelling.5a.behandeld"].value, f["vrijstelling.5a.toegekend"].value) == (2, 1)
    assert (f["vrijstelling.5a.behandeld"].previous, f["vrijstelling.5a.toegekend"].previous) == (1, 1)
    assert (f["vrijstelling.3b.behandeld"].value, f["vrijstelling.3b.toegekend"].value) == (1, 1)
    assert (f["vrijstelling.15.behandeld"].value, f["vrijstelling.15.toegekend"].value) == (1, 0)
    assert f["vrijstelling.5b.behandeld"].value == 0
    assert compute_figures(session, YEAR, "GM0482")["vrijstelling.3b.toegekend"].value == 1
    assert compute_figures(session, YEAR, "GM0505")["vrijstelling.3b.toegekend"].value == 0


def test_home_sitter_flow_balances(admin, session) -> None:
    _anchor(admin)
    p = admin.person()
    admin.home_sitter(p, date(2023, 3, 1))  # A: open all along -> begin and eind
    admin.home_sitter(p, date(2023, 5, 1), date(2023, 8, 1), "resolved")  # B: begin, ended on 1 August
    admin.home_sitter(p, date(2023, 8, 1), date(2024, 7, 31), "turned_18")  # C: new, 18 on 31 July
    admin.home_sitter(p, date(2024, 2, 1), date(2024, 8, 1), "moved", gm="GM0590")  # D: new, still open 31 July
    admin.home_sitter(p, date(2022, 1, 1), date(2023, 7, 31), "resolved")  # E: over before the year
    admin.home_sitter(p, date(2024, 1, 1), date(2024, 3, 1), "other")  # F: new, ended with another reason
    f = compute_figures(session, YEAR)
    got = {k: f[f"thuiszitters.{k}"].value for k in ("begin", "nieuw", "opgelost", "18_jaar", "verhuisd", "eind")}
    assert got == {"begin": 2, "nieuw": 3, "opgelost": 1, "18_jaar": 1, "verhuisd": 0, "eind": 2}
    assert f.home_sitters_ended_other.value == 1
    assert f.home_sitter_balance() == (2, 2)
    # Last year's end is this year's begin.
    assert f["thuiszitters.eind"].previous == f["thuiszitters.begin"].value
    assert compute_figures(session, "2024-2025")["thuiszitters.verhuisd"].value == 1
    assert compute_figures(session, YEAR, "GM0590")["thuiszitters.nieuw"].value == 1


def test_pv_and_halt_by_date_and_case_gemeente(admin, session) -> None:
    _anchor(admin)
    p = admin.person(gm="GM0610")
    case = admin.case(p, "relative", date(2023, 9, 1), gm="GM0531")
    admin.intervention(p, "official_report", date(2023, 8, 1), case)
    admin.intervention(p, "official_report", date(2024, 8, 1), case)
    admin.intervention(p, "halt", date(2024, 7, 31))  # no case: the person's gemeente
    admin.intervention(p, "warning", date(2024, 1, 1), case)
    f = compute_figures(session, YEAR)
    assert (f["processen_verbaal"].value, f["halt_verwijzingen"].value) == (1, 1)
    assert compute_figures(session, YEAR, "GM0531")["processen_verbaal"].value == 1
    assert compute_figures(session, YEAR, "GM0610")["halt_verwijzingen"].value == 1


def test_transfers_and_matchmakers(admin, session) -> None:
    _anchor(admin)
    p = admin.person(date(2004, 1, 1))
    admin.transfer(p, YEAR, guided=True)
    admin.transfer(p, YEAR, guided=False)
    admin.transfer(p, "2022-2023", guided=True)
    admin.trajectory(p, "old", date(2023, 9, 1), date(2024, 1, 1), "regular_work")
    admin.trajectory(p, "old", date(2023, 9, 1), date(2024, 7, 31), "bbl")
    admin.trajectory(p, "old", date(2023, 9, 1), date(2024, 8, 1), "bbl")  # placed next year
    admin.trajectory(p, "old", date(2023, 9, 1), None, None)  # still running
    admin.trajectory(p, "new", date(2023, 9, 1), date(2023, 12, 1), "back_to_school")
    admin.trajectory(p, "new", date(2023, 9, 1), date(2023, 12, 1), None)  # ended without a placement
    f = compute_figures(session, YEAR)
    assert f["overstap_vo_mbo.begeleid"].value == 1 and f["overstap_vo_mbo.begeleid"].previous == 1
    assert f["matchmakers.oud_vsv.regulier_werk"].value == 1
    assert f["matchmakers.oud_vsv.bbl"].value == 1
    assert f["matchmakers.oud_vsv.geplaatst"].value == 2
    assert f["matchmakers.nieuw_vsv.terug_naar_onderwijs"].value == 1
    assert f["matchmakers.nieuw_vsv.geplaatst"].value == 1
    assert f["matchmakers.nieuw_vsv.ander_traject"].value == 0


@pytest.mark.parametrize(("value", "previous", "expected"), [
    (3094, 2646, 16.9),
    (17, 16, 6.3),  # 6.25: half up
    (15, 16, -6.3),
    (1, 3, -66.7),
    (5, 5, 0.0),
    (0, 4, -100.0),
    (5, 0, None),
    (5, None, None),
])
def test_change_pct_rounding_and_nulls(value, previous, expected) -> None:
    assert change_pct(value, previous) == expected


def test_json_shape_exactly(admin, session) -> None:
    _anchor(admin)
    admin.report(admin.person(), date(2023, 9, 1))
    data = figures_to_json(compute_figures(session, YEAR, "GM0505"))
    assert list(data) == ["schooljaar", "gemeente", "definities", "figures"]
    assert data["schooljaar"] == YEAR and data["gemeente"] == "GM0505"
    assert data["definities"] == "LVS-ZHZ jaarverslag 2024.1"
    expected = ["leerlingen", "relatief_verzuim.totaal", "relatief_verzuim.16_uur", "relatief_verzuim.overig",
                "relatief_verzuim.luxe", "verzuim_18_plus", "absoluut_verzuim.totaal",
                "absoluut_verzuim.vervolgonderzoek"]
    for art in ("5a", "5b", "5c", "15", "3a", "3b"):
        expected += [f"vrijstelling.{art}.behandeld", f"vrijstelling.{art}.toegekend"]
    expected += [f"thuiszitters.{k}" for k in ("begin", "nieuw", "opgelost", "18_jaar", "verhuisd", "eind")]
    expected += ["processen_verbaal", "halt_verwijzingen", "overstap_vo_mbo.begeleid"]
    for group in ("oud_vsv", "nieuw_vsv"):
        expected += [f"matchmakers.{group}.{k}"
                     for k in ("terug_naar_onderwijs", "regulier_werk", "bbl", "ander_traject", "geplaatst")]
    assert sorted(data["figures"]) == sorted(expected)
    for item in data["figures"].values():
        assert list(item) == ["value", "previous", "change_pct"]
        assert isinstance(item["value"], int)
    assert data["figures"]["relatief_verzuim.16_uur"] == {"value": 1, "previous": 0, "change_pct": None}
    assert figures_to_json(compute_figures(session, YEAR))["gemeente"] is None
    assert set(FIGURE_KEYS) == set(expected) == set(DEFINITIONS.keys)
    assert all(DEFINITIONS.get(k).description for k in expected)


def test_previous_is_null_without_data(admin, session) -> None:
    admin.report(admin.person(), date(2023, 9, 1))
    data = figures_to_json(compute_figures(session, YEAR))
    assert data["figures"]["relatief_verzuim.16_uur"] == {"value": 1, "previous": None, "change_pct": None}
    assert all(item["previous"] is None for item in data["figures"].values())


def test_region_pass_equals_single_queries(admin, session) -> None:
    _anchor(admin)
    for index, code in enumerate(("GM0505", "GM0590", "GM1963", None)):
        p = admin.person(date(2010, 1, 1 + index), code or "GM0505")
        for _ in range(index + 1):
            admin.report(p, date(2023, 10, 1 + index), gm=code)
        admin.exemption(p, "5c", date(2023, 10, 1), "granted", gm=code)
    region = compute_region_figures(session, YEAR)
    for code, figures in region.municipalities.items():
        assert figures.values == compute_figures(session, YEAR, code).values
    assert region.region.values == compute_figures(session, YEAR).values
    # A melding without a gemeente counts for the region only.
    assert region.region["relatief_verzuim.totaal"].value == 10
    assert sum(f["relatief_verzuim.totaal"].value for f in region.municipalities.values()) == 6


def test_unknown_gemeente_and_year_are_refused(session) -> None:
    with pytest.raises(DomainError, match="hoort niet bij de regio"):
        compute_figures(session, YEAR, "GM9999")
    with pytest.raises(DomainError, match="geen schooljaar"):
        compute_figures(session, "2023-2025")


def test_school_years_for_a_chooser_and_rows_for_a_table(admin, session) -> None:
    from desktop.models.statistics import available_school_years, figure_rows

    assert available_school_years(session) == []
    p = admin.person()
    admin.report(p, date(2022, 8, 1))
    admin.case(p, "relative", date(2024, 7, 31))
    assert available_school_years(session) == ["2023-2024", "2022-2023"]
    rows = figure_rows(compute_figures(session, YEAR))
    assert [r[0] for r in rows] == list(FIGURE_KEYS)
    assert rows[1] == ("relatief_verzuim.totaal", "Meldingen relatief verzuim", 0, 1, -100.0)
