"""analyze: Article -> Analysis (sentences, entities, dates, places, numbers)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from eventdesk.model import Analysis, Article


class Analyzer(Protocol):
    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyze articles in order (may batch internally); yields one Analysis per article."""
        ...


def get_analyzer(name: str = "spacy") -> Analyzer:
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer

    if name != "spacy":
        raise KeyError(f"unknown analyzer {name!r}")
    return SpacyAnalyzer()
