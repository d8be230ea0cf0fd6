"""Word lists and patterns shared by the rule extractor."""

from __future__ import annotations

import re

#: Incident vocabulary: a sentence with one of these is "about an incident".
INCIDENT_RE = re.compile(
    r"\b(shot|shoots?|shooting|shootings|shooter|gunfire|gunshots?|opened fire|open fire|fired|"
    r"firing|gunman|gunmen|gun|guns|handgun|rifle|pistol|killed|killing|killings|kill|dead|"
    r"death|died|dies|slain|murder(?:ed|s)?|homicide|wounded|wounds?|injured|injuries|injury|"
    r"hurt|attack(?:ed|s)?|assailant|attacker|stabb(?:ed|ing)|stabs?|explosion|explosive|"
    r"bomb(?:ing|s)?|blast|hostages?|arrested|suspects?|victims?|manhunt|fled|"
    r"critical condition|hospital(?:ized)?|massacre|rampage|shoot-?out|ambush(?:ed)?|incident|"
    r"happened|took place|bullets?|pellets?)\b",
    re.I,
)

#: Cues that a sentence tells of a different (earlier, separate) incident.
RELATED_RE = re.compile(
    r"\b(in (?:a|an|another) (?:separate|unrelated|different|similar|earlier|previous) "
    r"(?:incident|shooting|attack|case)|separate (?:\w+ )?incidents|unrelated (?:incident|shooting)|"
    r"(?:yesterday|last \w+|\w+day)['’]s (?:massacre|attack|killings?|bombing)|"
    r"the (?:killings|massacre|attack|shooting|bombing) at the [a-z]|"
    r"(?:previous|earlier|prior|last) (?:attacks?|shootings?|incidents?|massacres?)|"
    r"(?:this|last|earlier this|so far this) (?:year|month)['’]?s?\b.*\b(?:homicides?|shootings?"
    r"|killings?)|there have been (?:\w+ )?(?:attacks|shootings)|"
    r"years? (?:ago|after|before)|was (?:the )?target of an? attack|"
    r"comes? (?:\w+ )?(?:days?|weeks?|months?) after|(?:days?|weeks?|months?) after (?:a|an|the) "
    r"(?:separate|similar|another|earlier)|another (?:shooting|attack|incident) (?:on|in|at|last)|"
    # "Last month, William Anderson ... was killed", "for the second time in six months"
    r"^\W*(?:last|earlier this|earlier last|late last) (?:month|year|week|summer|fall|spring|"
    r"winter)\b|\bfor the (?:second|third|fourth|fifth|\w+th) time\b|"
    # "was fatally shot ... last summer", "Within the last year, three children ... died"
    r"\b(?:last|earlier this) (?:summer|fall|spring|winter)\b|"
    r"\bwithin the (?:last|past) (?:year|\w+ (?:months|years))\b|"
    r"\bis the (?:second|third|fourth|fifth|\w+th)\b.{0,40}\bto (?:be|die)\b|"
    # "A year earlier, Altone Finney was shot", "two weeks before"
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+) (?:days?|"
    r"weeks?|months?|years?) (?:earlier|before|ago)\b|"
    # "eight months after an innocent bystander was killed"; but "was arrested one day after
    # Ramon Burnett was shot": days after, the shooting is this one
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+) (?:"
    r"weeks?|months?|years?) after\b|"
    r"\b(?:killed|died) in an? (?:[\w-]+ ){0,2}(?:car|motorcycle|traffic|vehicle|auto|highway) "
    r"(?:crash|accident|wreck|collision)\b|"
    # a timeline of other events: "Aug. 23: Joseph Shuemaker, 24, is shot and killed ..."
    r"^\W*(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}:\s|"
    r"^\W*(?:\w+\s+)?(?:19|20)\d\d:\s|"  # "1993: Dr. David Gunn is shot to death ..."
    # statistics: "nearly 500 Detroit children have died in homicides since 2000"
    r"\bsince (?:19|20)\d\d\b|\b(?:so far|this|last) year\b.*\b(?:homicides?|shootings?)\b|"
    r"\bas of\b.{0,80}\bthis year\b|\bbetween (?:\w+,? )?(?:19|20)\d\d\b|"
    # another event the same day or nearby: "Earlier Thursday, a man was fatally shot ..."
    r"^\W*earlier (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    # the case just told of: "In that case, a 15-year-old was killed"
    r"^\W*in (?:that|the earlier|the previous|the other) (?:case|incident|shooting)\b|"
    r"\b(?:just|also) last (?:week|month|year)\b)",
    re.I,
)
#: "in 2005": a year well before the publication (checked in code).
YEAR_RE = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d{2})\b")

