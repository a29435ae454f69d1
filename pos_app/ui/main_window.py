"""The main window: the pages the logged-in role may use, who is logged in, and the hold tidy-up."""

from __future__ import annotations

from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from pos_app.domain.roles import ROLE_LABELS, Actor, Permission
from pos_app.services import Services
from pos_app.ui.holds_cleanup import ExpiredHoldsCleanup
from pos_app.ui.intervals import DEFAULT_INTERVALS, Intervals
from pos_app.ui.orders.online_orders_page import TITLE as ORDERS_TITLE
from pos_app.ui.orders.online_orders_page import OnlineOrdersPage
from pos_app.ui.stock.stock_page import StockPage
from pos_app.ui.widgets.page_switcher import PageSwitcher

DEFAULT_SIZE = (1200, 750)
STOCK_TITLE = "Stock"


def session_text(actor: Actor) -> str:
    return f"Logged in as {actor.username} · {ROLE_LABELS[actor.role]}"


def may_watch_online_orders(actor: Actor) -> bool:
    """The back office (stock managers, accountants, admins) follows online orders; the counter does not.

    The page shows customers' emails and refunds to follow up, which is not a cashier's job. There is no
    permission of its own for it yet, so it goes with viewing stock plus managing stock or the accounts.
    """
    return actor.can(Permission.VIEW_STOCK) and (
        actor.can(Permission.ADJUST_STOCK) or actor.can(Permission.VIEW_ACCOUNTS)
    )


def orders_label(to_act_on: int) -> str:
    return ORDERS_TITLE if to_act_on == 0 else f"{ORDERS_TITLE} ({to_act_on})"


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        intervals: Intervals = DEFAULT_INTERVALS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(*DEFAULT_SIZE)
        self.actor = actor
        self.pages = PageSwitcher()
        self.stock_page: StockPage | None = None
        self.orders_page: OnlineOrdersPage | None = None
        self._titles: dict[QWidget, str] = {}
        self.pages.page_changed.connect(self._page_changed)
        self._add_pages(services, actor, intervals)
        self.setCentralWidget(self.pages)

        self._cleanup = ExpiredHoldsCleanup(services.payments, intervals.cleanup_ms, self)
        self._cleanup.finished.connect(self._holds_tidied)

        user = QLabel(session_text(actor), objectName="currentUser")
        user.setContentsMargins(18, 2, 12, 2)  # lines up with the page's left edge
        self.statusBar().addWidget(user)
        self.statusBar().setSizeGripEnabled(False)

    def _add_pages(self, services: Services, actor: Actor, intervals: Intervals) -> None:
        if actor.can(Permission.VIEW_STOCK):
            self.stock_page = StockPage(services, watch_ms=intervals.stock_watch_ms)
            self._add_page(STOCK_TITLE, self.stock_page)
        if may_watch_online_orders(actor):
            self.orders_page = OnlineOrdersPage(
                services, refresh_ms=intervals.orders_refresh_ms, countdown_ms=intervals.countdown_ms
            )
            self._add_page(ORDERS_TITLE, self.orders_page)
            self.orders_page.attention_changed.connect(self._show_attention_count)
            if self.stock_page is not None:
                self.orders_page.holds_changed.connect(self.stock_page.reload_when_shown)
        if not self._titles:
            self._add_page("Nothing to show", QLabel("Your role has no page here yet.", objectName="noPage"))

    def _add_page(self, title: str, page: QWidget) -> None:
        self._titles[page] = title
        self.pages.add_page(title, page)

    # ----- the tidy-up of expired holds runs while the window is open, minimised or not ----------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._cleanup.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # a spontaneous hide is the window being minimised
            self._cleanup.stop()

    def _holds_tidied(self, _released: int) -> None:
        if self.orders_page is not None and self.isVisible():
            self.orders_page.refresh()  # keeps the count of orders to act on fresh, even while not shown

    def _page_changed(self, page: QWidget) -> None:
        self.setWindowTitle(self._titles[page])  # the application display name is appended by Qt

    def _show_attention_count(self, to_act_on: int) -> None:
        if self.orders_page is None:
            return
        tip = f"{to_act_on} online order(s) to act on: refunded because the stock was gone" if to_act_on else None
        self.pages.set_label(self.orders_page, orders_label(to_act_on), tip)
