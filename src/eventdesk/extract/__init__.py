"""extract: Analysis -> ArticleFacts (incident facts, each with evidence, plus link features)."""

from __future__ import annotations

from typing import Protocol

from eventdesk.model import Analysis, ArticleFacts


class Extractor(Protocol):
    def extract(self, analysis: Analysis) -> ArticleFacts: ...


def get_extractor(name: str = "rules") -> Extractor:
    from eventdesk.extract.extractor import RuleExtractor

    if name != "rules":
        raise KeyError(f"unknown extractor {name!r}")
    return RuleExtractor()
