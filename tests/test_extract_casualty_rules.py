"""Casualty-count rules of the extractor, each with short made-up sentences."""

from __future__ import annotations

from datetime import datetime

import pytest

from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
from eventdesk.extract import get_extractor
from eventdesk.model import Article


def _extract(text: str, published: str = "2016-05-08") -> dict[str, list[object]]:
    art = Article(id="t", text=text, raw=text, published=datetime.fromisoformat(published))
    an = next(SpacyAnalyzer().analyze([art]))
    out: dict[str, list[object]] = {}
    for f in get_extractor().extract(an).facts:
        out.setdefault(f"{f.field}/{f.modality}", []).append(f.value)
    return out


def test_a_casualty_sentence_without_an_incident_word_counts() -> None:
    got = _extract("Police were called to Elm Street on Friday. A teenager was hit in the leg.")
    assert got["injured/asserted"] == [1]


def test_who_shot_himself_is_one_person_hurt_not_a_shooter_too() -> None:
    got = _extract(
        "A police officer accidentally shot himself in the hand on Tuesday in Springfield. "
        "Sergeant Paul Tamworth shot himself while holstering his weapon, police said."
    )
    assert got["injured/asserted"] == [1]
    people = [p for p in got["participant/asserted"] if isinstance(p, dict)]
    assert all(p["role"] != "perpetrator" for p in people)


def test_a_suspect_who_shot_himself_is_counted_once() -> None:
    got = _extract(
        "PD: Teen suspect accidentally shoots himself during Phoenix robbery\n"
        "PHOENIX - A West Phoenix teen who accidentally shot himself during a February robbery "
        "is now facing multiple charges."
    )
    assert got["injured/asserted"] == [1]


def test_a_child_who_killed_herself_with_a_found_gun_is_the_one_victim() -> None:
    got = _extract(
        "A family in Riverton is grieving after a shooting on Sunday. Police said the "
        "little girl picked up a loaded gun and killed herself while playing with it."
    )
    assert got["killed/asserted"] == [1]
    people = [p for p in got.get("participant/asserted", []) if isinstance(p, dict)]
    assert all(p["role"] != "perpetrator" for p in people)


def test_a_capitalised_headline_noun_is_no_name() -> None:
    got = _extract(
        "A Portsmouth Man Has Died Of A Gunshot Wound.\n"
        "Police said Amos Rudd, 57, died of a gunshot wound on Saturday."
    )
    assert got["killed/asserted"] == [1]
    names = [p["name"] for p in got["participant/asserted"] if isinstance(p, dict)]
    assert "Amos Rudd" in names and not any(n and n.endswith("Man") for n in names)


def test_the_victims_take_the_number_of_their_last_counted_mention() -> None:
    got = _extract(
        "A man opened fire on Friday at a house where the three victims were sitting on the "
        "porch. The victims were airlifted to local hospitals."
    )
    assert got["injured/asserted"] == [3]


