"""A discount in percent on a line or the whole ticket, never above what the cashier's role may give."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.roles import MAX_DISCOUNT_PERCENT, Actor
from pos_app.domain.sale import parse_percent
from pos_app.domain.vat import format_rate
from pos_app.errors import ValidationError
from pos_app.ui.widgets.labels import error_label, section_title


class DiscountDialog(QDialog):
    """Accepted with `percent` set; a percentage above the role's limit is refused here, with the limit said,
    and the service refuses it again at checkout."""

    def __init__(self, actor: Actor, what: str, current: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discountDialog")
        self.setWindowTitle(self.tr("Discount"))
        self.setMinimumWidth(420)
        self.limit = MAX_DISCOUNT_PERCENT[actor.role]
        self.percent = current
        self._field = QLineEdit(format_rate(current) if current else "", objectName="discountPercent")
        self._field.setPlaceholderText(self.tr("e.g. 10"))
        self._field.setMinimumHeight(44)
        self._field.selectAll()
        self._error = error_label("discountError")
        apply = QPushButton(self.tr("Apply (Enter)"), objectName="discountApply")
        apply.setDefault(True)
        apply.clicked.connect(self._apply)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="discountCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for button in (apply, cancel):
            button.setMinimumHeight(44)
        limit = QLabel(self.tr("You may give up to {limit} %. 0 removes the discount.").format(limit=self.limit))
        limit.setObjectName("discountLimit")

        row = QHBoxLayout()
        row.addWidget(self._field, stretch=1)
        row.addWidget(QLabel("%"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(apply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(what, "discountWhat"))
        layout.addWidget(limit)
        layout.addLayout(row)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._field.setFocus()

    def _apply(self) -> None:
        typed = self._field.text().strip().replace(",", ".") or "0"
        try:
            percent = parse_percent(typed, self.tr("The discount"))
        except ValidationError:
            self._refuse(self.tr("Type a percentage from 0 to {limit}, such as 5.").format(limit=self.limit))
            return
        if percent > self.limit:
            self._refuse(
                self.tr("You may give at most {limit} % discount (asked {asked} %). Ask an admin to apply it.").format(
                    limit=self.limit, asked=format_rate(percent)
                )
            )
            return
        self.percent = percent
        self.accept()

    def _refuse(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()
        self._field.setFocus()
        self._field.selectAll()
