"""Whitespace and character normalisation of article text.

The stored clean text is what every evidence offset points into, so normalisation happens
*before* anything else looks at the text and is never undone.
"""

from __future__ import annotations

import html
import re

# Unicode spaces that scrapers leave behind (NBSP, thin/narrow spaces, ideographic space…).
_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and the BOM carry nothing and break tokenisation.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MULTISPACE = re.compile(r" {2,}")
# Stray markup in "plain" text (some scrapers keep <p>…</p>).  A letter must follow "<", so
# "<3" or "a < b" survive.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# C1 control characters: text that was Windows-1252 but decoded as Latin-1 ("\x93quote\x94").
_C1 = re.compile(r"[\x80-\x9f]")


# Sentences a scraper ran together where it dropped a paragraph break: "came
# together.Samantha Parreira", "forget it."Wednesday".  Two lower-case letters before the
# stop keep "U.S.Army", "Mr.Smith" and "St.Louis" whole; web and mail addresses are skipped.
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{2}[.!?])([\"”’]?)(?=[A-Z][a-z])")
_ADDRESS_TOKEN = re.compile(r"www|https?:|@|/|\.(?:com|org|net|gov|edu|tv)\b", re.I)


def _space_sentences(line: str) -> str:
    def put(m: re.Match[str]) -> str:
        start = line.rfind(" ", 0, m.start()) + 1
        end = line.find(" ", m.end())
        if _ADDRESS_TOKEN.search(line[start : end if end >= 0 else len(line)]):
            return m.group(0)
        return m.group(1) + " "

    return _RUN_TOGETHER.sub(put, line)


def _fix_c1(match: re.Match[str]) -> str:
    try:
        return match.group(0).encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d have no cp1252 meaning
        return ""


def normalize_text(text: str) -> str:
    """Normalise line breaks, odd spaces and stray markup; strip each line's ends.

    Line structure is kept (one output line per input line), so line-level decisions made
    afterwards still line up with the input split by ``"\\n"`` (after ``\\r\\n`` -> ``\\n``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
    if _C1.search(text):
        text = _C1.sub(_fix_c1, text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    if "<" in text and _TAG.search(text):
        text = _TAG.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        text = _SPACES.sub(" ", text)  # &nbsp; just became U+00A0
    lines = [_MULTISPACE.sub(" ", line).strip() for line in text.split("\n")]
    lines = [_space_sentences(line) if _RUN_TOGETHER.search(line) else line for line in lines]
    return "\n".join(lines)


def join_paragraphs(lines: list[str]) -> str:
    """Join kept lines with "\\n"; a run of blank lines becomes one blank line (a paragraph
    break); blank lines at either end are dropped."""
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd\ufffe\uffff]")


def looks_binary(text: str, sample: int = 8192) -> bool:
    """True when the text is mostly control characters / replacement characters.

    Ingest refuses NUL bytes and invalid UTF-8; this catches what slips through (text decoded
    with ``errors="replace"``, Latin-1-decoded binaries, JSONL fields holding base64-less blobs).
    """
    head = text[:sample]
    if not head:
        return False
    if "\x00" in head:
        return True
    bad = len(_CONTROL.findall(head))
    return bad / len(head) > 0.05
