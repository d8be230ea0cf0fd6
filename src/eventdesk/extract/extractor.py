"""Rule-based incident fact extractor.

Event taxonomy (``model.EVENT_TYPES``), aligned with the GTD attack types and ACLED
sub-event types:

==================== ======================================== ===============================
eventdesk            GTD attack type                          ACLED sub-event type
==================== ======================================== ===============================
armed_assault        Armed Assault                            Attack / Armed clash
bombing              Bombing/Explosion                        Remote explosive, Suicide bomb
stabbing             Armed Assault (melee weapon)             Attack
vehicle_ramming      Unarmed Assault / Armed Assault (vehicle) Attack
hostage_kidnapping   Hostage Taking (Kidnapping/Barricade)    Abduction/forced disappearance
arson                Facility/Infrastructure Attack           Arson / Looting/property destr.
accidental_shooting  (not coded by GTD)                       (not coded by ACLED)
police_shooting      (not coded by GTD)                       Excessive force against protesters
                                                              / Attack (state forces)
riot_protest         (not coded by GTD)                       Riots / Protests
other                Unknown                                  Other
==================== ======================================== ===============================

Every fact carries the sentence that states it as evidence (``quote == text[start:end]``),
the source the sentence names (``attribution``) and its modality: corrections ("… are
incorrect") are ``retracted``, denials ``denied``, "believed to"/"reportedly" ``hedged``, and
values about another incident ("yesterday's massacre at …", "in a separate incident", a
victim told of only in sentences dated over a week before this incident) ``related``; those
never count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from eventdesk.extract.casualties import (
    _CONDITION_RE,
    _INJURY_NOUN_RE,
    CASUALTY_RE,
    Statement,
    statements,
)
from eventdesk.extract.context import SentInfo, evidence, sentence_infos, title_case
from eventdesk.extract.dates import DateMention, find_dates, find_times
from eventdesk.extract.geo import gazetteer
from eventdesk.extract.lexicon import (
    ARREST_RE,
    AT_LARGE_RE,
    CLAIM_PASSIVE_RE,
    CLAIM_RE,
    EVENT_CUES,
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICIAL_TITLES,
    PEOPLE_PLURAL,
    PERSON_NOUNS,
    POLICE_TITLES,
    SUICIDE_RE,
    SUSPECT_GROUP_RE,
    VEHICLE_RE,
    VEHICLE_USE_RE,
    WEAPON_PATTERNS,
    WEAPON_WORDS,
    WITNESS_RE,
)
from eventdesk.extract.location import extract_location
from eventdesk.extract.numbers import NUMBER_RE, is_year, parse_number
from eventdesk.model import Analysis, ArticleFacts, Evidence, Fact, LinkFeatures, Mention

try:  # owned by the linking work; fall back to a minimal version when absent
    from eventdesk.extract.features import build_link_features as _build_link_features
except ImportError:  # pragma: no cover - depends on the other module being present
    _build_link_features = None  # type: ignore[assignment]

_COURT_RE = re.compile(
    r"\b(court|trial|sentenc\w+|hearing|arraign\w*|funeral|vigil|memorial|scheduled|will be|"
    r"next|bond|jury|pleas?|plead\w*|pleaded|indicted|services|rally|candlelight|meeting|debate|"
    r"election|polls?|campaign\w*|news conference|press conference)\b",
    re.I,
)
_DATE_OTHER_EVENT = re.compile(
    r"\b(arrest(?:ed)?|plea|pleaded|judge|jail|court|charged|searching|search|statement|"
    r"identified|released|booked|funeral|vigil|hearing|trial|sentenced|indicted|told|interview|"
    r"scheduled|arraigned|arraignment|preliminary|hearings?|remain(?:s|ed)?|canvass(?:ed)?|"
    r"autops(?:y|ies)|surrendered|turned (?:himself|herself|themselves) in|custody)\b",
    re.I,
)
_DATE_THIS_EVENT = re.compile(
    r"\b(shot|shooting|killed|died|fired|wounded|gunfire|happened|occurred|opened fire|stabbed|"
    r"found dead|pronounced dead|struck)\b",
    re.I,
)
#: A date right after the words for the attack ("a shooting on Sunday", "was shot Friday").
_DATE_OF_EVENT = re.compile(
    r"\b(?:shooting|shot|gunfire|opened fire|fired|wounded|killed)\s+(?:[\w,]+\s+){0,3}?"
    r"(?:on\s+|early\s+|late\s+)?$",
    re.I,
)
#: "died Thursday after being shot Wednesday": GVA and ACLED date the attack, not the death
_DATE_DEATH_BEFORE = re.compile(
    r"\b(died|dies|succumbed|passed away|pronounced dead)\s+(?:[\w:.]+\s+){0,4}$", re.I
)
#: At or below this a date found is the date of something else (an arrest, an autopsy, a
#: hearing) and the publication date stands in instead: right more often on gva-dev (dates
#: 0.860 → 0.863).  A plain weekday on such a verb or noun scores just this ("was issued an
#: arrest warrant on Saturday afternoon").
WEAKEST_DATE_SCORE = -1.5
_SAID_BEFORE = re.compile(
    r"\b(said|says|announced|told|reported|confirmed|released)\s+(?:on\s+)?$", re.I
)
_AGE_AFTER = re.compile(
    r"^,?\s*(?:an?\s+)?(?:age\s+)?(\d{1,3})(?:-year-old|,|\)|\s+years?\s+old|\.(?:\s|$)|$)"
)
_AGE_BEFORE = re.compile(r"(\d{1,3})[- ]year[- ]old\s+(?:[\w-]+\s+){0,3}$")
_AGE_DESCRIBED = re.compile(
    r"^(?:he|she)\s+(?:was|is)\s+(?:described as|identified as|said to "
    r"be)\s+(?:an?\s+)?(\d{1,3})[- ]years?[- ]old",
    re.I,
)
_AGE_IN = re.compile(r"\b(\d{1,3})[- ](?:year|month)s?[- ]old\b", re.I)
_VICTIM_CUE = re.compile(
    r"\b(victims?|identified as|pronounced dead|died|killed|slain|wounded|injured|shot|hurt|"
    r"hospital|condition)\b",
    re.I,
)
#: Charges that are not for the shooting itself (a drug count, an old warrant).
_OTHER_CHARGE = re.compile(
    r"\b(?:interfering with (?:police|officers?)|possession of (?:a |an )?(?:controlled|schedule|"
    r"marijuana|cocaine|heroin|drug)|drug charges?|hit-and-run|(?:outstanding|default) warrants?|"
    r"probation violation|traffic stop|(?:sold|selling) (?:the |him |them )?drugs|"
    r"controlled substance)\b",
    re.I,
)
_SHOOTING_CHARGE = re.compile(
    r"\b(?:murder|homicide|manslaughter|assault|shooting|shot|attempted|killing|battery|"
    r"discharg\w+|firing|wounding)\b",
    re.I,
)
#: A name in apposition to the plain noun a shooting report uses for the one shot.
_PERSON_APPOS_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:\d{1,3}-year-old\s+)?(?:boy|girl|man|woman|teen|teenager|child|toddler|"
    r"infant|baby|youth)\s*,\s*$",
    re.I,
)
_SUSPECT_BEFORE = re.compile(
    r"\b(suspect|suspected (?:gunman|shooter)|gunman|shooter|accused|defendant|charged|arrested|"
    r"charging|booked|arrest of|searching for|looking for|person of interest|"
    r"identified the (?:suspect|shooter|gunman|killer) as|police (?:arrested|charged)|"
    r"(?:suspects|shooters|gunmen) (?:are|were|have been) identified as|"
    r"charges?\b[^.;]{0,50}\bagainst|warrants?\b[^.;]{0,30}\b(?:for|to arrest))\s*,?\s*"
    r"(?:as\s+|is\s+|was\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_SUSPECT_AFTER = re.compile(
    r"^\s*,?(?:\s*(?:all\s+|both\s+)?\d{1,3}\s*,?)?(?:\s*(?:of|from)\s+[\w .'’-]{1,90}?,?)?\s*"
    r"(?:who\s+)?(?:was|has been|had been|is|were|are|have been|remains?)\s+"
    # ("was initially arrested", "were both formally charged")
    r"(?:(?:later|also|both|all|then|since|now|first|\w+ly)\s+){0,2}(?:being\s+)?"
    r"(?:arrested|charged|booked|taken into custody|detained|apprehended|jailed|indicted|accused|"
    r"held|wanted|cited|in custody|behind bars|"
    r"issued an? (?:arrest )?warrant)|"
    r"^\s*,?(?:\s*(?:all\s+|both\s+)?\d{1,3}\s*,?)?(?:\s*(?:of|from)\s+[\w .'’-]{1,50}?,?)?\s*"
    r"(?:(?:all|both|each)\s+)?(?:faces|face|is facing|are facing|turned himself in|"
    r"turned herself in|entered (?:a |the )?(?:guilty |not guilty )?pleas?|"
    r"accused of|wanted (?:in|for|on)|surrendered|pleaded|allegedly|as a person of interest|"
    # "A, B and C were also offered plea deals", "will also stand trial"
    r"(?:was|were)\s+(?:also\s+)?(?:not\s+)?offered (?:a\s+)?plea|"
    r"will\s+(?:also\s+)?(?:stand|go to) trial)",
    re.I,
)
_VICTIM_AFTER = re.compile(
    r"^\s*,?(?:\s*(?:an?\s+)?\d{1,3}(?:-year-old)?\s*,?|\s*(?:an?|the)\s[^,]{3,90},)?"
    r"(?:\s*(?:of|from)\s+[A-Z][\w .'’-]{1,40},?)?\s*(?:who\s+)?"
    r"(?:was|were|had been|has been|is)"
    r"\s+(?:\w+\s+){0,2}(?:shot|killed|found dead|pronounced dead|wounded|injured|hit|struck|"
    r"gunned down|hospitali[sz]ed|in (?:a|the) hospital|(?:home|released) from (?:a|the) hospital|"
    r"recovering (?:from|in|at)|"
    r"taken to|rushed to|in critical|in serious|in stable|murdered|slain|one of (?:the\s+)?(?:\w+\s+)?"
    r"(?:victims|people (?:shot|killed|wounded))|(?:(?<=was )|(?<=is ))the (?:\w+\s+)?victim\b(?!['’])|identified as (?:the|one of the|an?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:victims?|killed|shot|injured|wounded|hurt|dead))|^\s*,?(?:\s*\d{1,3},)?"
    r"(?:\s*(?:of|from)\s+[A-Z][\w .'’-]{1,40},?)?"
    r"\s*(?:(?:all|both)\s+)?(?:died|dies|later died|suffered|sustained|was hit|had (?:\w+ )?gunshot wounds?|"
    r"(?:accidentally\s+|fatally\s+)?shot (?:himself|herself)|"
    r"underwent (?:\w+ )?surgery|was found (?:\w+ )?(?:with|suffering))",
    re.I,
)
#: "X was sitting in a car when she was shot", "X was asleep when a stray bullet struck the
#: back of his head": what X was doing when the shot hit X.
_VICTIM_WHEN = re.compile(
    r"^\s*,?(?:\s*\d{1,3},)?\s*(?:was|were)\s+[^.;]{0,120}?\bwhen\b[^.;]{0,80}?\b(?:"
    r"(?:he|she|they)\s+(?:was|were|got)\s+(?:\w+\s+)?(?:shot|struck|hit|wounded)|"
    r"(?:shot|struck|hit|striking|hitting)\s+(?:him|her|them|the\s+\w+\s+of\s+(?:his|her))\b)",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"(?:" + OFFICIAL_TITLES.pattern + r")(?!.*(?:" + OFFICIAL_TITLES.pattern + r"))", re.I
)
_TITLE_TO_NAME = re.compile(r"\.?(?:\s*,)?(?:\s+(?:of|the|[A-Z][\w.'’-]*))*\s*,?\s*")
_SPEAKER_AFTER = re.compile(r"^\s*(?:said|says|say|added|adds|explained|stated)\b", re.I)
#: '"...," said Monet Ruiz, 45.': the one quoted, whom an age alone does not make a victim.
_SPEAKER_BEFORE = re.compile(
    r"(?:[”\"]\s*,?\s*(?:said|says|added|explained|recalled)|\baccording to)\s*$", re.I
)
_VICTIM_BEFORE = re.compile(
    r"\b(victims?(?: was| were| has been| have been)?(?: identified)?(?: as)?|survivors?|"
    r"identified (?:the "
    r"(?:victims?|man|woman|teen|boy|girl|deceased|dead man) )?as|killing|wounding|injuring|"
    r"shot and killed|fatally shot|shot|killed|murdered|death of|slaying of|killing of|"
    r"murder of|shooting of|bodies of|body of|(?:tried|attempted|plotted|planned) to (?:kill|shoot)|"
    # "He identified the 12-year-old as", "The teen was identified Wednesday as"
    r"identif(?:y|ies|ied) (?:[\w-]+\s+){0,4}as|"
    # "The victim's parents tell us his name was Gregory Higdon"
    r"victim\b[^.;]{0,40}\b(?:his|her) name (?:was|is)|"
    # "The victims include one of Mata's closest friends, amateur boxer Luis Carrasco"
    r"victims (?:include|included|are|were)\b[^.;]{0,50},)"
    r"\s*[,:]?\s*(?:\d{1,3}-year-old\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: "identified the 15-year-old killed in a Wednesday shooting as": the one hurt or killed,
#: described at more length than ``_VICTIM_BEFORE`` looks back.
_IDENTIFIED_AS = re.compile(
    r"\bidentif(?:y|ies|ied)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:victim|man|woman|teen\w*|boy|"
    r"girl|child|toddler|baby|infant|person|\d{1,3}-year-old|deceased)\b[^.;:]{0,70}?\s"
    r"(?:killed|shot|wounded|injured|hurt|dead|died|slain)\b[^.;:]{0,50}?\bas\s*$",
    re.I,
)
#: Nouns a report uses for "the victim" whoever it is: once someone is killed, a lone
#: "victim was taken to hospital" is most likely the same person.
_BARE_NUMBER = re.compile(r"^(?:one|two|three|1|2|3)$", re.I)
_GENERIC_VICTIMS = frozenset(["victim", "child", "toddler", "juvenile"])
_ANOTHER_RE = re.compile(r"\b(another|also|second|third|other|others|too|as well)\b", re.I)
_MULTIPLE_SHOOTING = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[- ](?:shooting|homicide shooting)s?\b", re.I
)
_MULTIPLE_N = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def _multiple_shooting(usable: list[SentInfo]) -> tuple[int, SentInfo | None]:
    """How many a "double/triple/quadruple shooting" shot, and the first sentence that says
    so (a report of several such shootings is left alone)."""
    found: dict[int, SentInfo] = {}
    for s in usable:
        if s.related or s.modality in ("retracted", "denied"):
            continue
        for m in _MULTIPLE_SHOOTING.finditer(s.text):
            if re.search(r"\bshootings\b", m.group(0), re.I):
                return 0, None
            found.setdefault(_MULTIPLE_N[m.group("n").lower()], s)
    if len(found) != 1:
        return 0, None
    n, s = next(iter(found.items()))
    return n, s


def _only_speaker(p: Person) -> bool:
    """Whether every sentence that gave ``p`` has them speaking ("Pawlak said the woman took
    Brazelton to the hospital, where he was pronounced dead"): no casualty of theirs."""
    last = re.escape((p.name or "").split()[-1]) if p.name else ""
    return bool(last) and all(
        re.search(rf"\b{last}\s+(?:said|says|told|added)\b", s.text) for s, _, _ in p.evidence
    )


#: Figures summed over several incidents: a city's night, weekend or year of shootings.
_ROUNDUP = re.compile(
    r"\b(?:separate|different|several|multiple|(?:two|three|four|five|six|\d+)(?: separate)?)\s+"
    r"(?:shootings|incidents)\b|\b(?:in|city|weekend|overnight) shootings\b|\bcitywide\b|"
    r"\bacross the city\b|\b(?:so far |earlier )?this year\b|\bso far in \d{4}\b|"
    r"\blast year in\b|\b(?:series|string|spate|rash|wave) of (?:[\w-]+ ){0,2}shooting'?s\b|"
    r"\bin the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)\b|"
    r"\b(?:\w+-hour|\w+-day) (?:span|stretch|period)\b|\bin \w+ alone\b|"
    # "two children hurt and killed by gun violence in one week"
    r"\bin (?:one|a single|just one|less than a|under a) (?:week|month|weekend)\b|"
    # "among 11 people shot, one fatally, from Tuesday afternoon to early Wednesday"
    r"\bfrom (?:\w+day|noon|midnight)\b.{0,30}\b(?:to|until|through) (?:early |late )?\w+day\b",
    re.I,
)
_DEATH_WORD = re.compile(
    r"(?<!attempted )\b(?:died|dies|dead|deceased|killed|killing|death|fatal(?:ly)?|succumbed|slain|"
    r"homicide)\b",
    re.I,
)
_MURDER_SUICIDE = re.compile(r"\bmurder[- ]suicide\b", re.I)
#: Harm of another kind than gunfire, said of a sentence's casualties.
_OTHER_HARM = re.compile(
    r"\b(?:crash(?:es|ed)?|collision|(?:house|apartment|structure|car) fire|blaze|stabb(?:ed|ing)|"
    r"knife|beaten|beating|overdose|drown(?:ed|ing)?|hit-and-run|(?:struck|hit) by (?:a|the) "
    r"(?:car|vehicle|truck|train))\b",
    re.I,
)
_GUN_WORD = re.compile(
    r"\b(?:shot|shots|shoot\w*|gunfire|gunshot|gunman|gunmen|bullets?|guns?|handgun|rifle|"
    r"pistol|shotgun|fired|firing|opened fire)\b",
    re.I,
)
_DEAD_WITH_PERP = re.compile(
    r"\b(?:including|among them) (?:the )?(?:alleged |suspected |lone )?(?:gunman|shooter|"
    r"suspect|attacker|killer)\b|\b(?:gunman|shooter|suspect|attacker|killer) (?:is|was) among "
    r"(?:the )?(?:\w+ )?dead\b",
    re.I,
)
_OTHERS_NP = re.compile(r"\bothers?\b", re.I)
_NEG_STATUS_RE = re.compile(r"\b(not|no one|nobody|none|unharmed|uninjured)\b", re.I)
_NO_CASUALTY_RE = re.compile(
    r"\b(?:no one|nobody|no other|none of the \w+|no (?:one else|officers?|other people))\s+(?:"
    r"else\s+)?(?:was|were|has been|had been)\s+(?:\w+\s+)?(?P<s>injured|hurt|wounded|killed|shot)|"
    r"\bno (?P<s2>injuries|deaths|fatalities) (?:were|was|have been)?\s*reported|\bthere were no "
    r"(?P<s3>wounded|injuries|deaths|casualties|fatalities)",
    re.I,
)
_REPORTED_THAT = re.compile(
    r"\b(?:reported|reports?|claimed|said|rumou?rs?)\s+that\s+(?P<what>.+?)"
    r"(?:,?\s+but\b|,\s+(?:a|an|the)\b|\s+(?:has|have|had|was|were)\s+been"
    r"\s+(?:denied|refuted))"
)
_PERSON_TITLE_STRIP = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|sgt|officer|deputy|det|lt|capt)\.?\s+)+", re.I
)
_DESCR_HEADS = {
    "gunman": "perpetrator",
    "shooter": "perpetrator",
    "assailant": "perpetrator",
    "attacker": "perpetrator",
    "killer": "perpetrator",
    "perpetrator": "perpetrator",
    "sniper": "perpetrator",
    "bomber": "perpetrator",
    "terrorist": "perpetrator",
    "robber": "perpetrator",
    "intruder": "perpetrator",
    "suspect": "suspect",
}
_PERP_NP = re.compile(
    r"\b(?P<np>(?:an?|the|one|another|second|lone)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<head>gunman|shooter|assailant|attacker|killer|sniper|bomber|suspect|"
    r"terrorist|robber|intruder))\b",
    re.I,
)
_ARREST_NP = re.compile(
    r"\b(?P<np>(?:one of the (?:men|suspects|gunmen|attackers)|(?:an?|the|one|another|second)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:man|woman|suspect|gunman|shooter|teen|teenager|person|boy|girl|"
    r"juvenile)))\s+(?:was|has been|had been)\s+(?:later\s+)?(?:arrested|detained|taken into "
    r"custody|apprehended)",
    re.I,
)
_SHOT_SPLIT = re.compile(
    rf"\b(?P<n>{NUMBER_RE})\s+(?:[\w-]+\s+){{0,2}}?(?:{PEOPLE_PLURAL})?\s*(?:were|have been|had been|"
    rf"are)?\s*(?:shot|wounded|hit),?\s+(?:and\s+|including\s+)?(?P<m>{NUMBER_RE})\s+(?:of them\s+|"
    rf"of whom\s+)?(?:fatally|died|were killed|killed|dead|have died|mortally|are dead|"
    rf"are deceased|were pronounced dead)",
    re.I,
)
#: The one whose gun went off ("Randy Babcock, was cleaning the .22-caliber handgun when it
#: went off", "William Cooley was in the process of disabling the 9 mm gun when it fired"):
#: the shooter of an accident, a subject of it as GVA lists him (unless it hit him: a status
#: of his own makes him the victim, ``RuleExtractor._participants``).
_HANDLER_AFTER = re.compile(
    r"^\s*,?(?:\s*(?:an?\s+)?\d{1,3}(?:-year-old)?,)?"
    r"(?:\s*(?:of|from)\s+[A-Z][\w ]{1,30}(?:,\s*[A-Z][a-z]{1,3}\.)?,?)?\s*"
    r"(?:(?:was|had been|is)\s+(?:[\w-]+\s+){0,5}?(?:cleaning|handling|holstering|unholstering|"
    r"loading|unloading|disabling|showing|inspecting|examining|playing with)|dropped|picked up)\b"
    r"[^;]{0,60}?\b(?:gun|handgun|pistol|rifle|shotgun|revolver|firearm|weapon)\b"
    r"[^;]{0,60}?\b(?:went off|discharged|fired|accidentally)\b(?![^;]{0,40}\b(?:himself|herself|"
    r"him|his own)\b)",
    re.I,
)
_PERP_AFTER = re.compile(
    r"^\s*,?(?:\s*(?:an?\s+)?\d{1,3}(?:-year-old)?,)?\s*(?:then\s+|allegedly\s+|also\s+)?"
    r"(?:opened fire|shot and killed|fatally shot|shot at|fired (?:at|into|on|several|multiple|a|"
    r"shots)|pointed (?:a|the|his|her)|pulled (?:out )?(?:a|the|his|her) (?:gun|handgun|pistol|"
    r"rifle)|stabbed|killed (?:his|her|the|a)|shot (?:his|her|the|a|him|two|three)|"
    r"(?:shot|killed) (?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sept?|Oct|Nov|Dec|Last|Early|Late|This|Near|In|At|On|Outside|Inside)\b)"
    r"(?-i:[A-Z][a-z])(?!\w*\s+(?:County|Street|Avenue|Road|Park)\b))",
    re.I,
)
#: "was shot by Tom Reyes", "one shot was fired by Reyes": the one who fired.
_PERP_BEFORE = re.compile(
    r"\b(?:shot|fired|killed|wounded|struck|hit|shooting|killing)\s+(?:\w+\s+)?by\s*$", re.I
)
_NOT_A_NAME = re.compile(
    r"\b(?:Memorial|Hospital|County|Police|Wounded|Multiple|Department|Sheriff|Center|Street|"
    r"Avenue|Road|School|Church|University|Medical|News|Facebook|Twitter|Instagram|Image|Photo|"
    r"Copyright|Associated Press|St|Ave|Rd|Blvd|Dr|Ln|Streets|Fire|Rescue|EMS|Lane|Drive|"
    r"Boulevard|Parkway|Highway|College|Inn|Trauma|Mall|Plaza|Park|Grocery|Market|Store|"
    r"Apartments|Victims?|Investigation|Underway|Manslaughter|Assault|Homicide|Detail|Degree|"
    r"Update|Breaking|Race|Sex|Court|Circle|Terrace|Billiards|Lounge|Grill|Restaurant|Tavern|"
    r"Motel|Hotel|Salon|Liquor|Pub|Nightclub|Club|Theater|Theatre|Officers|Deputies|Suspects|"
    r"Injured|Kill|"
    r"Killed|Slain|Shooting|Shootings)\b|\d|\s[A-Z]$|"  # "Kill Bed-Stuy", "Charlie O's"
    r"\w['’]s\s|"
    r"^(?:Sgt|Lt|Det|Capt|Cpl|Officer|Deputy|Chief|Sheriff|Detective|Mr|Mrs|Ms|Dr|Jr|Sr)\.?$|"
    # "deadly West Adams party shooting" (a neighbourhood), "Brothers Harvey and Jeremy Jones"
    r"^(?:North|South|East|West|Brothers|Sisters|Cousins)\s"
)


