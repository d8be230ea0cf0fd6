"""The headline the cleaner puts on top of the text: read for facts, not for names in capitals."""

from __future__ import annotations

from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
from eventdesk.clean import get_cleaner
from eventdesk.extract import get_extractor
from eventdesk.extract.context import title_case
from eventdesk.model import Fact, RawArticle


def _facts(title: str, body: str, url: str | None = None) -> list[Fact]:
    raw = RawArticle(id="h", origin="test", text=body, title=title, published="2016-05-08", url=url)
    art = get_cleaner().clean(raw)
    assert art.extra.get("headline_in_text")
    return get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).facts


def test_title_case() -> None:
    assert title_case("Teen Girl Fatally Shoots Brother After Argument")
    assert not title_case("Teen girl fatally shoots brother after argument")


def test_capitals_of_a_title_case_headline_are_no_names() -> None:
    facts = _facts(
        "Mass Shooting – Killed – Marcus Reed (Riverton, WY)",
        "A 14-year-old girl shot her brother, Marcus Reed, 17, at their home on Saturday, "
        "police said. Marcus Reed died at the scene.",
    )
    names = {f.value["name"] for f in facts if f.field == "participant" and f.value["name"]}
    assert "Marcus Reed" in names
    assert "Mass Shooting" not in names


def test_a_headline_alone_still_gives_the_toll_and_place() -> None:
    furniture = "Share this story\n\nSubscribe to our newsletter\n\nAll rights reserved"
    facts = _facts("Three wounded in shooting in Fresno, California", furniture)
    by = {f.field: f.value for f in facts}
    assert by["injured"] == 3
    assert by["location"]["name"] == "Fresno" and by["location"]["admin1"] == "California"
    ev = next(f for f in facts if f.field == "injured").evidence[0]
    assert ev.quote == "Three wounded in shooting in Fresno, California"


def _counts(facts: list[Fact]) -> dict[str, object]:
    return {
        f.field: f.value
        for f in facts
        if f.field in ("killed", "injured") and f.modality == "asserted"
    }


def test_a_headline_passive_without_its_was_is_the_one_hurt() -> None:
    furniture = "Get email notifications on this author daily!\n\nYour notification has been saved."
    # the parser reads "woman killed" as the woman killing; a headline drops its "was"
    assert (
        _counts(_facts("St. Louis woman killed by gunfire in park full of children", furniture))[
            "killed"
        ]
        == 1
    )
    assert _counts(
        _facts("2 killed, 4 injured in Sunday night shootings in Stockton", furniture)
    ) == {
        "killed": 2,
        "injured": 4,
    }
    # without the comma the parser makes the 3 the object of "killed"
    assert _counts(_facts("1 killed 3 injured in weekend shooting in Charlotte", furniture)) == {
        "killed": 1,
        "injured": 3,
    }


def test_a_man_who_shot_at_someone_in_a_headline_is_not_hurt() -> None:
    facts = _facts(
        "Man shot at police officers in Fresno, California",
        "Officers arrested him after a short chase on Friday.",
    )
    assert not _counts(facts).get("killed") and not _counts(facts).get("injured")


def test_a_headline_that_opens_with_the_one_shot() -> None:
    furniture = "Get email notifications on this author daily!\n\nYour notification has been saved."
    # "Boy" is an interjection to the parser; the headline's first word is the one shot
    assert _counts(_facts("Boy, 14, fatally shot in O'Fallon Park neighborhood", furniture)) == {
        "killed": 1
    }


def test_a_police_force_s_letters_before_a_colon_are_no_town() -> None:
    title = "MPD: Teen arrested after shooting 18-year-old girl in chest"
    body = "A teen was arrested after an 18-year-old girl was shot in the chest on Thursday."
    raw = RawArticle(
        id="m",
        origin="test",
        text=f"{title}\n\n{body}",  # the page opens with its headline
        title=title,
        published="2016-05-13",
        url="http://www.memphisnews.com/story/1",
    )
    art = get_cleaner().clean(raw)
    facts = get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).facts
    places = [f.value["name"] for f in facts if f.field == "location"]
    assert places == ["Memphis"]  # the outlet's city stands in; "MPD" is no town


def test_the_outlet_s_home_in_its_masthead_settles_a_county_many_states_have() -> None:
    facts = _facts(
        "Party bus shooting suspects indicted on 25 counts - WMC Action News 5 - Memphis, "
        "Tennessee",
        "Two men arrested in connection with a New Year's Eve party bus shooting were "
        "indicted, according to the Office of the Shelby County District Attorney General. "
        "Five people were wounded.",
    )
    loc = next(f.value for f in facts if f.field == "location")
    assert loc["admin1"] == "Tennessee"  # Shelby County is in nine states


def test_a_headline_participle_tagged_as_a_present_tense_is_still_a_passive() -> None:
    facts = _facts(
        "Two teens shot while playing with gun in Eastpointe",
        "EASTPOINTE, Mich. (WXYZ) - Eastpointe police say two teens accidentally shot "
        "themselves while playing with a gun on Thursday afternoon.",
    )
    assert [f.value for f in facts if f.field == "injured"] == [2]


def test_an_old_year_the_headline_names_is_the_story_s_own() -> None:
    # published 2016: a year earlier than that dates another event, unless the headline says
    # the story is of that year
    facts = _facts(
        "Three Charged In 2014 West Side Shooting That Left Teen Dead",
        "Three men were charged on Wednesday.\n\nAnthony Harris, Anthony Lyons and Joshua "
        "Almore, all 23, each face one count of first-degree murder in connection with a "
        "shooting on July 25 2014 in the 700 block of South California, police said.",
    )
    roles = {
        f.value["name"]: f.value["role"]
        for f in facts
        if f.field == "participant" and f.value["name"] and f.modality == "asserted"
    }
    assert roles == {
        "Anthony Harris": "suspect",
        "Anthony Lyons": "suspect",
        "Joshua Almore": "suspect",
    }
