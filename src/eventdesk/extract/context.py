"""Per-sentence context the extractors share: incident cue, related/retracted/denied/hedged
modality, the source a sentence is attributed to, junk lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventdesk.extract.lexicon import (
    DENIED_RE,
    HEDGED_RE,
    INCIDENT_RE,
    JUNK_RE,
    RELATED_RE,
    RETRACTED_RE,
    for_lowered_text,
)
from eventdesk.model import Analysis, Evidence

# searched in every sentence's lower-cased text (``sentence_infos``)
_JUNK, _RELATED, _RETRACTED, _DENIED, _HEDGED, _INCIDENT = map(
    for_lowered_text, (JUNK_RE, RELATED_RE, RETRACTED_RE, DENIED_RE, HEDGED_RE, INCIDENT_RE)
)
_OTHER_INCIDENT = re.compile(r"\b(?:separate|unrelated|different|another)\b")


@dataclass(slots=True)
class SentInfo:
    idx: int
    start: int
    end: int
    text: str
    para: int
    incident: bool
    related: bool
    modality: str  # asserted | hedged | retracted | denied | related
    attribution: str | None
    junk: bool
    #: the headline the cleaner put on top of the text (``headline_in_text``)
    headline: bool = False
    #: place in the story: the lede is 0; a headline counts as a little further down, since it
    #: names the incident by its best-known place ("Pittsburgh") where the lede is exact
    pos: int = 0


_ATTR_AFTER = re.compile(
    r"(?:,|“|”|\"|—|–)\s*(?:said|says|told|added|explained)\s+(?P<src>[^,.;:“”\"]{2,60}?)"
    r"\s*(?:[.;:]\s*$|,|$)"
)
_ATTR_TRAILING = re.compile(
    r",[”\"]?\s+(?P<src>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)\s+(?:said|says|say|reported|added)\s*"
    r"(?:on\s+\w+day|\w+day|in a (?:statement|news release|release))?\s*\.?$"
)
_ATTR_ACCORDING = re.compile(
    r"\baccording to\s+(?P<src>(?:the\s+|an?\s+)?(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[,.;]|\s+(?:who|"
    r"which|that)\b|$)",
    re.I,
)
_ATTR_BEFORE = re.compile(
    r"^(?:[“\"']\s*)?(?P<src>(?:[A-Z][\w'’.-]*|an?|the|one|local|french|police)(?:\s+[\w'’.-]+){0,6}?)"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:said|say|says|told|reported|report|reports|"
    r"confirmed|announced|stated|suggest)\b",
)
_ATTR_DESCRIBED = re.compile(
    r"\bby\s+(?P<src>an?\s+(?:[\w-]+\s+){0,3}?(?:source|official|"
    r"spokes(?:man|woman)))\b"
)
_ATTR_DENIED_BY = re.compile(
    r"\b(?:denied|refuted|rejected|dismissed)\s+by\s+(?P<src>(?:the\s+)?"
    r"(?:[A-Z][\w'’-]+\s*){1,5})"
)
_PRONOUN_SRC = re.compile(r"^(?:he|she|they|it|this|that|there|i|we|you|witnesses saw)$", re.I)
_BAD_SRC = re.compile(
    r"^(?:it|this|that|there|which|who|what|police are|the man|the attack|"
    r"earlier|earlier reports|reports|initial reports)\b",
    re.I,
)


def attribution_of(text: str) -> str | None:
    """The source a sentence names for what it says, or None."""
    for rx in (_ATTR_DENIED_BY, _ATTR_DESCRIBED, _ATTR_ACCORDING):
        m = rx.search(text)
        if m:
            return _clean_src(m.group("src"))
    m = _ATTR_BEFORE.search(text)
    if m:
        src = _clean_src(m.group("src"))
        if src and not _PRONOUN_SRC.match(src) and not _BAD_SRC.match(src):
            return src
    m = _ATTR_TRAILING.search(text)
    if m:
        src = _clean_src(m.group("src"))
        if src and not _PRONOUN_SRC.match(src) and not _BAD_SRC.match(src):
            return src
    m = _ATTR_AFTER.search(text)
    if m and m.start() > 0:
        src = _clean_src(m.group("src"))
        if (
            src
            and not _PRONOUN_SRC.match(src)
            and not _BAD_SRC.match(src)
            and (src[0].isupper() or re.match(r"(?:an?|the|one|another)\s", src))
        ):
            return src
    return None


def _clean_src(s: str) -> str | None:
    s = re.sub(r"\s+", " ", s).strip(" ,.“”\"'")
    s = re.sub(
        r"\s+(?:news agency|on \w+day)$", lambda m: m.group(0) if "agency" in m.group(0) else "", s
    )
    if not s or len(s.split()) > 8:
        return None
    return s


_ANCHOR = re.compile(
    r"\b(?:massacre|killings?|attack|shooting|bombing|shooters?|gunmen)\s+(?:at|on|in)\s+(?:the\s+)?"
    r"(?:office\s+of\s+|offices\s+of\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


_MONTH_YEAR = re.compile(
    r"\b(?:(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|"
    r"rd|th)?,?\s+)?|(?i:in|since|of)\s+)(?P<year>(?:19|20)\d{2})\b|^(?P<year2>(?:19|20)\d{2}):"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _old_date(text: str, published: date | None, own_years: frozenset[int] = frozenset()) -> bool:
    """A sentence dated more than a year before publication tells of an earlier event ("On
    Nov. 5, 2009, ... opened fire", "London's transport network was target of an attack in
    2005").  Without a publication date any dated past event counts.  A year in
    ``own_years`` is the story's own: the headline of a later report names it ("Three Charged
    In 2014 West Side Shooting")."""
    for m in _MONTH_YEAR.finditer(text):
        y = int(m.group("year") or m.group("year2"))
        if y in own_years:
            continue
        if published is None:
            return True
        mon = _MONTHS.index(m.group("mon").lower()[:3]) + 1 if m.group("mon") else 12
        # "On Nov. 5, 2009, ... opened fire" dates the sentence; "... opened fire on a vigil
        # for a man slain in 2014, killing one" dates only its last clause
        if (
            (published.year - y) * 12 + (published.month - mon) > 12
            and (
                m.start() < 0.4 * len(text)
                # "in the July 19, 2012, Aurora theater shooting that left 12 people dead": a
                # dated noun, and what follows tells of it
                or re.search(r"\b[Tt]he\s+$", text[: m.start()]) is not None
                or not INCIDENT_RE.search(text[: m.start()])
                # "... was murdered while working as a bouncer at Club 502 in 2005."
                or not INCIDENT_RE.search(text[m.end() :])
            )
        ):
            return True
    return False


#: The story position a headline counts as (``SentInfo.pos``).
HEADLINE_POS = 2


def title_case(text: str) -> bool:
    """ "Victorville Girl Fatally Shoots Brother": most longer words capitalised, so
    capitals say nothing about names."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def sentence_infos(analysis: Analysis, published: date | None) -> list[SentInfo]:
    text = analysis.article.text
    # paragraph number of each sentence: a new line starts a new paragraph
    out: list[SentInfo] = []
    para = 0
    prev_end = 0
    related_para = -1
    anchors: set[str] = set()
    # a later report of an old incident names its year in the headline: that year is the
    # story's own, not an earlier event's
    own_years: frozenset[int] = frozenset()
    if analysis.article.extra.get("headline_in_text") and analysis.sentences:
        head = analysis.sentences[0].text
        own_years = frozenset(
            int(m.group("year") or m.group("year2")) for m in _MONTH_YEAR.finditer(head)
        )
    for i, s in enumerate(analysis.sentences):
        if "\n" in text[prev_end : s.start]:
            para += 1
        prev_end = s.end
        t = s.text
        low = t.lower()
        line_start = text.rfind("\n", 0, s.start) + 1
        line_end = text.find("\n", s.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        junk = (
            bool(_JUNK.search(low))
            or (
                # truncated teasers ("… taken a lead over Kamala…"): a line ending in an
                # ellipsis; but not the headline, which a site may cut short too ("Police say
                # shootings that injured 5 men in SW Atlanta are...")
                line.rstrip().endswith(("…", "...")) and len(line) < 300 and line_start > 0
            )
            or not re.search(r"[a-z]", t)
        )
        related = bool(_RELATED.search(low))
        if not related and anchors and any(a in t for a in anchors):
            related = True  # names the other incident ("the Charlie Hebdo shooters")
        if not related:
            related = _old_date(t, published, own_years)
        if related:
            for am in _ANCHOR.finditer(t):
                anchors.add(am.group("name"))
        if related and _OTHER_INCIDENT.search(low):
            related_para = para  # the rest of this paragraph tells of that other incident
        elif para == related_para:
            related = True
        modality = "asserted"
        if related:
            modality = "related"
        elif _RETRACTED.search(low):
            modality = "retracted"
        elif _DENIED.search(low):
            modality = "denied"
        elif _HEDGED.search(low):
            modality = "hedged"
        out.append(
            SentInfo(
                i,
                s.start,
                s.end,
                t,
                para,
                bool(_INCIDENT.search(low)),
                related,
                modality,
                attribution_of(t),
                junk,
                pos=i,
            )
        )
    if analysis.article.extra.get("headline_in_text"):
        heads = [x for x in out if x.para == 0]
        for x in heads:
            x.headline = True
            x.pos = HEADLINE_POS
        for x in out[len(heads) :]:
            x.pos = x.idx - len(heads)
    # a quotation continued in the next sentence keeps its speaker
    for a, b in zip(out, out[1:], strict=False):
        if (
            b.attribution is None
            and a.attribution
            and b.text.lstrip().startswith(("“", '"'))
            and a.text.lstrip().startswith(("“", '"'))
        ):
            b.attribution = a.attribution
    # a short heading line ("Kebab shop explosion") right before a related paragraph is related
    for a, b in zip(out, out[1:], strict=False):
        if (
            b.related
            and not a.related
            and a.para != b.para
            and len(a.text.split()) <= 6
            and not a.text.rstrip().endswith((".", "!", "?", "”", '"'))
        ):
            a.related = True
            a.modality = "related"
    return out


def evidence(analysis: Analysis, s: SentInfo) -> Evidence:
    text = analysis.article.text
    return Evidence(analysis.article.id, s.start, s.end, text[s.start : s.end])