def _big_us_city(gaz: Any, word: str) -> bool:
    """A US city of 20,000 people or more (a surname that is a hamlet's name is a surname)."""
    return gaz is not None and any(
        p.country == "US" and p.population >= 20000 for p in gaz.city(word)
    )


#: Lower-case words a name may hold ("Ludwig van Beethoven", "Maria de la Cruz").
_NAME_PARTICLES = frozenset(
    ["de", "la", "del", "della", "der", "van", "von", "da", "di", "du", "le", "bin", "al", "y"]
)
_DIED_AFTER_SHOT = re.compile(
    rf"\b(?P<m>{NUMBER_RE})\s+(?:person|people|man|woman|teen|teenager|victim|of them)?\s*"
    rf"(?:has\s+|have\s+)?died\s+after\s+(?P<n>{NUMBER_RE})\s+(?:{PEOPLE_PLURAL})?\s*(?:were|had been|"
    rf"have been)\s+shot",
    re.I,
)
#: "One of two men shot late Monday in Belle Glade dies": of those shot, some died
_OF_SHOT_DIED = re.compile(
    rf"\b(?P<m>{NUMBER_RE})\s+of\s+(?:the\s+)?(?P<n>{NUMBER_RE})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:shot|wounded)\b[^.;]{{0,60}}?\b(?:dies|died|has died|have died|is dead|are dead)\b",
    re.I,
)
_DEATH_TOLL = re.compile(
    rf"\bdeath toll\s+(?:has\s+)?(?:rose|rises|risen|climbed|climbs|stands|stood|increased|is|was|"
    rf"now)?\s*(?:to|at|of)?\s*(?P<n>{NUMBER_RE})\b",
    re.I,
)
_EXPLICIT_INJURY = re.compile(
    r"\b(wounded|injured|injuries|hurt|condition|hospital\w*|treated|survived)\b", re.I
)
_WITNESS_NAMED = re.compile(
    r"\b(?:witness|neighbou?r|resident|bystander|passer-by|onlooker)\s+(?:who\s+(?:was|is)\s+)?"
    r"(?:identified\s+(?:only\s+)?as|named|called)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_STATUS_RANK = {
    "killed": 5,
    "injured": 4,
    "arrested": 3,
    "at large": 2,
    "unharmed": 1,
    "unknown": 0,
}
_ROLES = ("victim", "perpetrator", "suspect")
#: More named participants than this, first named in nearly as many sentences: a round-up.
_ROUNDUP_NAMES = 10
_ROLE_RANK = {"perpetrator": 5, "suspect": 4, "victim": 3, "witness": 2, "official": 1, "other": 0}


@dataclass(slots=True)
class Person:
    key: str
    name: str | None
    description: str | None = None
    role: str = "other"
    status: str = "unknown"
    age: int | None = None
    gender: str | None = None
    evidence: list[tuple[SentInfo, int, int]] = field(default_factory=list)
    first: int = 10**9
    attribution: str | None = None
    modality: str = "asserted"
    explicit_injury: bool = False  # "wounded", "in critical condition": not merely "was shot"

    def set_role(self, role: str) -> None:
        if _ROLE_RANK[role] > _ROLE_RANK[self.role]:
            self.role = role

    def set_status(self, status: str) -> None:
        if _STATUS_RANK[status] > _STATUS_RANK[self.status]:
            self.status = status


