"""The till: open with a counted float, cash in and out, X report, close with the count and the Z report."""
