"""The receipt printer: how it is connected, its line width, its cash drawer, and a test page."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from pos_app.domain.roles import Actor
from pos_app.receipts.printers import COLUMN_CHOICES, DEFAULT_COLUMNS, PrinterConfig, PrinterKind
from pos_app.services import Services
from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import button_row, lay_out_form


def kind_name(kind: PrinterKind) -> str:
    return {
        PrinterKind.NETWORK: QCoreApplication.translate("PrinterPanel", "Network (Ethernet or Wi-Fi)"),
        PrinterKind.USB: QCoreApplication.translate("PrinterPanel", "USB"),
        PrinterKind.SERIAL: QCoreApplication.translate("PrinterPanel", "Serial port"),
        PrinterKind.FILE: QCoreApplication.translate("PrinterPanel", "Device or file"),
    }[kind]


def address_hint(kind: PrinterKind) -> str:
    return {
        PrinterKind.NETWORK: QCoreApplication.translate(
            "PrinterPanel", "The printer's IP address or name, and its port if not 9100: 192.168.1.50:9100."
        ),
        PrinterKind.USB: QCoreApplication.translate(
            "PrinterPanel", "The vendor and product numbers in hex, from the printer's label or manual: 04b8:0202."
        ),
        PrinterKind.SERIAL: QCoreApplication.translate(
            "PrinterPanel", "The port, and its speed if not 9600: /dev/ttyUSB0:19200 or COM3."
        ),
        PrinterKind.FILE: QCoreApplication.translate(
            "PrinterPanel", "The printer's device (/dev/usb/lp0), or a file that receives what is printed."
        ),
    }[kind]


def save_and_test(services: Services, actor: Actor, kind: str, address: str, columns: int, drawer: bool) -> None:
    """Runs on the worker: the test page goes to the printer as set in the form, so it is saved first."""
    services.receipts.configure_printer(actor, kind, address, columns=columns, drawer=drawer)
    services.receipts.test_print()


class PrinterPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "printerPanel", parent)
        self._kind = QComboBox(objectName="printerKind")
        for kind in PrinterKind:
            self._kind.addItem(kind_name(kind), kind.value)
        self._address = QLineEdit(objectName="printerAddress")
        self._address_hint = hint_label("", "printerAddressHint")
        self._columns = QComboBox(objectName="printerColumns")
        for columns in COLUMN_CHOICES:
            self._columns.addItem(self.tr("{count} characters").format(count=columns), columns)
        self._drawer = QCheckBox(self.tr("A cash drawer is plugged into the printer"), objectName="printerDrawer")
        self._drawer.setChecked(True)

        self._form = FieldForm("printerForm")
        self._form.add_field(self.tr("Connection"), self._kind, "kind")
        self._form.add_field(self.tr("Address"), self._address, "address", hint=self._address_hint)
        self._form.add_field(
            self.tr("Line width"),
            self._columns,
            "columns",
            hint=self.tr("Most 80 mm printers print 48 characters a line; some print 42."),
        )
        self._form.add_field("", self._drawer, "drawer")
        self._kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

        self._save = button(self.tr("Save"), "savePrinterButton", "Ctrl+S", clicked=self.save)
        self._test = button(self.tr("Save and print a test page"), "testPrintButton", "Ctrl+P", clicked=self.test_print)
        self.add_shortcut("savePrinterAction", QKeySequence.StandardKey.Save, self.save)
        self.add_shortcut("testPrintAction", QKeySequence.StandardKey.Print, self.test_print)
        self._current = QLabel(objectName="printerCurrent")
        self._current.setWordWrap(True)
        lay_out_form(
            self,
            hint_label(
                self.tr(
                    "The ESC/POS receipt printer of this shop's counters. The test page shows the line width, "
                    "accents and a QR code: check that nothing is cut."
                )
            ),
            self._current,
            self._form,
            button_row(self._save, self._test),
            self.notice,
            self.error,
        )

    def _kind_changed(self) -> None:
        kind = PrinterKind(self._kind.currentData())
        self._address_hint.setText(address_hint(kind))
        self._address.setPlaceholderText(
            {
                PrinterKind.NETWORK: "192.168.1.50:9100",
                PrinterKind.USB: "04b8:0202",
                PrinterKind.SERIAL: "/dev/ttyUSB0",
                PrinterKind.FILE: "/dev/usb/lp0",
            }[kind]
        )

    def load(self) -> PrinterConfig | None:
        return self.services.receipts.printer()

    def show_loaded(self, config: PrinterConfig | None) -> None:
        if config is None:
            self._current.setText(self.tr("No receipt printer is set up yet: receipts can still be saved as PDF."))
            return
        self._current.setText(self.tr("Receipts print on the {printer}.").format(printer=config.describe()))
        self._kind.setCurrentIndex(self._kind.findData(config.kind.value))
        self._address.setText(config.address)
        self._columns.setCurrentIndex(max(self._columns.findData(config.columns), 0))
        self._drawer.setChecked(config.drawer)

    def _values(self) -> tuple[str, str, int, bool]:
        columns = self._columns.currentData()
        return (
            self._kind.currentData(),
            self._address.text(),
            columns if columns is not None else DEFAULT_COLUMNS,
            self._drawer.isChecked(),
        )

    def save(self) -> None:
        kind, address, columns, drawer = self._values()
        configure = partial(
            self.services.receipts.configure_printer, self.actor, kind, address, columns=columns, drawer=drawer
        )
        self.run(
            configure,
            self.show_loaded,
            notice=self.tr("Saved: the counters print their next receipts there."),
            form=self._form,
            busy=[self._save, self._test],
        )

    def test_print(self) -> None:
        values = self._values()
        self.run(
            partial(save_and_test, self.services, self.actor, *values),
            lambda _result: self.refresh(),
            notice=self.tr("Saved, and the test page was sent: check that it printed in full."),
            form=self._form,
            busy=[self._save, self._test],
        )
