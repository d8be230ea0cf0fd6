"""Words that decide where the analyzer spends its costly components (no spaCy import here).

``CASUALTY_WORDS``: a sentence with one of these is about people killed or hurt.  The extractor
parses exactly these sentences (``extract.casualties.CASUALTY_RE``), and the analyzer's entity
recogniser always covers them (``spacy_analyzer.NER_WORTHY``): one list, so the two cannot drift.
"""

from __future__ import annotations

CASUALTY_WORDS = (
    r"killed|kill|kills|killing|dead|died|dies|die|dying|slain|murdered|fatally|wounded|"
    r"wounding|injured|injuring|hurt|hospitali[sz]ed|grazed|succumbed|executed|shot|shoot|shoots|"
    r"shooting|struck|hit|condition|hospital|medical center|trauma center|rushed|transported|"
    r"airlifted|suffered|sustained|suffering|injuries|injury|wounds?|recovering|death|deceased"
)
