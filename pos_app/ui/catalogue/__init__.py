"""The catalogue editor: products, variants, prices, and the CSV import."""
