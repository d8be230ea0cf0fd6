"""Unit tests of the extractor's parts: numbers, dates, attribution, casualty parses, gazetteer."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer, load_nlp, parse_sentence
from eventdesk.extract import get_extractor
from eventdesk.extract.casualties import statements
from eventdesk.extract.context import attribution_of
from eventdesk.extract.dates import find_dates, find_times
from eventdesk.extract.numbers import parse_number
from eventdesk.model import Article


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two", 2),
        ("Twenty-one", 21),
        ("a dozen", 12),
        ("12", 12),
        ("1,200", 1200),
        ("both", 2),
        ("several", None),
        ("thirty five", 35),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_relative_dates_resolve_against_publication() -> None:
    pub = date(2014, 2, 4)  # a Tuesday
    got = {d.text: d.value for d in find_dates("Around 10:30 Monday night and yesterday", pub)}
    assert got["Monday night"] == date(2014, 2, 3)
    assert got["yesterday"] == date(2014, 2, 3)
    assert find_dates("on Feb. 4, 2014 and Dec. 30", pub)[1].value == date(2013, 12, 30)
    unresolved = find_dates("this morning", None)[0]
    assert unresolved.value is None and unresolved.precision == "unknown"
    poss = find_dates("after yesterday's massacre", pub)[0]
    assert poss.possessive


def test_times() -> None:
    t = find_times("The incident happened just after 8AM near a station, at 10:30 p.m.")
    assert [(x.value, x.qualifier) for x in t] == [("08:00", "just after"), ("22:30", None)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("One of the men was arrested, said a local police spokesman.", "a local police spokesman"),
        ("The man was shot Monday, Detroit police said.", "Detroit police"),
        ("According to the coroner, she died at 9 p.m.", "the coroner"),
        (
            "The report has been denied by the French Interior Ministry.",
            "the French Interior Ministry",
        ),
        ("He was shot in the leg.", None),
    ],
)
def test_attribution(sentence: str, source: str | None) -> None:
    assert attribution_of(sentence) == source


def _statement(text: str) -> list[tuple[str, int | None, str, bool]]:
    doc = load_nlp()(text)
    sd = parse_sentence(doc, 0, len(text))
    return [(p.text, p.count, p.status, p.perp) for p in statements(sd, 0).patients]


def test_casualty_statements() -> None:
    assert _statement("Two people were killed and three others were wounded in a shooting.") == [
        ("Two people", 2, "killed", False),
        ("three others", 3, "injured", False),
    ]
    got = _statement("One French police officer and a gunman have been shot dead.")
    assert [(c, s, p) for _, c, s, p in got] == [(1, "killed", False), (1, "killed", True)]
    # an apposition ("including two police officers") is not counted again
    got = _statement("In the attack 12 people, including two police officers, were killed.")
    assert [(c, s) for _, c, s, _ in got] == [(12, "killed")]
    assert _statement("No one was hurt.") == []


def _extract(text: str, published: str | None = None) -> dict[str, list[object]]:
    art = Article(
        id="t",
        text=text,
        raw=text,
        published=datetime.fromisoformat(published) if published else None,
    )
    an = next(SpacyAnalyzer().analyze([art]))
    facts = get_extractor().extract(an).facts
    out: dict[str, list[object]] = {}
    for f in facts:
        out.setdefault(f"{f.field}/{f.modality}", []).append(f.value)
    return out


def test_us_article_end_to_end() -> None:
    text = (
        "INDIANAPOLIS — A 23-year-old man was shot and killed Saturday night on the city's "
        "east side, Indianapolis police said.\n"
        "Police identified the victim as John Doe. A second man, 30, was taken to Eskenazi "
        "Hospital in stable condition.\n"
        "Officers arrested Jim Roe, 25, on a preliminary charge of murder.\n"
    )
    got = _extract(text, "2016-05-08")
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [1]
    assert got["date/asserted"][0] == {"value": "2016-05-07", "precision": "day", "time": None}
    loc = got["location/asserted"][0]
    assert isinstance(loc, dict)
    assert (loc["name"], loc["admin1"], loc["country"]) == ("Indianapolis", "Indiana", "US")
    people = {p["name"]: p for p in got["participant/asserted"] if isinstance(p, dict)}
    assert people["John Doe"]["role"] == "victim"
    assert people["Jim Roe"]["role"] == "suspect" and people["Jim Roe"]["status"] == "arrested"
    assert people["Jim Roe"]["age"] == 25


def test_no_casualties_said_explicitly() -> None:
    got = _extract(
        "Shots were fired at a house on Main Street in Dayton, Ohio, on Friday. "
        "No one was injured, police said.",
        "2016-05-08",
    )
    assert got["injured/asserted"] == [0]
    assert "killed/asserted" not in got


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "…",
        "Copyright 2016 All rights reserved.",
        "shot " * 400,
        "He said.\n" * 50,
        "A" * 5000,
    ],
)
def test_odd_texts_do_not_break_extraction(text: str) -> None:
    art = Article(id="odd", text=text, raw=text)
    an = next(SpacyAnalyzer().analyze([art]))
    af = get_extractor().extract(an)
    for f in af.facts:
        for e in f.evidence:
            assert text[e.start : e.end] == e.quote
