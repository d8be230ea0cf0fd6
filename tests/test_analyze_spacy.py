"""The spaCy analyzer: sentences (one per line at least), mentions, parsing on request; and
analysis + extraction in worker processes (``pipeline.analyze_and_extract``)."""

from __future__ import annotations

from typing import Any

from eventdesk.analyze import get_analyzer
from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer, parse_sentence
from eventdesk.model import Analysis, Article


def _analyze(text: str) -> Analysis:
    return next(SpacyAnalyzer().analyze([Article(id="a", text=text, raw=text)]))


def test_sentences_split_at_line_breaks_and_offsets_hold() -> None:
    text = (
        "It was before 8AM.”\nThe gunfire was followed by sirens.\n"
        "Donald Trump has won Pennsylvania…\n"
    )
    an = _analyze(text)
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


def test_a_titles_full_stop_ends_no_sentence() -> None:
    text = (
        "According to Sgt. David E. De Foor, the girl was shot in the head Wednesday. "
        "The shooting was reported, Toledo police Sgt. Joseph Trudeau said.\nDr. Ann Lee"
    )
    assert [s.text for s in _analyze(text).sentences] == [
        "According to Sgt. David E. De Foor, the girl was shot in the head Wednesday.",
        "The shooting was reported, Toledo police Sgt. Joseph Trudeau said.",
        "Dr. Ann Lee",
    ]


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
        for a in SpacyAnalyzer(batch_size=2, n_process=2).analyze(arts)
    ]
    assert one == two
    assert [a for a in one] and all(len(x) == 3 for x in one)


class _FailsOn:
    """An extractor that raises on one article (a rule bug), to check the run goes on."""

    def __init__(self, bad: str) -> None:
        from eventdesk.extract import get_extractor

        self.bad = bad
        self.real = get_extractor()

    def extract(self, analysis: Any) -> Any:
        if analysis.article.id == self.bad:
            raise IndexError("list index out of range")
        return self.real.extract(analysis)


def test_worker_processes_give_the_facts_of_one_process_and_name_failures() -> None:
    from eventdesk.pipeline import Components, analyze_and_extract

    text = (
        "A man was shot and killed Monday night.\nThe weather was fine.\n"
        "Two other people were wounded, police said.\n"
    )
    arts = [
        Article(id=str(i), text=text.replace("man", f"man, {20 + i},"), raw=text) for i in range(7)
    ]
    c = Components.default()
    c.extractor = _FailsOn("3")
    one = list(analyze_and_extract(c, arts, processes=1))
    two = list(analyze_and_extract(c, arts, processes=2, min_articles_for_workers=2))
    assert [x if isinstance(x, str) else [f.to_json() for f in x.facts] for x in one] == [
        x if isinstance(x, str) else [f.to_json() for f in x.facts] for x in two
    ]
    assert [x.article_id for x in two if not isinstance(x, str)] == ["0", "1", "2", "4", "5", "6"]
    assert two[3] == "extraction failed: IndexError: list index out of range"
    first = two[0]
    assert not isinstance(first, str)
    assert any(f.field == "killed" and f.value == 1 for f in first.facts)
    assert any(f.field == "injured" and f.value == 2 for f in first.facts)


def test_fast_rule_components_match_spacys_own() -> None:
    """``fast_rules`` replaces spaCy's attribute ruler and lemmatizer: same output, faster."""
    from eventdesk.analyze.spacy_analyzer import load_nlp

    fast, own = load_nlp(tags="all"), load_nlp(attributes="ruler", tags="all")
    assert "eventdesk_attribute_table" in fast.pipe_names
    assert "attribute_ruler" in own.pipe_names
    texts = [
        "Police said two men were shot and killed late Saturday; a third wasn't hurt.\n"
        "Y'all gonna see it, c'm on, ain't nothin' to it, let's go, it's got ta be.\n\n"
        "She had been taken to the hospital, where she died. Don't. I'd say he gets it.",
        "The 19-year-old suspect, who was arrested Tuesday, is being held on $50,000 bail.  \t",
    ]
    for a, b in zip(fast.pipe(texts), own.pipe(texts), strict=True):
        got = [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in a]
        want = [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in b]
        assert got == want