#: A page's own stamp of when its story came out: "(Published Friday, Sept. 2, 2016)".
_PUBLISHED_STAMP = re.compile(
    r"\(Published (?:[A-Z][a-z]+day, )?([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\)"
)


def _published(analysis: Analysis) -> date | None:
    """The day the report came out, against which "Thursday" is resolved: the record's date,
    or the page's own earlier stamp ("(Published Friday, Sept. 2, 2016)" on a page the
    archive dates October 27th)."""
    p = analysis.article.published
    day = p.date() if p is not None else None
    stamp = _PUBLISHED_STAMP.search(analysis.article.text[:3000])
    if stamp and day is not None:
        told = find_dates(stamp.group(1), None)
        if told and told[0].value is not None and told[0].value < day:
            return told[0].value
    return day


def _ev(analysis: Analysis, s: SentInfo) -> Evidence:
    return evidence(analysis, s)


def _gender(words: str) -> str | None:
    toks = set(re.findall(r"[a-z]+", words.lower()))
    f, m = len(toks & FEMALE_WORDS), len(toks & MALE_WORDS)
    if f > m:
        return "female"
    if m > f:
        return "male"
    return None


def _clean_name(text: str) -> str:
    """A tagged name without what the tagger took along: line breaks, a possessive, a home
    town ("Cedric Anderson of Riverside"), a trailing preposition."""
    n = " ".join(text.split())
    words = n.split()
    noun = next((i for i, w in enumerate(words[:3]) if w.lower() in PERSON_NOUNS), None)
    if noun is not None and len(words) - noun > 2:
        n = " ".join(words[noun + 1 :])  # a headline's "Texas Toddler Braison Howard"
    while len(n.split()) > 2 and (
        n.split()[0].lower() in PERSON_NOUNS
        or n.split()[0].lower() in ("senior", "master", "special", "staff", "police")
        or OFFICIAL_TITLES.fullmatch(n.split()[0])
        or POLICE_TITLES.search(n.split()[0])
    ):
        n = n.split(" ", 1)[1]  # "Toddler Xzavier Robinson", "Senior Corporal Lorne Ahrens"
    n = re.sub(rf"\s+{_NICKNAME}(?=\s)", "", n)  # "Dorsey (Scoop) Fellman"
    if re.search(r"[a-z]", n):  # a dateline after the name: "Iris Ruiz SAN ANTONIO"
        n = re.sub(r"(?:\s+(?!(?:II|III|IV)\b)[A-Z]{2,}\b\.?)+$", "", n)
    n = re.sub(r"\s+(?:of|from)\s+[A-Z][\w .'’-]*$", "", n)
    n = re.sub(r"\s+(?:Sources?|Says|Said|Reports?|According)$", "", n)  # "Michael Smith Sources"
    return re.sub(r"['’]s?$|\s+(?:with|and|of|in|on|at)$", "", n)


def _name_key(name: str) -> str:
    n = _PERSON_TITLE_STRIP.sub("", name.strip())
    n = re.sub(r"['’]s$", "", n)
    parts = [p for p in re.findall(r"[\w'’-]+", n.lower()) if p not in ("jr", "sr", "ii", "iii")]
    return parts[-1] if parts else n.lower()


#: Sentences whose people all share one role: "A, 19, and B, 22, were taken into custody",
#: "Four residents - A, B, C and D - were being treated at a local hospital".
_SENT_SUSPECT = re.compile(
    r"\b(?:charged|arrested|custody|indicted|accused|faces?|facing|booked|jailed|suspects?|"
    r"surrendered|turned (?:himself|herself|themselves) in)\b",
    re.I,
)
_SENT_VICTIM = re.compile(
    r"\b(?:victims?|wounded|injured|hospitali[sz]ed|hospitals?|shot|killed|dead|died|slain|"
    r"treated|bod(?:y|ies))\b",
    re.I,
)
_SENT_SPEAKER = re.compile(r"^\s*,?\s*(?:\w+\s+){0,2}(?:said|says|told|added)\b", re.I)


def _sentence_role(pre: str, post: str, sent: str) -> str | None:
    """The role a sentence gives everyone it names, when it names only one kind of role."""
    if _SENT_SPEAKER.match(post) or OFFICIAL_TITLES.search(" ".join(pre.split()[-4:])):
        return None
    if POLICE_TITLES.search(pre.rstrip()) or WITNESS_RE.search(sent):
        return None
    sus, vic = bool(_SENT_SUSPECT.search(sent)), bool(_SENT_VICTIM.search(sent))
    if sus and not re.search(r"\bvictims?\b|\bwounded\b|\bkilled\b", sent, re.I):
        return "suspect"
    if vic and not sus:
        return "victim"
    return None


#: Names the tagger missed but an age marks as a person's: "24-year-old Deashaun Turrentine",
#: "Montrel Quintres Patterson, 22, of Clarksville".
#: One word of a name: "McVay", "LaMont", "O'Neal", "Flagos-Ramirez", "Da'deron".
_NAME_WORD = r"(?:[A-Z][a-z]*['’])?[A-Z][a-z'’]+(?:-?[A-Z][a-z'’]+)*"
_NAME_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV)\b)?"
_NICKNAME = r"[\"“'‘(][^\"”'’()]{1,25}[\"”'’)]"
_AGED_NAME = re.compile(
    rf"\b(?:\d{{1,3}}|[A-Za-z]+(?:-[a-z]+)?)-year-old\s+(?P<a>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}}"
    rf"{_NAME_SUFFIX})"
    rf"|(?<![\w.])(?P<b>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}}{_NAME_SUFFIX}),\s+"
    r"(?:age\s+)?\d{1,3}(?:,|\s+years?[- ]old|\s+and\b|;)"
)


_FATED_NAME = re.compile(
    rf"(?<![\w.'’-])(?P<n>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,2}}{_NAME_SUFFIX})"
    r"(?=\s+(?:was|were|is|has been|had been)\s)"
)


_CUED_NAME = re.compile(
    r"(?:\bidentified\b[^.;]{0,60}?\bas|\b(?:death|killing|slaying|murder|shooting) of|"
    r"\b(?:have|has|had|police|deputies|officers) (?:arrested|charged)|\bvictims? (?:was|is))\s+"
    rf"(?P<n>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}}{_NAME_SUFFIX})(?![\w'’-])"
)


def _aged_names(analysis: Analysis, infos: list[SentInfo]) -> list[Mention]:
    """PERSON mentions for aged names NER did not tag as people, and for untagged names a
    fate follows (overlaps are left out)."""
    taken = [(m.start, m.end) for m in analysis.mentions if m.label == "PERSON"]
    tagged = [(m.start, m.end) for m in analysis.mentions]
    out: list[Mention] = []
    for s in infos:
        if s.junk:
            continue
        for m in _AGED_NAME.finditer(s.text):
            g = "a" if m.group("a") else "b"
            a, b = s.start + m.start(g), s.start + m.end(g)
            name = m.group(g)
            if _NOT_A_NAME.search(name) or name.split()[0] in _NAME_STOPWORDS:
                continue
            after = re.match(r"\s+([a-z]+)", s.text[m.end(g) :])
            if after and after.group(1) in PERSON_NOUNS:
                continue  # "a 3-year-old Cape Cod girl": where the person is from
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Mention("PERSON", a, b, name, s.idx))
        # "Police have arrested Ernesto Brevik Osby": a name the tagger missed after
        # what says it is a person's
        for m in _CUED_NAME.finditer(s.text):
            a, b = s.start + m.start("n"), s.start + m.end("n")
            name = m.group("n")
            if _NOT_A_NAME.search(name) or name.split()[0] in _NAME_STOPWORDS:
                continue
            if _NOT_NAME_START.match(name.split()[0]) or any(
                x < b and a < y for x, y in tagged + [(o.start, o.end) for o in out]
            ):
                continue
            after = re.match(r"\s+([a-z]+)", s.text[m.end("n") :])
            if after and after.group(1) in PERSON_NOUNS:
                continue
            out.append(Mention("PERSON", a, b, name, s.idx))
        # "Renata Kimble was identified as the woman injured": a name the tagger missed
        # whose fate follows it
        for m in _FATED_NAME.finditer(s.text):
            a, b = s.start + m.start("n"), s.start + m.end("n")
            name, post = m.group("n"), s.text[m.end("n") : m.end("n") + 160]
            if _NOT_A_NAME.search(name) or name.split()[0] in _NAME_STOPWORDS:
                continue
            if re.search(r"[A-Z][\w'’-]*\s+$", s.text[: m.start("n")]):
                continue  # the end of a longer run of capitals: "County Sheriff Jim Reyes"
            if _NOT_NAME_START.match(name.split()[0]) or any(
                x < b and a < y for x, y in tagged + [(o.start, o.end) for o in out]
            ):
                continue  # (what the tagger labelled otherwise is _mistagged_names' to judge)
            if _VICTIM_AFTER.match(post) or _SUSPECT_AFTER.match(post):
                out.append(Mention("PERSON", a, b, name, s.idx))
    return out


#: A person's full name, as the tagger may label it a place, a group or a building.
_FULL_NAME = re.compile(
    rf"^{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD}|{_NICKNAME})){{1,3}}{_NAME_SUFFIX}$"
)
#: What says the name just after it is a person's: "identified Monday as", "the death of".
_PERSON_CUE_BEFORE = re.compile(
    r"(?:\bidentified\b[^.;]{0,60}?\bas|\b(?:death|killing|slaying|murder|shooting|life) of|"
    r"\bnamed|\bvictims?|\bsuspects?|\bcharged|\barrested|(?:\d{1,3}|[a-z]+)-year-old)\s*,?\s*$",
    re.I,
)
#: A word before a place, not a person: "of the 3200 block of", "at", "a Toyota Avalon".
_PLACE_NOUN_AFTER = re.compile(
    r"['’]?s?\s+(?:hospital|medical|clinic|school|academy|church|park|street|road|avenue|"
    r"apartments?|hotel|motel|bar|club|restaurant|store)\b"
)
_PLACE_BEFORE = re.compile(r"\b(?:of|at|in|on|from|near|to|into|a|an|the)\s*$", re.I)
_NOT_NAME_START = re.compile(
    r"(?:North|South|East|West|Fort|Mount|Lake|Port|New|San|Santa|Old|Early|Late|Last|Next|This|"
    r"Then|When|After|Before|While|Since|Also|Meanwhile|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"January|February|March|April|June|July|August|September|October|November|December)$"
)
_LIST_JOIN = re.compile(r",\s*|,?\s+and\s+")
_OTHER_LABELS = frozenset(["ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"])


def _mistagged_names(
    analysis: Analysis, infos: list[SentInfo], taken: list[tuple[int, int]]
) -> list[Mention]:
    """PERSON mentions for full names the tagger labelled otherwise ("The boy was identified
    as Noah Sarver", tagged ORG): kept when what is next to the name says it is a person's,
    or when its surname is a person's elsewhere in the article."""
    text = analysis.article.text
    by_idx = {s.idx: s for s in infos}
    surnames = {
        m.text.split()[-1].lower()
        for m in analysis.mentions
        if m.label == "PERSON" and not _NOT_A_NAME.search(m.text)
    }
    full = {  # surnames of the full names the tagger did find
        m.text.split()[-1]
        for m in analysis.mentions
        if m.label == "PERSON" and len(m.text.split()) > 1 and not _NOT_A_NAME.search(m.text)
    }
    people = [(m.start, m.end) for m in analysis.mentions if m.label == "PERSON"]
    out: list[Mention] = []
    for m in analysis.mentions:
        if m.label not in _OTHER_LABELS:
            continue
        tail = re.search(r"\s+(?:of|from|in|at)$", m.text)
        if tail:  # "Alfred Chavez of" (Denver): the tagger took the preposition along
            m = Mention(
                m.label, m.start, m.start + tail.start(), m.text[: tail.start()], m.sentence
            )
        if m.text in full and m.label != "NORP":
            # "Fulton shot Middleton", Fulton tagged a place: Derrick Fulton, named before
            taken.append((m.start, m.end))
            out.append(Mention("PERSON", m.start, m.end, m.text, m.sentence))
            continue
        if not _FULL_NAME.match(m.text):
            continue
        s = by_idx.get(m.sentence)
        if s is None or s.junk or _NOT_A_NAME.search(m.text):
            continue
        if m.text.split()[0] in _NAME_STOPWORDS or any(x < m.end and m.start < y for x, y in taken):
            continue
        words = m.text.split()
        if _NOT_NAME_START.match(words[0]) or any(w.lower() in PERSON_NOUNS for w in words):
            continue  # "West Maple", "Fort Riley", "Sun Apr", "Old Man Bill"
        after = re.match(r"\s+([a-z]+)", text[m.end : m.end + 30])
        if after and after.group(1) in PERSON_NOUNS:
            continue  # "a 3-year-old Cape Cod girl": where the person is from
        pre, post = text[max(s.start, m.start - 80) : m.start], text[m.end : m.end + 90]
        cue = bool(_PERSON_CUE_BEFORE.search(pre))
        # one of a list of people: "Ivory Cole, Tracy Dunn, Briana Rolle and Jerome Pike"
        listed = any(
            (0 < m.start - y <= 7 and _LIST_JOIN.fullmatch(text[y : m.start]))
            or (0 < x - m.end <= 7 and _LIST_JOIN.fullmatch(text[m.end : x]))
            for x, y in people
        )
        if _PLACE_BEFORE.search(pre) and not cue:
            continue  # "of the 3200 block of West Walnut, was shot": the man's street
        fate = bool(
            _VICTIM_AFTER.match(post) or _SUSPECT_AFTER.match(post) or _PERP_AFTER.match(post)
        )
        if not (
            words[-1].lower() in surnames
            or cue
            or listed
            or _AGE_AFTER.match(post)
            or (fate and m.label not in ("GPE", "LOC", "FAC"))
        ):
            continue
        taken.append((m.start, m.end))
        out.append(Mention("PERSON", m.start, m.end, m.text, m.sentence))
    return out


