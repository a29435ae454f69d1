"""The accountant's invoices: the list of invoices and credit notes, one document opened, credit notes, exports."""
