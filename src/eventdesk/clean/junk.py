"""Junk-line classifier for scraped plain text.

Scraped article text carries lines that are not the article: share/captcha/newsletter prompts,
copyright and credit lines, embedded tweets, video-playlist and "related story" teasers, and
tails of unrelated headlines (seed 000 ends with six).  The classifier decides per line; it
must never drop a real sentence, so the default is *keep* and a line is dropped only when

1. it matches a boilerplate pattern (``_START``/``_ANYWHERE``: phrases seen on news sites), or
2. it consists only of UI words ("Twitter", "Email", "Print" …) or of no letters at all, or
3. it is *weak* — no sentence end, at most ``WEAK_MAX_WORDS`` words, and sharing few of its
   specific words with the rest of the article — and also looks like a teaser: it is cut off
   with "…"/"...", or written in headline case, or it sits next to other junk (runs of
   teasers, the junk tail after the last paragraph).

Real short sentences ("No arrests have been made.") end with a full stop and are never weak;
real sub-headings ("Kebab shop explosion") share their words with the paragraph they head;
lines that continue a sentence (start in lower case, end with a comma or "says"), bullet
items, "Name, 36," lines and ALL-CAPS broadcast scripts are never weak either.  For text that
trafilatura extracted from HTML only rules 1–2 apply (``teasers=False``): there, short
capitalised lines are list items and table rows.

The word-overlap feature is what separates a teaser for *another* story from a heading of this
one: a stop list removes function words and the vocabulary every shooting report shares
("police", "shot", "killed"), so the overlap is computed on the specific words (names, places,
objects).  Everything is regexes and set look-ups: ~0.3 ms per gva-dev article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A weak line has at most this many words (longer lines without an end are cut-off sentences).
WEAK_MAX_WORDS = 20
#: A line cut off with "…"/"..." (or with no punctuation at all) is a candidate up to this length.
ELLIPSIS_MAX_WORDS = 45
#: Below this share of specific words found elsewhere in the article a line is "unrelated".
LOW_OVERLAP = 0.34

# Patterns are matched against the lower-cased line.  Two kinds, for speed (a single big
# unanchored alternation costs ~100 µs per line): ``_START`` patterns are anchored at the line
# start and tried once; each ``_ANYWHERE`` pattern is gated by a literal that must occur in
# the line, so most lines cost a few substring tests.
_START = [
    # video / browser prompts
    r"(watch|view) (this|the) (report|story|video)\b.{0,30}$",
    r"play ?pause\b",
    r"loading\.\.\.?\s*$",
    # copyright
    r"\(?\s*(tm and \S+ )?(copyright|©|\(c\))",
    # share, comments, accounts
    r"share this\b",
    r"(message: \* )?a friend wanted you to see",
    r"(welcome back\.? )?please (sign|log) ?in",
    r"sign in (using|with)",
    r"just one more thing",
    r"(free )?apps? \|",
    r"follow (us|[\w.]+)( on (twitter|facebook|instagram))?:",
    r"follow \S+ on (twitter|facebook|instagram)",
    r"stay (up to date|with \S+)",
    r"tune in to\b",
    r"submit here$",
    r"(https?://)?(www\.)?twitter\.com/\w+$",
    r"(twitter|email|e-mail): @?\S+$",
    # ads and site furniture
    r"advertisement\b",
    r"(text size|font size|skip to (main )?content)",
    r"from wikipedia, the free encyclopedia",
    # related-story / more-coverage furniture
    r"(related|more|also on \S+|trending( stories)?|previous(ly)?|see also|read more|"
    r"recommended|popular|latest|top stories|you may also (like|be interested)[\w ]*|"
    r"more (from|on) [\w ]{1,30}|related (content|coverage|stories|story|links?|articles?)|"
    r"previous (coverage|stories|story)|original (story|message)[\w ]*|around the web)\s*:?$",
    r"(related|more|previous related story|related coverage|related content|also read|"
    r"read more|see also|more coverage|trending|photos|video|watch|gallery|slideshow|"
    r"raw video|web extra|listen)\s*:\s*\S",
    r"(refresh|check back)\b.{0,40}\b(updates?|details|information|story)\b",
    r"stay tuned\b",
    r"(►|»|>>|×)\s*\S",
    r"(more|read more)\b.{0,50}\b(stories|news)\b.{0,20}:?$",
    r"more from \S+$",
    r"read more( here)?\.?$",
    r"page \d+ of \d+$",
    r"subscribers? get\b",
    r"playlist:",
    r"\(?(photo|courtesy):? [^)]{1,60}\)?$",
    r"[\w.' ]{2,40}: \(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b.{0,80}(@|twitter)",
    r"\d{1,2}:\d{2}$",
    r"emergency messages as of\b",
    r"(mobile users,? )?tap here\b",
    r"by:? .{2,60}\b(updated|posted):",
    r"[\w.'’\- ]{2,30} contributed( to this (report|story|article))?\.?$",
    r"tagged\b",
    r"(follow|like) [\w.'’ ]{1,40}:$",
    r"(by )?[\w ]{0,30}\bstaff( writer| reports?)?$",
    r"-?\d{1,3}\.\d{3,},? -?\d{1,3}\.\d{3,}$",
    r"(advertisement )?related content\b",
    r"\+ \S",
    r"\[(related|mobile users|web extra|photos?|video|watch|read|more)\b",
    # gallery furniture; "Image 3 of 10 <caption>" keeps its caption (often the only text)
    r"image \d+ of /? ?\d*( caption)?( close)?$",
    r"\d+ of \d+\s*$",
    r"buy photo\b",
    r"click to enlarge\b",
    # press-release / wire markers
    r"#{2,}\s*[a-z ]*#{2,}",
    r"#{3,}",
    r"for immediate release$",
    # bylines, page dates, contacts and credits
    r"by:? [\w.'’\- ]{2,60}(?<!\.)$",
    r"by [\w.'’\- ]{2,40}(\[email protected\]|@\S+|//.*)$",
    r"(by )?\w+ \w+ and \S+ (\d+ )?staff$",
    r"(staff|wire) reports?$",
    r"(posted|updated|published|last updated|created)\s*:?\s*(on )?"
    r"(\w+day,? )?(\w{3,9}\.? \d|\d|\d{1,2}/|\w+ ago)",
    r"(posted|updated) (\w{3}\.? \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{2,4})",
    r"on \w+ \d{1,2}, \d{4},? \d{1,2}:\d{2} ?[ap]\.?m\.?$",
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+[,;]?\s*(\(?\d{3}\)?[ -]?\d{3}-\d{4})?$",
    r"contact (the )?(writer|reporter|author)",
    r"[a-z][\w.'’\-]+ [a-z][\w.'’\-]+: \(?\d{3}\)?[ -]?\d{3}-\d{4}$",
    r"(photo|image|video|file photo|photos)( credit)?s?\s*:",
    r"(image|photo|photos) (via|courtesy( of)?)\b",
    r"\[?photos? via .{1,60}\]?$",
    r"(information|material) from:? ",
    r"contributing:",
    r"[-—–]*\s*(the )?(associated press|ap|reuters|cnn|afp|\w+ news service)( and [\w ]+)? "
    r"contributed (to )?this (report|story|article)\.?$",
    r"\(?reporting by [^)]{2,80}\)?\.?$",
    r"(copyright )?(the )?associated press$",
    r"https?://\S+$",
    r"inc\. #\d+$",
    # video playlist entries ("1:12 dog rescued from frozen pond")
    r"\d{1,2}:\d{2} (?![ap]\.?m\b)(?!(a|p)\.m\.)[a-z'\"‘“]",
]
_ANYWHERE = [
    ("javascript", r"enable javascript|javascript (is )?(disabled|required)"),
    ("mobile", r"watch this (report|story|video) on your mobile"),
    ("viewing the video", r"having trouble viewing the video"),
    ("block", r"\bad ?block(ing|er)?\b"),
    ("autoplay", r"\bautoplay\b"),
    ("copy this code", r"copy this code to your website"),
    ("pause", r"\bplay ?pause$"),
    ("rights reserved", r"all rights reserved"),
    ("may not be", r"may not be (re)?(published|broadcast|rewritten|redistributed)"),
    ("characters", r"you must enter the characters"),
    ("captcha", r"\bcaptcha\b"),
    ("like this", r"like this: like"),
    ("share this story", r"read or share this story"),
    (
        "comment",
        r"\d+ pending comments?|\bcomments? (are|is) (closed|moderated)"
        r"|comment platform|(sign in|log in|register) to (comment|continue)",
    ),
    ("owner of this article", r"you are the owner of this article"),
    ("have an account", r"(already|not) have an account"),
    ("subscriber", r"(already|not) a subscriber"),
    ("click", r"click (on )?(here|the button)"),
    ("terms of", r"terms of (service|use)"),
    ("privacy policy", r"privacy policy"),
    ("premium clicks", r"premium clicks"),
    ("sending you to", r"the previous page is sending you to"),
    ("registering", r"thank you for registering"),
    ("verification", r"verification (email|message)"),
    ("confirmation email", r"confirmation email"),
    ("activate your", r"activate your (profile|account)"),
    ("your profile", r"update your profile"),
    ("newsletter", r"newsletters?\b"),
    (
        "notification",
        r"notifications? (has been|have been|are only|was) "
        r"|problem saving your notification",
    ),
    ("never miss", r"never miss (another|a) "),
    ("app", r"download (our|the) .{0,40}\bapps?\b|\bapps?\b.{0,20}(ios|android)\b"),
    ("download for", r"download for (iphone|android|ios)"),
    ("facebook", r"\bon (facebook|twitter)\s*\||become a fan on facebook"),
    ("twitter", r"\bon (facebook|twitter)\s*\||follow .{1,40} on twitter"),
    ("conversation", r"join the conversation"),
    ("tips", r"send us your (news )?tips"),
    ("radio", r"listen to \w+ radio"),
    ("your tweets", r"add a location to your tweets"),
    ("pic.twitter.com", r"pic\.twitter\.com"),
    ("(@", r"[—–-] [^—–]{1,60}\(@\w{1,20}\) \w{3,9}\.? \d{1,2},? \d{4}$"),
    (" pic", r"#\w+ pic\.?$"),
    ("sponsored", r"\bsponsored content\b"),
    ("advisory", r"(winter weather|wind chill|flood|heat|freeze|frost) advisory"),
    ("warning", r"(winter weather|wind chill|flood|heat|freeze|frost) warning"),
    ("edit", r"\[ ?edit ?\]$"),
    ("caption", r"\bview full caption\b|\bcaption close$"),
    ("media files", r"attached media files"),
    ("posted:", r"\bposted: .{5,60} updated: |\bposted: (\w+day, )?\w+\.? \d{1,2}, \d{4}"),
    ("news story?", r"comment about a news story\?"),
    ("email protected", r"\[email protected\]"),
    ("reach", r"\b(can be reached|reach (him|her|them)) at\b"),
    ("writer", r"\bis an? ([\w-]+ )?(staff writer) (for|at|with) "),
    ("reporter", r"\bis an? ([\w-]+ )?(reporter) (for|at|with) "),
    ("crime incidents", r"crime incidents( per 100,000 residents)?:"),
    ("{*", r"\{\* ?[#\w]+ ?\*\}"),
    ("notifications on", r"get email notifications on"),
    ("your inbox", r"an email delivered to your inbox"),
    ("location", r"when you tweet with a location|switch location on/off"),
    ("rss", r"subscribe to (my|our|the) rss"),
]
_START_RE = re.compile("|".join(f"(?:{p})" for p in _START))
_ANY_RE = [(kw, re.compile(p)) for kw, p in _ANYWHERE]


def _pattern_junk(line: str) -> bool:
    low = line.lower()
    if _START_RE.match(low[:200]):
        return True
    return any(kw in low and rx.search(low) for kw, rx in _ANY_RE)


#: Lines made only of these words are site furniture (share bars, menus).
_UI_WORDS = frozenset(
    [
        "twitter",
        "facebook",
        "email",
        "e-mail",
        "print",
        "share",
        "shares",
        "google",
        "google+",
        "more",
        "pinterest",
        "close",
        "photos",
        "photo",
        "comments",
        "comment",
        "reddit",
        "linkedin",
        "tumblr",
        "whatsapp",
        "sms",
        "text",
        "tweet",
        "next",
        "previous",
        "prev",
        "home",
        "menu",
        "search",
        "subscribe",
        "video",
        "videos",
        "gallery",
        "instagram",
        "youtube",
        "flipboard",
        "messenger",
        "copy",
        "link",
        "sign",
        "in",
        "log",
        "login",
        "register",
        "save",
        "saved",
        "like",
        "follow",
        "reply",
        "report",
        "back",
        "top",
        "embed",
        "caption",
        "expand",
        "collapse",
        "read",
        "story",
        "share",
        "this",
        "on",
        "print",
        "email",
    ]
)

# A credit line: "Reuters/PA", "Deren Martinez/KTVB", "Flickr/diversey".
_CREDIT = re.compile(
    r"^(\(?(photo|image)s?:? )?[A-Z][\w.&'’\- ]{0,40}/ ?[A-Za-z][\w.&'’\- ]{0,40}\)?$"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)*")
_SENTENCE_END = re.compile(r"""[.!?:;]["'”’)\]]*$|[.!?]["'”’)\]]+\s*\S{0,3}$""")
_ELLIPSIS_END = re.compile(r"(…|\.\.\.)\s*$")
_HAS_ALNUM = re.compile(r"[^\W_]")
_PUNCT = re.compile(r"[.,!?;:\"“”()]")
# A line that starts in lower case, ends mid-clause or is a table row continues the text
# around it (a wrapped sentence, a table): never a teaser, whatever its vocabulary.
_CONTINUATION = re.compile(
    r"^[a-z]|[,\-–—(]$|^\||\b(says|said|and|or|the|of|to|a|an|in|that|with|for|by)$"
)
# Bulleted lists, "Name, 36," (people with ages) and ALL-CAPS TV scripts are article content
# even when headline-cased.
_NOT_HEADLINE = re.compile(r"^[*•\-–] |, \d{1,3}\b|^[^a-z]*$")

# Function words and the vocabulary every shooting report shares: overlap on these says
# nothing about whether a line belongs to *this* article.
_STOP_WORDS = """
    the a an and or but if of in on at to for from by with without about as into onto over under
    after before during since until while near off out up down than then there here this that
    these those it its it's he she they them his her their him we our you your i me my who whom
    whose which what when where why how is are was were be been being has have had do does did
    not no nor so too very can could will would should may might must shall also just only more
    most some any all each every other another such own same both few many much one two three
    four five six seven eight nine ten first second last new old man men woman women people
    person year years old police officer officers said says say told according shot shooting
    shootings killed kill killing dead death died wounded injured injury gun guns gunfire fire
    fired victim victims suspect suspects incident scene investigation investigators report
    reported reports news today yesterday tonight morning afternoon evening night day week
    monday tuesday wednesday thursday friday saturday sunday am pm p.m a.m st street avenue road
    block city county state home house family after around left right back time times video
    photo photos update updated story local area near hospital
"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True, slots=True)
class LineVerdict:
    junk: bool
    reason: str  # "pattern", "ui", "symbols", "credit", "teaser", "headline", "run", "" (kept)


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _content(line: str) -> list[str]:
    return [t for t in _TOKEN.findall(line.lower()) if len(t) > 2 and t not in _STOP]


def _is_ui_only(line: str) -> bool:
    toks = re.split(r"[\s|/•·,:()\[\]]+", line.lower())
    toks = [t for t in toks if t]
    return bool(toks) and len(toks) <= 12 and all(t in _UI_WORDS for t in toks)


def _headline_case(words: list[str]) -> bool:
    """Most words capitalised ("Teen Fatally Shot Outside High School Identified")."""
    longish = [w for w in words if len(w) > 3]
    if len(longish) < 3:
        return False
    caps = sum(1 for w in longish if w[0].isupper())
    return caps / len(longish) >= 0.75


def classify_lines(
    lines: list[str], title: str | None = None, teasers: bool = True
) -> list[LineVerdict]:
    """Decide for every line (already normalised and stripped) whether it is junk.

    Blank lines are never junk (they carry paragraph structure); ``title``, when known, counts
    as article vocabulary so that a sub-heading echoing the title is kept.  ``teasers=False``
    applies only the pattern/furniture rules: for text that trafilatura already extracted from
    HTML, where short unpunctuated lines are list items and table rows, not scraped teasers.
    """
    n = len(lines)
    verdicts: list[LineVerdict | None] = [None] * n
    contents: list[list[str]] = [[] for _ in range(n)]
    for i, line in enumerate(lines):
        if not line:
            verdicts[i] = LineVerdict(False, "")
            continue
        c = _content(line)
        contents[i] = c

    # First pass: patterns and furniture; remember which lines are surely article text
    # (sentence ends, or long) -- their vocabulary is what "related" is measured against,
    # so a block of teasers about another story cannot vouch for itself.
    candidates: list[tuple[int, list[str], bool]] = []
    anchor_vocab: set[str] = set(_content(title)) if title else set()
    for i, line in enumerate(lines):
        if verdicts[i] is not None:
            continue
        if not _HAS_ALNUM.search(line):
            verdicts[i] = LineVerdict(True, "symbols")
            continue
        if _pattern_junk(line):
            verdicts[i] = LineVerdict(True, "pattern")
            continue
        if _is_ui_only(line):
            verdicts[i] = LineVerdict(True, "ui")
            continue
        words = _words(line)
        if len(words) <= 8 and _CREDIT.match(line) and not _SENTENCE_END.search(line):
            verdicts[i] = LineVerdict(True, "credit")
            continue
        ellipsis = bool(_ELLIPSIS_END.search(line))
        ended = bool(_SENTENCE_END.search(line)) and not ellipsis
        # a long line cut off with "…", or without a single punctuation mark (a menu:
        # "Politics Legislature Budget Congress Taxes…"), is still judged by its vocabulary
        limit = ELLIPSIS_MAX_WORDS if ellipsis or not _PUNCT.search(line) else WEAK_MAX_WORDS
        if ended or len(words) > limit:
            anchor_vocab.update(contents[i])
            continue
        if ellipsis or not (_CONTINUATION.search(line) or _NOT_HEADLINE.search(line)):
            candidates.append((i, words, ellipsis))

    weak = [False] * n
    if not teasers:
        return [v if v is not None else LineVerdict(False, "") for v in verdicts]
    for i, words, ellipsis in candidates:
        own = set(contents[i])
        if not anchor_vocab or not own:
            # nothing to compare with, or only generic words ("FIRST REPORT", "Suspect
            # information"): no grounds to call the line unrelated
            continue
        overlap = sum(1 for w in own if w in anchor_vocab) / len(own)
        if overlap >= LOW_OVERLAP:
            continue
        weak[i] = True
        if ellipsis:
            verdicts[i] = LineVerdict(True, "teaser")
        elif _headline_case(words):
            verdicts[i] = LineVerdict(True, "headline")

    # A weak line next to junk (ignoring blank lines) is part of the same block of page
    # furniture: runs of teasers, the junk tail.  Propagate until nothing changes.
    def is_junk(j: int) -> bool:
        v = verdicts[j]
        return v is not None and v.junk

    changed = True
    while changed:
        changed = False
        for i in range(n):
            if not weak[i] or is_junk(i):
                continue
            neighbours = []
            j = i - 1
            while j >= 0 and not lines[j]:
                j -= 1
            if j >= 0:
                neighbours.append(j)
            j = i + 1
            while j < n and not lines[j]:
                j += 1
            if j < n:
                neighbours.append(j)
            at_tail = j >= n
            if any(is_junk(k) for k in neighbours) or (at_tail and _tail_weak(i, lines, weak)):
                verdicts[i] = LineVerdict(True, "run")
                changed = True

    return [v if v is not None else LineVerdict(False, "") for v in verdicts]


def _tail_weak(i: int, lines: list[str], weak: list[bool]) -> bool:
    """The last line is junk when it is weak and so is the non-blank line before it (a tail
    of two or more unrelated fragments); a single trailing fragment is given the benefit of
    the doubt."""
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j >= 0 and weak[j]
