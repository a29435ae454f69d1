"""Printed documents: Jinja2 templates rendered to PDF by WeasyPrint with the bundled fonts."""

from pos_app.documents.fonts import FONT_FAMILY
from pos_app.documents.renderer import environment, render_html, render_pdf

__all__ = ["FONT_FAMILY", "environment", "render_html", "render_pdf"]
