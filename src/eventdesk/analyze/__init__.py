"""analyze: Article -> Analysis (sentences, entities, dates, places, numbers)."""

from __future__ import annotations

import os
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

    # worker processes for nlp.pipe (the parse of casualty sentences happens there too)
    return SpacyAnalyzer(n_process=int(os.environ.get("EVENTDESK_PROCESSES", "1") or 1))


def get_analyzer(name: str = "spacy") -> Analyzer:
    return analyzers.get(name)
