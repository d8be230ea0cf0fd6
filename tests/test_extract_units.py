"""Unit tests of the extractor's parts: numbers, dates, attribution, casualty parses, gazetteer."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer, load_nlp, parse_sentence
from eventdesk.extract import get_extractor
from eventdesk.extract.casualties import statements
from eventdesk.extract.context import attribution_of
from eventdesk.extract.dates import find_dates, find_times
from eventdesk.extract.numbers import parse_number
from eventdesk.model import Article, Fact


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two", 2),
        ("Twenty-one", 21),
        ("a dozen", 12),
        ("12", 12),
        ("1,200", 1200),
        ("both", 2),
        ("several", None),
        ("thirty five", 35),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_relative_dates_resolve_against_publication() -> None:
    pub = date(2014, 2, 4)  # a Tuesday
    got = {d.text: d.value for d in find_dates("Around 10:30 Monday night and yesterday", pub)}
    assert got["Monday night"] == date(2014, 2, 3)
    assert got["yesterday"] == date(2014, 2, 3)
    assert find_dates("on Feb. 4, 2014 and Dec. 30", pub)[1].value == date(2013, 12, 30)
    unresolved = find_dates("this morning", None)[0]
    assert unresolved.value is None and unresolved.precision == "unknown"
    poss = find_dates("after yesterday's massacre", pub)[0]
    assert poss.possessive
    # a weekday is that day, whatever comes before it; "overnight" alone is the report's day
    wed = date(2017, 1, 18)
    assert find_dates("shootings that happened overnight Tuesday", wed)[0].value == date(
        2017, 1, 17
    )
    assert find_dates("was shot this Tuesday", wed)[0].value == date(2017, 1, 17)
    assert find_dates("was shot overnight in Shreveport", wed)[0].value == wed


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("killed a friend on New Year's Eve", date(2017, 1, 3), date(2016, 12, 31)),
        ("a New Year’s Day shooting", date(2017, 1, 3), date(2017, 1, 1)),
        ("shot on Christmas night", date(2016, 12, 27), date(2016, 12, 25)),
        ("on Thanksgiving", date(2016, 11, 30), date(2016, 11, 24)),  # fourth Thursday
        ("on Memorial Day", date(2016, 6, 1), date(2016, 5, 30)),  # last Monday of May
        ("Labor Day morning", date(2015, 9, 9), date(2015, 9, 7)),
        ("the Fourth of July", date(2016, 7, 5), date(2016, 7, 4)),
    ],
)
def test_holidays_resolve_to_the_last_one_before_publication(
    text: str, published: date, value: date
) -> None:
    got = find_dates(text, published)
    assert [d.value for d in got] == [value]


@pytest.mark.parametrize(
    "text",
    ["Christmas presents", "over the Labor Day weekend", "a New Year's Eve party bus shooting"],
)
def test_holidays_that_date_nothing(text: str) -> None:
    # a season, a long weekend, a party that ran past midnight: no one day
    assert find_dates(text, date(2017, 1, 3)) == ()


def test_times() -> None:
    t = find_times("The incident happened just after 8AM near a station, at 10:30 p.m.")
    assert [(x.value, x.qualifier) for x in t] == [("08:00", "just after"), ("22:30", None)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("One of the men was arrested, said a local police spokesman.", "a local police spokesman"),
        ("The man was shot Monday, Detroit police said.", "Detroit police"),
        ("According to the coroner, she died at 9 p.m.", "the coroner"),
        (
            "The report has been denied by the French Interior Ministry.",
            "the French Interior Ministry",
        ),
        ("He was shot in the leg.", None),
    ],
)
def test_attribution(sentence: str, source: str | None) -> None:
    assert attribution_of(sentence) == source


def _statement(text: str) -> list[tuple[str, int | None, str, bool]]:
    doc = load_nlp()(text)
    sd = parse_sentence(doc, 0, len(text))
    return [(p.text, p.count, p.status, p.perp) for p in statements(sd, 0).patients]


def test_casualty_statements() -> None:
    assert _statement("Two people were killed and three others were wounded in a shooting.") == [
        ("Two people", 2, "killed", False),
        ("three others", 3, "injured", False),
    ]
    got = _statement("One French police officer and a gunman have been shot dead.")
    assert [(c, s, p) for _, c, s, p in got] == [(1, "killed", False), (1, "killed", True)]
    # an apposition ("including two police officers") is not counted again
    got = _statement("In the attack 12 people, including two police officers, were killed.")
    assert [(c, s) for _, c, s, _ in got] == [(12, "killed")]
    assert _statement("No one was hurt.") == []


def _facts(text: str, published: str | None = None, url: str | None = None) -> list[Fact]:
    art = Article(
        id="t",
        text=text,
        raw=text,
        published=datetime.fromisoformat(published) if published else None,
        url=url,
    )
    an = next(SpacyAnalyzer().analyze([art]))
    return get_extractor().extract(an).facts


def _extract(
    text: str, published: str | None = None, url: str | None = None
) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for f in _facts(text, published, url):
        out.setdefault(f"{f.field}/{f.modality}", []).append(f.value)
    return out


def _roles(got: dict[str, list[object]]) -> dict[object, object]:
    """Named participants' roles in ``_extract``'s output."""
    return {
        p["name"]: p["role"]  # type: ignore[index]
        for p in got.get("participant/asserted", [])
        if p["name"]  # type: ignore[index]
    }


def _place(text: str, published: str) -> tuple[object, object]:
    """(name, admin1) of the place ``_extract`` finds."""
    loc = _extract(text, published)["location/asserted"][0]
    return loc["name"], loc["admin1"]  # type: ignore[index]


def test_us_article_end_to_end() -> None:
    text = (
        "INDIANAPOLIS — A 23-year-old man was shot and killed Saturday night on the city's "
        "east side, Indianapolis police said.\n"
        "Police identified the victim as John Doe. A second man, 30, was taken to Eskenazi "
        "Hospital in stable condition.\n"
        "Officers arrested Jim Roe, 25, on a preliminary charge of murder.\n"
    )
    got = _extract(text, "2016-05-08")
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [1]
    assert got["date/asserted"][0] == {"value": "2016-05-07", "precision": "day", "time": None}
    loc = got["location/asserted"][0]
    assert isinstance(loc, dict)
    assert (loc["name"], loc["admin1"], loc["country"]) == ("Indianapolis", "Indiana", "US")
    people = {p["name"]: p for p in got["participant/asserted"] if isinstance(p, dict)}
    assert people["John Doe"]["role"] == "victim"
    assert people["Jim Roe"]["role"] == "suspect" and people["Jim Roe"]["status"] == "arrested"
    assert people["Jim Roe"]["age"] == 25


def test_no_casualties_said_explicitly() -> None:
    got = _extract(
        "Shots were fired at a house on Main Street in Dayton, Ohio, on Friday. "
        "No one was injured, police said.",
        "2016-05-08",
    )
    assert got["injured/asserted"] == [0]
    assert "killed/asserted" not in got


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "…",
        "Copyright 2016 All rights reserved.",
        "shot " * 400,
        "He said.\n" * 50,
        "A" * 5000,
    ],
)
def test_odd_texts_do_not_break_extraction(text: str) -> None:
    art = Article(id="odd", text=text, raw=text)
    an = next(SpacyAnalyzer().analyze([art]))
    af = get_extractor().extract(an)
    for f in af.facts:
        for e in f.evidence:
            assert text[e.start : e.end] == e.quote


def test_a_child_who_shot_himself_is_the_one_hurt() -> None:
    got = _extract(
        "A 15-year-old boy accidentally shot himself in the leg at his home Wednesday morning. "
        "The boy was transported to Marietta Memorial with non-life threatening injuries. "
        "No one else was hurt.",
        "2015-12-02",
    )
    assert got["injured/asserted"] == [1]
    assert "killed/asserted" not in got


def test_a_toddler_who_killed_himself_is_a_victim_not_a_perpetrator() -> None:
    got = _extract(
        "The toddler accidentally shot and killed himself while playing with the gun at his "
        "grandmother's house. A 4-year-old child has died following the accidental shooting.",
        "2015-01-08",
    )
    assert got["killed/asserted"] == [1]


def test_suffered_a_gunshot_wound_and_the_dead_before_they_died() -> None:
    got = _extract(
        "Police said a 15-year-old suffered a gunshot wound to the left side of his chest.",
        "2015-11-12",
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "A 4-year-old child has died following an accidental shooting. TPD say the child "
        "suffered a serious injury and was transported to the hospital for further care.",
        "2015-01-08",
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_untagged_names_and_the_death_of() -> None:
    got = _extract(
        "Two 16-year-olds were shot Thursday night. 16-year-old Kristian Piazza of Buffalo was "
        "pronounced dead and 16-year-old Terrell Lockett was treated and released.",
        "2016-10-13",
    )
    assert got["killed/asserted"] == [1]


def test_outlet_names_the_state_of_a_namesake_town() -> None:
    text = (
        "Neighbors in Pasadena mourned Sunday after a gunman killed three people and injured "
        "two others at a home on Orange Grove Boulevard, police said."
    )
    la = _extract(text, "2014-06-23", "http://www.nbclosangeles.com/news/local/shooting.html")
    hou = _extract(text, "2014-06-23", "http://www.click2houston.com/news/shooting.html")
    assert la["location/asserted"][0]["admin1"] == "California"  # type: ignore[index]
    assert hou["location/asserted"][0]["admin1"] == "Texas"  # type: ignore[index]


def test_a_hospital_town_is_not_the_place() -> None:
    got = _extract(
        "A 6-year-old boy shot himself in the hand Wednesday in Detroit. The mother then "
        "privately transported the child to Oakwood Hospital in Dearborn.",
        "2014-10-30",
    )
    assert got["location/asserted"][0]["name"] == "Detroit"  # type: ignore[index]


def test_where_it_happened_said_outright_outweighs_the_dateline() -> None:
    text = (
        "NORFOLK, Va. (WVEC) -- Bond was denied Tuesday for a Norfolk father who faces two "
        "felony charges after his son accidentally shot himself.\n"
        "The incident occurred around 11 a.m. in the 400 block of West 27th Street in "
        "Newport News."
    )
    got = _extract(text, "2015-12-29")
    assert got["location/asserted"][0]["name"] == "Newport News"  # type: ignore[index]
    # a roundup's "happened in Austin" in a Chicago paper is Chicago's Austin, not Texas's
    chicago = _extract(
        "CHICAGO — Two boys were killed in shootings across the city, police said.\n"
        "The first shooting happened at 12:23 a.m. in Austin, police said.",
        "2017-01-04",
    )
    assert chicago["location/asserted"][0]["admin1"] == "Illinois"  # type: ignore[index]


def test_a_part_of_a_city_its_police_handle_is_that_city() -> None:
    # GeoNames lists Chicago's community areas as places of their own; GVA and ACLED code
    # the city. A suburb with police of its own stays itself.
    hood = _extract(
        "Two men were shot Sunday night in Chatham, Chicago police said. Both were taken to "
        "a hospital in good condition.",
        "2016-05-02",
    )
    assert hood["location/asserted"][0]["name"] == "Chicago"  # type: ignore[index]
    assert hood["location/asserted"][0]["detail"]  # type: ignore[index]
    suburb = _extract(
        "Two men were shot Sunday night in Compton, Compton police said. Los Angeles police "
        "were called to help.",
        "2016-05-02",
    )
    assert suburb["location/asserted"][0]["name"] == "Compton"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "name", "detail"),
    [
        # a neighbourhood GeoNames lists as a place: the post's (and GVA's) town for it
        ("A man was shot in Coney Island, New York, on Saturday.", "Brooklyn", "Coney Island"),
        ("Two men were shot in West Town, Illinois, late Friday.", "Chicago", "West Town"),
        # a borough is a county: kept; so is a town the post spells apart ("Mc Kees Rocks")
        ("A man was shot in Queens, New York, on Saturday.", "Queens", None),
        ("A man was shot in McKees Rocks, Pennsylvania, on Friday.", "McKees Rocks", None),
    ],
)
def test_a_neighbourhood_is_named_by_its_postal_town(
    text: str, name: str, detail: str | None
) -> None:
    loc = _extract(text, "2016-05-01")["location/asserted"][0]
    assert (loc["name"], loc["detail"]) == (name, detail)  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        # a big city's suburbs are not the city
        (
            "SNELLVILLE — Police are searching for a gunman after finding the bodies of three "
            "people in Atlanta's northeastern suburbs.",
            "2013-09-16",
            "Snellville",
        ),
        # where someone works counts less too
        (
            "Eight members of one family were found shot dead on Friday.\n\nJeff Ruby, a "
            "restaurant owner in Cincinnati, tweeted Saturday that he is offering a $25,000 "
            "reward.\n\nThe four homes are on Union Hill Road in Piketon.",
            "2016-04-23",
            "Piketon",
        ),
        # a street named like a town is no town
        (
            "Four people were injured in a shooting on Friday. The driver made it several "
            "miles to Madera Community Hospital after he and three passengers were shot at the "
            'intersection of Cleveland and Yosemite Avenue.\n\n"The vehicle was traveling '
            'southbound on Cleveland when a black car pulled up," said a Madera police officer.',
            "2016-05-01",
            "Madera",
        ),
        # where a suspect lives counts less than where it happened
        (
            "CHINO >> Police arrested two men early Sunday after a man was found shot to death "
            "inside a residence, according to a Chino police news release.\n\nKenneth Moore, "
            "23, of San Dimas was arrested on suspicion of manslaughter.",
            "2016-11-28",
            "Chino",
        ),
    ],
)
def test_places_that_are_elsewhere_count_less(text: str, published: str, name: str) -> None:
    assert _place(text, published)[0] == name


def test_a_small_town_only_the_post_lists_is_a_place_in_a_state_the_text_names() -> None:
    # Toone (Tennessee, some 300 people) is not in GeoNames' towns of 500; it is a USPS town
    toone = (
        "BOLIVAR, Tenn. (WBBJ) - A man was shot and killed Saturday night. The shooting "
        "happened at a home on Teague Road in Toone, deputies said."
    )
    assert _place(toone, "2015-01-10") == ("Toone", "Tennessee")
    # "Fox Valley" is a post's town only in Illinois: in a Florida text it is a subdivision
    crestview = (
        "CRESTVIEW, Fla. - Two people were shot Sunday. The second shooting happened just "
        "before 7 p.m. in the Fox Valley subdivision on Red Fern Road, deputies said."
    )
    assert _place(crestview, "2015-01-10") == ("Crestview", "Florida")


def test_where_a_suspect_was_caught_is_told_apart() -> None:
    from eventdesk.extract.location import _ARRESTED_IN

    # the place after these words is where the arrest was, which counts as little as "near"
    for before in (
        "Julian A. Johnson, 29, of Dayton, was arrested Friday at an apartment complex in ",
        "He was taken into custody in ",
        "the suspect turned himself in at ",
    ):
        assert _ARRESTED_IN.search(before), before
    for before in (
        "A man was shot and killed Friday at a bar in ",
        "The arrest came after a shooting. It happened in ",
    ):
        assert not _ARRESTED_IN.search(before), before


def test_the_officer_who_tells_of_a_shooting_is_not_its_victim() -> None:
    got = _extract(
        "PINE BLUFF, Ark. (KTHV) - Police are investigating the shooting of a 5-year-old "
        "girl.\nAccording to Sgt. David E. De Foor, the girl was shot in the head Wednesday "
        "morning after a man and another person were looking at a pistol.",
        "2015-07-02",
    )
    assert _roles(got).get("David E. De Foor") == "official"


def test_police_of_a_camel_case_town_of_dc_and_a_dotted_state_code() -> None:
    deland = (
        "DeLand police said an 8-year-old boy was critically injured when his sister got "
        "hold of a gun."
    )
    assert _place(deland, "2015-01-10") == ("DeLand", "Florida")
    dc = "D.C. Police are searching for the person who shot four people Monday night."
    assert _place(dc, "2015-01-10") == ("Washington", "District of Columbia")
    rome = "Rome, N.Y. -UPDATE: Rome Police have released the identity of the child victim."
    assert _place(rome, "2015-01-10") == ("Rome", "New York")
    # a county's police are no police of a town of the county's name (DeKalb, Illinois)
    county = _extract("A man was shot Sunday, DeKalb County Police said.", "2015-01-10")
    assert not any(
        loc["name"] == "DeKalb"  # type: ignore[index]
        for loc in county.get("location/asserted", [])
    )


def test_streets_named_for_states_name_no_state() -> None:
    _, state = _place(
        "Gunfire erupted again in South Los Angeles on Wednesday. Two men were shot in their "
        "car in the area of Vermont and Manchester avenues. A woman was shot near Vermont "
        "and Florence avenues.",
        "2014-09-04",
    )
    assert state == "California"


def test_a_hospital_named_without_the_word_hospital_is_not_the_place() -> None:
    name, _ = _place(
        "A man was shot Friday evening on the West Side, police said. He was taken to Mount "
        "Sinai Hospital. A second man, shot in the leg, was stabilized at Mount Sinai. "
        "Chicago police are investigating.",
        "2014-07-26",
    )
    assert name == "Chicago"


def test_a_list_of_people_charged_are_suspects() -> None:
    got = _extract(
        "Four people were shot Saturday at a party in Gary. Jaqeuce Spinks, 19, and Tavarius "
        "McKay, 17, have been charged with attempted murder.",
        "2016-05-01",
    )
    roles = _roles(got)
    assert roles.get("Jaqeuce Spinks") == "suspect"
    assert roles.get("Tavarius McKay") == "suspect"


def test_people_named_then_told_of_as_both_or_they_take_that_role() -> None:
    got = _extract(
        "Three teenagers were killed at a house party near Atwater last March. On Wednesday "
        "investigators tracked down 19-year-old Jose Luis Botello and 18-year-old Jose "
        "Carballido. Both are being charged with murder.",
        "2014-04-25",
    )
    roles = _roles(got)
    assert roles.get("Jose Luis Botello") == "suspect"
    assert roles.get("Jose Carballido") == "suspect"


def test_a_titled_man_arrested_is_a_suspect_whatever_his_suffix() -> None:
    got = _extract(
        "A junior firefighter was shot Sunday. Fire Captain George Matis, Jr. was arrested on a "
        "charge of criminal homicide Sunday night.",
        "2016-05-02",
    )
    assert _roles(got).get("George Matis") == "suspect"


def test_washington_dc_and_abbreviated_states() -> None:
    got = _extract(
        "Four people were shot during an incident in southeast Washington Saturday night, "
        "police said.",
        "2015-07-05",
    )
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Washington", "District of Columbia")  # type: ignore[index]
    got = _extract(
        "ADAMS COUNTY, Colo. -- A quadruple shooting early Sunday morning left two men dead.",
        "2016-08-07",
    )
    assert got["location/asserted"][0]["admin1"] == "Colorado"  # type: ignore[index]


def test_police_agency_and_colon_dateline_name_the_city() -> None:
    got = _extract(
        "Savannah Chatham Metropolitan Police responded to a shooting on the 2100 block of "
        "Indiana Avenue after a man was shot around 1 p.m. on Saturday.",
        "2017-01-21",
    )
    assert got["location/asserted"][0]["name"] == "Savannah"  # type: ignore[index]
    got = _extract(
        "BIRMINGHAM, Ala (WIAT): A 4 year old child accidentally shot himself while playing "
        "with a gun, says Lt. Sean Edwards.",
        "2017-04-09",
    )
    assert got["location/asserted"][0]["admin1"] == "Alabama"  # type: ignore[index]


def test_no_date_in_the_text_falls_back_to_the_publication_date() -> None:
    got = _extract("A man was shot in the leg in Dayton, police said.", "2016-05-02")
    assert got["date/asserted"] == [
        {"value": "2016-05-02", "precision": "day", "time": None, "basis": "publication"}
    ]
    assert "date/asserted" not in _extract("A man was shot in the leg in Dayton, police said.")


def test_the_day_it_was_told_is_a_weaker_date_than_the_day_it_happened() -> None:
    def date_fact(text: str) -> tuple[object, float]:
        f = next(f for f in _facts(text, "2015-03-30") if f.field == "date")
        return f.value["value"], f.confidence

    told = date_fact(
        "Medical examiners completed autopsies for three people found dead in a Bedford home, "
        "authorities said Sunday."
    )
    happened = date_fact("A mother shot her two children in a Bedford home on Saturday morning.")
    assert told[0] == "2015-03-29" and happened[0] == "2015-03-28"
    assert told[1] < happened[1]


def test_no_place_in_the_text_falls_back_to_the_outlet() -> None:
    text = "A man was shot in the leg on the South Side Tuesday night, police said."
    got = _extract(text, "2016-05-03", "http://chicago.suntimes.com/news/man-shot-south-side/")
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"], loc["basis"]) == ("Chicago", "Illinois", "outlet")  # type: ignore[index]
    assert "location/asserted" not in _extract(text, "2016-05-03", "http://example.com/x")


def test_a_county_of_the_outlet_s_city_falls_back_to_the_outlet() -> None:
    text = (
        "A father shot his two daughters in the Foothills on Tuesday, the Pima County "
        "Sheriff's Department said."
    )
    got = _extract(text, "2015-12-22", "http://tucson.com/news/local/crime/shooting-foothills/")
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"], loc["basis"]) == ("Tucson", "Arizona", "outlet")  # type: ignore[index]
    # the outlet's city outside the county the text names stands in for nothing
    other = _extract(text, "2015-12-22", "http://www.fox10phoenix.com/news/arizona-news/1-story")
    assert other["location/asserted"][0]["name"] is None  # type: ignore[index]


def test_towns_the_tagger_misses() -> None:
    got = _extract(
        "A Temecula man who was accidentally shot was hospitalized Friday night, the Riverside "
        "County Sheriff's Department said.",
        "2017-02-25",
    )
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Temecula", "California")  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the death is dated, the shooting is what GVA and ACLED date
        (
            "Joe Banks died at 6:10 p.m. Monday in a shooting, the coroner said. Friends said "
            "he had been hurt at a party Saturday.",
            "04-30",
        ),
        # a state, not the event
        (
            "The victim of an accidental shooting remained in critical condition Friday night. "
            "His family asked for prayers. The gun was his father's. Police said the man was "
            "shot Thursday.",
            "04-28",
        ),
        # only an autopsy is dated: the report's own day is the better guess
        ("A man was found shot dead in Dayton. An autopsy is scheduled for Thursday.", "05-01"),
        # the parse tells what a weekday dates: being in jail, a booking, a gathering
        (
            "The father was behind bars Sunday morning in connection with the shooting of his "
            "daughter. The gun went off at the family's apartment on Saturday, police said.",
            "04-30",
        ),
        (
            "A shooting suspect was booked Sunday into the county jail. Deputies said he shot a "
            "neighbor in the arm during an argument Saturday.",
            "04-30",
        ),
        (
            "A family gathered Sunday to remember a teenager who was shot and killed. Police "
            "said the boy was shot outside his home in Dayton late Friday.",
            "04-29",
        ),
    ],
)
def test_dates_of_other_things_do_not_date_the_shooting(text: str, value: str) -> None:
    got = _extract(text, "2016-05-01T10:00")  # a Sunday
    assert got["date/asserted"][0]["value"] == f"2016-{value}"  # type: ignore[index]


def test_a_dateline_town_too_small_for_the_gazetteer_is_kept_by_name() -> None:
    got = _extract(
        "BRAMBLEFORD, Ga. (WXYZ) – A toddler was airlifted to a Macon hospital Monday after "
        "being shot at home.\nDeputies said the child was in another room.",
        "2015-11-02",
    )
    loc = got["location/asserted"][0]
    assert loc["name"] == "Brambleford" and loc["admin1"] == "Georgia"  # type: ignore[index]
    assert loc["lat"] is None  # no coordinates rather than a namesake's  # type: ignore[index]


def test_a_headline_word_in_caps_is_no_dateline_town() -> None:
    got = _extract(
        "UPDATE — A man was shot and wounded Friday in Dayton, Ohio, police said.",
        "2015-11-02",
    )
    assert got["location/asserted"][0]["name"] == "Dayton"  # type: ignore[index]


def test_a_county_named_like_a_state_does_not_vote_for_the_state() -> None:
    from eventdesk.extract.context import sentence_infos
    from eventdesk.extract.geo import gazetteer
    from eventdesk.extract.location import _context_states
    from eventdesk.model import Analysis, Mention, Sentence

    first = "SMICKSBURG — A man died Thursday in an accidental shooting."
    second = "Indiana County Coroner Ann Lee identified the victim."
    text = f"{first}\n{second}"
    at = len(first) + 1
    # the tagger sometimes marks the state's name alone inside the county's
    an = Analysis(
        Article(id="c", text=text, raw=text),
        [Sentence(0, len(first), first), Sentence(at, len(text), second)],
        [Mention("GPE", at, at + len("Indiana"), "Indiana", 1)],
    )
    votes = _context_states(an, gazetteer(), sentence_infos(an, None))
    assert votes.get("IN", 0) < 1 and votes.get("PA", 0) > 0


def test_a_place_before_the_main_verb_is_still_the_place() -> None:
    got = _extract(
        "One of four women wounded in a late night shooting in Lexington has died.\n"
        "The coroner says Jane Roe, 18, of Nicholasville, died Tuesday at a hospital.",
        "2014-07-01",
    )
    assert got["location/asserted"][0]["name"] == "Lexington"  # type: ignore[index]


def test_a_town_after_in_that_the_tagger_missed() -> None:
    from eventdesk.model import Analysis, Sentence

    lines = [
        "Police are investigating a shooting that occurred in Frontenac Monday night.",
        "A young man was found shot on Carole Lane around 7 p.m. in March.",
    ]
    text = "\n".join(lines)
    second = len(lines[0]) + 1
    an = Analysis(  # no entities at all: the rule must find the town by itself
        Article(id="f", text=text, raw=text, published=datetime(2017, 3, 28)),
        [Sentence(0, len(lines[0]), lines[0]), Sentence(second, len(text), lines[1])],
        [],
    )
    locs = [f.value for f in get_extractor().extract(an).facts if f.field == "location"]
    assert locs and locs[0]["name"] == "Frontenac"  # type: ignore[index]


def test_a_county_only_one_state_has_names_the_state() -> None:
    got = _extract(
        "A five-year-old child was shot Sunday afternoon in Lewiston, according to Bertie "
        "County Sheriff John Holley.",
        "2016-06-19",
    )
    assert got["location/asserted"][0]["admin1"] == "North Carolina"  # type: ignore[index]


def test_link_features_carry_the_ages_of_the_people_hurt_or_held() -> None:
    text = (
        "A 16-year-old boy was shot in East Garfield Park on Sunday, police said. "
        "Marcus Reed, 19, was arrested on Monday, Officer Ann Lee, 45, said."
    )
    art = Article(id="ages", text=text, raw=text, published=datetime(2017, 1, 2, 9, 0))
    analysis = next(SpacyAnalyzer().analyze([art]))
    ages = get_extractor().extract(analysis).features.ages
    assert 16 in ages and 19 in ages
    assert 45 not in ages  # the official who speaks is not one of them


def test_only_a_date_told_with_the_attack_dates_the_incident_for_linking() -> None:
    def link_date(text: str) -> str | None:
        art = Article(id="d", text=text, raw=text, published=datetime(2015, 4, 30, 9, 0))
        analysis = next(SpacyAnalyzer().analyze([art]))
        return get_extractor().extract(analysis).features.date

    # a follow-up dated by its hearing: the incident's date is not in it
    assert (
        link_date(
            "An Idaho couple entered a plea Wednesday to charges of injury to a child for the "
            "death of 5-year-old Noelle Shawver, who was shot at their home."
        )
        is None
    )
    assert link_date("A 5-year-old girl was shot and killed Wednesday at her home.") == "2015-04-29"


def test_a_police_force_known_by_its_letters_names_its_city() -> None:
    got = _extract(
        "IMPD: 8-year-old accidentally shoots self. An 8-year-old was injured Friday in an "
        "apparent accidental shooting on the north side.",
        "2015-09-05",
    )
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Indianapolis", "Indiana")  # type: ignore[index]


def test_state_police_are_no_town_and_a_dateline_county_is_told_in_words() -> None:
    got = _extract(
        "DINWIDDIE COUNTY, Va. (WRIC) — Virginia State Police said that they are investigating "
        "after what appears to be an accidental shooting that killed a boy on Sunday.",
        "2016-12-05",
    )
    loc = got["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Dinwiddie County", "Virginia")  # type: ignore[index]


def test_a_far_namesake_in_a_big_city_s_outlet_is_its_neighbourhood() -> None:
    text = "A woman was killed and three others were wounded in a shooting in Austin on Saturday."
    url = "http://abc7chicago.com/news/woman-killed-in-austin-shooting/1"
    loc = _extract(text, "2017-02-12", url)["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Chicago", "Illinois")  # type: ignore[index]
    # a town near the outlet's city, over a state line, is that town
    text = "A man was shot and killed in Gary on Saturday, police said."
    loc = _extract(text, "2017-02-12", url)["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Gary", "Indiana")  # type: ignore[index]


def test_a_neighbourhood_known_only_abroad_is_in_the_city_whose_police_are_named() -> None:
    text = (
        "One adult and two children are dead after a Friday morning quadruple shooting in "
        "Gentilly. New Orleans Police Department Superintendent Michael Harrison described a "
        "very horrific scene."
    )
    loc = _extract(text, "2016-07-30")["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("New Orleans", "Louisiana")  # type: ignore[index]
    # named with its country, a place abroad stays abroad
    text = (
        "Two people were shot dead in Gentilly, France, on Friday. A New York Police "
        "Department spokesman said officers had been told of the attack."
    )
    loc = _extract(text, "2016-07-30")["location/asserted"][0]
    assert loc["country"] == "FR"  # type: ignore[index]


def test_a_street_named_again_without_its_avenue_is_no_town() -> None:
    got = _extract(
        "The shooting occurred around 10:41 p.m. in the 5000 block of Kensington Avenue, police "
        "said. All four were victims of the shooting on Kensington.",
        "2016-06-05",
    )
    names = {v["name"] for v in got.get("location/asserted", [])}  # type: ignore[index]
    assert not any("Kensington" in str(n) for n in names)


def test_two_streets_named_together_are_no_towns() -> None:
    got = _extract(
        "Antonio Hernandez, 31, and Omero Garcia, 39, were killed in the shooting just after "
        "midnight Sunday near Thompson and Colorado avenues.",
        "2015-08-02",
    )
    names = {v["name"] for v in got.get("location/asserted", [])}  # type: ignore[index]
    assert not names & {"Thompson", "Colorado"}


def test_a_postal_code_after_a_county_is_its_state_and_metro_police_no_town() -> None:
    assert _place(
        "12-year-old found dead from gunshot wound in Cooper County, MO\n"
        "A 12-year-old boy was found dead from a gunshot wound on Sunday, the sheriff said.",
        "2017-03-12",
    ) == ("Cooper County", "Missouri")
    got = _extract(
        "Metro detectives say a four-year-old girl was at home with her parents when she was "
        "shot on Sunday.",
        "2016-09-12",
    )
    assert all(v["name"] != "Metro" for v in got.get("location/asserted", []))  # type: ignore[index]


def test_a_victim_told_of_only_with_an_earlier_date_is_of_another_incident() -> None:
    got = _extract(
        "Two men were shot and wounded on Monday, Jan. 16, in the 3200 block of 32nd Avenue, "
        "police said.\n"
        "Police say they believe this shooting was in retaliation for the killing of "
        "22-year-old Dominique Horton on 32nd Avenue on Thursday, Jan. 5.",
        "2017-01-17T09:00",
    )
    assert got["date/asserted"][0]["value"] == "2017-01-16"  # type: ignore[index]
    related = [v["name"] for v in got.get("participant/related", [])]  # type: ignore[index]
    asserted = [v["name"] for v in got.get("participant/asserted", [])]  # type: ignore[index]
    assert "Dominique Horton" in related and "Dominique Horton" not in asserted


def test_victims_of_last_summer_or_the_last_year_are_of_other_incidents() -> None:
    got = _extract(
        "A 6-year-old boy was shot and wounded Sunday on the Dan Ryan Expressway, police said.\n"
        "His mother, Jasmine Curry, was fatally shot as she drove on the same road last summer.\n"
        "Within the last year, three children, 7-month-old Jaquail Mansaw among them, died "
        "from errant gunfire.",
        "2016-02-15T09:00",
    )
    asserted = {v["name"] for v in got.get("participant/asserted", [])}  # type: ignore[index]
    assert not {"Jasmine Curry", "Jaquail Mansaw"} & asserted
    assert got.get("killed/related") == [1, 3] and "killed/asserted" not in got


def test_a_possessive_phrase_is_no_name() -> None:
    got = _extract(
        "LMPD investigating fatal shooting of child in Louisville's Shawnee\n"
        "A 7-year-old boy was shot and killed Sunday night in Louisville's Shawnee "
        "neighborhood, police said.",
        "2015-06-01T09:00",
    )
    names = {v["name"] for k, vs in got.items() if k.startswith("participant") for v in vs}  # type: ignore[index]
    assert not any(n and "'s" in n for n in names)


def test_a_headline_run_into_its_report_counts_its_hurt_once() -> None:
    got = _statement(
        "2 Dead, 7 Injured in DC Shooting: Police Two people are dead and seven people are "
        "injured after a shooting."
    )
    assert sorted((c, s) for _, c, s, _ in got) == [(2, "killed"), (7, "injured")]
    # two groups told alike are two groups
    got = _statement("Officials say two victims died on the scene and two died on the way.")
    assert [c for _, c, _, _ in got] == [2, 2]


def test_a_city_named_on_its_places_is_the_place() -> None:
    # the tagger reads a city before a noun as an organisation
    assert _place(
        "Police: Teen accidentally shoots mom in Evansville parking lot\nA woman was taken to "
        "the hospital after an accidental shooting.",
        "2016-05-02",
    ) == ("Evansville", "Indiana")
    assert _place(
        "Four wounded in shooting at Pomona restaurant drive-through\nPolice said four people "
        "were shot at a restaurant on Friday.",
        "2016-05-02",
    ) == ("Pomona", "California")
    assert _place(
        "Four people were injured during a shoot out in York City, Pa., late Monday night.",
        "2016-05-02",
    ) == ("York", "Pennsylvania")


def test_a_county_many_states_have_names_no_state() -> None:
    got = _extract(
        "A 3-year-old girl shot herself with a gun she found at home, the Jackson County "
        "Prosecutor's Office said on Tuesday.",
        "2016-05-02",
    )
    assert not got.get("location/asserted")


def test_a_headline_count_before_dead_is_its_own() -> None:
    # "dead" hangs on "hospitalized", whose subject is the 3 in hospital
    got = _statement("2 dead, 3 hospitalized following Brookhaven shooting")
    assert sorted((c, s) for _, c, s, _ in got) == [(2, "killed"), (3, "injured")]


def test_a_neighbourhood_or_a_family_word_is_no_name() -> None:
    got = _extract(
        "2 arrested in deadly West Adams party shooting\n"
        "Brothers Harvey and Jeremy Jones were charged in the shooting that left two people "
        "dead, police said on Monday.",
        "2016-05-02",
    )
    names = [v["name"] for v in got.get("participant/asserted", [])]  # type: ignore[index]
    assert not any(n and n.startswith(("West ", "Brothers ")) for n in names)


def test_a_small_town_in_an_outlet_s_name_is_its_home_but_not_a_common_word() -> None:
    text = "A 5-year-old boy was shot in the leg by a teenager at a home on Sunday, police said."
    loc = _extract(text, "2016-12-27", "http://lufkindailynews.com/news/local/article_1.html")[
        "location/asserted"
    ][0]
    assert loc["admin1"] == "Texas" and loc["basis"] == "outlet"  # type: ignore[index]
    got = _extract(text, "2016-12-27", "http://centralnews.example.com/a/1")
    assert not got.get("location/asserted")


def test_a_town_the_tagger_cut_short_is_read_whole() -> None:
    text = (
        "Brooklyn Center Man Charged In Downtown Shooting\n"
        "A 23-year-old man has been charged in a shooting that wounded two people early "
        "Sunday, police said."
    )
    loc = _extract(text, "2016-10-17")["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Brooklyn Center", "Minnesota")  # type: ignore[index]


def test_a_town_named_with_a_county_it_lies_in_is_that_county_s_town() -> None:
    # Hillsboro, Oregon is a hundred times bigger; Hillsboro, Ohio lies in Highland County
    text = (
        "A 9-year-old boy was shot Friday at a home along Trenton Street, just outside of "
        "Hillsboro in Highland County, deputies said."
    )
    loc = _extract(text, "2016-05-01")["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Hillsboro", "Ohio")  # type: ignore[index]
    assert "candidates" not in loc  # type: ignore[operator]
    # a county that is not the town's leaves the namesakes as they were
    text = text.replace("Highland County", "Lane County")
    loc = _extract(text, "2016-05-01")["location/asserted"][0]
    assert loc["admin1"] != "Ohio"  # type: ignore[index]


def test_the_day_a_suspect_turned_himself_in_is_not_the_day_of_the_shooting() -> None:
    got = _extract(
        "A man wanted in connection to a quadruple shooting during a party at an apartment "
        "complex turned himself in to police Wednesday, officials said.\n\n"
        "Ivan Clark, 21, will face four counts of attempted murder, police said.\n\n"
        "The shooting was reported in the 600 block of Northwest 177th Street Tuesday "
        "afternoon.",
        "2015-06-18T10:00",
    )
    date = got["date/asserted"][0]
    assert date["value"] == "2015-06-16"  # type: ignore[index]


def test_a_page_s_own_earlier_stamp_dates_its_weekdays() -> None:
    # the archive dates the page October 27th; its story came out on Friday, September 2nd
    text = (
        "A juvenile was killed and a pizza delivery driver was shot in a Southeast "
        "neighborhood Thursday. (Published Friday, Sept. 2, 2016)\n\n"
        "Police have identified the 17-year-old boy killed in a shooting Thursday afternoon."
    )
    date = _extract(text, "2016-10-27T10:00")["date/asserted"][0]
    assert date["value"] == "2016-09-01"  # type: ignore[index]
    # a stamp later than the record's date is an update, not the story's day
    later = text.replace("Sept. 2, 2016", "Nov. 4, 2016")
    date = _extract(later, "2016-10-27T10:00")["date/asserted"][0]
    assert date["value"] == "2016-10-27"  # type: ignore[index]
    # the stamp dates the page, not the shooting, even where it is the only full date
    stamped = (
        "(Published Monday, Sept. 21, 2015)\n\nA man was inside the tavern early Sunday evening "
        "when police say some of the patrons began to argue and one fired."
    )
    date = _extract(stamped, "2015-09-22T10:00")["date/asserted"][0]
    assert date["value"] == "2015-09-20"  # type: ignore[index]


def test_a_town_before_area_is_the_town() -> None:
    text = (
        "A 3-year-old boy died after accidentally shooting himself at a relative's home on "
        "Friday, deputies said. Deputy Coroner Darris Fowler identified the child as Brooks "
        "Steen of the Myrtle Beach area."
    )
    loc = _extract(text, "2017-02-04")["location/asserted"][0]
    assert (loc["name"], loc["admin1"]) == ("Myrtle Beach", "South Carolina")  # type: ignore[index]


def test_a_derived_gazetteer_table_is_worked_out_once_and_kept(tmp_path, monkeypatch) -> None:
    from eventdesk.extract.geo import derived_table

    monkeypatch.setenv("EVENTDESK_CACHE", str(tmp_path))
    built: list[int] = []

    def build() -> dict[str, int]:
        built.append(1)
        return {"springfield": len(built)}

    assert derived_table("t-v1", build) == {"springfield": 1}
    assert derived_table("t-v1", build) == {"springfield": 1} and built == [1]  # read back
    assert derived_table("t-v2", build) == {"springfield": 2}  # new rules, new table
    for f in tmp_path.glob("*.t-v1.pickle"):
        f.write_bytes(b"not a pickle")
    assert derived_table("t-v1", build) == {"springfield": 3}  # a broken file is rebuilt


@pytest.mark.parametrize(
    "sentence",
    [
        "In a separate incident, a man was SHOT on Main Street.",
        "Aug. 23: Joseph Shuemaker, 24, is shot and killed near the park.",
        "The Attack at the Bataclan two years ago left 90 dead.",
        "(AP Photo/John Doe) Copyright 2024 All Rights Reserved",
        "Police had Originally Said that seven people were wounded.",
        "He was denied bail; his lawyer denies the charge.",
        "The Suspect Reportedly fled in a white car.",
        "Nothing happened here İstanbul ſ K.",
    ],
)
def test_patterns_for_lowered_text_answer_as_the_originals(sentence: str) -> None:
    from eventdesk.extract import lexicon as lx

    for rx in (
        lx.INCIDENT_RE,
        lx.RELATED_RE,
        lx.JUNK_RE,
        lx.DENIED_RE,
        lx.RETRACTED_RE,
        lx.HEDGED_RE,
    ):
        assert bool(lx.for_lowered_text(rx).search(sentence.lower())) == bool(
            rx.search(sentence)
        ), rx.pattern[:40]


def test_a_pattern_with_capitals_is_not_taken_for_lowered_text() -> None:
    import re

    from eventdesk.extract.lexicon import for_lowered_text

    with pytest.raises(ValueError):
        for_lowered_text(re.compile(r"at the [A-Z]", re.I))
    with pytest.raises(ValueError):
        for_lowered_text(re.compile(r"shot"))  # not case-insensitive
    assert for_lowered_text(re.compile(r"\bshot\W", re.I)).search("was shot.")


def test_the_extractor_s_warm_up_loads_the_lemma_tables() -> None:
    """Loaded before the workers fork, so that they share them."""
    from eventdesk.extract import features

    features.lemma_of.cache_clear()
    get_extractor().warm_up()
    assert features.lemma_of.cache_info().currsize == 1


def test_weapon_words_are_in_every_weapon_match(shared_dir: Path) -> None:
    """``WEAPON_WORDS`` lets ``_weapons`` skip sentences: it must hold every pattern's match."""
    import json
    import re

    from eventdesk.extract.lexicon import WEAPON_PATTERNS, WEAPON_WORDS

    texts = [
        "an AR-15 style rifle, an M5 assault rifle, a Kalashnikov, AK47s, a sub-machine gun",
        "an Uzi, a sawed-off shotgun, a .38 caliber gun, a Glock, a 9mm weapon, a pipe bomb",
        "IEDs, a grenade, suicide vests, a kitchen knife, knives, a machete, a box cutter",
        "firearms, a semi-automatic weapon, revolvers, a Machine-gun, BOMBS, Explosive devices",
    ]
    path = shared_dir / "data" / "gva-dev" / "articles.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            texts += [str(json.loads(line).get("text") or "") for line in fh]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if any(rx.search(sentence) for _, rx in WEAPON_PATTERNS):
                assert WEAPON_WORDS.search(sentence.lower()), sentence


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        # GVA codes the county when it happened out of town; the victim's home town and the
        # medical examiner's town are no place of the incident
        pytest.param(
            "CACHE COUNTY, Utah -- A 10-year-old boy is dead after a hunting accident in Cache "
            "County Saturday night. The boy died at the scene in Cache County, deputies said.\n"
            "Officials have identified the boy as Zachary Woodruff of Smithfield, Utah.",
            "2015-10-25",
            "Cache County",
            id="a county where it happened beats a town named only as a home",
        ),
        pytest.param(
            "A 17-year-old mistook his friend for a deer and shot him while hunting in Charlotte "
            "County, Virginia. Two teenage boys went hunting Friday on Mt. Carmel Road in "
            "Charlotte County. His body was transported to the medical examiner’s office in "
            "Richmond.",
            "2016-11-20",
            "Charlotte County",
            id="a county where it happened beats the coroner's town",
        ),
        pytest.param(
            "Detectives in Pinellas County have arrested a 17-year-old boy after he accidentally "
            "shot his friend at a residence in Seminole, Florida.",
            "2017-01-20",
            "Seminole",
            id="a town said as where it happened stays, whatever county is named",
        ),
        pytest.param(
            "Woman killed, 3 others wounded in Austin shooting\n"
            "A woman was killed and three more people were wounded in a Saturday night shooting "
            "in the Austin neighborhood on the West Side. The four were outside in the 100 block "
            "of North Mayfield when an SUV approached them, Chicago Police said.",
            "2017-02-12",
            "Chicago",
            id="a neighbourhood said so is in the city whose police speak",
        ),
        pytest.param(
            "Police: Teen accidentally shot himself in Washington Heights\n\n"
            "A 17-year-old boy accidentally shot himself Thursday afternoon in the Washington "
            "Heights neighborhood on the Far South Side. The boy suffered a graze wound to the "
            "leg in the 1000 block of West 103rd Place, according to Chicago Police.",
            "2016-05-20",
            "Chicago",
            id="a neighbourhood GeoNames puts in another big city is still the police's city's",
        ),
    ],
)
def test_where_it_happened_by_name(text: str, published: str, name: str) -> None:
    assert _place(text, published)[0] == name


