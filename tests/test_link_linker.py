"""DefaultLinker: scoring signals, decisions and merged features."""

from __future__ import annotations

from eventdesk.link import Candidate, LinkDecision
from eventdesk.link.linker import DefaultLinker, feature_keys, idf_from_stats, prior_df
from eventdesk.model import ArticleFacts, LinkFeatures


def feats(
    terms: str,
    entities: str = "",
    places: str = "",
    date: str | None = None,
    published: str | None = None,
    event_type: str | None = None,
    killed: int | None = None,
    ages: tuple[int, ...] = (),
) -> LinkFeatures:
    return LinkFeatures(
        terms={t: 1.0 for t in terms.split()},
        entities=entities.split(",") if entities else [],
        places=places.split(",") if places else [],
        date=date,
        published=published,
        event_type=event_type,
        killed=killed,
        ages=list(ages),
    )


class ListIndex:
    """An in-memory CandidateIndex: every stored incident is a candidate."""

    def __init__(self, items: dict[str, LinkFeatures]) -> None:
        self.items = items

    def candidates(self, features: LinkFeatures, limit: int = 50) -> list[Candidate]:
        return [Candidate(k, f) for k, f in list(self.items.items())[:limit]]


MONTROUGE = feats(
    "policewoman shoot montrouge traffic accident gunman flee clio vest rifle",
    "montrouge,brossollette,renault",
    "montrouge,paris",
)
MONTROUGE_2 = feats(
    "officer shoot montrouge traffic collision gunman run clio vest rifle",
    "montrouge,thomas,cazeneuve",
    "montrouge,chatillon",
)
CHAMPS = feats(
    "officer shoot champs elysees gunman kalashnikov attack claim",
    "primevert,hollande,isis",
    "paris,champs elysees",
)


def test_same_incident_scores_above_look_alike() -> None:
    lk = DefaultLinker()
    same = lk.score(MONTROUGE_2, MONTROUGE, {})
    other = lk.score(MONTROUGE_2, CHAMPS, {})
    assert same > other
    assert same >= lk.threshold > other


def test_link_attaches_to_best_or_starts_new() -> None:
    lk = DefaultLinker()
    index = ListIndex({"champs": CHAMPS, "montrouge": MONTROUGE})
    d = lk.link(ArticleFacts("a", [], MONTROUGE_2), index)
    assert isinstance(d, LinkDecision) and d.incident_id == "montrouge"
    d = lk.link(
        ArticleFacts("b", [], feats("earthquake magnitude tsunami", "usgs", "chile")), index
    )
    assert d.incident_id is None
    assert lk.link(ArticleFacts("c", [], MONTROUGE), ListIndex({})).incident_id is None


def test_distant_resolved_dates_veto() -> None:
    lk = DefaultLinker()
    a = feats(" ".join(MONTROUGE_2.terms), "montrouge", date="2015-01-08")
    near = feats(" ".join(MONTROUGE.terms), "montrouge", date="2015-01-08")
    far = feats(" ".join(MONTROUGE.terms), "montrouge", date="2017-04-20")
    assert lk.score(a, near, {}) > lk.score(a, far, {}) + 1.0
    comp = lk.components(a, far, {})
    assert comp["rdate_far"] == 1.0 and comp["date_vfar"] == 0.0  # resolved dates rule


def test_months_apart_with_no_name_in_common_is_another_incident() -> None:
    lk = DefaultLinker()
    words = "boy shot park west side police hospital condition"
    # the city's police is in every report of the city: cheap; a victim's name is dear
    idf = {"e:chicago police": 1.0, "e:tyler": 6.0, "e:howard": 6.0}

    def report(names: str, day: str, published: str) -> LinkFeatures:
        return feats(words, names, "chicago", date=day, published=published)

    jan = report("chicago police,tyler", "2016-01-17", "2016-01-17")
    jul = report("chicago police,howard", "2016-07-29", "2016-07-29")
    week = report("chicago police,howard", "2016-01-17", "2016-01-24")
    assert lk.components(jan, jul, idf)["apart"] == 1.0
    assert lk.components(jan, week, idf)["apart"] == 0.0
    # a trial report months later that names the victim again is no stranger
    trial = report("chicago police,tyler", "2016-07-29", "2016-07-29")
    assert lk.components(jan, trial, idf)["apart"] == 0.0
    assert lk.score(jan, trial, idf) > lk.score(jan, jul, idf)
    # without an incident date, the publication dates say as much
    undated = feats(words, "chicago police,howard", "chicago", published="2016-07-29")
    assert lk.components(jan, undated, idf)["apart"] == 1.0
    undated_week = feats(words, "chicago police,howard", "chicago", published="2016-01-20")
    assert lk.components(jan, undated_week, idf)["apart"] == 0.0


