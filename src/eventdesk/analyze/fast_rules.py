"""Two rule components of spaCy's English pipelines, made faster with the same output.

``AttributeTable``: spaCy's ``attribute_ruler``, applied through a lookup table instead of the
``Matcher``.  The English pipelines' attribute ruler maps each fine-grained tag to its coarse part of
speech and morphology, with exceptions for some words ("n't" is PART, "'s" after "let" is
"us").  spaCy runs its ``Matcher`` over every token with all ~180 patterns, which costs ~6 ms
of an article's ~50 ms of analysis.  Almost every pattern reads one token, and whether it
matches depends only on that token's (lower form, tag, is-space, dependency label): so the
matching patterns are computed once per distinct combination and cached (the lower form only
when a pattern names it, so the table stays small however many words go by); the few patterns
that span two tokens still go through a ``Matcher`` of their own.  The result is the same as
the ruler's (patterns applied in order, later ones winning).

``CachedLemmatizer``: spaCy's rule lemmatizer caches a word's lemma by (word, part of speech,
morphology) except when the word is its own base form, which it works out again every time
(most words of a text): here every answer is cached.

``tests/test_analyze_spacy.py`` checks both against the originals on real text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs


def _value_matches(pred: Any, value: Any) -> bool:
    if isinstance(pred, dict):
        for op, arg in pred.items():
            if op == "IN" and value not in arg:
                return False
            if op == "NOT_IN" and value in arg:
                return False
            if op == "REGEX" and not re.search(arg, str(value)):
                return False
            if op not in ("IN", "NOT_IN", "REGEX"):
                raise ValueError(f"unsupported pattern operator {op!r}")
        return True
    return bool(pred == value)


_KEYS = ("LOWER", "TAG", "IS_SPACE", "DEP")


class AttributeTable:
    """Drop-in for a loaded ``AttributeRuler`` (same patterns, same output, faster)."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        #: (pattern id, token pattern) for the patterns that read one token
        self.singles: list[tuple[int, dict[str, Any]]] = []
        self.multi = Matcher(ruler.vocab)
        for pid, p in enumerate(ruler.patterns):
            alternatives = p["patterns"]
            if all(len(alt) == 1 and set(alt[0]) <= set(_KEYS) for alt in alternatives):
                self.singles += [(pid, alt[0]) for alt in alternatives]
            else:
                self.multi.add(str(pid), alternatives)
        self._cache: dict[tuple[str, str, bool, str], tuple[int, ...]] = {}
        # the lower forms patterns name; any other word stands for all others ("\0")
        self.words: set[str] = set()
        regexes: list[str] = []
        for _, pat in self.singles:
            pred = pat.get("LOWER")
            if isinstance(pred, str):
                self.words.add(pred)
            elif isinstance(pred, dict):
                self.words.update(pred.get("IN", ()), pred.get("NOT_IN", ()))
                if "REGEX" in pred:
                    regexes.append(pred["REGEX"])
        self.word_rx = re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None

    def _word(self, lower: str) -> str:
        if lower in self.words or (self.word_rx is not None and self.word_rx.search(lower)):
            return lower
        return "\0"

    def _matching(self, key: tuple[str, str, bool, str]) -> tuple[int, ...]:
        found = self._cache.get(key)
        if found is None:
            values = dict(zip(_KEYS, key, strict=True))
            found = tuple(
                sorted(
                    {
                        pid
                        for pid, pat in self.singles
                        if all(_value_matches(pred, values[k]) for k, pred in pat.items())
                    }
                )
            )
            self._cache[key] = found
        return found

    def __call__(self, doc: Any) -> Any:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        extra: dict[int, list[int]] = defaultdict(list)  # token -> ids of multi-token patterns
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                pid = int(self.ruler.vocab.strings[match_id])
                extra[doc[start:end][indices[pid]].i].append(pid)
        for tok in doc:
            pids = self._matching((self._word(tok.lower_), tok.tag_, tok.is_space, tok.dep_))
            if tok.i in extra:
                pids = tuple(sorted(pids + tuple(extra[tok.i])))
            for pid in pids:
                set_token_attrs(tok, attrs[pid])
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


#: Entries kept by ``CachedLemmatizer`` before it starts afresh (bounded memory).
LEMMA_CACHE_SIZE = 200_000


class CachedLemmatizer:
    """Drop-in for a loaded rule ``Lemmatizer``: the same lemmas, each worked out once."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        # (word, part of speech, morphology) -> the lemma's string hash (hashes are the same
        # in every process and vocab; the string is added to each doc's vocab when worked out)
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        cache, overwrite, strings = self._cache, self.lemmatizer.overwrite, doc.vocab.strings
        # whole columns at once: a token's attributes one by one cost more than the look-up
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if not overwrite and lemma != 0:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None or found not in strings:
                if len(cache) >= LEMMA_CACHE_SIZE:
                    cache.clear()
                found = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)
