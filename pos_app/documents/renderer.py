"""PDF documents from Jinja2 templates through WeasyPrint, for every area that prints (receipts, invoices...).

A template is named "<area>/<file>": "receipts/receipt.html" is receipt.html in pos_app/receipts/templates,
and "documents/..." are the shared layouts of pos_app/documents/templates. One Jinja environment serves
them all, and one WeasyPrint FontConfiguration holding the bundled fonts serves every render: loading the
fonts and parsing their @font-face rules happens once per process, not once per document. Embedded fonts
are subset to the glyphs a document uses; WeasyPrint does that with HarfBuzz when libharfbuzz-subset is
installed (fast), else with fontTools (much slower).

A template may come with a stylesheet of its own ("invoices/invoice.css", a file next to the template), which
is parsed once per process rather than once per document, and which also puts the document on the compact
path of compact_html.py, which spares a sixth of WeasyPrint's time for an invoice (docs/PERFORMANCE.md, 12).
"""

from __future__ import annotations

import atexit
import functools
import threading
from collections.abc import Callable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BaseLoader, Environment, PackageLoader, StrictUndefined, TemplateNotFound, pass_context
from jinja2.runtime import Context

from pos_app.documents import formatting
from pos_app.documents.fonts import FONT_FAMILY, font_face_css

if TYPE_CHECKING:
    import pydyf
    from weasyprint import CSS, Document
    from weasyprint.text.fonts import FontConfiguration

RESOURCES_URL = Path(str(files("pos_app.resources"))).as_uri() + "/"
USER_AGENT_CSS = "documents/ua.css"  # what the compact path styles HTML elements with, instead of WeasyPrint's

# WeasyPrint's font configuration and its image cache are shared mutable state: one render at a time.
_render_lock = threading.Lock()


class AreaLoader(BaseLoader):
    """Loads "<area>/<name>" from the templates folder of the package pos_app.<area>."""

    def __init__(self) -> None:
        self._loaders: dict[str, PackageLoader] = {}

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        area, _, name = template.partition("/")
        if not area.isidentifier() or not name:
            raise TemplateNotFound(template)
        loader = self._loaders.get(area)
        if loader is None:
            try:
                loader = PackageLoader(f"pos_app.{area}", "templates")
            except (ModuleNotFoundError, ValueError):
                raise TemplateNotFound(template) from None
            self._loaders[area] = loader
        return loader.get_source(environment, name)


def _locale(context: Context) -> str:
    return context.get("locale", formatting.DEFAULT_LOCALE)


@pass_context
def _money(context: Context, amount: Any, currency_code: str) -> str:
    return formatting.money(amount, currency_code, _locale(context))


@pass_context
def _percent(context: Context, rate: Any) -> str:
    return formatting.percent(rate, _locale(context))


@pass_context
def _datetime(context: Context, moment: Any) -> str:
    return formatting.short_datetime(moment, _locale(context))


@pass_context
def _date(context: Context, day: Any) -> str:
    return formatting.short_date(day, _locale(context))


@functools.cache
def environment() -> Environment:
    """The Jinja environment of every document: autoescaped, strict about undefined names.

    Filters (in the context's `locale`, French by default): `money(currency_code)`, `percent`, `datetime`,
    `date`. Globals: `font_family`, the bundled font's family name."""
    env = Environment(
        loader=AreaLoader(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(money=_money, percent=_percent, datetime=_datetime, date=_date)
    env.globals["font_family"] = FONT_FAMILY
    return env


def render_html(template_name: str, context: Mapping[str, Any]) -> str:
    return environment().get_template(template_name).render(context)


class _Shared:
    """What every WeasyPrint render reuses: the font configuration with the bundled fonts, images, and the
    templates' own stylesheets."""

    def __init__(self) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.font_config: FontConfiguration = FontConfiguration()
        self.fonts: CSS = CSS(string=font_face_css(), font_config=self.font_config)
        self.images: dict[str, Any] = {}
        self._stylesheets: dict[str, CSS] = {}

    def stylesheet(self, name: str) -> CSS:
        """The stylesheet `name` ("<area>/<file>.css", found like a template), rendered by Jinja with the
        environment's globals only (it cannot depend on a document) and parsed on first use."""
        css = self._stylesheets.get(name)
        if css is None:
            from weasyprint import CSS

            text = environment().get_template(name).render()
            css = CSS(string=text, base_url=RESOURCES_URL, font_config=self.font_config)
            self._stylesheets[name] = css
        return css


@functools.cache
def _shared() -> _Shared:
    # The font configuration removes its temporary folder when collected; at interpreter exit that must happen
    # while the modules it uses still exist, hence the explicit release.
    atexit.register(_shared.cache_clear)
    return _Shared()  # WeasyPrint takes most of a second to import: only once a document is printed


def render_pdf(
    template_name: str,
    context: Mapping[str, Any],
    *,
    stylesheet: str | None = None,
    base_url: str | None = None,
    end_page_at: str | None = None,
    finisher: Callable[[Document, pydyf.PDF], None] | None = None,
    **options: Any,
) -> bytes:
    """Render a template to PDF bytes.

    `stylesheet` names the template's own stylesheet ("invoices/invoice.css"), parsed once per process; the
    document is then parsed and styled the compact way (see the module's docstring), so the template must be
    well-formed HTML whose elements documents/ua.css knows. `base_url` resolves relative links (default: the
    app's resources folder). `end_page_at` names the id of an element placed after the content: the page
    holding it is cut where that element starts, so that a document printed on a roll (a receipt) is as long
    as its content. `finisher(document, pdf)` may change the PDF (pydyf objects) before it is written.
    `options` are WeasyPrint's rendering options (pdf_variant, attachments, full_fonts...)."""
    html = render_html(template_name, context)
    from weasyprint import HTML

    shared = _shared()
    with _render_lock:
        if stylesheet is None:
            source = HTML(string=html, base_url=base_url or RESOURCES_URL)
            stylesheets = [shared.fonts]
        else:
            from pos_app.documents.compact_html import CompactHTML

            source = CompactHTML(
                html, base_url=base_url or RESOURCES_URL, user_agent_stylesheet=shared.stylesheet(USER_AGENT_CSS)
            )
            stylesheets = [shared.fonts, shared.stylesheet(stylesheet)]
        document = source.render(
            font_config=shared.font_config, stylesheets=stylesheets, cache=shared.images, **options
        )
        if end_page_at is not None:
            _end_page_at(document, end_page_at)
        return document.write_pdf(finisher=finisher, **options)


def _end_page_at(document: Document, anchor: str) -> None:
    for page in document.pages:
        if anchor in page.anchors:
            page.height = page.anchors[anchor][1]  # (x, y) in the docs, (x1, y1, x2, y2) in WeasyPrint 70
            return
    raise ValueError(f"The document has no element with id '{anchor}' to end its page at.")
