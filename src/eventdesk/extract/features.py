"""Link features: what the linker compares between an article and an incident.

``build_link_features(analysis, facts)`` is called by the extractor once per article.  It keeps
only what linking needs, in a compact JSON-able form (stored per article):

* ``terms``: lemmas of the words that are not stop words (of nouns, proper nouns, verbs and
  adjectives when the doc is tagged; numbers written as words are dropped) with a sublinear
  term frequency ``1 + log(tf)``; words of the headline and of the lead sentences count more, because they name the incident, the rest of an article often
  tells background.  No IDF here: document frequencies live in the store's link index and are
  applied at comparison time, so stored features never go stale.
* ``entities``: people (by surname, how follow-up reports name them), organisations and
  nationalities, normalised; officials quoted in the facts are added, ranked after the
  people the incident is about.
* ``places``: GPE/LOC/FAC mentions and the location fact's name/admin1.
* ``date``: the incident date from the asserted ``date`` fact (day precision only);
  ``published``: the publication date.
* ``event_type``, ``killed``, ``injured`` from asserted facts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from eventdesk.model import Analysis, Fact, LinkFeatures

#: How many terms an article keeps (by weight): bounds the stored size and the comparison cost.
MAX_TERMS = 150
#: Sentences at the start of an article that count extra (the lead names the incident).
LEAD_SENTENCES = 3
LEAD_BOOST = 3.0
TITLE_BOOST = 2.0

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_PERSON = {"PERSON"}
_ORG = {"ORG"}
# Nationalities ("French", "Somali") say where more than who.
_PLACE = {"GPE", "LOC", "FAC", "NORP"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.U)
_NUM = re.compile(r"^\d+(\.\d+)?$")
NUMBERS = True
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HONORIFIC = re.compile(
    r"^(mr|mrs|ms|dr|sgt|officer|deputy|det|detective|lt|capt|chief|sheriff|gov|governor|"
    r"president|minister|mayor|sen|senator|rep|judge|the)\.?\s+",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# A small stop list for the fallback tokenizer (no spaCy Doc) and for headline words.
_STOP_WORDS = """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours said says say also one two three
    new according told news report reported"""
_STOP = frozenset(_STOP_WORDS.split())


@lru_cache(maxsize=16384)
def norm_name(text: str) -> str:
    """Lower-case, strip accents, honorifics, possessives and punctuation (memoised: the same
    names and words recur across sentences and articles)."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.strip().lower()
    prev = None
    while prev != s:
        prev = s
        s = _HONORIFIC.sub("", s)
    s = _POSSESSIVE.sub("", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"[\s_-]+", " ", s).strip()
    return s


def _person_key(text: str) -> str | None:
    name = norm_name(text)
    # "Larry Watts Jr.": the surname is Watts (a key "jr" would tie every Jr. together)
    parts = [p for p in name.split() if len(p) > 1 and p not in _NAME_SUFFIXES]
    if not parts:
        return None
    # Follow-ups name people by surname ("Parish"), first reports by full name.
    return parts[-1]


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)


def _add(counter: dict[str, float], key: str | None, w: float = 1.0) -> None:
    if key and len(key) > 1 and not key.isdigit():
        counter[key] += w


@lru_cache(maxsize=100_000)
def lemma_of(word: str) -> str:
    """A word's dictionary lemma, without a part-of-speech tag (simplemma's English tables:
    "shootings" -> "shooting", "killed" -> "kill"), lower-cased."""
    from simplemma import lemmatize

    return str(lemmatize(word, lang="en")).lower()


def warm_up() -> None:
    """Load simplemma and its English tables now, in the process that forks the workers, so
    that they share them (else each worker loads them at its first untagged word: 0.3 s)."""
    lemma_of("warming")


def _terms_from_doc(doc: Any, lead_end: int, tagged: bool, start: int = 0) -> dict[str, float]:
    # The analyzer may tag words only where it must (``analyze.spacy_analyzer.load_nlp``): on
    # an untagged doc, every word that is not a stop word counts, by its dictionary lemma.
    tf: dict[str, float] = defaultdict(float)
    for tok in doc:
        if tok.idx < start:
            continue
        boost = 1.0 + (LEAD_BOOST if tok.idx < lead_end else 0.0)
        text = tok.text
        if NUMBERS and text[:1].isdigit() and len(text) >= 2:
            # figures are an incident's signature (a 31-24 score, magnitude 6.1, 23 pirates,
            # the year): kept as written
            num = text.replace(",", "")
            if _NUM.match(num):
                tf["#" + num] += boost
            continue
        if tok.is_stop or not tok.is_alpha:
            continue
        if tagged and tok.tag:  # (``tags="selective"`` leaves some sentences untagged)
            pos = tok.pos_
            if pos not in _CONTENT_POS:
                continue
            term = tok.lemma_.lower() if pos != "PROPN" else norm_name(text)
        else:
            term = lemma_of(tok.lower_ if text.isascii() else norm_name(text))
            if len(term) < 3:
                continue
        if len(term) < 2 or term in _STOP:
            continue
        tf[term] += boost
    return tf


