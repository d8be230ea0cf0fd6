"""Reconcile rules on hand-built reports (no NLP involved): each rule in the module docstring."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from eventdesk.model import Evidence, Fact
from eventdesk.reconcile import Report, reconcile


def make_report(
    aid: str,
    seq: int,
    sentences: list[str],
    published: str | None = None,
    source: str | None = None,
) -> Report:
    text = "\n".join(sentences)
    return Report(
        article_id=aid,
        seq=seq,
        text=text,
        facts=[],
        published=datetime.fromisoformat(published) if published else None,
        source=source or aid,
        key_sentences=[],
    )


def span(r: Report, phrase: str) -> Evidence:
    start = r.text.index(phrase)
    return Evidence(r.article_id, start, start + len(phrase), phrase)


def add(
    r: Report,
    field: str,
    value: Any,
    phrase: str,
    modality: str = "asserted",
    qualifier: str | None = None,
    key: bool = True,
) -> None:
    ev = span(r, phrase)
    r.facts.append(Fact(field, value, [ev], modality=modality, qualifier=qualifier))  # type: ignore[arg-type]
    if key and modality == "asserted":
        r.key_sentences.append((len(r.key_sentences), ev.start, ev.end, 0.9))


def person(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": None,
        "role": "victim",
        "status": "unknown",
        "age": None,
        "gender": None,
        "description": None,
    }
    base.update(kw)
    return base


def montrouge() -> list[Report]:
    a = make_report(
        "000",
        1,
        [
            "The man opened fire with a machine gun, leaving two officers injured near the station.",
            "Those wounded were a woman traffic officer from Montrouge, and a male colleague.",
            "He confirmed a shooter did escape the scene.",
        ],
    )
    add(
        a,
        "injured",
        2,
        "The man opened fire with a machine gun, leaving two officers injured near the station.",
    )
    add(
        a,
        "participant",
        person(
            role="victim", status="injured", gender="female", description="woman traffic officer"
        ),
        "Those wounded were a woman traffic officer from Montrouge, and a male colleague.",
    )
    add(
        a,
        "participant",
        person(role="victim", status="injured", gender="male", description="male colleague"),
        "Those wounded were a woman traffic officer from Montrouge, and a male colleague.",
        key=False,
    )
    add(
        a,
        "participant",
        person(role="perpetrator", status="at large", gender="male", description="shooter"),
        "He confirmed a shooter did escape the scene.",
    )
    b = make_report(
        "001",
        2,
        [
            "A policewoman shot near Paris has died after a second attack on police.",
            "Witnesses said the shooter fled in a Renault Clio car.",
        ],
    )
    add(b, "killed", 1, "A policewoman shot near Paris has died after a second attack on police.")
    add(
        b,
        "participant",
        person(role="victim", status="killed", gender="female", description="policewoman"),
        "A policewoman shot near Paris has died after a second attack on police.",
    )
    add(
        b,
        "participant",
        person(role="perpetrator", status="at large", gender="male", description="shooter"),
        "Witnesses said the shooter fled in a Renault Clio car.",
    )
    return [a, b]


def test_injured_person_who_dies_moves_from_injured_to_killed() -> None:
    inc = reconcile("i1", montrouge())
    assert inc.killed["value"] == 1
    assert inc.injured["value"] == 1
    alts = inc.injured["alternatives"]
    assert [(x["value"], x["status"]) for x in alts] == [(2, "superseded")]
    assert "two officers injured" in alts[0]["evidence"][0]["quote"]
    victims = [p for p in inc.participants if p["role"] == "victim"]
    assert len(victims) == 2  # the policewoman is one person across both reports
    woman = next(p for p in victims if p["gender"] == "female")
    assert woman["status"] == "killed"
    assert woman["alternatives"][0]["value"] == "injured"
    gunmen = [p for p in inc.participants if p["role"] == "perpetrator"]
    assert len(gunmen) == 1 and gunmen[0]["status"] == "at large"


def test_timeline_in_ingest_order_when_no_dates() -> None:
    inc = reconcile("i1", montrouge())
    assert {t["order"] for t in inc.timeline} == {"ingest"}
    changes = [(t["article"], t["change"]) for t in inc.timeline]
    assert changes[0] == ("000", "first report")
    assert any(a == "001" and "injured 2 -> 1" in c for a, c in changes)
    assert any(a == "001" and c.startswith("killed") for a, c in changes)


def test_summary_never_uses_superseded_or_retracted_spans() -> None:
    inc = reconcile("i1", montrouge())
    assert "two officers injured" not in inc.summary
    assert "policewoman" in inc.summary
    for c in inc.summary_citations:
        assert inc.summary[c["start"] : c["end"]] == " ".join(c["evidence"][0]["quote"].split())


def test_retraction_and_denial() -> None:
    r = make_report(
        "002",
        1,
        [
            "One French police officer and a gunman have been shot dead.",
            "Earlier reports that a second officer had been killed are incorrect.",
            "A second incident involving gun fire had taken place but this has been denied by the ministry.",
            "Another police officer has been wounded.",
        ],
    )
    add(r, "killed", 2, "One French police officer and a gunman have been shot dead.")
    add(
        r,
        "killed",
        3,
        "Earlier reports that a second officer had been killed are incorrect.",
        modality="retracted",
    )
    add(
        r,
        "report",
        "a second incident involving gun fire had taken place",
        "A second incident involving gun fire had taken place but this has been denied by the ministry.",
        modality="denied",
    )
    add(r, "injured", 1, "Another police officer has been wounded.")
    inc = reconcile("i2", [r])
    assert inc.killed["value"] == 2
    assert [(a["value"], a["status"]) for a in inc.killed["alternatives"]] == [(3, "retracted")]
    assert inc.corrections[0]["status"] == "denied"
    assert "incorrect" not in inc.summary and "denied" not in inc.summary


def test_later_counts_supersede_and_larger_earlier_is_disputed() -> None:
    a = make_report("a", 1, ["Two people were killed."], "2020-01-01T10:00")
    b = make_report("b", 2, ["Three people were killed."], "2020-01-01T12:00")
    c = make_report("c", 3, ["One person was killed."], "2020-01-01T09:00")
    add(a, "killed", 2, "Two people were killed.")
    add(b, "killed", 3, "Three people were killed.")
    add(c, "killed", 1, "One person was killed.")
    inc = reconcile("i3", [b, a, c])  # order given does not matter: publication time does
    assert inc.killed["value"] == 3
    assert {(x["value"], x["status"]) for x in inc.killed["alternatives"]} == {
        (1, "superseded"),
        (2, "superseded"),
    }
    assert inc.articles == ["c", "a", "b"]
    assert {t["order"] for t in inc.timeline} == {"published"}

    d = make_report("d", 4, ["Officials now say two people died."], "2020-01-02T09:00")
    add(d, "killed", 2, "Officials now say two people died.")
    inc = reconcile("i3", [a, b, c, d])
    assert inc.killed["value"] == 2
    assert (3, "disputed") in {(x["value"], x["status"]) for x in inc.killed["alternatives"]}


def test_at_least_agrees_with_exact_count() -> None:
    a = make_report("a", 1, ["Four people were killed."])
    b = make_report("b", 2, ["At least three people died."])
    add(a, "killed", 4, "Four people were killed.")
    add(b, "killed", 3, "At least three people died.", qualifier="at least")
    inc = reconcile("i4", [a, b])
    assert inc.killed["value"] == 4
    assert inc.killed["alternatives"] == []

    c = make_report("c", 3, ["At least five people died."])
    add(c, "killed", 5, "At least five people died.", qualifier="at least")
    inc = reconcile("i4", [a, b, c])
    assert inc.killed["value"] == 5 and inc.killed["qualifier"] == "at least"


def test_related_incident_values_never_count() -> None:
    r = make_report(
        "x", 1, ["A man was shot dead.", "Yesterday 12 people were killed at the magazine."]
    )
    add(r, "killed", 1, "A man was shot dead.")
    add(r, "killed", 12, "Yesterday 12 people were killed at the magazine.", modality="related")
    inc = reconcile("i5", [r])
    assert inc.killed["value"] == 1 and inc.killed["alternatives"] == []
    assert "magazine" not in inc.summary


def test_place_vote_and_title() -> None:
    a = make_report("a", 1, ["Shots in Montrouge."], source="bbc")
    b = make_report("b", 2, ["Shots near Paris in Montrouge."], source="reuters")
    mont = {
        "name": "Montrouge",
        "admin1": "Île-de-France",
        "country": "FR",
        "lat": 48.8,
        "lon": 2.3,
        "precision": "city",
        "detail": None,
    }
    paris = {
        "name": "Paris",
        "admin1": "Île-de-France",
        "country": "FR",
        "lat": 48.85,
        "lon": 2.35,
        "precision": "city",
        "detail": None,
    }
    add(a, "location", mont, "Shots in Montrouge.")
    add(b, "location", mont, "Shots near Paris in Montrouge.")
    add(b, "location", paris, "Shots near Paris in Montrouge.")
    add(a, "event_type", "armed_assault", "Shots in Montrouge.")
    add(a, "killed", 1, "Shots in Montrouge.")
    inc = reconcile("i6", [a, b])
    assert inc.location["name"] == "Montrouge"
    assert inc.title == "Shooting in Montrouge, France: 1 killed"
    assert inc.location["alternatives"] == []  # Paris is next door: not a disagreement

    c = make_report("c", 3, ["Shots in Lyon."], source="afp")
    lyon = {
        "name": "Lyon",
        "admin1": "Auvergne-Rhône-Alpes",
        "country": "FR",
        "lat": 45.76,
        "lon": 4.83,
        "precision": "city",
        "detail": None,
    }
    add(c, "location", lyon, "Shots in Lyon.")
    inc = reconcile("i6", [a, b, c])
    assert inc.location["name"] == "Montrouge"
    assert [(x["value"]["name"], x["status"]) for x in inc.location["alternatives"]] == [
        ("Lyon", "disputed")
    ]


def test_near_copy_updates_but_is_not_a_second_source() -> None:
    a = make_report(
        "orig", 1, ["One man was killed in the shooting."], "2020-05-01T08:00", source="wire"
    )
    b = make_report(
        "copy", 2, ["Two men were killed in the shooting."], "2020-05-01T12:00", source="paper"
    )
    b.copy_of = "orig"
    add(a, "killed", 1, "One man was killed in the shooting.")
    add(b, "killed", 2, "Two men were killed in the shooting.")
    inc = reconcile("i7", [a, b])
    assert inc.articles == ["orig"]  # the copy is not a report of its own
    assert inc.killed["value"] == 2  # but its newer figure counts
    assert inc.killed["sources"] == 1


def test_named_and_unnamed_mentions_match_on_age() -> None:
    a = make_report(
        "a", 1, ["A 29-year-old woman and a 41-year-old man were wounded."], "2024-03-09T07:00"
    )
    b = make_report("b", 2, ["Tanya Brooks, 29, died on Saturday."], "2024-03-10T16:00")
    add(a, "injured", 2, "A 29-year-old woman and a 41-year-old man were wounded.")
    add(
        a,
        "participant",
        person(status="injured", gender="female", age=29, description="29-year-old woman"),
        "A 29-year-old woman and a 41-year-old man were wounded.",
    )
    add(
        a,
        "participant",
        person(status="injured", gender="male", age=41, description="41-year-old man"),
        "A 29-year-old woman and a 41-year-old man were wounded.",
        key=False,
    )
    add(
        b,
        "participant",
        person(name="Tanya Brooks", status="killed", age=29),
        "Tanya Brooks, 29, died on Saturday.",
    )
    inc = reconcile("i8", [a, b])
    assert inc.injured["value"] == 1 and "later died" in inc.injured["derivation"]
    tanya = next(p for p in inc.participants if p["name"] == "Tanya Brooks")
    assert tanya["status"] == "killed" and tanya["gender"] == "female"


def one_against_two(first: tuple[str, str, str], later: tuple[str, str, str]) -> list[Report]:
    """A report and two later ones that date the incident otherwise; each is given as
    (sentence, published, date), the date's surface being the sentence's last two words."""
    out = []
    for i, (x, (sentence, published, value)) in enumerate(
        zip("abc", (first, later, later), strict=True), start=1
    ):
        r = make_report(x, i, [sentence], published)
        surface = " ".join(sentence.rstrip(".").split()[-2:])
        add(r, "date", {"value": value, "precision": "day", "time": None}, surface)
        out.append(r)
    return out


def test_a_date_after_the_first_report_belongs_to_another_event() -> None:
    reports = one_against_two(
        ("The girl was shot on Wednesday.", "2014-08-01", "2014-07-30"),
        ("The couple entered the plea Wednesday.", "2015-04-30", "2015-04-29"),
    )
    inc = reconcile("i3", reports)
    # two reports against one, but the plea came months after the first report of the shooting
    assert inc.date is not None and inc.date["value"] == "2014-07-30"
    assert inc.date["basis"] == "text"
    assert [a["value"] for a in inc.date["alternatives"]] == ["2015-04-29"]


def test_a_date_a_day_after_the_first_report_may_still_be_the_incident_s() -> None:
    # a report's date is often a day off (time zones, an archive's stamp): the two reports that
    # date the shooting a day after it still outweigh the one
    first = ("He was shot early Friday.", "2017-03-09", "2017-03-03")
    inc = reconcile(
        "i9", one_against_two(first, ("Four were shot early Friday.", "2017-03-10", "2017-03-10"))
    )
    assert inc.date is not None and inc.date["value"] == "2017-03-10"
    # two days after is another event's
    inc = reconcile(
        "i10", one_against_two(first, ("Four were shot early Friday.", "2017-03-10", "2017-03-11"))
    )
    assert inc.date is not None and inc.date["value"] == "2017-03-03"


def test_a_date_the_text_gives_beats_a_publication_date() -> None:
    a = make_report("a", 1, ["A man was shot."], "2016-05-02")
    a.facts.append(
        Fact("date", {"value": "2016-05-02", "precision": "day", "basis": "publication"}, [])
    )
    b = make_report("b", 2, ["A man was shot Sunday night."], "2016-05-03")
    add(b, "date", {"value": "2016-05-01", "precision": "day", "time": None}, "Sunday night")
    inc = reconcile("i4", [a, b])
    assert inc.date is not None and (inc.date["value"], inc.date["basis"]) == ("2016-05-01", "text")
    only = reconcile("i5", [a])
    assert only.date is not None and only.date["basis"] == "publication"


def test_a_place_the_text_names_beats_the_outlets_home() -> None:
    a = make_report("a", 1, ["A man was shot on the South Side."], "2016-05-03")
    outlet = {
        "name": "Chicago",
        "admin1": "Illinois",
        "country": "US",
        "lat": 41.85,
        "lon": -87.65,
        "precision": "city",
        "detail": None,
        "basis": "outlet",
    }
    a.facts.append(Fact("location", outlet, [], confidence=0.15))
    b = make_report("b", 2, ["The man was shot in Evanston."], "2016-05-03")
    add(
        b,
        "location",
        {
            "name": "Evanston",
            "admin1": "Illinois",
            "country": "US",
            "lat": 42.04,
            "lon": -87.69,
            "precision": "city",
            "detail": None,
        },
        "in Evanston",
    )
    inc = reconcile("i6", [a, b])
    assert (inc.location["name"], inc.location["basis"]) == ("Evanston", "text")
    only = reconcile("i7", [a])
    assert (only.location["name"], only.location["basis"]) == ("Chicago", "outlet")


def _city(name: str) -> dict[str, Any]:
    return {"name": name, "admin1": "Mississippi", "country": "US", "precision": "city"}


def test_of_two_places_alike_the_one_both_texts_name_wins() -> None:
    # the first report places it in Jackson (where the other shooting was); both name Vicksburg
    a = make_report(
        "a",
        1,
        ["Four men were shot outside Vicksburg and two in a robbery in Jackson."],
        "2016-08-07",
    )
    add(a, "location", _city("Jackson"), "in Jackson")
    b = make_report("b", 2, ["Four men were shot at a Vicksburg gas station."], "2016-08-07")
    add(b, "location", _city("Vicksburg"), "Vicksburg gas station")
    assert reconcile("i8", [a, b]).location["name"] == "Vicksburg"
    # no text names the other place: the first report's stands
    c = make_report("c", 2, ["Four men were shot at a gas station."], "2016-08-07")
    add(c, "location", _city("Vicksburg"), "at a gas station")
    assert reconcile("i9", [a, c]).location["name"] == "Jackson"


def test_a_place_told_as_where_it_happened_beats_a_dateline() -> None:
    # a syndicated story filed from the capital, and the local report of the shooting itself
    a = make_report(
        "a",
        1,
        ["INDIANAPOLIS (PIX11) - A 9-month-old baby died Thursday after he was shot by accident."],
        "2016-01-22",
    )
    add(a, "location", _city("Indianapolis"), "INDIANAPOLIS (PIX11) - A 9-month-old baby died")
    b = make_report(
        "b",
        2,
        ["A 9-month-old was injured in a double shooting in Kokomo Wednesday."],
        "2016-01-21",
    )
    add(b, "location", _city("Kokomo"), "injured in a double shooting in Kokomo")
    assert reconcile("i10", [a, b]).location["name"] == "Kokomo"
    # neither a dateline nor the town of the hospital is told as where it happened
    from eventdesk.reconcile.account import _stated_where

    c = make_report(
        "c", 2, ["The boy was shot and taken to Methodist Hospital in Kokomo."], "2016-01-21"
    )
    add(c, "location", _city("Kokomo"), "shot and taken to Methodist Hospital in Kokomo")
    assert [_stated_where([(r, r.facts[0])]) for r in (a, b, c)] == [False, True, False]


def test_name_variants_of_one_person_and_relatives_kept_apart() -> None:
    from eventdesk.reconcile.account import _same_name

    assert _same_name("Melvin Lee Edwards", "Mel Edwards")
    assert _same_name("Ali Syed’s", "Ali Syed")
    assert _same_name("Shareen Valentino", "Shereen Valentino")
    assert _same_name("Parish", "Andy Parish")
    assert not _same_name("Renee Reed", "Annette Reed")
    assert not _same_name("Juan Manuel Martinez Jr.", "Juan Martinez Sr.")


def test_more_sources_outweigh_the_latest_report_alone() -> None:
    reports = []
    for i, (aid, n) in enumerate((("a", 5), ("b", 5), ("c", 4)), start=1):
        r = make_report(aid, i, [f"{n} people were wounded."], f"2016-05-0{i}")
        add(r, "injured", n, f"{n} people were wounded")
        reports.append(r)
    inc = reconcile("i8", reports)
    assert inc.injured["value"] == 5
    assert [(a["value"], a["status"]) for a in inc.injured["alternatives"]] == [(4, "disputed")]


def test_first_names_and_second_surnames_join_the_full_name() -> None:
    from eventdesk.reconcile.account import _same_name

    assert _same_name("Coleton", "Coleton Lee Tarpley")
    assert _same_name("Edgar Sanchez", "Edgar Sanchez Rios")
    assert not _same_name("Coleton", "Amanda Tarpley Lee")


def test_deaths_reported_later_come_off_an_earlier_injured_count() -> None:
    # "remains in critical condition", then "the boy has died": GVA and ACLED count him killed
    a = make_report(
        "a",
        1,
        ["A 13-year-old boy was hit in the face and remains in critical condition."],
        "2024-05-01T09:00",
    )
    b = make_report("b", 2, ["The 13-year-old boy shot on Friday has died."], "2024-05-03T09:00")
    add(a, "injured", 1, "A 13-year-old boy was hit in the face and remains in critical condition.")
    add(b, "killed", 1, "The 13-year-old boy shot on Friday has died.")
    inc = reconcile("i20", [a, b])
    assert inc.killed["value"] == 1
    assert inc.injured["value"] == 0
    assert "1 later died" in inc.injured["derivation"]
    assert any(
        alt["value"] == 1 and alt["status"] == "superseded" for alt in inc.injured["alternatives"]
    )


def test_a_later_report_that_only_says_the_dead_man_was_shot_counts_no_wounded() -> None:
    # a report on the charges says "Frank was shot by his friend": he died, as the first said
    a = make_report("a", 1, ["Frank Lee, 17, was shot and killed on Sunday."], "2024-05-01T09:00")
    b = make_report(
        "b", 2, ["Frank Lee was accidentally shot by his friend, police said."], "2024-05-09T09:00"
    )
    add(a, "killed", 1, "Frank Lee, 17, was shot and killed on Sunday.")
    add(a, "participant", person(name="Frank Lee", status="killed"), "Frank Lee, 17, was shot")
    add(b, "injured", 1, "Frank Lee was accidentally shot by his friend, police said.")
    add(b, "participant", person(name="Frank Lee", status="injured"), "Frank Lee was accidentally")
    inc = reconcile("i23", [a, b])
    assert (inc.killed["value"], inc.injured["value"]) == (1, 0)
    lee = next(p for p in inc.participants if p["name"] == "Frank Lee")
    assert lee["status"] == "killed" and not lee["alternatives"]  # nothing superseded his death


def test_an_injured_count_given_with_the_deaths_stays() -> None:
    # the later report knew of the death and still gives three wounded: nothing moves
    a = make_report("a", 1, ["Four people were shot; one died at the scene."], "2024-05-01T09:00")
    b = make_report("b", 2, ["One man was killed and three were wounded."], "2024-05-02T09:00")
    add(a, "killed", 1, "one died at the scene")
    add(a, "injured", 3, "Four people were shot")
    add(b, "killed", 1, "One man was killed")
    add(b, "injured", 3, "three were wounded")
    inc = reconcile("i21", [a, b])
    assert (inc.killed["value"], inc.injured["value"]) == (1, 3)
    assert inc.injured["derivation"] is None
    # a second death reported later comes off the three
    c = make_report(
        "c", 3, ["A second victim died on Monday; two men were killed."], "2024-05-06T09:00"
    )
    add(c, "killed", 2, "two men were killed")
    inc = reconcile("i22", [a, c])
    assert (inc.killed["value"], inc.injured["value"]) == (2, 2)


def test_a_death_the_injured_count_already_knew_moves_no_one() -> None:
    # "a teen was killed and a child injured ... the man was hit several times", later "the
    # young man shot Friday has died": the dead man is the teen, the child is still injured
    a = make_report(
        "a",
        1,
        ["A teen was killed and a child was injured.", "The man was hit several times."],
        "2024-06-01T09:00",
    )
    b = make_report("b", 2, ["The young man shot Friday has died."], "2024-06-02T09:00")
    add(a, "killed", 1, "A teen was killed")
    add(a, "injured", 1, "a child was injured")
    add(
        a,
        "participant",
        person(status="injured", gender="male", description="man"),
        "The man was hit several times.",
    )
    add(b, "killed", 1, "The young man shot Friday has died.")
    add(
        b,
        "participant",
        person(status="killed", gender="male", description="young man"),
        "The young man shot Friday has died.",
    )
    inc = reconcile("i23", [a, b])
    assert (inc.killed["value"], inc.injured["value"]) == (1, 1)
    assert inc.injured["derivation"] is None


def test_a_report_that_tells_of_someone_and_names_her_gives_one_person() -> None:
    a = make_report(
        "a",
        1,
        [
            "A woman wounded in Friday's shooting has died.",
            "Tanya Brooks, 29, died on Saturday.",
            "Another woman was also killed.",
        ],
        "2024-03-10T16:00",
    )
    add(
        a,
        "participant",
        person(status="killed", gender="female", description="woman"),
        "A woman wounded in Friday's shooting has died.",
    )
    add(
        a,
        "participant",
        person(name="Tanya Brooks", status="killed", age=29),
        "Tanya Brooks, 29, died on Saturday.",
    )
    add(
        a,
        "participant",
        person(status="killed", gender="female", description="another woman"),
        "Another woman was also killed.",
    )
    inc = reconcile("i23", [a])
    victims = [p for p in inc.participants if p["role"] == "victim"]
    assert len(victims) == 2  # Tanya Brooks (the woman), and another woman
    tanya = next(p for p in victims if p["name"] == "Tanya Brooks")
    assert tanya["gender"] == "female"
    assert any(p["name"] is None and "another" in p["description"] for p in victims)


def test_two_reports_that_date_it_differently_the_one_telling_of_the_attack_wins() -> None:
    a = make_report(
        "a",
        1,
        ["But Jemeer, who turns 4 on Friday, is awake and talking, police say."],
        "2015-05-05T09:00",
        source="Free Press",
    )
    b = make_report(
        "b",
        2,
        ["The boy was shot in the head at about 8:45 p.m. Monday at Normandy Park."],
        "2015-05-06T09:00",
        source="News",
    )
    add(
        a,
        "date",
        {"value": "2015-05-01", "precision": "day"},
        "But Jemeer, who turns 4 on Friday, is awake and talking, police say.",
    )
    add(
        b,
        "date",
        {"value": "2015-05-04", "precision": "day"},
        "The boy was shot in the head at about 8:45 p.m. Monday at Normandy Park.",
    )
    for r in (a, b):
        r.facts[-1].confidence = 0.8
    inc = reconcile("i25", [a, b])
    assert inc.date["value"] == "2015-05-04"
    assert [alt["value"] for alt in inc.date["alternatives"]] == ["2015-05-01"]


def test_deaths_told_beside_an_injured_count_were_never_among_the_injured() -> None:
    # one report gives both figures; a later one the survivor's hospital stay, the last the dead
    a = make_report(
        "a", 1, ["3 Dead, 1 Critically Injured After Minneapolis Shooting."], "2024-10-01T09:00"
    )
    b = make_report("b", 2, ["The statement said Romero was hospitalized."], "2024-10-02T09:00")
    add(a, "killed", 3, "3 Dead, 1 Critically Injured After Minneapolis Shooting.")
    add(a, "injured", 1, "3 Dead, 1 Critically Injured After Minneapolis Shooting.")
    add(b, "injured", 1, "The statement said Romero was hospitalized.")
    e = make_report("e", 3, ["The shooting left a father and two children dead."], "2024-10-20")
    add(e, "killed", 3, "The shooting left a father and two children dead.")
    inc = reconcile("i21", [a, b, e])
    assert (inc.killed["value"], inc.injured["value"]) == (3, 1)
    # but a later report's death alone is the one an earlier report told was shot
    c = make_report("c", 2, ["One dead after shooting incident."], "2024-10-02T09:00")
    d = make_report("d", 1, ["Frank was accidentally shot by his friend."], "2024-10-01T09:00")
    add(c, "killed", 1, "One dead after shooting incident.")
    add(d, "injured", 1, "Frank was accidentally shot by his friend.")
    inc = reconcile("i22", [c, d])
    assert (inc.killed["value"], inc.injured["value"]) == (1, 0)
