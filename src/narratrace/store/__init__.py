"""The corpus store: SQLite by default (one plain file any SQLite tool can open)."""
from narratrace.store.sqlite import Store, default_db_path

__all__ = ["Store", "default_db_path"]
