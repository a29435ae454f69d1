"""Rendering many invoices at once, in several processes: WeasyPrint is pure Python, so one process per core
is what makes a period's export scale. The workers only render; the parent keeps what they rendered in the
database and writes the files (services/invoice_export.py), so that a file always holds the kept PDF."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from pos_app.invoices.model import InvoiceView
from pos_app.invoices.pdf import invoice_pdf

CHUNK = 10  # invoices a worker renders per task: fewer round trips, still a smooth progress bar

RenderedPdf = tuple[str, bytes]  # the document's number, its PDF


class ExportCancelled(Exception):
    """The user stopped the export; the PDFs already written stay."""


def pdf_name(number: str) -> str:
    return f"{number}.pdf"


def write_pdf(out_dir: Path, number: str, pdf: bytes) -> Path:
    target = out_dir / pdf_name(number)
    partial = target.with_suffix(".pdf.part")
    partial.write_bytes(pdf)
    partial.replace(target)  # a reader never sees half a PDF
    return target


def stop_if_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("The export was stopped; the PDFs written so far are kept.")


def render_pdfs(
    invoices: Sequence[InvoiceView],
    *,
    logo: str | None = None,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[list[RenderedPdf]]:
    """The PDFs of `invoices`, a batch at a time as the worker processes finish them (in no set order).
    Raises ExportCancelled when `cancelled()` turns true (checked between batches); the workers stop with the
    batch under way, and so do they when the caller stops iterating."""
    chunks = [list(invoices[i : i + CHUNK]) for i in range(0, len(invoices), CHUNK)]
    count = min(workers or os.cpu_count() or 1, len(chunks))
    if count <= 1:
        for chunk in chunks:
            stop_if_cancelled(cancelled)
            yield _render_chunk(chunk, logo)
        return
    context = multiprocessing.get_context("spawn")  # the parent may hold database connections and Qt
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_warm_up) as pool:
        pending: set[Future[list[RenderedPdf]]] = {pool.submit(_render_chunk, chunk, logo) for chunk in chunks}
        try:
            while pending:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                stop_if_cancelled(cancelled)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _warm_up() -> None:
    import weasyprint  # noqa: F401 - importing takes most of a second: once per worker, before the first task


def _render_chunk(chunk: Sequence[InvoiceView], logo: str | None) -> list[RenderedPdf]:
    return [(invoice.number, invoice_pdf(invoice, logo=logo)) for invoice in chunk]
