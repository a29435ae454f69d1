"""Find the customer of the ticket by name, email or phone, or sell without one."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.promotions import Segment
from pos_app.domain.roles import Actor
from pos_app.domain.vat import format_rate
from pos_app.errors import NotFound, ValidationError
from pos_app.services import Services
from pos_app.services.customers import CustomerInfo, PartnerInfo
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.tables import counter_table, select_row, selected_row
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, section_title
from pos_app.ui.widgets.search_field import SearchField
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
SHOWN = 30
NEW_CUSTOMER_KEY = "Ctrl+N"


def segment_name(segment: Segment) -> str:
    return {
        Segment.STUDENT: QCoreApplication.translate("CustomerDialog", "Student"),
        Segment.PROFESSIONAL: QCoreApplication.translate("CustomerDialog", "Professional"),
        Segment.COMPANY: QCoreApplication.translate("CustomerDialog", "Company"),
        Segment.INSTITUTION: QCoreApplication.translate("CustomerDialog", "Institution"),
    }[segment]


def segment_text(info: CustomerInfo) -> str:
    return "" if info.segment is None else segment_name(info.segment)


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


class CustomersModel(RowsTableModel[CustomerInfo]):
    columns = CustomerColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: Mapping[Any, str] = {
            CustomerColumn.NAME: self.tr("Name"),
            CustomerColumn.CONTACT: self.tr("Phone or email"),
            CustomerColumn.SEGMENT: self.tr("Segment"),
            CustomerColumn.PARTNER: self.tr("Partner discount"),
        }

    @staticmethod
    def align(_column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

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
    """Accepted with `chosen` set to the customer, or to None when the cashier chose "No customer". Given the
    cashier (`actor`), it also registers a new customer, who is then the one chosen."""

    def __init__(
        self,
        services: Services,
        current: CustomerInfo | None,
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.resize(720, 480)
        self._services = services
        self._actor = actor
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
        new = QPushButton(self.tr("New customer ({key})").format(key=NEW_CUSTOMER_KEY), objectName="customerNew")
        new.setToolTip(self.tr("Register a customer who is not in the list yet, for this ticket"))
        new.setShortcut(QKeySequence(NEW_CUSTOMER_KEY))
        new.clicked.connect(self._register_new)
        new.setVisible(actor is not None)
        for button in (choose, nobody, cancel, new):
            button.setMinimumHeight(44)
            button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addWidget(nobody)
        buttons.addWidget(new)
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

    def _register_new(self) -> None:
        if self._actor is None:
            return
        form = NewCustomerDialog(self._services, self._actor, self._search.text().strip(), self)
        form.accepted.connect(lambda: self._choose_registered(form.created))
        form.open()

    def _choose_registered(self, customer: CustomerInfo | None) -> None:
        if customer is not None:
            self.chosen = customer
            self.accept()


class NewCustomerDialog(QDialog):
    """Registers a customer in the background; accepted with `created` set once the service has saved them.
    A refusal is shown under the form, and the field it names gets the keyboard."""

    def __init__(self, services: Services, actor: Actor, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(480)
        self._services = services
        self._actor = actor
        self.created: CustomerInfo | None = None
        self._name = self._line("newCustomerName", name)
        self._email = self._line("newCustomerEmail")
        self._phone = self._line("newCustomerPhone")
        self._address = self._line("newCustomerAddress")
        self._vat_number = self._line("newCustomerVatNumber")
        self._segment = QComboBox(objectName="newCustomerSegment")
        self._segment.addItem(self.tr("None"), None)
        for segment in Segment:
            self._segment.addItem(segment_name(segment), segment.value)
        self._partner = QComboBox(objectName="newCustomerPartner")
        self._partner.addItem(self.tr("None"), None)
        self._fields: dict[str, QWidget] = {
            "name": self._name,
            "email": self._email,
            "phone": self._phone,
            "address": self._address,
            "vat_number": self._vat_number,
            "segment": self._segment,
            "partner_id": self._partner,
        }
        form = QFormLayout()
        form.addRow(self.tr("&Name (required)"), self._name)
        form.addRow(self.tr("&Email"), self._email)
        form.addRow(self.tr("&Phone"), self._phone)
        form.addRow(self.tr("&Address"), self._address)
        form.addRow(self.tr("&VAT number"), self._vat_number)
        form.addRow(self.tr("&Segment"), self._segment)
        form.addRow(self.tr("Pa&rtner"), self._partner)
        self._error = error_label("newCustomerError")

        self._save = QPushButton(self.tr("Save and choose (Enter)"), objectName="newCustomerSave")
        self._save.setDefault(True)
        self._save.clicked.connect(self._submit)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="newCustomerCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for button in (self._save, cancel):
            button.setMinimumHeight(44)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Register a customer"), "newCustomerTitle"))
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._name.setFocus()
        load = self._services.customers.partners
        BackgroundOp(self, load).success(self._show_partners).failure(self._show_error).run_in_background()

    def _line(self, object_name: str, text: str = "") -> QLineEdit:
        field = QLineEdit(text, objectName=object_name)
        field.setMinimumHeight(36)
        return field

    def _show_partners(self, partners: list[PartnerInfo]) -> None:
        for partner in partners:
            label = partner.name
            if partner.discount_percent > 0:
                label = f"{partner.name} -{format_rate(partner.discount_percent)} %"
            self._partner.addItem(label, partner.id)

    def _submit(self) -> None:
        self._error.hide()
        self._save.setEnabled(False)
        create = partial(
            self._services.customers.create_customer,
            self._actor,
            name=self._name.text(),
            email=self._email.text(),
            phone=self._phone.text(),
            address=self._address.text(),
            vat_number=self._vat_number.text(),
            segment=self._segment.currentData(),
            partner_id=self._partner.currentData(),
        )
        BackgroundOp(self, create).success(self._registered).failure(self._show_error).run_in_background()

    def _registered(self, customer: CustomerInfo) -> None:
        self.created = customer
        self.accept()

    def _show_error(self, error: Exception) -> None:
        self._save.setEnabled(True)
        self._error.setText(plain_message(error))
        self._error.show()
        field = self._fields.get(_field_named_by(error), self._name)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()


def _field_named_by(error: Exception) -> str:
    """create_customer's only NotFound is for the partner; its ValidationErrors name their field."""
    if isinstance(error, NotFound):
        return "partner_id"
    return (error.field or "") if isinstance(error, ValidationError) else ""


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
