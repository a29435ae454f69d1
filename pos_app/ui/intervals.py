"""How often the live parts of the desktop app look again. Tests pass short ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Intervals:
    """Milliseconds between two looks; each timer runs only while what it feeds is on screen."""

    orders_refresh_ms: int = 5_000  # reload holds and orders while the online orders page is shown
    countdown_ms: int = 1_000  # move the countdowns on (reads the clock, not the database)
    stock_watch_ms: int = 5_000  # stock page: ask whether holds changed, reload when they did
    cleanup_ms: int = 60_000  # release expired holds; every open app does it, which is safe in parallel


DEFAULT_INTERVALS = Intervals()
