"""Barcode labels of SKUs: how many of each, as an A4 PDF sheet to save or print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from pos_app.db.engine import Database
from pos_app.db.models import Product, Sku
from pos_app.domain import catalogue as rules
from pos_app.errors import NotFound, ValidationError
from pos_app.services.settings import SettingsService
from pos_app.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from pos_app.labels.sheet import Label

MAX_COPIES = 1_000
MAX_LABELS = 5_000
PLACES_ON_A_SHEET = 24  # labels.sheet.PER_SHEET, without importing the PDF stack until a sheet is made


class LabelService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    def sheet_pdf(self, requests: Sequence[tuple[str, int]], *, skip: int = 0) -> bytes:
        """An A4 PDF of labels: `copies` of each SKU in `requests` [(sku, copies), ...], in that order,
        24 to a sheet, the first `skip` places of the first sheet left empty (a sheet already partly used).

        Raises ValidationError for a copy count outside 1 to MAX_COPIES, more than MAX_LABELS in all or a
        `skip` outside 0 to 23; NotFound naming every unknown SKU."""
        from pos_app.labels.sheet import labels_pdf

        settings = self._settings.current()
        labels = self.labels(requests, skip=skip)
        return labels_pdf(labels, settings.currency.code, language=settings.invoicing.language, skip=skip)

    def labels(self, requests: Sequence[tuple[str, int]], *, skip: int = 0) -> list[Label]:
        """One Label per copy asked for, in the order asked. Raises as sheet_pdf does."""
        from pos_app.labels.sheet import Label

        _check(requests, skip)
        codes = [str(sku).strip() for sku, _ in requests]
        cur = self._settings.cached().currency
        query = (
            select(
                Sku.code,
                Sku.barcode,
                Sku.size,
                Sku.properties,
                Sku.price_override,
                Product.name,
                Product.price,
                Product.promo_price,
            )
            .join(Product, Product.id == Sku.product_id)
            .where(Sku.code.in_(set(codes)))
        )
        with UnitOfWork(self._db, write=False) as uow:
            found = {row[0]: row[1:] for row in uow.session.execute(query)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise NotFound(f"Unknown SKU(s): {', '.join(unknown)}. Check the codes and try again.")
        labels: list[Label] = []
        for code, (_, copies) in zip(codes, requests, strict=True):
            barcode, size, properties, override, name, price, promo_price = found[code]
            unit_price = cur.round(rules.unit_price(price, promo_price, override))
            labels += [Label(name, rules.variant_label(size, properties or {}), unit_price, code, barcode)] * copies
        return labels


def _check(requests: Sequence[tuple[str, int]], skip: int) -> None:
    if not requests:
        raise ValidationError("Choose at least one SKU to print labels for.", field="skus")
    for sku, copies in requests:
        if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
            raise ValidationError(f"Print 1 to {MAX_COPIES:,} labels of '{sku}', not {copies!r}.", field="copies")
    total = sum(copies for _, copies in requests)
    if total > MAX_LABELS:
        raise ValidationError(f"{total:,} labels are too many at once: print at most {MAX_LABELS:,}.", field="copies")
    if isinstance(skip, bool) or not isinstance(skip, int) or not 0 <= skip < PLACES_ON_A_SHEET:
        raise ValidationError(f"Start at a place from 1 to {PLACES_ON_A_SHEET} of the sheet.", field="skip")