def test_the_street_of_the_incident_tells_one_nights_shootings_apart() -> None:
    lk = DefaultLinker()
    words = "shot west side police hospital condition"
    first = feats(words, "chicago police", "chicago", date="2017-01-01")
    first.streets = ["homan"]
    again, other, untold = (
        feats(words, "chicago police", "chicago", date="2017-01-01") for _ in "abc"
    )
    again.streets, other.streets = ["homan", "madison"], ["pulaski"]
    assert lk.components(first, again, {})["street_match"] == 1.0
    assert lk.components(first, other, {})["street_mis"] == 1.0
    assert lk.components(first, untold, {})["street_mis"] == 0.0  # not told: no evidence
    assert lk.score(first, again, {}) > lk.score(first, untold, {}) > lk.score(first, other, {})
    assert lk.merge_features([first, again, other]).streets == ["homan", "madison", "pulaski"]


def test_different_ages_of_the_people_hurt_tell_look_alikes_apart() -> None:
    lk = DefaultLinker()
    words = "shot east garfield park police hospital condition"
    boy = feats(words, "chicago police", "chicago", date="2017-01-01", ages=(16,))
    man = feats(words, "chicago police", "chicago", date="2017-01-02", ages=(34,))
    again = feats(words, "chicago police", "chicago", date="2017-01-01", ages=(16, 20))
    untold = feats(words, "chicago police", "chicago", date="2017-01-01")
    assert lk.components(boy, man, {})["age_mis"] == 1.0
    assert lk.components(boy, again, {})["age_mis"] == 0.0
    assert lk.components(boy, untold, {})["age_mis"] == 0.0  # no ages: no evidence either way
    assert lk.score(boy, again, {}) > lk.score(boy, man, {})
    assert lk.merge_features([boy, again, man]).ages == [16, 20, 34]


def test_how_many_were_shot_tells_a_shooting_of_one_from_a_shooting_of_four() -> None:
    lk = DefaultLinker()
    words = "shot southeast fresno police hospital argument"
    one = feats(words, "fresno police", "fresno", published="2017-01-17")
    one.injured = 1
    four, also_one, grown = (
        feats(words, "fresno police", "fresno", published="2017-01-18") for _ in "abc"
    )
    four.injured, also_one.injured = 4, 1
    grown.killed, grown.injured = 1, 1  # one of the two shot has died: the same shooting
    assert lk.components(one, four, {})["shot_mis"] == 1.0
    assert lk.components(one, also_one, {})["shot_mis"] == 0.0
    assert lk.components(one, grown, {})["shot_mis"] == 0.0
    assert lk.score(one, also_one, {}) > lk.score(one, four, {})
    # a big toll is revised widely from report to report: no evidence either way
    many, more = feats(words), feats(words)
    many.killed, more.killed = 8, 30
    assert lk.components(many, more, {})["shot_mis"] == 0.0


def test_reports_with_places_and_names_but_none_in_common_are_unanchored() -> None:
    lk = DefaultLinker()
    words = "teens shot police investigate hospital"
    durham = feats(words, "durham police", "durham", published="2017-04-08")
    baltimore = feats(words, "baltimore police", "baltimore", published="2017-04-08")
    durham_2 = feats(words, "wral", "durham", published="2017-04-09")
    placeless = feats(words, "", "", published="2017-04-08")
    assert lk.components(durham, baltimore, {})["unanchored"] == 1.0
    assert lk.components(durham, durham_2, {})["unanchored"] == 0.0
    assert lk.components(durham, placeless, {})["unanchored"] == 0.0  # nothing to compare
    assert lk.score(durham, durham_2, {}) > lk.score(durham, baltimore, {})


