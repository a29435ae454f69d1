"""Opening the till with its float, cash in and out, and opening the drawer without a sale."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.domain.money import Currency
from pos_app.domain.roles import Actor
from pos_app.errors import PrinterError, ValidationError
from pos_app.services import Services
from pos_app.services.pos import TillSession
from pos_app.ui.till.action_dialog import ActionDialog
from pos_app.ui.till.amounts import money_text, typed_amount
from pos_app.ui.widgets.labels import page_title

REGISTER_SETTING = "till/register"
HINT_STYLE = "color: #6b6b6b;"


def remembered_register(settings: QSettings) -> str | None:
    """The register this machine is, as chosen when a till was last opened here."""
    value = settings.value(REGISTER_SETTING)
    return str(value) if value else None


def _lay_out(dialog: ActionDialog, title: str, hint: str, form: QFormLayout) -> None:
    hint_label = QLabel(hint)
    hint_label.setWordWrap(True)
    hint_label.setStyleSheet(HINT_STYLE)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setVerticalSpacing(10)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(12)
    layout.addWidget(page_title(title))
    layout.addWidget(hint_label)
    layout.addLayout(form)
    layout.addWidget(dialog.error)
    layout.addWidget(dialog.submit_button)


def _amount_field(name: str, cur: Currency) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setPlaceholderText("0" if cur.minor_units == 0 else "0.00")
    field.setMinimumHeight(field.sizeHint().height() + 8)
    font = field.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    field.setFont(font)
    return field


class OpenTillDialog(ActionDialog):
    """Choose the register this machine is (remembered here) and type the float counted in the drawer."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        registers: Sequence[tuple[str, str]],
        cur: Currency,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("openTill", parent)
        self.setWindowTitle(self.tr("Open the till"))
        self.submit_button.setText(self.tr("Open the till  (Enter)"))
        self._services = services
        self._actor = actor
        self._cur = cur
        self._settings = settings
        self.session: TillSession | None = None

        self._register = QComboBox(objectName="registerChoice")
        for code, name in registers:
            self._register.addItem(f"{code} · {name}", code)
        chosen = self._register.findData(remembered_register(settings))
        self._register.setCurrentIndex(max(chosen, 0))
        self._float = _amount_field("openingFloat", cur)

        form = QFormLayout()
        form.addRow(self.tr("&Register"), self._register)
        form.addRow(self.tr("Counted &float ({code})").format(code=cur.code), self._float)
        _lay_out(
            self,
            self.tr("Open the till"),
            self.tr("Count the cash in the drawer before the first sale and type the total."),
            form,
        )
        self._float.setFocus()

    def submit(self) -> None:
        register = self._register.currentData()
        if register is None:
            self.show_error(self.tr("This shop has no register yet: an admin adds one in the settings."))
            return
        try:
            amount = typed_amount(self._float.text(), self._cur, allow_zero=True)
        except ValidationError as error:
            self.show_error(str(error))
            self._float.setFocus()
            return
        op = partial(self._services.pos.open_session, self._actor, register, amount)
        self.run(op, partial(self._opened, register))

    def _opened(self, register: str, session: TillSession) -> None:
        self._settings.setValue(REGISTER_SETTING, register)
        self._settings.sync()
        self.session = session


class CashMovementDialog(ActionDialog):
    """Cash put into the drawer (change from the bank) or taken out of it (to the safe), with the reason."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        register: str,
        cur: Currency,
        *,
        taking_out: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("cashMovement", parent)
        title = self.tr("Take cash out") if taking_out else self.tr("Put cash in")
        self.setWindowTitle(title)
        self.submit_button.setText(self.tr("Take it out  (Enter)") if taking_out else self.tr("Put it in  (Enter)"))
        self._services = services
        self._actor = actor
        self._register = register
        self._cur = cur
        self.taking_out = taking_out
        self.amount: Decimal | None = None  # signed: negative for cash taken out

        self._amount = _amount_field("cashAmount", cur)
        self._reason = QLineEdit(objectName="cashReason")
        self._reason.setPlaceholderText(
            self.tr("e.g. to the safe") if taking_out else self.tr("e.g. change from the bank")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Amount ({code})").format(code=cur.code), self._amount)
        form.addRow(self.tr("Rea&son"), self._reason)
        hint = (
            self.tr("Cash taken out of the drawer of {register}, with the reason: the X and Z reports count it.")
            if taking_out
            else self.tr("Cash put into the drawer of {register}, with the reason: the X and Z reports count it.")
        )
        _lay_out(self, title, hint.format(register=register), form)
        self._amount.setFocus()

    def submit(self) -> None:
        try:
            amount = typed_amount(self._amount.text(), self._cur)
        except ValidationError as error:
            self.show_error(str(error))
            self._amount.setFocus()
            return
        reason = self._reason.text().strip()
        if not reason:
            self.show_error(self.tr("Say why, for the reports: for example 'to the safe'."))
            self._reason.setFocus()
            return
        signed = -amount if self.taking_out else amount
        op = partial(self._services.pos.cash_movement, self._actor, signed, reason, self._register)
        self.run(op, lambda _: self._recorded(signed))

    def _recorded(self, signed: Decimal) -> None:
        self.amount = signed

    def done_text(self) -> str:
        assert self.amount is not None
        shown = money_text(abs(self.amount), self._cur.code)
        if self.amount < 0:
            return self.tr("{amount} taken out of the drawer.").format(amount=shown)
        return self.tr("{amount} put into the drawer.").format(amount=shown)


def open_drawer(services: Services, actor: Actor, reason: str, register: str) -> str | None:
    """Runs on the worker: record the opening, then kick the drawer. Returns why it did not open, if it did not
    (the opening stays recorded: the cashier may open it by hand)."""
    services.pos.open_drawer(actor, reason, register)
    try:
        services.receipts.kick_drawer()
    except PrinterError as error:
        return str(error)
    return None


class DrawerDialog(ActionDialog):
    """Open the cash drawer without a sale; the reason is recorded and the Z report counts these openings."""

    def __init__(self, services: Services, actor: Actor, register: str, parent: QWidget | None = None) -> None:
        super().__init__("openDrawer", parent)
        self.setWindowTitle(self.tr("Open the drawer"))
        self.submit_button.setText(self.tr("Open the drawer  (Enter)"))
        self._services = services
        self._actor = actor
        self._register = register
        self.problem: str | None = None

        self._reason = QLineEdit(objectName="drawerReason")
        self._reason.setPlaceholderText(self.tr("e.g. change for a customer"))
        form = QFormLayout()
        form.addRow(self.tr("Rea&son"), self._reason)
        _lay_out(
            self,
            self.tr("Open the drawer"),
            self.tr("Opening the drawer without a sale is recorded with its reason and counted in the Z report."),
            form,
        )
        self._reason.setFocus()

    def submit(self) -> None:
        reason = self._reason.text().strip()
        if not reason:
            self.show_error(self.tr("Say why the drawer is opened: it is recorded."))
            return
        op = partial(open_drawer, self._services, self._actor, reason, self._register)
        self.run(op, self._opened)

    def _opened(self, problem: str | None) -> None:
        self.problem = problem
