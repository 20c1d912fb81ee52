"""The Vangnet sync server: FastAPI app, storage, authentication and scope rules."""
