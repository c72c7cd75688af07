"""The analyzer protocol and the registry.

An analyzer declares its ``name`` and ``version``, the annotation kinds it ``requires``
(produced by analyzers that must run before it) and the kinds it ``assigns``. It receives
one article plus an :class:`AnalysisContext` (the spaCy ``Doc`` when ``needs_doc`` is true,
and every annotation produced earlier in the run) and returns annotations.

Built-ins are registered in :mod:`narratrace.analyze.registrations` through the same
:func:`register` a plugin would call; third-party packages can also expose factories
under the ``narratrace.analyzers`` entry-point group.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Callable, ClassVar, Protocol, runtime_checkable

from narratrace.errors import AnalyzerError
from narratrace.model import Annotation, Article


@dataclass
class AnalysisContext:
    """What an analyzer may read besides the article."""

    doc: Any = None  # spaCy Doc over article.text when the analyzer needs_doc
    annotations: list[Annotation] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == kind]


@runtime_checkable
class Analyzer(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]
    needs_doc: ClassVar[bool]

    def analyze(self, article: Article, ctx: AnalysisContext) -> list[Annotation]: ...


Factory = Callable[[], Analyzer]
_REGISTRY: dict[str, Factory | str] = {}


def register(name: str, factory: Factory | str) -> None:
    """Register an analyzer factory (a callable or a lazy ``"module:attr"`` path)."""
    _REGISTRY[name] = factory


def _load_plugins() -> None:
    for ep in entry_points(group="narratrace.analyzers"):
        _REGISTRY.setdefault(ep.name, ep.value)


def registered() -> list[str]:
    """Names of every known analyzer, built-ins first in pipeline order."""
    import narratrace.analyze.registrations  # noqa: F401  (registers built-ins)

    _load_plugins()
    return list(_REGISTRY)


def get_analyzer(name: str) -> Analyzer:
    if name not in registered():
        raise AnalyzerError(f"unknown analyzer {name!r}; known: {', '.join(registered())}")
    factory = _REGISTRY[name]
    if isinstance(factory, str):
        module, _, attr = factory.partition(":")
        factory = getattr(import_module(module), attr)
    return factory()  # type: ignore[operator]


def check_order(analyzers: list[Analyzer]) -> None:
    """Fail before any work when an analyzer requires a kind nothing earlier assigns."""
    available: set[str] = set()
    for a in analyzers:
        missing = [k for k in a.requires if k not in available]
        if missing:
            raise AnalyzerError(
                f"analyzer {a.name!r} requires {', '.join(missing)}; run the analyzers that assign "
                f"them first (pipeline order: {', '.join(x.name for x in analyzers)})"
            )
        available.update(a.assigns)
