"""The main window: the pages the logged-in role may use, who is logged in, and the hold tidy-up."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QWidget

from pos_app.domain.roles import ROLE_LABELS, Actor, Permission
from pos_app.services import Services
from pos_app.ui.admin.admin_page import TITLE as ADMIN_TITLE
from pos_app.ui.admin.admin_page import AdminPage, may_administer
from pos_app.ui.bookings.bookings_page import TITLE as BOOKINGS_TITLE
from pos_app.ui.bookings.bookings_page import BookingsPage, may_manage_bookings
from pos_app.ui.catalogue.catalogue_page import TITLE as CATALOGUE_TITLE
from pos_app.ui.catalogue.catalogue_page import CataloguePage
from pos_app.ui.counter.counter_page import TITLE as COUNTER_TITLE
from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.dashboard.dashboard_page import TITLE as DASHBOARD_TITLE
from pos_app.ui.dashboard.dashboard_page import Card, DashboardPage, may_see_dashboard
from pos_app.ui.holds_cleanup import ExpiredHoldsCleanup
from pos_app.ui.intervals import DEFAULT_INTERVALS, Intervals
from pos_app.ui.invoices.invoices_page import TITLE as INVOICES_TITLE
from pos_app.ui.invoices.invoices_page import InvoicesPage
from pos_app.ui.journal.journal_page import TITLE as JOURNAL_TITLE
from pos_app.ui.journal.journal_page import JournalPage
from pos_app.ui.lock_screen import LockScreen, SetPinDialog
from pos_app.ui.orders.online_orders_page import TITLE as ORDERS_TITLE
from pos_app.ui.orders.online_orders_page import OnlineOrdersPage
from pos_app.ui.reports.reports_page import TITLE as REPORTS_TITLE
from pos_app.ui.reports.reports_page import ReportsPage
from pos_app.ui.reports.z_reports_page import TITLE as Z_REPORTS_TITLE
from pos_app.ui.reports.z_reports_page import ZReportsPage
from pos_app.ui.stock.history_page import TITLE as HISTORY_TITLE
from pos_app.ui.stock.history_page import HistoryPage
from pos_app.ui.stock.stock_page import StockPage, may_read_history
from pos_app.ui.till.till_page import TillPage
from pos_app.ui.widgets.page_switcher import PageSwitcher

DEFAULT_SIZE = (1200, 750)
STOCK_TITLE = QT_TRANSLATE_NOOP("Pages", "Stock")
TILL_TITLE = QT_TRANSLATE_NOOP("Pages", "Till")
# The domain names the roles in English; these markers put those names in the catalogue.
ROLE_NAMES_TO_TRANSLATE = (
    QT_TRANSLATE_NOOP("Roles", "Admin"),
    QT_TRANSLATE_NOOP("Roles", "Cashier"),
    QT_TRANSLATE_NOOP("Roles", "Stock manager"),
    QT_TRANSLATE_NOOP("Roles", "Accountant"),
)


def page_name(title: str) -> str:
    return QCoreApplication.translate("Pages", title)


def session_text(actor: Actor) -> str:
    role = QCoreApplication.translate("Roles", ROLE_LABELS[actor.role])
    return QCoreApplication.translate("MainWindow", "Logged in as {user} · {role}").format(
        user=actor.username, role=role
    )


def may_watch_online_orders(actor: Actor) -> bool:
    """The back office (stock managers, accountants, admins) follows online orders; the counter does not.

    The page shows customers' emails and refunds to follow up, which is not a cashier's job. There is no
    permission of its own for it yet, so it goes with viewing stock plus managing stock or the accounts.
    """
    return actor.can(Permission.VIEW_STOCK) and (
        actor.can(Permission.ADJUST_STOCK) or actor.can(Permission.VIEW_ACCOUNTS)
    )


def orders_label(to_act_on: int) -> str:
    title = page_name(ORDERS_TITLE)
    return title if to_act_on == 0 else f"{title} ({to_act_on})"


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
        self._services = services
        self._intervals = intervals
        self.pages = PageSwitcher()
        self.counter_page: CounterPage | None = None
        self.stock_page: StockPage | None = None
        self.orders_page: OnlineOrdersPage | None = None
        self.till_page: TillPage | None = None
        self._titles: dict[QWidget, str] = {}
        self.pages.page_changed.connect(self._page_changed)
        self._add_pages(services, actor, intervals)
        self.setCentralWidget(self.pages)

        self._cleanup = ExpiredHoldsCleanup(services.payments, intervals.cleanup_ms, self)
        self._cleanup.finished.connect(self._holds_tidied)

        self._user = QLabel(session_text(actor), objectName="currentUser")
        self._user.setContentsMargins(18, 2, 12, 2)  # lines up with the page's left edge
        self.statusBar().addWidget(self._user)
        self.statusBar().setSizeGripEnabled(False)
        self._add_lock(services)

    def _add_pages(self, services: Services, actor: Actor, intervals: Intervals) -> None:
        self.dashboard_page: DashboardPage | None = None
        self.reports_page: ReportsPage | None = None
        self.z_reports_page: ZReportsPage | None = None
        self.journal_page: JournalPage | None = None
        if may_see_dashboard(actor):  # the managers' first page
            self.dashboard_page = DashboardPage(services, actor)
            self._add_page(DASHBOARD_TITLE, self.dashboard_page)
        if actor.can(Permission.SELL):
            self.counter_page = CounterPage(services, actor)
            self._add_page(COUNTER_TITLE, self.counter_page)
        if actor.can(Permission.SELL):
            self.till_page = TillPage(services, actor)
            self._add_page(TILL_TITLE, self.till_page)
        if self.counter_page is not None and self.till_page is not None:
            self._link_counter_and_till(self.counter_page, self.till_page)
        if actor.can(Permission.VIEW_STOCK):
            self.stock_page = StockPage(services, actor=actor, watch_ms=intervals.stock_watch_ms)
            self._add_page(STOCK_TITLE, self.stock_page)
        self._add_catalogue_and_history(services, actor)
        self.bookings_page: BookingsPage | None = None
        if may_manage_bookings(actor):
            self.bookings_page = BookingsPage(services, actor)
            self._add_page(BOOKINGS_TITLE, self.bookings_page)
        if may_watch_online_orders(actor):
            self.orders_page = OnlineOrdersPage(
                services, refresh_ms=intervals.orders_refresh_ms, countdown_ms=intervals.countdown_ms
            )
            self._add_page(ORDERS_TITLE, self.orders_page)
            self.orders_page.attention_changed.connect(self._show_attention_count)
            if self.stock_page is not None:
                self.orders_page.holds_changed.connect(self.stock_page.reload_when_shown)
        self.invoices_page: InvoicesPage | None = None
        if actor.can(Permission.VIEW_ACCOUNTS):
            self.invoices_page = InvoicesPage(services, actor)
            self._add_page(INVOICES_TITLE, self.invoices_page)
        if actor.can(Permission.VIEW_ACCOUNTS):
            self.reports_page = ReportsPage(services, actor)
            self._add_page(REPORTS_TITLE, self.reports_page)
            self.z_reports_page = ZReportsPage(services, actor)
            self._add_page(Z_REPORTS_TITLE, self.z_reports_page)
            self.journal_page = JournalPage(services, actor)
            self._add_page(JOURNAL_TITLE, self.journal_page)
        if self.dashboard_page is not None:
            self.dashboard_page.link_pages(
                self.pages.show_page,
                {
                    Card.SALES: self.reports_page,
                    Card.LOW_STOCK: self.stock_page,
                    Card.HOLDS: self.orders_page,
                    Card.CLOSINGS: self.z_reports_page,
                },
            )
        self.admin_page: AdminPage | None = None
        if may_administer(actor):
            self.admin_page = AdminPage(services, actor)
            self._add_page(ADMIN_TITLE, self.admin_page)
        if not self._titles:
            self._add_page(
                QT_TRANSLATE_NOOP("Pages", "Nothing to show"),
                QLabel(self.tr("Your role has no page here yet."), objectName="noPage"),
            )

    def _add_catalogue_and_history(self, services: Services, actor: Actor) -> None:
        """The stock manager's catalogue editor and movement history, linked to the stock page: a SKU's
        history opens from it, and each page reads again once another changed the stock or the catalogue."""
        self.catalogue_page: CataloguePage | None = None
        self.history_page: HistoryPage | None = None
        if actor.can(Permission.MANAGE_CATALOGUE):
            self.catalogue_page = CataloguePage(services, actor)
            self._add_page(CATALOGUE_TITLE, self.catalogue_page)
            if self.stock_page is not None:
                self.catalogue_page.catalogue_changed.connect(self.stock_page.reload_when_shown)
        if may_read_history(actor):
            self.history_page = HistoryPage(services)
            self._add_page(HISTORY_TITLE, self.history_page)
            if self.stock_page is not None:
                self.stock_page.stock_changed.connect(self.history_page.reload_when_shown)
                self.stock_page.history_requested.connect(self._show_history_of)
            if self.catalogue_page is not None:
                self.catalogue_page.catalogue_changed.connect(self.history_page.reload_when_shown)

    def _show_history_of(self, sku: str) -> None:
        if self.history_page is not None:
            self.pages.show_page(self.history_page)
            self.history_page.show_sku(sku)

    def _link_counter_and_till(self, counter: CounterPage, till: TillPage) -> None:
        """A closed till is opened from the counter through the till page; the counter sells once it is open."""
        counter.set_can_open_till(True)
        counter.open_till_requested.connect(lambda: self._open_till_on(till))
        till.till_changed.connect(counter.check_till)

    def _open_till_on(self, till: TillPage) -> None:
        self.pages.show_page(till)
        if till.state is not None:
            till.open_till()
        else:  # the page loads its state when first shown
            till.loaded.connect(till.open_till, Qt.ConnectionType.SingleShotConnection)

    def _add_page(self, title: str, page: QWidget) -> None:
        self._titles[page] = page_name(title)
        self.pages.add_page(page_name(title), page)

    # ----- locking the screen and handing the counter to another user ----------------------------

    def _add_lock(self, services: Services) -> None:
        self.lock_screen = LockScreen(services.auth, self)
        self.lock_screen.signed_in.connect(self._signed_in)
        self._lock_action = QAction(self.tr("Lock"), self, objectName="lockAction")
        self._lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self._lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._lock_action.triggered.connect(self.lock)
        self.addAction(self._lock_action)
        pin_button = QPushButton(self.tr("Set my PIN…"), objectName="setPinButton")
        pin_button.setFlat(True)
        pin_button.clicked.connect(self._set_pin)
        lock_button = QPushButton(self.tr("Lock  (Ctrl+L)"), objectName="lockButton")
        lock_button.setFlat(True)
        lock_button.clicked.connect(self._lock_action.trigger)
        self.statusBar().addPermanentWidget(pin_button)
        self.statusBar().addPermanentWidget(lock_button)

    def lock(self) -> None:
        """Cover the window until the same user, or another one who takes over, signs in. The till stays open."""
        self._set_locked(True)
        self.lock_screen.lock(self.actor)

    def _signed_in(self, actor: Actor) -> None:
        self._set_locked(False)
        if actor != self.actor:
            self.switch_actor(actor)

    def _set_locked(self, locked: bool) -> None:
        self._lock_action.setEnabled(not locked)
        self.pages.setEnabled(not locked)
        self.statusBar().setEnabled(not locked)

    def switch_actor(self, actor: Actor) -> None:
        """Another user took over the counter: their name, and only the pages their role may use."""
        self.actor = actor
        self.counter_page = self.stock_page = self.orders_page = self.till_page = None
        self._titles = {}
        previous = self.takeCentralWidget()
        previous.hide()
        # Deleted once the timers its pages queued (a refocus...) have run: they would reach a deleted page.
        QTimer.singleShot(0, previous.deleteLater)
        self.pages = PageSwitcher()
        self.pages.page_changed.connect(self._page_changed)
        self._add_pages(self._services, actor, self._intervals)
        self.setCentralWidget(self.pages)
        self._user.setText(session_text(actor))
        self.lock_screen.raise_()

    def _set_pin(self) -> None:
        dialog = SetPinDialog(self._services.auth, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Your PIN is saved."), 5_000))
        dialog.open()

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
        tip = (
            self.tr("{count} online order(s) to act on: refunded because the stock was gone").format(count=to_act_on)
            if to_act_on
            else None
        )
        self.pages.set_label(self.orders_page, orders_label(to_act_on), tip)
