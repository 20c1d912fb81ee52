"""The migrations build exactly the schema the model declares."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.models import Base
from desktop.models.demo import INSERT_ORDER
from desktop.models.migrate import alembic_config, head_revision

# The domain tables revision 0001 creates; later revisions add tables of their own.
DOMAIN_TABLES = {model.__tablename__ for model in INSERT_ORDER}


def _domain_only(obj, name, type_, _reflected, _compare_to) -> bool:
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in DOMAIN_TABLES


def _upgrade(connection: sa.Connection, target: str = "0001") -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def _constraint_names(connection: sa.Connection) -> dict[str, set[str]]:
    rows = connection.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all()
    return {name: set(re.findall(r"CONSTRAINT (\w+)", sql or "")) for name, sql in rows if name in DOMAIN_TABLES}


@pytest.fixture
def migrated():
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        _upgrade(connection, "head")
    yield engine
    engine.dispose()


def test_upgrade_yields_the_model_schema(migrated: sa.Engine) -> None:
    with migrated.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _domain_only}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()
        assert set(sa.inspect(connection).get_table_names()) >= DOMAIN_TABLES


def test_the_first_revision_creates_the_domain_tables() -> None:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        _upgrade(connection, "0001")
        assert set(sa.inspect(connection).get_table_names()) == DOMAIN_TABLES | {"alembic_version"}
    engine.dispose()


def test_check_and_unique_constraints_match_the_model(migrated: sa.Engine) -> None:
    # compare_metadata ignores CHECK constraints: compare their names with a schema built from the model.
    reference = sa.create_engine("sqlite://")
    Base.metadata.create_all(reference)
    with migrated.connect() as a, reference.connect() as b:
        assert _constraint_names(a) == _constraint_names(b)
        assert any(name.startswith("ck_persons_bsn") for name in _constraint_names(a)["persons"])
    reference.dispose()


def test_migrated_database_enforces_the_bsn_check(migrated: sa.Engine) -> None:
    insert = sa.text(
        "INSERT INTO persons (id, version, updated_at, deleted, bsn, first_names, last_name, birth_date,"
        " gender, qualification_exempt) VALUES (:id, 0, '2024-01-01', 0, :bsn, 'Sanne', 'Jansen',"
        " '2012-03-04', 'female', 0)"
    )
    with migrated.begin() as connection:
        connection.execute(insert, {"id": "a", "bsn": "111222333"})
    with pytest.raises(sa.exc.IntegrityError), migrated.begin() as connection:
        connection.execute(insert, {"id": "b", "bsn": "111222334"})


def test_downgrade_removes_every_table(migrated: sa.Engine) -> None:
    with migrated.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert set(sa.inspect(connection).get_table_names()) <= {"alembic_version"}


def test_head_yields_every_table_on_the_metadata() -> None:
    # Whatever module declares a table on Base must ship a revision for it.
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        _upgrade(connection, "head")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
