"""The accountant's invoices page on a real database: finding an invoice, saving, printing and emailing it,
crediting it, and exporting a period (to the end, or stopped half-way)."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QListWidget, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.invoices.model import CustomerDetails
from pos_app.services import Services
from pos_app.ui.invoices.credit_note_dialog import CreditNoteDialog
from pos_app.ui.invoices.email_dialog import EmailInvoiceDialog
from pos_app.ui.invoices.export_dialog import ExportDialog
from pos_app.ui.invoices.invoice_dialog import InvoiceDialog
from pos_app.ui.invoices.invoices_page import InvoicesPage
from pos_app.ui.till.amounts import money_text
from tests.conftest import fresh_database
from tests.mail.smtp_server import SmtpServer
from tests.ui.screen import add_product, column_texts, row_texts

W = TypeVar("W", bound=QWidget)
TIMEOUT = 10_000
EXPORT_TIMEOUT = 60_000
CUSTOMERS = ("ACME SARL", "Awa Diop", "Bistro du Port")


def eur(amount: str | Decimal) -> str:
    return money_text(Decimal(amount), "EUR")


def sell_and_invoice(services: Services, cashier: Actor, customer: str, tees: int = 1) -> str:
    receipt = services.pos.checkout(cashier, [("TEE", tees), ("BOOK", 1)], [("cash", Decimal(200))])
    details = CustomerDetails(
        customer, "1 place du Marché\n69001 Lyon", f"compta@{customer.split()[0].lower()}.example"
    )
    return services.invoices.issue(cashier, receipt.number, details).number


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def shop(services: Services, admin: Actor, stock_manager: Actor, cashier: Actor) -> Services:
    services.settings.update_identity(admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901")
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=100)
    services.inventory.create_product(
        stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5")
    )
    services.inventory.receive(stock_manager, "BOOK", 100)
    services.pos.open_session(cashier, "R1", Decimal(0))
    return services


@pytest.fixture
def invoiced(shop: Services, cashier: Actor, clock) -> list[str]:
    """One invoice per customer, an hour apart: 2 T-shirts (20 % VAT) and a guide (5.5 %) each."""
    numbers = []
    for customer in CUSTOMERS:
        numbers.append(sell_and_invoice(shop, cashier, customer, tees=2))
        clock.advance(hours=1)
    return numbers


def open_page(qtbot: QtBot, services: Services, actor: Actor, **options: int) -> InvoicesPage:
    page = InvoicesPage(services, actor, **options)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


@pytest.fixture
def page(qtbot: QtBot, invoiced: list[str], shop: Services, accountant: Actor) -> InvoicesPage:
    return open_page(qtbot, shop, accountant)


def table(widget: QWidget, name: str = "invoicesTable") -> QTableView:
    return widget.findChild(QTableView, name)


def text_of(widget: QWidget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(widget) else ""


def click(qtbot: QtBot, widget: QWidget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isVisibleTo(widget) and button.isEnabled(), f"{name} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return found[-1]


def opened(qtbot: QtBot, page: InvoicesPage, number: str) -> InvoiceDialog:
    dialog = page.open_invoice(number)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.view.number == number, timeout=TIMEOUT)
    return dialog


def history(dialog: InvoiceDialog) -> list[str]:
    shown = dialog.findChild(QListWidget, "invoiceHistory")
    return [shown.item(row).text().split("  ·  ", 1)[1] for row in range(shown.count())]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_an_accountant_finds_an_invoice_by_its_customer_and_opens_it(
    qtbot: QtBot, page: InvoicesPage, shop: Services, accountant: Actor, invoiced: list[str]
) -> None:
    listed = table(page)
    assert column_texts(listed, "Number") == list(reversed(invoiced))  # newest first
    assert text_of(page, "invoiceCount") == "3 documents"
    assert column_texts(listed, "Status") == ["Paid"] * 3
    first = shop.invoices.get(accountant, invoiced[0])
    assert row_texts(listed)[-1][2:] == ("ACME SARL", eur(first.net), eur(first.vat), eur(first.gross), "Paid")

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.findChild(QLineEdit, "customerFilter"), "awa")
    assert column_texts(listed, "Customer") == ["Awa Diop"]
    assert text_of(page, "invoiceCount") == "1 document"
    assert text_of(page, "invoiceTotals").endswith(f"Incl. VAT {eur(shop.invoices.get(accountant, invoiced[1]).gross)}")

    qtbot.keyClick(page.findChild(QLineEdit, "customerFilter"), Qt.Key.Key_Down)  # to the list, on its first row
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, page, InvoiceDialog)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=TIMEOUT)
    view = dialog.detail.view
    assert (view.number, text_of(dialog, "invoiceTitle")) == (invoiced[1], f"Invoice {invoiced[1]}")
    assert text_of(dialog, "invoiceCustomer").startswith("Awa Diop\n1 place du Marché")
    assert column_texts(table(dialog, "invoiceLines"), "SKU") == ["TEE", "BOOK"]
    assert column_texts(table(dialog, "invoiceLines"), "Incl. VAT") == [eur("39.80"), eur("18.00")]
    assert text_of(dialog, "totalGross") == eur("57.80")
    assert text_of(dialog, "totalBalance") == eur(0)
    assert history(dialog) == ["Issued by cashier"]


def test_the_status_and_series_filters_search_the_database(
    qtbot: QtBot, page: InvoicesPage, shop: Services, accountant: Actor, invoiced: list[str]
) -> None:
    shop.invoices.credit_note(accountant, invoiced[0], "Cancelled")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()
    series = page.findChild(QWidget, "seriesFilter")
    assert [series.itemText(i) for i in range(series.count())] == ["Any series", "AV", "F"]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        series.setCurrentIndex(series.findText("AV"))
    assert column_texts(table(page), "Status") == ["Credit note"]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        series.setCurrentIndex(0)
    status = page.findChild(QWidget, "statusFilter")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        status.setCurrentIndex(status.findText("Credited"))
    assert column_texts(table(page), "Number") == [invoiced[0]]
    period = page.findChild(QWidget, "periodChoice")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        period.setCurrentIndex(period.findText("Last month"))
    assert row_texts(table(page)) == [] and text_of(page, "invoiceCount") == "0 documents"


def test_the_list_reads_further_pages_as_it_scrolls(
    qtbot: QtBot, shop: Services, cashier: Actor, accountant: Actor, clock
) -> None:
    for n in range(12):
        sell_and_invoice(shop, cashier, f"Client {n:02d}")
        clock.advance(minutes=5)
    page = open_page(qtbot, shop, accountant, page_size=5)
    page.resize(900, 260)  # room for a few rows: the rest is read on scrolling
    qtbot.wait(200)
    assert text_of(page, "invoiceCount") == "12 documents"
    assert len(row_texts(table(page))) < 12

    def scrolled_to_the_end() -> bool:
        table(page).scrollToBottom()
        return table(page).model().rowCount() == 12

    qtbot.waitUntil(scrolled_to_the_end, timeout=TIMEOUT)
    assert column_texts(table(page), "Customer") == [f"Client {n:02d}" for n in reversed(range(12))]


def test_saving_an_invoice_as_pdf_writes_it_and_records_it(
    qtbot: QtBot, page: InvoicesPage, invoiced: list[str], tmp_path: Path
) -> None:
    dialog = opened(qtbot, page, invoiced[2])
    click(qtbot, dialog, "saveInvoicePdf")
    chooser = dialog_of(qtbot, dialog, QFileDialog)
    target = tmp_path / "bistro.pdf"
    with qtbot.waitSignal(dialog.notified, timeout=TIMEOUT, check_params_cb=lambda text: "saved to" in text):
        chooser.selectFile(str(target))
        chooser.accept()
    assert text_of(dialog, "invoiceMessage") == f"{invoiced[2]} saved to {target}."
    text = pdf_text(target)
    assert invoiced[2] in text and "Bistro du Port" in text
    qtbot.waitUntil(lambda: history(dialog) == ["Issued by cashier", "Saved as PDF by accountant"], timeout=TIMEOUT)


def test_printing_an_invoice_prints_its_page_and_records_the_reprint(
    qtbot: QtBot, page: InvoicesPage, invoiced: list[str], tmp_path: Path
) -> None:
    dialog = opened(qtbot, page, invoiced[0])
    printed = tmp_path / "printed.pdf"
    dialog.printer.setOutputFileName(str(printed))  # the "printer" of this machine is a file
    click(qtbot, dialog, "printInvoice")
    chooser = dialog_of(qtbot, dialog, QPrintDialog)
    with qtbot.waitSignal(dialog.notified, timeout=TIMEOUT, check_params_cb=lambda text: "sent to" in text):
        chooser.accept()
    assert text_of(dialog, "invoiceMessage") == f"{invoiced[0]}: 1 page(s) sent to {printed}."
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info and "A4" in info
    qtbot.waitUntil(lambda: history(dialog) == ["Issued by cashier", "Reprinted by accountant"], timeout=TIMEOUT)


def test_an_invoice_is_emailed_to_its_customer_and_a_bad_address_sends_nothing(
    qtbot: QtBot, page: InvoicesPage, shop: Services, admin: Actor, invoiced: list[str], smtp_server: SmtpServer
) -> None:
    shop.mail.configure_smtp(
        admin, host=smtp_server.host, port=smtp_server.port, security="none", username="", sender="shop@example.com"
    )
    dialog = opened(qtbot, page, invoiced[0])
    click(qtbot, dialog, "emailInvoice")
    mail = dialog_of(qtbot, dialog, EmailInvoiceDialog)
    address = mail.findChild(QLineEdit, "emailTo")
    assert address.text() == "compta@acme.example"
    address.setText("compta at acme")
    click(qtbot, mail, "sendEmail")
    qtbot.waitUntil(lambda: bool(text_of(mail, "emailToError")), timeout=TIMEOUT)
    assert "is not an email address" in text_of(mail, "emailToError")
    assert smtp_server.messages == []

    address.setText("compta@acme.example")
    with qtbot.waitSignal(dialog.notified, timeout=TIMEOUT):
        click(qtbot, mail, "sendEmail")
    assert text_of(dialog, "invoiceMessage") == f"{invoiced[0]} emailed to compta@acme.example."
    [message] = smtp_server.messages
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == f"{invoiced[0]}.pdf"
    qtbot.waitUntil(lambda: history(dialog) == ["Issued by cashier", "Emailed by accountant"], timeout=TIMEOUT)


def test_a_credit_note_is_listed_with_negative_totals_and_refers_to_its_invoice(
    qtbot: QtBot, page: InvoicesPage, shop: Services, accountant: Actor, invoiced: list[str]
) -> None:
    number = invoiced[1]
    dialog = opened(qtbot, page, number)
    click(qtbot, dialog, "creditInvoice")
    credit = dialog_of(qtbot, dialog, CreditNoteDialog)

    credit.quantity_field(1).setValue(1)  # one of the two T-shirts
    click(qtbot, credit, "issueCreditNote")  # no reason given
    qtbot.waitUntil(lambda: bool(text_of(credit, "creditReasonError")), timeout=TIMEOUT)
    assert text_of(credit, "creditReasonError").startswith("Say why the invoice is credited")
    assert shop.invoices.tally(accountant).documents == 3  # nothing written

    qtbot.keyClicks(credit.findChild(QLineEdit, "creditReason"), "One T-shirt returned")
    click(qtbot, credit, "issueCreditNote")
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.view.number.startswith("AV-"), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: column_texts(table(page), "Number")[0].startswith("AV-"), timeout=TIMEOUT)  # listed too
    note = dialog.detail.view
    assert text_of(dialog, "invoiceTitle") == f"Credit note {note.number}"
    assert text_of(dialog, "invoiceMessage") == f"Credit note {note.number} issued for {number}."
    assert number in text_of(dialog, "factCreditsInvoice")
    assert text_of(dialog, "factReason") == "One T-shirt returned"
    assert column_texts(table(dialog, "invoiceLines"), "Qty") == ["-1"]
    assert text_of(dialog, "totalGross") == eur("-19.90")

    listed = row_texts(table(page))
    assert listed[0][0] == note.number and listed[0][2] == "Awa Diop"
    assert listed[0][3:] == (eur(note.net), eur(note.vat), eur("-19.90"), "Credit note")
    assert note.net < 0 and note.vat < 0
    assert dict((row[0], row[6]) for row in listed)[number] == "Partly credited"

    dialog.findChild(QLabel, "factCreditsInvoice").linkActivated.emit(number)  # back to the invoice
    qtbot.waitUntil(lambda: dialog.detail.view.number == number, timeout=TIMEOUT)
    assert history(dialog)[-1] == f"Credited by credit note {note.number} (accountant)"
    assert text_of(dialog, "totalCredited") == eur("-19.90")


@pytest.fixture
def export_dialog(qtbot: QtBot, page: InvoicesPage, clock, tmp_path: Path) -> ExportDialog:
    dialog = page.export_period()
    today = clock.now.date()
    dialog.set_period(today, today)
    dialog.set_folder(tmp_path / "export")
    return dialog


def test_exporting_a_period_writes_every_pdf_and_a_summary_that_adds_up(
    qtbot: QtBot,
    export_dialog: ExportDialog,
    shop: Services,
    accountant: Actor,
    invoiced: list[str],
    tmp_path: Path,
    clock,
) -> None:
    shop.invoices.credit_note(accountant, invoiced[0], "Cancelled")
    with qtbot.waitSignal(export_dialog.finished_export, timeout=EXPORT_TIMEOUT) as finished:
        click(qtbot, export_dialog, "startExport")
    folder = tmp_path / "export"
    day = clock.now.date().isoformat()
    next_day = (clock.now.date() + timedelta(days=1)).isoformat()
    assert finished.args == [
        f"4 invoices and credit notes written to {folder}, with the summary summary-{day}-{next_day}.csv and "
        f"summary-{day}-{next_day}.xlsx. Total incl. VAT: {eur(export_dialog.result.gross)}."
    ]
    assert text_of(export_dialog, "exportVerdict") == finished.args[0]
    documents = shop.invoices.find(accountant)
    assert sorted(path.name for path in folder.glob("*.pdf")) == sorted(f"{d.number}.pdf" for d in documents)
    with (folder / f"summary-{day}-{next_day}.csv").open(encoding="utf-8-sig") as source:
        rows = list(csv.DictReader(source))
    assert Decimal(rows[-1]["incl_vat"]) == sum(d.gross for d in documents) == export_dialog.result.gross
    assert export_dialog.findChild(QPushButton, "openExportFolder").isVisibleTo(export_dialog)


def test_cancelling_an_export_stops_it_and_says_so(
    qtbot: QtBot, shop: Services, cashier: Actor, accountant: Actor, clock, tmp_path: Path
) -> None:
    for n in range(12):  # more than the ten PDFs the exporter renders between two looks at Cancel
        sell_and_invoice(shop, cashier, f"Client {n:02d}")
    page = open_page(qtbot, shop, accountant, export_workers=1)
    dialog = page.export_period()
    dialog.set_period(clock.now.date(), clock.now.date())
    dialog.set_folder(tmp_path / "export")
    click(qtbot, dialog, "startExport")
    qtbot.waitUntil(lambda: text_of(dialog, "exportProgressText").startswith("Writing the PDFs"), timeout=TIMEOUT)
    with qtbot.waitSignal(dialog.finished_export, timeout=EXPORT_TIMEOUT) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels the export and keeps the window
    assert dialog.isVisible()
    written = sorted((tmp_path / "export").glob("*.pdf"))
    assert len(written) < 12  # none, or the ten being rendered when Esc was pressed
    assert finished.args == [
        f"Export stopped: {len(written)} of 12 PDFs were written to {tmp_path / 'export'}, and no summary. "
        "Export the period again to have all of it."
    ]
    assert list((tmp_path / "export").glob("summary-*")) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now it closes
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)


def test_a_cashier_does_not_get_the_invoices_page(
    qtbot: QtBot, shop: Services, cashier: Actor, accountant: Actor
) -> None:
    from pos_app.ui.main_window import MainWindow  # here: the window imports every page of the app

    counter = MainWindow(shop, cashier)
    qtbot.addWidget(counter)
    assert "Invoices" not in counter.pages.titles() and counter.invoices_page is None
    back_office = MainWindow(shop, accountant)
    qtbot.addWidget(back_office)
    assert "Invoices" in back_office.pages.titles() and back_office.invoices_page is not None


def test_the_period_runs_from_the_first_day_to_the_last_included(qtbot: QtBot, page: InvoicesPage, clock) -> None:
    period = page.findChild(QWidget, "periodChoice")
    period.setCurrentIndex(period.findText("Between two dates"))
    since, until = page.current_search().since, page.current_search().until
    first_of_month = date(clock.now.year, clock.now.month, 1)
    assert (since.date(), until.date()) == (first_of_month, clock.now.date() + timedelta(days=1))
