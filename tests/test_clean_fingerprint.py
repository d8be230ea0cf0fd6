"""Exact and near-duplicate fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

from eventdesk.clean.fingerprint import (
    BANDS,
    DUPLICATE_THRESHOLD,
    exact_hash,
    is_duplicate,
    minhash_bands,
    similarity,
)

WIRE = (
    "A gunman opened fire at a nightclub in Orlando early Sunday, killing two people and "
    "wounding five others before fleeing in a grey pickup truck, police said. The shooting "
    "happened shortly after 2 a.m. outside Club Vibe on Orange Avenue, where several hundred "
    "people had gathered for a concert. Officers who were patrolling nearby heard the shots and "
    "found the victims in the parking lot. Police Chief John Mina said investigators believe "
    "the gunman had argued with a group of men inside the club earlier in the night. The names "
    "of the dead have not been released. Anyone with information is asked to call Crimeline."
)
OTHER = (
    "Two people died and five were hurt when shots rang out in a downtown Orlando parking lot "
    "on Sunday morning. Witnesses described panic as concertgoers ran for cover. Chief John "
    "Mina told reporters that detectives are reviewing surveillance footage from Orange Avenue "
    "and that the shooter drove away in a pickup. A vigil is planned for Monday evening at the "
    "club, where friends remembered one of the victims as a devoted father of three."
)


def test_exact_hash_ignores_case_punctuation_and_whitespace() -> None:
    assert exact_hash(WIRE) == exact_hash(WIRE.upper().replace(",", "").replace(" ", "  \n"))
    assert exact_hash(WIRE) != exact_hash(WIRE + " Extra sentence.")


def test_republished_wire_copy_is_duplicate() -> None:
    copy = "ORLANDO, Fla. (WESH) — " + WIRE + " Copyright 2016 WESH. Download our app for updates."
    s = similarity(WIRE, copy)
    assert s >= DUPLICATE_THRESHOLD
    assert is_duplicate(WIRE, copy)
    shared = set(minhash_bands(WIRE)) & set(minhash_bands(copy))
    assert shared  # found as an LSH candidate


def test_different_report_of_same_incident_is_not_duplicate() -> None:
    assert similarity(WIRE, OTHER) < 0.2
    assert not is_duplicate(WIRE, OTHER)
    assert not set(minhash_bands(WIRE)) & set(minhash_bands(OTHER))


def test_bands_shape_and_determinism() -> None:
    bands = minhash_bands(WIRE)
    assert len(bands) == BANDS
    assert bands == minhash_bands(WIRE)
    assert all(b.split(":")[0] == str(i) for i, b in enumerate(bands))
    assert minhash_bands("") == []
    assert len(minhash_bands("Short text")) == BANDS


def test_band_strings_are_those_stored_databases_hold() -> None:
    """The strings datasketch 2.0's MinHash (scheme "affine32", seed 1, 128 permutations)
    gives: a database's stored bands must keep matching new articles' across versions."""
    bands = minhash_bands("Two men were shot and killed late Saturday in Chicago, police said.")
    assert bands[:3] == ["0:2a5f8c1769c8e800", "1:3aee8e593781024e", "2:0980f7eabc402869"]
    assert bands[-1] == "41:9437adc8fc3bb095"
    assert minhash_bands("Three")[:2] == ["0:7b978c87b3bad783", "1:49c75ab2619f92b2"]


def test_evaluate_duplicates_counts_pairs(tmp_path: Path) -> None:
    from eventdesk.eval.clean import evaluate_duplicates, format_duplicates

    copy = (
        "SPRINGFIELD (AP) — "
        + WIRE
        + "\n\nCopyright 2016 The Associated Press. All rights reserved."
    )
    recs = [
        {"id": "a", "incident_id": "1", "text": WIRE},
        {"id": "b", "incident_id": "1", "text": copy},
        {"id": "c", "incident_id": "1", "text": OTHER},
        {"id": "a", "incident_id": "2", "text": WIRE},  # same id listed twice: not a pair
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    m = evaluate_duplicates(path)
    assert m["articles"] == 3
    assert m["pairs"] == 1 and m["sample"][0][1:] == ("a", "b")
    assert m["pairs_cross_incident"] == 0
    assert "flagged pairs 1" in format_duplicates(m)
