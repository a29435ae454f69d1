"""Database layer: typed models, engines, locks and migrations."""
