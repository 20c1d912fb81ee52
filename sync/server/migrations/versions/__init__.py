"""Migration scripts of the sync server."""
