"""The words printed on receipts, in the shop's document language (French unless set to English)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

DEFAULT_LANGUAGE = "fr"

_FRENCH: Final = {
    "sale": "Ticket",
    "refund": "Remboursement",
    "refund_of": "Vente remboursée",
    "duplicate": "DUPLICATA",
    "register": "Caisse",
    "cashier": "Caissier",
    "customer": "Client",
    "items": "Articles",
    "subtotal": "Sous-total",
    "discount": "Remise",
    "ticket_discount": "Remise sur le ticket",
    "discounts": "Vous économisez",
    "total": "TOTAL",
    "refunded": "TOTAL REMBOURSÉ",
    "rate": "Taux",
    "net": "HT",
    "vat": "TVA",
    "gross": "TTC",
    "change": "Rendu",
    "refunded_by": "Remboursé en",
    "vat_number": "N° TVA",
    "company_number": "N° entreprise",
    "phone": "Tél.",
    "journal": "Journal",
    "signature": "Signature",
    "thanks": "Merci de votre visite !",
    "test_page": "Page de test de l'imprimante",
    "test_text": "Accents : àâçéèêëîïôöùûü ÀÇÉÈ œ € £",
    "cash": "Espèces",
    "card": "Carte bancaire",
    "orange_money": "Orange Money",
    "wave": "Wave",
    "bank_transfer": "Virement",
}

_ENGLISH: Final = {
    "sale": "Receipt",
    "refund": "Refund",
    "refund_of": "Refund of sale",
    "duplicate": "DUPLICATE",
    "register": "Register",
    "cashier": "Cashier",
    "customer": "Customer",
    "items": "Items",
    "subtotal": "Subtotal",
    "discount": "Discount",
    "ticket_discount": "Ticket discount",
    "discounts": "You save",
    "total": "TOTAL",
    "refunded": "TOTAL REFUNDED",
    "rate": "Rate",
    "net": "Net",
    "vat": "VAT",
    "gross": "Gross",
    "change": "Change",
    "refunded_by": "Refunded by",
    "vat_number": "VAT no.",
    "company_number": "Company no.",
    "phone": "Tel.",
    "journal": "Journal",
    "signature": "Signature",
    "thanks": "Thank you for your visit!",
    "test_page": "Printer test page",
    "test_text": "Accents: àâçéèêëîïôöùûü ÀÇÉÈ œ € £",
    "cash": "Cash",
    "card": "Card",
    "orange_money": "Orange Money",
    "wave": "Wave",
    "bank_transfer": "Bank transfer",
}

_BY_LANGUAGE = {"fr": MappingProxyType(_FRENCH), "en": MappingProxyType(_ENGLISH)}


def labels_for(language: str) -> MappingProxyType[str, str]:
    return _BY_LANGUAGE.get(language, _BY_LANGUAGE[DEFAULT_LANGUAGE])