RETRACTED_RE = re.compile(
    r"\b(?:(?:are|is|were|was|have been|has been|proved|proven) (?:\w+ ){0,2}(?:incorrect|wrong|"
    r"false|inaccurate|erroneous|untrue|mistaken)|retracted|corrected|correction:|"
    r"(?:later|since) (?:turned out|proved)|was not (?:in fact )?killed|"
    # "Police had originally said that seven people were shot, but amended that number"
    r"(?:originally|initially) (?:said|reported|stated|believed|thought))\b",
    re.I,
)
DENIED_RE = re.compile(
    # "Bond was denied", "denied him bail": a court's refusal denies no fact
    r"(?<!\bbond was )(?<!\bbail was )(?<!\bbond is )(?<!\bbail is )\b(?:denied|denies|deny)\b"
    r"(?!\s+(?:him\s+|her\s+|them\s+)?(?:bond|bail|parole|entry|access|(?:a|the|an)\s+"
    r"(?:motion|request|appeal)))|\b(?:dismissed as|refuted|rejected)\b",
    re.I,
)
HEDGED_RE = re.compile(
    r"\b(?:believed to|thought to|reportedly|unconfirmed|may have|might have|possibly|"
    r"appear(?:s|ed)? to|allegedly|it is understood|suggest|rumou?rs?|speculation|unclear)\b",
    re.I,
)

JUNK_RE = re.compile(
    r"(image source|copyright|all rights reserved|click here|sign up|subscribe|newsletter|"
    r"watch this report|share this|follow us|captcha|cookies?|javascript|advertisement|"
    r"related:|read more|photo:|©|\bap photo\b|getty images|^\s*\(?reuters\)?/?\w*\s*$)",
    re.I,
)


