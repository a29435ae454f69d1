"""The counter page: the ticket a cashier rings up, and everything around it.

The scan field keeps the keyboard: a barcode scanner types the code and Enter, which adds the line; typed
text shows matching products; F-keys reach the rest. Every service call runs on the worker (BackgroundOp).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Currency
from pos_app.domain.roles import MAX_DISCOUNT_PERCENT, Actor
from pos_app.domain.sale import PricedTicket
from pos_app.errors import InsufficientStock, NotFound, TillClosed
from pos_app.services import Services
from pos_app.services.customers import CustomerInfo
from pos_app.services.inventory import SkuRow
from pos_app.services.pos import ParkedTicketView, SaleReceipt
from pos_app.ui.background import BackgroundOp
from pos_app.ui.bookings.book_slot_dialog import BookSlotDialog, sold_text
from pos_app.ui.counter.browse_panel import BrowsePanel
from pos_app.ui.counter.closed_till_panel import ClosedTillPanel
from pos_app.ui.counter.counter_ops import CounterState, ResumedTicket, load_counter_state, resume_parked
from pos_app.ui.counter.customer_dialog import CustomerDialog, customer_summary, discount_hint
from pos_app.ui.counter.discount_dialog import DiscountDialog
from pos_app.ui.counter.parked_dialog import ParkedDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog, SaleRequest
from pos_app.ui.counter.product_tiles import ProductTile
from pos_app.ui.counter.reason_dialog import ReasonDialog
from pos_app.ui.counter.results_model import can_add, described, warning_of
from pos_app.ui.counter.scan_field import ScanField
from pos_app.ui.counter.tables import select_row, selected_row
from pos_app.ui.counter.ticket_model import SaleLine, StockWarning, TicketModel, item_of
from pos_app.ui.counter.ticket_view import TicketView
from pos_app.ui.counter.totals_bar import TotalsBar
from pos_app.ui.counter.touch import TOUCH_HEIGHT, enlarge, money, touch_button
from pos_app.ui.counter.variant_picker import VariantPicker
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.small_dialogs import remembered_register
from pos_app.ui.widgets.labels import page_title

TITLE = QT_TRANSLATE_NOOP("Pages", "Counter")
SEARCH_DELAY_MS = 150  # a scanner types a whole code well within this: no search is run for a scan
SEARCH_MIN_CHARACTERS = 2
# The service prices the ticket once the line is painted: the worker would otherwise hold Python's GIL while
# the screen paints. Scans in quick succession are priced once.
PRICE_DELAY_MS = 30
SHOWN_RESULTS = 30
WARNING_STYLES = {
    StockWarning.LOW: "background: #ffe9b0; color: #5c3d00; border-radius: 6px; padding: 8px 12px;",
    StockWarning.SHORT: "background: #f9d3cf; color: #8a1c12; border-radius: 6px; padding: 8px 12px;",
}
NOTICE_STYLES = {
    "info": "color: #1b4d2b;",
    "error": "color: #a1261b;",
}
PAY_STYLE = (
    "QPushButton#payButton { background: #1f7a45; color: white; border-radius: 8px; padding: 8px 28px; }"
    "QPushButton#payButton:disabled { background: #b9c9bf; }"
)


class CounterPage(QWidget):
    """Selling needs an open till: the one of this machine's register (as the till page remembers it in
    `settings`), else the cashier's. Until one is found the page says so and offers to look again.

    Signals for whoever watches the page (the main window, tests, the benchmark): `state_loaded` once the
    till was looked up (open or not), `priced` when the service's pricing of the current ticket is on
    screen, `sold` with the receipt of each sale, `open_till_requested` when the cashier asks to open the
    till (connect it where the till page lives; set_can_open_till shows the button)."""

    state_loaded = Signal(bool)  # whether the page can sell
    priced = Signal()
    sold = Signal(object)  # SaleReceipt
    open_till_requested = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterPage")
        self._services = services
        self._actor = actor
        self._settings = settings if settings is not None else QSettings()
        self._register: str | None = None
        self._currency = Currency("EUR", 2)
        self._customer: CustomerInfo | None = None
        self._ticket_discount = Decimal(0)
        self._pricing_version = 0
        self._pending_lookups = 0
        self._pay_when_ready = False
        self._parked_count = 0
        self._can_sell = False
        self.payment_dialog: PaymentDialog | None = None
        self.model = TicketModel(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self._price_timer = QTimer(self, singleShot=True, interval=PRICE_DELAY_MS)
        self._price_timer.timeout.connect(self._request_price)

        self._closed = ClosedTillPanel()
        self._closed.open_till_requested.connect(self.open_till_requested)
        self._closed.look_again.connect(self.check_till)
        self._stack = QStackedWidget(objectName="counterStack")
        self._stack.addWidget(self._closed)
        self._stack.addWidget(self._selling_panel())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._add_shortcuts()
        self.model.lines_changed.connect(self._reprice)

    # ----- layout ------------------------------------------------------------------------------

    def _selling_panel(self) -> QWidget:
        panel = QWidget(objectName="sellingPanel")
        self._scan = ScanField()
        self._scan.setObjectName("scanField")
        self._scan.setPlaceholderText(self.tr("Scan a barcode, or type a name or SKU, then Enter"))
        self._scan.setMinimumHeight(TOUCH_HEIGHT + 6)
        enlarge(self._scan, 1.3)
        self._scan.returnPressed.connect(self._scan_entered)
        self._scan.textChanged.connect(self._typed)
        self._scan.increase.connect(lambda: self._change_quantity(1))
        self._scan.decrease.connect(lambda: self._change_quantity(-1))
        self._scan.remove.connect(self._remove_line)
        self._scan.arrow.connect(self._move)

        self._till = QLabel(objectName="tillStatus")
        self._till.setStyleSheet("color: #5a5a5a;")
        self._customer_label = QLabel(objectName="customerLabel")
        enlarge(self._customer_label, 1.1)
        customer = touch_button(QPushButton(self.tr("Customer (F2)"), objectName="customerButton"))
        customer.clicked.connect(self._choose_customer)

        self._stock_warning = QLabel(objectName="stockWarning")
        self._stock_warning.setWordWrap(True)
        self._stock_warning.hide()
        self._notice = QLabel(objectName="counterNotice")
        self._notice.setWordWrap(True)
        self._notice.hide()

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(self.tr("Counter")))
        title_row.addWidget(self._till)
        title_row.addStretch()
        title_row.addWidget(self._customer_label)
        title_row.addWidget(customer)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="counterSplitter")
        lines_view = TicketView(self.model, may_discount=MAX_DISCOUNT_PERCENT[self._actor.role] > 0)
        lines_view.quantity_step.connect(self._change_quantity)
        lines_view.discount_asked.connect(self._line_discount)
        lines_view.remove_asked.connect(self._remove_line)
        self._lines = lines_view.table
        splitter.addWidget(lines_view)
        self._browse = BrowsePanel(SHOWN_RESULTS, inventory=self._services.inventory)
        self._browse.tiles.chosen.connect(self._tile_chosen)
        self._browse.chosen_changed.connect(self._result_chosen)
        self._browse.add_requested.connect(self._add_chosen_result)
        self._browse.clicked.connect(self._refocus)
        splitter.addWidget(self._browse)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(title_row)
        layout.addWidget(self._scan)
        layout.addWidget(self._stock_warning)
        layout.addWidget(self._notice)
        layout.addWidget(splitter, stretch=1)
        self._totals = TotalsBar()
        layout.addWidget(self._totals)
        layout.addLayout(self._actions_row())
        self._show_customer()
        self._show_totals()
        return panel

    def _actions_row(self) -> QHBoxLayout:
        self._park = touch_button(QPushButton(self.tr("Park (F4)"), objectName="parkButton"))
        self._park.clicked.connect(self.park)
        self._resume = touch_button(QPushButton(self.tr("Resume (F5)"), objectName="resumeButton"))
        self._resume.clicked.connect(self.resume)
        void = touch_button(QPushButton(self.tr("Void (F8)"), objectName="voidButton"))
        void.clicked.connect(self.void)
        ticket_discount = touch_button(QPushButton(self.tr("Ticket discount (F7)"), objectName="ticketDiscountButton"))
        ticket_discount.clicked.connect(self._choose_ticket_discount)
        ticket_discount.setVisible(MAX_DISCOUNT_PERCENT[self._actor.role] > 0)
        book_slot = touch_button(QPushButton(self.tr("Book a slot (F9)"), objectName="bookSlotButton"))
        book_slot.clicked.connect(self.book_slot)
        self._pay = touch_button(QPushButton(self.tr("Pay (F12)"), objectName="payButton"), TOUCH_HEIGHT + 12)
        self._pay.setStyleSheet(PAY_STYLE)
        enlarge(self._pay, 1.35, bold=True)
        self._pay.setMinimumWidth(220)
        self._pay.clicked.connect(self.pay)
        row = QHBoxLayout()
        row.setSpacing(8)
        for button in (self._park, self._resume, void, ticket_discount, book_slot):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self._pay)
        return row

    def _add_shortcuts(self) -> None:
        for name, keys, act in (
            ("counterCustomerAction", [Qt.Key.Key_F2], self._choose_customer),
            ("counterParkAction", [Qt.Key.Key_F4], self.park),
            ("counterResumeAction", [Qt.Key.Key_F5], self.resume),
            ("counterLineDiscountAction", [Qt.Key.Key_F6], self._line_discount),
            ("counterTicketDiscountAction", [Qt.Key.Key_F7], self._choose_ticket_discount),
            ("counterVoidAction", [Qt.Key.Key_F8], self.void),
            ("counterBookSlotAction", [Qt.Key.Key_F9], self.book_slot),
            ("counterPayAction", [Qt.Key.Key_F12, "Ctrl+Return", "Ctrl+Enter"], self.pay),
        ):
            action = QAction(self, objectName=name)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(act)
            self.addAction(action)

    # ----- the till ----------------------------------------------------------------------------

    def set_can_open_till(self, can: bool) -> None:
        """Show the "Open the till" button: someone listens to `open_till_requested`."""
        self._closed.set_can_open_till(can)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_till()

    def check_till(self) -> None:
        """Look (again) for the open till; the page sells once it is found."""
        load = partial(load_counter_state, self._services, self._actor, remembered_register(self._settings))
        BackgroundOp(self, load).success(self._till_found).failure(self._till_missing).run_in_background()

    def _till_found(self, state: CounterState) -> None:
        self._can_sell = True
        self._register = state.register
        self._currency = state.currency
        self.model.currency = state.currency
        self._till.setText(self.tr("Till {register} open").format(register=state.register))
        self._browse.categories.set_categories(state.categories)
        self._set_parked_count(state.parked)
        self._stack.setCurrentIndex(1)
        self._show_totals()
        self._refocus()
        self.state_loaded.emit(True)

    def _till_missing(self, error: Exception) -> None:
        self._can_sell = False
        self._closed.show_problem(error)
        self._stack.setCurrentIndex(0)
        self.state_loaded.emit(False)

    # ----- scanning and searching ----------------------------------------------------------------

    def _refocus(self) -> None:
        if not self._can_sell:
            return
        self._scan.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, self._take_window_back)  # cancelled by Qt if the page is gone first

    def _take_window_back(self) -> None:
        """Without a window manager (kiosk sessions, offscreen) a closed dialog may leave no window active, or
        even stay the active one while hidden: the keyboard would then reach nobody."""
        active = QApplication.activeWindow()
        if QApplication.activeModalWidget() is not None:
            return  # a dialog opened since: it keeps the keyboard
        if self.isVisible() and (active is None or not active.isVisible()):
            self.activateWindow()
            self._scan.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _typed(self, text: str) -> None:
        self._browse.picked = False
        if len(text.strip()) >= SEARCH_MIN_CHARACTERS:
            self._search_timer.start()
            return
        self._search_timer.stop()
        self._browse.show_tiles()

    def _search(self) -> None:
        text = self._scan.text().strip()
        if len(text) < SEARCH_MIN_CHARACTERS:
            return
        find = partial(self._services.inventory.search, text, SHOWN_RESULTS)
        show = partial(self._show_results, text)
        BackgroundOp(self, find).success(show).failure(self._show_error).run_in_background()

    def _show_results(self, text: str, rows: list[SkuRow]) -> None:
        if text == self._scan.text().strip():  # else typed on since, or the line was added
            self._browse.show_results(text, rows)

    def _move(self, step: int) -> None:
        if self._browse.showing_results:
            self._browse.step_through(step)
            return
        current = selected_row(self._lines)
        select_row(self._lines, self.model.rowCount() - 1 if current is None else current + step)

    def _result_chosen(self, row: SkuRow | None) -> None:
        if row is None:
            return
        if not row.active:
            self._warn(StockWarning.SHORT, self.tr("{product} is no longer for sale.").format(product=described(row)))
        elif warning_of(row) is StockWarning.SHORT:
            self._warn(StockWarning.SHORT, self._out_of_stock_text(row))
        else:
            self._stock_warning.hide()

    def _add_chosen_result(self) -> None:
        row = self._browse.chosen()
        if row is None or not can_add(row):
            self._result_chosen(row)
            return
        self._scan.clear()
        self._add_row(row)
        self._refocus()

    def _scan_entered(self) -> None:
        if self._browse.picked and self._browse.showing_results:
            self._add_chosen_result()
            return
        code = self._scan.text().strip()
        if not code:
            return
        self._search_timer.stop()
        self._scan.clear()  # ready for the next scan while this one is looked up
        self._lookup(code)

    def _lookup(self, code: str) -> None:
        self._pending_lookups += 1
        find = partial(self._services.inventory.find_by_barcode, code)
        BackgroundOp(self, find).success(self._found).failure(partial(self._not_found, code)).run_in_background()

    def _found(self, row: SkuRow) -> None:
        self._pending_lookups -= 1
        self._add_row(row)
        self._maybe_pay()

    def _not_found(self, code: str, error: Exception) -> None:
        self._pending_lookups -= 1
        self._pay_when_ready = False
        if not isinstance(error, NotFound):
            self._show_error(error)
            return
        # Not a code: words typed then Enter. One product matching them is added; several are listed.
        find = partial(self._services.inventory.search, code, SHOWN_RESULTS)
        found = partial(self._found_by_words, code)
        BackgroundOp(self, find).success(found).failure(self._show_error).run_in_background()

    def _found_by_words(self, text: str, rows: list[SkuRow]) -> None:
        if len(rows) == 1 and can_add(rows[0]):
            self._add_row(rows[0])
            return
        if not self._scan.text():
            self._scan.setText(text)
            self._search_timer.stop()
            self._browse.show_results(text, rows)
        if rows:
            message = self.tr("“{text}” is not a barcode or SKU: choose the product in the list (↓ then Enter).")
        else:
            message = self.tr("No product has the barcode or SKU “{text}”, nor its words: check the code.")
        self._say(message.format(text=text), "error")

    # ----- the ticket --------------------------------------------------------------------------

    def _add_row(self, row: SkuRow) -> None:
        """One more unit of `row`'s SKU: a new line, or one more on its line. Refused (and said why) when
        the SKU is not for sale or has no unit left for this ticket."""
        self._notice.hide()
        if not row.active:
            self._warn(StockWarning.SHORT, self.tr("{product} is no longer for sale.").format(product=described(row)))
            return
        existing = self.model.row_of(row.sku)
        if existing is None:
            if row.available <= 0:
                self._warn(StockWarning.SHORT, self._out_of_stock_text(row))
                return
            line = self.model.append(item_of(row))
        else:
            item = replace(self.model.item(existing), available=row.available)
            if item.quantity + 1 > row.available:
                self.model.replace(existing, item)
                self._warn(StockWarning.SHORT, self._short_text(item.description, row.available, item.quantity))
                select_row(self._lines, existing)
                return
            line = existing
            self.model.replace(existing, replace(item, quantity=item.quantity + 1))
        select_row(self._lines, line)
        self._warn_about(line)

    def _out_of_stock_text(self, row: SkuRow) -> str:
        return self.tr("{product} ({sku}) is out of stock: {available} available.").format(
            product=described(row), sku=row.sku, available=max(row.available, 0)
        )

    def _short_text(self, product: str, available: int, quantity: int) -> str:
        return self.tr("Only {available} of {product} available: the ticket already has {quantity}.").format(
            available=max(available, 0), product=product, quantity=quantity
        )

    def _warn_about(self, line: int) -> None:
        item = self.model.item(line)
        if item.warning is StockWarning.SHORT:
            self._warn(
                StockWarning.SHORT,
                self.tr("Only {available} of {product} available, {quantity} on the ticket.").format(
                    available=max(item.available, 0), product=item.description, quantity=item.quantity
                ),
            )
        elif item.warning is StockWarning.LOW:
            self._warn(
                StockWarning.LOW,
                self.tr("Low stock: {available} of {product} available.").format(
                    available=item.available, product=item.description
                ),
            )
        else:
            self._stock_warning.hide()

    def _warn(self, level: StockWarning, text: str) -> None:
        self._stock_warning.setStyleSheet(WARNING_STYLES[level])
        self._stock_warning.setText(text)
        self._stock_warning.show()

    def _selected_line(self) -> int | None:
        line = selected_row(self._lines)
        if line is None and self.model.rowCount():
            self._say(self.tr("Select a line first (↑ ↓ while the scan field is empty)."), "error")
        return line

    def _change_quantity(self, step: int) -> None:
        line = self._selected_line()
        if line is None:
            return
        item = self.model.item(line)
        quantity = item.quantity + step
        if quantity < 1:
            self._say(self.tr("To take the line off, press Del."), "info")
            return
        if quantity > item.available:
            self._warn(StockWarning.SHORT, self._short_text(item.description, item.available, item.quantity))
            return
        self.model.replace(line, replace(item, quantity=quantity))
        self._warn_about(line)
        self._refocus()

    def _remove_line(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        self.model.remove(line)
        self._stock_warning.hide()
        select_row(self._lines, min(line, self.model.rowCount() - 1))
        self._refocus()

    def _line_discount(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        item = self.model.item(line)
        what = self.tr("Discount on {product}").format(product=item.description)
        dialog = DiscountDialog(self._actor, what, item.discount_percent, self)
        dialog.accepted.connect(lambda: self._apply_line_discount(item.sku, dialog.percent))
        dialog.finished.connect(self._refocus)
        dialog.open()

    def _apply_line_discount(self, sku: str, percent: Decimal) -> None:
        line = self.model.row_of(sku)
        if line is not None:
            self.model.replace(line, replace(self.model.item(line), discount_percent=percent))

    def _choose_ticket_discount(self) -> None:
        if not self.model.rowCount():
            return
        dialog = DiscountDialog(self._actor, self.tr("Discount on the whole ticket"), self._ticket_discount, self)
        dialog.accepted.connect(lambda: self._set_ticket_discount(dialog.percent))
        dialog.finished.connect(self._refocus)
        dialog.open()

    def _set_ticket_discount(self, percent: Decimal) -> None:
        self._ticket_discount = percent
        self._reprice()

    def _clear_ticket(self) -> None:
        self._customer = None
        self._ticket_discount = Decimal(0)
        self._pay_when_ready = False
        self.model.set_items([])
        self._stock_warning.hide()
        self._show_customer()

    # ----- the customer --------------------------------------------------------------------------

    def _choose_customer(self) -> None:
        dialog = CustomerDialog(self._services, self._customer, self, actor=self._actor)
        dialog.accepted.connect(lambda: self._set_customer(dialog.chosen))
        dialog.finished.connect(self._refocus)
        dialog.open()

    def _set_customer(self, customer: CustomerInfo | None) -> None:
        self._customer = customer
        self._show_customer()
        self._reprice()

    def _show_customer(self) -> None:
        self._customer_label.setText(customer_summary(self._customer) if self._customer else self.tr("No customer"))
        self._customer_label.setToolTip(discount_hint(self._customer))

    # ----- prices and totals ---------------------------------------------------------------------

    def _extra(self) -> tuple[int | None, Decimal]:
        """What the pricing depends on besides the lines: the customer and the ticket discount."""
        return (self._customer.id if self._customer else None, self._ticket_discount)

    def _reprice(self) -> None:
        self._pricing_version += 1  # an answer on its way is for the ticket as it was
        self._show_totals()
        if self.model.rowCount():
            self._price_timer.start()
        else:
            self._price_timer.stop()

    def _request_price(self) -> None:
        if not self.model.rowCount():
            return
        version, lines, extra = self._pricing_version, self.model.sale_lines(), self._extra()
        customer_id, discount = extra
        price = partial(
            self._services.pos.price, self._actor, list(lines), customer_id, ticket_discount_percent=discount
        )
        BackgroundOp(self, price).success(partial(self._priced, version, lines, extra)).failure(
            partial(self._pricing_failed, version)
        ).run_in_background()

    def _priced(
        self, version: int, lines: tuple[SaleLine, ...], extra: tuple[int | None, Decimal], ticket: PricedTicket
    ) -> None:
        self.model.set_priced(lines, extra, ticket)
        if version != self._pricing_version:
            return
        self._show_totals()
        self.priced.emit()
        self._maybe_pay()

    def _pricing_failed(self, version: int, error: Exception) -> None:
        if version != self._pricing_version:
            return
        self._pay_when_ready = False
        self._say(self.tr("Could not price the ticket: {reason}").format(reason=plain_message(error)), "error")

    def current_ticket(self) -> PricedTicket | None:
        """The service's pricing of the ticket as it is now, once it arrived."""
        return self.model.priced_ticket(self._extra()) if self.model.rowCount() else None

    def _show_totals(self) -> None:
        has_lines = self.model.rowCount() > 0
        self._pay.setEnabled(has_lines)
        ticket = (self.current_ticket() or self.model.estimate(self._ticket_discount)) if has_lines else None
        self._totals.show_ticket(ticket, self._ticket_discount, self._currency)

    # ----- paying --------------------------------------------------------------------------------

    def pay(self) -> None:
        """F12: open the payment once every scan is on the ticket and the service priced it."""
        if not self._can_sell or (self.payment_dialog is not None and self.payment_dialog.isVisible()):
            return
        if not self.model.rowCount() and not self._pending_lookups:
            self._say(self.tr("The ticket is empty: scan a product first."), "error")
            return
        short = [item for item in self.model.items if item.warning is StockWarning.SHORT]
        if short:
            self._warn(
                StockWarning.SHORT,
                self.tr("Not enough stock for {products}: lower the quantity or remove the line.").format(
                    products=", ".join(item.description for item in short)
                ),
            )
            return
        self._pay_when_ready = True
        self._maybe_pay()

    def _maybe_pay(self) -> None:
        if not self._pay_when_ready or self._pending_lookups:
            return
        ticket = self.current_ticket()
        if ticket is None:
            return  # _priced calls again
        self._pay_when_ready = False
        customer_id, discount = self._extra()
        request = SaleRequest(self.model.sale_lines(), ticket.total, customer_id, discount, self._register)
        dialog = PaymentDialog(self._services, self._actor, request, self._currency, self)
        dialog.sold.connect(self._sold)
        dialog.refused.connect(self._sale_refused)
        dialog.finished.connect(self._payment_closed)
        self.payment_dialog = dialog
        dialog.open()

    def _sold(self, receipt: SaleReceipt) -> None:
        self._clear_ticket()
        total = money(receipt.total, self._currency)
        self._say(self.tr("Sale {number} recorded: {total}.").format(number=receipt.number, total=total), "info")
        self.sold.emit(receipt)

    def _sale_refused(self, error: Exception) -> None:
        if isinstance(error, InsufficientStock):
            self.model.mark_available({short.sku: short.available for short in error.shortfalls})
            self._warn(StockWarning.SHORT, plain_message(error))
        elif isinstance(error, TillClosed):
            self._can_sell = False

    def _payment_closed(self) -> None:
        if not self._can_sell:
            self.check_till()
        self._refocus()

    # ----- park, resume, void --------------------------------------------------------------------

    def park(self) -> None:
        """F4: put the ticket aside at this register, to serve the next customer."""
        if not self._can_sell:
            return
        if not self.model.rowCount():
            self._say(self.tr("Nothing to park: the ticket is empty."), "error")
            return
        customer_id, discount = self._extra()
        park = partial(
            self._services.pos.park,
            self._actor,
            list(self.model.sale_lines()),
            customer_id=customer_id,
            ticket_discount_percent=discount,
            label=self._customer.name if self._customer else "",
            register=self._register,
        )
        BackgroundOp(self, park).success(self._parked).failure(self._show_error).run_in_background()

    def _parked(self, ticket: ParkedTicketView) -> None:
        self._clear_ticket()
        self._set_parked_count(self._parked_count + 1)
        self._say(self.tr("Ticket {number} parked. Resume it with F5.").format(number=ticket.id), "info")
        self._refocus()

    def _set_parked_count(self, count: int) -> None:
        self._parked_count = count
        self._resume.setText(self.tr("Resume (F5) · {count}").format(count=count) if count else self.tr("Resume (F5)"))

    def resume(self) -> None:
        """F5: take back a ticket parked at this register."""
        if not self._can_sell:
            return
        if self.model.rowCount():
            self._say(self.tr("Finish, park or void this ticket before resuming another."), "error")
            return
        dialog = ParkedDialog(self._services, self._actor, self._register, self)
        dialog.accepted.connect(lambda: self._resume_ticket(dialog.chosen))
        dialog.finished.connect(self._refocus)
        dialog.open()

    def _resume_ticket(self, ticket: ParkedTicketView | None) -> None:
        if ticket is None:
            return
        resume = partial(resume_parked, self._services, self._actor, ticket, self._register)
        BackgroundOp(self, resume).success(self._resumed).failure(self._show_error).run_in_background()

    def _resumed(self, resumed: ResumedTicket) -> None:
        self._customer = resumed.customer
        self._ticket_discount = resumed.ticket.ticket_discount_percent
        self._show_customer()
        self.model.set_items(
            [
                item_of(row, quantity, discount)
                for row, (_, quantity, discount) in zip(resumed.rows, resumed.ticket.lines, strict=True)
            ]
        )
        self._set_parked_count(max(self._parked_count - 1, 0))
        select_row(self._lines, self.model.rowCount() - 1)
        short = [item.description for item in self.model.items if item.warning is StockWarning.SHORT]
        if short:
            self._warn(
                StockWarning.SHORT,
                self.tr("Stock changed since the ticket was parked: not enough of {products}.").format(
                    products=", ".join(short)
                ),
            )
        self._say(self.tr("Ticket {number} is back.").format(number=resumed.ticket.id), "info")
        self._refocus()

    def void(self) -> None:
        """F8: abandon the ticket, with a reason the journal keeps."""
        if not self._can_sell or not self.model.rowCount():
            return
        dialog = ReasonDialog(
            self.tr("Void the ticket"),
            self.tr("Nothing is sold and no stock moves; the journal records the void, its value and why."),
            self.tr("Void the ticket (Enter)"),
            [self.tr("Customer changed their mind"), self.tr("Scanning mistake"), self.tr("Customer could not pay")],
            self,
        )
        dialog.accepted.connect(lambda: self._void_ticket(dialog.reason))
        dialog.finished.connect(self._refocus)
        dialog.open()

    def _void_ticket(self, reason: str) -> None:
        void = partial(
            self._services.pos.void_ticket,
            self._actor,
            list(self.model.sale_lines()),
            reason,
            ticket_discount_percent=self._ticket_discount,
            register=self._register,
        )
        BackgroundOp(self, void).success(self._voided).failure(self._show_error).run_in_background()

    def _voided(self, value: Decimal) -> None:
        self._clear_ticket()
        self._say(self.tr("Ticket voided (it was worth {value}).").format(value=money(value, self._currency)), "info")
        self._refocus()

    # ----- a seat of a time slot (a fitting, a workshop), sold apart from the ticket ---------------

    def book_slot(self) -> None:
        """F9: sell a seat of a slot at this till; the ticket on screen stays as it is."""
        if not self._can_sell:
            return
        dialog = BookSlotDialog(self._services, self._actor, self._register, self)
        dialog.booked.connect(lambda booking: self._say(sold_text(booking), "info"))
        dialog.finished.connect(self._refocus)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ----- categories and tiles ------------------------------------------------------------------

    def _tile_chosen(self, tile: ProductTile) -> None:
        if len(tile.skus) == 1:
            self._lookup(tile.skus[0].sku)  # the stock as it is now, not as when the tiles were loaded
            self._refocus()
            return
        picker = VariantPicker(tile, self)
        picker.accepted.connect(lambda: picker.chosen is not None and self._lookup(picker.chosen.sku))
        picker.finished.connect(self._refocus)
        picker.open()

    # ----- messages ------------------------------------------------------------------------------

    def _say(self, text: str, kind: str) -> None:
        self._notice.setStyleSheet(NOTICE_STYLES[kind])
        self._notice.setText(text)
        self._notice.show()

    def _show_error(self, error: Exception) -> None:
        self._pay_when_ready = False
        if isinstance(error, TillClosed):
            self._till_missing(error)
            return
        self._say(plain_message(error), "error")
        self._refocus()