def test_a_headline_alone_joins_only_reports_of_its_own_days() -> None:
    lk = DefaultLinker()
    words = "shot fatally st louis street"
    headline = feats(words, "", "st louis", published="2013-09-22")
    same_week = feats(words, "jones", "st louis", date="2013-09-21", published="2013-09-23")
    years_on = feats(words, "", "st louis", published="2015-06-10")
    assert lk.components(headline, same_week, {})["vague_far"] == 0.0
    assert lk.components(headline, years_on, {})["vague_far"] == 1.0
    assert lk.score(headline, same_week, {}) > lk.score(headline, years_on, {})


def test_a_report_cannot_come_before_its_incident() -> None:
    lk = DefaultLinker()
    words = "buffalo police four teenagers shot fatally"
    july = feats(words, "", "buffalo", published="2014-07-07")  # undated: "Sunday night"
    august = feats(words, "", "buffalo", date="2014-08-12", published="2014-08-12")
    # a trial report months on, dated by the shooting it recalls: a later report of July's
    trial = feats(words, "", "buffalo", date="2014-07-06", published="2014-11-20")
    assert lk.components(july, august, {})["predates"] == 1.0
    assert lk.components(august, july, {})["predates"] == 1.0
    assert lk.components(july, trial, {})["predates"] == 0.0
    assert lk.score(july, trial, {}) > lk.score(july, august, {})


def test_publication_date_used_when_no_resolved_date() -> None:
    lk = DefaultLinker()
    a = feats("x y z", published="2016-01-01")
    b = feats("x y z", published="2016-01-02")
    c = feats("x y z", published="2019-01-02")
    assert lk.components(a, b, {})["date_near"] == 1.0
    assert lk.components(a, c, {})["date_vfar"] == 1.0


def test_type_and_casualty_mismatch_lower_the_score() -> None:
    lk = DefaultLinker()
    base = feats("gunman shoot store", "smith", "dayton", event_type="armed_assault", killed=1)
    same = feats("gunman shoot store", "smith", "dayton", event_type="armed_assault", killed=1)
    diff = feats("gunman shoot store", "smith", "dayton", event_type="bombing", killed=12)
    assert lk.score(base, same, {}) > lk.score(base, diff, {})
    # a toll that grows by one is not a mismatch
    grown = feats("gunman shoot store", "smith", "dayton", event_type="armed_assault", killed=2)
    assert lk.components(base, grown, {})["killed_mis"] == 0.0


def test_idf_prior_makes_common_words_cheap() -> None:
    idf = idf_from_stats(0, {}, ["french", "montrouge"])
    if prior_df("montrouge") == prior_df("french"):  # wordfreq not installed
        assert idf["french"] == idf["montrouge"]
    else:
        assert idf["montrouge"] > idf["french"]
    # counts from the store lower a key's weight
    many = idf_from_stats(1000, {"montrouge": 900}, ["montrouge"])
    assert many["montrouge"] < idf["montrouge"]


def test_merge_features() -> None:
    lk = DefaultLinker()
    a = feats(
        "shoot gunman",
        "smith,jones",
        "dayton",
        date="2016-01-01",
        published="2016-01-02",
        event_type="armed_assault",
        killed=1,
    )
    b = feats(
        "shoot police",
        "smith",
        "dayton,ohio",
        date="2016-01-01",
        published="2016-01-01",
        event_type="armed_assault",
        killed=2,
    )
    c = feats("shoot", "smith", "dayton", date="2016-01-05", published="2016-01-09")
    m = lk.merge_features([a, b, c])
    assert m.entities[0] == "smith" and m.places[0] == "dayton"
    assert m.date == "2016-01-01"  # the modal date
    assert m.published == "2016-01-01"  # the first report
    assert m.event_type == "armed_assault" and m.killed == 2
    assert max(m.terms, key=m.terms.__getitem__) == "shoot"
    assert feature_keys(m) >= {"shoot", "e:smith", "p:dayton"}
    assert lk.merge_features([]) == LinkFeatures()
    single = lk.merge_features([a])
    assert single == a and single is not a
