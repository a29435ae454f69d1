"""The HTTP API for the online shop and Stripe's webhook (FastAPI, served by `pos-app serve`)."""

from pos_app.api.app import create_app

__all__ = ["create_app"]
