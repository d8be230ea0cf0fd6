"""extract: Analysis -> ArticleFacts (incident facts, each with evidence, plus link features)."""

from __future__ import annotations

from typing import Protocol

from eventdesk.model import Analysis, ArticleFacts
from eventdesk.registry import Registry


class Extractor(Protocol):
    def extract(self, analysis: Analysis) -> ArticleFacts: ...


extractors: Registry[Extractor] = Registry("extractor")


@extractors.register("rules")
def _default_extractor() -> Extractor:
    from eventdesk.extract.extractor import RuleExtractor

    return RuleExtractor()


def get_extractor(name: str = "rules") -> Extractor:
    return extractors.get(name)
