"""Refunds of past sales, found by number, by their receipt's QR code or by date."""
