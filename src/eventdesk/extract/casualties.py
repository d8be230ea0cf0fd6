"""Casualty statements from dependency parses of single sentences.

For every status word (killed, dead, died, wounded, injured, shot, …) the parse gives the
people it applies to (passive subject, subject of "died", object of "killing", conjuncts),
and each of them a count ("two officers" → 2, "a man" → 1, a named person → 1).  Agents of
active killing verbs are perpetrators.  Appositions and "including …" are never counted, so
"12 people, including two police officers, were killed" counts 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventdesk.analyze.cues import CASUALTY_WORDS
from eventdesk.extract.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    PEOPLE_PLURAL,
    PERP_NOUNS,
    PERSON_NOUNS,
)
from eventdesk.extract.numbers import GROUPS, ORDINALS, is_year, norm_qualifier, parse_number

KILL_WORDS = frozenset(
    [
        "killed",
        "kill",
        "kills",
        "killing",
        "dead",
        "died",
        "die",
        "dies",
        "dying",
        "slain",
        "murdered",
        "murdering",
        "fatally",
        "executed",
        "succumbed",
        "deceased",
    ]
)
#: Nouns that name a death: "the death of 5-year-old Noelle Shawver".
_DEATH_NOUNS = frozenset(["death", "killing", "slaying", "murder", "homicide"])
_DEATH_NOUNS_PLURAL = frozenset(["deaths", "killings", "slayings", "murders", "homicides"])
INJ_WORDS = frozenset(
    ["wounded", "wounding", "injured", "injuring", "hurt", "hospitalized", "hospitalised", "grazed"]
)
SHOT_WORDS = frozenset(["shot", "shooting", "shoot", "shoots", "struck", "hit"])
#: Where a bullet hits a person: "hit in the leg" is a gunshot, "hit by a car" is not.
BODY_PARTS = frozenset(
    [
        "head",
        "face",
        "neck",
        "chest",
        "back",
        "leg",
        "legs",
        "arm",
        "arms",
        "hand",
        "hands",
        "foot",
        "feet",
        "shoulder",
        "stomach",
        "abdomen",
        "torso",
        "hip",
        "thigh",
        "knee",
        "buttocks",
        "side",
        "groin",
        "wrist",
        "ankle",
        "finger",
        "jaw",
        "eye",
        "cheek",
        "elbow",
        "shin",
        "calf",
        "rib",
        "ribs",
        "lung",
        "heart",
    ]
)
#: "suffered a gunshot wound", "sustained minor injuries": the subject is hurt.
_WOUND_NOUNS = frozenset(["wound", "wounds", "injury", "injuries", "graze"])
_WOUND_VERBS = frozenset(["suffer", "sustain", "receive", "have", "recover", "treat"])
#: The sentences ``statements`` can say anything about: only these are parsed.
CASUALTY_RE = re.compile(rf"\b({CASUALTY_WORDS})\b", re.I)
_DEATH_RE = re.compile(
    r"\b(died|dies|dead|deceased|killed|death|fatal(?:ly)?|succumbed|passed away)\b", re.I
)
_HOSPITAL_RE = re.compile(
    r"\b(hospitals?|medical centers?|trauma centers?|clinic|health center)\b", re.I
)
_TREATED_RE = re.compile(r"^treated (?:and released|at the scene|on scene)\b", re.I)
_REFLEXIVES = frozenset(["himself", "herself", "themselves"])
_SHOT_TEXT_RE = re.compile(r"\b(?:shot|shooting|gunshot|gunfire|bullets?|wounds?)\b", re.I)
_UNHURT_RE = re.compile(
    r"\b(?:uninjured|unharmed|unhurt|not (?:injured|hurt|wounded|shot)|as a precaution|"
    r"for observation)\b",
    re.I,
)
_PRONOUNS = {"he": 1, "she": 1, "him": 1, "her": 1, "himself": 1, "herself": 1}
_SUBJ = {"nsubjpass", "nsubj"}
_CONDITION_RE = re.compile(r"\b(critical|serious|stable|fair|grave|good) condition\b", re.I)
_INJURY_NOUN_RE = re.compile(
    r"\b(?:non-?life[- ]threatening|life[- ]threatening|minor|serious|critical)\s+"
    r"(?:injuries|injury|wounds?)\b|\bsurvived\b|\btreated (?:and released )?(?:at|for)\b",
    re.I,
)


@dataclass(slots=True)
class Patient:
    text: str  # the noun phrase
    head: str  # head word, lower case
    count: int | None
    qualifier: str | None
    status: str  # killed | injured | shot
    perp: bool
    person: str | None  # the PERSON name when the NP is one
    start: int  # char offsets in the article
    end: int
    ordinal: int | None = None
    pronoun: bool = False
    proper: bool = False  # a proper name NER did not tag PERSON ("Marcus Hale" as ORG)
    self_inflicted: bool = False  # "shot himself", "the toddler ... killed himself"
    also: bool = False  # "was also shot": someone besides those already named
    in_group: bool = False  # counted in a group the sentence names too ("since the two were shot")


@dataclass(slots=True)
class Statement:
    patients: list[Patient] = field(default_factory=list)
    agents: list[tuple[str, str | None, int, int]] = field(default_factory=list)  # text, name


def _subtree_span(tok: Any, exclude_deps: set[str]) -> tuple[int, int]:
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ not in exclude_deps]
    while stack:
        c = stack.pop()
        toks.append(c)
        stack.extend(c.children)
    return min(t.i for t in toks), max(t.i for t in toks) + 1


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and (
            c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or c.lower_ in ("old", "year-old")
        ):
            out.extend(_conjuncts(c))  # "a 20-year-old man ... and a 26-year-old"
        elif c.dep_ == "appos" and _a_name(tok) and _a_name(c):
            # "Angelina Benton, 19-year-old Raynord Daniel and Joseph McDonald were killed":
            # one person's name is no apposition of another's; it is a list the parser missed
            out.extend(_conjuncts(c))
        elif (
            c.dep_ == "appos"
            and tok.tag_ == "NNS"
            and tok.lemma_.lower() not in _GROUP_NOUNS
            and c.lemma_.lower() in PERSON_NOUNS
            and c.lemma_.lower() != tok.lemma_.lower()
            and any(g.dep_ == "conj" for g in c.children)
        ):
            # "Two men, a woman and a child were shot": a list the parser took for an
            # apposition ("two people, a man and a woman" is one: people say nothing of who)
            out.extend(_conjuncts(c))
    return out


_GROUP_NOUNS = frozenset(["people", "person", "victim", "other", "individual", "adult"])


def _breakdown_dropped(conj: list[Any]) -> list[Any]:
    """ "four people, three females and one male, were hurt": a list set off by a comma that
    breaks the first count down adds no one to it."""
    if len(conj) < 3 or conj[0].lemma_.lower() not in _GROUP_NOUNS:
        return conj
    doc = conj[0].doc
    first = min(t.i for t in conj[1].subtree)
    if first < 1 or doc[first - 1].text != ",":
        return conj
    if not any(c.dep_ == "nummod" for c in conj[0].children):
        return conj
    counts = [_count(t)[0] for t in conj]
    if any(n is None for n in counts):
        return conj
    return conj[:1] if counts[0] == sum(n or 0 for n in counts[1:]) else conj


def _a_name(tok: Any) -> bool:
    """A full name (given name and surname), not a possessive ("Luis Eduardo's ex-wife")."""
    kids = list(tok.children)
    return (
        tok.pos_ == "PROPN"
        and (tok.ent_type_ == "PERSON" or _untagged_name(tok, patient=True))
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in kids)
        and not any(c.dep_ == "case" for c in kids)
    )


_PLURAL_PEOPLE = frozenset(w for w in PEOPLE_PLURAL.split("|") if " " not in w)


def _count(tok: Any) -> tuple[int | None, str | None, int | None]:
    """(count, qualifier, ordinal) of a noun phrase headed by ``tok``."""
    ordinal = None
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "amod" and low in ORDINALS:
            ordinal = ORDINALS[low]
        elif c.dep_ == "amod" and (om := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", low)):
            ordinal = int(om.group(1))  # "an 8th teen was injured"
        if c.dep_ == "nummod":
            if c.i > tok.i:
                continue  # "Larry Watts Jr. 26": a number after the noun is an age
            if is_year(c.text):
                continue  # "2013 Santa Monica shooting"
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in ("year", "years", "year-old", "month", "months"):
                continue  # "15 year-old Senquez Jackson": an age, not a count
            words = [t for t in c.subtree]
            of = [t for t in words if t.dep_ == "quantmod" and t.lower_ == "of"]
            if of and of[0].i > 0 and (part := parse_number(c.doc[of[0].i - 1].text)):
                return part, None, ordinal  # "one of three people hit ... has died": one
            qtext = " ".join(
                t.lower_
                for t in words
                if t.dep_ in ("advmod", "quantmod", "amod")
                or t.lower_ in ("at", "least", "more", "than", "about", "nearly", "as", "many")
            )
            num = " ".join(
                t.text
                for t in words
                if t.dep_ not in ("advmod", "quantmod")
                and t.lower_
                not in (
                    "at",
                    "least",
                    "more",
                    "than",
                    "about",
                    "nearly",
                    "up",
                    "to",
                    "over",
                    "around",
                    "almost",
                    "some",
                    "as",
                    "many",
                )
            )
            n = parse_number(num)
            if n is None and c.lower_ in GROUPS and any(t.lower_ == "a" for t in words):
                n = GROUPS[c.lower_]  # "a dozen others wounded": "a" is the parser's quantmod
            if n is None and c.like_num and any(t.pos_ == "PROPN" for t in words):
                n = parse_number(c.text)  # "KILLEEN, Texas - Four people": a dateline hung on
            q = norm_qualifier(qtext) if qtext else None
            if n is not None:
                return n, q, ordinal
    if tok.tag_ == "NNS":
        # "two sheriff's deputies": the number the parser hung on a singular possessor
        for c in tok.children:
            if c.dep_ == "poss" and c.tag_ in ("NN", "NNP"):
                for g in c.children:
                    if g.dep_ == "nummod" and (n := parse_number(g.text)) is not None and n > 1:
                        return n, None, ordinal
    low = tok.lower_
    if tok.pos_ == "NUM" or tok.like_num:
        return (None if is_year(tok.text) else parse_number(tok.text)), None, ordinal
    if low in ("both",):
        return 2, None, ordinal
    if low in ("old", "year-old") or re.match(r"\d+-(?:year|month|week)-old$", low):
        return 1, None, ordinal  # "An 8-year-old was injured"
    if low in _PRONOUNS:
        return 1, None, ordinal
    if tok.ent_type_ == "PERSON":
        return 1, None, ordinal
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "poss")]
    if tok.tag_ == "NNS":
        # "his sons, ages 3 and 4": as many as the ages
        for c in tok.children:
            if c.dep_ in ("appos", "npadvmod") and c.lower_ in ("ages", "aged"):
                ages = [t for t in c.subtree if t.like_num]
                if len(ages) >= 2:
                    return len(ages), None, ordinal
    if "both" in dets and tok.tag_ in ("NNS", "NNPS"):
        return 2, None, ordinal  # "Both victims were taken to the hospital"
    if low in _PLURAL_PEOPLE:
        return None, None, ordinal  # "Multiple People Shot" (a headline's capitals): no count
    if tok.tag_ in ("NN", "NNP") or (tok.pos_ == "PROPN"):
        if (
            any(
                d
                in (
                    "a",
                    "an",
                    "one",
                    "another",
                    "the",
                    "this",
                    "that",
                    "his",
                    "her",
                    "their",
                    "its",
                )
                for d in dets
            )
            or ordinal
        ):
            return 1, None, ordinal
        if low == "one" or low == "another":
            return 1, None, ordinal
        # a singular person noun is one person ("policewoman shot near Paris has died")
        return 1, None, ordinal
    if low in ("one", "another"):
        return 1, None, ordinal
    # "one of the men": the head is the number
    return None, None, ordinal


def _person_name(tok: Any) -> str | None:
    if tok.ent_type_ != "PERSON":
        return None
    doc = tok.doc
    i, j = tok.i, tok.i + 1
    while (
        i > 0
        and doc[i - 1].ent_type_ == "PERSON"
        and doc[i - 1].ent_iob_ != "O"
        and tok.ent_iob_ != "B"
    ):
        i -= 1
        if doc[i].ent_iob_ == "B":
            break
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return doc[i:j].text


_NOT_PEOPLE = frozenset(
    ["police", "authorities", "officials", "deputies", "troopers", "investigators", "detectives"]
    # a Title Case headline's event: "Mass Shooting – Killed – Carlton Lewis"
    + ["shooting", "shootings", "shootout", "attack", "homicide", "murder", "killing", "incident"]
)


def _untagged_name(tok: Any, patient: bool = False) -> bool:
    """A person's name NER missed: "16-year-old Kristian Piazza", "Mekko Stumblingbear", and
    (``patient``: the one a status word applies to) "Lackey was pronounced dead"."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.lower_ in _NOT_PEOPLE:
        return False
    kids = list(tok.children)
    aged = any(
        c.dep_ in ("amod", "nummod", "npadvmod", "compound") and c.lower_ in ("old", "year-old")
        for c in kids
    )
    if aged and tok.ent_type_ not in ("GPE", "LOC"):
        return True  # "5-year-old Noelle Shawver" (tagged FAC)
    if tok.ent_type_ not in ("", "ORG", "NORP", "PERSON"):
        return False
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in kids)
    return (named and tok.ent_type_ in ("", "PERSON")) or (
        patient and tok.ent_type_ in ("", "ORG", "PERSON")
    )


