"""The accountant's invoices page: every invoice and credit note, filtered in the database and read a page at
a time, the totals of what the filters find, and from there one document opened or a period exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.invoice import InvoiceStatus
from pos_app.domain.roles import Actor, Permission
from pos_app.invoices.model import InvoiceSummary, InvoiceView
from pos_app.services import Services
from pos_app.services.invoices import InvoiceService, InvoiceTally
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.invoices.export_dialog import ExportDialog, count_text
from pos_app.ui.invoices.invoice_dialog import InvoiceDialog
from pos_app.ui.invoices.invoice_list_model import InvoiceColumn, InvoiceListModel
from pos_app.ui.invoices.invoice_texts import status_name
from pos_app.ui.invoices.order_invoice_dialog import OrderInvoiceDialog
from pos_app.ui.invoices.period_filter import PeriodFilter
from pos_app.ui.till.amounts import money_text
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.search_field import SearchField

TITLE = QT_TRANSLATE_NOOP("Pages", "Invoices")
PAGE_SIZE = 200
TYPING_PAUSE_MS = 250  # search once the user pauses, not at every key
COLUMN_WIDTHS = {
    InvoiceColumn.NUMBER: 150,
    InvoiceColumn.DATE: 150,
    InvoiceColumn.NET: 110,
    InvoiceColumn.VAT: 100,
    InvoiceColumn.GROSS: 110,
    InvoiceColumn.STATUS: 130,
}
TOTALS_STYLE = "color: #4a4a4a;"


@dataclass(frozen=True)
class InvoiceSearch:
    since: datetime | None = None
    until: datetime | None = None
    customer: str = ""
    status: InvoiceStatus | None = None
    series: str | None = None


@dataclass(frozen=True)
class FirstPage:
    generation: int
    rows: list[InvoiceSummary]
    series: list[str]
    currency: str


def load_first_page(
    services: Services, actor: Actor, search: InvoiceSearch, generation: int, page_size: int = PAGE_SIZE
) -> FirstPage:
    """Runs on the worker: the first page, and the series and currency to show it with."""
    rows = load_page(services.invoices, actor, search, 0, page_size)
    return FirstPage(generation, rows, services.invoices.series_in_use(actor), services.settings.cached().currency.code)


def load_tally(invoices: InvoiceService, actor: Actor, search: InvoiceSearch) -> InvoiceTally:
    """Runs on the worker, after the first page: counting every match takes longer than reading a page."""
    return invoices.tally(
        actor,
        since=search.since,
        until=search.until,
        customer=search.customer,
        status=search.status,
        series=search.series,
    )


def load_page(
    invoices: InvoiceService, actor: Actor, search: InvoiceSearch, offset: int, page_size: int = PAGE_SIZE
) -> list[InvoiceSummary]:
    return invoices.find(
        actor,
        since=search.since,
        until=search.until,
        customer=search.customer,
        status=search.status,
        series=search.series,
        limit=page_size,
        offset=offset,
    )


def documents_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("InvoicesPage", "1 document")
    return QCoreApplication.translate("InvoicesPage", "{count} documents").format(count=count_text(count))


class InvoicesPage(QWidget):
    """Loads when shown; F5 reloads. `loaded` fires each time a search's first page and its count are on screen.
    The table reads `page_size` documents at a time, as it scrolls. `export_workers` is how many processes render
    an export's PDFs (one per core by default)."""

    loaded = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        export_workers: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesPage")
        self._services = services
        self._actor = actor
        self._page_size = page_size
        self._export_workers = export_workers
        self._shown_once = False
        self._search = InvoiceSearch()
        self._currency = ""  # the shop's, as of the last search
        self._model = InvoiceListModel(page_size, self)
        self._model.more_wanted.connect(self._load_more)

        self._period = PeriodFilter(self._today)
        self._customer = SearchField(self.tr("Customer   (Ctrl+F)"))
        self._customer.setObjectName("customerFilter")
        self._customer.setAccessibleName(self.tr("Customer"))
        self._customer.setMinimumWidth(240)
        self._status = QComboBox(objectName="statusFilter")
        self._status.setAccessibleName(self.tr("Status"))
        self._status.addItem(self.tr("Any status"), None)
        for status in InvoiceStatus:
            self._status.addItem(status_name(status), status)
        self._series = QComboBox(objectName="seriesFilter")
        self._series.setAccessibleName(self.tr("Series"))
        self._series.addItem(self.tr("Any series"), None)
        self._count = QLabel(objectName="invoiceCount")
        self._totals = QLabel(objectName="invoiceTotals")
        self._totals.setStyleSheet(TOTALS_STYLE)
        self._error = error_label("invoicesError")
        self._table = self._make_table()
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)

        self._refresh = QAction(self.tr("Refresh"), self, objectName="invoicesRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._export = QAction(self.tr("Export a period…"), self, objectName="exportPeriodAction")
        self._export.setShortcut(QKeySequence("Ctrl+E"))
        self._find = QAction(self.tr("Find"), self, objectName="invoicesFindAction")
        self._find.setShortcut(QKeySequence.StandardKey.Find)
        self._open = QAction(self.tr("Open"), self, objectName="openInvoiceAction")
        self._invoice_order = QAction(self.tr("Invoice an online order…"), self, objectName="invoiceOrderAction")
        self._invoice_order.setShortcut(QKeySequence("Ctrl+I"))
        self._invoice_order.setEnabled(actor.can(Permission.ISSUE_INVOICES))
        self._lay_out()
        self._connect()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="invoicesTable")
        table.setModel(self._model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(InvoiceColumn.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        give_room(table)
        return table

    def _lay_out(self) -> None:
        export_button = QPushButton(self.tr("Export a period…  (Ctrl+E)"), objectName="exportPeriod")
        export_button.clicked.connect(self._export.trigger)
        refresh_button = QPushButton(self.tr("Refresh  (F5)"), objectName="invoicesRefresh")
        refresh_button.setFlat(True)
        refresh_button.clicked.connect(self._refresh.trigger)
        open_button = QPushButton(self.tr("Open  (Enter)"), objectName="openInvoice")
        open_button.clicked.connect(self._open.trigger)
        self._open_button = open_button
        order_button = QPushButton(self.tr("Invoice an online order…  (Ctrl+I)"), objectName="invoiceOrder")
        order_button.clicked.connect(self._invoice_order.trigger)
        order_button.setVisible(self._invoice_order.isEnabled())

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(self._count)
        title_row.addWidget(refresh_button)
        title_row.addWidget(order_button)
        title_row.addWidget(export_button)

        filter_row = QHBoxLayout()
        filter_row.setSpacing(10)
        filter_row.addWidget(self._period)
        filter_row.addWidget(self._customer, stretch=1)
        filter_row.addWidget(self._status)
        filter_row.addWidget(self._series)

        footer = QHBoxLayout()
        footer.addWidget(self._totals)
        footer.addStretch()
        footer.addWidget(open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(filter_row)
        layout.addWidget(self._error)
        layout.addWidget(self._table, stretch=1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        for action in (self._refresh, self._export, self._find, self._invoice_order):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._refresh.triggered.connect(self.refresh)
        self._export.triggered.connect(self.export_period)
        self._invoice_order.triggered.connect(self.invoice_order)
        self._find.triggered.connect(self.focus_filter)
        to_list = QShortcut(QKeySequence(Qt.Key.Key_Down), self._customer, self.focus_list)
        to_list.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._open.triggered.connect(self.open_selected)
        self._table.activated.connect(lambda index: self.open_row(index.row()))
        self._table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._period.changed.connect(self.refresh)
        self._status.currentIndexChanged.connect(self.refresh)
        self._series.currentIndexChanged.connect(self.refresh)
        self._customer.textChanged.connect(self._typing.start)
        self._typing.timeout.connect(self.refresh)
        self._current_changed(QModelIndex())

    # ----- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():  # the window coming back on screen, not the page being chosen
            return
        if not self._shown_once:
            self._shown_once = True
            self._customer.setFocus()
        self.refresh()  # documents issued elsewhere since it was last shown appear

    def _today(self) -> date:
        return self._services.clock().astimezone().date()

    def focus_filter(self) -> None:
        self._customer.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._customer.selectAll()

    def focus_list(self) -> None:
        """From the filter, Down goes to the first document of the list."""
        if self._model.rowCount() == 0:
            return
        self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self._table.currentIndex().row() < 0:
            self._table.setCurrentIndex(self._model.index(0, 0))
        self._table.selectRow(self._table.currentIndex().row())

    def current_search(self) -> InvoiceSearch:
        since, until = self._period.bounds()
        return InvoiceSearch(
            since=since,
            until=until,
            customer=self._customer.text().strip(),
            status=self._status.currentData(),
            series=self._series.currentData(),
        )

    def refresh(self) -> None:
        """Search again with the filters as they are now; a search still running is superseded."""
        self._typing.stop()
        self._search = self.current_search()
        generation = self._model.new_search()
        self._count.setText(self.tr("Searching…"))
        job = partial(load_first_page, self._services, self._actor, self._search, generation, self._page_size)
        BackgroundOp(self, job).success(self._show_first_page).failure(
            partial(self._load_failed, generation)
        ).run_in_background()
        count = partial(load_tally, self._services.invoices, self._actor, self._search)
        BackgroundOp(self, count).success(partial(self._show_tally, generation)).failure(
            partial(self._load_failed, generation)
        ).run_in_background()

    def _show_first_page(self, page: FirstPage) -> None:
        if page.generation != self._model.generation:
            return
        self._error.hide()
        self._currency = page.currency
        self._model.show_first_page(page.generation, page.rows)
        self._show_series(page.series)

    def _show_tally(self, generation: int, tally: InvoiceTally) -> None:
        if generation != self._model.generation:
            return
        self._count.setText(documents_text(tally.documents))
        amounts = {"net": tally.net, "vat": tally.vat, "gross": tally.gross}
        self._totals.setText(
            self.tr("Excl. VAT {net}  ·  VAT {vat}  ·  Incl. VAT {gross}").format(
                **{name: money_text(amount, self._currency) for name, amount in amounts.items()}
            )
            if tally.documents
            else ""
        )
        self.loaded.emit()

    def _show_series(self, series: list[str]) -> None:
        chosen = self._series.currentData()
        known = [self._series.itemData(i) for i in range(1, self._series.count())]
        if known == series:
            return
        self._series.blockSignals(True)
        while self._series.count() > 1:
            self._series.removeItem(1)
        for code in series:
            self._series.addItem(code, code)
        self._series.setCurrentIndex(max(self._series.findData(chosen), 0))
        self._series.blockSignals(False)

    def _load_more(self, offset: int) -> None:
        generation = self._model.generation
        job = partial(load_page, self._services.invoices, self._actor, self._search, offset, self._page_size)
        BackgroundOp(self, job).success(partial(self._model.add_page, generation)).failure(
            partial(self._load_failed, generation)
        ).run_in_background()

    def _load_failed(self, generation: int, error: Exception) -> None:
        self._model.page_failed(generation)
        if generation != self._model.generation:
            return
        self._count.setText("")
        self._error.setText(self.tr("Could not read the invoices. {reason}").format(reason=plain_message(error)))
        self._error.show()

    # ----- opening ----------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex) -> None:
        self._open.setEnabled(current.isValid())
        self._open_button.setEnabled(current.isValid())

    def open_selected(self) -> None:
        row = self._table.currentIndex().row()
        if row >= 0:
            self.open_row(row)

    def open_row(self, row: int) -> None:
        self.open_invoice(self._model.summary(row).number)

    def open_invoice(self, number: str) -> InvoiceDialog:
        dialog = InvoiceDialog(self._services, self._actor, number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.documents_changed.connect(self.refresh)
        dialog.finished.connect(self._table.setFocus)
        dialog.open()
        return dialog

    def invoice_order(self) -> OrderInvoiceDialog:
        """Invoice a paid online order; the new invoice opens once issued."""
        dialog = OrderInvoiceDialog(self._services, self._actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(self._order_invoiced)
        dialog.finished.connect(self._table.setFocus)
        dialog.open()
        return dialog

    def _order_invoiced(self, invoice: InvoiceView) -> None:
        self.refresh()
        self.open_invoice(invoice.number)

    def export_period(self) -> ExportDialog:
        dialog = ExportDialog(
            self._services, self._actor, self, workers=self._export_workers, currency=self._currency or None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        days = self._period.days()
        if days is not None:
            dialog.set_period(*days)
        dialog.open()
        return dialog
