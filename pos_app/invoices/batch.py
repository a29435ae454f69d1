"""Rendering many invoices at once, in several processes: WeasyPrint is pure Python, so one process per core
is what makes a period's export scale."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from pos_app.invoices.model import InvoiceView
from pos_app.invoices.pdf import invoice_pdf

CHUNK = 10  # invoices a worker renders per task: fewer round trips, still a smooth progress bar


class ExportCancelled(Exception):
    """The user stopped the export; the PDFs already written stay."""


def pdf_name(invoice: InvoiceView) -> str:
    return f"{invoice.number}.pdf"


def render_to_files(
    invoices: Sequence[InvoiceView],
    out_dir: Path,
    *,
    logo: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write one PDF per invoice into `out_dir`; `progress(n)` after each batch of n. Raises ExportCancelled
    when `cancelled()` turns true (checked between batches)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    chunks = [list(invoices[i : i + CHUNK]) for i in range(0, len(invoices), CHUNK)]
    count = min(workers or os.cpu_count() or 1, len(chunks))
    if count <= 1:
        for chunk in chunks:
            _stop_if(cancelled)
            _render_chunk(chunk, str(out_dir), logo)
            if progress:
                progress(len(chunk))
    else:
        context = multiprocessing.get_context("spawn")  # the parent may hold database connections and Qt
        with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_warm_up) as pool:
            pending: set[Future[int]] = {pool.submit(_render_chunk, chunk, str(out_dir), logo) for chunk in chunks}
            try:
                while pending:
                    done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for future in done:
                        rendered = future.result()
                        if progress:
                            progress(rendered)
                    _stop_if(cancelled)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    return [out_dir / pdf_name(invoice) for invoice in invoices]


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("The export was stopped; the PDFs written so far are kept.")


def _warm_up() -> None:
    import weasyprint  # noqa: F401 - importing takes most of a second: once per worker, before the first task


def _render_chunk(chunk: Sequence[InvoiceView], out_dir: str, logo: str | None) -> int:
    for invoice in chunk:
        target = Path(out_dir) / pdf_name(invoice)
        partial = target.with_suffix(".pdf.part")
        partial.write_bytes(invoice_pdf(invoice, logo=logo))
        partial.replace(target)  # a reader never sees half a PDF
    return len(chunk)
