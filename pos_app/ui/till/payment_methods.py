"""Payment methods as the counter names them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.domain.sale import PaymentMethod

translate = QCoreApplication.translate


def method_name(method: str) -> str:
    names = {
        PaymentMethod.CASH.value: translate("PaymentMethods", "Cash"),
        PaymentMethod.CARD.value: translate("PaymentMethods", "Card"),
        PaymentMethod.ORANGE_MONEY.value: translate("PaymentMethods", "Orange Money"),
        PaymentMethod.WAVE.value: translate("PaymentMethods", "Wave"),
        PaymentMethod.BANK_TRANSFER.value: translate("PaymentMethods", "Bank transfer"),
    }
    return names.get(method, method)
