"""Checks and normal forms for the short texts people type: names, codes, reasons."""

from __future__ import annotations

import unicodedata

from pos_app.errors import ValidationError


def clean_text(value: object, field: str, *, max_length: int, required: bool = True) -> str:
    """Trimmed text of at most `max_length` characters; empty is refused when required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be text (got {value!r}).", field=field)
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    if required and not text:
        raise ValidationError(f"{field} is required.", field=field)
    if len(text) > max_length:
        raise ValidationError(f"{field} is too long ({len(text)} characters, at most {max_length}).", field=field)
    if any(not ch.isprintable() and ch not in "\n\t" for ch in text):
        raise ValidationError(f"{field} contains control characters; type it again.", field=field)
    return text


def clean_code(value: object, field: str, *, max_length: int = 64, required: bool = True) -> str:
    """A SKU code or barcode: printable, no spaces inside."""
    text = clean_text(value, field, max_length=max_length, required=required)
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ValidationError(f"{field} '{text}' cannot contain spaces or control characters.", field=field)
    return text


def search_key(*parts: str | None) -> str:
    """Lower-case, accent-free text to match what a person types ('ete' finds 'Été')."""
    joined = " ".join(p for p in parts if p)
    decomposed = unicodedata.normalize("NFKD", joined.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
