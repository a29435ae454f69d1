"""The managers' first page: today's sales, low stock, online holds and the last till closings, each a way in.

Each card shows what the role may read (the services decide); a card whose page this user has opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from babel.dates import format_date
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.roles import Actor, Permission
from pos_app.services import Services
from pos_app.services.sales_reports import DaySales, SessionSummary
from pos_app.ui.background import BackgroundOp
from pos_app.ui.dashboard.card import DashboardCard
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.amounts import moment_text, money_text, ui_locale
from pos_app.ui.widgets.labels import error_label, page_title

TITLE = QT_TRANSLATE_NOOP("Pages", "Dashboard")
LAST_CLOSINGS = 3
CARD_NAMES = {"sales": "salesTodayCard", "low_stock": "lowStockCard", "holds": "holdsCard", "closings": "closingsCard"}
CAPTION_STYLE = "color: #6b6b6b;"


class Card(StrEnum):
    SALES = "sales"
    LOW_STOCK = "low_stock"
    HOLDS = "holds"
    CLOSINGS = "closings"


def may_see_dashboard(actor: Actor) -> bool:
    """The back office's managers: stock managers, accountants and admins, not cashiers."""
    return actor.can(Permission.VIEW_STOCK) and (
        actor.can(Permission.ADJUST_STOCK) or actor.can(Permission.VIEW_ACCOUNTS)
    )


def cards_for(actor: Actor) -> tuple[Card, ...]:
    cards = [Card.SALES, Card.LOW_STOCK, Card.HOLDS]
    if actor.can(Permission.VIEW_ACCOUNTS):
        cards.append(Card.CLOSINGS)
    return tuple(cards)


@dataclass(frozen=True)
class DashboardFigures:
    today: DaySales
    low_stock: int
    active_holds: int
    units_held: int
    closings: tuple[SessionSummary, ...] | None  # None: not for this role


def load_dashboard(services: Services, actor: Actor) -> DashboardFigures:
    """Runs on the worker."""
    holds, units = services.reservations.count_active_units()
    closings = None
    if actor.can(Permission.VIEW_ACCOUNTS):
        closings = tuple(services.sales_reports.till_sessions(actor, closed_only=True, limit=LAST_CLOSINGS))
    return DashboardFigures(
        today=services.sales_reports.day_summary(actor),
        low_stock=services.stock_list.counts().low_stock,  # one count, not the list of 100,000 SKUs
        active_holds=holds,
        units_held=units,
        closings=closings,
    )


def closing_line(session: SessionSummary) -> str:
    assert session.closed_at is not None
    text = QCoreApplication.translate("Dashboard", "{register} · {closed} by {user} · {total}").format(
        register=session.register,
        closed=moment_text(session.closed_at),
        user=session.closed_by or "?",
        total=money_text(session.sales_total, session.currency),
    )
    variance = session.variance
    if variance:
        shown = money_text(variance, session.currency)
        text += " · " + QCoreApplication.translate("Dashboard", "variance {amount}").format(
            amount=f"+{shown}" if variance > 0 else shown
        )
    return text


