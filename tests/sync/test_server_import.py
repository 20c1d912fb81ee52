"""`vangnet-server import vangnet-jsonl`: a migration file straight into the server database, on SQLite and
PostgreSQL: counts, scope (what each role then pulls, and the same access rows a push gives), refusals
that write nothing and name the line, natural keys, idempotence and the disabled accounts it creates."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, insert, select

from desktop.models import entities
from desktop.models.region import municipality_id
from sync.server import scope, store
from sync.server.cli import create_account, main
from sync.server.db import accounts, audit_log, counters, make_engine, record_access, record_keys, records
from sync.server.import_jsonl import TerminalProgress, import_file
from sync.server.migrate import upgrade
from tests.sync import records as docs
from tests.sync.conftest import PASSWORD, LiveServer, _reset_postgres
from tests.sync.records import new_id, op, valid_bsn

STAMP = "2026-01-05T10:00:00+00:00"
TYPE_OF = {e.table: e.interchange for e in entities.entities()}


def line(table: str, record_id: str, deleted: bool = False, **fields: Any) -> dict[str, Any]:
    """One record line as `vangnet export` writes it (bookkeeping fields included)."""
    return {"type": TYPE_OF[table], **fields, "id": record_id, "version": 1, "updated_at": STAMP, "deleted": deleted}


def write_file(path: Path, lines: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"type": "vangnet-export", "format_version": 1, "exported_at": STAMP}) + "\n")
        for item in lines:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        handle.write(json.dumps({"type": "einde", "records": len(lines)}) + "\n")
    return path


def user(username: str, role: str, codes: list[str], record_id: str | None = None) -> dict[str, Any]:
    return line(
        "users", record_id or new_id(), username=username, display_name=username.title(), role=role,
        municipality_codes=codes, job_title=None, email=None, phone=None, active=True,
    )


class Office:
    """A small office's file: users, a gemeente under a foreign id, a school and a few person files."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.lines: list[dict[str, Any]] = []
        self.bsn = valid_bsn()

    def build(self) -> Office:
        ids = self.ids
        for name in ("anna", "bram", "cora", "zoe", "p1", "p2", "p3", "c1", "c2", "c3", "school", "gm"):
            ids[name] = new_id()
        self.lines = [
            # The office's own id for GM0505: the server's (uuid5 of the CBS code) takes over.
            line("municipalities", ids["gm"], cbs_code="GM0505", name="Dordrecht", in_region=True),
            user("anna", "consultant", ["GM0505"], ids["anna"]),
            user("bram", "consultant", ["GM0505"], ids["bram"]),
            user("cora", "administrator", ["GM0505"], ids["cora"]),
            user("zoe", "consultant", ["GM0505"], ids["zoe"]),
            line("schools", ids["school"], brin="12AB", location="00", name="De Brug", kind="VO",
                 municipality_code="GM0505"),
            line("persons", ids["p1"], **docs.person(bsn=self.bsn, last_name="Geheimnaam")),
            line("persons", ids["p2"], **docs.person()),
            line("persons", ids["p3"], **docs.person()),
            line("cases", ids["c1"], **docs.case(ids["p1"], assigned_user_id=ids["anna"], school_id=ids["school"])),
            line("cases", ids["c2"], **docs.case(ids["p2"], assigned_user_id=ids["bram"])),
            # A case of p3 that was deleted: its consultant no longer sees the file.
            line("cases", ids["c3"], deleted=True, **docs.case(ids["p3"], assigned_user_id=ids["anna"])),
            line("journal_entries", new_id(), **docs.journal(ids["p1"], ids["c1"], author_user_id=ids["anna"])),
            line("journal_entries", new_id(), **docs.journal(ids["p2"], ids["c2"])),
            line("exemptions", new_id(), **docs.exemption(ids["p1"], article="5b")),
            # A report from another gemeente: GM0606 sees p2's whole file.
            line("absence_reports", new_id(), person_id=ids["p2"], case_id=ids["c2"], received_on="2026-09-10",
                 kind="sixteen_hours", municipality_code="GM0606"),
        ]
        return self


def _engine(url: str):
    engine = make_engine(url)
    upgrade(engine)
    store.seed_region(engine)
    return engine


def _count(engine, table: str | None = None) -> int:
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(records)
        if table:
            stmt = stmt.where(records.c.table_name == table)
        return conn.execute(stmt).scalar_one()


