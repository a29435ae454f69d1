"""The stock list: every SKU with its price and stock figures."""
