"""A WeasyPrint HTML document from one of our templates, built with less work than WeasyPrint's defaults:

- parsed by libxml2 (lxml's HTML parser, in C) instead of tinyhtml5 (WeasyPrint's HTML5 parser, in Python):
  a millisecond instead of fifteen for an invoice. Our templates write well-formed HTML, for which both give
  the same tree, but for the <tbody> HTML5 adds to a table without one, which WeasyPrint's table boxes add anyway;
- styled by the compact user-agent stylesheet documents/ua.css instead of WeasyPrint's HTML5 one.

Both go through parts of WeasyPrint it does not document: the attributes HTML.__init__ sets (an upgrade that
needs another one fails every test in tests/invoices), and HTML._ua_stylesheets (were it renamed, documents would
get WeasyPrint's own user-agent stylesheet again: the same look, as their stylesheets set what they rely on, at
the former speed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import cssselect2
import lxml.html
from lxml import etree
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher


class CompactHTML(HTML):
    def __init__(self, html: str, *, base_url: str, user_agent_stylesheet: CSS) -> None:
        root = _element_tree(lxml.html.document_fromstring(html))
        self.base_url = base_url
        self.url_fetcher = URLFetcher()
        self.media_type = "print"
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = root
        self._user_agent_stylesheet = user_agent_stylesheet

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [self._user_agent_stylesheet]


def _element_tree(source: etree._Element) -> ElementTree.Element:
    """The same tree as the standard library's ElementTree elements, which WeasyPrint works on; comments and
    processing instructions are left out, their trailing text kept."""
    element = ElementTree.Element(source.tag, dict(source.attrib))
    element.text = source.text
    last: ElementTree.Element | None = None
    for child in source:
        if isinstance(child.tag, str):
            last = _element_tree(child)
            last.tail = child.tail
            element.append(last)
        elif child.tail:
            if last is None:
                element.text = (element.text or "") + child.tail
            else:
                last.tail = (last.tail or "") + child.tail
    return element
