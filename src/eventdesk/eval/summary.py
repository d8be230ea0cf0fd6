"""Summary evaluation on gva-dev: does each incident's summary state the gold figures and city?

For every gold incident, the predicted incident holding most of its articles is taken (as in
the facts evaluation).  Its summary *states* a count when a fact extracted from a cited summary
sentence gives that count (the extractor reads the summary's own sentences, so this measures
what a reader of the summary is told); a gold count of 0 is stated when the summary gives no
other count for that field.  The city is stated when the gold city (or the part in brackets,
"Miami (Cutler Bay)") appears in the summary as a word.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventdesk.model import Fact


def city_variants(city_or_county: str) -> list[str]:
    """'Miami (Cutler Bay)' -> ['Miami', 'Cutler Bay']; 'Bexar (county)' -> ['Bexar']."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", city_or_county or "")
    if not m:
        return [city_or_county.strip()] if city_or_county else []
    out = [m.group(1).strip()]
    if m.group(2).strip().lower() != "county":
        out.append(m.group(2).strip())
    return [x for x in out if x]


def majority(gold_of: dict[str, str], pred_of: dict[str, str]) -> dict[str, str]:
    """Gold incident -> the predicted incident holding most of its articles."""
    votes: dict[str, Counter[str]] = {}
    for art, gold in gold_of.items():
        if art in pred_of:
            votes.setdefault(gold, Counter())[pred_of[art]] += 1
    return {g: c.most_common(1)[0][0] for g, c in votes.items()}


def _stated(record: dict[str, Any], facts_of: dict[str, list[Fact]], field: str) -> set[int]:
    spans = [
        (e["article"], e["start"], e["end"])
        for c in record.get("summary_citations") or []
        for e in c.get("evidence") or []
    ]
    values: set[int] = set()
    for art, start, end in spans:
        for f in facts_of.get(art, []):
            if f.field != field or f.modality not in ("asserted", "hedged"):
                continue
            inside = any(
                art == ev.article and start <= ev.start and ev.end <= end for ev in f.evidence
            )
            if inside and isinstance(f.value, int):
                values.add(f.value)
    return values


def evaluate_summaries(
    records: dict[str, dict[str, Any]],
    facts_of: dict[str, list[Fact]],
    gold: dict[str, dict[str, Any]],
    gold_of: dict[str, str],
    pred_of: dict[str, str],
) -> dict[str, Any]:
    mapping = majority(gold_of, pred_of)
    rows = []
    for gid, pid in mapping.items():
        g, rec = gold.get(gid), records.get(pid)
        if g is None or rec is None:
            continue
        summary = rec.get("summary") or ""
        ok = {}
        for field, key in (("killed", "num_killed"), ("injured", "num_injured")):
            stated = _stated(rec, facts_of, field)
            want = int(g[key])
            ok[field] = want in stated if want else not (stated - {0})
        # Consistency: does the summary state the incident's own current figures and place?
        for field in ("killed", "injured"):
            stated = _stated(rec, facts_of, field)
            own = (rec.get(field) or {}).get("value")
            ok[f"own_{field}"] = own in stated if own else not (stated - {0})
        place = (rec.get("location") or {}).get("name") or ""
        ok["own_place"] = bool(place) and place.lower() in summary.lower()
        variants = city_variants(g.get("city_or_county") or "")
        ok["city"] = any(re.search(rf"\b{re.escape(v)}\b", summary, re.I) for v in variants)
        rows.append((gid, pid, ok, len(summary.split()), len(rec.get("summary_citations") or [])))
    n = len(rows)

    def share(key: str) -> float:
        return sum(1 for r in rows if r[2][key]) / n if n else 0.0

    return {
        "incidents": n,
        "killed": share("killed"),
        "injured": share("injured"),
        "city": share("city"),
        "all": sum(1 for r in rows if r[2]["killed"] and r[2]["injured"] and r[2]["city"]) / n
        if n
        else 0.0,
        "own_killed": share("own_killed"),
        "own_injured": share("own_injured"),
        "own_place": share("own_place"),
        "mean_words": sum(r[3] for r in rows) / n if n else 0.0,
        "mean_sentences": sum(r[4] for r in rows) / n if n else 0.0,
        "misses": [
            (r[0], r[1], [k for k, v in r[2].items() if not v])
            for r in rows
            if not all(r[2].values())
        ],
    }


def format_summaries(m: dict[str, Any], show: int = 10) -> str:
    lines = [
        f"summaries of {m['incidents']} gold incidents (predicted incident holding most of its articles)",
        f"  states gold killed {m['killed']:.3f}  injured {m['injured']:.3f}  city {m['city']:.3f}  "
        f"all three {m['all']:.3f}   (target >= 0.90)",
        f"  states its own current figures: killed {m['own_killed']:.3f}  injured "
        f"{m['own_injured']:.3f}  place {m['own_place']:.3f}   (summary vs. the incident's facts)",
        f"  mean length {m['mean_words']:.1f} words, {m['mean_sentences']:.2f} sentences",
    ]
    for gid, pid, missed in m["misses"][:show]:
        lines.append(f"  miss gold {gid} -> {pid}: {', '.join(missed)}")
    return "\n".join(lines)
