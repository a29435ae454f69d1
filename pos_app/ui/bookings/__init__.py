"""Bookable time: the stock manager's day and week of slots and bookings, and the counter's sale of a seat."""
