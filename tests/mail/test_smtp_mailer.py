"""SmtpMailer against a real SMTP server on loopback: plain, STARTTLS and SSL, logging in, and the plain words
of every failure."""

import socket

import pytest

from pos_app.errors import MailFailed
from pos_app.mail import Attachment, OutgoingMail, SmtpMailer
from tests.mail.certificates import loopback_certificate
from tests.mail.smtp_server import accept_login, smtp_server_running

SENDER = "Boutique Lumière <caisse@boutique.example>"
MAIL = OutgoingMail(
    to="client@example.com",
    subject="Votre reçu n° 42",
    text="Merci de votre visite.",
    attachments=(Attachment("recu.pdf", b"%PDF-1.7 not really", "application/pdf"),),
    html="<p>Merci de votre <b>visite</b>.</p>",
)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return loopback_certificate(tmp_path_factory.mktemp("tls"))


def test_a_message_arrives_with_its_text_html_and_attachment(smtp_server):
    SmtpMailer(smtp_server.host, smtp_server.port, sender=SENDER, security="none").send(MAIL)

    [message] = smtp_server.messages
    assert (message["From"], message["To"], message["Subject"]) == (SENDER, MAIL.to, MAIL.subject)
    assert message.get_body(("plain",)).get_content() == "Merci de votre visite.\n"
    assert "<b>visite</b>" in message.get_body(("html",)).get_content()
    [attachment] = message.iter_attachments()
    assert (attachment.get_filename(), attachment.get_content()) == ("recu.pdf", b"%PDF-1.7 not really")


def test_starttls_encrypts_before_logging_in(certificate):
    with smtp_server_running(
        tls_context=certificate.server, require_starttls=True, authenticator=accept_login("shop", "pw")
    ) as server:
        mailer = SmtpMailer(
            server.host,
            server.port,
            sender=SENDER,
            security="starttls",
            username="shop",
            password="pw",
            ssl_context=certificate.client,
        )
        mailer.send(MAIL)

        assert [m["Subject"] for m in server.messages] == [MAIL.subject]


def test_ssl_speaks_tls_from_the_first_byte(certificate):
    with smtp_server_running(ssl_context=certificate.server) as server:
        SmtpMailer(server.host, server.port, sender=SENDER, security="ssl", ssl_context=certificate.client).send(MAIL)

        assert len(server.messages) == 1


def test_a_certificate_nobody_vouches_for_is_refused(certificate):
    with smtp_server_running(ssl_context=certificate.server) as server:
        with pytest.raises(MailFailed, match=r"certificate of the mail server 127\.0\.0\.1 could not be trusted"):
            SmtpMailer(server.host, server.port, sender=SENDER, security="ssl").send(MAIL)

        assert server.messages == []


def test_starttls_to_a_server_without_it_is_refused_rather_than_sent_in_clear(smtp_server):
    with pytest.raises(MailFailed, match="does not offer STARTTLS"):
        SmtpMailer(smtp_server.host, smtp_server.port, sender=SENDER, security="starttls").send(MAIL)

    assert smtp_server.messages == []


def test_ssl_to_a_plain_server_says_the_security_may_not_match_the_port(smtp_server):
    with pytest.raises(MailFailed, match="security setting may not match the port"):
        SmtpMailer(smtp_server.host, smtp_server.port, sender=SENDER, security="ssl", timeout=2).send(MAIL)


def test_a_server_that_never_answers_times_out_plainly():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts connections, never greets
        host, port = silent.getsockname()
        with pytest.raises(MailFailed, match=r"did not answer within 0\.5 seconds"):
            SmtpMailer(host, port, sender=SENDER, security="none", timeout=0.5).send(MAIL)


def test_an_unknown_server_name_is_said_plainly():
    with pytest.raises(MailFailed, match=r"There is no mail server named no-such-host\.invalid"):
        SmtpMailer("no-such-host.invalid", 587, sender=SENDER).send(MAIL)


def test_a_line_break_in_the_subject_is_refused_before_connecting(smtp_server):
    bad = OutgoingMail(MAIL.to, "Reçu\r\nBcc: everyone@example.com", MAIL.text)

    with pytest.raises(MailFailed, match="could not be written"):
        SmtpMailer(smtp_server.host, smtp_server.port, sender=SENDER, security="none").send(bad)

    assert smtp_server.messages == []
