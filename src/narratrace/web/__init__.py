"""The web UI: ``create_app(db_path)`` serves a narratrace database read-only (``narratrace serve``)."""
from narratrace.web.app import create_app

__all__ = ["create_app"]
