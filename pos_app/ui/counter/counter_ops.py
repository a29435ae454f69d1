"""What the counter page asks of the services, each run on the worker as one background operation."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.domain.money import Currency
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.customers import CustomerInfo
from pos_app.services.inventory import SkuRow
from pos_app.services.pos import ParkedTicketView


@dataclass(frozen=True)
class CounterState:
    """The till the cashier sells at, and what the page needs to show prices and categories."""

    register: str
    currency: Currency
    categories: tuple[str, ...]
    parked: int


def load_counter_state(services: Services, actor: Actor, register: str | None) -> CounterState:
    """The till of `register`, else the one the cashier opened, else the only one open. Raises TillClosed when
    there is none (ValidationError when several are open and none is the cashier's)."""
    report = services.pos.x_report(actor, register)
    return CounterState(
        register=report.register,
        currency=services.settings.current().currency,
        categories=tuple(services.inventory.categories()),
        parked=len(services.pos.parked(actor, report.register)),
    )


@dataclass(frozen=True)
class ResumedTicket:
    ticket: ParkedTicketView
    rows: tuple[SkuRow, ...]  # one per line of the ticket, as the stock is now
    customer: CustomerInfo | None


def resume_parked(services: Services, actor: Actor, ticket: ParkedTicketView, register: str | None) -> ResumedTicket:
    """Read the ticket's products and customer first, so that a failure leaves the ticket parked."""
    rows = tuple(services.inventory.find_by_barcode(sku) for sku, _, _ in ticket.lines)
    customer = services.customers.customer(ticket.customer_id) if ticket.customer_id is not None else None
    services.pos.resume(actor, ticket.id, register)
    return ResumedTicket(ticket, rows, customer)
