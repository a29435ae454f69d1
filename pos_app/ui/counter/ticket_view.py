"""The ticket's lines as the cashier sees them, with the buttons that change the selected line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.counter.line_delegate import ProductCellDelegate
from pos_app.ui.counter.tables import counter_table, keep_focus_elsewhere
from pos_app.ui.counter.ticket_model import Column, TicketModel
from pos_app.ui.counter.touch import touch_button

LINE_COLUMN_WIDTHS = {Column.QUANTITY: 56, Column.PRICE: 84, Column.DISCOUNT: 84, Column.TOTAL: 92, Column.STOCK: 64}


class TicketView(QWidget):
    """`quantity_step` (+1 or -1), `discount_asked` and `remove_asked` come from the buttons under the lines;
    the discount button shows only when `may_discount`."""

    quantity_step = Signal(int)
    discount_asked = Signal()
    remove_asked = Signal()

    def __init__(self, model: TicketModel, *, may_discount: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Painted after every scan: plain delegates (the selected line shows the selection colour; the warning
        # above the ticket says what its own colour would).
        self.table = counter_table(model, "ticketLines", shade_selection=False)
        keep_focus_elsewhere(self.table)
        self.table.setItemDelegateForColumn(Column.PRODUCT, ProductCellDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 2 + 16)
        header = self.table.horizontalHeader()
        for column, width in LINE_COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self._empty = QLabel(self.tr("Scan a product to start a ticket."), objectName="emptyTicket")
        self._empty.setStyleSheet("color: #7a7a7a;")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_: self._empty.setVisible(model.rowCount() == 0))

        minus = touch_button(QPushButton(self.tr("− (-)"), objectName="lineMinus"))
        minus.setToolTip(self.tr("One less of the selected line (the - key while the scan field is empty)"))
        minus.clicked.connect(lambda: self.quantity_step.emit(-1))
        plus = touch_button(QPushButton(self.tr("+ (+)"), objectName="linePlus"))
        plus.setToolTip(self.tr("One more of the selected line (the + key while the scan field is empty)"))
        plus.clicked.connect(lambda: self.quantity_step.emit(1))
        discount = touch_button(QPushButton(self.tr("Discount % (F6)"), objectName="lineDiscount"))
        discount.clicked.connect(self.discount_asked)
        discount.setVisible(may_discount)
        remove = touch_button(QPushButton(self.tr("Remove (Del)"), objectName="lineRemove"))
        remove.clicked.connect(self.remove_asked)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (minus, plus, discount, remove):
            buttons.addWidget(button)
        buttons.addStretch()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self._empty)
        layout.addLayout(buttons)
