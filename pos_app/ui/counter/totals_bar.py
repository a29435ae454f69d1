"""The ticket's totals at a glance: items, subtotal, discounts and what gave them, VAT per rate, the total."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.money import Currency
from pos_app.domain.sale import PricedTicket
from pos_app.domain.vat import format_rate
from pos_app.ui.counter.touch import enlarge, money


class TotalsBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsBar")
        self.setStyleSheet("QFrame#totalsBar { background: #f4f5f2; border-radius: 8px; }")
        self._items = QLabel(objectName="itemsCount")
        self._subtotal = QLabel(objectName="ticketSubtotal")
        self._discounts = QLabel(objectName="ticketDiscounts")
        self._discounts.setWordWrap(True)
        self._vat = QLabel(objectName="ticketVat")
        self._vat.setStyleSheet("color: #5a5a5a;")
        self._total = QLabel(objectName="ticketTotal")
        self._total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        enlarge(self._total, 2.4, bold=True)
        details = QVBoxLayout()
        details.setSpacing(2)
        for label in (self._items, self._subtotal, self._discounts, self._vat):
            details.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(details, stretch=1)
        layout.addWidget(self._total)

    def show_ticket(self, ticket: PricedTicket | None, ticket_discount: Decimal, cur: Currency) -> None:
        """`ticket` None: an empty ticket."""
        lines = ticket.lines if ticket else ()
        gross, total = (ticket.gross, ticket.total) if ticket else (Decimal(0), Decimal(0))
        self._items.setText(self.tr("{count} item(s)").format(count=sum(line.quantity for line in lines)))
        self._subtotal.setText(self.tr("Subtotal {amount}").format(amount=money(gross, cur)))
        self._total.setText(money(total, cur))
        self._discounts.setText(self._discount_text(ticket, ticket_discount, cur))
        self._discounts.setVisible(bool(self._discounts.text()))
        self._vat.setText(
            "   ".join(
                self.tr("incl. VAT {rate} %: {vat}").format(rate=format_rate(split.rate), vat=money(split.vat, cur))
                for split in (ticket.vat if ticket else ())
            )
        )

    def _discount_text(self, ticket: PricedTicket | None, ticket_discount: Decimal, cur: Currency) -> str:
        percent = format_rate(ticket_discount)
        if ticket is None or not ticket.discount:
            return self.tr("Ticket discount {percent} %").format(percent=percent) if ticket_discount else ""
        # A line's label lists its promotion and its partner discount: each is said once here.
        labels = list(dict.fromkeys(part for line in ticket.lines for part in line.discount_label.split(", ") if part))
        if ticket_discount:
            labels.append(self.tr("ticket {percent} %").format(percent=percent))
        text = self.tr("Discounts -{amount}").format(amount=money(ticket.discount, cur))
        return f"{text} ({', '.join(labels)})" if labels else text
