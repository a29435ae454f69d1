"""Exporting a period's invoices for the accountant: every PDF, and a summary as CSV and XLSX; and rendering
ahead the PDFs that exports and reprints will then copy from the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from pos_app.domain.roles import Actor, Permission
from pos_app.errors import ValidationError
from pos_app.invoices.document_state import document_state
from pos_app.invoices.model import InvoiceView
from pos_app.services.invoices import InvoiceService, KeptPdf
from pos_app.services.settings import SettingsService

KEPT_BATCH = 50  # kept PDFs read per query: about 2.5 MB in memory at a time


@dataclass(frozen=True)
class ExportResult:
    documents: int
    pdfs: tuple[Path, ...]
    csv: Path
    xlsx: Path
    net: Decimal
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True)
class PreparedPdfs:
    """What `prepare` found: the documents of the period, and how many of them it rendered (the others had a
    PDF kept for their current state already)."""

    documents: int
    rendered: int


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
        `summary-<from>-<to>.csv` and `.xlsx`. A PDF kept for the document's current state is copied from the
        database; the others are rendered by `workers` processes and kept. `on_start(total)` once the period
        is read, `progress(n)` as PDFs are written. Raises ExportCancelled if `cancelled()` turns true."""
        # Imported here: the PDF and spreadsheet stack would add a fifth of a second to every start of the app.
        from pos_app.invoices.batch import pdf_name, stop_if_cancelled, write_pdf
        from pos_app.invoices.summary import summarise, write_csv, write_xlsx

        actor.require(Permission.VIEW_ACCOUNTS)
        if until <= since:
            raise ValidationError("The end of the period must come after its start.", field="until")
        documents = self._invoices.in_period(actor, since, until)
        if on_start:
            on_start(len(documents))
        out_dir.mkdir(parents=True, exist_ok=True)
        logo = self._settings.logo()
        states = {view.number: document_state(view, logo) for view in documents}
        to_render = set(self._invoices.unkept(actor, states))
        copied = [number for number in states if number not in to_render]
        for start in range(0, len(copied), KEPT_BATCH):
            stop_if_cancelled(cancelled)
            batch = copied[start : start + KEPT_BATCH]
            kept = self._invoices.kept_pdfs(actor, {number: states[number] for number in batch})
            for number, pdf in kept.items():
                write_pdf(out_dir, number, pdf)
            to_render.update(number for number in batch if number not in kept)  # changed since it was read
            if progress:
                progress(len(kept))
        pending = [view for view in documents if view.number in to_render]
        self._render_and_keep(actor, pending, states, logo, workers, progress, cancelled, out_dir)
        summary = summarise(documents)
        stem = f"summary-{since.date().isoformat()}-{until.date().isoformat()}"
        csv_path, xlsx_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.xlsx"
        write_csv(summary, csv_path)
        write_xlsx(summary, xlsx_path)
        net, _, vat, gross = summary.totals()
        pdfs = tuple(out_dir / pdf_name(number) for number in states)
        return ExportResult(len(documents), pdfs, csv_path, xlsx_path, net, vat, gross)

    def prepare(
        self,
        actor: Actor,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        workers: int | None = None,
        on_start: Callable[[int], None] | None = None,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PreparedPdfs:
        """Render and keep the PDF of every invoice and credit note issued in [since, until) (open-ended where a
        bound is missing) that has none kept for its current state, so that exports and reprints copy it
        afterwards. `on_start(n)` with the number to render, `progress(n)` as they are kept. Raises
        ExportCancelled if `cancelled()` turns true; what was kept by then stays."""
        actor.require(Permission.VIEW_ACCOUNTS)
        if since is not None and until is not None and until <= since:
            raise ValidationError("The end of the period must come after its start.", field="until")
        documents = self._invoices.in_period(actor, since, until)
        logo = self._settings.logo()
        states = {view.number: document_state(view, logo) for view in documents}
        to_render = set(self._invoices.unkept(actor, states))
        pending = [view for view in documents if view.number in to_render]
        if on_start:
            on_start(len(pending))
        self._render_and_keep(actor, pending, states, logo, workers, progress, cancelled)
        return PreparedPdfs(len(documents), len(pending))

    def _render_and_keep(
        self,
        actor: Actor,
        pending: Sequence[InvoiceView],
        states: dict[str, str],
        logo: str | None,
        workers: int | None,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
        out_dir: Path | None = None,
    ) -> None:
        """Render `pending` in the worker processes; keep each batch as it comes, in a short transaction of its
        own, and write the PDF kept (which another process may have kept first) into `out_dir` if given."""
        from pos_app.invoices.batch import render_pdfs, write_pdf

        rendering = render_pdfs(pending, logo=logo, workers=workers, cancelled=cancelled)
        with closing(rendering):  # stopping early (an error here) stops the workers too
            for rendered in rendering:
                documents = [KeptPdf(number, states[number], pdf) for number, pdf in rendered]
                kept = self._invoices.keep_pdfs(actor, documents)
                if out_dir is not None:
                    for number, pdf in kept.items():
                        write_pdf(out_dir, number, pdf)
                if progress:
                    progress(len(rendered))
