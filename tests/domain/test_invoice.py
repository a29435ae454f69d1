"""An invoice's arithmetic: lines that add up to the VAT breakdown to the cent, numbers, statuses."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.invoice import DraftLine, InvoiceKind, InvoiceStatus, invoice_number, invoice_status, price_lines
from pos_app.domain.money import currency

EUR = currency("EUR")
XOF = currency("XOF")
RATES = [Decimal("0"), Decimal("2.1"), Decimal("5.5"), Decimal("10"), Decimal("20")]


def line(gross: str, rate: str, quantity: int = 1) -> DraftLine:
    return DraftLine("SKU", "Thing", quantity, Decimal(gross), Decimal(0), Decimal(gross), Decimal(rate))


def test_vat_is_computed_per_rate_and_lines_share_the_net_exactly():
    totals = price_lines([line("19.90", "20"), line("19.90", "20"), line("18.00", "5.5"), line("0.99", "20")], EUR)
    assert [(s.rate, s.gross, s.net, s.vat) for s in totals.breakdown] == [
        (Decimal("5.5"), Decimal("18.00"), Decimal("17.06"), Decimal("0.94")),
        (Decimal("20"), Decimal("40.79"), Decimal("33.99"), Decimal("6.80")),
    ]
    assert sum(p.net for p in totals.lines if p.draft.vat_rate == 20) == Decimal("33.99")
    assert (totals.net, totals.vat, totals.gross) == (Decimal("51.05"), Decimal("7.74"), Decimal("58.79"))


def test_a_zero_decimal_currency_keeps_whole_amounts():
    totals = price_lines([line("5000", "18"), line("2500", "18")], XOF)
    assert (totals.net, totals.vat, totals.gross) == (Decimal("6356"), Decimal("1144"), Decimal("7500"))
    assert all(p.net == p.net.to_integral_value() for p in totals.lines)


amounts = st.decimals(min_value=Decimal("-5000"), max_value=Decimal("5000"), places=2).filter(lambda d: d != 0)


@given(st.lists(st.tuples(amounts, st.sampled_from(RATES)), min_size=1, max_size=40))
def test_lines_always_add_up_to_the_breakdown(drafts):
    lines = [line(str(gross), str(rate)) for gross, rate in drafts]
    totals = price_lines(lines, EUR)
    for split in totals.breakdown:
        members = [p for p in totals.lines if p.draft.vat_rate == split.rate]
        assert sum(p.net for p in members) == split.net
        assert sum(p.vat for p in members) == split.vat
        assert split.net + split.vat == split.gross
    assert all(p.net + p.vat == p.draft.gross for p in totals.lines)
    assert totals.gross == sum((gross for gross, _ in drafts), Decimal(0))


def test_numbers_are_series_year_and_six_digits():
    assert invoice_number("F", 2026, 123) == "F-2026-000123"


def test_status_follows_payments_credits_and_the_due_date():
    due = date(2026, 12, 22)
    status = invoice_status
    assert (
        status(InvoiceKind.INVOICE, Decimal(10), Decimal(10), Decimal(0), due, date(2027, 1, 1)) is InvoiceStatus.PAID
    )
    assert status(InvoiceKind.INVOICE, Decimal(10), Decimal(0), Decimal(0), due, due) is InvoiceStatus.DUE
    assert status(InvoiceKind.INVOICE, Decimal(10), Decimal(0), Decimal(0), due, date(2026, 12, 23)) is (
        InvoiceStatus.OVERDUE
    )
    assert status(InvoiceKind.INVOICE, Decimal(10), Decimal(10), Decimal(4), due, due) is InvoiceStatus.PARTLY_CREDITED
    assert status(InvoiceKind.INVOICE, Decimal(10), Decimal(10), Decimal(10), due, due) is InvoiceStatus.CREDITED
    assert status(InvoiceKind.CREDIT_NOTE, Decimal(-4), Decimal(0), Decimal(0), due, due) is InvoiceStatus.CREDIT_NOTE
