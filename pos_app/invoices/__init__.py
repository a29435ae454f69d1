"""Invoices as documents: the read model, the PDF and its Factur-X data."""