class DashboardPage(QWidget):
    """Reads its figures each time it is shown (F5 as well). `loaded` fires when they are on screen,
    `page_requested` with the card chosen."""

    loaded = Signal()
    page_requested = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._services = services
        self._actor = actor
        self._loading = False
        self._opens: dict[Card, Callable[[], None]] = {}
        self.figures: DashboardFigures | None = None

        self._day = QLabel(objectName="dashboardDay")
        self._day.setStyleSheet(CAPTION_STYLE)
        self._error = error_label("dashboardError")
        texts = {
            Card.SALES: (self.tr("Sales today"), self.tr("Open the sales reports →")),
            Card.LOW_STOCK: (self.tr("Low stock"), self.tr("Open the stock list →")),
            Card.HOLDS: (self.tr("Online holds"), self.tr("Open the online orders →")),
            Card.CLOSINGS: (self.tr("Last till closings"), self.tr("Open the Z reports →")),
        }
        self.cards: dict[Card, DashboardCard] = {}
        for card in cards_for(actor):
            caption, link = texts[card]
            widget = DashboardCard(CARD_NAMES[card.value], caption, link)
            widget.set_link(False)
            widget.clicked.connect(partial(self._open, card))
            self.cards[card] = widget

        self._refresh = QAction(self.tr("Refresh"), self, objectName="dashboardRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._refresh.triggered.connect(self.refresh)
        self.addAction(self._refresh)
        self._lay_out()

    def _lay_out(self) -> None:
        refresh_button = QPushButton(self.tr("Refresh  (F5)"), objectName="dashboardRefresh")
        refresh_button.clicked.connect(self._refresh.trigger)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addWidget(self._day)
        title_row.addStretch()
        title_row.addWidget(refresh_button)

        grid = QGridLayout()
        grid.setSpacing(14)
        for index, card in enumerate(c for c in self.cards if c is not Card.CLOSINGS):
            grid.addWidget(self.cards[card], 0, index)
        if Card.CLOSINGS in self.cards:
            grid.addWidget(self.cards[Card.CLOSINGS], 1, 0, 1, 3)
        grid.setRowStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(14)
        layout.addLayout(title_row)
        layout.addWidget(self._error)
        layout.addLayout(grid, stretch=1)

    def link_pages(self, show: Callable[[QWidget], None], pages: Mapping[Card, QWidget | None]) -> None:
        """Each card whose page exists opens it through `show`; the others only show their figures."""
        for card, widget in self.cards.items():
            page = pages.get(card)
            if page is not None:
                self._opens[card] = partial(show, page)
            widget.set_link(page is not None)

    def _open(self, card: Card) -> None:
        opener = self._opens.get(card)
        if opener is not None:
            self.page_requested.emit(card.value)
            opener()

    # ----- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._refresh.setEnabled(False)
        load = partial(load_dashboard, self._services, self._actor)
        BackgroundOp(self, load).success(self._show).failure(self._failed).run_in_background()

    def _show(self, figures: DashboardFigures) -> None:
        self._loading = False
        self._refresh.setEnabled(True)
        self._error.hide()
        self.figures = figures
        today = figures.today
        self._day.setText(format_date(today.day, "full", locale=ui_locale()))
        self._show_sales(today)
        self._show_low_stock(figures.low_stock)
        self._show_holds(figures.active_holds, figures.units_held)
        if figures.closings is not None and Card.CLOSINGS in self.cards:
            self._show_closings(figures.closings)
        self.loaded.emit()

    def _show_sales(self, today: DaySales) -> None:
        if today.sales_count == 0:
            detail = self.tr("No sale yet today.")
        elif today.sales_count == 1:
            detail = self.tr("1 sale")
        else:
            detail = self.tr("{count} sales").format(count=today.sales_count)
        if today.refunds_total:
            detail += " · " + self.tr("{amount} refunded").format(
                amount=money_text(today.refunds_total, today.currency)
            )
        self.cards[Card.SALES].show_figures(money_text(today.total, today.currency), detail)

    def _show_low_stock(self, count: int) -> None:
        if count == 0:
            detail = self.tr("No SKU is running low.")
        elif count == 1:
            detail = self.tr("SKU at or below its alert level")
        else:
            detail = self.tr("SKUs at or below their alert level")
        self.cards[Card.LOW_STOCK].show_figures(str(count), detail, alert=count > 0)

    def _show_holds(self, holds: int, units: int) -> None:
        if holds == 0:
            self.cards[Card.HOLDS].show_figures("0", self.tr("Nobody is paying online right now."))
            return
        held = self.tr("active hold") if holds == 1 else self.tr("active holds")
        units_held = (
            self.tr("1 unit held while the customer pays")
            if units == 1
            else self.tr("{count} units held while customers pay").format(count=units)
        )
        self.cards[Card.HOLDS].show_figures(str(holds), f"{held} · {units_held}")

    def _show_closings(self, closings: tuple[SessionSummary, ...]) -> None:
        card = self.cards[Card.CLOSINGS]
        if not closings:
            card.show_figures("—", self.tr("No till was closed yet."))
            return
        short = [s for s in closings if s.variance]
        figure = (
            self.tr("{count} with a cash variance").format(count=len(short)) if short else self.tr("Cash as counted")
        )
        card.show_figures(figure, "\n".join(closing_line(s) for s in closings), alert=bool(short))

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self._refresh.setEnabled(True)
        self._error.setText(self.tr("Could not read today's figures. {reason}").format(reason=plain_message(error)))
        self._error.show()
