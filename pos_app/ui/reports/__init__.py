"""The accountant's sales reports and the Z reports of past till sessions."""