def _dateline(tok: Any) -> bool:
    """A word of a dateline ("LANSING, Mich (WLNS) – ..."): a place, not a name."""
    return tok.i <= 6 and any(t.is_upper and len(t) > 2 for t in tok.doc[: tok.i])


def _aged_noun(tok: Any) -> bool:
    """ "a 12-year-old", "the 3-year-old": an age standing for the person."""
    return tok.lower_ in ("old", "year-old", "olds") or bool(
        re.match(r"\d+-(?:year|month|week)s?-olds?$", tok.lower_)
    )


_NUMBER_UNITS = frozenset(
    ["times", "time", "rounds", "shots", "bullets", "percent", "%", "dollars", "years", "days"]
    + ["hours", "minutes", "feet", "yards", "miles", "blocks", "o'clock", "a.m.", "p.m."]
)


def _not_people_number(tok: Any) -> bool:
    """A bare number that counts no people: "$100", "shot about 10 times", an age after a
    name ("Larry Watts Jr. 26"), ages ("four men, ages 20-27"), a name ("7-Eleven")."""
    doc = tok.doc
    if tok.like_num and tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].like_num:
        return True
    if not tok.like_num or tok.pos_ not in ("NUM",) and tok.tag_ != "CD":
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and (
        prev.text in ("$", "#", "No.")
        or prev.lower_ in ("ages", "aged", "age")
        or (prev.pos_ == "PROPN" and prev.is_title)
        or prev.lower_ in ("jr.", "sr.", "jr", "sr", "ii", "iii")
    ):
        return True
    return nxt is not None and nxt.lower_ in _NUMBER_UNITS


