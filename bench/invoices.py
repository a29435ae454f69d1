"""Invoice PDFs: one page rendered with Factur-X, a period of 1,000 invoices exported, then exported again and
reprinted once their PDFs are kept in the database.

Goals: median <= 100 ms per one-page invoice, Factur-X included; 1,000 invoices exported in <= 60 s on 2
cores, with the peak memory of the export reported. The naive rendering, measured in the same run (its samples
alternate with ours, so both see the same machine), is what a first version does with the same template and
stylesheet: WeasyPrint's defaults (its HTML5 parser and user-agent stylesheet, the stylesheet parsed for every
document, a fresh font configuration every time with the fonts found by name on the system, DejaVu Sans), then
the Factur-X XML embedded by the factur-x library into the written PDF.

The first export renders every PDF and keeps it (as `pos-app invoices render` or printing each invoice when
issuing it would); the second export of the same period copies the kept PDFs, and a reprint (`pdf()` of a kept
invoice) reads one back. Last, WeasyPrint alone renders pages of one-line paragraphs, which gives what a line
of text costs on this machine whatever the template.

CPU times are given next to wall times: on a shared machine they are the steadier figure.

    .venv/bin/python bench/invoices.py [--invoices 1000] [--samples 30] [--workers 2]
"""

from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from benchkit import load_average, machine_summary, print_table
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from pos_app.db.models import InvoiceDocument
from pos_app.documents.fonts import FONT_FAMILY, font_face_css
from pos_app.documents.renderer import environment, render_html
from pos_app.invoices.facturx import PDF_VARIANT, embed_facturx, facturx_xml
from pos_app.invoices.model import InvoiceView
from pos_app.invoices.pdf import STYLESHEET, TEMPLATE, invoice_html_context, invoice_pdf
from pos_app.services import Services, open_services
from pos_app.services.auth import system_actor
from pos_app.services.invoices import CustomerDetails

RENDER_GOAL_MS = 100.0
EXPORT_GOAL_S = 60.0
SYSTEM_FONT = "DejaVu Sans"
LINES = [  # one page: six lines over three VAT rates
    ("TEE", "T-shirt lin", "19.90", "20"),
    ("CHEM", "Chemise oxford", "49.00", "20"),
    ("MEAL", "Panier repas", "12.00", "10"),
    ("CAFE", "Café en grains 1 kg", "24.50", "5.5"),
    ("BOOK", "Guide de Paris", "18.00", "5.5"),
    ("CAP", "Casquette brodée", "24.00", "20"),
]

Sample = tuple[float, float]  # wall and CPU seconds


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(machine_summary())
    with tempfile.TemporaryDirectory(prefix="pos-bench-invoices-") as folder:
        url = f"sqlite:///{Path(folder) / 'pos.db'}"
        with open_services(url) as svc:
            start = time.perf_counter()
            one, period = _seed(svc, args.invoices)
            print(
                f"seeded {args.invoices} invoices in {time.perf_counter() - start:.1f} s ({make_url(url).drivername})"
            )
            _one_page(one, args.samples)
            out = Path(folder) / "export"
            start, cpu = time.perf_counter(), time.process_time()
            result = svc.invoice_export.export(system_actor(), *period, out, workers=args.workers)
            elapsed, main_cpu = time.perf_counter() - start, time.process_time() - cpu
            workers = resource.getrusage(resource.RUSAGE_CHILDREN)
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            size = sum(p.stat().st_size for p in out.glob("*.pdf")) / result.documents / 1024
            goal = EXPORT_GOAL_S * result.documents / 1000
            print_table(
                f"First export of a period: every PDF rendered and kept ({args.workers} worker processes)",
                [
                    "documents",
                    "seconds",
                    "per PDF (ms)",
                    "CPU main / workers (s)",
                    "peak RSS main / worker (MB)",
                    "avg PDF (KB)",
                    "goal",
                ],
                [
                    [
                        result.documents,
                        f"{elapsed:.1f}",
                        f"{elapsed * 1000 / result.documents:.0f}",
                        f"{main_cpu:.1f} / {workers.ru_utime + workers.ru_stime:.1f}",
                        f"{own:.0f} / {workers.ru_maxrss / 1024:.0f}",
                        f"{size:.0f}",
                        f"<= {goal:.0f} s {'✓' if elapsed <= goal else '✗'}",
                    ]
                ],
            )
            _kept_export(svc, period, Path(folder) / "again", args.workers)
            _reprints(svc, period, args.samples)
    print(f"load average: {load_average()}")


