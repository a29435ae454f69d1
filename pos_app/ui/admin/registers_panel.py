"""Registers: the shop's counters, each with its cash drawer, its sale numbers and its journal."""

from __future__ import annotations

from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.pos import RegisterInfo
from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import FORM_WIDTH, SECTION_GAP, button_row, lay_out_table
from pos_app.ui.admin.tables import INACTIVE_TEXT, admin_table, select_matching, selected_item
from pos_app.ui.widgets.labels import section_title
from pos_app.ui.widgets.table_model import Index, RowsTableModel


class RegisterColumn(IntEnum):
    CODE = 0
    NAME = 1
    STATUS = 2
    TILL = 3


REGISTER_HEADERS = {
    RegisterColumn.CODE: QT_TRANSLATE_NOOP("RegistersModel", "Code"),
    RegisterColumn.NAME: QT_TRANSLATE_NOOP("RegistersModel", "Name"),
    RegisterColumn.STATUS: QT_TRANSLATE_NOOP("RegistersModel", "Status"),
    RegisterColumn.TILL: QT_TRANSLATE_NOOP("RegistersModel", "Till"),
}


class RegistersModel(RowsTableModel[RegisterInfo]):
    columns = RegisterColumn
    headers = REGISTER_HEADERS

    @staticmethod
    def align(_column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        register = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case RegisterColumn.CODE:
                    return register.code
                case RegisterColumn.NAME:
                    return register.name
                case RegisterColumn.STATUS:
                    return self.tr("Active") if register.active else self.tr("Deactivated")
                case RegisterColumn.TILL:
                    return self.tr("Open") if register.till_open else self.tr("Closed")
        if role == Qt.ItemDataRole.ForegroundRole and not register.active:
            return INACTIVE_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(index.column())
        return None


class RegistersPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "registersPanel", parent)
        self._model = RegistersModel(self)
        self._table = admin_table(self._model, "registersTable", stretch_column=RegisterColumn.NAME)
        self._table.selectionModel().selectionChanged.connect(self.update_actions)
        self._toggle = button(self.tr("Deactivate"), "toggleRegisterButton", clicked=self.toggle_active)

        self._code = QLineEdit(objectName="registerCode")
        self._code.setPlaceholderText(self.tr("e.g. R2"))
        self._code.setMaxLength(20)
        self._name = QLineEdit(objectName="registerName")
        self._name.setPlaceholderText(self.tr("e.g. Counter by the door"))
        self._add = button(self.tr("Add the register"), "addRegisterButton", clicked=self.add_register)
        for field in (self._code, self._name):
            field.returnPressed.connect(self.add_register)
        self._form = FieldForm("registerForm")
        self._form.setMaximumWidth(FORM_WIDTH)
        self._form.add_field(
            self.tr("Code"),
            self._code,
            "code",
            "register code",
            hint=self.tr("Printed on its receipts and sale numbers; it cannot change later."),
        )
        self._form.add_field(self.tr("Name"), self._name, "name")

        lay_out_table(
            self,
            hint_label(
                self.tr(
                    "A deactivated register opens no till; its past sales, closings and journal stay. "
                    "Close its till before deactivating it."
                )
            ),
            self._table,
            button_row(self._toggle),
            SECTION_GAP,
            section_title(self.tr("Add a register"), "addRegisterTitle"),
            self._form,
            button_row(self._add),
            self.notice,
            self.error,
        )
        self._select_after_load: str | None = None
        self.update_actions()

    def load(self) -> list[RegisterInfo]:
        return self.services.pos.register_list(self.actor)

    def show_loaded(self, registers: list[RegisterInfo]) -> None:
        chosen = self.selected_register()
        self._model.set_rows(registers)
        wanted = self._select_after_load or (chosen.code if chosen else "")
        self._select_after_load = None
        select_matching(self._table, RegisterColumn.CODE, wanted)
        self.update_actions()

    def selected_register(self) -> RegisterInfo | None:
        return selected_item(self._table, self._model)

    def update_actions(self) -> None:
        register = self.selected_register()
        self._toggle.setEnabled(register is not None and not (register.active and register.till_open))
        if register is not None:
            self._toggle.setText(self.tr("Deactivate") if register.active else self.tr("Reactivate"))
            open_till = self.tr("Its till is open: close it first.")
            self._toggle.setToolTip(open_till if register.active and register.till_open else "")

    def add_register(self) -> None:
        code, name = self._code.text().strip().upper(), self._name.text()
        add = partial(self.services.pos.add_register, self.actor, code, name)
        self.run(
            add,
            partial(self._added, code),
            notice=self.tr("Register {code} is added: a cashier can open its till.").format(code=code),
            form=self._form,
            busy=[self._add],
        )

    def _added(self, code: str, _result: object) -> None:
        self._code.clear()
        self._name.clear()
        self._select_after_load = code
        self.refresh()

    def toggle_active(self) -> None:
        register = self.selected_register()
        if register is None:
            return
        change = partial(self.services.pos.set_register_active, self.actor, register.code, not register.active)
        notice = (
            self.tr("Register {code} is deactivated: no till opens on it any more.")
            if register.active
            else self.tr("Register {code} is active again.")
        ).format(code=register.code)
        self.run(change, lambda _result: self.refresh(), notice=notice, busy=[self._toggle])
