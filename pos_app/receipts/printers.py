"""The receipt printer: its configuration (settings keys printer.*) and its connection through python-escpos.

Kinds and addresses: network `host[:port]` (port 9100 by default), usb `vendor:product` in hex (`04b8:0202`),
serial `device[:baud]` (`/dev/ttyUSB0:19200`, 9600 baud by default), file `path` (`/dev/usb/lp0`, or a file
that receives the bytes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pos_app.errors import PrinterError, ValidationError

if TYPE_CHECKING:
    from escpos.escpos import Escpos

KIND_SETTING = "printer.kind"
ADDRESS_SETTING = "printer.address"
COLUMNS_SETTING = "printer.columns"
DRAWER_SETTING = "printer.drawer"

COLUMN_CHOICES = (48, 42)  # font A on 80 mm paper: 48 on most printers, 42 on some
DEFAULT_COLUMNS = 48
DEFAULT_NETWORK_PORT = 9100
DEFAULT_BAUDRATE = 9600
TIMEOUT_SECONDS = 5
_USB_ID = re.compile(r"([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})")
_CHECK_PRINTER = "Check that the printer is on and connected, and its address in the settings."


class PrinterKind(StrEnum):
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"
    FILE = "file"


@dataclass(frozen=True)
class PrinterConfig:
    kind: PrinterKind
    address: str
    columns: int = DEFAULT_COLUMNS
    drawer: bool = True  # a cash drawer hangs on the printer's drawer port

    def describe(self) -> str:
        return f"{self.kind.value} printer {self.address}"


def printer_config(
    kind: object, address: object, columns: object = DEFAULT_COLUMNS, drawer: object = True
) -> PrinterConfig:
    """A checked configuration. Raises ValidationError naming the field (kind, address, columns, drawer)."""
    try:
        printer_kind = PrinterKind(str(kind).strip().lower())
    except ValueError:
        names = ", ".join(k.value for k in PrinterKind)
        raise ValidationError(f"Unknown printer kind '{kind}': use one of {names}.", field="kind") from None
    if not isinstance(address, str) or not address.strip() or len(address) > 500:
        raise ValidationError(f"A {printer_kind.value} printer needs an address.", field="address")
    text = address.strip()
    _ADDRESS_CHECKS[printer_kind](text)
    if isinstance(columns, bool) or columns not in COLUMN_CHOICES:
        shown = " or ".join(str(c) for c in COLUMN_CHOICES)
        raise ValidationError(f"A receipt line has {shown} characters (got {columns!r}).", field="columns")
    if not isinstance(drawer, bool):
        raise ValidationError("Say whether a cash drawer is connected (true or false).", field="drawer")
    return PrinterConfig(printer_kind, text, int(columns), drawer)


def _network_address(address: str) -> tuple[str, int]:
    try:
        parts = urlsplit(f"//{address}")
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if not host or any(c.isspace() for c in address) or parts.path or parts.query or parts.username:
        raise ValidationError(
            f"'{address}' is not a network printer address: give host or host:port (e.g. 192.168.1.50:9100).",
            field="address",
        )
    return host, port or DEFAULT_NETWORK_PORT


def _usb_address(address: str) -> tuple[int, int]:
    match = _USB_ID.fullmatch(address)
    if match is None:
        raise ValidationError(
            f"'{address}' is not a USB printer id: give vendor:product in hex (e.g. 04b8:0202).", field="address"
        )
    return int(match.group(1), 16), int(match.group(2), 16)


def _serial_address(address: str) -> tuple[str, int]:
    device, _, baud = address.rpartition(":")
    if not device or not baud.isdigit():
        device, baud = address, str(DEFAULT_BAUDRATE)
    if any(c.isspace() for c in device) or not 300 <= int(baud) <= 921600:
        raise ValidationError(
            f"'{address}' is not a serial port: give device[:baud] (e.g. /dev/ttyUSB0 or COM3:19200).",
            field="address",
        )
    return device, int(baud)


def _file_address(address: str) -> str:
    if not (address.startswith("/") or PureWindowsPath(address).is_absolute()):
        raise ValidationError(f"'{address}' is not an absolute file path (e.g. /dev/usb/lp0).", field="address")
    return address


_ADDRESS_CHECKS = {
    PrinterKind.NETWORK: _network_address,
    PrinterKind.USB: _usb_address,
    PrinterKind.SERIAL: _serial_address,
    PrinterKind.FILE: _file_address,
}


def config_from_settings(values: Mapping[str, str]) -> PrinterConfig | None:
    """The configuration stored in the settings, or None when no printer is set. A stored value that no
    longer passes the checks raises PrinterError telling an admin to set the printer again."""
    kind = values.get(KIND_SETTING, "")
    if not kind:
        return None
    try:
        return printer_config(
            kind,
            values.get(ADDRESS_SETTING, ""),
            int(values.get(COLUMNS_SETTING, DEFAULT_COLUMNS)),
            values.get(DRAWER_SETTING, "on") == "on",
        )
    except (ValidationError, ValueError) as error:
        raise PrinterError(
            f"The receipt printer settings are damaged ({error}): an admin must set them again."
        ) from None


def settings_of(config: PrinterConfig) -> dict[str, str]:
    return {
        KIND_SETTING: config.kind.value,
        ADDRESS_SETTING: config.address,
        COLUMNS_SETTING: str(config.columns),
        DRAWER_SETTING: "on" if config.drawer else "off",
    }


def open_printer(config: PrinterConfig) -> Escpos:
    """Connect to the printer. Raises PrinterError saying what could not be reached and why."""
    from escpos import printer as devices  # python-escpos takes half a second to import: only when printing
    from escpos.exceptions import Error as EscposError

    try:
        if config.kind is PrinterKind.NETWORK:
            host, port = _network_address(config.address)
            device: Escpos = devices.Network(host, port, timeout=TIMEOUT_SECONDS)
        elif config.kind is PrinterKind.USB:
            vendor, product = _usb_address(config.address)
            device = devices.Usb(vendor, product, timeout=TIMEOUT_SECONDS * 1000)  # pyusb counts ms
        elif config.kind is PrinterKind.SERIAL:
            port_name, baudrate = _serial_address(config.address)
            device = devices.Serial(port_name, baudrate=baudrate, timeout=TIMEOUT_SECONDS)
        else:
            device = devices.File(_file_address(config.address))
        device.open()
    except (EscposError, OSError, ValueError) as error:
        raise PrinterError(f"Cannot reach the {config.describe()}: {reason(error)}. {_CHECK_PRINTER}") from error
    return device


def reason(error: BaseException) -> str:
    """The operating system's words for what failed, found under python-escpos's own exceptions."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return _sentence_inside(seen.strerror)
        seen = seen.__cause__ or seen.__context__
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__


def _sentence_inside(text: str) -> str:
    """'Connection refused' -> 'connection refused', to follow a colon; 'USB ...' stays as it is."""
    return text[0].lower() + text[1:] if text[:2].istitle() else text
