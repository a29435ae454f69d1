"""Email: the SMTP server the shop sends through (its password kept on this machine, never shown), and a test."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.mail import SmtpView
from pos_app.ui.admin.field_form import FieldForm, align_labels, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import SECTION_GAP, button_row, lay_out_form
from pos_app.ui.widgets.labels import section_title

SECURITY_CHOICES = ("starttls", "ssl", "none")
USUAL_PORTS = {"starttls": "587", "ssl": "465", "none": "25"}


def security_name(security: str) -> str:
    return {
        "starttls": QCoreApplication.translate("MailPanel", "STARTTLS (usually port 587)"),
        "ssl": QCoreApplication.translate("MailPanel", "SSL/TLS (usually port 465)"),
        "none": QCoreApplication.translate("MailPanel", "None: only for a server on this network"),
    }[security]


class MailPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "mailPanel", parent)
        self._host = QLineEdit(objectName="smtpHost")
        self._host.setPlaceholderText(self.tr("e.g. smtp.example.com"))
        self._port = QLineEdit(objectName="smtpPort")
        self._port.setMaximumWidth(120)
        self._security = QComboBox(objectName="smtpSecurity")
        for security in SECURITY_CHOICES:
            self._security.addItem(security_name(security), security)
        self._username = QLineEdit(objectName="smtpUsername")
        self._password = QLineEdit(objectName="smtpPassword")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._password_state = hint_label("", "smtpPasswordState")
        self._remove_password = QCheckBox(self.tr("Remove the password kept here"), objectName="smtpRemovePassword")
        self._sender = QLineEdit(objectName="smtpSender")
        self._sender.setPlaceholderText(self.tr("e.g. boutique@example.com"))
        self._remove_password.toggled.connect(lambda on: self._password.setEnabled(not on))

        self._form = FieldForm("smtpForm")
        self._form.add_field(self.tr("Server"), self._host, "host")
        self._form.add_field(self.tr("Port"), self._port, "port")
        self._form.add_field(self.tr("Security"), self._security, "security")
        self._form.add_field(self.tr("Username"), self._username, "username")
        self._form.add_field(self.tr("Password"), self._password, "password", hint=self._password_state)
        self._form.add_wide(self._remove_password)
        self._form.add_field(
            self.tr("Sender address"),
            self._sender,
            "sender",
            hint=self.tr("Invoices and booking confirmations come from this address."),
        )
        self._security.currentIndexChanged.connect(self._suggest_port)

        self._test_to = QLineEdit(objectName="testMailTo")
        self._test_to.setPlaceholderText(self.tr("your own address"))
        self._test_form = FieldForm("testMailForm")
        self._test_form.add_field(self.tr("Send to"), self._test_to, "to")
        self._test_to.returnPressed.connect(self.send_test)

        self._save = button(self.tr("Save"), "saveMailButton", "Ctrl+S", clicked=self.save)
        self._send_test = button(self.tr("Send a test email"), "sendTestMailButton", clicked=self.send_test)
        self.add_shortcut("saveMailAction", QKeySequence.StandardKey.Save, self.save, self.tr("Save"))
        align_labels(self._form, self._test_form)
        lay_out_form(
            self,
            hint_label(
                self.tr(
                    "The mail server every counter sends invoices and confirmations through. The password "
                    "stays on this computer, never in the shared database, and is never shown again."
                )
            ),
            self._form,
            button_row(self._save),
            SECTION_GAP,
            section_title(self.tr("Try it"), "testMailTitle"),
            hint_label(self.tr("The test goes through the saved settings: save them first.")),
            self._test_form,
            button_row(self._send_test),
            self.notice,
            self.error,
        )

    def _suggest_port(self) -> None:
        """Choosing a security fills in its usual port, unless the admin typed another one."""
        if self._port.text() in {"", *USUAL_PORTS.values()}:
            self._port.setText(USUAL_PORTS[self._security.currentData()])

    def load(self) -> SmtpView:
        return self.services.mail.smtp()

    def show_loaded(self, view: SmtpView) -> None:
        self._host.setText(view.host)
        self._security.blockSignals(True)
        self._security.setCurrentIndex(max(self._security.findData(view.security), 0))
        self._security.blockSignals(False)
        self._port.setText(str(view.port))
        self._username.setText(view.username)
        self._sender.setText(view.sender)
        self._password.clear()
        self._remove_password.setChecked(False)
        self._remove_password.setVisible(view.password_set)
        if view.password_set:
            self._password.setPlaceholderText(view.password_masked)
            self._password_state.setText(
                self.tr("A password is kept ({masked}): type a new one only to replace it.").format(
                    masked=view.password_masked
                )
            )
        else:
            self._password.setPlaceholderText("")
            self._password_state.setText(self.tr("No password is kept: type one if the server asks for it."))

    def _password_change(self) -> str | None:
        """None keeps the password kept on this machine; "" removes it."""
        if self._remove_password.isChecked():
            return ""
        return self._password.text() or None

    def save(self) -> None:
        configure = partial(
            self.services.mail.configure_smtp,
            self.actor,
            host=self._host.text(),
            port=self._port.text(),
            security=self._security.currentData(),
            username=self._username.text(),
            sender=self._sender.text(),
            password=self._password_change(),
        )
        self.run(
            configure,
            self.show_loaded,
            notice=self.tr("Saved: the shop sends email through {host}.").format(host=self._host.text().strip()),
            form=self._form,
            busy=[self._save, self._send_test],
        )

    def send_test(self) -> None:
        to = self._test_to.text()
        self.run(
            partial(self.services.mail.send_test, self.actor, to),
            lambda _result: None,
            notice=self.tr("A test message went to {address}: check that it arrived.").format(address=to.strip()),
            form=self._test_form,
            busy=[self._save, self._send_test],
        )
