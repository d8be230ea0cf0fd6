"""Plain-text cleaning: seeds, junk lines, whitespace, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.clean import CleanError, get_cleaner
from eventdesk.clean.cleaner import DefaultCleaner, headline_of, parse_published
from eventdesk.clean.junk import classify_lines
from eventdesk.clean.normalize import normalize_text
from eventdesk.model import RawArticle


def _raw(text: str, **kw: object) -> RawArticle:
    return RawArticle(id="t", origin="test", text=text, **kw)  # type: ignore[arg-type]


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def test_seed_000_loses_exactly_the_six_teasers(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "000")
    lines = raw.split("\n")
    art = get_cleaner().clean(_raw(raw))
    assert art.removed_lines == 6
    assert art.raw == raw
    kept = art.text.split("\n")
    assert kept == [ln.strip() for ln in lines[:-6]]  # every real sentence, in order
    for teaser in lines[-6:]:
        assert teaser.strip() not in art.text
    assert "Trump" not in art.text and "Quincy" not in art.text


def test_seed_001_keeps_real_lines_and_subheading(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "001")
    art = DefaultCleaner().clean(_raw(raw))
    kept = art.text.split("\n")
    assert "Kebab shop explosion" in kept  # a real sub-heading: its words head the next line
    # the line without a full stop is a real sentence about the incident
    assert any(k.startswith("It is unclear at this stage") for k in kept)
    assert "Reuters/PA" not in kept  # credit line
    assert art.removed_lines == 1
    assert len(kept) == len([ln for ln in raw.split("\n") if ln.strip()]) - 1


def test_seed_002_untouched(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "002")
    art = DefaultCleaner().clean(_raw(raw))
    assert art.removed_lines == 0
    assert art.text == raw.strip()


BODY = [
    "A 19-year-old man was shot and killed outside a Dorchester market on Tuesday night, police said.",
    "",
    "Officers found Jamal Reed on Geneva Avenue with a gunshot wound to the chest.",
    "",
    "No arrests have been made.",
    "",
    "The investigation is ongoing.",
]


@pytest.mark.parametrize(
    "junk",
    [
        "Watch this report on your mobile device",
        "Copyright 2016 WXYZ Channel 9. All rights reserved.",
        "You must enter the characters with black color that stand out from the other characters",
        "Please enable Javascript to watch this video",
        "Advertisement",
        "Sign up for one of our email newsletters.",
        "Your notification has been saved.",
        "Investigators at the scene pic.twitter.com/AbC123 — Ann Lee (@annlee) May 4, 2015",
        "Scene is taped off. — Ann Lee (@annlee) May 4, 2015",
        "Photo credit: Facebook",
        "###PPB###",
        "Twitter",
        "Email",
        "Print",
        "Share this: Facebook",
        "——————",
        "jdoe@example-news.com",
        "Read or Share this story: http://example.com/s/9xQ",
        "1:12 Dog rescued from frozen pond in suburban park",
    ],
)
def test_known_junk_lines_are_removed(junk: str) -> None:
    text = "\n".join([*BODY[:4], junk, "", *BODY[4:]])
    art = DefaultCleaner().clean(_raw(text))
    assert junk not in art.text.split("\n")
    assert art.removed_lines == 1
    for line in BODY:
        if line:
            assert line in art.text.split("\n")


def test_short_real_sentences_are_kept() -> None:
    text = "\n".join(BODY + ["", "Police are still investigating.", "", "He was 19."])
    art = DefaultCleaner().clean(_raw(text))
    assert art.removed_lines == 0
    assert art.text == text


def test_teaser_tail_without_ellipsis_is_removed() -> None:
    tail = [
        "Local Bakery Wins State Pie Contest",
        "Great White Shark Spotted Near Miami Beach",
        "Cowboys Clinch Division Title With Late Field Goal",
    ]
    art = DefaultCleaner().clean(_raw("\n".join(BODY + tail)))
    assert art.removed_lines == 3
    assert art.text == "\n".join(BODY)


def test_paragraph_breaks_kept_and_whitespace_normalised() -> None:
    text = "First\u00a0line  here, police said.\r\n\r\n\r\nSecond line\u200b here.\r\nThird line.\t"
    art = DefaultCleaner().clean(_raw(text))
    assert art.text == "First line here, police said.\n\nSecond line here.\nThird line."


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a scraper dropped the paragraph break between two sentences
        (
            "the case came together.Samantha Parreira would",
            "the case came together. Samantha Parreira would",
        ),
        ('never forget it."Wednesday investigators', 'never forget it." Wednesday investigators'),
        ("were we okay?Yes, we were.", "were we okay? Yes, we were."),
        # abbreviations, web and mail addresses stay whole
        ("the U.S.Army, Mr.Smith and St.Louis", "the U.S.Army, Mr.Smith and St.Louis"),
        ("see KiiiTV.com or www.Example.com", "see KiiiTV.com or www.Example.com"),
        ("write to john.Smith@example.org", "write to john.Smith@example.org"),
    ],
)
def test_sentences_run_together_are_spaced(text: str, want: str) -> None:
    assert normalize_text(text) == want


def test_cp1252_mojibake_and_stray_tags_fixed() -> None:
    assert normalize_text("\x93It\x92s sad,\x94 she said.") == "“It’s sad,” she said."
    assert normalize_text("<p>Police said the man died.</p> &amp; more <3") == (
        "Police said the man died. & more <3"
    )


def test_classify_lines_keeps_blank_lines_and_aligns() -> None:
    lines = ["A man was shot on Main Street, police said.", "", "Advertisement", ""]
    verdicts = classify_lines(lines)
    assert [v.junk for v in verdicts] == [False, False, True, False]
    assert verdicts[2].reason == "pattern"


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\r\n\r\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(CleanError, match="empty"):
        DefaultCleaner().clean(_raw(text))


def test_binary_looking_text_is_refused() -> None:
    blob = bytes(range(256)).decode("latin-1") * 20
    with pytest.raises(CleanError, match="binary"):
        DefaultCleaner().clean(_raw(blob))
    with pytest.raises(CleanError, match="binary"):
        DefaultCleaner().clean(_raw("PK\x03\x04\x14\x00\x06\x00" + "\ufffd" * 200))


def test_only_junk_is_refused() -> None:
    text = "Twitter\nEmail\nPrint\nCopyright 2016 KSAT - All rights reserved."
    with pytest.raises(CleanError, match="no article text after removing 4 junk"):
        DefaultCleaner().clean(_raw(text))


def test_no_text_or_html_is_refused() -> None:
    with pytest.raises(CleanError):
        DefaultCleaner().clean(RawArticle(id="x", origin="o"))


def test_metadata_passes_through_and_date_parses() -> None:
    art = DefaultCleaner().clean(
        _raw("\n".join(BODY), title=" Man shot ", published="2016-05-01T10:30:00Z", url="u",
             source="S", language="en", extra={"k": 1})
    )  # fmt: skip
    assert art.title == "Man shot" and art.url == "u" and art.source == "S"
    assert art.published is not None and art.published.isoformat() == "2016-05-01T10:30:00+00:00"
    assert art.extra == {"k": 1}


def test_parse_published() -> None:
    assert parse_published("2014-02-04") is not None
    assert parse_published("2014-02-04 approx") is not None
    assert parse_published("last Tuesday") is None
    assert parse_published(None) is None
    art = DefaultCleaner().clean(_raw("\n".join(BODY), published="sometime in May"))
    assert art.published is None and art.extra["published_raw"] == "sometime in May"


def test_a_record_without_a_date_takes_the_day_its_address_gives() -> None:
    url = "http://ktla.com/2013/05/03/lohan-may-miss-rehab-deadline/"
    art = DefaultCleaner().clean(_raw("\n".join(BODY), url=url))
    assert art.published is not None and art.published.date().isoformat() == "2013-05-03"
    assert art.extra["published_from"] == "url"
    # a date the record gives wins; an address with no day gives none
    given = DefaultCleaner().clean(_raw("\n".join(BODY), url=url, published="2013-05-04"))
    assert given.published is not None and given.published.day == 4
    assert "published_from" not in given.extra
    assert (
        DefaultCleaner()
        .clean(_raw("\n".join(BODY), url="http://bbc.co.uk/2/8665488.stm"))
        .published
        is None
    )


STORY = (
    "Two men were shot on Main Street on Friday night, police said.\n\nBoth are expected to live."
)


def test_headline_opens_the_stored_text() -> None:
    art = get_cleaner().clean(
        _raw(STORY, title="Two wounded in Main Street shooting | Daily Bugle")
    )
    assert art.text.startswith("Two wounded in Main Street shooting\n\nTwo men were shot")
    assert art.extra["headline_in_text"] is True
    assert art.text[art.body_start :] == STORY


@pytest.mark.parametrize(
    "title",
    [
        "Two men were shot on Main Street on Friday night",  # the body opens with it
        "Two men were shot on Main Street...",  # a cut-off copy
        "Crime",  # a section name
        None,
    ],
)
def test_no_second_headline(title: str | None) -> None:
    art = get_cleaner().clean(_raw(STORY, title=title))
    assert art.text == STORY and "headline_in_text" not in art.extra
    assert art.text[art.body_start :] == STORY


def test_site_tails_are_cut_but_story_dashes_stay() -> None:
    assert headline_of("Man hurt in crash - Springfield news, weather, traffic", "x") == (
        "Man hurt in crash"
    )
    assert headline_of("Shooting – Killed – John Doe (Gary, IN)", "x") == (
        "Shooting – Killed – John Doe (Gary, IN)"
    )
    # a station's masthead names the station's town, not the story's
    for title in (
        "Teen in Allamakee County hurt in accidental shooting - WXOW News 19 La Crosse, WI – "
        "News, Weather and Sports |",
        "Teen in Allamakee County hurt in accidental shooting| Dayton, OH",
        "Teen in Allamakee County hurt in accidental shooting - NBC Right Now/KNDO/KNDU "
        "Tri-Cities, Yakima, WA |",
    ):
        assert headline_of(title, "x") == "Teen in Allamakee County hurt in accidental shooting"


def test_the_cut_site_tail_is_kept_for_the_outlet() -> None:
    raw = RawArticle(
        id="t",
        origin="test",
        text="Two men were charged on Friday.",
        title="Suspects indicted on 25 counts - WMC Action News 5 - Memphis, Tennessee",
    )
    art = DefaultCleaner().clean(raw)
    assert art.extra["site_tail"] == "- WMC Action News 5 - Memphis, Tennessee"
    assert art.text.startswith("Suspects indicted on 25 counts\n")


def test_a_page_of_furniture_keeps_its_headline_as_the_report() -> None:
    furniture = "Share this story\n\nSubscribe to our newsletter\n\nAll rights reserved"
    art = get_cleaner().clean(_raw(furniture, title="Teen shot near Elm Park on Sunday"))
    assert art.text == "Teen shot near Elm Park on Sunday"
    assert art.extra["headline_only"] is True
    with pytest.raises(CleanError, match="no article text"):
        get_cleaner().clean(_raw(furniture, title="Home"))


def test_a_headline_repeated_around_its_section_is_kept_once() -> None:
    title = "One killed, four injured in early-morning shooting"
    text = (
        f"{title} Arizona News {title} Police are investigating a shooting that left one "
        "person dead.\n\nThe shooting led to a large police presence."
    )
    art = get_cleaner().clean(RawArticle(id="r", origin="test", text=text, title=title))
    assert art.text.count(title) == 1
    assert "Arizona News" not in art.text
    assert "Police are investigating a shooting" in art.text