def _terms_from_text(text: str, lead_end: int, start: int = 0) -> dict[str, float]:
    tf: dict[str, float] = defaultdict(float)
    for m in _WORD.finditer(text, start):
        w = norm_name(m.group(0))
        if len(w) < 3 or w in _STOP:
            continue
        tf[w] += 1.0 + (LEAD_BOOST if m.start() < lead_end else 0.0)
    return tf


def _asserted(facts: Iterable[Fact], name: str) -> list[Fact]:
    return [f for f in facts if f.field == name and f.modality in ("asserted", "hedged")]


def _best(facts: list[Fact]) -> Fact | None:
    if not facts:
        return None
    # asserted before hedged, then the most confident
    return max(facts, key=lambda f: (f.modality == "asserted", f.confidence))


#: A date the extractor found on weak cues only (confidence 0.5: no word of the attack near
#: it, or a cue of something else: "entered the plea Wednesday") does not date the incident
#: for linking: a follow-up dated by its hearing would be kept apart from its incident.
LINK_DATE_CONFIDENCE = 0.6


def _date_of(facts: list[Fact]) -> str | None:
    # a publication date standing in for a date the text does not give is no incident date
    f = _best(
        [
            x
            for x in facts
            if isinstance(x.value, dict)
            and x.value.get("basis") != "publication"
            and x.confidence >= LINK_DATE_CONFIDENCE
        ]
    )
    if f is None:
        return None
    value = f.value.get("value")
    if (
        isinstance(value, str)
        and _DATE.match(value[:10])
        and f.value.get("precision")
        in (
            None,
            "day",
            "exact",
            "time",
        )
    ):
        return value[:10]
    return None


def _int_of(facts: list[Fact]) -> int | None:
    vals = [f.value for f in facts if isinstance(f.value, int) and not isinstance(f.value, bool)]
    return max(vals) if vals else None


def ages_of(facts: Iterable[Fact]) -> list[int]:
    """The ages given for the people hurt or held ("a 16-year-old boy", "Meredith Jessie, 6,"),
    sorted: two reports of one shooting give the same ages; a shooting of a man the next day
    on the same block does not."""
    ages = set()
    for f in _asserted(facts, "participant"):
        v = f.value if isinstance(f.value, dict) else {}
        age = v.get("age")
        if isinstance(age, int) and not isinstance(age, bool) and v.get("role") != "official":
            ages.add(age)
    return sorted(ages)


#: Words of an address that name no particular street.
_ADDRESS_WORDS_TEXT = """st street ave avenue rd road dr drive ln lane blvd boulevard ct court pl
    place way cir circle hwy highway pkwy parkway ter terrace trl trail block blocks of the and
    at near on in n s e w north south east west ne nw se sw northeast northwest southeast
    southwest unit apartment apartments apt area intersection corner between off side"""
_ADDRESS_WORDS = frozenset(_ADDRESS_WORDS_TEXT.split())


def streets_of(facts: Iterable[Fact]) -> list[str]:
    """The street names of the incident's address ("4900 block of S. First Street" ->
    "first", "Seventh Street and Broadway" -> "broadway", "seventh"): two reports of one
    shooting usually give the same block; a shooting the same night across town does not."""
    keys: set[str] = set()
    for f in _asserted(facts, "location"):
        v = f.value if isinstance(f.value, dict) else {}
        detail = v.get("detail")
        if isinstance(detail, str):
            for w in re.findall(r"[a-z][a-z'’]+", norm_name(detail)):
                if len(w) > 2 and w not in _ADDRESS_WORDS:
                    keys.add(w)
    return sorted(keys)


def _most_common(counts: dict[str, float], n: int) -> list[str]:
    # by weight, then first mention (dicts keep insertion order; sorted is stable)
    return [k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:n]]


#: How far into the body a dateline reaches ("LOUISVILLE, KY (WAVE) –").
DATELINE_CHARS = 160


