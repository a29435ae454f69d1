"""Online orders: the holds customers are paying for, and the orders they became."""