def for_lowered_text(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` (case-insensitive, written in lower case) for searching text already passed
    through ``str.lower``: the same answers, 2-3x faster, as a case-insensitive search folds
    case at every step.  For a sentence that many patterns search in turn."""
    if not rx.flags & re.IGNORECASE or re.search(r"[A-Z]", re.sub(r"\\.", "", rx.pattern)):
        raise ValueError(f"not a case-insensitive pattern in lower case: {rx.pattern[:60]}")
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


PEOPLE_PLURAL = (
    r"people|persons|men|women|children|kids|teens|teenagers|officers|policemen|policewomen|"
    r"victims|others|students|adults|bystanders|civilians|soldiers|individuals|boys|girls|"
    r"deputies|troopers|customers|residents|worshippers|guards|agents|employees|passengers|"
    r"youths|juveniles|males|females|brothers|sisters|relatives|friends|gunmen|suspects|"
    r"attackers|assailants|shooters|family members|toddlers|infants|babies|patrons|"
    r"pedestrians|workers|motorists|occupants|sons|daughters|siblings|members"
)
PERP_NOUNS = (
    "gunman",
    "gunmen",
    "shooter",
    "shooters",
    "assailant",
    "assailants",
    "attacker",
    "attackers",
    "suspect",
    "suspects",
    "killer",
    "killers",
    "perpetrator",
    "perpetrators",
    "robber",
    "robbers",
    "intruder",
    "intruders",
    "terrorist",
    "terrorists",
    "sniper",
    "bomber",
    "bombers",
    "culprit",
    "culprits",
)
PERSON_NOUNS = frozenset(
    [
        "person",
        "man",
        "woman",
        "child",
        "kid",
        "teen",
        "teenager",
        "officer",
        "policeman",
        "policewoman",
        "cop",
        "victim",
        "student",
        "adult",
        "bystander",
        "civilian",
        "soldier",
        "individual",
        "boy",
        "girl",
        "deputy",
        "trooper",
        "customer",
        "resident",
        "guard",
        "agent",
        "employee",
        "passenger",
        "youth",
        "juvenile",
        "male",
        "female",
        "brother",
        "sister",
        "relative",
        "friend",
        "colleague",
        "driver",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "girlfriend",
        "boyfriend",
        "toddler",
        "infant",
        "baby",
        "clerk",
        "neighbor",
        "neighbour",
        "patron",
        "pedestrian",
        "worker",
        "motorist",
        "occupant",
        "sibling",
        "nephew",
        "niece",
        "cousin",
        "grandmother",
        "grandfather",
        "uncle",
        "aunt",
        "owner",
        "homeowner",
        "roommate",
        "partner",
        "fiancee",
        "fiance",
        "gunman",
        "shooter",
        "assailant",
        "attacker",
        "suspect",
        "killer",
        "perpetrator",
        "robber",
        "intruder",
        "terrorist",
        "sniper",
        "bomber",
        "culprit",
        # more of those a shooting report tells of ("4 spectators injured", "a hunter shot")
        "spectator",
        "partygoer",
        "attendee",
        "concertgoer",
        "reveler",
        "shopper",
        "hunter",
        "teacher",
        "firefighter",
        "bouncer",
        "cashier",
        "classmate",
        "coworker",
        "co-worker",
        "teammate",
        "stepfather",
        "stepmother",
        "stepson",
        "stepdaughter",
        "grandson",
        "granddaughter",
        "grandchild",
        "parent",
        "mom",
        "dad",
        "guest",
        "visitor",
        "tenant",
        "caretaker",
        "babysitter",
        "acquaintance",
        "biker",
        "inmate",
        "hostage",
        "minor",
        "people",
        "persons",
        "men",
        "women",
        "children",
        "kids",
        "teens",
        "teenagers",
        "officers",
        "policemen",
        "policewomen",
        "victims",
        "others",
        "students",
        "adults",
        "bystanders",
        "civilians",
        "soldiers",
        "individuals",
        "boys",
        "girls",
        "deputies",
        "troopers",
        "customers",
        "residents",
        "guards",
        "agents",
        "employees",
        "passengers",
        "youths",
        "juveniles",
        "males",
        "females",
        "relatives",
        "friends",
        "gunmen",
        "suspects",
        "attackers",
        "assailants",
        "shooters",
    ]
) | {"one", "two", "three"}

OFFICIAL_TITLES = re.compile(
    r"\b(chief|sheriff|sgt|sergeant|lt|lieutenant|capt|captain|detective|det|spokes(?:man|woman"
    r"|person)|mayor|minister|president|governor|gov|attorney|prosecutor|coroner|commissioner|"
    r"superintendent|investigator|director|secretary|senator|sen|rep|representative|judge|"
    r"councilman|councilwoman|alderman|examiner|public information officer|PIO|cpl|corporal|"
    r"major|maj|col|colonel|marshal|constable|inspector|chancellor|premier|ambassador|"
    r"official|officials|spokesperson)\.?\b",
    re.I,
)
POLICE_TITLES = re.compile(r"\b(officer|deputy|trooper|agent|ofc|cop)\.?$", re.I)

WITNESS_RE = re.compile(
    r"\b(witness(?:es|ed)?|neighbou?rs?|saw|heard|woken|lives? (?:close|nearby|next door)|"
    r"eyewitness|onlookers?|bystanders?)\b",
    re.I,
)
AT_LARGE_RE = re.compile(
    r"\b(on the loose|at large|fled|flee(?:ing)?|escaped?|got away|ran away|running away|drove "
    r"away|still (?:being )?(?:sought|hunting|searching)|hunting for|searching for|manhunt|"
    r"remains? (?:at large|unidentified)|no arrests?|has not been (?:arrested|caught|found))\b",
    re.I,
)
ARREST_RE = re.compile(
    r"\b(arrested|in custody|detained|apprehended|booked|charged|taken into custody|"
    r"turned (?:himself|herself) in|surrendered|jailed|indicted|held on|faces? (?:\w+ )?charges?)"
    r"\b",
    re.I,
)
SUICIDE_RE = re.compile(
    r"\b(turn(?:ed|ing) the (?:gun|weapon|rifle|handgun) on (?:himself|herself)|took (?:his|her) own "
    r"life|killed (?:himself|herself)|fatally shoot(?:ing)? (?:himself|herself)|"
    r"fatally shot (?:himself|herself)|shot and killed (?:himself|"
    r"herself)|(?<!attempted )murder-suicide|(?<!attempted )murder suicide|committed suicide)\b",
    re.I,
)

FEMALE_WORDS = frozenset(
    [
        "woman",
        "women",
        "girl",
        "girls",
        "female",
        "mother",
        "daughter",
        "wife",
        "sister",
        "girlfriend",
        "grandmother",
        "aunt",
        "niece",
        "policewoman",
        "she",
        "her",
        "hers",
        "herself",
        "mrs",
        "ms",
        "miss",
        "lady",
        "fiancee",
        "spokeswoman",
        "councilwoman",
    ]
)
MALE_WORDS = frozenset(
    [
        "man",
        "men",
        "boy",
        "boys",
        "male",
        "father",
        "son",
        "husband",
        "brother",
        "boyfriend",
        "grandfather",
        "uncle",
        "nephew",
        "policeman",
        "he",
        "him",
        "his",
        "himself",
        "mr",
        "gentleman",
        "fiance",
        "spokesman",
        "councilman",
        "gunman",
    ]
)

# --- weapons ---------------------------------------------------------------------------------
#: (category, regex); earlier entries win when spans overlap.
WEAPON_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "assault rifle",
        re.compile(
            r"\b(?:(?:[A-Z]{1,3}-?\d{1,3}[A-Z]?|Kalashnikov|AR-15|AR15|AK-47|AK47|M-?16|M-?4|M-?5|"
            r"semi-?automatic|automatic|military-style)\s+)?(?:assault|automatic)\s+(?:rifle|weapon)s?"
            r"|\bKalashnikov(?:\s+(?:machine\s+gun|rifle|assault rifle|-style rifle))?"
            r"(?:,?\s+(?:also\s+)?known\s+as\s+an?\s+AK-?47)?|\bAK-?47s?\b|\bAR-?15s?\b|"
            r"\b(?:[A-Z]{1,3}\d{1,2}\s+)?machine[\s-]?guns?\b|\bsub-?machine[\s-]?guns?\b|\bUzi\b",
            re.I,
        ),
    ),
    (
        "shotgun",
        re.compile(
            r"\b(?:sawed-off\s+|sawn-off\s+|pump-action\s+|\d+-gauge\s+)?"
            r"shotguns?\b",
            re.I,
        ),
    ),
    (
        "rifle",
        re.compile(
            r"\b(?:hunting\s+|high-powered\s+|long\s+|\.?\d{2,3}(?:-caliber)?\s+)?"
            r"rifles?\b",
            re.I,
        ),
    ),
    (
        "handgun",
        re.compile(
            r"\b(?:\.?\d{2,3}(?:-caliber|\s+caliber|mm)?\s+|semi-?automatic\s+|Glock\s+)?"
            r"(?:handguns?|pistols?|revolvers?)\b|\bGlock\b|\b\.?\d{2,3}(?:-caliber|\s+caliber|mm)"
            r"\s+(?:gun|weapon)\b",
            re.I,
        ),
    ),
    (
        "explosive",
        re.compile(
            r"\b(?:(?:home-?made|improvised|pipe|nail|car|truck|suicide)\s+)?(?:bombs?|explosives?|"
            r"explosive devices?|IEDs?|grenades?|suicide vests?)\b",
            re.I,
        ),
    ),
    ("knife", re.compile(r"\b(?:kitchen\s+)?(?:knife|knives|machete|blade|box cutter)\b", re.I)),
    ("firearm", re.compile(r"\b(?:firearms?|guns?)\b", re.I)),
]
#: Every match of WEAPON_PATTERNS holds one of these (searched in lower-cased text): a
#: sentence without any is not searched with each of them.  Extend it with the patterns.
WEAPON_WORDS = re.compile(
    r"rifle|weapon|kalashnikov|ak-?47|ar-?15|machine|uzi|gun|pistol|revolver|glock|bomb|"
    r"explosive|ied|grenade|vest|kni|machete|blade|box cutter|firearm"
)
#: Vehicles used in the attack or to flee: colour + make, or a make and model.
CAR_MAKES = (
    r"Renault|Peugeot|Citroen|Citroën|Volkswagen|VW|Ford|Chevrolet|Chevy|Toyota|Honda|Nissan|"
    r"Dodge|Jeep|Chrysler|Buick|Cadillac|Pontiac|GMC|Hyundai|Kia|Mazda|Subaru|Mercedes|BMW|Audi|"
    r"Lexus|Acura|Infiniti|Mitsubishi|Volvo|Lincoln|Mercury|Saturn|Oldsmobile|Fiat|Opel|Tesla"
)
VEHICLE_RE = re.compile(
    r"\b(?:(?:a|an|the|his|her|their)\s+)?(?:(?:white|black|silver|gray|grey|red|blue|green|"
    r"dark|light|gold|tan|maroon|burgundy|brown|beige|orange|yellow|purple)\s+(?:-?colou?red\s+)?)?"
    r"(?:\d{4}\s+)?(?:" + CAR_MAKES + r")(?:\s+[A-Z][\w-]+){0,2}(?:\s+(?:car|sedan|SUV|van|truck|"
    r"pickup))?",
)
VEHICLE_USE_RE = re.compile(
    r"\b(drove|driving|fled|flee|in a|in an|in the|car|vehicle|truck|van|suv|sedan|rammed)\b",
    re.I,
)

# --- event types -----------------------------------------------------------------------------
EVENT_CUES: list[tuple[str, re.Pattern[str], float]] = [
    (
        "accidental_shooting",
        re.compile(
            r"\b(accidental(?:ly)? (?:shot|shooting|discharge|fired|shoots?)|unintentional(?:ly)? "
            r"(?:shot|shooting|discharge|fired)|gun (?:accidentally )?went off|accidentally shot|"
            r"while cleaning (?:his|her|a) gun)\b",
            re.I,
        ),
        3.0,
    ),
    (
        "police_shooting",
        re.compile(
            r"\b(officer-involved shooting|police-involved shooting|officer involved shooting|"
            r"(?:shot|killed|wounded) by (?:police|an? officer|officers|deputies|a deputy|troopers?)|"
            r"(?:police|officers|deputies|troopers?) (?:shot|opened fire on|returned fire|fatally "
            r"shot) (?:and killed )?(?:a|the) (?:man|suspect|woman|driver))\b",
            re.I,
        ),
        2.0,
    ),
    (
        "bombing",
        re.compile(
            r"\b(bomb(?:ing|ings|s|ed)?|explosions?|explosive|blast|detonat\w+|IED|grenade|"
            r"blown out|blew up|suicide vest)\b",
            re.I,
        ),
        1.5,
    ),
    (
        "stabbing",
        re.compile(r"\b(stabb(?:ed|ing|ings)|stabs?|knife attack|slashed|machete)\b", re.I),
        1.5,
    ),
    (
        "vehicle_ramming",
        re.compile(
            r"\b(rammed|ramming|drove (?:a|his|the) (?:car|truck|van|vehicle) into|ploughed into|"
            r"plowed into|mowed down)\b",
            re.I,
        ),
        2.0,
    ),
    (
        "hostage_kidnapping",
        re.compile(
            r"\b(hostages?|kidnapp(?:ed|ing)|abduct(?:ed|ion)|held captive|barricaded)\b", re.I
        ),
        1.5,
    ),
    ("arson", re.compile(r"\b(arson|set (?:on )?fire|firebomb\w*|torched|molotov)\b", re.I), 1.5),
    (
        "riot_protest",
        re.compile(r"\b(riots?|rioting|protesters?|demonstrators?|unrest)\b", re.I),
        1.0,
    ),
    (
        "armed_assault",
        re.compile(
            r"\b(shot|shooting|shootings|gunfire|gunshots?|opened fire|open fire|fired|gunman|gunmen|"
            r"shooter|shoot-?out|machine gun|assault rifle|handgun|rifle|armed attack)\b",
            re.I,
        ),
        1.0,
    ),
]

CLAIM_RE = re.compile(
    r"\b(?P<group>(?:the\s+)?(?:so-called\s+)?(?:Islamic State|IS|ISIS|ISIL|Daesh|al-?Qaeda|"
    r"al-?Shabaab|Boko Haram|Taliban|Hamas|Hezbollah|[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4}))\s+"
    r"(?:group\s+|militants?\s+)?(?:has\s+|have\s+|had\s+)?(?P<verb>claimed|claims|"
    r"denied|denies)\s+(?:responsibility|credit)",
)
CLAIM_PASSIVE_RE = re.compile(
    r"\b(?:responsibility|credit)\s+(?:for\s+[^.]{0,60}?\s+)?(?:was|has been|had been)\s+"
    r"(?P<verb>claimed|denied)\s+by\s+(?P<group>(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4})",
)
SUSPECT_GROUP_RE = re.compile(
    r"\b(?:suspected|believed|thought)\s+(?:to\s+(?:be|have been)\s+)?(?:of\s+)?(?:a\s+)?"
    r"(?:member|members|militants?|supporters?)\s+of\s+(?P<group>(?:the\s+)?[A-Z][\w-]+"
    r"(?:\s+[A-Z][\w-]+){0,4})",
)
