"""Find the customer of the ticket by name, email or phone, or sell without one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.promotions import Segment
from pos_app.domain.vat import format_rate
from pos_app.services import Services
from pos_app.services.customers import CustomerInfo
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.tables import counter_table, select_row, selected_row
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, section_title
from pos_app.ui.widgets.search_field import SearchField
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
SHOWN = 30


def segment_text(info: CustomerInfo) -> str:
    if info.segment is None:
        return ""
    return {
        Segment.STUDENT: QCoreApplication.translate("CustomerDialog", "Student"),
        Segment.PROFESSIONAL: QCoreApplication.translate("CustomerDialog", "Professional"),
        Segment.COMPANY: QCoreApplication.translate("CustomerDialog", "Company"),
        Segment.INSTITUTION: QCoreApplication.translate("CustomerDialog", "Institution"),
    }[info.segment]


def partner_text(info: CustomerInfo) -> str:
    if not info.partner:
        return ""
    if info.partner_discount_percent <= 0:
        return info.partner
    return f"{info.partner} -{format_rate(info.partner_discount_percent)} %"


def customer_summary(info: CustomerInfo) -> str:
    """'Aminata Diallo · Student · Université X -5 %': who the ticket is for and the discounts they bring."""
    return " · ".join(part for part in (info.name, segment_text(info), partner_text(info)) if part)


class CustomerColumn(IntEnum):
    NAME = 0
    CONTACT = 1
    SEGMENT = 2
    PARTNER = 3


class CustomersModel(ColumnsTableModel):
    columns = CustomerColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CustomerInfo] = []
        self.headers: Mapping[Any, str] = {
            CustomerColumn.NAME: self.tr("Name"),
            CustomerColumn.CONTACT: self.tr("Phone or email"),
            CustomerColumn.SEGMENT: self.tr("Segment"),
            CustomerColumn.PARTNER: self.tr("Partner discount"),
        }

    @staticmethod
    def align(_column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def set_rows(self, rows: Sequence[CustomerInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> CustomerInfo:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case CustomerColumn.NAME:
                    return info.name
                case CustomerColumn.CONTACT:
                    return info.phone or info.email
                case CustomerColumn.SEGMENT:
                    return segment_text(info)
                case CustomerColumn.PARTNER:
                    return partner_text(info)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(index.column())
        return None


class CustomerDialog(QDialog):
    """Accepted with `chosen` set to the customer, or to None when the cashier chose "No customer"."""

    def __init__(self, services: Services, current: CustomerInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.resize(720, 480)
        self._services = services
        self.chosen: CustomerInfo | None = current
        self._searched = ""
        self._choose_when_found = False
        self._model = CustomersModel(self)
        self._search = SearchField(self.tr("Name, email or phone number"))
        self._search.setObjectName("customerSearch")
        self._search.setMinimumHeight(44)
        self._search.installEventFilter(self)
        self._table = counter_table(self._model, "customerResults", stretch_column=CustomerColumn.PARTNER)
        for column, width in ((CustomerColumn.NAME, 210), (CustomerColumn.CONTACT, 170), (CustomerColumn.SEGMENT, 110)):
            self._table.horizontalHeader().resizeSection(column, width)
        self._table.doubleClicked.connect(self._choose)
        self._count = QLabel(objectName="customerCount")
        self._error = error_label("customerError")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self._search.textChanged.connect(lambda _text: self._timer.start())
        self._search.returnPressed.connect(self._choose)

        choose = QPushButton(self.tr("Choose (Enter)"), objectName="customerChoose")
        choose.clicked.connect(self._choose)
        nobody = QPushButton(self.tr("No customer"), objectName="customerNone")
        nobody.setToolTip(self.tr("Sell without a customer: no segment or partner discount"))
        nobody.clicked.connect(self._choose_nobody)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="customerCancel")
        cancel.clicked.connect(self.reject)
        for button in (choose, nobody, cancel):
            button.setMinimumHeight(44)
            button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addWidget(nobody)
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Who is this ticket for?"), "customerTitle"))
        layout.addWidget(self._search)
        layout.addWidget(self._count)
        layout.addWidget(self._error)
        layout.addWidget(self._table, stretch=1)
        layout.addLayout(buttons)
        self._search.setFocus()
        self._run_search()

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        arrow = isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if watched is self._search and arrow and event.type() == QKeyEvent.Type.KeyPress:
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            current = selected_row(self._table)
            select_row(self._table, 0 if current is None else current + step)
            return True
        return super().eventFilter(watched, event)

    def search_now(self) -> None:
        """Search at once for what is typed (tests and the Enter key do not wait for the typing pause)."""
        self._timer.stop()
        self._run_search()

    def _run_search(self) -> None:
        text = self._search.text()
        self._searched = text
        search = partial(self._services.customers.search_customers, text, SHOWN)
        BackgroundOp(self, search).success(partial(self._show_rows, text)).failure(self._show_error).run_in_background()

    def _show_rows(self, text: str, rows: list[CustomerInfo]) -> None:
        if text != self._search.text():
            return  # a newer search is on its way
        self._error.hide()
        self._model.set_rows(rows)
        select_row(self._table, 0)
        if self._choose_when_found:
            self._choose_when_found = False
            self._choose()
        if not rows:
            self._count.setText(self.tr("No customer found."))
        elif len(rows) == SHOWN:
            self._count.setText(self.tr("The first {count}: type more to narrow.").format(count=SHOWN))
        else:
            self._count.setText(self.tr("{count} found.").format(count=len(rows)))

    def _show_error(self, error: Exception) -> None:
        self._error.setText(plain_message(error))
        self._error.show()

    def _choose(self) -> None:
        if self._timer.isActive() or self._searched != self._search.text():
            self._choose_when_found = True  # once the rows match what is typed
            self.search_now()
            return
        row = selected_row(self._table)
        if row is None:
            return
        self.chosen = self._model.row(row)
        self.accept()

    def _choose_nobody(self) -> None:
        self.chosen = None
        self.accept()


def discount_hint(info: CustomerInfo | None) -> str:
    """What the chosen customer brings to the ticket, said plainly."""
    if info is None:
        return QCoreApplication.translate(
            "CustomerDialog", "No customer: F2 to choose one, for their segment's and partner's discounts."
        )
    if info.partner and info.partner_discount_percent > Decimal(0):
        return QCoreApplication.translate(
            "CustomerDialog", "{partner} members get {percent} % off, on top of any promotion."
        ).format(partner=info.partner, percent=format_rate(info.partner_discount_percent))
    if info.segment:
        return QCoreApplication.translate(
            "CustomerDialog", "{segment} customer: promotions for this segment apply."
        ).format(segment=segment_text(info))
    return ""
