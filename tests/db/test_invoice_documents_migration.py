"""Migration 0010: the table of kept invoice PDFs holds the bytes as they were given, on both databases, and
goes away on downgrade, leaving the invoices as they were."""

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, insert, inspect, select

from pos_app.db.migrate import alembic_config
from pos_app.db.models import InvoiceDocument

EVERY_BYTE = bytes(range(256)) * 4  # NUL and bytes that are no text: a PDF is binary


def test_the_kept_pdfs_table_keeps_binary_bytes_and_is_dropped_on_downgrade(empty_database_url):
    config = alembic_config(empty_database_url)
    command.upgrade(config, "0009")
    engine = create_engine(empty_database_url)
    try:
        assert "invoice_documents" not in inspect(engine).get_table_names()
        command.upgrade(config, "0010")
        assert {c["name"] for c in inspect(engine).get_columns("invoice_documents")} == {
            "invoice_id", "state", "sha256", "pdf", "rendered_at",
        }  # fmt: skip
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO invoices (id, number, kind, series, year, sequence, issued_at, due_on, language, "
                "currency, customer_name, customer_address, customer_email, customer_vat_number, "
                "customer_company_number, seller, net, vat, gross, reason) VALUES (1, 'F-2026-000001', 'invoice', "
                "'F', 2026, 1, '2026-11-02 10:00:00', '2026-12-02', 'fr', 'EUR', 'ACME', '', '', '', '', '{}', "
                "10, 2, 12, '')"
            )
            conn.execute(
                insert(InvoiceDocument).values(
                    invoice_id=1, state="s", sha256="d", pdf=EVERY_BYTE, rendered_at=datetime(2026, 11, 2, tzinfo=UTC)
                )
            )
        with engine.connect() as conn:
            assert conn.scalar(select(InvoiceDocument.pdf)) == EVERY_BYTE
        engine.dispose()
        command.downgrade(config, "0009")
        assert "invoice_documents" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT number FROM invoices").scalars().all() == ["F-2026-000001"]
    finally:
        engine.dispose()
