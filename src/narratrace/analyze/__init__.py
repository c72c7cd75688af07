"""Analyzers: each adds annotations (spans with offsets) to an article."""
from narratrace.analyze.base import Analyzer, AnalysisContext, get_analyzer, registered, register

__all__ = ["Analyzer", "AnalysisContext", "get_analyzer", "registered", "register"]