def _dateline_place(tok: Any) -> bool:
    """The capitals that open a report ("DENVER (AP) – Four people were shot"), whatever the
    recogniser tagged them."""
    doc = tok.doc
    if not (tok.is_upper and len(tok) > 1) or tok.i + 1 >= len(doc) or tok.i > 4:
        return False
    return doc[tok.i + 1].text in ("(", ",", "–", "—", "-", "--") and all(
        t.is_upper or t.is_punct for t in doc[: tok.i]
    )


def _group_size(tok: Any) -> int | None:
    """The number of "a family of five", "a group of three"."""
    if tok.lower_ not in ("family", "group"):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj" and o.like_num:
                    return parse_number(o.text)
    return None


def _both(tok: Any) -> bool:
    """'they both', 'them both': a pronoun that says it is two people."""
    return tok.lower_ in ("they", "them") and any(c.lower_ == "both" for c in tok.children)


def _np(tok: Any, sd: Any, base: int, status: str, reflexive_agent: bool = False) -> Patient | None:
    low = tok.lower_
    is_person_noun = (
        bool(re.match(r"\d+-(?:year|month|week)s?-olds?$", low))
        or low == "year-olds"
        or _untagged_name(tok, patient=status in ("killed", "injured") and not _dateline(tok))
        or low in ("year-old", "old")
        or low in PERSON_NOUNS
        or tok.ent_type_ == "PERSON"
        or low in _PRONOUNS
        or tok.like_num
        or low in ("one", "another", "both")
        or tok.lemma_.lower() in PERSON_NOUNS
        or _group_size(tok) is not None
        or _both(tok)
    )
    if not is_person_noun or _dateline_place(tok) or _not_people_number(tok):
        return None
    if any(c.lower_ == "unborn" for c in tok.children):
        return None  # "five adults and an unborn child": the count is of people shot
    if low in ("it", "they", "them", "who", "that", "which") and not _both(tok):
        return None
    if low == "one" and any(c.lower_ in ("this", "that") for c in tok.children if c.dep_ == "det"):
        return None  # '"This one hurt, a lot"': a thing, a feeling
    count, qual, ordinal = _count(tok)
    if _both(tok):
        count = 2  # "They both died of their injuries"
    elif _group_size(tok) is not None:
        count = _group_size(tok)  # "a family of five died"
    a, b = _subtree_span(tok, {"conj", "cc", "appos", "relcl", "acl", "punct", "prep", "advcl"})
    span = sd[a:b]
    start = base + span.start_char
    end = base + span.end_char
    perp = low in PERP_NOUNS or tok.lemma_.lower() in PERP_NOUNS or reflexive_agent
    if perp and status != "killed" and any(c.lower_ == "accidental" for c in tok.children):
        # "The accidental shooter was transported … with injuries": one who shot himself by
        # accident, the one hurt, counted once
        perp = False
    if tok.dep_ in ("nsubj", "attr") and tok.head.lemma_ == "be":
        # "the dead man was the suspect in the shooting", "the shooter was a student who
        # died": what the one is said to be
        other = "attr" if tok.dep_ == "nsubj" else "nsubj"
        perp = perp or any(
            c.dep_ == other and (c.lower_ in PERP_NOUNS or c.lemma_.lower() in PERP_NOUNS)
            for c in tok.head.children
        )
    if low in ("one",):
        # "one of the men": look at the object of "of"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.lower_ in PERP_NOUNS or o.lemma_.lower() in PERP_NOUNS:
                        perp = True
    return Patient(
        span.text,
        tok.lemma_.lower(),
        count,
        qual,
        status,
        perp,
        _person_name(tok),
        start,
        end,
        ordinal,
        low in _PRONOUNS,
        tok.pos_ == "PROPN"
        and tok.ent_type_ in ("", "ORG", "PERSON")
        and all(t.is_title for t in span if t.pos_ == "PROPN"),
    )


