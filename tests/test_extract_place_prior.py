"""The outlet prior settles namesake towns the text leaves open."""

from __future__ import annotations

from eventdesk.extract.location import apply_place_prior
from eventdesk.model import Evidence, Fact


class Prior:
    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts

    def admin1_counts(self, source: str) -> dict[str, int]:
        return self.counts.get(source, {})


def _franklin() -> Fact:
    tn = {"name": "Franklin", "admin1": "Tennessee", "country": "US", "lat": 35.9, "lon": -86.9}
    ind = {"name": "Franklin", "admin1": "Indiana", "country": "US", "lat": 39.5, "lon": -86.1}
    value = {**tn, "precision": "city", "detail": None, "candidates": [tn, ind]}
    return Fact("location", value, [Evidence("a", 0, 8, "Franklin")], confidence=0.5)


def test_outlet_prior_repicks_namesake() -> None:
    f = _franklin()
    apply_place_prior([f], "fox59.com", Prior({"fox59.com": {"Indiana": 3}}))
    assert f.value["admin1"] == "Indiana" and f.value["lat"] == 39.5
    assert "outlet" in f.value["resolved_by"]


def test_no_prior_or_weaker_prior_keeps_the_pick() -> None:
    f = _franklin()
    apply_place_prior([f], "unknown.example", Prior({}))
    assert f.value["admin1"] == "Tennessee"
    g = _franklin()
    apply_place_prior([g], "paper", Prior({"paper": {"Indiana": 1, "Tennessee": 2}}))
    assert g.value["admin1"] == "Tennessee" and "resolved_by" not in g.value
