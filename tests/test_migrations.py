"""Migrations run at start-up on a database that already holds data, after a backup."""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, inspect, text

from desktop.models import Municipality, Person
from desktop.models.keyfile import KdfParams
from desktop.models.migrate import current_revision, head_revision, upgrade
from tests.conftest import PASSPHRASE


def test_profile_of_the_first_schema_is_migrated_with_its_data_kept(profile):
    old = profile.create(PASSPHRASE, kdf=KdfParams.minimum(), migrate=False)
    upgrade(old, backup_first=False, target="0001")
    assert current_revision(old.engine) == "0001"
    with old.session() as session:
        session.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
        # Only the columns the first schema has: the model of today has more.
        session.execute(insert(Person.__table__).values(
            bsn="111222333", first_names="Sanne", last_name="de Vries", birth_date=date(2012, 3, 4),
            municipality_code="GM0505",
        ))
    old.close()
    assert not profile.backups()

    reopened = profile.unlock(PASSPHRASE)  # migrates to the newest schema
    try:
        assert current_revision(reopened.engine) == head_revision() != "0001"
        assert len(profile.backups()) == 1, "een back-up hoort vóór de migratie te worden gemaakt"
        with reopened.session() as session:
            assert session.query(Person).one().last_name == "de Vries"
            assert "audit_log" in inspect(session.connection()).get_table_names()
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    finally:
        reopened.close()


def test_unlocking_a_current_profile_runs_no_migration_and_makes_no_backup(profile, store):
    store.close()
    profile.unlock(PASSPHRASE).close()
    assert profile.backups() == []


def test_head_read_from_the_scripts_is_alembics_head():
    from alembic.script import ScriptDirectory

    from desktop.models.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_a_profile_at_the_newest_schema_does_not_import_alembic(profile, store, tmp_path):
    import subprocess
    import sys

    store.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.models.store import Profile\n"
        f"Profile(Path({str(profile.path)!r})).unlock({PASSPHRASE!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "False"


def test_a_new_profile_migrated_to_head_has_the_access_log_and_every_writer_fills_it(profile, tmp_path):
    from desktop.models import audit
    from desktop.models.exporters.inzage import write_inzage
    from desktop.models.exporters.jsonl import export_jsonl

    new = profile.create(PASSPHRASE, kdf=KdfParams.minimum(), migrate=False)
    try:
        assert "audit_log" not in inspect(new.engine).get_table_names()
        upgrade(new, backup_first=False)
        assert current_revision(new.engine) == head_revision()
        assert {"audit_log", "local_meta"} <= set(inspect(new.engine).get_table_names())
        # The table's presence is the migrations' promise: the writers append without looking for it.
        with new.session() as session:
            session.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
            person = Person(
                bsn="111222333",
                first_names="Sanne",
                last_name="de Vries",
                birth_date=date(2012, 3, 4),
                municipality_code="GM0505",
            )
            session.add(person)
            session.flush()
            export_jsonl(session, tmp_path / "alles.jsonl")
            write_inzage(session, person.id, tmp_path / "inzage.json")
            exports = audit.search(session, action=audit.AuditAction.EXPORT)
            assert sorted(entry.object_type for entry in exports) == ["export:jsonl", "inzage"]
    finally:
        new.close()


def test_no_module_looks_for_a_table_at_run_time():
    from pathlib import Path

    import desktop

    root = Path(desktop.__file__).parent
    # Only the migration runner asks whether a schema is there (alembic_version, before the first upgrade).
    looking = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "has_table(" in path.read_text(encoding="utf-8") and path.name != "migrate.py"
    ]
    assert looking == [], "tabellen bestaan dankzij de migraties; controleer ze niet tijdens het werk"