def test_numpy_blas_gives_the_tags_and_entities_of_blis() -> None:
    """``analyze.blas``: the models multiply through NumPy's BLAS; the output is BLIS's."""
    from eventdesk.analyze.blas import NumpyBlasOps
    from eventdesk.analyze.spacy_analyzer import load_nlp

    fast, own = load_nlp(blas="numpy"), load_nlp(blas="blis")
    assert isinstance(fast.get_pipe("tok2vec").model.ops, NumpyBlasOps)
    assert isinstance(fast.get_pipe("ner").model.get_ref("tok2vec").ops, NumpyBlasOps)
    assert not isinstance(own.get_pipe("tok2vec").model.ops, NumpyBlasOps)
    texts = [
        "Officer Clarissa Jean-Philippe, 26, was shot dead in Montrouge, south of Paris, on "
        "Thursday morning. A street sweeper was seriously wounded, police said.",
        "Two men were shot and killed late Saturday on the 1500 block of West Monroe Street "
        "in Chicago, according to Sgt. Ann Lee of the Chicago Police Department.",
    ]
    for a, b in zip(fast.pipe(texts), own.pipe(texts), strict=True):
        assert [(t.tag_, t.ent_iob_, t.ent_type_) for t in a] == [
            (t.tag_, t.ent_iob_, t.ent_type_) for t in b
        ]
        assert [s.start for s in a.sents] == [s.start for s in b.sents]


def test_entities_only_where_worth_it_and_at_the_right_offsets() -> None:
    from eventdesk.analyze.spacy_analyzer import NER_LEAD

    lead = ["A store was robbed in Dayton, Ohio, on Friday."]
    lead += ["The street was quiet again."] * (NER_LEAD - 1)
    late = [
        "The weather in Chicago was mild that week.",  # nothing about people: skipped
        "The victim was identified as Maria Lopez, 34, of Toledo.",
        "Interior Minister Bernard Cazeneuve visited the scene.",
    ]
    text = "\n".join(lead + late)
    an = next(SpacyAnalyzer().analyze([Article(id="n", text=text, raw=text)]))
    found = {(m.text, m.label) for m in an.mentions}
    for m in an.mentions:
        assert text[m.start : m.end] == m.text
    assert ("Dayton", "GPE") in found
    assert ("Maria Lopez", "PERSON") in found and ("Toledo", "GPE") in found
    assert ("Bernard Cazeneuve", "PERSON") in found
    assert not any(m.text == "Chicago" for m in an.mentions)
    full = load_full_ner_mentions(text)
    assert ("Chicago", "GPE") in full  # the full recogniser would have found it


def test_sentences_that_cannot_name_anyone_skip_the_recogniser() -> None:
    from eventdesk.analyze.spacy_analyzer import SelectiveNer, load_nlp

    for tags in ("all", "selective", "parsed"):
        nlp = load_nlp(tags=tags)
        ner = SelectiveNer(nlp)
        text = (
            "Police said the boy was taken to a hospital.\n"
            "He was shot twice, officers said.\n"
            "Deputies said Jamal Reed, 19, was arrested.\n"
            "Officers found the victim, Reed said.\n"
        )
        with nlp.select_pipes(disable=["eventdesk_selective_ner"]):
            doc = nlp(text)
        part, keep = ner._selected(doc)
        kept = {doc[i].sent.text.strip() for i in keep}
        assert "Deputies said Jamal Reed, 19, was arrested." in kept
        assert "Officers found the victim, Reed said." in kept  # a capital past the first word
        assert "He was shot twice, officers said." not in kept  # "He" is a stop word
        if tags != "parsed":  # tagged: a first word is a name only when a proper noun
            assert "Police said the boy was taken to a hospital." not in kept


def load_full_ner_mentions(text: str) -> set[tuple[str, str]]:
    from eventdesk.analyze.spacy_analyzer import load_nlp

    return {(e.text, e.label_) for e in load_nlp(ner="full")(text).ents}


def test_parsed_sentences_are_tagged_though_the_doc_is_not() -> None:
    text = "The weather was fine.\nPolice said two men were shot and killed on Main Street.\n"
    from eventdesk.analyze.spacy_analyzer import analysis_from_doc, load_nlp

    art = Article(id="t", text=text, raw=text)
    an = analysis_from_doc(art, load_nlp(tags="parsed")(text))
    assert not an.doc.has_annotation("TAG")  # words are tagged only where parsed
    s = an.sentences[1]
    sd = parse_sentence(an.doc, s.start, s.end)
    assert sd.has_annotation("TAG") and sd.has_annotation("DEP")
    assert {t.text: t.lemma_ for t in sd}["killed"] == "kill"
    assert {t.text: t.pos_ for t in sd}["men"] == "NOUN"


