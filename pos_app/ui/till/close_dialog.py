"""Closing the till: count the drawer one note and coin at a time, the total follows as you type."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from babel.numbers import get_decimal_symbol
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.denominations import MAX_COUNT, Denomination, Kind, counted_total, denominations
from pos_app.domain.money import currency
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.pos import TillReport
from pos_app.till.pdf import CountedPiece
from pos_app.ui.till.action_dialog import ActionDialog
from pos_app.ui.till.amounts import money_text, ui_locale
from pos_app.ui.widgets.labels import page_title, section_title

translate = QCoreApplication.translate
HINT_STYLE = "color: #6b6b6b;"
TOTAL_STYLE = "font-size: 20px; font-weight: 700;"
SHORT_STYLE = "color: #a1261b; font-weight: 600;"
OVER_STYLE = "color: #5c3d00; font-weight: 600;"
EVEN_STYLE = "color: #1a5e2a; font-weight: 600;"


def piece_text(piece: Denomination, currency_code: str) -> str:
    """'€50 note', '€0.20 coin': whole amounts without their decimals."""
    amount = money_text(piece.value, currency_code)
    digits = currency(currency_code).minor_units
    if digits and piece.value == piece.value.to_integral_value():
        amount = amount.replace(get_decimal_symbol(ui_locale()) + "0" * digits, "")
    if piece.kind is Kind.NOTE:
        return translate("CloseTill", "{amount} note").format(amount=amount)
    return translate("CloseTill", "{amount} coin").format(amount=amount)


class CountBox(QSpinBox):
    """A count field whose number is selected on entering it, so that typing replaces the 0."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self.selectAll)  # after Qt placed the cursor where the mouse clicked


def count_name(piece: Denomination) -> str:
    """The objectName of the count field of a note or coin: 'count_note_50', 'count_coin_0.20'."""
    return f"count_{piece.kind.value}_{piece.value}"


class CloseTillDialog(ActionDialog):
    """Accepted once the till is closed: `report` is then the Z report (as the actor may see it: a blind close
    hides the expected cash) and `counted` the count by denomination."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        register: str,
        x_report: TillReport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("closeTill", parent)
        self.setWindowTitle(self.tr("Close the till of {register}").format(register=register))
        self.setMinimumWidth(760)
        self._services = services
        self._actor = actor
        self._register = register
        self._code = x_report.currency
        self._expected = x_report.expected_cash
        self.report: TillReport | None = None
        self.counted: tuple[CountedPiece, ...] = ()

        self._counts: dict[Denomination, QSpinBox] = {}
        self._subtotals: dict[Denomination, QLabel] = {}
        pieces = denominations(currency(self._code))
        self._total = QLabel(objectName="countedTotal")
        self._total.setStyleSheet(TOTAL_STYLE)
        self._difference = QLabel(objectName="countDifference")
        self._lay_out(pieces)
        self._recount()
        first = next(iter(self._counts.values()), None)
        if first is not None:
            first.setFocus()

    def _lay_out(self, pieces: tuple[Denomination, ...]) -> None:
        columns = QHBoxLayout()
        columns.setSpacing(32)
        for kind, title in ((Kind.NOTE, self.tr("Notes")), (Kind.COIN, self.tr("Coins"))):
            of_kind = [p for p in pieces if p.kind is kind]
            if of_kind:
                columns.addLayout(self._column(title, of_kind), stretch=1)
        counting = QWidget()
        counting.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidget(counting)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(min(counting.sizeHint().height() + 4, 560))

        hint = QLabel(self.tr("Type how many of each note and coin are in the drawer (Tab moves to the next one)."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        totals = QHBoxLayout()
        totals.addWidget(self._total)
        totals.addStretch()
        totals.addWidget(self._difference)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addWidget(hint)
        layout.addWidget(scroll, stretch=1)
        layout.addLayout(totals)
        layout.addWidget(self.error)
        layout.addWidget(self.submit_button)

    def _column(self, title: str, pieces: list[Denomination]) -> QVBoxLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for row, piece in enumerate(pieces):
            name = QLabel(piece_text(piece, self._code))
            count = CountBox(objectName=count_name(piece))
            count.setRange(0, MAX_COUNT)
            count.setAccessibleName(piece_text(piece, self._code))
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            count.setMinimumWidth(90)
            count.setMinimumHeight(count.sizeHint().height() + 6)
            count.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
            count.valueChanged.connect(self._recount)
            subtotal = QLabel(objectName=f"sub{count_name(piece)}")
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            subtotal.setMinimumWidth(100)
            name.setBuddy(count)
            grid.addWidget(name, row, 0)
            grid.addWidget(count, row, 1)
            grid.addWidget(subtotal, row, 2)
            self._counts[piece] = count
            self._subtotals[piece] = subtotal
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(section_title(title, ""), alignment=Qt.AlignmentFlag.AlignTop)
        column.addLayout(grid)
        column.addStretch(1)
        return column

    def counted_cash(self) -> Decimal:
        return counted_total((piece, box.value()) for piece, box in self._counts.items())

    def _recount(self) -> None:
        for piece, box in self._counts.items():
            self._subtotals[piece].setText(money_text(piece.value * box.value(), self._code) if box.value() else "")
        total = self.counted_cash()
        shown = money_text(total, self._code)
        self._total.setText(self.tr("Counted: {total}").format(total=shown))
        self.submit_button.setText(self.tr("Close the till with {total}  (Ctrl+Enter)").format(total=shown))
        self._show_difference(total)

    def _show_difference(self, total: Decimal) -> None:
        if self._expected is None:  # a blind close: the cashier does not see what the drawer should hold
            self._difference.hide()
            return
        gap = total - self._expected
        expected = money_text(self._expected, self._code)
        if gap == 0:
            text, style = self.tr("Expected {expected}: the count matches").format(expected=expected), EVEN_STYLE
        elif gap < 0:
            text = self.tr("Expected {expected}: {gap} short").format(
                expected=expected, gap=money_text(-gap, self._code)
            )
            style = SHORT_STYLE
        else:
            text = self.tr("Expected {expected}: {gap} over").format(expected=expected, gap=money_text(gap, self._code))
            style = OVER_STYLE
        self._difference.setText(text)
        self._difference.setStyleSheet(style)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a count field moves on (as Tab does); Ctrl+Enter closes the till.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        total = self.counted_cash()
        counted = tuple(CountedPiece(piece, box.value()) for piece, box in self._counts.items() if box.value())
        op = partial(self._services.pos.close_session, self._actor, total, self._register)
        self.run(op, partial(self._closed, counted))

    def _closed(self, counted: tuple[CountedPiece, ...], report: TillReport) -> None:
        self.report = report
        self.counted = counted
