"""Receipts: what they show (model), their QR code, and their printing on ESC/POS printers and as PDF."""
