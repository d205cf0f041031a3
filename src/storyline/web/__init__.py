"""The dossier web app: thin FastAPI views over the store (create_app), and serve() to run it locally."""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
