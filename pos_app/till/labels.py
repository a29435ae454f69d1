"""The words printed on till reports, in the shop's document language (French unless set to English)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

DEFAULT_LANGUAGE = "fr"

_FRENCH: Final = {
    "z_report": "Rapport Z",
    "x_report": "Rapport X",
    "x_note": "La caisse est encore ouverte : chiffres provisoires.",
    "register": "Caisse",
    "session": "Session",
    "opened": "Ouverte le",
    "closed": "Fermée le",
    "activity": "Activité",
    "sales": "Ventes",
    "sales_total": "Total des ventes",
    "discounts": "Remises accordées",
    "refunds": "Remboursements",
    "voided": "Tickets annulés",
    "drawer_openings": "Ouvertures du tiroir sans vente",
    "by_method": "Encaissements par moyen de paiement",
    "method": "Moyen",
    "amount": "Montant",
    "vat": "TVA",
    "rate": "Taux",
    "net": "HT",
    "gross": "TTC",
    "cash": "Espèces",
    "opening_float": "Fond de caisse",
    "cash_in": "Apports",
    "cash_out": "Retraits",
    "expected_cash": "Espèces attendues",
    "counted_cash": "Espèces comptées",
    "variance": "Écart",
    "blind": "Clôture à l'aveugle : le montant attendu n'est pas montré au caissier.",
    "count": "Comptage",
    "piece": "Valeur",
    "pieces": "Nombre",
    "note": "billet",
    "coin": "pièce",
    "printed": "Imprimé le",
    "page": "Page",
    "of": "sur",
}

_ENGLISH: Final = {
    "z_report": "Z report",
    "x_report": "X report",
    "x_note": "The till is still open: these figures are provisional.",
    "register": "Register",
    "session": "Session",
    "opened": "Opened",
    "closed": "Closed",
    "activity": "Activity",
    "sales": "Sales",
    "sales_total": "Sales total",
    "discounts": "Discounts given",
    "refunds": "Refunds",
    "voided": "Voided tickets",
    "drawer_openings": "Drawer openings without a sale",
    "by_method": "Takings by payment method",
    "method": "Method",
    "amount": "Amount",
    "vat": "VAT",
    "rate": "Rate",
    "net": "Net",
    "gross": "Gross",
    "cash": "Cash",
    "opening_float": "Opening float",
    "cash_in": "Cash in",
    "cash_out": "Cash out",
    "expected_cash": "Expected cash",
    "counted_cash": "Counted cash",
    "variance": "Variance",
    "blind": "Blind close: the expected cash is not shown to the cashier.",
    "count": "Count",
    "piece": "Piece",
    "pieces": "Number",
    "note": "note",
    "coin": "coin",
    "printed": "Printed",
    "page": "Page",
    "of": "of",
}

_BY_LANGUAGE = {"fr": MappingProxyType(_FRENCH), "en": MappingProxyType(_ENGLISH)}


def labels_for(language: str) -> MappingProxyType[str, str]:
    return _BY_LANGUAGE.get(language, _BY_LANGUAGE[DEFAULT_LANGUAGE])
