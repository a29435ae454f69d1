"""The email that carries an invoice or credit note to its customer, in French or English."""

from __future__ import annotations

from pos_app.documents.formatting import locale_for, money, short_date
from pos_app.domain.invoice import InvoiceKind
from pos_app.invoices.model import InvoiceView
from pos_app.mail.message import Attachment, OutgoingMail

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "invoice_subject": "Facture {number} – {shop}",
        "credit_note_subject": "Avoir {number} – {shop}",
        "greeting": "Bonjour {name},",
        "greeting_anonymous": "Bonjour,",
        "invoice": "Veuillez trouver ci-joint votre facture {number} du {date}, d'un montant de {amount}.",
        "credit_note": "Veuillez trouver ci-joint votre avoir {number} du {date}, d'un montant de {amount}.",
        "paid": "Elle est acquittée.",
        "due": "Reste à payer : {amount}, au plus tard le {date}.",
        "thanks": "Merci de votre confiance.",
    },
    "en": {
        "invoice_subject": "Invoice {number} from {shop}",
        "credit_note_subject": "Credit note {number} from {shop}",
        "greeting": "Hello {name},",
        "greeting_anonymous": "Hello,",
        "invoice": "Please find attached your invoice {number} of {date}, for {amount}.",
        "credit_note": "Please find attached your credit note {number} of {date}, for {amount}.",
        "paid": "It is paid.",
        "due": "{amount} remains to be paid, by {date} at the latest.",
        "thanks": "Thank you for your custom.",
    },
}


def invoice_mail(view: InvoiceView, pdf: bytes, to: str, language: str) -> OutgoingMail:
    """The message sending `view` as its PDF to `to`, written in `language` ("fr" or "en"), signed with the
    seller's name and contact as the invoice prints them; answers go to the seller's email."""
    words = WORDS[language]
    locale = locale_for(language)
    seller = view.seller
    facts = {"number": view.number, "date": short_date(view.issued_at, locale)}
    credit = view.kind is InvoiceKind.CREDIT_NOTE
    name = view.customer.name.strip()
    paragraphs = [
        words["greeting"].format(name=name) if name else words["greeting_anonymous"],
        words["credit_note" if credit else "invoice"].format(
            **facts, amount=money(abs(view.gross), view.currency, locale)
        ),
    ]
    if not credit:
        balance = view.balance_due
        paragraphs[-1] += " " + (
            words["due"].format(amount=money(balance, view.currency, locale), date=short_date(view.due_on, locale))
            if balance > 0
            else words["paid"]
        )
    contact = " · ".join(part for part in (seller.get("email", ""), seller.get("phone", "")) if part)
    paragraphs += [words["thanks"], "\n".join(line for line in (seller.get("name", ""), contact) if line)]
    subject = words["credit_note_subject" if credit else "invoice_subject"].format(
        number=view.number, shop=seller.get("name", "")
    )
    return OutgoingMail(
        to=to,
        subject=subject,
        text="\n\n".join(paragraphs) + "\n",
        attachments=(Attachment(f"{view.number}.pdf", pdf, "application/pdf"),),
        reply_to=seller.get("email") or None,
    )