_NAME_AFTER = re.compile(rf" ({_NAME_WORD})(?=[\s,.;:]|$)")
_NAME_RUN_BEFORE = re.compile(rf"(?:(?<=\s)|^)((?:{_NAME_WORD}\s+){{1,2}})$")


def _extended_left(analysis: Analysis, persons: list[Mention]) -> list[Mention]:
    """Names the tagger cut in two: "Micah" + "Sanders faces charges", "Montrel Quintres" +
    "Patterson, 22": a short PERSON mention takes the given names just before it, and
    "Donovan Keith" + "Little with attempted murder" the surname just after it."""
    text = analysis.article.text
    sent = analysis.sentences
    spans = [(m.start, m.end) for m in persons]
    tagged = [(m.start, m.end) for m in analysis.mentions]
    out: list[Mention] = []
    for m in persons:
        nxt = _NAME_AFTER.match(text, m.end)
        if (
            nxt is not None
            and len(m.text.split()) == 2
            and not re.search(r"['’]s?$", m.text)
            and nxt.group(1) not in _NAME_STOPWORDS
            and not _NOT_NAME_START.match(nxt.group(1))
            and not _NOT_A_NAME.search(nxt.group(1))
            and not any(x < nxt.end(1) and m.end < y for x, y in tagged)
            and m.sentence < len(sent)
            and not title_case(sent[m.sentence].text)  # "Justice Ann Roe Dies"
        ):
            m = Mention("PERSON", m.start, nxt.end(1), text[m.start : nxt.end(1)], m.sentence)
        words = m.text.split()
        if len(words) > 2 or m.sentence >= len(sent):
            out.append(m)
            continue
        before = text[sent[m.sentence].start : m.start]
        run = _NAME_RUN_BEFORE.search(before)
        if run is None:
            out.append(m)
            continue
        a = m.start - len(run.group(1))
        given = run.group(1).split()
        rest = before[: len(before) - len(run.group(1))]
        if (
            any(w in _NAME_STOPWORDS or _NOT_NAME_START.match(w) for w in given)
            or any(OFFICIAL_TITLES.fullmatch(w) or POLICE_TITLES.search(w) for w in given)
            or _NOT_A_NAME.search(run.group(1))
            or re.search(r"[A-Z][\w'’.-]*\s*$", rest)  # a longer run of capitals
            or any(x < m.start and a < y for x, y in spans)
        ):
            out.append(m)
            continue
        out.append(Mention("PERSON", a, m.end, text[a : m.end], m.sentence))
    return out


#: A nickname between given name and surname: ` "Zae" Robinson`, ` (Scoop) Fells`.
_NICKNAME_AFTER = re.compile(
    rf"^\s*[\"“'‘(][^\"”'’()]{{1,25}}[\"”'’)]\s+(?P<sur>{_NAME_WORD}){_NAME_SUFFIX}"
)


def _with_nicknames(analysis: Analysis, persons: list[Mention]) -> list[Mention]:
    """The tagger stops at a nickname: "Xzavier" of "Xzavier 'Zae' Robinson" takes the
    surname after the nickname (the name is given without it)."""
    text = analysis.article.text
    out: list[Mention] = []
    for m in persons:
        head = m.text.rstrip("\"“'‘( ")
        start = m.start + len(head)
        nm = _NICKNAME_AFTER.match(text[start : start + 80])
        if not head or nm is None or _NOT_A_NAME.search(nm.group("sur")):
            out.append(m)
            continue
        end = start + nm.end()
        name = f"{head} {text[start + nm.start('sur') : end].strip()}"
        out.append(Mention("PERSON", m.start, end, name, m.sentence))
    return out


_NAME_STOPWORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "They",
        "Police",
        "Officers",
        "Authorities",
        "Officials",
        "Deputies",
        "Investigators",
        "On",
        "In",
        "At",
        "By",
        "For",
        "And",
        "But",
        "Both",
        "Two",
        "Three",
        "Four",
        "Five",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sgt",
        "Officer",
        "Deputy",
        "Chief",
    ]
)


#: A name's generational suffix the tagger left outside the name.
_SUFFIX_AFTER = re.compile(r"^,?\s*(?:Jr|Sr|II|III|IV)\b\.?")


#: A sentence about the people the one before named ("Both were pronounced dead").
_THEY_START = re.compile(r"(?:Both|They|The two|The pair|All three|The three)\b", re.I)
#: A sentence naming those the one before it told of: "They are A and B", "The victims were".
_THEY_ARE = re.compile(
    r"^(?:They|The (?:two|three|four|five|other)?\s*(?:victims|men|women|teens|survivors|"
    r"suspects|others))\s+(?:are|were|have been identified as|were identified as)\b"
)


def _group_role(sent: str) -> tuple[str | None, str | None]:
    """What a sentence says the people it counts are: suspects, the dead, the hurt."""
    if ARREST_RE.search(sent) or re.search(r"\b(?:charged|suspects)\b", sent):
        if _OTHER_CHARGE.search(sent) and not _SHOOTING_CHARGE.search(sent):
            return None, None  # "arrested four people believed to have sold the drugs"
        return "suspect", "arrested" if ARREST_RE.search(sent) else None
    killed = re.search(r"\b(?:killed|dead|died|slain)\b", sent)
    hurt = re.search(
        r"\b(?:shot|wounded|injured|hurt|critical|serious|stable|hospitali[sz]ed|treated)\b", sent
    )
    if killed and hurt:
        return "victim", None
    if killed or hurt:
        return "victim", "killed" if killed else "injured"
    return None, None


def _role_from_context(pre: str, post: str, sent: str) -> tuple[str | None, str | None]:
    """Role (and status) of a person named between ``pre`` and ``post`` in sentence ``sent``."""
    role: str | None = None
    status: str | None = None
    post = _SUFFIX_AFTER.sub("", post, count=1)  # "George Matis, Jr. was arrested"
    # the title is the name's own only when nothing but capitals stand between them ("Police
    # Chief Ken Barnes", "the coroner, Ann Lee"), not "District Attorney as 62-year-old X"
    title_words = " ".join(pre.split()[-4:])
    tm = _TITLE_TAIL.search(title_words)
    title_words = (
        title_words[: tm.end()] if tm and _TITLE_TO_NAME.fullmatch(title_words[tm.end() :]) else ""
    )
    # "Officer Jesse Hempen, 31," "Davon Jones, 17, of Orange, was shot": an age or a fate
    # after the name says the person is one the report is about, whatever title precedes
    about = bool(_AGE_AFTER.match(post) or _VICTIM_AFTER.match(post) or _SUSPECT_AFTER.match(post))
    if (OFFICIAL_TITLES.search(title_words) and not about) or re.match(
        r"^,\s*(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:spokes\w+|chief|sheriff|mayor|"
        r"minister|coroner|prosecutor|attorney|commissioner|president|official)\b",
        post,
        re.I,
    ):
        return "official", None
    if POLICE_TITLES.search(pre.rstrip()) and not about:
        return "official", None
    if _SPEAKER_AFTER.match(post):
        # "..., one of the victims, Okada said.": what comes before is what the speaker says
        return ("witness" if WITNESS_RE.search(sent) else None), None
    if _SUSPECT_BEFORE.search(pre[-60:]) or _SUSPECT_AFTER.match(post):
        return "suspect", None
    if _PERP_AFTER.match(post):
        return "perpetrator", None
    if _VICTIM_AFTER.match(post):
        clause = re.split(r"[.;]|\b(?:and|but|while)\s+[A-Z]", post[:160])[0]
        status = (
            "killed"
            if re.search(r"killed|dead|died|murdered|slain|fatal|deceased", clause)
            else "injured"
        )
        return "victim", status
    if _VICTIM_WHEN.match(post):
        return "victim", "injured"
    if _PERP_BEFORE.search(pre[-40:]):
        return "perpetrator", None
    far = _IDENTIFIED_AS.search(pre[-110:])
    if far and not re.search(r"\b(?:officers?|deputy|deputies|trooper|agent)\b", far.group(0)):
        # "identified the 15-year-old killed in a Wednesday shooting as Melky Rodriguez"
        w = far.group(0).lower()
        return "victim", "killed" if re.search(r"kill|dead|death|slay|murder|fatal", w) else None
    if _VICTIM_BEFORE.search(pre[-60:]):
        w = pre[-60:].lower()
        status = "killed" if re.search(r"kill|dead|death|slay|murder|fatal|deceased", w) else None
        if re.search(r"\bto (?:kill|shoot)\b", w):
            status = None  # "plotted to kill X": an intent, not a death
        return "victim", status
    if WITNESS_RE.search(sent) and not _VICTIM_CUE.search(post[:80]):
        role = "witness"
    elif _PERSON_APPOS_BEFORE.search(pre[-40:]) and post.lstrip().startswith(","):
        role = "victim"  # "The boy, Nathan Majors, was home alone with his brother when ..."
    return role, status


_DEFINITE_GROUP = re.compile(r"^(?:all\s+)?(?:the|those|these|all)\s+(?P<noun>[a-z]+s)$", re.I)


def _antecedent_count(np_text: str, before: str) -> int | None:
    """The number of a definite group from its last counted mention: "the victims were
    airlifted to hospitals" after "the four victims were sitting on a porch" is four."""
    m = _DEFINITE_GROUP.match(np_text.strip())
    if m is None:
        return None
    noun = re.escape(m.group("noun"))
    for a in reversed(
        list(re.finditer(rf"\b({NUMBER_RE})\s+(?:[\w-]+\s+)?{noun}\b", before, re.I))
    ):
        n = parse_number(a.group(1))
        if n is not None and 1 < n < 100:
            return n
    return None


#: A title right before a name: an official, whatever list he is in ("Police Chief Richard
#: S. Biehl").
_TITLE_BEFORE = re.compile(
    r"(?:" + OFFICIAL_TITLES.pattern + r"|\b(?:officer|deputy|trooper|agent))\.?\s+$", re.I
)
_LIST_GAP = re.compile(
    r"^(?:,?\s*(?:an?\s+)?\d{1,3}(?:-year-old)?)?(?:,?\s*(?:of|from)\s+[A-Z][\w .]*?(?:,\s*[A-Z]{2}|"
    r",\s*[A-Z]\.\s?[A-Z]\.|,\s*[A-Z][a-z]+\.?)?)?\s*(?:[,;]?\s*and|[,;]?\s*as well as|,|;)\s*"
    r"(?:(?:an?\s+)?\d{1,3}-year-old\s+)?"
    r"$"
)


#: A date on one of these verbs dates something after the attack ("arrested Sunday", "was
#: identified Monday", "remains in hospital Tuesday", "was pronounced dead Friday"): the parse
#: tells what a date modifies where a window of words cannot.  The say-verbs are left to
#: ``_SAID_BEFORE``: a fronted date ("On Sunday, police said ...") hangs on "said" in the parse.
_DATE_OTHER_VERBS = frozenset(
    [
        "reveal",
        "identify",
        "release",
        "arrest",
        "charge",
        "confess",
        "continue",
        "remain",
        "provide",
        "plead",
        "hold",
        "meet",
        "file",
        "gather",
        "mourn",
        "remember",
        "speak",
        "investigate",
        "search",
        "notify",
        "conduct",
        "struggle",
        "attend",
        "issue",
        "sign",
        "seek",
        "ask",
        "update",
        "close",
        "plan",
        "honor",
        "rule",
        "list",
        "indict",
        "sentence",
        "arraign",
        "appear",
        "book",
        "detain",
        "surrender",
        "question",
        "interview",
        "describe",
        "hear",
        "learn",
        "recover",
        "undergo",
        "transfer",
        "visit",
        "return",
        "name",
        "post",
        "share",
        "be",
        "pronounce",
        "succumb",
        # nouns of what came after: "an arrest warrant on Saturday", "Friday's vigil"
        "warrant",
        "vigil",
        "funeral",
        "memorial",
        "hearing",
        "trial",
        "arraignment",
    ]
)
_TIME_NOUNS = frozenset(
    ["morning", "afternoon", "evening", "night", "hour", "day", "week", "time", "noon", "midnight"]
)
#: measured on gva-dev (dates, articles grouped by gold incident: 0.871 -> 0.876); 2 and 4 less
DATE_OTHER_PENALTY = 3.0
#: tokens between a date and the verb it hangs on, at most, for the parse to be believed
DATE_VERB_REACH = 8
#: candidates this far below the best are not worth a parse
DATE_PARSE_MARGIN = 3.0


def _date_head(sd: Any, base: int, start: int, end: int) -> str | None:
    """Lemma of the verb or noun that a date (article offsets start-end) modifies."""
    toks = [t for t in sd if start <= base + t.idx < end]
    if not toks:
        return None
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    node = root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            # further off, the parser's attachment is a guess: "charged three men in connection
            # to the shooting of a girl in Detroit on Wednesday" (gva-dev dates 0.876 -> 0.878)
            return lemma if abs(head.i - root.i) <= DATE_VERB_REACH else None
        if head.pos_ == "NOUN" and lemma not in _TIME_NOUNS:
            return lemma  # "the March 9 shooting", "Friday's vigil": the noun's date
        node = head
    return None


def _date_roles(
    doc: Any, scored: list[tuple[float, DateMention, SentInfo]]
) -> list[tuple[float, DateMention, SentInfo]]:
    """Re-score date candidates by what they date: "arrested Sunday" down."""
    from eventdesk.analyze.spacy_analyzer import parse_sentences

    top = max(c[0] for c in scored)
    want = [c for c in scored if c[0] >= top - DATE_PARSE_MARGIN and len(c[2].text) <= 600]
    sents = list({c[2].idx: c[2] for c in want}.values())
    parses = dict(
        zip(
            [s.idx for s in sents],
            parse_sentences(doc, [(s.start, s.end) for s in sents]),
            strict=True,
        )
    )
    out = []
    for sc, dm, s in scored:
        sd = parses.get(s.idx)
        if sd is not None:
            base = int(sd.user_data.get("eventdesk_base", s.start))
            lemma = _date_head(sd, base, s.start + dm.start, s.start + dm.end)
            if lemma in _DATE_OTHER_VERBS:
                sc -= DATE_OTHER_PENALTY
        out.append((sc, dm, s))
    return out


