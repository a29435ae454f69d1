"""Till documents: the Z report (and an X report of a till still open) as a PDF."""
