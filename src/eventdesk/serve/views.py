"""Turn an export record into what the incident page shows (plain data; templates escape it)."""

from __future__ import annotations

from typing import Any

from eventdesk.serve.render import article_href, fmt_value, safe_url, shorten

STATUSES = ("superseded", "disputed", "retracted", "denied")


def _outlets(rec: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in rec.get("sources") or []:
        if isinstance(s, dict) and isinstance(s.get("article"), str) and s.get("source"):
            out[s["article"]] = str(s["source"])
    for d in rec.get("duplicates") or []:
        if isinstance(d, dict) and isinstance(d.get("article"), str) and d.get("source"):
            out.setdefault(d["article"], str(d["source"]))
    return out


def evidence_links(evs: Any, outlets: dict[str, str]) -> list[dict[str, Any]]:
    """Evidence spans as links that open the article with the span marked."""
    links: list[dict[str, Any]] = []
    for ev in evs or []:
        if not isinstance(ev, dict) or not isinstance(ev.get("article"), str):
            continue
        s, e = ev.get("start"), ev.get("end")
        ok = isinstance(s, int) and isinstance(e, int)
        links.append(
            {
                "article": ev["article"],
                "outlet": outlets.get(ev["article"]) or ev["article"],
                "href": article_href(ev["article"], s if ok else None, e if ok else None),
                "quote": str(ev.get("quote") or ""),
                "short": shorten(str(ev.get("quote") or ""), 180),
            }
        )
    return links


def _row(
    label: str, value: str, evs: Any, outlets: dict[str, str], note: str = ""
) -> dict[str, Any]:
    return {"label": label, "value": value, "evidence": evidence_links(evs, outlets), "note": note}


def _place(loc: dict[str, Any]) -> str:
    parts = [loc.get("name"), loc.get("admin1"), loc.get("country")]
    seen: list[str] = []
    for p in parts:
        if p and str(p) not in seen:
            seen.append(str(p))
    return ", ".join(seen) or "unknown"


def _count(obj: dict[str, Any]) -> tuple[str, str]:
    value = obj.get("value")
    text = "unknown" if value is None else str(value)
    if obj.get("qualifier") and value is not None:
        text = f"{obj['qualifier']} {text}"
    notes = []
    if isinstance(obj.get("confidence"), int | float):
        notes.append(f"confidence {obj['confidence']:.2f}")
    if isinstance(obj.get("sources"), int):
        notes.append(f"{obj['sources']} source{'s' if obj['sources'] != 1 else ''}")
    if obj.get("derivation"):
        notes.append(f"worked out: {obj['derivation']}")
    return text, " · ".join(notes)


def incident_view(rec: dict[str, Any]) -> dict[str, Any]:
    outlets = _outlets(rec)
    facts: list[dict[str, Any]] = []
    alternatives: list[dict[str, Any]] = []

    facts.append(
        _row(
            "Event type",
            str(rec.get("event_type") or "unknown").replace("_", " "),
            rec.get("event_type_evidence"),
            outlets,
        )
    )
    date = rec.get("date") or {}
    date_text = date.get("value") or "unknown"
    if date.get("time"):
        date_text += f" {date['time']}"
    date_note = f"precision: {date.get('precision')}"
    if date.get("basis") == "publication":
        date_note += " · not in the text: the first report's publication date"
    facts.append(_row("Date", date_text, date.get("evidence"), outlets, date_note))
    loc = rec.get("location") or {}
    place_note = f"precision: {loc.get('precision')}"
    if loc.get("basis") == "outlet":
        place_note += " · not in the text: the outlet's home"
    if loc.get("detail"):
        place_note = f"{loc['detail']} · {place_note}"
    facts.append(_row("Place", _place(loc), loc.get("evidence"), outlets, place_note))
    for key, label in (("killed", "Killed"), ("injured", "Injured")):
        obj = rec.get(key) or {}
        text, note = _count(obj)
        facts.append(_row(label, text, obj.get("evidence"), outlets, note))
    for w in rec.get("weapons") or []:
        if isinstance(w, dict):
            surface = ", ".join(str(s) for s in w.get("surface") or [])
            facts.append(_row("Weapon", str(w.get("value")), w.get("evidence"), outlets, surface))
    for c in rec.get("claims") or []:
        if isinstance(c, dict):
            facts.append(
                _row(
                    "Claim",
                    str(c.get("value")),
                    c.get("evidence"),
                    outlets,
                    str(c.get("kind") or ""),
                )
            )

    for key, label in (
        ("date", "Date"),
        ("location", "Place"),
        ("killed", "Killed"),
        ("injured", "Injured"),
    ):
        for alt in (rec.get(key) or {}).get("alternatives") or []:
            if isinstance(alt, dict):
                alternatives.append(_alt(label, alt, outlets))

    participants = []
    for p in rec.get("participants") or []:
        if not isinstance(p, dict):
            continue
        name = p.get("name") or p.get("description") or "(unnamed)"
        participants.append(
            {
                "name": str(name),
                "role": str(p.get("role") or ""),
                "status": str(p.get("status") or ""),
                "age": "" if p.get("age") is None else str(p.get("age")),
                "gender": str(p.get("gender") or ""),
                "description": str(p.get("description") or "") if p.get("name") else "",
                "evidence": evidence_links(p.get("evidence"), outlets),
            }
        )
        for alt in p.get("alternatives") or []:
            if isinstance(alt, dict):
                alternatives.append(_alt(f"Participant {name}", alt, outlets))

    corrections = [
        {
            "value": str(c.get("value")),
            "status": _status(c.get("status")),
            "evidence": evidence_links(c.get("evidence"), outlets),
        }
        for c in rec.get("corrections") or []
        if isinstance(c, dict)
    ]
    timeline = [
        {
            "time": t.get("time") or "",
            "article": str(t.get("article")),
            "href": article_href(str(t.get("article"))),
            "outlet": outlets.get(str(t.get("article"))) or "",
            "change": str(t.get("change") or ""),
            "order": t.get("order") or "",
            "evidence": evidence_links(t.get("evidence"), outlets),
        }
        for t in rec.get("timeline") or []
        if isinstance(t, dict)
    ]
    copy_ids = {str(d.get("article")) for d in rec.get("duplicates") or [] if isinstance(d, dict)}
    sources = [
        {
            "article": str(s.get("article")),
            "href": article_href(str(s.get("article"))),
            "outlet": str(s.get("source") or ""),
            "published": str(s.get("published") or ""),
            "title": str(s.get("title") or ""),
            "url": s.get("url") if isinstance(s.get("url"), str) else "",
            "link": safe_url(s.get("url")),
        }
        for s in rec.get("sources") or []
        # a near copy reporting newer figures is a report, not another source: listed with
        # the copies below
        if isinstance(s, dict) and str(s.get("article")) not in copy_ids
    ]
    if not sources:
        sources = [
            {
                "article": a,
                "href": article_href(a),
                "outlet": outlets.get(a, ""),
                "published": "",
                "title": "",
                "url": "",
                "link": None,
            }
            for a in rec.get("articles") or []
            if isinstance(a, str)
        ]
    duplicates = [
        {
            "article": str(d.get("article")),
            "href": article_href(str(d.get("article"))),
            "of": str(d.get("duplicate_of") or ""),
            "of_href": article_href(str(d.get("duplicate_of"))) if d.get("duplicate_of") else "",
            "outlet": str(d.get("source") or ""),
            "url": d.get("url") if isinstance(d.get("url"), str) else "",
            "link": safe_url(d.get("url")),
            "similarity": (
                f"{d['similarity']:.2f}" if isinstance(d.get("similarity"), int | float) else ""
            ),
        }
        for d in rec.get("duplicates") or []
        if isinstance(d, dict)
    ]
    lat, lon = loc.get("lat"), loc.get("lon")
    point = None
    if (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    ):
        point = {
            "lat": float(lat),
            "lon": float(lon),
            "label": _place(loc),
            # Equirectangular position on the built-in fallback map (SVG, 360 x 180).
            "x": round(float(lon) + 180, 3),
            "y": round(90 - float(lat), 3),
        }
    return {
        "facts": facts,
        "alternatives": alternatives,
        "participants": participants,
        "corrections": corrections,
        "timeline": timeline,
        "sources": sources,
        "duplicates": duplicates,
        "point": point,
    }


def _status(value: Any) -> str:
    return value if value in STATUSES else "unknown"


def _alt(label: str, alt: dict[str, Any], outlets: dict[str, str]) -> dict[str, Any]:
    return {
        "label": label,
        "value": fmt_value(alt.get("value")),
        "status": _status(alt.get("status")),
        "evidence": evidence_links(alt.get("evidence"), outlets),
    }
