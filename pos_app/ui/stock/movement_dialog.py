"""Receive a delivery, or adjust the stock of a SKU with a reason: one movement, checked by the service."""

from __future__ import annotations

from enum import Enum
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.domain.stock import MAX_QUANTITY, MovementKind
from pos_app.errors import InsufficientStock
from pos_app.services.inventory import InventoryService, Movement, SkuRow
from pos_app.ui.background import BackgroundOp
from pos_app.ui.widgets.field_errors import FieldErrors
from pos_app.ui.widgets.labels import error_label, page_title

HINT_STYLE = "color: #6b6b6b;"
DELIVERY = QT_TRANSLATE_NOOP("MovementDialog", "Delivery")
KIND_NAMES = {
    MovementKind.ADJUSTMENT: QT_TRANSLATE_NOOP("MovementDialog", "Count correction"),
    MovementKind.LOSS: QT_TRANSLATE_NOOP("MovementDialog", "Loss (damaged, stolen, expired)"),
    MovementKind.TRANSFER: QT_TRANSLATE_NOOP("MovementDialog", "Transfer to or from another shop"),
}
FREQUENT_REASONS = {
    MovementKind.ADJUSTMENT: (
        QT_TRANSLATE_NOOP("MovementDialog", "Stock count"),
        QT_TRANSLATE_NOOP("MovementDialog", "Found in the back room"),
        QT_TRANSLATE_NOOP("MovementDialog", "Entry mistake"),
    ),
    MovementKind.LOSS: (
        QT_TRANSLATE_NOOP("MovementDialog", "Damaged"),
        QT_TRANSLATE_NOOP("MovementDialog", "Stolen"),
        QT_TRANSLATE_NOOP("MovementDialog", "Expired"),
    ),
    MovementKind.TRANSFER: (
        QT_TRANSLATE_NOOP("MovementDialog", "Sent to another shop"),
        QT_TRANSLATE_NOOP("MovementDialog", "Received from another shop"),
    ),
}


class MovementMode(Enum):
    RECEIVE = "receive"
    ADJUST = "adjust"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MovementDialog", text)


