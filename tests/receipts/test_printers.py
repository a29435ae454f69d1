"""Receipt printers: their settings, and real connections (a TCP server on loopback, a file)."""

import pytest

from pos_app.errors import PrinterError, ValidationError
from pos_app.receipts import thermal
from pos_app.receipts.printers import (
    PrinterKind,
    config_from_settings,
    open_printer,
    printer_config,
    settings_of,
)
from tests.receipts.helpers import PrinterOnLoopback, closed_port, sample_receipt


@pytest.mark.parametrize(
    ("kind", "address", "columns"),
    [
        ("network", "192.168.1.50", 48),
        ("network", "printer.local:9100", 42),
        ("network", "[::1]:9100", 48),
        ("usb", "04b8:0202", 48),
        ("serial", "/dev/ttyUSB0:19200", 48),
        ("serial", "COM3", 42),
        ("file", "/dev/usb/lp0", 48),
        ("NETWORK", " 10.0.0.2:9100 ", 48),
    ],
)
def test_printer_settings_are_accepted_and_read_back(kind, address, columns):
    config = printer_config(kind, address, columns, drawer=False)
    assert config_from_settings(settings_of(config)) == config
    assert config.kind is PrinterKind(kind.lower()) and config.address == address.strip()


@pytest.mark.parametrize(
    ("kind", "address", "columns", "drawer", "field", "message"),
    [
        ("bluetooth", "AA:BB", 48, True, "kind", "Unknown printer kind 'bluetooth': use one of network, usb"),
        ("network", "", 48, True, "address", "needs an address"),
        ("network", "printer:99999", 48, True, "address", "host or host:port"),
        ("network", "my printer", 48, True, "address", "host or host:port"),
        ("usb", "/dev/usb/lp0", 48, True, "address", "vendor:product in hex"),
        ("serial", "/dev/tty USB0", 48, True, "address", "device[:baud]"),
        ("serial", "/dev/ttyUSB0:12", 48, True, "address", "device[:baud]"),
        ("file", "receipts.bin", 48, True, "address", "absolute file path"),
        ("file", "/dev/usb/lp0", 40, True, "columns", "48 or 42 characters"),
        ("file", "/dev/usb/lp0", True, True, "columns", "48 or 42 characters"),
        ("file", "/dev/usb/lp0", 48, "yes", "drawer", "cash drawer"),
    ],
)
def test_bad_printer_settings_name_the_field(kind, address, columns, drawer, field, message):
    with pytest.raises(ValidationError) as error:
        printer_config(kind, address, columns, drawer)
    assert error.value.field == field
    assert message in str(error.value)


def test_no_printer_kind_in_the_settings_means_no_printer():
    assert config_from_settings({}) is None


def test_damaged_printer_settings_tell_an_admin_to_set_them_again():
    with pytest.raises(PrinterError, match=r"settings are damaged .* an admin must set them again"):
        config_from_settings({"printer.kind": "network", "printer.address": "x", "printer.columns": "wide"})


def test_a_network_printer_receives_the_receipt_over_tcp():
    printer = PrinterOnLoopback()
    device = open_printer(printer_config("network", f"127.0.0.1:{printer.port}"))

    thermal.print_receipt(device, sample_receipt(), open_drawer=True)
    device.close()

    received = printer.wait()
    assert b"T-shirt M / Bleu" in received and b"53,82" in received
    assert received.startswith(b"\x1b@\x1bp\x00")  # initialise, then kick the drawer while the paper runs
    assert received.rstrip(b"\n").endswith(b"\x1dV\x00")  # the cut


def test_a_file_printer_writes_the_receipt_to_its_file(tmp_path):
    target = tmp_path / "lp0"
    device = open_printer(printer_config("file", str(target)))

    thermal.print_receipt(device, sample_receipt())
    device.close()

    written = target.read_bytes()
    assert b"Guide des " in written and b"TOTAL" in written and b"53,82" in written


def test_a_printer_that_refuses_the_connection_gives_a_clear_printer_error():
    port = closed_port()
    with pytest.raises(PrinterError) as error:
        open_printer(printer_config("network", f"127.0.0.1:{port}"))
    assert str(error.value) == (
        f"Cannot reach the network printer 127.0.0.1:{port}: connection refused. "
        "Check that the printer is on and connected, and its address in the settings."
    )


def test_a_file_printer_in_a_missing_folder_gives_a_clear_printer_error(tmp_path):
    with pytest.raises(PrinterError, match=r"Cannot reach the file printer .*: no such file or directory"):
        open_printer(printer_config("file", str(tmp_path / "missing" / "lp0")))


def test_a_usb_printer_that_is_not_plugged_in_gives_a_printer_error():
    with pytest.raises(PrinterError, match=r"Cannot reach the usb printer 04b8:0202: .* Check that the printer is on"):
        open_printer(printer_config("usb", "04b8:0202"))


def test_a_serial_port_that_does_not_exist_gives_a_printer_error(tmp_path):
    with pytest.raises(PrinterError, match=r"Cannot reach the serial printer .*ttyNONE"):
        open_printer(printer_config("serial", str(tmp_path / "ttyNONE")))
