"""Point of sale and back office for shops."""

__version__ = "0.1.0"
