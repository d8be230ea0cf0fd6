"""The outlet prior settles namesake towns the text leaves open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from eventdesk.extract.location import apply_place_prior
from eventdesk.model import Evidence, Fact


class Prior:
    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts

    def admin1_counts(self, source: str) -> dict[str, int]:
        return self.counts.get(source, {})


def _franklin() -> Fact:
    tn = {"name": "Franklin", "admin1": "Tennessee", "country": "US", "lat": 35.9, "lon": -86.9}
    ind = {"name": "Franklin", "admin1": "Indiana", "country": "US", "lat": 39.5, "lon": -86.1}
    value = {**tn, "precision": "city", "detail": None, "candidates": [tn, ind]}
    return Fact("location", value, [Evidence("a", 0, 8, "Franklin")], confidence=0.5)


def test_outlet_prior_repicks_namesake() -> None:
    f = _franklin()
    apply_place_prior([f], "fox59.com", Prior({"fox59.com": {"Indiana": 3}}))
    assert f.value["admin1"] == "Indiana" and f.value["lat"] == 39.5
    assert "outlet" in f.value["resolved_by"]


def test_no_prior_or_weaker_prior_keeps_the_pick() -> None:
    f = _franklin()
    apply_place_prior([f], "unknown.example", Prior({}))
    assert f.value["admin1"] == "Tennessee"
    g = _franklin()
    apply_place_prior([g], "paper", Prior({"paper": {"Indiana": 1, "Tennessee": 2}}))
    assert g.value["admin1"] == "Tennessee" and "resolved_by" not in g.value


def test_pick_by_size_yields_only_to_a_clear_lead() -> None:
    # confidence 0.8: the text named no state, the bigger namesake was taken
    f = _franklin()
    f.confidence = 0.8
    apply_place_prior([f], "paper", Prior({"paper": {"Indiana": 2, "Tennessee": 1}}))
    assert f.value["admin1"] == "Tennessee"
    apply_place_prior([f], "paper", Prior({"paper": {"Indiana": 3, "Tennessee": 1}}))
    assert f.value["admin1"] == "Indiana"


def test_pick_by_size_does_not_yield_to_two_reports_from_elsewhere() -> None:
    # a Memphis station early in a run: two wire stories from Texas, none yet from Tennessee
    f = _franklin()
    f.confidence = 0.8
    apply_place_prior([f], "paper", Prior({"paper": {"Indiana": 2}}))
    assert f.value["admin1"] == "Tennessee"
    # an open pick (no size to go by) takes any lead
    g = _franklin()
    apply_place_prior([g], "paper", Prior({"paper": {"Indiana": 1}}))
    assert g.value["admin1"] == "Indiana"


def test_no_place_in_the_text_takes_the_outlets_home_region() -> None:
    facts: list[Fact] = []
    apply_place_prior(facts, "wxyz.com", Prior({"wxyz.com": {"Ohio": 5, "Kentucky": 1}}))
    (loc,) = facts
    assert loc.value["admin1"] == "Ohio" and loc.value["country"] == "US"
    assert loc.value["basis"] == "outlet" and loc.value["precision"] == "region"
    assert not loc.evidence and loc.confidence < 0.5


def test_home_region_needs_a_clear_home_and_no_place_in_the_text() -> None:
    facts: list[Fact] = []
    # an outlet spread over two states has no home
    apply_place_prior(facts, "wire", Prior({"wire": {"Ohio": 3, "Kentucky": 3}}))
    assert facts == []
    # one report is a home, said to be one
    apply_place_prior(facts, "new", Prior({"new": {"Ohio": 1}}))
    (loc,) = facts
    assert loc.value["admin1"] == "Ohio" and loc.value["resolved_by"] == (
        "outlet: 1 earlier report of new in Ohio"
    )
    facts.clear()
    # a place abroad in the text is kept as it is
    paris = {"name": "Paris", "admin1": None, "country": "FR", "precision": "country"}
    told = [Fact("location", paris, [Evidence("a", 0, 5, "Paris")], confidence=0.4)]
    apply_place_prior(told, "wxyz.com", Prior({"wxyz.com": {"Ohio": 5}}))
    assert len(told) == 1


def test_a_home_region_outside_the_us_states_is_not_guessed() -> None:
    facts: list[Fact] = []
    apply_place_prior(facts, "lyon.example", Prior({"lyon.example": {"Auvergne-Rhône-Alpes": 9}}))
    assert facts == []


def test_a_broadcasters_call_sign_says_which_side_of_the_mississippi() -> None:
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
    from eventdesk.extract import get_extractor
    from eventdesk.model import Article

    text = "Meridian police are investigating a shooting overnight at an apartment complex."

    def admin1(url: str) -> str | None:
        art = Article(id=url, text=text, raw=text, url=url)
        facts = get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).facts
        return next(f.value["admin1"] for f in facts if f.field == "location")

    # Meridian, Idaho is the bigger namesake; a "W" station is east of the river
    assert admin1("http://www.wtok.com/news/shooting-1") == "Mississippi"
    assert admin1("http://www.ktvb.com/news/shooting-1") == "Idaho"
    assert admin1("http://www.example.com/news/shooting-1") == "Idaho"


def _place_fact(text: str, published: datetime) -> Fact:
    """The one place fact the extractor finds in ``text``."""
    from eventdesk.analyze.spacy_analyzer import SpacyAnalyzer
    from eventdesk.extract import get_extractor
    from eventdesk.model import Article

    art = Article(id="t", text=text, raw=text, published=published)
    facts = get_extractor().extract(next(SpacyAnalyzer().analyze([art]))).facts
    (loc,) = [f for f in facts if f.field == "location"]
    return loc


def test_a_county_many_states_have_is_left_open_for_the_outlet_prior() -> None:
    text = (
        "Three men were killed Wednesday night in an attack, and Hamilton County Sheriff Jim "
        "Hammond said it was not a random shooting."
    )
    loc = _place_fact(text, datetime(2014, 4, 10))
    assert loc.value["name"] == "Hamilton County" and len(loc.value["candidates"]) > 2
    apply_place_prior([loc], "timesfreepress.com", Prior({"timesfreepress.com": {"Tennessee": 4}}))
    assert loc.value["admin1"] == "Tennessee"


def test_a_town_whose_county_a_dozen_states_have_is_left_open_for_the_outlet_prior() -> None:
    text = (
        "FRANKLIN (Feb. 4, 2014) – Polk County authorities believe a 21-year-old man shot "
        "three people at a home on Tuesday night."
    )
    loc = _place_fact(text, datetime(2014, 2, 5))
    assert loc.value["name"] == "Franklin" and len(loc.value["candidates"]) > 2
    apply_place_prior([loc], "fox59.com", Prior({"fox59.com": {"Indiana": 10, "Tennessee": 1}}))
    assert loc.value["admin1"] == "Indiana"
    # but a county that one Franklin lies in settles it: Franklin, Indiana is in Johnson County
    loc = _place_fact(text.replace("Polk", "Johnson"), datetime(2014, 2, 5))
    assert loc.value["admin1"] == "Indiana" and "candidates" not in loc.value


def test_a_report_read_before_its_outlet_was_known_is_placed_at_the_end_of_the_run(
    tmp_path: Path,
) -> None:
    import eventdesk

    host = "https://www.wxyz-news.example"
    towns = [
        ("2016-03-02", "COLUMBUS, Ohio", "Marcus Bell", "Oak Street"),
        ("2016-05-11", "DAYTON, Ohio", "Lena Ortiz", "Main Street"),
        ("2016-07-20", "TOLEDO, Ohio", "Carl Dunham", "Lagrange Street"),
    ]
    records: list[dict[str, str]] = [
        {
            "id": "unplaced",
            "url": f"{host}/unplaced",
            "published": "2016-01-10",
            "title": "Teen hurt by stray bullet",
            "text": "A 15-year-old girl was hit by a stray bullet while sitting on her porch on "
            "Saturday night, police said. She was taken to a hospital in stable condition.",
        },
        {  # Franklin, Tennessee by size; Warren County is in 14 states, Ohio's among them
            "id": "namesake",
            "url": f"{host}/namesake",
            "published": "2016-01-20",
            "title": "Man wounded in Franklin",
            "text": "FRANKLIN – Warren County deputies said a man was wounded in a shooting at "
            "a gas station on Sunday night.",
        },
    ]
    for i, (day, dateline, name, street) in enumerate(towns):
        records.append(
            {
                "id": f"placed{i}",
                "url": f"{host}/placed{i}",
                "published": day,
                "title": f"{name} killed on {street}",
                "text": f"{dateline} — {name}, 44, was shot and killed on {street} on Tuesday, "
                "police said. No arrests have been made.",
            }
        )
    desk = eventdesk.open(tmp_path / "d.db")
    desk.ingest(records)
    incident = desk.incident(desk.article_incidents()["unplaced"])
    assert incident is not None and incident.location is not None
    assert incident.location["admin1"] == "Ohio"
    assert incident.location["basis"] == "outlet"
    franklin = desk.incident(desk.article_incidents()["namesake"])
    assert franklin is not None and franklin.location is not None
    assert (franklin.location["name"], franklin.location["admin1"]) == ("Franklin", "Ohio")
    # the stored article keeps what was known when it came in
    assert not [
        f for f in desk.store.row_facts(desk.store.article_row("unplaced")) if f.field == "location"
    ]  # type: ignore[arg-type]


def test_an_early_guess_from_one_report_is_made_again_at_the_end_of_the_run(
    tmp_path: Path,
) -> None:
    import eventdesk

    host = "https://www.wkyz-news.example"

    def placed(i: int, day: str, dateline: str, name: str) -> dict[str, str]:
        return {
            "id": f"placed{i}",
            "url": f"{host}/placed{i}",
            "published": day,
            "title": f"{name} killed",
            "text": f"{dateline} — {name}, 44, was shot and killed on Tuesday, police said.",
        }

    records = [
        placed(0, "2016-01-05", "LOUISVILLE, Ky.", "Marcus Bell"),
        {
            "id": "unplaced",
            "url": f"{host}/unplaced",
            "published": "2016-01-10",
            "title": "Teen hurt by stray bullet",
            "text": "A 15-year-old girl was hit by a stray bullet while sitting on her porch on "
            "Saturday night, police said.",
        },
        placed(1, "2016-03-02", "COLUMBUS, Ohio", "Lena Ortiz"),
        placed(2, "2016-05-11", "DAYTON, Ohio", "Carl Dunham"),
        placed(3, "2016-07-20", "TOLEDO, Ohio", "Rita Vance"),
    ]
    desk = eventdesk.open(tmp_path / "d.db")
    desk.ingest(records)
    # when it came in, the outlet's one certain report was from Kentucky
    (stored,) = [
        f
        for f in desk.store.row_facts(desk.store.article_row("unplaced"))  # type: ignore[arg-type]
        if f.field == "location"
    ]
    assert stored.value["admin1"] == "Kentucky"
    incident = desk.incident(desk.article_incidents()["unplaced"])
    assert incident is not None and incident.location is not None
    assert incident.location["admin1"] == "Ohio" and incident.location["basis"] == "outlet"