def _is_person(tok: Any) -> bool:
    """Whether a noun phrase head names people ("his wife", "Ann Lee", "two men")."""
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in PERSON_NOUNS
        or tok.lemma_.lower() in PERSON_NOUNS
        or tok.lower_ in _PRONOUNS
        or _untagged_name(tok)
    )


_PASS_WORDS = frozenset(["passed", "pass", "passes", "passing"])
_STATUS_WORDS = KILL_WORDS | INJ_WORDS | SHOT_WORDS | _PASS_WORDS


def _status_of(tok: Any) -> str | None:
    low = tok.lower_
    if low not in _STATUS_WORDS:
        return None  # most words: no need to look at their children
    kids = {c.lower_ for c in tok.children}
    if kids & {"fatally", "mortally"} and (low in INJ_WORDS or low in SHOT_WORDS):
        return "killed"  # "fatally wounding the victim"
    if low in _PASS_WORDS and "away" in kids:
        return "killed"  # "The man later passed away at the hospital"
    if low in KILL_WORDS:
        if low == "dead" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "brain":
            # "says son is now brain dead": alive, on life support (hurt, told elsewhere)
            return None
        return "killed"
    if low in INJ_WORDS:
        return "injured"
    if low in SHOT_WORDS:
        if kids & {"fatally", "dead", "death"} or any(
            c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children
        ):
            return "killed"
        if low in ("hit", "struck") and not (
            {"bullet", "bullets", "gunfire", "round", "rounds", "pellets", "shot"} | BODY_PARTS
        ) & {c.lower_ for c in tok.subtree}:
            return None
        return "shot"
    return None


#: Words of a wound that say nothing of how bad it is ("a single gunshot wound").
_PLAIN_WOUND_WORDS = frozenset(
    ["gunshot", "bullet", "gun", "shotgun", "single", "multiple", "several", "apparent", "possible"]
)


def _plain_gunshot_wound(verb: Any) -> bool:
    """``verb`` ("suffering", "sustained") takes a gunshot wound with no word of its severity
    ("minor", "non-life-threatening", "critical" say the victim lived)."""
    wounds = [
        w
        for c in verb.children
        if c.dep_ in ("dobj", "obj", "prep")
        for w in [c, *(g for g in c.children if g.dep_ == "pobj")]
        if w.lower_ in ("wound", "wounds")
    ]
    if not wounds:
        return False
    for w in wounds:
        mods = [c for c in w.children if c.dep_ in ("amod", "compound", "nmod")]
        if not any(c.lower_ in ("gunshot", "bullet", "gun", "shotgun") for c in mods):
            return False
        if any(c.lower_ not in _PLAIN_WOUND_WORDS for c in mods):
            return False
    return True


_SPEECH_VERBS = frozenset(
    ["say", "tell", "report", "state", "confirm", "add", "announce", "explain", "testify", "write"]
)


def _left_in_care(leave: Any) -> bool:
    """'left ... in the hospital', 'left ... in serious condition'."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(o.lower_ in ("hospital", "condition") for o in c.children if o.dep_ == "pobj")
        for c in leave.children
    )


def _left_with_wounds(leave: Any) -> bool:
    """'left ... with severe injuries', 'left ... with a gunshot wound'."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(o.lower_ in _WOUND_NOUNS for o in c.children if o.dep_ == "pobj")
        for t in (leave, *(d for d in leave.children if d.dep_ in ("dobj", "obj")))
        for c in t.children
    )


_MALE = frozenset(MALE_WORDS) | {"he", "him", "himself"}
_FEMALE = frozenset(FEMALE_WORDS) | {"she", "her", "herself"}
_OTHER_RE = re.compile(r"\b(?:another|other|others|second|third|also|too|both|each)\b", re.I)


def _along_with(verb: Any) -> list[Any]:
    """The people of "(shot) along with a boy and a man", "(shot), along with another woman"."""
    out = []
    for c in verb.children:
        for w in (c, *c.children):
            if w.lower_ == "with" and w.i > 0 and w.doc[w.i - 1].lower_ == "along":
                out += [o for o in w.children if o.dep_ == "pobj"]
    return out


def _definite_plural(tok: Any, p: Patient) -> bool:
    """ "the two", "both", "the victims": people said before."""
    return (p.count or 0) >= 2 and bool(
        re.match(r"(?:the|both|these|those|all)\b", p.text, re.I)
        and not re.search(r"\bother", p.text, re.I)
    )


