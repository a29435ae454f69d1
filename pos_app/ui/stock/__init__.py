"""The stock pages: the stock list with its actions (receive, adjust, labels) and the movement history."""
