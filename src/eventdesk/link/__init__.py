"""link: decide which incident an article reports (an existing one or a new one).

The linker sees the store only through ``CandidateIndex`` so that it never imports ``store``
(data flows one way); the store implements the protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from eventdesk.model import ArticleFacts, LinkFeatures
from eventdesk.registry import Registry


@dataclass(slots=True)
class Candidate:
    incident_id: str
    features: LinkFeatures  # the incident's merged features
    n_articles: int = 1


@dataclass(slots=True)
class LinkDecision:
    incident_id: str | None  # None: start a new incident
    score: float
    reason: str


class CandidateIndex(Protocol):
    def candidates(self, features: LinkFeatures, limit: int = 50) -> list[Candidate]:
        """Incidents that could be the one ``features`` describes (sub-linear lookup)."""
        ...


class Linker(Protocol):
    def link(self, facts: ArticleFacts, index: CandidateIndex) -> LinkDecision: ...

    def merge_features(self, items: list[LinkFeatures]) -> LinkFeatures:
        """An incident's features from its articles' features."""
        ...


linkers: Registry[Linker] = Registry("linker")


@linkers.register("default")
def _default_linker() -> Linker:
    from eventdesk.link.linker import DefaultLinker

    return DefaultLinker()


def get_linker(name: str = "default") -> Linker:
    return linkers.get(name)
