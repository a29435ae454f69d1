import multiprocessing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from pos_app.db.engine import connect
from pos_app.db.migrate import current_revision, head_revision, include_object, upgrade_to_head
from pos_app.db.models import Base
from pos_app.services import open_services


def test_the_migrations_build_exactly_the_schema_of_the_models(database_url):
    engine = create_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_an_empty_database_is_upgraded_on_first_open_and_only_once(empty_database_url):
    db = connect(empty_database_url)
    assert current_revision(db) is None
    assert upgrade_to_head(db) is True
    assert current_revision(db) == head_revision()
    assert upgrade_to_head(db) is False
    db.dispose()


def _open_and_count_rates(url: str, results: "multiprocessing.Queue[str]") -> None:
    try:
        with open_services(url) as svc:
            results.put(str(len(svc.settings.current().vat_rates)))
    except Exception as error:  # reported to the parent, which fails the test
        results.put(f"{type(error).__name__}: {error}")


def test_several_processes_starting_on_a_new_database_migrate_it_once(empty_database_url):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_open_and_count_rates, args=(empty_database_url, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert sorted(results.get(timeout=5) for _ in workers) == ["5"] * 4


def test_sqlite_runs_with_wal_foreign_keys_full_sync_and_a_busy_timeout(tmp_path):
    db = connect(f"sqlite:///{tmp_path / 'pos.db'}")
    with db.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    db.dispose()


def test_sqlite_write_transactions_take_the_write_lock_at_once(tmp_path):
    """A second writer must wait at BEGIN, never fail half-way after reading."""
    url = f"sqlite:///{tmp_path / 'pos.db'}"
    db = connect(url)
    upgrade_to_head(db)
    with db.write_session() as first:
        first.execute(text("SELECT 1"))
        other = connect(url)
        raw = other.read_engine.raw_connection()
        raw.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(Exception, match="locked"):
            raw.execute("BEGIN IMMEDIATE")
        raw.close()
        other.dispose()
    db.dispose()