def test_selective_tagging_tags_the_lead_and_the_sentences_about_people() -> None:
    """``tags="selective"`` (the default): the lead and the sentences that may name someone
    hurt or held are tagged as the full pipeline tags them; the rest are left untagged, their
    link terms are dictionary lemmas, and a parse of one tags its copy first."""
    import numpy

    from eventdesk.analyze.spacy_analyzer import analysis_from_doc, load_nlp
    from eventdesk.extract.features import build_link_features

    lead = [f"Paragraph {i} of the report on the shooting in Gary, Ind. today." for i in range(8)]
    late = [
        "The weather stayed cold and the neighbours kept their dogs inside.",
        "The victim was identified as Maria Lopez, 34, of Toledo.",
        "Neighbours gathered flowers near the corner stores on Elm Avenue.",
    ]
    text = "\n".join(lead + late)
    doc = load_nlp()(text)
    full = load_nlp(tags="all")(text)
    sents = list(doc.sents)
    assert len(sents) == 11
    tagged = [all(t.tag for t in s) for s in sents]
    assert tagged == [True] * 8 + [False, True, False]
    for s, f in zip(sents[:7], list(full.sents)[:7], strict=True):  # away from the gaps
        assert [(t.tag_, t.lemma_) for t in s] == [(t.tag_, t.lemma_) for t in f]
        # the parser reads these rows; the tokenizer's norms ("Ind." -> "Indiana") count
        assert numpy.allclose(doc.tensor[s.start : s.end], full.tensor[f.start : f.end], atol=1e-5)
    assert ("Maria Lopez", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    art = Article(id="s", text=text, raw=text)
    an = analysis_from_doc(art, doc)
    terms = build_link_features(an, []).terms
    assert {"weather", "neighbour", "dog", "flower", "store"} <= set(terms)  # simplemma
    assert "stores" not in terms and "the" not in terms
    s = an.sentences[10]
    sd = parse_sentence(an.doc, s.start, s.end)
    assert sd.has_annotation("TAG") and sd.has_annotation("DEP")
    assert {t.text: t.lemma_ for t in sd}["gathered"] == "gather"


def test_link_terms_of_an_untagged_doc_are_dictionary_lemmas() -> None:
    from eventdesk.analyze.spacy_analyzer import analysis_from_doc, load_nlp
    from eventdesk.extract.features import build_link_features

    text = "Two shootings left officers wounded.\nThe gunmen fled."
    art = Article(id="l", text=text, raw=text, title="Shootings in Dayton")
    terms = build_link_features(analysis_from_doc(art, load_nlp(tags="parsed")(text)), []).terms
    assert {"shooting", "officer", "gunman", "flee"} <= set(terms)
    assert "shootings" not in terms and "the" not in terms


class _DiesOn(_FailsOn):
    """An extractor whose worker process dies (as when the kernel kills it for memory)."""

    def extract(self, analysis: Any) -> Any:
        import os

        if analysis.article.id == self.bad:
            os._exit(1)
        return self.real.extract(analysis)


def test_a_dead_worker_is_reported_and_what_is_stored_stays(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from eventdesk import pipeline
    from eventdesk.api import Desk
    from eventdesk.pipeline import Components

    monkeypatch.setattr(pipeline, "MIN_ARTICLES_FOR_WORKERS", 2)
    monkeypatch.setattr(pipeline, "WORKER_BATCH", 1)
    c = Components.default()
    c.extractor = _DiesOn("a9")
    items = [
        {"id": f"a{i}", "text": f"A man, {20 + i}, was shot in Dayton, Ohio, on day {i} of May."}
        for i in range(12)
    ]
    with Desk(tmp_path / "d.db", c, processes=2) as desk:
        report = desk.ingest(items)
        assert any("analysis worker process died" in e for e in report.errors)
        assert report.stored >= 1  # the articles before it were stored and stay
        stored = {r["id"] for r in desk.store.article_rows()}
    assert "a0" in stored and "a9" not in stored


def test_link_names_rank_the_people_hurt_or_held_before_officials() -> None:
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
    from eventdesk.extract import get_extractor

    text = (
        "LOUISVILLE, KY (WAVE) - Larry Watts Jr. was shot and killed on Magazine Street on "
        "Friday. Police spokesman Dwight Mitchell said officers found Watts in the street. "
        '"We are asking for help," Mitchell said.'
    )
    art = Article(id="o", text=text, raw=text)
    ents = get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).features.entities
    assert ents.index("watts") < ents.index("mitchell")  # the spokesman speaks for every case
    assert "jr" not in ents  # a Jr. is his surname's
    assert "wave" not in ents  # the station that reports every shooting of its city


def test_police_who_speak_for_every_shooting_are_no_link_entity() -> None:
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
    from eventdesk.extract import get_extractor

    # two shootings in one city a year apart shared only "Police" and were linked
    text = (
        "Three people were shot at a Memphis apartment complex, and two are in critical "
        "condition.\n\nPolice said a 15-year-old was shot and taken to the hospital via "
        "private vehicle. The second victim, an adult man, was taken to the hospital in "
        "critical condition with a gunshot wound."
    )
    art = Article(id="p", text=text, raw=text)
    ents = get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).features.entities
    assert "police" not in ents


def test_link_streets_are_the_street_names_of_the_address() -> None:
    from eventdesk.extract.features import streets_of
    from eventdesk.model import Fact

    def loc(detail: str) -> Fact:
        return Fact("location", {"name": "Louisville", "detail": detail}, [], "asserted")

    assert streets_of([loc("4900 block of S. First Street")]) == ["first"]
    assert streets_of([loc("Seventh Street and Broadway")]) == ["broadway", "seventh"]