class RuleExtractor:
    """Rules over a sentence-segmented, NER-tagged article; dependency parses of casualty
    sentences only (see ``analyze.spacy_analyzer.parse_sentence``)."""

    def __init__(self, parse: bool = True, geocode: bool = True) -> None:
        self.parse = parse
        self.geocode = geocode

    def warm_up(self) -> None:
        """Load the gazetteer and the lemma tables now (before worker processes fork, so that
        they share them)."""
        if self.geocode:
            gazetteer()
        from eventdesk.extract.features import warm_up

        warm_up()

    # -- entry point -----------------------------------------------------------------------
    def extract(self, analysis: Analysis) -> ArticleFacts:
        pub = _published(analysis)
        infos = sentence_infos(analysis, pub)
        usable = [s for s in infos if not s.junk]
        incident = {s.idx for s in usable if s.incident and not s.related}
        stmts = self._statements(analysis, usable)
        facts: list[Fact] = []
        facts += self._event_type(analysis, usable)
        facts += self._date(analysis, usable, pub, incident)
        if self.geocode:
            facts += extract_location(analysis, infos, gazetteer(), incident)
        people = self._participants(analysis, infos, stmts)
        # after the people, who have a rule of their own (``_earlier_events``: victims only,
        # as a suspect's arrest or hearing has dates of its own)
        earlier = _earlier_sentences(facts, usable, pub)
        facts += self._casualties(analysis, usable, stmts, people)
        facts += self._participant_facts(analysis, people)
        _earlier_events(facts, earlier)
        facts += self._weapons(analysis, usable)
        facts += self._claims(analysis, usable)
        facts += self._reports(analysis, usable, stmts)
        key = self._key_sentences(usable, facts)
        features = self._features(analysis, facts)
        return ArticleFacts(
            analysis.article.id,
            facts,
            features,
            key_sentences=cast(list[tuple[int, int, int, float]], key),
        )

    # -- casualty parses -------------------------------------------------------------------
    def _statements(self, analysis: Analysis, usable: list[SentInfo]) -> dict[int, Statement]:
        out: dict[int, Statement] = {}
        doc = analysis.doc
        if doc is None or not self.parse:
            return out
        from eventdesk.analyze.spacy_analyzer import parse_sentences

        # every casualty sentence, not only those with an incident word: "A teenager was hit in
        # the leg", "The boy was transported to Children's Medical Center" are the whole
        # casualty report of many articles (the status words are the filter)
        wanted = [s for s in usable if CASUALTY_RE.search(s.text) and len(s.text) <= 600]
        parses = parse_sentences(doc, [(s.start, s.end) for s in wanted])
        for s, sd in zip(wanted, parses, strict=True):
            if sd is None:
                continue
            base = int(sd.user_data.get("eventdesk_base", s.start))
            st = statements(sd, base, headline=s.headline)
            for pt in st.patients:
                if pt.count is None:
                    pt.count = _antecedent_count(pt.text, analysis.article.text[: s.start])
            out[s.idx] = st
        return out

    # -- event type ------------------------------------------------------------------------
    def _event_type(self, analysis: Analysis, usable: list[SentInfo]) -> list[Fact]:
        scores: dict[str, float] = defaultdict(float)
        ev: dict[str, list[SentInfo]] = {}
        for s in usable:
            if s.related or s.modality in ("denied", "retracted"):
                continue
            w = 1.0 + 2.0 / (1 + s.idx)
            for etype, rx, weight in EVENT_CUES:
                n = len(rx.findall(s.text))
                if n:
                    scores[etype] += weight * w * min(n, 2)
                    ev.setdefault(etype, []).append(s)
        if not scores:
            return []
        # a shooting where police also fired is still an armed assault unless police shot first
        best = max(scores, key=lambda k: scores[k])
        val = scores[best]
        if best == "police_shooting" and scores.get("armed_assault", 0.0) > 3 * val:
            best = "armed_assault"
        if (
            best not in ("armed_assault",)
            and scores.get("armed_assault", 0.0) > 2.5 * val
            and best not in ("accidental_shooting",)
        ):
            best = "armed_assault"
        total = sum(scores.values())
        sents = ev[best][:3]
        return [
            Fact(
                "event_type",
                best,
                [_ev(analysis, s) for s in sents],
                confidence=round(scores[best] / total, 3),
            )
        ]

    # -- date ------------------------------------------------------------------------------
    def _date(
        self, analysis: Analysis, usable: list[SentInfo], pub: date | None, incident: set[int]
    ) -> list[Fact]:
        best: tuple[float, DateMention, SentInfo] | None = None
        scored: list[tuple[float, DateMention, SentInfo]] = []
        for s in usable:
            if s.related or s.modality in ("denied", "retracted"):
                continue
            if s.idx > 60:
                break
            court = bool(_COURT_RE.search(s.text))
            # the page's own "(Published Monday, Sept. 21, 2015)" dates the page (``_published``)
            stamps = [m.span() for m in _PUBLISHED_STAMP.finditer(s.text)]
            for dm in find_dates(s.text, pub):
                if any(a <= dm.start and dm.end <= b for a, b in stamps):
                    continue
                sc = 3.0 if s.idx in incident else 0.5
                near = s.text[max(0, dm.start - 45) : dm.end + 45]
                if _DATE_OTHER_EVENT.search(near):
                    sc -= 1.5  # "arrested Friday", "entered the plea Wednesday"
                if _DATE_THIS_EVENT.search(near):
                    sc += 1.0
                if _DATE_OF_EVENT.search(s.text[max(0, dm.start - 40) : dm.start]):
                    sc += 0.5  # "remains in hospital Monday after a shooting on Sunday": Sunday
                if _DATE_DEATH_BEFORE.search(s.text[max(0, dm.start - 40) : dm.start]):
                    sc -= 1.2
                if dm.possessive:
                    sc += 0.5  # "Thursday night's shooting" (other incidents are related)
                sc -= 0.15 * s.idx
                if court:
                    sc -= 2.5
                if _SAID_BEFORE.search(s.text[max(0, dm.start - 20) : dm.start]):
                    sc -= 1.5
                if dm.value is not None and pub is not None:
                    delta = (pub - dm.value).days
                    if delta < -1:
                        sc -= 4  # in the future: a hearing, a funeral
                    elif delta > 60:
                        sc -= 1.0
                if dm.part:
                    sc += 0.3
                scored.append((sc, dm, s))
        if scored and self.parse and analysis.doc is not None:
            scored = _date_roles(analysis.doc, scored)
        for cand in scored:
            if best is None or cand[0] > best[0]:
                best = cand
        time_val: str | None = None
        time_q: str | None = None
        time_sent: SentInfo | None = None
        cands = [best[2]] if best else []
        cands += [s for s in usable if s.idx in incident][:6]
        for s in cands:
            if s.related or s.modality in ("denied", "retracted"):
                continue
            tms = find_times(s.text)
            if tms:
                time_val, time_q, time_sent = tms[0].value, tms[0].qualifier, s
                break
        if best is not None and best[0] <= WEAKEST_DATE_SCORE:
            best = None  # every cue says it dates something else: the report's day is likelier
        if best is None and pub is not None and incident:
            # no date in the text: the report's own date stands in (ACLED codes the report date
            # in that case); marked by ``basis`` so that any date a text gives wins over it
            ev0 = [_ev(analysis, time_sent)] if time_sent is not None else []
            v0 = {"value": pub.isoformat(), "precision": "day", "time": time_val}
            v0["basis"] = "publication"
            return [Fact("date", v0, ev0, qualifier=time_q, confidence=0.2)]
        if best is None and time_sent is None:
            return []
        ev: list[Evidence] = []
        if best is not None:
            dm, s = best[1], best[2]
            value = dm.value.isoformat() if dm.value else None
            precision = dm.precision if dm.value else "unknown"
            ev.append(_ev(analysis, s))
            surface = dm.text
            conf = 0.8 if best[0] > 1 else 0.5
            if _SAID_BEFORE.search(s.text[max(0, dm.start - 20) : dm.start]):
                # "authorities said Sunday": the day it was told, the day it happened only at
                # best; a date another report ties to the incident itself wins over it
                conf = 0.5
            attribution = s.attribution
            modality = "hedged" if s.modality == "hedged" else "asserted"
        else:
            value, precision, surface, conf, attribution, modality = (
                None,
                "unknown",
                None,
                0.3,
                None,
                "asserted",
            )
        if time_sent is not None and (not ev or time_sent.idx != best[2].idx if best else True):
            ev.append(_ev(analysis, time_sent))
        if time_sent is not None and best is None:
            surface = time_sent.text[:0] or None
        v = {"value": value, "precision": precision, "time": time_val}
        return [
            Fact(
                "date",
                v,
                ev,
                modality=cast(Any, modality),
                qualifier=time_q,
                attribution=attribution,
                confidence=conf,
                surface=surface,
            )
        ]

    # -- participants ----------------------------------------------------------------------
    def _participants(
        self, analysis: Analysis, infos: list[SentInfo], stmts: dict[int, Statement]
    ) -> dict[str, Person]:
        text = analysis.article.text
        by_idx = {s.idx: s for s in infos}
        people: dict[str, Person] = {}
        gaz = gazetteer() if self.geocode else None

        def gaz_city(name: str) -> bool:
            # a one-word "person" that is a town ("Euharlee") is NER's mistake, and so is a
            # longer one that is a US place by its full name ("Broad Ripple", "Mount Oliver")
            if gaz is None:
                return False
            if len(name.split()) == 1:
                # (or a county: "killed in Gwinnett shootout")
                return bool(gaz.city(name)) or bool(gaz.county_states(name + " County"))
            return any(p.country == "US" for p in gaz.city(name))

        persons = [m for m in analysis.mentions if m.label == "PERSON"] + _aged_names(
            analysis, infos
        )
        persons += _mistagged_names(analysis, infos, [(m.start, m.end) for m in persons])
        persons = _with_nicknames(analysis, _extended_left(analysis, persons))
        persons.sort(key=lambda m: m.start)
        # full names first so that surname mentions join them
        full_keys: dict[str, str] = {}
        for m in persons:
            if len(m.text.split()) >= 2:
                full_keys.setdefault(_name_key(m.text), _clean_name(m.text))
        firsts: dict[str, str] = {}
        for k, n in full_keys.items():
            firsts.setdefault(n.split()[0].lower(), k)
        # lists of names: they share the role the list is introduced with
        list_of: dict[int, tuple[Any, Any]] = {}
        list_roles: dict[tuple[Any, Any], set[str]] = defaultdict(set)
        unroled: list[tuple[Any, str, SentInfo]] = []
        handlers: set[str] = set()
        run: list[Any] = []
        tentative: set[str] = set()
        seq: list[Any] = [*persons, None]
        for lm in seq:
            if (
                run
                and lm is not None
                and lm.sentence == run[-1].sentence
                and _LIST_GAP.match(text[run[-1].end : lm.start])
            ):
                run.append(lm)
                continue
            if len(run) > 1:
                for r in run:
                    list_of[id(r)] = (run[0], run[-1])
            run = [lm] if lm is not None else []
        for m in persons:
            s = by_idx.get(m.sentence)
            if s is None or s.junk or (s.headline and title_case(s.text)):
                continue  # "Victorville Girl Fatally Shoots Brother" names no "Victorville Girl"
            if _NOT_A_NAME.search(m.text) or (
                gaz_city(m.text) and (_name_key(m.text) not in full_keys or len(m.text.split()) > 1)
            ):
                continue
            if _PLACE_NOUN_AFTER.match(text, m.end):
                continue  # "taken to Paul Hall hospital": a building named after someone
            name = _clean_name(m.text)
            if not re.search(r"[A-Z]", name) or len(name) < 2 or len(name) > 50:
                continue
            if any(w[0].islower() and w not in _NAME_PARTICLES for w in name.split()):
                continue  # "14-year-old Charlotte gi -": the tagger's run into the next words
            words = name.split()
            if len(words) >= 3 and _big_us_city(gaz, words[-1]):
                short = " ".join(words[:-1])
                if re.search(rf"{re.escape(short)}(?!\s+{re.escape(words[-1])})", text):
                    name = short  # "Antonio Neeley Lauderhill": the home town run on
            if len(name.split()) == 1 and text[m.end : m.end + 5] == " and ":
                nxt = next((x for x in persons if x.start == m.end + 5), None)
                if nxt is not None and len(nxt.text.split()) >= 2:
                    name = f"{name} {nxt.text.split()[-1]}"  # "Stephen and Katie Stay"
                    full_keys.setdefault(_name_key(name), name)
            key = _name_key(name)
            if len(name.split()) == 1 and key not in full_keys and name.lower() in firsts:
                key = firsts[name.lower()]
            elif len(name.split()) >= 2 and key in full_keys:
                # relatives share a surname: "Walesha Williams" and "Paris Williams" are two
                # people (a bare "Williams" stays with the first one named)
                f1 = _PERSON_TITLE_STRIP.sub("", full_keys[key]).split()[0].lower()
                f2 = _PERSON_TITLE_STRIP.sub("", name).split()[0].lower()
                # ("Cosey Jr." is the surname again, not a relative)
                if not (f1.startswith(f2) or f2.startswith(f1) or f2 == key):
                    key = f"{key}~{f2}"
                    full_keys.setdefault(key, name)
            p = people.get(key)
            if p is None:
                p = people[key] = Person(key, full_keys.get(key, name))
            if s.related:
                continue
            p.first = min(p.first, s.idx)
            a, b = m.start - s.start, m.end - s.start
            pre, post = s.text[max(0, a - 70) : a], s.text[b : b + 160]
            title = m.text.split()[0]
            if len(m.text.split()) > 2 and (
                OFFICIAL_TITLES.fullmatch(title) or POLICE_TITLES.search(title)
            ):
                pre += title + " "  # the tagger took the title along: "Sergeant Manny Ruiz"
            role: str | None = None
            status: str | None = None
            st = stmts.get(s.idx)
            if _SPEAKER_AFTER.match(post):
                st = None  # "..., one of the victims, Okada said.": the one who tells it
            context = _role_from_context(pre, post, s.text)
            # "According to Sgt. David De Foor, the girl was shot": he tells it, he is not hurt
            tells = context[0] == "official"
            if st is not None:
                for pt in st.patients if not tells else ():
                    if pt.start <= m.start and m.end <= pt.end + 1 and pt.person:
                        role = "perpetrator" if pt.perp else "victim"
                        status = "killed" if pt.status == "killed" else "injured"
                        if pt.status == "injured":
                            p.explicit_injury = True
                for ag in st.agents:
                    if ag[2] <= m.start and m.end <= ag[3] + 1 and s.modality != "hedged":
                        role = "perpetrator"
            if role is None:
                role, status = context
            if role is None and m.label == "PERSON" and _HANDLER_AFTER.match(post):
                role = "perpetrator"
                handlers.add(key)
            if role is None and id(m) in list_of:
                # "identified the victims as A, 43, B, 48, and C, 32, who all died"
                first, last = list_of[id(m)]
                lpre = s.text[max(0, first.start - s.start - 70) : first.start - s.start]
                lpost = s.text[last.end - s.start : last.end - s.start + 90]
                role, status = _role_from_context(lpre, lpost, s.text)
                if role in ("official", "witness"):
                    role, status = None, None
                if role is None and st is not None:
                    # "A, B, C and D were treated at a hospital": one of them the parse
                    # found hurt, the others with them in the list were hurt too
                    hurt = [
                        pt
                        for pt in st.patients
                        if pt.person and not pt.perp and first.start <= pt.start < last.end
                    ]
                    if hurt:
                        role = "victim"
                        status = "killed" if hurt[0].status == "killed" else "injured"
            if role is None and id(m) in list_of:
                first, _ = list_of[id(m)]
                lpre = s.text[max(0, first.start - s.start - 90) : first.start - s.start]
                if re.search(
                    r"\b(?:arrested|charged|detained|indicted|suspects?)\b[^.]*:\s*$", lpre
                ):
                    role = "suspect"  # "Four people were arrested ...: A, 28, B, 23, ..."
            if (
                role is None
                and not s.related
                and s.modality != "hedged"
                and (id(m) in list_of or _AGE_AFTER.match(post))
            ):
                role = _sentence_role(pre, post, s.text)
                if role == "suspect" and ARREST_RE.search(s.text):
                    status = "arrested"
            if (
                role is None
                and (id(m) in list_of or _AGE_AFTER.match(post) or _AGE_BEFORE.search(pre[-30:]))
                and (next_sent := by_idx.get(s.idx + 1)) is not None
                and not next_sent.related
                and (them := _THEY_START.match(next_sent.text))
            ):
                # "tracked down 19-year-old A and 18-year-old B. Both are being charged with
                # murder.": the next sentence tells what they are
                role, status = _role_from_context("", next_sent.text[them.end() :], next_sent.text)
                if role not in ("suspect", "victim", "perpetrator"):
                    role, status = None, None
                elif role == "suspect" and ARREST_RE.search(next_sent.text):
                    status = "arrested"
            if (
                role is None
                and (id(m) in list_of or _AGE_AFTER.match(post))
                and _THEY_ARE.match(s.text)
                and (prev_sent := by_idx.get(s.idx - 1)) is not None
                and not prev_sent.related
                and not prev_sent.junk
            ):
                # "Two others remain in critical condition. They are A of Polkton and B, 19.":
                # the sentence before tells what they are
                role, status = _group_role(prev_sent.text)
            if (
                role is None
                and (s.incident or s.idx <= 5)
                and not s.related
                and (_AGE_AFTER.match(post) or _AGE_BEFORE.search(pre[-30:]))
                and not WITNESS_RE.search(s.text)
                and not _SPEAKER_BEFORE.search(pre)
                and not re.match(r"^,?\s*\d{1,3},?\s*(?:said|says|told)\b", post)
            ):
                # "Sarah Davidson, 19," in a shooting report: someone the shooting is about;
                # a victim unless another mention says otherwise (in the lead of a report any
                # sentence is about the incident: "He was identified as Dominic Boyd, 39.")
                role = "other"
                tentative.add(key)
            if (
                role == "suspect"
                and _OTHER_CHARGE.search(s.text)
                and not _SHOOTING_CHARGE.search(s.text)
            ):
                # "was arrested on outstanding warrants": arrested, but not for the shooting;
                # not one of its participants (a parent charged over a child's shooting is)
                continue
            if role in ("suspect", "perpetrator"):
                if ARREST_RE.search(s.text):
                    status = status or "arrested"
                elif AT_LARGE_RE.search(s.text):
                    status = status or "at large"
            if role is None:
                if (
                    id(m) in list_of
                    and not _TITLE_BEFORE.search(f"{pre}{m.text.split()[0]} ")
                    and not re.match(r"\s*,?\s*(?:said|says|told|added)\b", post)
                ):
                    unroled.append((m, key, s))
                continue
            if id(m) in list_of:
                list_roles[list_of[id(m)]].add(role)
            if role == "victim" and status != "killed":
                clause = re.split(r"[.;]|\b(?:and|but|while)\s+[A-Z]", post[:140])[0]
                if re.match(
                    r"^\s*,?(?:[^,]{0,40},)?\s*(?:who\s+)?(?:was|had been|has been|is)\s+"
                    r"(?:\w+\s+){0,3}(?:killed|dead|murdered|slain)|^\s*,?(?:[^,]{0,40},)?"
                    r"\s*(?:died|later died|dies)",
                    clause,
                ):
                    status = "killed"
            p.set_role(role)
            if status:
                p.set_status(status)
            if status == "injured" and _EXPLICIT_INJURY.search(post[:100]):
                p.explicit_injury = True
            age_m = _AGE_AFTER.match(post) or _AGE_BEFORE.search(pre)
            if age_m and p.age is None:
                age = int(age_m.group(1))
                if 0 < age < 110:
                    p.age = age
            if p.gender is None:
                appos = post[:40] if post.startswith(",") else ""
                p.gender = _gender(" ".join(pre.split()[-3:]) + " " + appos)
            p.evidence.append((s, m.start, m.end))
            if p.attribution is None and s.attribution and s.attribution != p.name:
                p.attribution = s.attribution
        # a name in a list the others of which all have one role has it too ("They are Gerald
        # Berkey, 36, of Elma; Jackson Edens, of Olympia; and Terron McGrath, 31"): it only
        # lacked the age or cue that gave the others theirs
        for m, key, s in unroled:
            roles = list_roles.get(list_of[id(m)], set())
            shared = next(iter(roles)) if len(roles) == 1 else None
            if shared in ("victim", "suspect", "other"):
                p = people[key]
                p.set_role(shared)
                p.first = min(p.first, s.idx)
                p.evidence.append((s, m.start, m.end))
                if shared == "other":
                    tentative.add(key)
        for key in tentative:
            if key in people and people[key].role == "other":
                people[key].role = "victim"
        for key in handlers:
            # "was playing with a gun … when the firearm accidentally discharged. Velazquez
            # suffered a minor hand injury": the gun hit the one holding it
            if key in people and people[key].status in ("injured", "killed"):
                people[key].role = "victim"
        # pronoun gender: "he"/"she" in the next sentence of a person's first mention
        for p in people.values():
            if p.gender is None and p.evidence:
                s0 = p.evidence[0][0]
                next_s = by_idx.get(s0.idx + 1)
                if next_s is not None:
                    others = [x for x in persons if x.sentence == s0.idx]
                    if len({_name_key(x.text) for x in others}) == 1:
                        p.gender = _gender(
                            " ".join(re.findall(r"\b(?:he|she|his|her|him)\b", next_s.text.lower()))
                        )
        for s in infos:
            if s.junk or s.related:
                continue
            for wm in _WITNESS_NAMED.finditer(s.text):
                key = _name_key(wm.group("name"))
                p = people.get(key) or Person(key, wm.group("name"))
                people[key] = p
                p.set_role("witness")
                p.first = min(p.first, s.idx)
                p.evidence.append((s, s.start + wm.start("name"), s.start + wm.end("name")))
                p.gender = p.gender or _gender(
                    " ".join(re.findall(r"\b(?:he|she)\b", s.text.lower()))
                )
        # proper names NER missed ("Marcus Hale, 34, was killed", tagged ORG)
        for idx, st in stmts.items():
            s = by_idx.get(idx)
            if s is None or s.related or s.modality in ("retracted", "denied"):
                continue
            if s.headline and title_case(s.text):
                continue  # "Mass Shooting – Killed – ...": capitals of style, not of names
            for pt in st.patients:
                if not pt.proper or pt.person or pt.count != 1:
                    continue
                name = re.sub(
                    r"^(?:(?:an?|the)\s+)?(?:\d{1,3}-year-old\s+)?", "", pt.text, flags=re.I
                ).strip()
                if len(name.split()) < 2 or _NOT_A_NAME.search(name) or gaz_city(name):
                    continue
                if name.split()[-1].lower() in PERSON_NOUNS:
                    continue  # a headline's capitals: "A Portsmouth Man Has Died"

                key = _name_key(name)
                p = people.get(key) or Person(key, full_keys.get(key, name))
                people[key] = p
                p.set_role("perpetrator" if pt.perp else "victim")
                p.set_status("killed" if pt.status == "killed" else "injured")
                p.first = min(p.first, s.idx)
                p.evidence.append((s, pt.start, pt.end))
        # "Jasper survived ... before he was later pronounced dead": a pronoun patient in a
        # sentence naming one person (before it) is that person
        for idx, st in stmts.items():
            s = by_idx.get(idx)
            if s is None or s.related:
                continue
            for pt in st.patients:
                if not pt.pronoun or pt.status == "shot":
                    continue
                before = {
                    _name_key(m.text) for m in persons if m.sentence == idx and m.end <= pt.start
                }
                before = {k for k in before if k in people}
                if len(before) != 1:
                    continue
                p = people[before.pop()]
                if p.role in ("official", "witness") and p.evidence:
                    continue
                if p.role in ("suspect", "perpetrator"):
                    continue  # "Marshman told police Taylor had shot himself"
                if s.attribution and p.name and _name_key(p.name) in _name_key(s.attribution):
                    continue  # the speaker: "Biehl said ... he got shot in the head"
                if p.role in ("other", "witness", "official"):
                    p.role = "victim"
                p.set_status("killed" if pt.status == "killed" else "injured")
                p.evidence.append((s, pt.start, pt.end))
        named = {k: p for k, p in people.items() if p.evidence}
        self._descriptors(analysis, infos, stmts, named)
        return named

    def _descriptors(
        self,
        analysis: Analysis,
        infos: list[SentInfo],
        stmts: dict[int, Statement],
        people: dict[str, Person],
    ) -> None:
        """Unnamed participants: "a woman traffic officer", "the gunman", "a 53-year-old"."""
        by_idx = {s.idx: s for s in infos}
        # people named already: "Marcus Hale, 34, was killed" with "Marcus Hale" tagged as an
        # organisation is Marcus Hale, not an unnamed victim described as "Marcus Hale"
        named = {_name_key(p.name) for p in people.values() if p.name}
        named_fates = {p.status for p in people.values() if p.name}
        for s in infos:
            if s.junk or s.related or s.modality in ("retracted", "denied"):
                continue
            st = stmts.get(s.idx)
            if st is not None:
                for pt in st.patients:
                    if pt.person or pt.pronoun or pt.count != 1 or pt.head in ("one", "another"):
                        continue
                    if pt.text[:1].isupper() and _name_key(pt.text) in named:
                        continue
                    fate = "killed" if pt.status == "killed" else "injured"
                    if (
                        pt.head in ("victim", "person")
                        and not _AGE_IN.search(pt.text)
                        and fate in named_fates
                    ):
                        continue  # "Second victim dies" beside "Tanya Brooks, 29, died": her
                    desc = re.sub(
                        r"^(?:a|an|the|one|another|their|his|her)\s+", "", pt.text, flags=re.I
                    )
                    desc = re.sub(r"\s+(?:from|in|at|near|of)\s+.*$", "", desc)
                    role = "perpetrator" if pt.perp else "victim"
                    if pt.head == "suspect":
                        role = "suspect"
                    if role == "victim":
                        # the same kind of person with the same fate is one person, unless
                        # the text says "another"/"a second"
                        other = re.match(r"(?:another|second|third)\b", pt.text, re.I)
                        g = _gender(desc) or pt.head
                        key = f"~victim:{g}:{fate}:{bool(other)}"
                    else:
                        key = "~perpetrator:main"
                    p = people.get(key) or Person(key, None, description=desc)
                    people[key] = p
                    p.set_role(role)
                    p.set_status("killed" if pt.status == "killed" else "injured")
                    p.gender = p.gender or _gender(desc)
                    am = _AGE_IN.search(desc)
                    if am and p.age is None:
                        p.age = int(am.group(1))
                    p.evidence.append((s, pt.start, pt.end))
                    p.first = min(p.first, s.idx)
                    p.attribution = p.attribution or s.attribution
            for m in _ARREST_NP.finditer(s.text):
                np_ = m.group("np")
                key = "~suspect:arrested"
                p = people.get(key) or Person(key, None, description=np_)
                people[key] = p
                p.set_role("suspect")
                p.set_status("arrested")
                p.evidence.append((s, s.start + m.start(), s.start + m.end()))
                p.first = min(p.first, s.idx)
                p.attribution = p.attribution or s.attribution
                nxt = by_idx.get(s.idx + 1)
                if nxt is not None:
                    am2 = _AGE_DESCRIBED.match(nxt.text)
                    if am2:
                        p.age = int(am2.group(1))
                        p.description = f"{np_}, a {am2.group(1)}-year-old"
                        p.evidence.append((nxt, nxt.start, nxt.end))
                # the arrested man is "the suspect", not the one still at large
            for m in _PERP_NP.finditer(s.text):
                head = m.group("head").lower()
                role = _DESCR_HEADS.get(head, "perpetrator")
                if role == "suspect":
                    continue  # "a second suspect": too vague alone
                key = "~perpetrator:main"
                p = people.get(key) or Person(key, None, description=head)
                people[key] = p
                p.set_role("perpetrator")
                if AT_LARGE_RE.search(s.text):
                    p.set_status("at large")
                p.evidence.append((s, s.start + m.start(), s.start + m.end()))
                p.first = min(p.first, s.idx)
            # "her son found a gun and fatally shot himself": the one dead is the victim, not a
            # shooter who took his own life after shooting others ("he killed himself", "struck
            # a friend, then fatally shot himself")
            victim_self = (
                st is not None
                and len(st.patients) == 1
                and st.patients[0].self_inflicted
                and st.patients[0].status == "killed"
                and not st.patients[0].pronoun
            )
            if (
                SUICIDE_RE.search(s.text)
                and not victim_self
                and not (
                    re.search(r"\baccident", analysis.article.text, re.I)
                    and not re.search(r"murder[- ]suicide|turned the \w+ on", s.text, re.I)
                )
            ):
                # (a child who "accidentally shot and killed himself" is the victim, and so is
                # one the parse makes the victim of a death by their own hand)
                key = "~perpetrator:main"
                named_perp = [p for p in people.values() if p.name and p.role == "perpetrator"]
                p = (
                    named_perp[0]
                    if named_perp
                    else (people.get(key) or Person(key, None, description="shooter"))
                )
                people[p.key] = p
                p.set_role("perpetrator")
                p.set_status("killed")
                p.evidence.append((s, s.start, s.end))
        for key in list(people):
            p = people[key]
            # a perpetrator we only know by description: only worth a record with a status
            if (
                key.startswith("~perpetrator")
                and p.status == "unknown"
                and not any(AT_LARGE_RE.search(e[0].text) for e in p.evidence)
            ):
                del people[key]

    def _participant_facts(self, analysis: Analysis, people: dict[str, Person]) -> list[Fact]:
        text = analysis.article.text
        out: list[Fact] = []
        # a report naming a dozen people, each in a sentence of their own, is a round-up of
        # several incidents (a police blog, "a year of gun crime"): which of its names belong
        # to the incident it is filed under the text cannot tell, so none counts
        named = [p for p in people.values() if p.name and p.role in _ROLES and p.evidence]
        roundup = (
            len(named) > _ROUNDUP_NAMES
            and len({p.evidence[0][0].idx for p in named}) > _ROUNDUP_NAMES - 2
            # (a mass shooting's list of the dead, one a line, names victims only)
            and sum(p.role == "victim" for p in named) < 0.8 * len(named)
        )
        in_roundup = {id(p) for p in named}
        for p in sorted(people.values(), key=lambda x: x.first):
            if not p.evidence:
                continue
            sents = []
            seen = set()
            for s, _, _ in p.evidence:
                if s.idx not in seen:
                    seen.add(s.idx)
                    sents.append(s)
            ev = [
                Evidence(analysis.article.id, s.start, s.end, text[s.start : s.end])
                for s in sents[:4]
            ]
            name, description = p.name, p.description
            if (
                name
                and p.role in ("victim", "perpetrator", "suspect")
                and len(_PERSON_TITLE_STRIP.sub("", name).split()) == 1
            ):
                # one word names no one for the record: a given name ("his daughter
                # Madeline") or a word the tagger took for a name ("taken to Stroger")
                name, description = None, description or name
            value = {
                "name": name,
                "role": p.role,
                "status": p.status,
                "age": p.age,
                "gender": p.gender,
                "description": description,
            }
            surface = text[p.evidence[0][1] : p.evidence[0][2]]
            conf = 0.8 if name else 0.6
            out.append(
                Fact(
                    "participant",
                    value,
                    ev,
                    attribution=p.attribution,
                    confidence=conf,
                    surface=surface,
                    modality="related" if roundup and id(p) in in_roundup else "asserted",
                )
            )
        return out

    # -- casualties ------------------------------------------------------------------------
    def _casualties(
        self,
        analysis: Analysis,
        usable: list[SentInfo],
        stmts: dict[int, Statement],
        people: dict[str, Person],
    ) -> list[Fact]:
        by_idx = {s.idx: s for s in usable}
        facts: list[Fact] = []
        best = {"killed": (0, None, []), "injured": (0, None, [])}  # type: dict[str, Any]
        perp_best = {"killed": (0, []), "injured": (0, [])}  # type: dict[str, Any]
        killed_named = {p.key for p in people.values() if p.name and p.status == "killed"}
        any_killed = False
        shot_all: tuple[int, SentInfo | None] = (0, None)
        ordinal_all: tuple[int, SentInfo | None] = (0, None)
        killed_heads: set[str] = set()
        killed_ages: set[str] = set()
        for idx, st in stmts.items():
            s = by_idx[idx]
            if s.modality in ("related", "retracted", "denied"):
                continue
            for pt in st.patients:
                if pt.status == "killed":
                    any_killed = True
                    if not pt.perp:
                        killed_heads.add(pt.head)
                        if pt.count == 1 and (am := _AGE_IN.search(pt.text)):
                            killed_ages.add(am.group(1))
                        if pt.person:
                            killed_named.add(_name_key(pt.person))
        # a death told only by a name ("the Jan. 13 shooting death of Dominique Alexander")
        any_killed = any_killed or any(
            p.name and p.role == "victim" and p.status == "killed" for p in people.values()
        )
        if any_killed:
            killed_heads |= _GENERIC_VICTIMS
        # the one named hurt who is the unnamed dead (``_dead_before_named``)
        dead_before = _dead_before_named(people, stmts, by_idx)
        dead_name = dead_before.name if dead_before is not None else None
        if dead_before is not None and dead_name:
            dead_before.set_status("killed")
            killed_named.update((dead_before.key, _name_key(dead_name)))
        # harm of another kind than the story's ("a crash that sent an officer to the
        # hospital" in a shooting report) is not the incident's; in a report of a stabbing
        # ("A man armed with a knife injured three people") it is
        lead = next((s for s in usable if s.incident and not s.related), None)
        other_kind = lead is not None and bool(
            _OTHER_HARM.search(lead.text) and not _GUN_WORD.search(lead.text)
        )
        for idx, st in sorted(stmts.items()):
            s = by_idx[idx]
            if s.modality in ("related", "retracted", "denied"):
                continue
            if _ROUNDUP.search(s.text):
                continue  # "six people were wounded in separate shootings across the city"
            if not other_kind and _OTHER_HARM.search(s.text) and not _GUN_WORD.search(s.text):
                continue  # "a crash that sent an officer to the hospital": no gunshot
            tot: dict[str, int] = {"killed": 0, "injured": 0}
            ptot: dict[str, int] = {"killed": 0, "injured": 0}
            group: dict[str, int] = {"killed": 0, "injured": 0}
            qual: dict[str, str | None] = {"killed": None, "injured": None}
            explicit_inj = bool(_CONDITION_RE.search(s.text) or _INJURY_NOUN_RE.search(s.text))
            for pt in st.patients:
                if pt.count is None or pt.in_group:
                    continue
                status = pt.status
                if status in ("shot", "injured") and not pt.perp:
                    # the dead before they died ("the child suffered a serious injury ... has
                    # died"): the same noun or name as someone killed in this report
                    if pt.person and _name_key(pt.person) in killed_named:
                        continue
                    if dead_name and dead_name in pt.text:
                        continue
                    age = _AGE_IN.search(pt.text)
                    if pt.count == 1 and age and age.group(1) in killed_ages and not pt.proper:
                        continue  # "the unresponsive 2-year-old boy suffering from a wound"
                    if (
                        pt.count == 1
                        and pt.head in killed_heads
                        and not pt.person
                        # "The 16-year-old was hospitalized" after "a 17-year-old was killed"
                        and not (killed_ages and age and age.group(1) not in killed_ages)
                        and not any(q.status == "killed" for q in st.patients)
                        and not _ANOTHER_RE.search(s.text)
                    ):
                        continue
                if (
                    status in ("shot", "injured")
                    and not pt.perp
                    and pt.ordinal
                    and 2 <= pt.ordinal <= 20
                    and pt.ordinal > ordinal_all[0]
                ):
                    # "a third shooting victim arrived at the hospital": three were shot
                    ordinal_all = (pt.ordinal, s)
                if status == "shot":
                    if pt.pronoun:
                        continue
                    if (
                        any_killed
                        and not explicit_inj
                        and not pt.also
                        and not _OTHERS_NP.search(pt.text)
                    ):
                        # "was shot" in a report of a death: most likely the dead; a group
                        # shot ("four people had been shot") holds the dead and the wounded;
                        # "three others were (also) shot" are not the dead
                        if pt.count >= 2 and not pt.perp and pt.count > shot_all[0]:
                            shot_all = (pt.count, s)
                        continue
                    status = "injured"
                if pt.pronoun and status == "injured":
                    continue
                if pt.pronoun and any(
                    (
                        q.start < pt.start
                        or (pt.text.lower() in ("his", "her") and q.start == pt.end + 1)
                    )
                    and not q.pronoun
                    and q.status == pt.status
                    for q in st.patients
                ):
                    # "A pregnant teen is dead after she was shot to death": one; "shooting her
                    # older brother" read as two objects: "her" is his
                    continue
                if pt.perp:
                    ptot[status] += pt.count
                else:
                    if (
                        status == "injured"
                        and _BARE_NUMBER.match(pt.text)
                        and 0 < pt.count < group[status]
                    ):
                        continue  # "Four people were injured and one was left in critical ..."
                    tot[status] += pt.count
                    group[status] = max(group[status], pt.count)
                    qual[status] = qual[status] or pt.qualifier
            m_toll = _DEATH_TOLL.search(s.text)
            if m_toll:
                n_toll = parse_number(m_toll.group("n"))
                if n_toll:
                    tot["killed"] = max(tot["killed"], n_toll)
            m_split = (
                _SHOT_SPLIT.search(s.text)
                or _DIED_AFTER_SHOT.search(s.text)
                or _OF_SHOT_DIED.search(s.text)
            )
            if m_split and not is_year(m_split.group("n")):
                n_all = parse_number(m_split.group("n"))
                n_dead = parse_number(m_split.group("m"))
                if n_all and n_dead is not None and n_dead <= n_all:
                    tot["killed"] = max(tot["killed"], n_dead)
                    tot["injured"] = max(tot["injured"], n_all - n_dead)
            for f in ("killed", "injured"):
                if tot[f] > best[f][0]:
                    best[f] = (tot[f], qual[f], [s])
                elif tot[f] and tot[f] == best[f][0]:
                    best[f][2].append(s)
                if ptot[f] > perp_best[f][0]:
                    perp_best[f] = (ptot[f], [s])
        # "... he was shot in the foot" and no one else: one person hurt, whoever "he" is
        # (not in a report that speaks of a death: "the fatal shot", a death said elsewhere)
        if (
            best["injured"][0] == 0
            and not any_killed
            and not any(_DEATH_WORD.search(s.text) for s in usable)
        ):
            for idx, st in sorted(stmts.items()):
                s = by_idx[idx]
                if s.modality in ("related", "retracted", "denied"):
                    continue
                if any(
                    pt.pronoun and not pt.perp and pt.status in ("injured", "shot")
                    for pt in st.patients
                ):
                    best["injured"] = (1, None, [s])
                    break
        # "Upon arrival, officials found four people had been shot. ... Two people have been
        # confirmed dead": the rest of those shot are the wounded
        n_shot, shot_sent = shot_all
        n_dead = best["killed"][0]
        if shot_sent is not None and 0 < n_dead < n_shot and best["injured"][0] < n_shot - n_dead:
            best["injured"] = (n_shot - n_dead, None, [shot_sent])
        # "a teenager was killed in a quadruple shooting": four shot, the rest wounded
        # (a shooter who killed himself is one of those shot); so with "a third victim"
        n_multi, multi_sent = _multiple_shooting(usable)
        if ordinal_all[1] is not None and ordinal_all[0] > n_multi:
            n_multi, multi_sent = ordinal_all
        n_all_dead = n_dead + perp_best["killed"][0]
        if multi_sent is not None and best["injured"][0] < n_multi - n_all_dead:
            best["injured"] = (n_multi - n_all_dead, None, [multi_sent])
        # named victims by status; a suspect who shares a killed victim's surname is most likely
        # a relative merged by name ("Juan Martinez, Jr." arrested, "Juan Martinez, Sr." killed)
        killed_victim_keys = {
            _name_key(pt.person)
            for st in stmts.values()
            for pt in st.patients
            if pt.person and pt.status == "killed" and not pt.perp
        }
        self_hurt = any(
            pt.self_inflicted and pt.status in ("injured", "shot")
            for st in stmts.values()
            for pt in st.patients
        )
        hurt_victim_keys = {
            _name_key(pt.person)
            for st in stmts.values()
            for pt in st.patients
            if pt.person and pt.status in ("injured", "shot") and not pt.perp
        }
        for f in ("killed", "injured"):
            named = [
                p
                for p in people.values()
                if p.name
                and p.role == "victim"
                and p.status == f
                and (f == "killed" or p.explicit_injury or not any_killed)
                # told of only where an earlier incident is ("On Feb. 6, Marquise Hudson, 2,
                # was shot ...")
                and not all(e[0].related for e in p.evidence)
            ]
            # one surname, one person ("A'naiya Montgomery", "Denise Montgomery"): kin who died
            # together are counted where a sentence says so ("Dennie and Ginger Reeves were
            # found dead")
            named = [p for p in named if not _only_speaker(p)]
            n_named = len({_name_key(p.name or "") for p in named})
            if n_named > best[f][0]:
                best[f] = (n_named, None, [e[0] for p in named for e in p.evidence[:1]])
            perps = [
                p
                for p in people.values()
                if (p.role == "perpetrator" or (p.role == "suspect" and f == "injured"))
                and p.status == f
                and _name_key(p.name or "") not in killed_victim_keys
                # one the casualty parse counted as hurt already ("Tony Lee had arrived at the
                # hospital with a gunshot wound", a suspect too)
                and (f == "killed" or _name_key(p.name or "") not in hurt_victim_keys)
            ]
            if f == "injured" and self_hurt:
                # "A teen suspect accidentally shot himself": counted once, as the one hurt
                perps = [p for p in perps if p.name]
            if len(perps) > perp_best[f][0]:
                perp_best[f] = (len(perps), [e[0] for p in perps for e in p.evidence[:1]])
        for f in ("killed", "injured"):
            v, q, sents = best[f]
            pv, psents = perp_best[f]
            if f == "killed" and v >= 2 and any(_MURDER_SUICIDE.search(s.text) for s in sents):
                # "a mother and daughter died in a murder-suicide": the dead named there
                # include the one who killed herself
                pv, psents = 0, []
            elif f == "killed" and v >= 2 and any(_DEAD_WITH_PERP.search(s.text) for s in sents):
                pv, psents = 0, []  # "Three people are dead, including the gunman"
            elif (
                f == "killed"
                and v >= 2
                and pv == 1
                and any(_MURDER_SUICIDE.search(s.text) for s in usable)
                and not any(
                    pt.status == "killed" and (pt.perp or pt.head == "victim")
                    for s in sents
                    for pt in (stmts[s.idx].patients if s.idx in stmts else [])
                )
            ):
                # "Four people were found shot to death in a home" in a report of a
                # murder-suicide: the one who killed himself is among the dead found (not
                # among "four victims")
                pv, psents = 0, []
            total = v + pv
            if total == 0 and not sents and not psents:
                continue
            all_sents = sorted(
                {s.idx: s for s in list(sents) + list(psents)}.values(),  # dedupe
                key=lambda s: s.idx,
            )
            ev = [_ev(analysis, s) for s in all_sents[:4]]
            surface = f"perpetrators: {pv}" if pv else None
            attr = next((s.attribution for s in all_sents if s.attribution), None)
            hedged = all(s.modality == "hedged" for s in all_sents)
            facts.append(
                Fact(
                    f,
                    total,
                    ev,
                    modality="hedged" if hedged else "asserted",
                    qualifier=q,
                    attribution=attr,
                    confidence=0.8,
                    surface=surface,
                )
            )
        # explicit zeros: "no one was injured"
        have = {f.field for f in facts}
        for s in usable:
            if s.related:
                continue
            m = _NO_CASUALTY_RE.search(s.text)
            if not m:
                continue
            word = (m.group("s") or m.group("s2") or m.group("s3") or "").lower()
            fld = "killed" if word in ("killed", "deaths", "fatalities") else "injured"
            if word == "shot":
                fld = "injured"
            if fld not in have:
                facts.append(
                    Fact(
                        fld,
                        0,
                        [_ev(analysis, s)],
                        attribution=s.attribution,
                        confidence=0.7,
                        surface=m.group(0),
                    )
                )
                have.add(fld)
        # related, retracted and denied figures: kept with their modality, never counted
        main_perp = perp_best["killed"][0]
        for idx, st in sorted(stmts.items()):
            s = by_idx[idx]
            if s.modality not in ("related", "retracted", "denied"):
                continue
            for f in ("killed", "injured"):
                pts = [
                    p
                    for p in st.patients
                    if (p.status == f or (f == "injured" and p.status == "shot"))
                    and p.count is not None
                ]
                if not pts:
                    continue
                if s.modality == "related":
                    val = sum(p.count or 0 for p in pts)
                else:
                    # "a second officer had been killed" implies two officers (plus the
                    # perpetrators the main report counts)
                    val = sum((p.ordinal or p.count or 0) for p in pts if not p.perp)
                    val += sum(p.count or 0 for p in pts if p.perp) or (
                        main_perp if f == "killed" else 0
                    )
                facts.append(
                    Fact(
                        f,
                        val,
                        [_ev(analysis, s)],
                        modality=cast(Any, s.modality),
                        attribution=s.attribution,
                        confidence=0.6,
                        surface=" and ".join(p.text for p in pts),
                    )
                )
        return facts

    # -- weapons ---------------------------------------------------------------------------
    def _weapons(self, analysis: Analysis, usable: list[SentInfo]) -> list[Fact]:
        found: dict[tuple[str, str], Fact] = {}
        cats: set[str] = set()
        generic: list[tuple[SentInfo, str]] = []
        for s in usable:
            if s.related or s.modality in ("denied", "retracted"):
                continue
            taken: list[tuple[int, int]] = []
            # most sentences name no weapon: one search of the lower-cased text says so
            patterns = WEAPON_PATTERNS if WEAPON_WORDS.search(s.text.lower()) else []
            for cat, rx in patterns:
                for m in rx.finditer(s.text):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    surface = m.group(0).strip()
                    if cat == "firearm":
                        if re.search(
                            r"\bgun (?:control|violence|laws?|rights|show|shop|store|"
                            r"owners?|safety|range|club)\b",
                            s.text[m.start() : m.end() + 10],
                            re.I,
                        ):
                            continue
                        generic.append((s, surface))
                        continue
                    if cat == "rifle" and re.search(
                        r"\b(?:assault|automatic)\s*$", s.text[: m.start()], re.I
                    ):
                        continue
                    cats.add(cat)
                    key = (cat, surface.lower().rstrip("s"))
                    if key in found:
                        continue
                    found[key] = Fact(
                        "weapon",
                        cat,
                        [_ev(analysis, s)],
                        modality="hedged" if s.modality == "hedged" else "asserted",
                        attribution=s.attribution,
                        confidence=0.8,
                        surface=surface,
                    )
            for m in VEHICLE_RE.finditer(s.text):
                if not VEHICLE_USE_RE.search(s.text):
                    continue
                surface = re.sub(r"^(?:a|an|the|his|her|their)\s+", "", m.group(0).strip())
                key = ("vehicle", surface.lower())
                if key not in found:
                    found[key] = Fact(
                        "weapon",
                        "vehicle",
                        [_ev(analysis, s)],
                        attribution=s.attribution,
                        confidence=0.6,
                        surface=surface,
                    )
        out = list(found.values())
        if not cats and generic:
            s, surface = generic[0]
            out.append(
                Fact(
                    "weapon",
                    "firearm",
                    [_ev(analysis, s)],
                    attribution=s.attribution,
                    confidence=0.6,
                    surface=surface,
                )
            )
        return out

    # -- claims and reports ----------------------------------------------------------------
    def _claims(self, analysis: Analysis, usable: list[SentInfo]) -> list[Fact]:
        out: list[Fact] = []
        seen: set[tuple[str, str]] = set()
        for s in usable:
            if s.related:
                continue
            for rx in (CLAIM_RE, CLAIM_PASSIVE_RE):
                for m in rx.finditer(s.text):
                    group = re.sub(r"^the\s+", "", m.group("group").strip())
                    if group.lower() in ("he", "she", "police", "it", "they"):
                        continue
                    kind = "denied" if m.group("verb").startswith("den") else "claimed"
                    if (group, kind) in seen:
                        continue
                    seen.add((group, kind))
                    out.append(
                        Fact(
                            "claim",
                            {"group": group, "kind": kind},
                            [_ev(analysis, s)],
                            modality="denied" if kind == "denied" else "asserted",
                            attribution=s.attribution,
                            confidence=0.8,
                            surface=m.group(0),
                        )
                    )
            for m in SUSPECT_GROUP_RE.finditer(s.text):
                group = re.sub(r"^the\s+", "", m.group("group").strip())
                if (group, "suspected") in seen:
                    continue
                seen.add((group, "suspected"))
                out.append(
                    Fact(
                        "claim",
                        {"group": group, "kind": "suspected"},
                        [_ev(analysis, s)],
                        modality="hedged",
                        attribution=s.attribution,
                        confidence=0.5,
                        surface=m.group(0),
                    )
                )
        return out

    def _reports(
        self, analysis: Analysis, usable: list[SentInfo], stmts: dict[int, Statement]
    ) -> list[Fact]:
        out: list[Fact] = []
        for s in usable:
            if s.modality not in ("denied", "retracted") or s.related:
                continue
            st = stmts.get(s.idx)
            if st is not None and any(p.status in ("killed", "injured") for p in st.patients):
                continue  # a casualty figure: a killed/injured fact carries it
            m = _REPORTED_THAT.search(s.text)
            if not m:
                continue
            what = m.group("what").strip(" ,")
            out.append(
                Fact(
                    "report",
                    what,
                    [_ev(analysis, s)],
                    modality=cast(Any, s.modality),
                    attribution=s.attribution,
                    confidence=0.7,
                    surface=m.group(0),
                )
            )
        return out

    # -- summary candidates ------------------------------------------------------------------
    def _key_sentences(self, usable: list[SentInfo], facts: list[Fact]) -> list[tuple[Any, ...]]:
        fact_spans: Counter[int] = Counter()
        for f in facts:
            if f.modality in ("related",):
                continue
            for e in f.evidence:
                fact_spans[e.start] += 1
        out: list[tuple[int, int, int, float]] = []
        for s in usable:
            if s.related or s.modality in ("denied", "retracted") or len(s.text) < 25:
                continue
            if not s.incident and s.idx > 2:
                continue
            if len(s.text.split()) < 5 or not re.search(r"[.!?”\"]\s*$", s.text.strip()):
                continue
            score = 0.3 + 0.4 / (1 + s.idx) + min(fact_spans[s.start], 4) * 0.1
            score += 0.2 if s.incident else 0.0
            if s.text.lstrip().startswith(("“", '"')):
                score -= 0.2  # quotes read badly in a summary
            out.append((s.idx, s.start, s.end, round(min(score, 1.0), 3)))
        out.sort(key=lambda x: -x[3])
        return sorted(out[:8], key=lambda x: x[0])

    # -- link features -----------------------------------------------------------------------
    def _features(self, analysis: Analysis, facts: list[Fact]) -> LinkFeatures:
        if _build_link_features is not None:
            return _build_link_features(analysis, facts)
        feats = LinkFeatures()
        a = analysis.article
        feats.published = a.published.date().isoformat() if a.published else None
        for f in facts:
            if f.modality not in ("asserted", "hedged"):
                continue
            if f.field == "date" and isinstance(f.value, dict):
                feats.date = f.value.get("value")
            elif f.field == "event_type":
                feats.event_type = f.value
            elif f.field == "killed" and isinstance(f.value, int):
                feats.killed = f.value
            elif f.field == "injured" and isinstance(f.value, int):
                feats.injured = f.value
        return feats


