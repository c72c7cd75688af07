"""The "techniques" analyzer: persuasion-technique spans (SemEval-2020 Task 11 labels)."""
from __future__ import annotations

from typing import ClassVar

from narratrace.analyze.base import AnalysisContext
from narratrace.model import Annotation, Article


class TechniquesAnalyzer:
    """Technique spans with offsets, label (the technique) and score, from the shipped model."""

    name: ClassVar[str] = "techniques"
    version: ClassVar[str] = "2"  # 2: the model trained on all 371 articles, int8
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("technique",)
    needs_doc: ClassVar[bool] = False

    def analyze(self, article: Article, ctx: AnalysisContext) -> list[Annotation]:
        from narratrace.techniques.detect import detect_techniques
        from narratrace.techniques.runtime import default_model_dir, model_dir_for

        model = default_model_dir()
        extra = {} if model == model_dir_for("default") else {"model": str(model)}  # provenance of another model
        return [
            Annotation(self.name, self.version, "technique", s.start, s.end, s.technique, {"score": s.score, **extra})
            for s in detect_techniques(article.text)
        ]
