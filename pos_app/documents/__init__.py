"""Printed documents: Jinja2 templates rendered to PDF by WeasyPrint with the bundled fonts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_app.documents.fonts import FONT_FAMILY
    from pos_app.documents.renderer import environment, render_html, render_pdf

__all__ = ["FONT_FAMILY", "environment", "render_html", "render_pdf"]


def __getattr__(name: str) -> Any:
    """Loaded on first use: the app starts (and formats amounts through `formatting`) without Jinja2."""
    if name == "FONT_FAMILY":
        from pos_app.documents import fonts

        return fonts.FONT_FAMILY
    if name in __all__:
        from pos_app.documents import renderer

        return getattr(renderer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