class MovementDialog(QDialog):
    """Accepted once the service wrote the movement (`movement`). Its figures come from the stock list's
    row; the service checks them again under its lock."""

    def __init__(
        self,
        inventory: InventoryService,
        actor: Actor,
        row: SkuRow,
        mode: MovementMode,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiveDialog" if mode is MovementMode.RECEIVE else "adjustDialog")
        self.setMinimumWidth(500)
        self._inventory = inventory
        self._actor = actor
        self._row = row
        self._mode = mode
        self._busy = False
        self.movement: Movement | None = None

        self._kind = QComboBox(objectName="movementKind")
        for kind, name in KIND_NAMES.items():
            self._kind.addItem(_tr(name), kind)
        self._quantity = QSpinBox(objectName="movementQuantity")
        self._quantity.setMinimumHeight(self._quantity.sizeHint().height() + 8)
        self._after = QLabel(objectName="movementAfter")
        self._reason = QComboBox(objectName="movementReason")
        self._reason.setEditable(True)
        self._reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._reason.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._reason.lineEdit().setMaxLength(500)
        self._reason.lineEdit().setPlaceholderText(self.tr("Why? (required)"))
        self._reference = QLineEdit(objectName="movementReference")
        self._reference.setMaxLength(100)
        self._reference.setPlaceholderText(self.tr("Delivery note, order number… (optional)"))
        self._error = error_label("movementError")
        self._errors = FieldErrors(self._error)
        self._submit = QPushButton(objectName="movementSubmit")
        self._submit.setDefault(True)
        self._cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="movementCancel")
        self._cancel.setAutoDefault(False)

        self._lay_out()
        self._kind.currentIndexChanged.connect(self._kind_changed)
        self._quantity.valueChanged.connect(self._show_after)
        self._submit.clicked.connect(self.submit)
        self._cancel.clicked.connect(self.reject)
        self._kind_changed()
        self._quantity.setFocus()
        self._quantity.selectAll()

    def _lay_out(self) -> None:
        receiving = self._mode is MovementMode.RECEIVE
        self.setWindowTitle(self.tr("Receive stock") if receiving else self.tr("Adjust stock"))
        self._submit.setText(self.tr("Receive  (Enter)") if receiving else self.tr("Adjust  (Enter)"))
        row = self._row
        what = QLabel(objectName="movementSku")
        what.setText(" · ".join(part for part in (row.name, row.variant, row.sku) if part))
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        figures = QLabel(
            self.tr("On hand {on_hand} · reserved {reserved} · available {available}").format(
                on_hand=row.on_hand, reserved=row.reserved, available=row.available
            ),
            objectName="movementFigures",
        )
        figures.setStyleSheet(HINT_STYLE)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(10)
        if not receiving:
            form.addRow(self.tr("&Kind"), self._errors.place("kind", self._kind, "movementKindError"))
        self._quantity_label = QLabel()
        self._quantity_label.setBuddy(self._quantity)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self._quantity, stretch=1)
        quantity_row.addWidget(self._after, stretch=2)
        quantity_box = QWidget()
        quantity_box.setLayout(quantity_row)
        quantity_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._quantity_label, self._errors.place("quantity", quantity_box, "movementQuantityError"))
        form.addRow(self.tr("&Reason"), self._errors.place("reason", self._reason, "movementReasonError"))
        form.addRow(self.tr("Re&ference"), self._errors.place("reference", self._reference, "movementReferenceError"))

        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self._cancel, self._submit):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addWidget(what)
        layout.addWidget(figures)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        if not receiving:
            self.setTabOrder(self._kind, self._quantity)
        self.setTabOrder(self._quantity, self._reason)
        self.setTabOrder(self._reason, self._reference)
        self.setTabOrder(self._reference, self._submit)

    @property
    def kind(self) -> MovementKind:
        if self._mode is MovementMode.RECEIVE:
            return MovementKind.RESTOCK
        return MovementKind(self._kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind
        typed = self._reason.currentText()
        self._reason.clear()
        if kind is MovementKind.RESTOCK:
            self._quantity_label.setText(self.tr("&Units received"))
            self._quantity.setRange(1, MAX_QUANTITY)
            self._reason.addItem(_tr(DELIVERY))
        elif kind is MovementKind.LOSS:
            self._quantity_label.setText(self.tr("&Units lost"))
            self._quantity.setRange(1, MAX_QUANTITY)
        else:
            self._quantity_label.setText(self.tr("&Change (+ or −)"))
            self._quantity.setRange(-MAX_QUANTITY, MAX_QUANTITY)
        for reason in FREQUENT_REASONS.get(kind, ()):
            self._reason.addItem(_tr(reason))
        if kind is not MovementKind.RESTOCK:
            self._reason.setCurrentText(typed)
        self._show_after()

    def delta(self) -> int:
        """The signed change of on-hand stock the dialog asks for."""
        units = self._quantity.value()
        return -units if self.kind is MovementKind.LOSS else units

    def _show_after(self) -> None:
        after = self._row.on_hand + self.delta()
        self._after.setText(self.tr("On hand {before} → {after}").format(before=self._row.on_hand, after=after))

    def submit(self) -> None:
        if self._busy:
            return
        delta, reason = self.delta(), self._reason.currentText().strip()
        if delta == 0:
            self._errors.show_message("quantity", self.tr("Type how many units change: zero changes nothing."))
            return
        if not reason:
            self._errors.show_message("reason", self.tr("Say why in a few words: the history keeps it."))
            return
        self._set_busy(True)
        reference = self._reference.text().strip() or None
        if self.kind is MovementKind.RESTOCK:
            op = partial(self._inventory.receive, self._actor, self._row.sku, delta, reason, reference)
        else:
            op = partial(self._inventory.adjust, self._actor, self._row.sku, delta, self.kind.value, reason, reference)
        BackgroundOp(self, op).success(self._done).failure(self._failed).run_in_background()

    def _done(self, movement: Movement) -> None:
        self._set_busy(False)
        self.movement = movement
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, InsufficientStock):
            self._errors.show_message("quantity", str(error))
        else:
            self._errors.show(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._submit.setEnabled(not busy)
        if busy:
            self._errors.clear()