#: A person told of only in sentences dated this many days before the incident's own date
#: belongs to an earlier event.
EARLIER_EVENT_DAYS = 7


#: Words that say a hurt person lived (and so is not the one who died).
_SURVIVED = re.compile(
    r"\b(both|survived?|surviving|recover\w*|stable|released|non-?life|"
    r"expected to (?:live|survive|recover))\b",
    re.I,
)


def _dead_before_named(
    people: dict[str, Person], stmts: dict[int, Statement], by_idx: dict[int, SentInfo]
) -> Person | None:
    """The one person a report names as hurt, when it is the one death it tells of unnamed.

    "The 4-year-old girl ... has died from her injuries" and "Ilanye Price was taken to Kosair
    Children's Hospital after suffering serious injury": a report of one death often names the
    dead only where it tells how they were hurt.  Not when the report names the dead
    elsewhere, tells of more than one death, the ages or sexes differ, or the hurt person's
    sentences set them apart ("another", "also", "survived", "stable").
    """
    killed = [p for p in people.values() if p.role == "victim" and p.status == "killed"]
    if not killed or any(p.name for p in killed):
        return None
    for idx, st in stmts.items():
        s = by_idx.get(idx)
        if s is None or s.modality in ("related", "retracted", "denied"):
            continue
        if sum(pt.count or 0 for pt in st.patients if pt.status == "killed" and not pt.perp) > 1:
            return None
    hurt = [p for p in people.values() if p.name and p.role == "victim" and p.status == "injured"]
    if len(hurt) != 1:
        return None
    p = hurt[0]
    ages = {q.age for q in killed if q.age is not None}
    genders = {q.gender for q in killed if q.gender}
    if (p.age is not None and ages and p.age not in ages) or (
        p.gender and genders and p.gender not in genders
    ):
        return None
    if any(_ANOTHER_RE.search(e[0].text) or _SURVIVED.search(e[0].text) for e in p.evidence):
        return None
    return p


