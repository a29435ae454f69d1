"""The sales journal: its verification, its monthly and yearly closings, and its period archives."""
