"""The counter: the page a cashier sells from, and its dialogs."""
