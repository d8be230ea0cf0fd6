"""Participant-name rules of the extractor, each with short made-up sentences."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
from eventdesk.extract import get_extractor
from eventdesk.extract.context import sentence_infos
from eventdesk.extract.extractor import (
    _NOT_A_NAME,
    _aged_names,
    _clean_name,
    _extended_left,
    _mistagged_names,
    _with_nicknames,
)
from eventdesk.model import Analysis, Article, Mention, Sentence

_ROLES = ("victim", "perpetrator", "suspect")


def _people(text: str, published: str = "2016-05-08") -> list[dict[str, Any]]:
    art = Article(id="t", text=text, raw=text, published=datetime.fromisoformat(published))
    an = next(SpacyAnalyzer().analyze([art]))
    return [
        f.value
        for f in get_extractor().extract(an).facts
        if f.field == "participant" and f.modality == "asserted" and isinstance(f.value, dict)
    ]


def _names(text: str) -> dict[str, str]:
    """Named participants of the incident (victims, perpetrators, suspects) by name: role."""
    return {p["name"]: p["role"] for p in _people(text) if p["name"] and p["role"] in _ROLES}


def test_a_lone_given_name_is_kept_as_a_description_not_a_name() -> None:
    people = _people(
        "A man shot his daughter Lorelei in the arm on Friday in Pinewood, police said. "
        "Gary Welbourne, 41, was arrested."
    )
    named = {p["name"] for p in people if p["name"]}
    assert "Gary Welbourne" in named
    assert "Lorelei" not in named


def test_an_aged_name_with_inner_capitals_and_a_hyphen_is_whole() -> None:
    names = _names(
        "Police said 24-year-old Darnell McQuarry-LaFont was shot on Elm Street on Sunday."
    )
    assert "Darnell McQuarry-LaFont" in names


def test_an_aged_name_with_a_suffix_is_whole() -> None:
    names = _names("Tobias Renwick Jr., 22, was shot and killed on Sunday night in Fairdale.")
    assert any(n.startswith("Tobias Renwick") for n in names)


def test_words_of_a_headline_or_a_form_are_no_names() -> None:
    names = _names(
        "Shooting Investigation Underway At Motel\n"
        "A man was shot at a motel on Friday night. Sex: M Race: W Age: 31 Condition: Serious"
    )
    assert not any("Underway" in n or "Race" in n for n in names)


def test_a_name_the_tagger_calls_a_place_is_a_person_when_identified_as_one() -> None:
    # whatever label the tagger gives the name, "identified ... as" makes it a person's
    for name in ("Quillan Marsh", "Brayden Okafor", "Tamsin Velarde"):
        names = _names(
            f"A boy was shot and killed in his yard in Oakfield on Saturday. The boy was "
            f"identified Monday as {name}."
        )
        assert name in names, name


def test_a_street_after_of_is_no_person() -> None:
    names = _names(
        "Lonnie Harwick, 24, of the 3100 block of West Larchmont, was shot in the back on "
        "Sunday and died at a hospital."
    )
    assert "Lonnie Harwick" in names
    assert not any("Larchmont" in n for n in names)


def test_a_roundup_naming_a_dozen_people_apart_names_none_for_the_incident() -> None:
    first = ["Arlo", "Bram", "Cyrus", "Dane", "Emrys", "Fitz", "Gideon", "Hale", "Ivo", "Jory"]
    last = ["Pellham", "Quarrie", "Rusk", "Stavely", "Tolland", "Upham", "Vickery", "Wendle"]
    lines = [
        f"On Jan. {i + 2}, {first[i % 10]} {last[i % 8]}{'x' * (i // 8)}, {20 + i}, was "
        f"arrested and charged with assault."
        for i in range(12)
    ]
    people = _people("A year of gun crime in Lindale County.\n" + "\n".join(lines))
    named = [p for p in people if p["name"] and p["role"] in _ROLES]
    assert not named


def test_a_report_naming_a_few_people_keeps_their_names() -> None:
    names = _names(
        "Two men were shot on Friday night in Lindale. Police identified the victims as "
        "Arlo Pellham, 23, and Bram Quarrie, 31. Cyrus Rusk, 40, was arrested and charged "
        "with attempted murder."
    )
    assert {"Arlo Pellham", "Bram Quarrie", "Cyrus Rusk"} <= set(names)


def test_a_long_apposition_before_the_fate_still_gives_the_role() -> None:
    names = _names(
        "Four people were shot on Saturday night. Dorian Westcott, a promising point guard "
        "at Lakeview Preparatory Academy on the north side, was one of three victims taken "
        "to County General, a hospital spokesman said."
    )
    assert names.get("Dorian Westcott") == "victim"


def test_an_age_without_its_comma_and_a_home_town_before_the_arrest() -> None:
    names = _names(
        "A man was shot in Millbrook on Friday. Corwin Ashby , 19, of the Bronx, was arrested "
        "and charged in the shooting. Emmett Rawle, 20 of 12 Birch St was also arrested."
    )
    assert names.get("Corwin Ashby") == "suspect"
    assert names.get("Emmett Rawle") == "suspect"


def test_identified_as_the_woman_injured_and_in_a_hospital_bed_are_victims() -> None:
    names = _names(
        "Three people were shot at a courthouse in Oakdale on Friday. Renata Kimble was "
        "identified as the woman injured in the shooting. Talia Brandt is in a hospital bed "
        "instead of at her prom."
    )
    assert names.get("Renata Kimble") == "victim"
    assert names.get("Talia Brandt") == "victim"


def test_what_someone_was_doing_when_shot_makes_them_the_victim() -> None:
    names = _names(
        "Police were called to Walnut Lane on Sunday. Jolene Marchetti was sitting in a parked "
        "car with her uncle when she was shot. Desmond Fairleigh was asleep when a stray "
        "bullet struck the back of his head."
    )
    assert names.get("Jolene Marchetti") == "victim"
    assert names.get("Desmond Fairleigh") == "victim"


def test_a_list_closed_by_semicolon_and_shares_the_arrest() -> None:
    names = _names(
        "Four men were arrested after a shooting in West Hollis on Friday. Police named them "
        "as Kelvin Ardmore, 19; Rory Penhall, 18; Silas Vantreight, 18; and Otto Brisbane, "
        "19; as well as two teenagers, who were also arrested."
    )
    assert names.get("Otto Brisbane") == "suspect"


def test_charges_filed_against_two_people_make_them_suspects() -> None:
    names = _names(
        "A toddler was shot in Yarmouth in March. On Tuesday, police said they have filed "
        "charges in district court against Nolan Feversham and Ada Feversham."
    )
    assert names.get("Nolan Feversham") == "suspect"


def test_a_short_name_takes_the_given_names_just_before_it() -> None:

    text = "Montrel Quintres Patterson, 22, was found dead. Early Tuesday Hollis was shot."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    sents = [Sentence(0, 47, text[:47]), Sentence(48, len(text), text[48:])]
    cut = Mention("PERSON", 17, 26, "Patterson", 0)
    late = Mention("PERSON", 62, 68, "Hollis", 1)
    an = Analysis(article=art, sentences=sents, mentions=[cut, late])
    got = [m.text for m in _extended_left(an, [cut, late])]
    assert got == ["Montrel Quintres Patterson", "Hollis"]


def test_who_shot_a_named_person_or_whom_a_shot_was_fired_by_is_the_shooter() -> None:
    names = _names(
        "A man was killed in a house on Birch Road on Sunday. Police said Garrick Holloway "
        "shot Lenny Dawes in the chest. Wilma Prentiss was shot by Ambrose Keel outside."
    )
    assert names.get("Garrick Holloway") == "perpetrator"
    assert names.get("Ambrose Keel") == "perpetrator"
    assert names.get("Wilma Prentiss") == "victim"


def test_a_lone_surname_the_tagger_calls_a_place_is_the_named_person() -> None:

    text = "Orrin Tessaro lives on Elm Road. Then Tessaro was shot in the back."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    sents = [Sentence(0, 32, text[:32]), Sentence(33, len(text), text[33:])]
    full = Mention("PERSON", 0, 13, "Orrin Tessaro", 0)
    place = Mention("GPE", 38, 45, "Tessaro", 1)
    an = Analysis(article=art, sentences=sents, mentions=[full, place])
    got = _mistagged_names(an, sentence_infos(an, None), [(0, 13)])
    assert [(m.label, m.text) for m in got] == [("PERSON", "Tessaro")]


def test_the_one_who_says_it_is_not_the_victim_of_what_is_said() -> None:
    names = _names(
        "Two men were shot on Main Street on Friday. The shooter had argued with one of the "
        "victims, Lieutenant spokesman Arvid Lindqvist said. The suspect knew the victims, "
        "Perrin Oakes said."
    )
    assert "Perrin Oakes" not in names and "Arvid Lindqvist" not in names


def test_a_title_the_tagger_took_into_the_name_still_makes_an_official() -> None:
    people = _people(
        "According to Bayview police Sergeant Manolo Urquiza, Dane Lofgren sustained a gunshot "
        "wound to the head and was taken to a hospital."
    )
    roles = {p["name"]: p["role"] for p in people if p["name"]}
    assert roles.get("Sergeant Manolo Urquiza", "official") not in _ROLES
    assert roles.get("Dane Lofgren") == "victim"


def test_pleaded_after_a_home_address_is_a_suspect() -> None:
    names = _names(
        "A boy was shot at a home in Boardman in May. Dario Pellegrino, 32, of Reed Avenue, "
        "pleaded not guilty to charges of endangering children."
    )
    assert names.get("Dario Pellegrino") == "suspect"


def test_a_quoted_speaker_with_an_age_is_not_taken_for_a_victim() -> None:
    names = _names(
        'Two men were shot outside a bar in Kelso on Friday. "He came out of nowhere and '
        'fired," said Odette Marchand, 45.'
    )
    assert "Odette Marchand" not in names


def test_the_bodies_of_a_list_of_people_are_victims() -> None:
    names = _names(
        "The bodies of Kelda Brantley, 32, Royce Brantley, 7, and Imelda Faircloth, 55, were "
        "found Thursday night inside a house in Maple Fork."
    )
    assert names.get("Imelda Faircloth") == "victim"


def test_whom_someone_plotted_to_kill_is_a_victim_but_not_dead() -> None:
    people = _people(
        "A girl was found wounded near a canal in Orem. Police believe two boys plotted to "
        "kill Delphine Harrow, lured her to the canal and stabbed her."
    )
    p = next(p for p in people if p["name"] == "Delphine Harrow")
    assert p["role"] == "victim" and p["status"] != "killed"


def test_an_arrest_warrant_a_citation_and_are_charged_make_suspects() -> None:
    names = _names(
        "A man was shot outside a store in Bossier City on Monday. Police have a warrant to "
        "arrest Kendric Pharr on a charge of attempted murder. The rear passenger, Nolan "
        "Stroud, was cited for discharging a firearm. Darnell Voss and Ellis Brandt are "
        "charged with murder."
    )
    assert names.get("Kendric Pharr") == "suspect"
    assert names.get("Nolan Stroud") == "suspect"
    assert names.get("Ellis Brandt") == "suspect"


def test_a_name_the_tagger_mislabels_inside_a_list_of_people_is_a_person() -> None:
    text = "The victims, Ivor Cole, Tamsin Velarde and Jerome Pike, were taken to a hospital."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    sents = [Sentence(0, len(text), text)]
    a, b, c = text.index("Ivor"), text.index("Tamsin"), text.index("Jerome")
    mentions = [
        Mention("PERSON", a, a + 9, "Ivor Cole", 0),
        Mention("GPE", b, b + 14, "Tamsin Velarde", 0),
        Mention("PERSON", c, c + 11, "Jerome Pike", 0),
    ]
    an = Analysis(article=art, sentences=sents, mentions=mentions)
    got = _mistagged_names(an, sentence_infos(an, None), [(a, a + 9), (c, c + 11)])
    assert [m.text for m in got] == ["Tamsin Velarde"]


def test_who_accidentally_shot_himself_is_a_victim() -> None:
    names = _names(
        "A teenager was hurt in Elmwood on Sunday. Investigators said Corbin Alvarado "
        "accidentally shot himself in the hand with a stolen gun."
    )
    assert names.get("Corbin Alvarado") == "victim"


def test_a_home_town_between_the_name_and_surgery_keeps_the_victim() -> None:
    names = _names(
        "A girl was shot on a highway near Fairhaven on Friday. Police said Marisol Quade of "
        "Poultney underwent surgery and was in guarded condition."
    )
    assert names.get("Marisol Quade") == "victim"


def test_in_custody_entered_a_plea_and_each_face_make_suspects() -> None:
    names = _names(
        "Four people were shot at a tribal office in Alder Flats on Thursday. Merle Dowding, "
        "44, is in custody at the county jail. Ravi Lunt and his wife Ottilie Lunt entered "
        "the plea Wednesday. Gavin Horne, Tobias Quell and Amos Pratley, all 23, each face "
        "one count of murder."
    )
    assert names.get("Merle Dowding") == "suspect"
    assert names.get("Ottilie Lunt") == "suspect"
    assert names.get("Amos Pratley") == "suspect"


def test_a_business_with_a_possessive_is_no_name() -> None:
    names = _names(
        "Five people were shot outside Rack Pockets Billiards and Lounge on Sunday. According "
        "to Rack Pockets Billiards' Facebook page, no employees were among the injured."
    )
    assert not any("Billiards" in n for n in names)


def test_a_nickname_between_given_name_and_surname_keeps_the_surname() -> None:
    text = "Toddler Ambrin 'Bee' Castellano was struck once in the abdomen on Monday."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    sents = [Sentence(0, len(text), text)]
    cut = Mention("PERSON", 0, 16, "Toddler Ambrin '", 0)
    an = Analysis(article=art, sentences=sents, mentions=[cut])
    (m,) = _with_nicknames(an, [cut])
    assert m.text == "Toddler Ambrin Castellano" and text[m.start : m.end].endswith("Castellano")
    assert _clean_name(m.text) == "Ambrin Castellano"


def test_a_nickname_in_parentheses_does_not_cut_the_name() -> None:
    names = _names(
        "Police said Dorsey (Scoop) Fellman was fatally shot by an officer on Thursday night "
        "after he wounded the officer."
    )
    assert any(n.endswith("Fellman") for n in names)


def test_a_cut_off_surname_right_after_the_name_joins_it_but_not_in_a_headline() -> None:
    text = "Officers have charged Darnell Keith Moody with attempted murder.\nJane Roe Dies"
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    sents = [Sentence(0, 64, text[:64]), Sentence(65, len(text), text[65:])]
    a = text.index("Darnell")
    cut = Mention("PERSON", a, a + 13, "Darnell Keith", 0)
    head = Mention("PERSON", 65, 73, "Jane Roe", 1)
    an = Analysis(article=art, sentences=sents, mentions=[cut, head])
    got = [m.text for m in _extended_left(an, [cut, head])]
    assert got == ["Darnell Keith Moody", "Jane Roe"]


def test_a_place_before_a_person_noun_after_an_age_is_no_name() -> None:
    names = _names(
        "Police have charged the parents of a 3-year-old Cape Ardmore girl with improperly "
        "storing a gun the girl used to shoot herself."
    )
    assert not any("Ardmore" in n for n in names)


def test_was_the_victim_after_a_name_makes_the_victim_even_after_an_official() -> None:
    names = _names(
        "A man was killed in Davenport on Sunday. The Scott County Coroner said Wilma Lockhart "
        "was the victim who was killed in the shooting."
    )
    assert names.get("Wilma Lockhart") == "victim"


def test_a_title_counts_only_when_it_stands_right_before_the_name() -> None:
    names = _names(
        "A man was shot dead by an officer in Selma on Thursday. He was identified by the "
        "District Attorney as 62-year-old Ernesto Fallon, who had shot his girlfriend."
    )
    assert names.get("Ernesto Fallon") == "victim"
    people = _people("A man was shot in Selma. Police Chief Ken Barlowe said the man died.")
    assert all(p["role"] == "official" for p in people if p["name"] == "Ken Barlowe")


def test_a_dateline_after_a_name_is_no_part_of_it() -> None:
    assert _clean_name("Inez Roldan SAN ANTONIO") == "Inez Roldan"
    assert _clean_name("Kester Browne III") == "Kester Browne III"


def test_a_building_named_after_someone_is_no_participant() -> None:
    names = _names(
        "The 7 year old was taken to Paul Halloran hospital where he was pronounced dead."
    )
    assert "Paul Halloran" not in names


def test_an_untagged_name_after_have_arrested_becomes_a_person_mention() -> None:
    text = "The police department says they have arrested Ezequiel Branshaw Osterby."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 5, 8))
    an = Analysis(article=art, sentences=[Sentence(0, len(text), text)], mentions=[])
    got = _aged_names(an, sentence_infos(an, None))
    assert [m.text for m in got] == ["Ezequiel Branshaw Osterby"]


def test_a_rank_the_tagger_took_into_the_name_is_left_out_of_it() -> None:
    assert _clean_name("Senior Corporal Lorne Ashby") == "Lorne Ashby"
    assert _clean_name("Trooper Rob Mihal") == "Rob Mihal"
    assert _clean_name("Chief Smith") == "Chief Smith"  # (a title and a surname stay)


def test_a_mass_shooting_s_list_of_victims_one_a_line_keeps_their_names() -> None:
    first = ["Arlo", "Bram", "Cyrus", "Dane", "Emrys", "Fitz", "Gideon", "Hale", "Ivo", "Jory"]
    last = ["Pellham", "Quarrie", "Rusk", "Stavely", "Tolland", "Upham", "Vickery", "Wendle"]
    lines = [
        f"{first[i % 10]} {last[i % 8]}{'x' * (i // 8)}, {20 + i}, was killed." for i in range(12)
    ]
    text = "Twelve people were killed at a nightclub in Lindale on Sunday.\n" + "\n".join(lines)
    named = [p for p in _people(text) if p["name"] and p["role"] in _ROLES]
    assert len(named) >= 10


def test_an_age_in_words_before_a_name_marks_it() -> None:
    text = "Seventeen-year-old Anselm Varga of Denver was killed on Sept. 1 at a home."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 9, 8))
    an = Analysis(article=art, sentences=[Sentence(0, len(text), text)], mentions=[])
    assert [m.text for m in _aged_names(an, sentence_infos(an, None))] == ["Anselm Varga"]


def test_a_mislabelled_name_with_a_preposition_taken_along_is_trimmed() -> None:
    text = "Seventeen-year-old Anselm Varga of Denver was killed on Sept. 1 at a home."
    art = Article(id="t", text=text, raw=text, published=datetime(2016, 9, 8))
    fac = Mention("FAC", 19, 34, "Anselm Varga of", 0)
    an = Analysis(article=art, sentences=[Sentence(0, len(text), text)], mentions=[fac])
    got = _mistagged_names(an, sentence_infos(an, None), [])
    assert [(m.text, text[m.start : m.end]) for m in got] == [("Anselm Varga",) * 2]


def test_a_headline_s_place_and_person_noun_before_a_name_are_no_part_of_it() -> None:
    assert _clean_name("Texas Toddler Braxlee Hollis") == "Braxlee Hollis"
    assert _clean_name("Toddler Ambrin Castellano") == "Ambrin Castellano"


def test_a_list_shares_the_hurt_the_parse_finds_for_one_of_its_names() -> None:
    names = _names(
        "Five teens were hurt at a party on Saturday. 18-year-olds Keyla Moss, Dara Quill and "
        "17-year-old Tamsin Velarde were treated at a hospital and released, and police are "
        "interviewing possible suspects, but so far no arrests have been made."
    )
    assert names == {"Keyla Moss": "victim", "Dara Quill": "victim", "Tamsin Velarde": "victim"}


def test_a_victim_later_pronounced_deceased_is_dead() -> None:
    people = _people(
        "Police found Jorah Pelling, 53, unresponsive in a parked car on Friday. According to "
        "police, Pelling sustained a gunshot wound to the head, was taken to a hospital, and "
        "was later pronounced deceased."
    )
    p = next(p for p in people if p["name"] == "Jorah Pelling")
    assert (p["role"], p["status"]) == ("victim", "killed")


def test_killed_before_a_day_names_no_shooter() -> None:
    names = _names("Renwick Doyle killed Tuesday in a shooting on Ash Street, police say.")
    assert names.get("Renwick Doyle") != "perpetrator"


def test_a_named_victim_is_not_told_again_as_an_unnamed_one() -> None:
    people = _people(
        "Second victim dies after Wayne Avenue shooting; suspect arrested\n"
        "Tanya Brooks, 29, died at Miami Valley Hospital on Saturday afternoon, police said.\n"
        "Marcus Hale, 34, was killed at the scene on Friday.\n"
    )
    assert {p["name"] for p in people if p["name"]} >= {"Tanya Brooks", "Marcus Hale"}
    # neither "Marcus Hale" (tagged an organisation) nor "Second victim" as someone unnamed
    assert not [p for p in people if not p["name"] and p["role"] == "victim"]


def test_a_home_town_or_the_next_words_run_on_to_a_name_are_dropped() -> None:
    names = {
        p["name"]
        for p in _people(
            "Antonio Neeley, 20, was shot dead on Elm Street. Three men face murder charges in "
            "the death of Antonio Neeley Lauderhill police said on Monday."
        )
    }
    assert "Antonio Neeley" in names and "Antonio Neeley Lauderhill" not in names
    names = {
        p["name"]
        for p in _people(
            "Mt. Holly shooting victim identified as 14-year-old Charlotte gi - A girl was shot "
            "and killed on Friday, police said."
        )
    }
    assert not any(n and " gi" in n for n in names)
    # a Title Case heading the tagger takes for a person
    assert _NOT_A_NAME.search("Injured Officers") and not _NOT_A_NAME.search("Officer John Abbott")
    assert _NOT_A_NAME.search("Kill Bed-Stuy") and _NOT_A_NAME.search("Charlie O")
    assert _clean_name("Michael Smith Sources") == "Michael Smith"


def test_a_name_identified_after_a_long_description_of_the_dead_is_a_victim() -> None:
    people = _people(
        "Teen's fatal shooting an accident\n\n"
        "Albuquerque police identified the 15-year-old killed in a Wednesday shooting as "
        "Melky Rodriguez. They believe his 16-year-old friend accidentally shot him."
    )
    named = {p["name"]: p for p in people if p["name"]}
    assert named["Melky Rodriguez"]["role"] == "victim"
    assert named["Melky Rodriguez"]["status"] == "killed"


def test_an_officer_identified_after_a_shooting_is_not_its_victim() -> None:
    people = _people(
        "Police identified the officer who shot and killed a man on Elm Street on Friday as "
        "Corporal Dana Whitfield."
    )
    assert all(p["role"] != "victim" for p in people if p["name"] and "Whitfield" in p["name"])


def test_a_name_in_a_list_shares_the_role_of_the_others() -> None:
    # one lacks the age that made the others victims; the post's "N.C." ends a home town
    lacey = (
        "The Coroner's Office has identified three people shot to death Wednesday near Lacey. "
        "They are Gerald M. Berkey, 36, of Elma; Jackson L. Edens, of Olympia; and Terron R. "
        "McGrath, 31, of Olympia."
    )
    assert _names(lacey).get("Jackson L. Edens") == "victim"
    nc = (
        "Two people were shot. The other two victims, both shot in the forehead, remain in "
        "critical condition. They are Malcolm Staton of Polkton, N.C., and Nigel Bivens, 19, "
        "of Marshville, N.C."
    )
    assert _names(nc).get("Malcolm Staton") == "victim"
    # but "Maleki Parker, Biehl said" is no list: the chief tells it
    chief = (
        "Police Chief Richard Biehl spoke on Monday. In reference to the fatal shooting of "
        "5-year-old Maleki Parker, Biehl said, officers seized handguns from the home."
    )
    assert "Richard Biehl" not in _names(chief)


def test_the_one_whose_gun_went_off_is_its_shooter_unless_it_hit_him() -> None:
    babcock = (
        "A 9-year-old girl was shot at a campsite on Sunday. Police say the father, Randy "
        "Babcock, was cleaning the .22-caliber handgun when it went off."
    )
    assert _names(babcock).get("Randy Babcock") == "perpetrator"
    velazquez = (
        "Deputies say Rosalba Velazquez was playing with a gun someone dropped off at her home "
        "when the firearm accidentally discharged. Velazquez suffered a minor hand injury."
    )
    assert _names(velazquez).get("Rosalba Velazquez") == "victim"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Everyone who was shot suffered non-life threatening injuries. Teasley said her "
            "nephew, Deandre Strewsberry, is home from the hospital and is doing well.",
            "Deandre Strewsberry",
        ),
        (
            "A man was shot and killed. The victim's parents tell us his name was Gregory Higdon.",
            "Gregory Higdon",
        ),
    ],
)
def test_a_victim_named_by_how_he_fares_or_by_his_family(text: str, name: str) -> None:
    assert _names(text).get(name) == "victim"
