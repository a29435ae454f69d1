"""Payment providers behind a small interface; the services never import a provider's library."""