def _pulled(client) -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    since = 0
    while True:
        page = client.pull(since, 1000)
        seen |= {(r.table, r.id) for r in page.rows}
        since = page.next
        if not page.has_more:
            return seen


def _cli(url: str, path: Path, capsys) -> tuple[int, str, str]:
    code = main(["--database-url", url, "import", "vangnet-jsonl", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_small_file_imports_with_counts_and_no_personal_data(database_url: str, tmp_path: Path, capsys) -> None:
    office = Office().build()
    path = write_file(tmp_path / "kantoor.jsonl", office.lines)
    code, out, err = _cli(database_url, path, capsys)
    assert code == 0, err
    assert "Geïmporteerd: 3 leerlingen, 1 school, 4 gebruikers, 3 zaken" in out
    assert "2 journaal" in out and "1 verzuimmelding" in out and "1 vrijstelling" in out
    assert "Al op de server en ongewijzigd: 1 gemeente" in out
    assert "4 nieuw (uitgeschakeld" in out
    for secret in (office.bsn, "Geheimnaam", "Jansen", "Sem"):
        assert secret not in out + err
    engine = make_engine(database_url)
    try:
        assert _count(engine, "persons") == 3 and _count(engine, "cases") == 3 and _count(engine, "users") == 4
        assert _count(engine, "municipalities") == 10  # the region's, none added
        with engine.connect() as conn:
            versions = {r[0] for r in conn.execute(select(records.c.version).where(records.c.table_name != "users"))}
            seqs = [r[0] for r in conn.execute(select(records.c.server_seq))]
            deleted = conn.execute(select(records.c.deleted).where(records.c.record_id == office.ids["c3"])).scalar()
            logged = conn.execute(select(func.count()).where(audit_log.c.action == "import_jsonl")).scalar_one()
        assert versions == {1} and len(set(seqs)) == len(seqs) and deleted is True and logged == 1
    finally:
        engine.dispose()


def test_every_role_pulls_what_its_scope_says(database_url: str, tmp_path: Path) -> None:
    live = LiveServer(database_url, tmp_path / "data").start()
    try:
        for name, role, codes in (
            ("anna", "consultant", ["GM0505"]),
            ("bram", "consultant", ["GM0505"]),
            ("cora", "administrator", ["GM0505"]),
            ("eva", "administrator", ["GM0606"]),
        ):
            live.add_user(name, role, codes)
        office = Office().build()
        report = import_file(live.engine, write_file(tmp_path / "kantoor.jsonl", office.lines))
        assert report.ok, report.problems
        ids = office.ids
        file_keys = {(_item_table(item), item["id"]) for item in office.lines}
        persons_and_files = {k for k in file_keys if k[0] not in scope.REFERENCE_TABLES}

        cora = _pulled(live.client("cora"))
        assert persons_and_files <= cora  # every record of the gemeente, the deleted case too

        anna = {k for k in _pulled(live.client("anna")) if k[0] not in scope.REFERENCE_TABLES}
        p1_file = {k for k in persons_and_files if _person_of(office, k) == ids["p1"]}
        assert anna == p1_file  # her case and the file of its person; not the deleted case of p3

        bram = {k for k in _pulled(live.client("bram")) if k[0] not in scope.REFERENCE_TABLES}
        assert bram == {k for k in persons_and_files if _person_of(office, k) == ids["p2"]}

        eva = {k for k in _pulled(live.client("eva")) if k[0] not in scope.REFERENCE_TABLES}
        assert eva == bram  # GM0606 is named in p2's file only, and then sees all of it

        # The file's users were matched by username: anna's case is assigned to her server account.
        with live.engine.connect() as conn:
            assigned = json.loads(
                conn.execute(select(records.c.data).where(records.c.record_id == ids["c1"])).scalar_one()
            )["assigned_user_id"]
        assert assigned == live.users["anna"]
    finally:
        live.stop()


def _item_table(item: dict[str, Any]) -> str:
    return entities.by_interchange(item["type"]).table  # type: ignore[union-attr]


def _person_of(office: Office, key: tuple[str, str]) -> str | None:
    item = next(i for i in office.lines if i["id"] == key[1])
    return item["id"] if key[0] == "persons" else item.get("person_id")


def test_access_rows_are_those_of_the_same_records_pushed(database_url: str, tmp_path: Path) -> None:
    """The bulk write's scope against the push path's, record by record and access row by access row."""
    live = LiveServer(database_url, tmp_path / "push-data").start()
    try:
        gerda = live.add_user("gerda", "administrator", ["GM0505", "GM0606"])
        anna = live.add_user("anna", "consultant", ["GM0505"])
        bram = live.add_user("bram", "consultant", ["GM0505"])
        p = [new_id() for _ in range(4)]
        c = [new_id() for _ in range(5)]
        plan: list[tuple[str, str, dict[str, Any], bool]] = [
            ("persons", p[0], docs.person(), False),
            ("persons", p[1], docs.person(), False),
            ("persons", p[2], docs.person(), False),  # no case: its writer sees it
            ("persons", p[3], docs.person("GM0606"), False),
            ("cases", c[0], docs.case(p[0], assigned_user_id=anna), False),
            ("cases", c[1], docs.case(p[1], assigned_user_id=bram), False),
            ("cases", c[2], docs.case(p[3], "GM0606"), False),  # unassigned: its writer handles it
            ("cases", c[3], docs.case(p[3], "GM0606", assigned_user_id=anna), True),
            ("cases", c[4], docs.case(p[0], assigned_user_id=bram), False),
            ("journal_entries", new_id(), docs.journal(p[0], c[0]), False),
            ("journal_entries", new_id(), docs.journal(p[1], None), False),
            ("exemptions", new_id(), docs.exemption(p[0], article="5b"), False),
            ("interventions", new_id(), docs.intervention(p[3], c[3]), False),
            ("absence_reports", new_id(), {"person_id": p[1], "case_id": c[1], "received_on": "2026-09-10",
                                            "kind": "sixteen_hours", "municipality_code": "GM0606"}, False),
        ]
        # As a device sends them: an insert leaves out the fields without a value.
        ops = [
            op(table, rid, "insert", **{k: v for k, v in fields.items() if v is not None})
            for table, rid, fields, _deleted in plan
        ]
        ops += [op(table, rid, "delete", base=1) for table, rid, _fields, deleted in plan if deleted]
        answers = live.client("gerda").push(ops).results
        assert all(a.status == "applied" for a in answers), answers
        pushed = _state(live.engine)
        users = [user(name, role, codes, live.users[name]) for name, role, codes in (
            ("gerda", "administrator", ["GM0505", "GM0606"]), ("anna", "consultant", ["GM0505"]),
            ("bram", "consultant", ["GM0505"]),
        )]
    finally:
        live.stop()
    _empty(database_url)
    path = write_file(tmp_path / "zelfde.jsonl", users + [line(t, i, d, **f) for t, i, f, d in plan])
    engine = _engine(database_url)
    try:
        report = import_file(engine, path, owner_user_id=gerda)
        assert report.ok, report.problems
        imported = _state(engine)
    finally:
        engine.dispose()
    assert {gerda, anna, bram, "gm:GM0505", "gm:GM0606"} <= {a[0] for a in pushed["access"]}
    assert imported["access"] == pushed["access"]
    assert imported["records"] == pushed["records"]
    assert imported["keys"] == pushed["keys"] and pushed["keys"]


def _state(engine) -> dict[str, Any]:
    with engine.connect() as conn:
        access = {tuple(r) for r in conn.execute(select(record_access))}
        keys = {tuple(r) for r in conn.execute(select(record_keys).where(record_keys.c.table_name != "municipalities"))}
        rows = {
            (r.table_name, r.record_id): (
                json.loads(r.data), r.deleted, r.municipality_code, r.owner_user_id, r.assigned_user_id,
                r.person_id, r.case_id, r.version if not r.deleted else None,
            )
            for r in conn.execute(select(records).where(records.c.table_name.notin_(["users", "municipalities"])))
        }
    return {"access": access, "records": rows, "keys": keys}


def _empty(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        Path(database_url.split("///", 1)[1]).unlink()
    else:
        _reset_postgres(database_url)


@pytest.mark.parametrize(
    ("index", "change", "field", "type_label", "refused"),
    [
        (14, {"received_on": "2026-02-30"}, "received_on", "vrijstelling", 1),
        (15, {"lievelingskleur": "blauw"}, "lievelingskleur", "verzuimmelding", 1),
        (13, {"case_id": "0b3c1a52-7d0e-4c55-9a3e-5f1f2d9e8c11"}, "case_id", "journaalregel", 1),
        (12, {"id": "journaal-12"}, "id", "journaalregel", 1),
        # A refused person: what points at it is refused too, with the line it points at.
        (6, {"birth_date": "2012-02-30"}, "birth_date", "leerling", 4),
    ],
    ids=["wrong-date", "unknown-field", "dangling-reference", "not-a-uuid", "refused-parent"],
)
def test_one_bad_record_imports_nothing_and_names_the_line(
    database_url: str, tmp_path: Path, capsys, index: int, change: dict[str, Any], field: str, type_label: str,
    refused: int,
) -> None:
    office = Office().build()
    office.lines[index].update(change)
    path = write_file(tmp_path / "fout.jsonl", office.lines)
    engine = _engine(database_url)
    before = _count(engine)
    code, out, err = _cli(database_url, path, capsys)
    assert code == 1 and out == ""
    assert f"Er is niets geïmporteerd: {refused} van de 16 records afgekeurd." in err
    assert f"Regel {index + 2} ({type_label}, veld {field})" in err  # line 1 is the header
    if refused > 1:
        assert f"verwijst naar een afgekeurd record (regel {index + 2})" in err
    for secret in (office.bsn, "Geheimnaam", "Jansen", "02-30", "blauw", "journaal-12", "0b3c1a52"):
        assert secret not in err
    assert _count(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(accounts)).scalar_one() == 0
    engine.dispose()


def test_natural_keys_remap_gemeenten_schools_users_and_persons(database_url: str, tmp_path: Path) -> None:
    engine = _engine(database_url)
    try:
        anna = create_account(engine, "anna", PASSWORD, "consultant", ["GM0505"])
        first = Office().build()
        report = import_file(engine, write_file(tmp_path / "een.jsonl", first.lines))
        assert report.ok and report.accounts_created == 3 and report.accounts_matched == 1
        # A second office knows the same gemeente, school, colleagues and child under its own ids.
        second = Office().build()
        second.lines[5]["id"] = school = new_id()
        second.lines[6] = {**first.lines[6], "id": second.ids["p1"]}
        case_id = new_id()
        fields = docs.case(second.ids["p1"], assigned_user_id=second.ids["anna"], school_id=school)
        second.lines = [*second.lines[:9], line("cases", case_id, **fields)]
        report = import_file(engine, write_file(tmp_path / "twee.jsonl", second.lines))
        assert report.ok, report.problems
        assert report.accounts_created == 0 and report.accounts_matched == 4
        assert report.inserted == {"persons": 2, "cases": 1}
        assert report.unchanged == {"municipalities": 1, "schools": 1, "persons": 1, "users": 4}
        with engine.connect() as conn:
            gemeenten = set(
                conn.execute(select(records.c.record_id).where(records.c.table_name == "municipalities")).scalars()
            )
            case = json.loads(conn.execute(select(records.c.data).where(records.c.record_id == case_id)).scalar_one())
            names = dict(conn.execute(select(accounts.c.username, accounts.c.id)).all())
        assert municipality_id("GM0505") in gemeenten and first.ids["gm"] not in gemeenten and len(gemeenten) == 10
        assert case["person_id"] == first.ids["p1"] and case["school_id"] == first.ids["school"]
        assert case["assigned_user_id"] == anna == names["anna"]  # the account that was there before
        assert names["zoe"] == first.ids["zoe"]  # made by the first import, with the file's id
        assert _count(engine, "persons") == 5 and _count(engine, "schools") == 1 and len(names) == 4
    finally:
        engine.dispose()


def test_same_file_twice_changes_nothing_and_a_changed_record_is_updated(
    database_url: str, tmp_path: Path, capsys
) -> None:
    office = Office().build()
    path = write_file(tmp_path / "kantoor.jsonl", office.lines)
    assert _cli(database_url, path, capsys)[0] == 0
    engine = make_engine(database_url)
    try:
        def snapshot() -> tuple[Any, ...]:
            with engine.connect() as conn:
                return (
                    sorted(tuple(r) for r in conn.execute(select(records))),
                    sorted(tuple(r) for r in conn.execute(select(record_access))),
                    conn.execute(select(func.count()).select_from(accounts)).scalar_one(),
                    conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one(),
                )

        before = snapshot()
        code, out, _err = _cli(database_url, path, capsys)
        assert code == 0 and "Geïmporteerd: niets nieuws." in out and "0 nieuw" in out
        after = snapshot()
        assert after[0:3] == before[0:3] and after[3] == before[3]

        office.lines[7]["last_name"] = "Anders"
        code, out, _err = _cli(database_url, write_file(tmp_path / "stap2.jsonl", office.lines), capsys)
        assert code == 0 and "Bijgewerkt: 1 leerling." in out
        with engine.connect() as conn:
            row = conn.execute(select(records).where(records.c.record_id == office.ids["p2"])).one()
        assert json.loads(row.data)["last_name"] == "Anders" and row.version == 2
        assert json.loads(row.field_versions)["last_name"] == [2, None]

        # A journal line is append-only: a changed one is refused, and nothing else is written.
        office.lines[12]["text"] = "andere tekst"
        office.lines[8]["last_name"] = "Ook anders"
        code, _out, err = _cli(database_url, write_file(tmp_path / "stap3.jsonl", office.lines), capsys)
        assert code == 1 and "Regel 14 (journaalregel, veld text)" in err
        with engine.connect() as conn:
            data = conn.execute(select(records.c.data).where(records.c.record_id == office.ids["p3"])).scalar_one()
        assert json.loads(data)["last_name"] != "Ook anders"
    finally:
        engine.dispose()


def test_imported_accounts_are_disabled_and_cannot_log_in(database_url: str, tmp_path: Path) -> None:
    live = LiveServer(database_url, tmp_path / "data").start()
    try:
        office = Office().build()
        assert import_file(live.engine, write_file(tmp_path / "kantoor.jsonl", office.lines)).ok
        with live.engine.connect() as conn:
            zoe = conn.execute(select(accounts).where(accounts.c.username == "zoe")).one()
            users_row = json.loads(
                conn.execute(select(records.c.data).where(records.c.record_id == office.ids["zoe"])).scalar_one()
            )
        assert zoe.id == office.ids["zoe"] and zoe.active is False and zoe.role == "consultant"
        assert json.loads(zoe.municipality_codes) == ["GM0505"] and users_row["active"] is False
        for password in ("", PASSWORD, "zoe", zoe.password_hash):
            answer = requests.post(
                live.url + "/api/v1/auth/login",
                timeout=10,
                json={"username": "zoe", "password": password, "device_name": "L1"},
                headers={"X-Vangnet-Protocol": "1", "X-Vangnet-Schema": "1"},
            )
            assert answer.status_code in (401, 422)
    finally:
        live.stop()


def test_records_removed_after_their_keeping_period_stay_removed(sqlite_url: str, tmp_path: Path) -> None:
    office = Office().build()
    path = write_file(tmp_path / "kantoor.jsonl", office.lines)
    engine = _engine(sqlite_url)
    try:
        assert import_file(engine, path).ok
        child = office.ids["p2"]
        with engine.begin() as conn:
            # What audit_deletions does for a person whose term passed: the file goes, the log says so.
            doomed = [
                (r.table_name, r.record_id)
                for r in conn.execute(select(records).where(records.c.person_id == child))
            ]
            for table, record_id in doomed:
                conn.execute(records.delete().where(records.c.table_name == table, records.c.record_id == record_id))
                conn.execute(record_access.delete().where(record_access.c.record_id == record_id))
                conn.execute(record_keys.delete().where(record_keys.c.record_id == record_id))
            conn.execute(
                insert(audit_log).values(at=STAMP, action="retention_delete", object=f"persons:{child}", result="ok")
            )
        report = import_file(engine, path)
        assert report.ok and report.removed_earlier == len(doomed) and not report.inserted
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).where(records.c.person_id == child)).scalar_one() == 0
    finally:
        engine.dispose()


def test_progress_is_a_percentage_on_a_terminal_and_a_line_per_block_elsewhere() -> None:
    plain = io.StringIO()
    progress = TerminalProgress(plain, every=100)
    for count in range(0, 350, 10):
        progress("Schrijven", count / 340, count)
    progress("Schrijven", 1.0, 340)
    assert plain.getvalue().splitlines() == [
        "Schrijven: 100 records (29%)",
        "Schrijven: 200 records (58%)",
        "Schrijven: 300 records (88%)",
        "Schrijven: 340 records (100%)",
    ]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    progress = TerminalProgress(tty)
    for count in range(0, 11):
        progress("Lezen en controleren", count / 10, count)
    progress.close()
    assert tty.getvalue().count("\r") == 11 and tty.getvalue().endswith("100%\n")


def test_not_a_vangnet_file_is_refused_as_a_whole(sqlite_url: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "ander.jsonl"
    path.write_text('{"type": "iets anders"}\n', encoding="utf-8")
    code, _out, err = _cli(sqlite_url, path, capsys)
    assert code == 1 and "geen Vangnet-uitwisselbestand" in err
    cut = write_file(tmp_path / "afgebroken.jsonl", Office().build().lines)
    cut.write_text("\n".join(cut.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    code, _out, err = _cli(sqlite_url, cut, capsys)
    assert code == 1 and "afsluitregel" in err


def test_uuid_of_gemeente_is_derived_for_a_gemeente_the_server_does_not_have(sqlite_url: str, tmp_path: Path) -> None:
    engine = _engine(sqlite_url)
    try:
        other = new_id()
        path = write_file(
            tmp_path / "buiten.jsonl",
            [line("municipalities", other, cbs_code="GM0363", name="Amsterdam", in_region=False)],
        )
        assert import_file(engine, path).ok
        with engine.connect() as conn:
            stmt = select(records.c.record_id).where(records.c.table_name == "municipalities")
            ids = set(conn.execute(stmt).scalars())
        assert municipality_id("GM0363") in ids and other not in ids
    finally:
        engine.dispose()



def test_keys_are_held_as_a_push_holds_them(database_url: str, tmp_path: Path) -> None:
    """After an import the server's natural keys name the imported records: a device cannot add a second
    person with the same BSN, a taken case number is renumbered once, and a DUO number of another
    record is refused with its line."""
    live = LiveServer(database_url, tmp_path / "data").start()
    try:
        live.add_user("cora", "administrator", ["GM0505"])
        office = Office().build()
        assert import_file(live.engine, write_file(tmp_path / "een.jsonl", office.lines)).ok
        cora = live.client("cora")
        result = cora.push([op("persons", new_id(), **docs.person(bsn=office.bsn))]).results[0]
        assert (result.status, result.reason) == ("rejected", "duplicate_key")

        taken = office.lines[9]["case_number"]
        extra = new_id()
        later = [*office.lines[:9], line("cases", extra, **docs.case(office.ids["p2"], case_number=taken))]
        path = write_file(tmp_path / "twee.jsonl", later)
        report = import_file(live.engine, path)
        assert report.ok and report.inserted == {"cases": 1} and report.renumbered == {"cases": 1}
        with live.engine.connect() as conn:
            number = json.loads(
                conn.execute(select(records.c.data).where(records.c.record_id == extra)).scalar_one()
            )["case_number"]
        assert number != taken and number[:5] == taken[:5]
        again = import_file(live.engine, path)  # the renumbered case stays as it is
        assert again.ok and not again.inserted and not again.updated and not again.renumbered

        duo = {"person_id": office.ids["p1"], "received_on": "2026-09-10", "kind": "sixteen_hours",
               "duo_number": "VZ0000001"}
        first = write_file(tmp_path / "drie.jsonl", [*office.lines[:9], line("absence_reports", new_id(), **duo)])
        assert import_file(live.engine, first).ok
        clash = write_file(tmp_path / "vier.jsonl", [*office.lines[:9], line("absence_reports", new_id(), **duo)])
        report = import_file(live.engine, clash)
        assert not report.ok and [str(p) for p in report.problems] == [
            "Regel 11 (verzuimmelding, veld duo_number): er staat op de server al een andere verzuimmelding met"
            " deze waarde"
        ]
    finally:
        live.stop()


def test_an_imported_account_is_switched_on_with_a_password_of_its_own(database_url, tmp_path) -> None:
    import subprocess
    import sys

    from sync.server.cli import create_account
    from sync.server.db import accounts, make_engine
    from sync.server.migrate import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    create_account(engine, "jvdberg", "correct horse battery staple", "consultant", ["GM0505"])
    with engine.begin() as conn:
        conn.execute(accounts.update().where(accounts.c.username == "jvdberg").values(active=False))
    command = [sys.executable, "-m", "sync.server.cli", "--database-url", database_url, "users", "enable"]
    weak = subprocess.run([*command, "jvdberg", "--password-stdin"], input="wachtwoord12\n", capture_output=True,
                          text=True, timeout=60)
    assert weak.returncode != 0 and weak.stderr.strip()
    good = subprocess.run([*command, "jvdberg", "--password-stdin"], input="paarse fiets op de dijk\n",
                          capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stderr
    with engine.connect() as conn:
        assert conn.execute(accounts.select().where(accounts.c.username == "jvdberg")).first().active
    engine.dispose()