def _dateline_credit(text: str, start: int, end: int, body: int) -> bool:
    """An organisation in the dateline that is the outlet or its state, not an actor:
    "(WAVE)", "(AP)", "(CNN)", "LOUISVILLE, KY"; one station reports every shooting in its city."""
    if start - body > DATELINE_CHARS:
        return False
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    return text[max(0, start - 2) : start] == ", " and end - start <= 6


#: Words the tagger takes for an organisation at the start of a sentence ("Police say"):
#: every report of every shooting has them, so they tell no incident apart.
_GENERIC_ORGS = frozenset(
    [
        "police",
        "sheriff",
        "deputies",
        "authorities",
        "officials",
        "investigators",
        "detectives",
        "witness",
        "witnesses",
        "coroner",
        "hospital",
        "officers",
    ]
)


def _ranked_entities(counts: dict[str, float], speakers: set[str], n: int) -> list[str]:
    """Entities by weight, officials and named sources after all others."""
    ranked = _most_common(counts, n)
    return [e for e in ranked if e not in speakers] + [e for e in ranked if e in speakers]


def build_link_features(analysis: Analysis, facts: list[Fact]) -> LinkFeatures:
    """The linking view of one article (see the module docstring)."""
    article = analysis.article
    # The headline the cleaner put on top counts once, boosted as a headline (below), not
    # again as body and lead; its names too, unless there is no body.
    body = article.body_start
    sents = [s for s in analysis.sentences if s.start >= body]
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end if sents else 0
    untagged = analysis.doc is not None and not analysis.doc.has_annotation("TAG")
    if analysis.doc is not None:
        tf = _terms_from_doc(analysis.doc, lead_end, tagged=not untagged, start=body)
    else:
        tf = _terms_from_text(article.text, lead_end, start=body)
    # headline words as the body's terms are: lemmatised when the body had no tagger
    if article.title:
        for match in _WORD.finditer(article.title):
            w = norm_name(match.group(0))
            w = lemma_of(w) if untagged else w
            if len(w) >= 3 and w not in _STOP:
                tf[w] += TITLE_BOOST
    terms = {
        t: round(1.0 + math.log(c), 3)
        for t, c in sorted(tf.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    }

    ents: dict[str, float] = defaultdict(float)
    places: dict[str, float] = defaultdict(float)
    for m in analysis.mentions:
        if m.start < body:
            continue
        if m.label in _PERSON:
            _add(ents, _person_key(m.text))
        elif m.label in _ORG:
            if not _dateline_credit(article.text, m.start, m.end, body):
                org = norm_name(m.text)
                if org not in _GENERIC_ORGS:
                    _add(ents, org)
        elif m.label in _PLACE:
            _add(places, norm_name(m.text))

    # Officials and named sources are kept, but ranked after everyone else: a city's police
    # spokesman speaks for every shooting there, so sharing him says little about sharing
    # an incident, while the people hurt or held name it.
    speakers: set[str] = set()
    protagonists: set[str] = set()
    for f in _asserted(facts, "participant"):
        v = f.value if isinstance(f.value, dict) else {}
        if v.get("name"):
            key = _person_key(str(v["name"]))
            _add(ents, key, 2.0)
            if key:
                (speakers if v.get("role") == "official" else protagonists).add(key)
    for f in facts:
        # a named source ("Johanna Primevert", "Reuters"), not "a local police spokesman"
        if (
            f.attribution
            and f.modality != "related"
            and _is_name(f.attribution)
            and norm_name(f.attribution) not in _GENERIC_ORGS
        ):
            _add(ents, norm_name(f.attribution))
            speakers.add(norm_name(f.attribution))
    speakers -= protagonists
    for f in _asserted(facts, "location"):
        v = f.value if isinstance(f.value, dict) else {}
        if v.get("basis") == "outlet":
            continue  # the outlet's home, not a place the text names
        for key in ("name", "admin1"):
            if v.get(key):
                _add(places, norm_name(str(v[key])), 2.0)

    event = _best([f for f in _asserted(facts, "event_type") if isinstance(f.value, str)])
    published = article.published.date().isoformat() if article.published else None
    return LinkFeatures(
        terms=terms,
        entities=_ranked_entities(ents, speakers, 40),
        places=_most_common(places, 20),
        date=_date_of(_asserted(facts, "date")),
        published=published,
        event_type=str(event.value) if event is not None else None,
        killed=_int_of(_asserted(facts, "killed")),
        injured=_int_of(_asserted(facts, "injured")),
        ages=ages_of(facts),
        streets=streets_of(facts),
    )
