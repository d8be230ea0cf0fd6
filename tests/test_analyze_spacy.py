"""The spaCy analyzer: sentences (one per line at least), mentions, selective parsing."""

from __future__ import annotations

from eventdesk.analyze import get_analyzer
from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer, parse_sentence
from eventdesk.model import Article


def test_sentences_split_at_line_breaks_and_offsets_hold() -> None:
    text = (
        "It was before 8AM.”\nThe gunfire was followed by sirens.\n"
        "Donald Trump has won Pennsylvania…\n"
    )
    an = next(SpacyAnalyzer().analyze([Article(id="a", text=text, raw=text)]))
    assert [s.text for s in an.sentences] == [
        "It was before 8AM.”",
        "The gunfire was followed by sirens.",
        "Donald Trump has won Pennsylvania…",
    ]
    for s in an.sentences:
        assert text[s.start : s.end] == s.text
    for m in an.mentions:
        assert text[m.start : m.end] == m.text
        sent = an.sentences[m.sentence]
        assert sent.start <= m.start and m.end <= sent.end
    assert any(m.label == "PERSON" and m.text == "Donald Trump" for m in an.mentions)


def test_parser_runs_only_on_request() -> None:
    text = "Police said a man was shot and killed. The weather was fine."
    an = next(get_analyzer().analyze([Article(id="b", text=text, raw=text)]))
    assert not an.doc.has_annotation("DEP")
    s = an.sentences[0]
    sd = parse_sentence(an.doc, s.start, s.end)
    assert sd.has_annotation("DEP")
    assert [t.text for t in sd] == [t.text for t in an.doc[: len(sd)]]
    assert parse_sentence(an.doc, s.start, s.end) is sd  # cached


def test_batches_and_processes_give_the_same_sentences() -> None:
    texts = [f"Article {i}. A man was shot in Dayton.\nSecond line {i}." for i in range(5)]
    arts = [Article(id=str(i), text=t, raw=t) for i, t in enumerate(texts)]
    one = [[s.text for s in a.sentences] for a in SpacyAnalyzer(batch_size=2).analyze(arts)]
    two = [
        [s.text for s in a.sentences]
        for a in SpacyAnalyzer(batch_size=2, n_process=2, min_articles_for_workers=0).analyze(arts)
    ]
    assert one == two
    assert [a for a in one] and all(len(x) == 3 for x in one)


def test_parses_made_in_worker_processes_come_back() -> None:
    from eventdesk.extract import get_extractor

    text = (
        "A man was shot and killed Monday night.\nThe weather was fine.\n"
        "Two other people were wounded, police said.\n"
    )
    arts = [Article(id=str(i), text=text, raw=text) for i in range(3)]
    ex = get_extractor()
    one = [ex.extract(a) for a in SpacyAnalyzer(n_process=1).analyze(arts)]
    two_an = list(
        SpacyAnalyzer(n_process=2, batch_size=1, min_articles_for_workers=0).analyze(arts)
    )
    stored = [k for k in two_an[0].doc.user_data if str(k).startswith("eventdesk_parse:")]
    assert len(stored) == 2  # the two casualty sentences, not the weather
    sd = parse_sentence(two_an[0].doc, 0, 39)
    assert sd.has_annotation("DEP") and sd.user_data["eventdesk_base"] == 0
    two = [ex.extract(a) for a in two_an]
    assert [[f.to_json() for f in x.facts] for x in one] == [
        [f.to_json() for f in x.facts] for x in two
    ]
    assert any(f.field == "killed" and f.value == 1 for f in one[0].facts)
