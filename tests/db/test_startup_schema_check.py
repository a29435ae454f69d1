"""The quick check at each start that the schema is already at the newest migration, without loading Alembic."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from pos_app.db.engine import connect
from pos_app.db.migrate import _single_head_from_files, alembic_config, current_revision, head_revision, upgrade_to_head


def test_the_head_read_from_the_version_files_is_alembics_head() -> None:
    assert _single_head_from_files() == head_revision()


def test_a_database_at_the_newest_migration_is_left_alone(database_url: str) -> None:
    db = connect(database_url)

    assert upgrade_to_head(db) is False
    assert current_revision(db) == head_revision()
    db.dispose()


def test_a_database_one_migration_behind_is_upgraded_at_start(empty_database_url: str) -> None:
    db = connect(empty_database_url)
    upgrade_to_head(db)
    with db.write_engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
    behind = current_revision(db)
    assert behind != head_revision()

    assert upgrade_to_head(db) is True
    assert current_revision(db) == head_revision()
    with db.read_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    db.dispose()