def _kept_export(svc: Services, period: tuple, out: Path, workers: int) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    result = svc.invoice_export.export(system_actor(), *period, out, workers=workers)
    elapsed, main_cpu = time.perf_counter() - start, time.process_time() - cpu
    with svc.db.read_session() as session:
        kept_mb = (session.scalar(select(func.sum(func.length(InvoiceDocument.pdf)))) or 0) / 1024 / 1024
    goal = EXPORT_GOAL_S * result.documents / 1000
    print_table(
        "Second export of the same period: every PDF kept, copied from the database",
        ["documents", "seconds", "per PDF (ms)", "CPU (s)", "kept PDFs in the database (MB)", "goal"],
        [
            [
                result.documents,
                f"{elapsed:.1f}",
                f"{elapsed * 1000 / result.documents:.1f}",
                f"{main_cpu:.1f}",
                f"{kept_mb:.0f}",
                f"<= {goal:.0f} s {'✓' if elapsed <= goal else '✗'}",
            ]
        ],
    )


def _reprints(svc: Services, period: tuple, samples: int) -> None:
    numbers = [view.number for view in svc.invoices.in_period(system_actor(), *period)]
    chosen = random.Random(7).sample(numbers, min(samples, len(numbers)))
    reprints = [_timed(lambda number=number: svc.invoices.pdf(number)) for number in chosen]
    print_table(
        "Reprint of a kept invoice: pdf() (ms)",
        ["samples", "median", "min", "median CPU", "goal"],
        [
            [
                len(reprints),
                *_ms(reprints),
                f"<= {RENDER_GOAL_MS:.0f} {'✓' if _median(reprints, 0) * 1000 <= RENDER_GOAL_MS else '✗'}",
            ]
        ],
    )


def _one_page(one: InvoiceView, samples: int) -> None:
    invoice_pdf(one)  # the first render loads the fonts and the stylesheets: a cost paid once per process
    naive: list[Sample] = []
    ours: list[Sample] = []
    for _ in range(samples):
        naive.append(_timed(lambda: _naive_pdf(one)))
        ours.append(_timed(lambda: invoice_pdf(one)))
    context = invoice_html_context(one, None)
    steps = {
        "template (Jinja2)": [_timed(lambda: render_html(TEMPLATE, context)) for _ in range(samples)],
        "Factur-X XML, XSD-checked": [_timed(lambda: facturx_xml(one)) for _ in range(samples)],
        "PDF without Factur-X": [_timed(lambda: invoice_pdf(one, facturx=False)) for _ in range(samples)],
    }
    goal_met = _median_cpu(ours) * 1000 <= RENDER_GOAL_MS and _median(ours, 0) * 1000 <= RENDER_GOAL_MS
    print_table(
        "One-page invoice with Factur-X (ms)",
        ["rendering", "median", "min", "median CPU", "goal"],
        [
            ["naive", *_ms(naive), ""],
            ["ours", *_ms(ours), f"<= {RENDER_GOAL_MS:.0f} {'✓' if goal_met else '✗'}"],
            ["ratio naive/ours (CPU)", f"{_median_cpu(naive) / _median_cpu(ours):.1f}x", "", "", ""],
        ],
    )
    print_table("Parts of ours (ms)", ["part", "median", "min", "median CPU"], [[k, *_ms(v)] for k, v in steps.items()])
    _weasyprint_floor(samples)


