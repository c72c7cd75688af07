"""One exception tree. Every message names the input (``file:line``) and what is wrong."""
from __future__ import annotations


class NarratraceError(Exception):
    """Base class for every error narratrace raises on purpose."""


class InputError(NarratraceError):
    """A bad input item: names where it is and what is wrong."""

    def __init__(self, source: str, locator: str | None, reason: str, skipped: bool = True) -> None:
        self.source = source
        self.locator = locator
        self.reason = reason
        self.skipped = skipped  # False: a warning, the item was kept
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}:{self.locator}" if self.locator else self.source
        return f"{where}: {self.reason}"


class QueryError(NarratraceError):
    """A search query the full-text engine cannot parse."""


class StoreError(NarratraceError):
    """The database cannot be opened or is not a narratrace store."""


class AnalyzerError(NarratraceError):
    """An analyzer is unknown, or the pipeline's order cannot satisfy what it requires."""


class ModelUnavailable(NarratraceError):
    """A model or pipeline that must be installed locally is missing (never downloaded)."""
