"""Exporting a period's invoices for the accountant: every PDF, and a summary as CSV and XLSX."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from pos_app.domain.roles import Actor, Permission
from pos_app.errors import ValidationError
from pos_app.services.invoices import InvoiceService
from pos_app.services.settings import SettingsService


@dataclass(frozen=True)
class ExportResult:
    documents: int
    pdfs: tuple[Path, ...]
    csv: Path
    xlsx: Path
    net: Decimal
    vat: Decimal
    gross: Decimal


class InvoiceExporter:
    def __init__(self, invoices: InvoiceService, settings: SettingsService) -> None:
        self._invoices = invoices
        self._settings = settings

    def export(
        self,
        actor: Actor,
        since: datetime,
        until: datetime,
        out_dir: Path,
        *,
        workers: int | None = None,
        on_start: Callable[[int], None] | None = None,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the PDF of every invoice and credit note issued in [since, until) into `out_dir`, then
        `summary-<from>-<to>.csv` and `.xlsx`. `on_start(total)` once the period is read, `progress(n)` as
        PDFs are written. Raises ExportCancelled if `cancelled()` turns true."""
        # Imported here: the PDF and spreadsheet stack would add a fifth of a second to every start of the app.
        from pos_app.invoices.batch import render_to_files
        from pos_app.invoices.summary import summarise, write_csv, write_xlsx

        actor.require(Permission.VIEW_ACCOUNTS)
        if until <= since:
            raise ValidationError("The end of the period must come after its start.", field="until")
        documents = self._invoices.in_period(actor, since, until)
        if on_start:
            on_start(len(documents))
        pdfs = render_to_files(
            documents, out_dir, logo=self._settings.logo(), workers=workers, progress=progress, cancelled=cancelled
        )
        summary = summarise(documents)
        stem = f"summary-{since.date().isoformat()}-{until.date().isoformat()}"
        csv_path, xlsx_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.xlsx"
        write_csv(summary, csv_path)
        write_xlsx(summary, xlsx_path)
        net, _, vat, gross = summary.totals()
        return ExportResult(len(documents), tuple(pdfs), csv_path, xlsx_path, net, vat, gross)