def _weasyprint_floor(samples: int) -> None:
    """WeasyPrint alone, with nothing of ours: one A4 page, PDF/A-3b, of N one-line paragraphs in the bundled font
    (small enough for 100 to fit the page), the font configuration and stylesheets made once. What each line of
    text costs, whatever the template."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    page = "@page { size: A4; margin: 10mm } p { margin: 0 }"
    stylesheets = [CSS(string=font_face_css() + page, font_config=fonts)]

    def render(paragraphs: int) -> bytes:
        body = "".join(f"<p>Ligne {n} du document</p>" for n in range(paragraphs))
        html = f"<html><body style=\"font-family: '{FONT_FAMILY}'; font-size: 6pt\">{body}</body></html>"
        document = HTML(string=html).render(font_config=fonts, stylesheets=stylesheets)
        assert len(document.pages) == 1, f"{paragraphs} paragraphs took {len(document.pages)} pages"
        return document.write_pdf(pdf_variant=PDF_VARIANT)

    render(1)
    sizes = (1, 50, 100)
    timings: dict[int, list[Sample]] = {size: [] for size in sizes}
    for _ in range(samples):
        for size in sizes:
            timings[size].append(_timed(lambda size=size: render(size)))
    per_line = (_median_cpu(timings[100]) - _median_cpu(timings[1])) / 99 * 1000
    print_table(
        f"WeasyPrint alone: one-line paragraphs on a page (ms); each line costs {per_line:.2f} ms of CPU",
        ["paragraphs", "median", "min", "median CPU"],
        [[size, *_ms(timings[size])] for size in sizes],
    )


def _seed(svc: Services, count: int) -> tuple[InvoiceView, tuple]:
    admin = system_actor()
    svc.settings.update_identity(
        admin,
        shop_name="Atelier Lumière",
        shop_address="12 rue des Lilas\n75011 Paris",
        shop_vat_number="FR12345678901",
        shop_company_number="123 456 789 00012",
        legal_mentions="SAS au capital de 10 000 €. Pénalités de retard : trois fois le taux d'intérêt légal.",
    )
    for sku, name, price, rate in LINES:
        svc.inventory.create_product(admin, sku=sku, name=name, price=Decimal(price), vat_rate=Decimal(rate))
        svc.inventory.receive(admin, sku, count * 2 + 10)
    svc.pos.open_session(admin, "R1", Decimal(0))
    since = svc.clock() - timedelta(minutes=1)
    customer = CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", vat_number="FR99123456789")
    first = None
    for n in range(count):
        lines = [(sku, 1 + (n + i) % 2) for i, (sku, *_rest) in enumerate(LINES)]
        sale = svc.pos.checkout(admin, lines, [("card", _total(svc, lines), "T")])
        invoice = svc.invoices.issue(admin, sale.number, customer)
        first = first or invoice
    assert first is not None
    return first, (since, svc.clock() + timedelta(minutes=1))


def _total(svc: Services, lines: list[tuple[str, int]]) -> Decimal:
    prices = {sku: Decimal(price) for sku, _, price, _ in LINES}
    return sum((prices[sku] * quantity for sku, quantity in lines), Decimal(0))


def _naive_pdf(view: InvoiceView) -> bytes:
    from weasyprint import CSS, HTML

    html = render_html(TEMPLATE, invoice_html_context(view, None))
    css = CSS(string=environment().get_template(STYLESHEET).render(font_family=SYSTEM_FONT))
    return embed_facturx(HTML(string=html).write_pdf(stylesheets=[css], pdf_variant=PDF_VARIANT), view)


def _timed(action: Callable[[], object]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median(samples: list[Sample], index: int) -> float:
    return statistics.median(sample[index] for sample in samples)


def _median_cpu(samples: list[Sample]) -> float:
    return _median(samples, 1)


def _ms(samples: list[Sample]) -> list[str]:
    return [
        f"{_median(samples, 0) * 1000:.0f}",
        f"{min(wall for wall, _ in samples) * 1000:.0f}",
        f"{_median_cpu(samples) * 1000:.0f}",
    ]


if __name__ == "__main__":
    main()
