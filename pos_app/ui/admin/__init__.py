"""The admin's pages: users, registers, shop identity, taxes, invoicing, printer, email and online payments."""
