"""The sync server's HTTP endpoints, one router per resource, all under /api/v1 (see docs/api.md)."""