def _negated_ability(verb: Any) -> bool:
    """ "could not save", "were not able to save", "unable to save", "couldn't save"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in ("able", "unable"):
        return head.lower_ == "unable" or any(
            c.dep_ == "neg" for t in (head, head.head) for c in t.children
        )
    return False


def _clause_verb(tok: Any) -> Any:
    """The verb of the clause ``tok`` is in.  A participle the parser took for the subject
    ("A female described as being in her 20s was shot") is not it: the verb it is subject of
    is."""
    cur = tok
    for _ in range(8):
        if (
            cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("nsubj", "nsubjpass")
        ) or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def _same_dead(a: Any, b: Any, pa: Patient, pb: Patient) -> bool:
    """Whether two of a sentence's dead, each one person, are most likely one: not listed
    together ("a man and a woman"), not two names, not "another", of no two sexes."""
    if b in _conjuncts(a) or a in _conjuncts(b) or pa.also or pb.also or pa.ordinal or pb.ordinal:
        return False
    va, vb = _clause_verb(a), _clause_verb(b)
    if va.i != vb.i and (
        vb.i in {c.i for c in va.conjuncts}
        or any(
            v.dep_ == "advcl"
            and v.head.i == w.i
            and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in v.children)
            for v, w in ((va, vb), (vb, va))
        )
    ):
        return False  # "X was shot in the leg, and Y was also wounded", "while Y was shot"
    if pa.person and pb.person and pa.person.split()[-1] != pb.person.split()[-1]:
        return False
    if pa.proper and pb.proper and pa.text.split()[-1] != pb.text.split()[-1]:
        return False
    if _OTHER_RE.search(pa.text) or _OTHER_RE.search(pb.text):
        return False
    ages = [re.findall(r"\b(\d{1,3})[- ]years?[- ]old\b", p.text) for p in (pa, pb)]
    if ages[0] and ages[1] and ages[0] != ages[1]:
        return False  # "A 21-year-old man, and a 23-year-old man were killed"
    return _one_sex(pa, pb)


def _bare_count(p: Patient) -> bool:
    """A number standing alone, as headlines count: "2 Dead, 7 Injured in DC Shooting: Police
    Two people are dead and seven people are injured" (a headline run into its report) counts
    the same seven twice; "two victims died on the scene and two died" does not."""
    return " " not in p.text.strip() and parse_number(p.text.strip()) is not None


def _one_sex(pa: Patient, pb: Patient) -> bool:
    """Whether nothing says the two are of two sexes."""
    sexes = set()
    for p in (pa, pb):
        words = set(re.findall(r"[a-z]+", p.text.lower()))
        if words & _MALE:
            sexes.add("m")
        if words & _FEMALE:
            sexes.add("f")
    return len(sexes) < 2


_MOURNING = frozenset(
    ["vigil", "funeral", "memorial", "honor", "honour", "wake", "remember", "commemorate"]
)


def _mourned(tok: Any) -> bool:
    """Whether ``tok`` is (in) what a vigil, funeral or memorial is for (along objects and
    prepositions only: "opened fire on a vigil ..., killing one man" is no one mourned)."""
    cur = tok
    for _ in range(6):
        if cur.dep_ not in ("pobj", "prep", "dobj", "appos", "conj", "acl", "compound"):
            return False
        cur = cur.head
        if cur.lemma_.lower() in _MOURNING:
            return True
        if cur.lemma_.lower() == "mourn" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
        ):
            return True  # "a crowd gathered to mourn a boy" (not "the family mourns their son")
    return False


def _next_count(tok: Any) -> bool:
    """The "3" of "1 killed 3 injured": a number object that has its own casualty word."""
    return (
        tok.dep_ in ("dobj", "obj")
        and tok.like_num
        and any(c.dep_ in ("acl", "amod") and c.lower_ in _STATUS_WORDS for c in tok.children)
    )


def _headline_passive(tok: Any) -> bool:
    """ "St. Louis woman killed", "Teen shot to death", "2 killed, 4 injured": a headline's
    passive without its "was", which the parser reads as the woman killing.  Only a person
    with no object, no auxiliary and no target ("Gunman shot at police" is the gunman
    shooting)."""
    # "Two teens shot while playing with gun": a participle the tagger took for a present tense
    participle = tok.tag_ == "VBP" and tok.lower_ in ("shot", "wounded", "injured", "killed")
    if (tok.tag_ not in ("VBD", "VBN") and not participle) or tok.dep_ not in ("ROOT", "conj"):
        return False
    # "1 killed 3 injured": the parser makes the next count the object of "killed"
    kids = [c for c in tok.children if not _next_count(c)]
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "dative") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "into", "through", "up") for c in kids):
        return False
    subs = [c for c in kids if c.dep_ == "nsubj"]
    return bool(subs) and all(
        (_is_person(s) or _aged_noun(s) or (s.like_num and not _not_people_number(s)))
        and s.lower_ not in PERP_NOUNS
        for s in subs
    )


def _head_subject(tok: Any) -> list[Any]:
    """Subjects of ``tok``, inherited along ``conj`` chains ("was shot and killed")."""
    cur = tok
    for _ in range(4):
        subs = [c for c in cur.children if c.dep_ in _SUBJ]
        if subs:
            return subs
        if cur.dep_ in ("conj", "xcomp", "oprd", "acomp", "ccomp", "advcl") and cur.head is not cur:
            if cur.dep_ == "advcl" and cur.tag_ != "VBN":
                return []
            if cur.dep_ == "ccomp" and cur.head.lemma_ in _SPEECH_VERBS:
                return []  # '"... was shot once," said Chief Ann Lee': the speaker was not
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "amod") and (
            cur.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or _aged_noun(cur.head)
        ):  # "2-year-old killed in accidental shooting": "old" is an adjective to the tagger
            return [cur.head]
        break
    return []


def _aged_status_noun(tok: Any, status: str, base: int) -> Patient | None:
    """ "a 17-year-old shot and killed by an officer", "a 4-year-old shot dead": the parser
    reads the status word as a noun the age modifies; the one aged is the one hurt."""
    if tok.pos_ != "NOUN" or not any(
        c.dep_ == "amod" and c.lower_ in ("old", "year-old") for c in tok.children
    ):
        return None
    doc = tok.doc
    after = " ".join(t.lower_ for t in doc[tok.i + 1 : tok.i + 3])
    if (
        status == "killed"
        or any(c.lower_ in ("dead", "fatally") for c in tok.children)
        or re.match(r"(?:dead|to death|, killed|and killed)\b", after)
        or (tok.i > 0 and doc[tok.i - 1].lower_ == "fatally")
    ):
        status = "killed"
    elif status != "injured":
        status = "shot"
    a = tok.left_edge.i
    if a >= tok.i:
        return None
    span = doc[a : tok.i]
    if span[-1].lower_ == "fatally":
        span = doc[a : tok.i - 1]
    return Patient(
        span.text,
        "year-old",
        1,
        None,
        status,
        False,
        None,
        base + span.start_char,
        base + span.end_char,
    )


def statements(sd: Any, base: int, headline: bool = False) -> Statement:
    """Casualty statement of one parsed sentence ``sd`` whose first char is at ``base``;
    ``headline``: the sentence is the article's headline, whose verbs drop their "was"."""
    st = Statement()
    toks = list(sd)  # five passes below: spaCy makes a new Token object at every step
    seen: dict[int, Patient] = {}
    relcl: set[int] = set()
    rank = {"killed": 3, "injured": 2, "shot": 1}

    def add(
        tok: Any,
        status: str,
        reflexive_agent: bool = False,
        self_inflicted: bool = False,
        also: bool = False,
    ) -> None:
        if (
            tok.lower_ in ("who", "that")
            and tok.head.dep_ == "relcl"
            and (status == "killed" or self_inflicted)
        ):
            # "is the shooting victim who died Monday": the noun the clause is about, unless
            # the sentence counts its dead otherwise (see below); "a man who shot himself"
            tok = tok.head.head
            if status == "killed":
                relcl.add(tok.i)
        if tok.lower_ not in PERSON_NOUNS and tok.ent_type_ != "PERSON":
            # mis-tagged heads ("A policewoman shot ... has died": "shot" as a noun)
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and c.lower_ in PERSON_NOUNS:
                    tok = c
                    break
        if any(c.lower_ == "neither" for c in tok.children):
            return  # "Neither the driver nor the other passenger was injured"
        for t in _breakdown_dropped(_conjuncts(tok)):
            if t.i != tok.i and t.lower_ not in PERSON_NOUNS and t.ent_type_ != "PERSON":
                # "3 adults and 2 juveniles ages 14 and 15": the people, not "ages"
                t = next(
                    (
                        c
                        for c in t.children
                        if c.dep_ in ("amod", "compound") and c.lower_ in PERSON_NOUNS
                    ),
                    t,
                )
            if (
                t.like_num
                and t.i > 1
                and sd[t.i - 1].text == ","
                and _status_of(sd[t.i - 2]) is None  # "2 killed, 4 injured": a count
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
            ):
                continue  # "Dennie Reeves, 66 and Ginger Reeves, 64": ages ("two of whom": no)
            if any(c.dep_ == "neg" or c.lower_ == "no" for c in t.children) or t.lower_ in (
                "nobody",
                "none",
                "noone",
                "no-one",
            ):
                continue
            p = _np(t, sd, base, status, reflexive_agent)
            if p is None:
                continue
            if self_inflicted:
                p.perp = False  # "a suspected robber shot himself": the one hurt, counted once
                p.self_inflicted = True
            p.also = also
            old = seen.get(t.i)
            if old is None or rank[status] > rank[old.status]:
                seen[t.i] = p

    for tok in toks:
        status = _status_of(tok)
        if status is None:
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        if (aged := _aged_status_noun(tok, status, base)) is not None:
            seen[tok.i] = aged  # "a 17-year-old shot and killed by ...", parsed as one noun
            continue
        if (
            tok.is_title
            and tok.i > 0
            and tok.dep_ in ("amod", "compound")
            and tok.head.pos_ == "PROPN"
            and tok.head.ent_type_ not in ("PERSON", "")
        ):
            continue  # a word of a name: "Mothers of Murdered Offspring", "Wounded Warrior Project"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in tok.children):
            continue  # "Police were not able to say if the man had died"
        if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "he was going to kill his wife": an intent, not a casualty
        if (
            tok.dep_ == "acl"
            and tok.head.dep_ == "nsubj"
            and tok.head.lower_ in ("those", "all", "the", "these")
        ):
            # "Those wounded were a woman traffic officer ... and a male colleague"
            verb = tok.head.head
            for c in verb.children:
                if c.dep_ == "attr" or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
                    add(c, status)
            continue
        has_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        passive = (
            any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))
            or (
                # "a report of a boy shot in the head": a reduced relative tagged as a past tense
                tok.tag_ == "VBD"
                and tok.dep_ == "acl"
                and not any(c.dep_ in ("nsubj", "dobj", "obj") for c in tok.children)
            )
            or (
                tok.tag_ == "VBN"
                and tok.dep_ in ("oprd", "xcomp")
                and not has_perfect
                and not [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            )
            or (
                tok.dep_ == "conj"
                and tok.tag_ == "VBN"
                and not has_perfect
                and (
                    any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children)
                    # "the three men shot and killed last week": a reduced relative's verbs
                    or (tok.head.tag_ in ("VBN", "VBD") and tok.head.dep_ in ("acl", "amod"))
                )
            )
            or ((headline or tok.tag_ == "VBN") and _headline_passive(tok))
            or (
                headline
                and tok.tag_ == "VBN"
                and tok.dep_ == "ROOT"
                and not any(
                    c.dep_ in ("aux", "auxpass", "nsubj", "dobj", "obj") for c in tok.children
                )
            )
        )
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if tok.lower_ in ("died", "die", "dies", "dying", "succumbed", "passed", "passes"):
            objs = []  # "he died a short time later": no one is the object of a death
        if (
            tok.lower_
            in (
                "dead",
                "deceased",
                "died",
                "die",
                "dies",
                "dying",
                "succumbed",
                "passed",
                "passes",
                "hurt",
                "injured",
                "wounded",
            )
            and not objs
        ):
            hobj = (
                [c for c in tok.head.children if c.dep_ in ("dobj", "obj")]
                if tok.dep_ in ("oprd", "ccomp", "xcomp", "acomp")
                else []
            )
            # "Authorities pronounced 35-year-old Shaheer Parson dead": the object, not the
            # subject, is dead
            # "2 dead, 3 hospitalized": the number before the word is its own, not the
            # subject of the verb it hangs on
            own = [c for c in tok.children if c.i < tok.i and c.like_num and not is_year(c.text)]
            subs = hobj or own[-1:] or _head_subject(tok)
            for s in subs:
                add(s, status)
            if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
                add(tok.head, status)
            continue
        if passive:
            # "was also shot", "was shot too"; not "was shot ... also in central Toledo"
            also = any(
                c.dep_ == "advmod" and (c.lower_ == "too" or (c.lower_ == "also" and c.i < tok.i))
                for c in tok.children
            )
            subjects = _head_subject(tok)
            if not subjects and headline and tok.dep_ == "ROOT":
                # "Boy, 14, fatally shot in O'Fallon Park": the parser makes "Boy" an
                # interjection; the person a headline opens with is the one shot
                first = sd[0]
                if first.head.i == tok.i and (first.lower_ in PERSON_NOUNS or _aged_noun(first)):
                    subjects = [first]
            for s in subjects:
                add(s, status, also=also)
                if s.i == 0 and s.i in seen and seen[s.i].count is None and s.lower_ == s.lemma_:
                    seen[s.i].count = 1  # the tagger made it no noun, so no number came with it
            for o in _along_with(tok):
                add(o, status, also=True)  # "Ann Lee was shot along with a 16-year-old boy"
            continue
        # active: "killing 12 people", "shot and killed two men", "leaving two officers injured"
        agents = [c for c in tok.children if c.dep_ == "nsubj"]
        if not agents and tok.dep_ in ("advcl", "conj", "xcomp"):
            # "Parish fired multiple shots, killing Sarah Davidson": the agent of the main verb
            agents = [c for c in tok.head.children if c.dep_ == "nsubj"]
        for o in objs:
            if o.lower_ in ("himself", "herself"):
                # "killed himself": a perpetrator's suicide; "shot himself" (by accident, often
                # a child): the subject is the one shot
                if status == "killed":
                    subs = agents or _head_subject(tok)
                    if any(
                        a.lower_ in PERP_NOUNS or a.lemma_.lower() in PERP_NOUNS for a in subs
                    ) or any(
                        # someone else shot first ("shot his wife, then himself"); "picked up
                        # a gun and killed herself" names no other victim
                        c.dep_ in ("dobj", "obj")
                        and c.lower_ not in ("himself", "herself")
                        and _is_person(c)
                        for h in (tok, tok.head)
                        for c in h.children
                    ):
                        add(o, "killed", reflexive_agent=True)  # "shot his wife, then himself"
                    else:
                        # "The toddler accidentally shot and killed himself": the victim
                        for a in subs:
                            add(a, "killed", self_inflicted=True)
                elif status == "shot":
                    for a in agents or _head_subject(tok):
                        add(a, "shot", self_inflicted=True)
            else:
                add(o, status)
        # "shot himself": one person hurt, not a shooter and a victim (self-inflicted wounds are
        # counted once, as an injury)
        self_shot = status == "shot" and all(o.lower_ in ("himself", "herself") for o in objs)
        if objs and not self_shot:
            for a in agents:
                if a.pos_ in ("PROPN", "NOUN", "PRON") and status in ("killed", "shot"):
                    a0, b0 = _subtree_span(
                        a, {"conj", "cc", "appos", "relcl", "acl", "punct", "prep"}
                    )
                    sp = sd[a0:b0]
                    st.agents.append(
                        (sp.text, _person_name(a), base + sp.start_char, base + sp.end_char)
                    )
    death_of: list[Any] = []
    # "the (shooting) death of 5-year-old Noelle Shawver", "the deaths of two men": killed
    # (not "the attempted murder of a man")
    for tok in toks:
        if (
            tok.lower_ in _DEATH_NOUNS or tok.lower_ in _DEATH_NOUNS_PLURAL or tok.lower_ == "loss"
        ) and tok.pos_ == "NOUN":
            if any(c.lower_ in ("attempted", "attempt") for c in tok.children):
                continue
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for o in prep.children:
                        if o.dep_ == "pobj" and (o.ent_type_ == "PERSON" or _untagged_name(o)):
                            add(o, "killed")
                        elif (
                            o.dep_ == "pobj"
                            and (_is_person(o) or _aged_noun(o))
                            and o.lower_ not in PERP_NOUNS
                            and o.lemma_.lower() not in PERP_NOUNS
                        ):
                            death_of.append(o)  # "the death of a 2-year-old boy"
    if not any(p.status == "killed" for p in seen.values()):
        # a death said of a noun only where the sentence names no dead otherwise ("The death of
        # a man ... is under investigation. Officials say John Doe died")
        for o in death_of:
            add(o, "killed")
    # "doctors were not able to save her", "medics could not save him": killed
    for tok in toks:
        if tok.lemma_ == "save" and tok.pos_ == "VERB" and _negated_ability(tok):
            for o in tok.children:
                if o.dep_ in ("dobj", "obj"):
                    add(o, "killed")
    # "was taken to a hospital", "is in stable condition": injured
    for tok in toks:
        low = tok.lower_
        hit = False
        status = "injured"
        if low == "condition" and any(
            c.lower_ in ("critical", "serious", "stable", "fair", "grave", "good")
            for c in tok.children
        ):
            hit = True
        elif (
            tok.lemma_ in _WOUND_VERBS
            and tok.pos_ in ("VERB", "AUX")
            and any(
                c.lower_ in _WOUND_NOUNS
                or any(g.lower_ in _WOUND_NOUNS for g in c.children if g.dep_ == "pobj")
                for c in tok.children
                if c.dep_ in ("dobj", "obj", "prep")
            )
        ):
            # "suffered a gunshot wound to the leg", "is recovering from a gunshot wound"
            hit = True
            if any(c.lower_ in ("fatal", "mortal") for c in tok.subtree):
                status = "killed"  # "sustained a fatal, self-inflicted wound"
            elif tok.lemma_ in ("suffer", "sustain", "have") and _plain_gunshot_wound(tok):
                # "found suffering from gunshot wounds": shot, which the dead were too
                status = "shot"
        elif (
            tok.lemma_ == "recover"
            and tok.pos_ == "VERB"
            and _SHOT_TEXT_RE.search(sd.text)
            and not any(c.dep_ in ("dobj", "obj") for c in tok.children)
        ):
            hit = True  # "Four people are recovering at hospitals after being shot"
        elif (
            tok.lemma_ in ("remain", "be", "stay")
            and tok.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ == "prep"
                and c.lower_ == "in"
                and any(o.lower_ in ("hospital", "hospitals") for o in c.children)
                for c in tok.children
            )
        ):
            hit = True  # "a 7-year-old boy remains in the hospital"
        elif (
            (
                tok.lemma_ in ("go", "arrive", "walk", "show")
                or (
                    tok.lemma_ == "drive"
                    and any(c.lower_ in _REFLEXIVES for c in tok.children if c.dep_ == "dobj")
                )
            )
            and (
                tok.tag_ != "VBN"
                or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
            )
            and _HOSPITAL_RE.search(" ".join(t.text for t in tok.subtree))
            and not any(
                c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" for g in c.children)
                for c in tok.children
            )
        ):
            # "two other victims drove themselves to the hospital", "went to the hospital"
            # (not "went to the hospital to see him": a visit; not "drove him to the hospital",
            # said by the one who drove)
            hit = True
        elif (
            tok.lemma_
            in (
                "take",
                "transport",
                "rush",
                "airlift",
                "hospitalize",
                "fly",
                "send",
                "treat",
                "release",
                "discharge",
            )
            and (
                _HOSPITAL_RE.search(sd.text)
                # "were treated and released", "was treated at the scene"
                or (tok.lemma_ == "treat" and _TREATED_RE.search(sd.text[tok.idx :]))
            )
        ):
            hit = tok.tag_ == "VBN"
            if tok.lemma_ == "send" and tok.tag_ != "VBN" and not _DEATH_RE.search(sd.text):
                # "a shooting that sent four teens to the hospital"
                for o in tok.children:
                    if o.dep_ in ("dobj", "obj"):
                        add(o, "injured")
        if hit and status != "killed" and _DEATH_RE.search(sd.text[tok.idx :]):
            hit = False  # "taken to a hospital where he died": killed, said there
        if hit and status != "killed" and _UNHURT_RE.search(sd.text):
            hit = False  # "found alive and uninjured and taken to the hospital as a precaution"
        if not hit:
            continue
        verb = tok
        aged_subject: list[Any] = []
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
                break
            verb = verb.head
            if verb.pos_ == "ADJ" and _aged_noun(verb):
                # "Four-year-old in stable condition …, suspect arrested": the condition is
                # the four-year-old's, not that of the subject of the verb "old" hangs on
                aged_subject = [verb]
                break
        subs = aged_subject or _head_subject(verb)
        also = False
        if not subs and verb.dep_ in ("advcl", "xcomp", "oprd") and verb.head.lemma_ == "find":
            # "Deputies found Ann Lee and her sister inside, suffering from gunshot wounds"
            # ("also found": besides the dead found first)
            subs = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
            also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.head.children)
        for sub in subs:
            if sub.i not in seen:
                add(sub, status, also=also)
    # "leaving two officers injured": the object of leave/leaving with an injured complement
    for tok in toks:
        if tok.lemma_ == "leave":
            for c in tok.children:
                if c.dep_ in ("ccomp", "oprd", "xcomp") and _status_of(c):
                    for s in c.children:
                        if s.dep_ in ("nsubj", "dobj"):
                            add(s, _status_of(c) or "shot")
                if c.dep_ == "dobj":
                    for cc in c.children:
                        if cc.dep_ in ("amod", "acomp", "oprd") and _status_of(cc):
                            add(c, _status_of(cc) or "shot")
                    for sib in tok.children:
                        # "a shooting that left four men injured": the parser hung "injured"
                        # on "left", beside its object
                        if (
                            sib.i > c.i
                            and sib.dep_ in ("advcl", "ccomp", "oprd", "xcomp")
                            and _status_of(sib)
                            and not any(
                                x.dep_ in ("nsubj", "nsubjpass", "dobj") for x in sib.children
                            )
                        ):
                            add(c, _status_of(sib) or "shot")
                    if _left_in_care(tok) and not _DEATH_RE.search(sd.text):
                        add(c, "injured")  # "a shooting that left a boy in the hospital"
                    elif _left_with_wounds(tok) and not _DEATH_RE.search(sd.text):
                        add(c, "injured")  # "an accident that left him with severe injuries"
    # a relative clause's dead only count in a sentence that names no other dead ("Vincent
    # Wainwright, 32, who was pronounced dead at the scene" is already one of "two men killed")
    if any(p.status == "killed" for i, p in seen.items() if i not in relcl):
        for i in relcl:
            if i in seen and seen[i].status == "killed":
                del seen[i]
    # "Two of the three victims died": the group after "of" is not counted again; "one of
    # four women wounded has died": the four are all those shot, the dead among them
    for i in list(seen):
        t = sd[i]
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i in seen:
            part = seen[t.head.head.i]
            if seen[i].status == part.status:
                del seen[i]
            elif part.status == "killed":
                seen[i].status = "shot"
    # one dead told twice in a sentence: "Police said Bibb died after a man fired into the home,
    # killing the girl", "He was pronounced dead at the hospital. The teen killed was 15" (two
    # sentences the splitter joined)
    # so with one hurt: "police say he shot his 10-year-old brother, claiming the child shot
    # himself"
    for group in (("killed",), ("injured", "shot")):
        # (and a group told twice, a headline run into its report: "2 Dead, 7 Injured in DC
        # Shooting: Police Two people are dead and seven people are injured")
        dead = sorted(i for i, p in seen.items() if p.status in group and not p.perp and p.count)
        for i in dead:
            for j in dead:
                if (
                    i < j
                    and i in seen
                    and j in seen
                    and seen[i].count == seen[j].count
                    and (
                        _same_dead(sd[i], sd[j], seen[i], seen[j])
                        or (_bare_count(seen[i]) and not _bare_count(seen[j]))
                    )
                ):
                    a, b = seen[i], seen[j]
                    drop = i if a.pronoun or (b.person and not a.person) else j
                    keep = j if drop == i else i
                    if rank[seen[drop].status] > rank[seen[keep].status]:
                        seen[keep].status = seen[drop].status  # "injured" over "shot"
                    del seen[drop]
    # "Ed Bryant was shot in the chest and taken to a hospital, where he was pronounced dead":
    # the one shot is the one who died
    pron_dead = [i for i, p in seen.items() if p.status == "killed" and p.pronoun and not p.perp]
    hurt = [
        i
        for i, p in seen.items()
        if p.status in ("injured", "shot") and not p.pronoun and not p.perp and p.count == 1
    ]
    if (
        len(pron_dead) == 1
        and len(hurt) == 1
        and hurt[0] < pron_dead[0]
        and not any(p.status == "killed" and not p.pronoun for p in seen.values())
        and _one_sex(seen[hurt[0]], seen[pron_dead[0]])
    ):
        seen[hurt[0]].status = "killed"
        del seen[pron_dead[0]]
    # "Three people were injured, including a girl who succumbed to her injuries", "shot four
    # others, including one who died": those hurt are the group less its dead
    for k, dead_p in list(seen.items()):
        inc = sd[k].head
        if dead_p.status != "killed" or sd[k].dep_ != "pobj" or inc.lower_ != "including":
            continue
        anchor = inc.head
        for g, grp in seen.items():
            if (
                grp.status in ("injured", "shot")
                and not grp.perp
                and (grp.count or 0) > (dead_p.count or 0) >= 1
                and (g == anchor.i or sd[g].head.i == anchor.i)
            ):
                grp.count = (grp.count or 0) - (dead_p.count or 0)
                grp.status = "injured"
                break
    # "the murder of Ann Lee and Tom Roe since the two were shot to death": "the two" are the
    # people the sentence names (not "the two men killed and a woman wounded": a new one)
    for group in (("killed",), ("injured", "shot")):
        pts = {i: p for i, p in seen.items() if p.status in group and not p.perp and p.count}
        anaphors = {i: p for i, p in pts.items() if _definite_plural(sd[i], p)}
        if not anaphors:
            continue
        n = max(p.count or 0 for p in anaphors.values())
        for i, p in anaphors.items():
            if sd[i].lower_ in ("both", "all") and any(
                j < i and (q.count or 0) >= (p.count or 0) for j, q in anaphors.items()
            ):
                p.in_group = True  # "The two students were taken to a trauma center; both ..."
        given = {
            i: p
            for i, p in pts.items()
            if i not in anaphors
            and not re.match(r"(?:an?|one|another)\b", p.text, re.I)
            and not _OTHER_RE.search(p.text)
        }
        if (
            given
            and len(given) == len(pts) - len(anaphors)
            and sum(p.count or 0 for p in given.values()) <= n
        ):
            for p in given.values():
                p.in_group = True
    # "a vigil honoring a man killed last week", "the funeral of Ann Lee, who died Monday": one
    # mourned died before the gathering the report is about
    for i in list(seen):
        if _mourned(sd[i]):
            del seen[i]
    st.patients = sorted(seen.values(), key=lambda p: p.start)
    return st