def _incident_day(facts: list[Fact]) -> date | None:
    """The incident's day when the text gives it with confidence (not the publication's)."""
    when = next(
        (
            f
            for f in facts
            if f.field == "date"
            and isinstance(f.value, dict)
            and f.value.get("value")
            and f.value.get("precision") == "day"
            and not f.value.get("basis")
            and f.confidence >= 0.8
        ),
        None,
    )
    return None if when is None else date.fromisoformat(str(when.value["value"])[:10])


def _earlier_sentences(facts: list[Fact], usable: list[SentInfo], pub: date | None) -> set[int]:
    """Starts of the sentences dated well before the incident, and those (but the headline)
    marked related: "On Feb. 6, 2-year-old Marquise Hudson was shot ... not far from the scene
    of Saturday's incident" tells of another.  Needs a confident day-precise incident date."""
    day = _incident_day(facts)
    if day is None:
        return set()
    earlier: set[int] = set()
    for s in usable:
        if any(
            dm.value is not None
            and dm.precision == "day"
            and (day - dm.value).days > EARLIER_EVENT_DAYS
            for dm in find_dates(s.text, pub)
        ):
            earlier.add(s.start)
            if not s.headline:
                s.related = True
                s.modality = "related"
    return earlier


def _earlier_events(facts: list[Fact], earlier: set[int]) -> None:
    """Mark as related the people told of only in sentences dated well before the incident
    (``earlier``, from ``_earlier_sentences``): "in retaliation for the killing of Dominique
    Horton on Thursday, Jan. 5", "since DeKayla Dansberry was stabbed to death there on May
    14"."""
    if not earlier:
        return
    for f in facts:
        if (
            f.field != "participant"
            or f.modality not in ("asserted", "hedged")
            or not f.evidence
            or (f.value or {}).get("role") != "victim"
        ):
            continue  # a suspect's arrest or hearing comes later and has a date of its own
        if all(ev.start in earlier for ev in f.evidence):
            f.modality = "related"