def test_others_shot_in_a_report_of_a_death_are_the_wounded() -> None:
    got = _extract(
        "A man was shot dead on Main Street in Gary on Friday night. Three other people were "
        "also shot, police said."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [3]


def test_a_quadruple_shooting_shot_four() -> None:
    got = _extract(
        "A teenager was killed in a quadruple shooting in Dayton on Tuesday night, police said."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [3]
    got = _extract("Police are investigating a double shooting on the north side on Friday.")
    assert got["injured/asserted"] == [2]


def test_the_dead_of_a_murder_suicide_include_the_one_who_killed_himself() -> None:
    got = _extract(
        "Police in Ashford found a man and his daughter dead on Sunday in what investigators "
        "called a murder-suicide."
    )
    assert got["killed/asserted"] == [2]


def test_a_capitalised_plural_in_a_headline_has_no_count() -> None:
    from eventdesk.analyze.spacy_analyzer import load_nlp, parse_sentence
    from eventdesk.extract.casualties import statements

    text = "Multiple People Shot, 2 Killed In Southeast DC Park Shooting"
    sd = parse_sentence(load_nlp()(text), 0, len(text))
    assert [(p.count, p.status) for p in statements(sd, 0).patients] == [(None, "killed")]


def test_one_also_shot_in_a_report_of_a_death_is_wounded() -> None:
    got = _extract(
        "A 15-year-old boy was killed in a shooting on Elm Street on Monday. His mother was "
        "also shot, police said."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [1]


def test_a_wounded_teen_of_another_age_is_not_the_dead_one() -> None:
    got = _extract(
        "A 17-year-old was shot and killed on Emma Avenue on Monday. "
        "The 16-year-old was hospitalized in stable condition."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [1]


def test_taken_to_hospital_uninjured_is_not_hurt() -> None:
    got = _extract(
        "Four people were found shot to death in a home on Tuesday. The 3-year-old girl was "
        "found alive and uninjured in the home and was transported to the hospital as a "
        "precaution."
    )
    assert got["killed/asserted"] == [4]
    assert "injured/asserted" not in got


def test_a_list_of_names_the_parser_read_as_an_apposition_counts_each() -> None:
    got = _extract(
        "Police said Marcus Bellamy, Tyrell Jones and Ann Smith were killed in a shooting on "
        "Friday."
    )
    assert got["killed/asserted"] == [3]


def test_those_found_with_gunshot_wounds_include_the_dead() -> None:
    got = _extract(
        "When officers arrived on Friday, they found four people suffering from gunshot wounds. "
        "One man was pronounced dead at the scene, police said."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [3]
    # a wound said to be minor is an injury whatever else the report says
    got = _extract(
        "A man was killed on Friday. A woman suffered a minor gunshot wound to the leg, police said."
    )
    assert got["injured/asserted"] == [1]


def test_figures_summed_over_several_shootings_are_not_this_incidents() -> None:
    got = _extract(
        "A man was shot and killed on Elm Street on Saturday night, police said. Four people "
        "were killed and 11 others were wounded in separate shootings across the city."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_a_citys_figures_for_the_year_are_not_this_incidents() -> None:
    got = _extract(
        "A man was shot and killed on Elm Street on Saturday night, police said. So far this "
        "year, 47 people have been killed and 210 wounded in Chicago."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_a_part_of_a_group_is_not_counted_beside_the_group() -> None:
    got = _extract(
        "Six people were shot at a party on Elm Street on Sunday. Five of the six hospitalized "
        "victims are listed in stable condition."
    )
    assert got["injured/asserted"] == [6]
    got = _extract("One of four women wounded in a shooting in Lexington on Friday has died.")
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [3]


def test_a_days_shooting_is_this_incident() -> None:
    got = _extract(
        "The boy died at Metro Hospital, where he had been flown following Saturday's shooting."
    )
    assert got["killed/asserted"] == [1]


def test_the_speaker_of_a_quoted_casualty_is_not_the_casualty() -> None:
    got = _extract(
        "A teenager was killed near a festival on Sunday. “The victim was trying to drive away "
        "was shot once in the back of the head,” said Kettering Police Chief Christopher Lamb."
    )
    people = {p["name"]: p for p in got["participant/asserted"] if isinstance(p, dict)}
    assert people["Christopher Lamb"]["role"] == "official"


def test_a_tagged_name_is_cleaned_of_what_the_tagger_took_along() -> None:
    from eventdesk.extract.extractor import _clean_name

    assert _clean_name("Cedric Anders of Riverside") == "Cedric Anders"
    assert _clean_name("Brittany Powers's") == "Brittany Powers"
    assert _clean_name("Iris Rodrigo\n\n") == "Iris Rodrigo"


def _roles(got: dict[str, list[object]]) -> dict[str, tuple[str, str]]:
    return {
        p["name"]: (p["role"], p["status"])
        for p in got.get("participant/asserted", [])
        if isinstance(p, dict) and p["name"]
    }


def test_roles_from_the_words_around_a_name() -> None:
    got = _extract(
        "A man was shot on Elm Street in Dayton on Friday. Marcus Deloach, 22, of Clarksville, "
        "was found dead at the scene. A fourth person, Evan Roberts, had gunshot wounds to the "
        "head. The suspects were identified as Mowayne McCall, 33, and Diego Reid, 25."
    )
    roles = _roles(got)
    assert roles["Marcus Deloach"] == ("victim", "killed")
    assert roles["Evan Roberts"][0] == "victim"
    assert roles["Diego Reid"][0] == "suspect"


def test_a_name_in_apposition_to_the_boy_is_the_victims() -> None:
    got = _extract(
        "A 7-year-old boy was shot in Hartford on Friday. The boy, Nathan Mayes, was home "
        "alone with his brother when the two found a loaded gun."
    )
    assert _roles(got)["Nathan Mayes"][0] == "victim"


def test_one_arrested_on_other_charges_is_no_suspect_of_the_shooting() -> None:
    got = _extract(
        "A man was shot and killed on Elm Street in Gary on Friday. Kalie Mayer, 18, was "
        "arrested on suspicion of interfering with officers guarding the scene."
    )
    assert "Kalie Mayer" not in _roles(got)


def test_places_and_suffixes_are_no_names() -> None:
    got = _extract(
        "A young man was found shot on Carole Lane in Dayton on Friday night. Freddie Rodgers, "
        "Jr. was shot in the abdomen."
    )
    names = set(_roles(got))
    assert "Carole Lane" not in names and "Jr." not in names


def test_those_recovering_after_a_shooting_are_wounded() -> None:
    got = _extract("Four people are recovering after a shooting outside a restaurant on Friday.")
    assert got["injured/asserted"] == [4]


def test_victims_who_went_to_hospital_themselves_are_wounded() -> None:
    got = _extract(
        "One man was shot outside a bar on Elm Street on Saturday. Police later learned two "
        "other victims drove themselves to Northeast Baptist hospital."
    )
    assert got["injured/asserted"] == [2]  # the largest figure one sentence gives
    got = _extract(
        "A man was shot outside a bar on Elm Street on Saturday. A friend drove him to the "
        "hospital, where he was treated and released."
    )
    assert got["injured/asserted"] == [1]


def test_group_words_that_give_a_number() -> None:
    got = _extract("A family of five died in an apparent murder-suicide in their home on Sunday.")
    assert got["killed/asserted"] == [5]
    got = _extract(
        "A man and a woman were shot on Elm Street in Gary on Friday. They both died of their "
        "injuries at the hospital."
    )
    assert got["killed/asserted"] == [2]
    got = _extract(
        "On Elm Street on Friday, police said, four people were shot, two of whom are deceased."
    )
    assert got["killed/asserted"] == [2]
    assert got["injured/asserted"] == [2]


def test_an_age_is_no_count_and_an_unborn_child_is_not_counted() -> None:
    got = _extract(
        "He was arrested in connection with the shooting death of 15 year-old Sam Jackson "
        "at a home on Elm Street."
    )
    assert got["killed/asserted"] == [1]
    got = _extract("The gunman killed five adults and an unborn child in the attack on Friday.")
    assert got["killed/asserted"] == [5]


def test_a_pronoun_after_the_one_it_stands_for_is_not_another_casualty() -> None:
    got = _extract("A pregnant teen is dead after she was shot to death on the north side.")
    assert got["killed/asserted"] == [1]


def test_identified_as_and_charging_give_roles() -> None:
    got = _extract(
        "A 12-year-old boy was shot and killed in Hudson on Monday. The coroner identified the "
        "12-year-old as Jeremy Alfred. Police identified the other victims: 14-year-old Lana "
        "Benton and 15-year-old Nia Butler. Authorities are charging 20-year-old Tyrell Wells "
        "with murder."
    )
    roles = _roles(got)
    assert roles["Jeremy Alfred"][0] == "victim"
    assert roles["Lana Benton"][0] == "victim"
    assert roles["Tyrell Wells"][0] == "suspect"


def test_an_adverb_before_the_arrest_keeps_the_suspect() -> None:
    got = _extract(
        "A 17-year-old was shot and killed in a garage in Denver on Sunday. The resident, Levi "
        "Isidro Sanchez, told investigators he fired a warning shot. Sanchez was initially "
        "arrested on murder charges."
    )
    assert _roles(got)["Levi Isidro Sanchez"][0] == "suspect"


def test_more_ways_a_sentence_gives_a_role() -> None:
    got = _extract(
        "Three people were killed at a party in Merced on Saturday. Sammi, along with "
        "19-year-old Matthew Fishman and 18-year-old Bernard Canelo all died. Torrance Reeves, "
        "of the 900 block of West 68th Street in the Englewood neighborhood, was charged with "
        "murder. Michael Allard and Wilfred Celestin were not offered plea deals."
    )
    roles = _roles(got)
    assert roles["Matthew Fishman"] == ("victim", "killed")
    assert roles["Bernard Canelo"] == ("victim", "killed")
    assert roles["Torrance Reeves"][0] == "suspect"
    assert roles["Wilfred Celestin"][0] == "suspect"


def test_they_are_takes_the_role_the_sentence_before_gives() -> None:
    got = _extract(
        "A club owner was killed in a shooting in Wadesboro early Sunday. Two others, shot in "
        "the forehead, remain in critical condition. They are Malcolm Stanton of Polkton, N.C., "
        "and Nigel Bevins, 19, of Marshville, N.C. Deputies arrested four people believed to "
        "have sold drugs to the owner. They are Taylor Filsen, 28, and Bradley Hodges, 24."
    )
    roles = _roles(got)
    assert roles["Malcolm Stanton"] == ("victim", "injured")
    assert roles["Nigel Bevins"] == ("victim", "injured")
    assert roles.get("Taylor Filsen", (None,))[0] != "suspect"


def test_more_words_after_a_name_that_make_a_victim() -> None:
    got = _extract(
        "Six people were shot at a cafe in Macon on Friday. Derrick Jonas, 38, underwent "
        "emergency surgery. Two of the survivors, Odalys Luna and Gina Watts, spoke to reporters."
    )
    roles = _roles(got)
    assert roles["Derrick Jonas"] == ("victim", "injured")
    assert roles["Odalys Luna"][0] == "victim"


def test_a_title_before_a_name_the_report_is_about_is_no_officials() -> None:
    got = _extract(
        "Two police officers were shot in Dallas on Thursday night. The two injured officers "
        "were identified as Officer David McKenna, 33, and Officer Jesse Hemming, 31."
    )
    roles = _roles(got)
    assert roles["David McKenna"][0] == "victim"
    assert roles["Jesse Hemming"][0] == "victim"


def test_a_surname_with_a_suffix_is_the_same_person() -> None:
    got = _extract(
        "Police said Malik Casey Jr. was shot while sitting in a car on Murray Hill in Detroit "
        "on Friday. Casey Jr. was struck in the head by a bullet."
    )
    assert got["injured/asserted"] == [1]
    assert list(_roles(got)) == ["Malik Casey Jr."]


def test_the_date_right_after_the_shooting_is_its_date() -> None:
    got = _extract(
        "Police said a 7-year-old boy remains in the hospital Monday after an accidental "
        "shooting on Sunday.",
        "2015-06-02",
    )
    date = got["date/asserted"][0]
    assert isinstance(date, dict) and date["value"] == "2015-05-31"


def test_wanted_and_accused_of_make_suspects() -> None:
    got = _extract(
        "A 5-year-old boy was shot and killed in Greensboro on Monday. Police are searching for "
        "Murad Weavers, 22, in connection with the shooting. Mikeal Carter is wanted in "
        "connection to the shooting."
    )
    roles = _roles(got)
    assert roles["Murad Weavers"][0] == "suspect"
    assert roles["Mikeal Carter"][0] == "suspect"


def test_the_dead_man_who_was_the_suspect_is_counted_once() -> None:
    got = _extract(
        "Officers heard a gunshot and found a man who had shot himself in the head, killing "
        "himself. Investigators believe the dead man was the suspect in the shooting."
    )
    assert got["killed/asserted"] == [1]


def test_a_possessive_read_as_an_object_is_not_another_casualty() -> None:
    got = _extract(
        "A teen accused of fatally shooting her older brother was back in court Thursday."
    )
    assert got["killed/asserted"] == [1]


def test_one_left_in_the_hospital_is_wounded() -> None:
    got = _extract(
        "Two men were arrested in connection with a shooting that left a 16-year-old boy in "
        "the hospital on Thursday."
    )
    assert got["injured/asserted"] == [1]


def test_treated_and_released_is_wounded() -> None:
    got = _extract(
        "A man was shot outside a bar on Elm Street on Friday. Three others were treated at the "
        "scene and released after suffering grazing wounds."
    )
    assert got["injured/asserted"] == [3]


def test_a_third_victim_means_three_were_shot() -> None:
    got = _extract(
        "A man was shot and killed on Elm Street in Gary on Friday night. A second man was "
        "wounded. A third shooting victim arrived at the hospital a short time later."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [2]
    got = _extract("Police now say an 8th teen was injured in the party shooting on Saturday.")
    assert got["injured/asserted"] == [8]


def test_a_status_word_in_a_groups_name_is_no_casualty() -> None:
    got = _extract(
        "Four people were shot at the end of an anti-violence event in Charlotte on Thursday. "
        "The Mothers of Murdered Offspring was wrapping up a candlelight vigil at the time."
    )
    assert "killed/asserted" not in got


def test_taken_to_hospital_where_one_was_pronounced_deceased() -> None:
    got = _extract(
        "Three people were killed in a shooting in Dallas on Sunday. Two other shooting victims "
        "were taken to nearby hospitals where one was pronounced deceased shortly after arrival."
    )
    # the sentence tells of a death at the hospital: it gives no count of the wounded
    assert "injured/asserted" not in got


def test_the_victim_who_died_is_counted_once() -> None:
    got = _extract(
        "Jesse Hale, 15, of Parma is the shooting victim who died Monday after being shot in "
        "the face by a relative, police said."
    )
    assert got["killed/asserted"] == [1]
    got = _extract(
        "Two men killed in the shooting were identified as Vincent Waine, 32, who was "
        "pronounced dead at the scene, and Dave Pitts, 18, who died at a hospital."
    )
    assert got["killed/asserted"] == [2]


def test_turning_the_gun_on_himself_is_a_shooters_death() -> None:
    got = _extract(
        "A student who fatally shot three people in Tustin last month before turning the gun on "
        "himself left a note, authorities said."
    )
    assert got["killed/asserted"] == [4]


def test_an_aged_name_in_the_lead_is_someone_the_report_is_about() -> None:
    got = _extract(
        "A man was found shot dead in an apartment in Dundalk on Saturday. Relatives said "
        "Dominic Boyle, 39, had just moved to the city."
    )
    assert _roles(got)["Dominic Boyle"][0] == "victim"


def test_identify_as_and_a_person_of_interest() -> None:
    got = _extract(
        "One person was killed in a shooting in Flint on Friday. Court documents identify the "
        "fatally wounded teen as Marcus Davis. Police have named Anton Greene as a person of "
        "interest in the shooting."
    )
    roles = _roles(got)
    assert roles["Marcus Davis"][0] == "victim"
    assert roles["Anton Greene"][0] == "suspect"


def test_an_aged_noun_shot_and_killed_is_one_dead_not_one_hurt() -> None:
    got = _extract(
        "The family of a 17-year-old shot and killed by a deputy has hired a lawyer. "
        "When he opened the door he was shot in the chest, the lawyer said."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got
    got = _extract("Deputies are looking into reports of a 6-year-old shot dead in Milltown.")
    assert got["killed/asserted"] == [1]


def test_passed_away_is_a_death() -> None:
    got = _extract(
        "A man accidentally shot himself in the stomach on Tuesday in Ridgeway. "
        "The man later passed away at Mercy Medical Center."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_a_lone_he_was_shot_is_no_injury_in_a_report_of_a_death() -> None:
    got = _extract(
        "The deputy fired once at the door of the trailer on Friday. He was hit in the chest, "
        "the sheriff said. A neighbour said she heard the fatal shot."
    )
    assert "injured/asserted" not in got
    got = _extract(
        "He tripped and shot himself in the leg, police in Erie said. "
        "A second man faces a charge of attempted homicide."
    )
    assert got["injured/asserted"] == [1]


def test_a_man_who_shot_himself_is_one_hurt() -> None:
    got = _extract(
        "A man who shot himself while running from police on Monday has a long criminal "
        "record, officers in Lorain said."
    )
    assert got["injured/asserted"] == [1]


def test_a_fatal_wound_is_a_death() -> None:
    got = _extract(
        "A 3-year-old sustained a fatal gunshot wound on Sunday in Jefferson after finding a "
        "handgun. Officers responded to a report of a wounded child."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_the_death_of_someone_named_by_a_noun() -> None:
    got = _extract("A man has been charged in the shooting death of a 2-year-old boy in Fairplay.")
    assert got["killed/asserted"] == [1]
    got = _extract("Officers charged Dan Moe with the attempted murder of a man on Elm Street.")
    assert "killed/asserted" not in got


def test_still_in_released_from_or_arrived_at_the_hospital_is_hurt() -> None:
    got = _extract(
        "Police said a 7-year-old boy remains in the hospital after a shooting on Sunday."
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "Deputies said the shooting in Elgin was an accident. The boy has been released from "
        "the hospital."
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "Police later learned that a man had arrived at Calais Regional Hospital with a "
        "gunshot wound."
    )
    assert got["injured/asserted"] == [1]


def test_left_with_injuries_is_hurt() -> None:
    got = _extract("The accident with a shotgun left a teenager with severe injuries to his face.")
    assert got["injured/asserted"] == [1]


def test_a_number_hung_on_a_possessor_counts_the_people() -> None:
    got = _extract("Two sheriff's deputies were wounded in a shootout in Hale on Friday.")
    assert got["injured/asserted"] == [2]


def test_a_hurt_suspect_is_counted_once() -> None:
    got = _extract(
        "Police said Tony Reed, 38, had arrived at Calais Regional Hospital with a gunshot "
        "wound. Reed was arrested on Monday and charged in the shooting."
    )
    assert got["injured/asserted"] == [1]


def test_a_lone_surname_the_recogniser_missed_is_one_hurt() -> None:
    got = _extract(
        "Deputies in Bradenton are looking into an accidental shooting on Thursday. "
        "Velarde suffered a minor hand injury."
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "LANSING, Mich (WLNX) – A 16-year-old boy is recovering at a local hospital after he "
        "accidentally shot himself."
    )
    assert got["injured/asserted"] == [1]


def test_the_capitals_of_a_dateline_are_no_one_hurt() -> None:
    got = _extract("DENVER (AP) – Four people were shot in downtown Denver early Sunday.")
    assert got["injured/asserted"] == [4]


def test_the_one_a_vigil_is_for_died_before_it() -> None:
    got = _extract(
        "Someone fired into the crowd at a candlelight vigil honoring a man killed last week in "
        "Brockton. Three people were wounded, police said."
    )
    assert "killed/asserted" not in got
    assert got["injured/asserted"] == [3]
    got = _extract(
        "Gunmen opened fire on a vigil held to remember a slain teenager, killing one man "
        "and wounding two other people in Akron."
    )
    assert got["killed/asserted"] == [1]


def test_one_dead_told_twice_in_a_sentence_is_one() -> None:
    got = _extract(
        "Police said Ann Bibb died after a gunman fired into the house in Landover, striking "
        "and killing the girl."
    )
    assert got["killed/asserted"] == [1]
    got = _extract("A 21-year-old man, and a 23-year-old man were killed in Racine on Friday.")
    assert got["killed/asserted"] == [2]
    got = _extract("A man was killed and a woman died later at a hospital in Racine on Friday.")
    assert got["killed/asserted"] == [2]


def test_the_death_or_loss_of_an_aged_noun_is_a_death() -> None:
    got = _extract(
        "Neighbors rallied in Flint on Sunday after the accidental shooting death of a "
        "12-year-old over the weekend."
    )
    assert got["killed/asserted"] == [1]
    got = _extract(
        "A family in Bay Point is mourning the loss of their 18-year-old son in a shooting."
    )
    assert got["killed/asserted"] == [1]
    got = _extract(
        "A crowd gathered on Sunday to mourn the death of a teenager killed in Harvey. "
        "Two women were wounded when shots rang out, police said."
    )
    assert "killed/asserted" not in got
    assert got["injured/asserted"] == [2]


def test_one_hurt_told_twice_in_a_sentence_is_one() -> None:
    got = _extract(
        "Police say a man shot his 10-year-old brother in the head in Decatur and lied about it, "
        "claiming the child shot himself."
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "Police say the uncle was shot in the hand in Atlanta, while the child was shot in the "
        "chest."
    )
    assert got["injured/asserted"] == [2]
    got = _extract(
        "Rita Ames was shot in the wrist in Austin, and a 40-year-old woman was also wounded."
    )
    assert got["injured/asserted"] == [2]


def test_one_of_three_people_shot_who_died_is_one_dead() -> None:
    got = _extract(
        "A 15-year-old girl, one of three people hit by gunfire in Tampa Friday night has died, "
        "Tampa police announced Saturday."
    )
    assert got["killed/asserted"] == [1]


def test_shot_along_with_others_are_the_wounded() -> None:
    got = _extract(
        "A 17-year-old boy was killed on Monday night in Mayfair. Police said he was shot along "
        "with a 16-year-old boy and a 21-year-old man."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [2]


def test_found_suffering_from_gunshot_wounds_is_shot() -> None:
    got = _extract(
        "Deputies found two women inside the home in Tifton, suffering from gunshot wounds."
    )
    assert got["injured/asserted"] == [2]


def test_neither_nor_is_no_one_hurt() -> None:
    got = _extract(
        "A man accidentally shot himself in a car on I-85 near Lake Gaston. He died at the "
        "scene. Neither the driver or the other passenger was injured."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_the_two_are_the_people_named_before() -> None:
    got = _extract(
        "Dejon Price has been a person of interest in the murder of Hattie Kell and her "
        "roommate's son Kade Lumm since the two were shot to death in Bremerton in March."
    )
    assert got["killed/asserted"] == [2]
    got = _extract(
        "The two men killed in Rockford on Tuesday have been identified, and a woman was "
        "killed too."
    )
    assert got["killed/asserted"] == [3]


def test_the_one_shot_is_the_he_who_died_in_the_same_sentence() -> None:
    got = _extract(
        "Eddie Brant was shot in the chest and back in Lawndale and was taken to Mercy "
        "Hospital, where he was pronounced dead."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got
    got = _extract(
        "A teen was shot in Detroit on Friday. The teen was rushed to the hospital where he "
        "passed away over the weekend."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_doctors_not_able_to_save_her_is_a_death() -> None:
    got = _extract(
        "A bullet struck the girl in the chest at a home in Newton. She was taken to the "
        "hospital, but doctors were not able to save her."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_taken_to_hospital_for_observation_is_not_hurt() -> None:
    got = _extract(
        "A man was shot dead by officers in Queens on Friday. One officer was taken to Jamaica "
        "Hospital for observation, police said."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_the_hurt_including_one_who_died_are_the_rest() -> None:
    got = _extract(
        "Three people were injured in Reno, including a 17-year-old girl who succumbed to her "
        "injuries."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [2]
    got = _extract(
        "Police are looking for a man who shot four others, including one who died, in an "
        "apartment in East Pittsburgh."
    )
    assert got["killed/asserted"] == [1]
    assert got["injured/asserted"] == [3]


def test_the_dead_including_the_gunman_count_him_once() -> None:
    got = _extract(
        "Three people are dead, including the gunman, after a shooting at a theater in "
        "Lafayette. Police said the gunman killed himself."
    )
    assert got["killed/asserted"] == [3]


def test_the_dead_found_in_a_murder_suicide_include_the_killer() -> None:
    got = _extract(
        "Four people were found shot to death in a home in Preston on Sunday. Police said the "
        "gunman killed himself. Police are treating the deaths as a murder-suicide."
    )
    assert got["killed/asserted"] == [4]
    got = _extract(
        "Four victims were found shot to death in a home in Preston on Sunday. Police said the "
        "gunman killed himself. Police are treating the deaths as a murder-suicide."
    )
    assert got["killed/asserted"] == [5]


def test_both_victims_are_two() -> None:
    got = _extract(
        "Shots were fired at a car on Elm Street in Reno on Friday. Both victims were taken "
        "to the hospital."
    )
    assert got["injured/asserted"] == [2]


def test_numbers_that_count_no_people() -> None:
    got = _extract(
        "A man was shot at a pawn shop in Dayton on Friday. The buyer shot down the $200 "
        "asking price and shot him with the gun, the man said."
    )
    assert got["injured/asserted"] == [1]
    got = _extract(
        "Three men were shot on Elm Street in Gary on Friday. Eric Wade, 26, and Larry Watts "
        "Jr. 27, were also injured."
    )
    assert got["injured/asserted"] == [3]


def test_last_years_city_figure_is_a_roundup() -> None:
    got = _extract(
        "A man was shot in the leg on Elm Street in Chicago on Monday. He said that last year "
        "in Chicago, 4,100 people were shot."
    )
    assert got["injured/asserted"] == [1]


def test_listed_people_the_parser_hung_oddly_are_counted() -> None:
    got = _extract(
        "Shots were fired outside a club in Norfolk overnight. Three adults and 2 juveniles "
        "ages 14 and 15 were taken to the hospital."
    )
    assert got["injured/asserted"] == [5]


def test_both_after_the_two_is_the_same_two() -> None:
    got = _extract(
        "The two students who were shot at a school in Fontana were taken to a trauma center; "
        "both were listed in critical condition."
    )
    assert got["injured/asserted"] == [2]


def test_hurt_in_a_crash_is_no_gunshot_casualty() -> None:
    got = _extract(
        "A teenager was killed on Elm Street in Memphis on Friday. A suspect in a drunk-driving "
        "crash that sent a police officer to the hospital in critical condition faces a judge."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_counts_the_parser_hung_on_a_dateline_or_ages() -> None:
    got = _extract("KILLEEN, Texas - Four people are dead after a shooting on Hill Road.")
    assert got["killed/asserted"] == [4]
    got = _extract(
        "Shawn Fulton, 31, shot and killed his sons, ages 3 and 4, in Tulsa on Saturday."
    )
    assert got["killed/asserted"] == [2]


def test_a_series_of_shootings_is_a_roundup() -> None:
    got = _extract(
        "A man was shot dead on Elm Street in Milwaukee on Saturday. Five men are dead after "
        "a series of shootings in the city."
    )
    assert got["killed/asserted"] == [1]


def test_a_headline_run_into_its_report_is_counted_once() -> None:
    got = _extract(
        "Four people wounded after drag race shooting Four people are shot in a Detroit "
        "neighborhood at Grand River, police said."
    )
    assert got["injured/asserted"] == [4]


def test_two_named_dead_of_one_surname_in_two_spellings_are_one() -> None:
    got = _extract(
        "On February 25, Cartrail Robins, 13, was shot dead on Hillcrest Street in Memphis. "
        "It has been two weeks since 13-year-old Cartrial Robins was shot dead by his friend."
    )
    assert got["killed/asserted"] == [1]


def test_a_named_speaker_is_no_one_dead() -> None:
    from eventdesk.extract.context import SentInfo
    from eventdesk.extract.extractor import Person, _only_speaker

    said = "Pawlick said the woman took Brazer to the hospital, where he was pronounced dead."
    s = SentInfo(4, 0, len(said), said, 1, True, False, "asserted", None, False)
    assert _only_speaker(Person("pawlick", "Tom Pawlick", evidence=[(s, 0, 7)]))
    dead = "Tom Pawlick, 40, was pronounced dead at the scene."
    s2 = SentInfo(5, 0, len(dead), dead, 1, True, False, "asserted", None, False)
    assert not _only_speaker(Person("pawlick", "Tom Pawlick", evidence=[(s, 0, 7), (s2, 0, 11)]))


def test_a_reduced_relative_tagged_past_tense_is_one_shot() -> None:
    got = _extract(
        "Deputies responded to a report of a boy shot in the head with a BB gun in Salem."
    )
    assert got["injured/asserted"] == [1]


def test_also_found_suffering_from_gunshot_wounds_are_besides_the_dead() -> None:
    got = _extract(
        "Deputies found two people dead inside a home on Briar Court in Tifton on Saturday. "
        "Deputies also found two women inside the home, suffering from apparent gunshot wounds."
    )
    assert got["killed/asserted"] == [2]
    assert got["injured/asserted"] == [2]


def test_in_a_report_of_a_stabbing_the_stabbed_count() -> None:
    got = _extract(
        "A man armed with a knife injured three people at a tram stop in Lyon on Thursday "
        "morning, the prefecture said. Two of the victims were seriously hurt."
    )
    assert got["injured/asserted"] == [3]


def test_the_case_just_told_of_is_another_incident() -> None:
    got = _extract(
        "A 19-year-old man was shot in the arm on Elm Street on Friday, police said. "
        "The shooting came weeks after a backyard robbery nearby.\n"
        "In that case, a 15-year-old was killed and a 14-year-old injured."
    )
    assert got["injured/asserted"] == [1]
    assert "killed/asserted" not in got


def test_deaths_of_other_stories_are_not_counted() -> None:
    got = _extract(
        "A man was shot in the leg on Elm Street on Friday, police said.\n"
        "His brother Porraz was killed in a high-speed motorcycle accident.\n"
        "1993: Dr. David Gunn is shot to death outside a Pensacola, Florida, abortion clinic."
    )
    assert got["injured/asserted"] == [1]
    assert "killed/asserted" not in got


def test_brain_dead_is_alive() -> None:
    got = _extract(
        "Mother of teen who accidentally shot himself in head says son is now brain dead.\n"
        "The 15-year-old shot himself on Friday, police said."
    )
    assert "killed/asserted" not in got
    assert got["injured/asserted"] == [1]


def test_a_year_is_no_count_of_people() -> None:
    got = _extract(
        "2013 Santa Monica shooting\nSix people were killed, including the suspect, and four "
        "people were injured in the incident."
    )
    assert got["injured/asserted"] == [4]


def test_a_title_case_headline_event_is_no_one_killed() -> None:
    got = _extract(
        "Mass Shooting – Killed – Carlton Lewis (Kansas City, MO)\n"
        "A gunman on foot opened fire, killing Carlton Lewis and critically wounding another man."
    )
    assert got["killed/asserted"] == [1]


def test_a_county_the_tagger_calls_a_person_is_no_one_killed() -> None:
    got = _extract(
        "Lilburn man, 20, killed in Gwinnett shootout\n"
        "Tre Edwards of Lilburn was killed in the shootings on Wednesday night, police said."
    )
    assert got["killed/asserted"] == [1]


def test_a_span_of_days_is_a_roundup() -> None:
    got = _extract(
        "A man was shot in the arm on Elm Street on Tuesday, police said.\n"
        "The man was among 11 people shot, one fatally, from Tuesday afternoon to early "
        "Wednesday, police said."
    )
    assert got["injured/asserted"] == [1]
    assert "killed/asserted" not in got


def test_a_dated_earlier_shooting_named_in_passing_is_not_counted() -> None:
    # "the July 19, 2012, … shooting that left …": the date belongs to that other shooting
    got = _extract(
        "A gunman wounded nine people in a Lafayette movie theater on Thursday. The shooting "
        "happened days after the conviction of James Holmes in the July 19, 2012, Aurora, "
        "Colorado, theater shooting that left 12 people dead and 70 people wounded.",
        "2015-07-25",
    )
    assert got["injured/asserted"] == [9]


def test_a_count_broken_down_after_a_comma_is_counted_once() -> None:
    got = _extract(
        "Four people, three females and one male, were taken to a hospital with gunshot wounds."
    )
    assert got["injured/asserted"] == [4]
    # a plain list adds up
    got = _extract("Two men, one woman and a child were shot on Elm Street.")
    assert got["injured/asserted"] == [4]


def test_ages_and_store_names_are_no_counts() -> None:
    got = _extract("A fight broke out and two men, ages 20-27 were shot.")
    assert got.get("injured/asserted", [None])[0] != 20
    got = _extract("A man was shot at a 7-Eleven. Police said he was hit in the arm.")
    assert got["injured/asserted"] == [1]


def test_a_refused_bond_denies_no_fact() -> None:
    got = _extract(
        "Bond was denied Tuesday for a Norfolk father who faces two felony charges after his "
        "son was shot in the leg."
    )
    assert got["injured/asserted"] == [1]


def test_a_shooting_dated_weeks_before_this_one_is_not_counted() -> None:
    got = _extract(
        "Kaylee Reyes, 3, was wounded when her father's gun went off on Saturday, police said. "
        "Kaylee was in serious condition on Sunday. On March 6, Marquise Hudson, 2, was wounded "
        "in an apparent gang-related drive-by at a home not far from the scene of Saturday's "
        "incident.",
        "2016-05-09",
    )
    assert got["injured/asserted"] == [1]


def test_a_reduced_relative_shot_and_killed_counts_the_dead() -> None:
    got = _extract(
        "The DA says one of the three men shot and killed last week was an associate of the "
        "three suspects."
    )
    assert got.get("killed/asserted") == [3] and not got.get("injured/asserted")


def test_a_week_s_toll_is_no_count_of_this_shooting() -> None:
    got = _extract(
        "A 5-year-old boy was shot and killed in Madisonville on Saturday. \u201cWe've had two "
        "children hurt and killed by gun violence in one week,\u201d Sheets said."
    )
    assert got["killed/asserted"] == [1] and not got.get("injured/asserted")


def test_the_one_person_named_hurt_is_the_unnamed_dead() -> None:
    text = (
        "4-year-old dies from gunshot wound\n"
        "The 4-year-old girl who was shot inside a home on Algonquin Parkway has died from her "
        "injuries, police said. Ilanye Price was taken to Kosair Children's Hospital Friday "
        "night after suffering serious injury from a gunshot wound to the head."
    )
    got = _extract(text)
    assert got["killed/asserted"] == [1] and not got.get("injured/asserted")
    people = [p for p in got["participant/asserted"] if isinstance(p, dict)]
    assert {p["status"] for p in people if p["name"] == "Ilanye Price"} == {"killed"}


def test_a_named_survivor_of_a_report_of_one_death_is_still_hurt() -> None:
    got = _extract(
        "A 30-year-old man died after a shooting on Elm Street on Friday, police said. "
        "Darnell Price was also shot and taken to the hospital in serious condition."
    )
    assert got["killed/asserted"] == [1] and got["injured/asserted"] == [1]


def test_a_named_hurt_person_of_another_sex_is_not_the_dead() -> None:
    got = _extract(
        "A 17-year-old boy died after a shooting on Elm Street on Friday, police said. "
        "Keisha Price, 35, was taken to the hospital in serious condition."
    )
    assert got["killed/asserted"] == [1] and got["injured/asserted"] == [1]


def test_two_people_of_one_noun_in_two_clauses_are_two() -> None:
    got = _extract(
        "A female described as being in her early 20's was shot in the leg and a 5-year-old "
        "female was shot in the shoulder."
    )
    assert got["injured/asserted"] == [2]


def test_also_after_the_verb_is_about_the_place_not_another_person() -> None:
    got = _extract(
        "Authorities are investigating the shooting death of a 15-year-old boy.\n\n"
        "Tommy Thomas, of central Toledo, was shot about 8:50 p.m. in the 1000 block of "
        "Woodland Avenue, also in central Toledo, the coroner said.\n\n"
        "The youth was taken to a hospital where he was pronounced dead."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got
    # "was also shot" still tells of someone besides the dead
    got = _extract(
        "A 15-year-old boy was shot and killed on Woodland Avenue on Friday. His cousin was "
        "also shot, police said."
    )
    assert got["killed/asserted"] == [1] and got["injured/asserted"] == [1]


def test_a_death_told_only_by_a_name_makes_the_one_shot_the_dead() -> None:
    got = _extract(
        "Leonard Temple, 19, was charged with reckless homicide after the Jan. 13 shooting "
        "death of Dominique Alexander, 14, at his residence.\n\n"
        "Police said he mishandled the loaded firearm and unintentionally shot his friend in "
        "the chest."
    )
    assert got["killed/asserted"] == [1]
    assert "injured/asserted" not in got


def test_a_dozen_is_twelve() -> None:
    got = _extract(
        "FRESNO (AP) — A motorcycle club's annual dance turned into a gun battle that spilled "
        "into the streets, leaving one dead and a dozen others wounded, authorities said."
    )
    assert got["killed/asserted"] == [1] and got["injured/asserted"] == [12]


def test_a_headline_the_site_cut_short_still_counts() -> None:
    got = _extract("Police say shootings that injured 5 men in SW Atlanta are...")
    assert got["injured/asserted"] == [5]
    # a teaser line of another story further down is no part of the report
    got = _extract(
        "Two men were wounded in a shooting on Elm Street on Friday, police said.\n\n"
        "Three killed in crash on Interstate 85 as truck hits...\n"
    )
    assert got["injured/asserted"] == [2] and "killed/asserted" not in got


def test_left_with_its_status_hung_beside_the_object_counts() -> None:
    got = _extract(
        "Police are investigating a shooting in the Bronx that left four men injured early "
        "Sunday morning."
    )
    assert got["injured/asserted"] == [4]


def test_a_figure_police_first_gave_and_then_amended_is_retracted() -> None:
    got = _extract(
        "Police are investigating a Friday night shooting that left four people injured.\n\n"
        "Police had originally said that seven people were shot, but amended that number "
        "shortly before midnight to four."
    )
    assert got["injured/asserted"] == [4]
    assert got["injured/retracted"] == [7]


def test_spectators_and_hunters_are_people() -> None:
    got = _extract("4 spectators injured in shooting at illegal drag race on the west side")
    assert got["injured/asserted"] == [4]
    got = _extract("A hunter was shot in the leg by his son on Saturday, deputies said.")
    assert got["injured/asserted"] == [1]


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # the condition is the four-year-old's, not the arrested suspect's
        (
            "Four-year-old in stable condition after suffering gunshot wound, suspect arrested\n"
            "A four-year-old girl was at home with her parents when a gun went off and a "
            "bullet hit her.",
            [1],
        ),
        # one who shot himself by accident is the one hurt, not a shooter hurt besides
        (
            "The man told police that the gun he sleeps with accidentally fired. It shot him "
            "in his left hand when it discharged. The accidental shooter was transported to "
            "Vanderbilt Medical Center with non life threatening injuries.",
            [1],
        ),
    ],
)
def test_one_person_hurt_is_counted_once(text: str, injured: list[int]) -> None:
    assert _extract(text)["injured/asserted"] == injured


def test_this_one_hurt_is_a_feeling_not_a_casualty() -> None:
    got = _extract(
        "Police this morning said the girl had died. Her uncle spoke at the vigil. "
        '"This one hurt, a lot. She was two."'
    )
    assert "injured/asserted" not in got


def test_a_shooting_days_before_an_arrest_is_this_one() -> None:
    # "months after" tells of an earlier event; "one day after" of this one, shot the day before
    got = _extract(
        "Marlon Hackett Jr, 19, was issued an arrest warrant on Saturday afternoon, police "
        "confirm, one day after 5-year-old Ramon D. Burnett was shot and killed during a "
        "drive-by shooting in Cleveland.",
        "2015-09-04",
    )
    assert got["killed/asserted"] == [1]
    names = {p["name"]: p["role"] for p in got["participant/asserted"] if isinstance(p, dict)}
    assert names.get("Ramon D. Burnett") == "victim"


def test_one_of_those_shot_who_died_splits_the_count() -> None:
    got = _extract(
        "JUST IN: One of two men shot late Monday in Belle Glade dies\n"
        "Deputies responded to a call about a shooting on Main Street."
    )
    assert (got["killed/asserted"], got["injured/asserted"]) == ([1], [1])