def test_a_part_of_a_city_named_like_a_far_village_is_the_city_s() -> None:
    # GeoNames lists Chicago's Woodlawn; the post's Woodlawn is a village 400 km south
    from eventdesk.extract.geo import gazetteer

    gaz = gazetteer()
    hood = next(p for p in gaz.city("Woodlawn") if p.admin1 == "IL" and p.population > 10_000)
    village = next(p for p in gaz.city("Woodlawn") if p.admin1 == "IL" and p.population < 10_000)
    chicago = gaz.postal_town(hood)
    assert chicago is not None and chicago.name == "Chicago"
    assert gaz.postal_town(village) is None


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        pytest.param(
            "BOONE COUNTY, Ind. – A Boone County man has died after he accidentally shot "
            "himself in the yard of his home in Lebanon, Indiana.",
            "2016-05-20",
            ("Lebanon", "Indiana"),
            id="a country's name is a town of the state the text names",
        ),
        pytest.param(
            "A 14-year-old shot himself in the foot Sunday in Deerfield Township, Michigan, "
            "deputies said.",
            "2016-11-28",
            ("Deerfield Township", "Michigan"),
            id="a township is kept by name",
        ),
        pytest.param(
            "A man was shot Sunday in Mad River Twp., Ohio, deputies said.",
            "2016-06-01",
            ("Mad River Township", "Ohio"),
            id="a township the tagger cut short is no town of its name elsewhere",
        ),
        pytest.param(
            "Upper Sandusky boy dies from accidental gunshot wound\n\n"
            "An Upper Sandusky boy died from an accidental gunshot wound Wednesday in Salem "
            "Township, Wyandot County, authorities report.\n\n"
            "The 15-year-old was found by his parents at their property, the Wyandot County "
            "Sheriff’s Office said. The Upper Sandusky teen had been shooting a revolver.",
            "2015-07-02",
            ("Salem Township", "Ohio"),
            id="a town's man tells his home, not the place",
        ),
        pytest.param(
            "Four people were hurt Friday when someone opened fire near Yosemite Avenue and "
            "Cleveland in Madera. The driver was shot at the intersection of Cleveland and "
            "Yosemite while going southbound on Cleveland, Madera police said.",
            "2016-01-15",
            ("Madera", "California"),
            id="a cross street named like a big city gives no state",
        ),
        pytest.param(
            "Several injured, 1 dead in overnight Savannah shooting\n\n"
            "Around 1:30 a.m. shots were fired in the 100 block of West 33rd Street. Three men "
            "were taken to the hospital.",
            "2015-12-02",
            ("Savannah", "Georgia"),
            id="a town named as the shooting's is the place",
        ),
        pytest.param(
            "St. Louis neighborhood in fear after girl, 15, is killed by masked gunmen\n\n"
            "A 15-year-old girl was shot dead on her porch on Thursday night.",
            "2017-01-13",
            ("St. Louis", "Missouri"),
            id="a big city's neighborhood is in that city",
        ),
    ],
)
def test_where_it_happened(text: str, published: str, place: tuple[str, str]) -> None:
    assert _place(text, published) == place


def test_a_country_alone_a_known_township_and_a_common_word() -> None:
    # Lebanon with no state named is the country
    abroad = _extract("A car bomb killed three people in Lebanon on Sunday.", "2016-05-20")
    assert abroad["location/asserted"][0]["precision"] == "country"  # type: ignore[index]
    # "Twp." is a township the gazetteer may know as a place
    name, _ = _place(
        "A 3-year-old boy was shot in Clinton Twp., Michigan, police said.", "2016-06-01"
    )
    assert name == "Clinton Township"
    # a common word is a town only when a big one: "Deadly shooting" is no Deadly
    got = _extract("Deadly shooting leaves one man dead. Police are investigating.", "2015-12-02")
    assert "location/asserted" not in got
