"""analyze: Article -> Analysis (sentences, entities, dates, places, numbers)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from eventdesk.model import Analysis, Article
from eventdesk.registry import Registry


class Analyzer(Protocol):
    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyze articles in order (may batch internally); yields one Analysis per article."""
        ...


analyzers: Registry[Analyzer] = Registry("analyzer")


@analyzers.register("spacy")
def _default_analyzer() -> Analyzer:
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer

    return SpacyAnalyzer()


def get_analyzer(name: str = "spacy") -> Analyzer:
    return analyzers.get(name)
