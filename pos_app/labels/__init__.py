"""Barcode labels for shelves and goods: an A4 sheet of labels with name, variant, price and barcode."""
