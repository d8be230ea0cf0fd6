"""Plain typed records that flow between the pipeline stages.

ingest -> RawArticle -> clean -> Article -> analyze -> Analysis -> extract -> ArticleFacts
-> link (incident id) -> store -> reconcile -> Incident (the export record).

Records hold data only; every stage's logic lives in its own sub-package.  All offsets
are character offsets into ``Article.text`` (the stored *clean* text), so that
``article.text[e.start:e.end] == e.quote`` holds for every piece of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import datetime
from typing import Any, Literal


def plain(value: Any) -> Any:
    """A copy of ``value`` made of dicts, lists and scalars (records become dicts): what
    ``dataclasses.asdict`` gives, without its generic deep copy of every scalar, which made
    it a tenth of the ingest process's time."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


# --- vocabularies (kept in sync with schema/incident.schema.json) -------------------------

EVENT_TYPES = (
    "armed_assault",  # shooting / armed attack (GTD "armed assault", ACLED "attack")
    "bombing",  # bombing / explosion
    "stabbing",  # knife attack
    "vehicle_ramming",
    "hostage_kidnapping",
    "arson",
    "accidental_shooting",
    "police_shooting",  # officer-involved shooting
    "riot_protest",
    "other",
)
EventType = str

FACT_FIELDS = (
    "event_type",
    "date",
    "location",
    "killed",
    "injured",
    "weapon",
    "participant",
    "claim",
)

#: How an article states a fact.  ``asserted`` is the normal case; ``retracted`` and
#: ``denied`` come from explicit corrections ("earlier reports ... are incorrect", "denied by");
#: ``hedged`` from "unconfirmed", "believed to"; ``related`` marks a value that belongs to a
#: different, related incident ("yesterday's massacre at Charlie Hebdo") and never counts.
Modality = Literal["asserted", "hedged", "retracted", "denied", "related"]

AlternativeStatus = Literal["superseded", "disputed", "retracted", "denied"]
Role = Literal["victim", "perpetrator", "suspect", "official", "witness", "other"]
Status = Literal["killed", "injured", "arrested", "at large", "unharmed", "unknown"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of an article's clean text that supports a value."""

    article: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(slots=True)
class RawArticle:
    """One input item as read by ``ingest``: not yet cleaned."""

    id: str
    origin: str  # where it came from, for error messages: "path", "path:LINE" or "<stdin>:LINE"
    text: str | None = None  # plain text (may carry web junk)
    html: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime as given
    url: str | None = None
    source: str | None = None  # outlet
    language: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # unknown JSONL keys, kept


@dataclass(slots=True)
class Article:
    """A cleaned article: what is stored and what every offset points into."""

    id: str
    text: str  # clean text; all evidence offsets point here
    raw: str  # the text (or HTML) as received
    origin: str = ""
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    removed_lines: int = 0  # junk lines the cleaner dropped
    seq: int | None = None  # ingest order, assigned by the store

    @property
    def body_start(self) -> int:
        """Where the story starts in ``text``: after the headline the cleaner put on top
        (``extra["headline_in_text"]``); 0 when there is none, or nothing but the headline."""
        if not self.extra.get("headline_in_text"):
            return 0
        cut = self.text.find("\n\n")
        return cut + 2 if cut >= 0 else 0


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity or typed expression (PERSON, ORG, GPE, LOC, FAC, DATE, TIME, CARDINAL…)."""

    label: str
    start: int
    end: int
    text: str
    sentence: int  # index into Analysis.sentences


@dataclass(slots=True)
class Analysis:
    """Linguistic analysis of one article.

    ``doc`` is the spaCy ``Doc`` when the analyzer is spaCy; it is an in-memory convenience
    for ``extract`` and is never stored.
    """

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    doc: Any = None


@dataclass(slots=True)
class Fact:
    """One value of one field, as stated by one article.

    ``value`` is JSON-able: ``str`` for event_type/weapon/claim, ``int`` for killed/injured,
    a dict for date (``{"value": "YYYY-MM-DD"|None, "precision": ..., "time": "HH:MM"|None}``),
    location (``{"name", "admin1", "country", "lat", "lon", "precision", "detail"}``) and
    participant (``{"name", "role", "status", "age", "gender", "description"}``).
    """

    field: str
    value: Any
    evidence: list[Evidence]
    modality: Modality = "asserted"
    qualifier: str | None = None  # "at least", "about", "more than"
    attribution: str | None = None  # "a local police spokesman", "Reuters"
    confidence: float = 1.0
    surface: str | None = None  # the words that gave the value ("M5 assault rifle")

    def to_json(self) -> dict[str, Any]:
        d = plain(self)
        d["evidence"] = [e.to_json() for e in self.evidence]
        return d

    @staticmethod
    def from_json(d: dict[str, Any]) -> Fact:
        ev = [Evidence(**e) for e in d.get("evidence", [])]
        return Fact(
            field=d["field"],
            value=d["value"],
            evidence=ev,
            modality=d.get("modality", "asserted"),
            qualifier=d.get("qualifier"),
            attribution=d.get("attribution"),
            confidence=d.get("confidence", 1.0),
            surface=d.get("surface"),
        )


@dataclass(slots=True)
class LinkFeatures:
    """What the linker compares between an article and an incident.  Stored per article."""

    terms: dict[str, float] = field(default_factory=dict)  # weighted content terms
    entities: list[str] = field(default_factory=list)  # normalised PERSON/ORG names
    places: list[str] = field(
        default_factory=list
    )  # normalised place names (geonames ids or names)
    date: str | None = None  # resolved incident date YYYY-MM-DD, if any
    published: str | None = None  # publication date YYYY-MM-DD, if any
    event_type: str | None = None
    killed: int | None = None
    injured: int | None = None
    ages: list[int] = field(default_factory=list)  # ages of the victims and suspects named
    streets: list[str] = field(default_factory=list)  # street names of the incident's address
    vector: list[float] | None = None  # optional dense embedding

    def to_json(self) -> dict[str, Any]:
        return plain(self)

    @staticmethod
    def from_json(d: dict[str, Any]) -> LinkFeatures:
        return LinkFeatures(**d)


@dataclass(slots=True)
class ArticleFacts:
    """Everything ``extract`` learned from one article."""

    article_id: str
    facts: list[Fact]
    features: LinkFeatures
    #: sentences judged to be about this article's incident (index, start, end, score):
    #: candidates for the incident summary.  Never junk, never a related incident.
    key_sentences: list[tuple[int, int, int, float]] = field(default_factory=list)


# --- the reconciled account: the export record --------------------------------------------


@dataclass(slots=True)
class Alternative:
    value: Any
    status: AlternativeStatus
    evidence: list[Evidence]

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "status": self.status,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(slots=True)
class TimelineEntry:
    time: str | None  # ISO publication time, or None when unknown (then ordered by ingest)
    article: str
    change: str
    evidence: list[Evidence]
    order: Literal["published", "ingest"] = "published"

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.time,
            "article": self.article,
            "change": self.change,
            "order": self.order,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(slots=True)
class Incident:
    """One reconciled incident, shaped as the export contract (schema/incident.schema.json)."""

    id: str
    articles: list[str]
    title: str
    summary: str
    event_type: str
    date: dict[str, Any]
    location: dict[str, Any]
    killed: dict[str, Any]
    injured: dict[str, Any]
    weapons: list[dict[str, Any]]
    participants: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    event_type_evidence: list[dict[str, Any]] = field(default_factory=list)
    summary_citations: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    #: statements an article retracts or denies that are not a field value
    #: ("a second incident involving gun fire … has been denied")
    corrections: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return plain(self)
