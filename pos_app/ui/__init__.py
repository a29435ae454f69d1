"""The desktop client: PySide6 screens over the services (never the database directly)."""
