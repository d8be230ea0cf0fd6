"""Fingerprints for exact and near-duplicate articles (syndicated wire copies).

* ``exact_hash(text)``: SHA-256 of the normalised word sequence (case, punctuation, quotes,
  whitespace and Unicode form do not matter).  Equal hashes = the same text.
* ``minhash_bands(text)``: MinHash over word ``SHINGLE``-grams, cut into ``BANDS`` bands of
  ``ROWS`` rows; each band becomes one short string ``"<band>:<hash>"``.  Store them in an
  indexed table; articles sharing at least one band string are *candidates*.
* ``similarity(a, b)``: exact Jaccard similarity of the two texts' shingle sets.  A candidate
  with ``similarity >= DUPLICATE_THRESHOLD`` is a duplicate (same story, another outlet/page).

The MinHash is datasketch 2.0's default ("affine32": SHA-1's first 32 bits, mixed by the
MurmurHash3 finalizer, then ``a*h + b`` mod 2**32 with odd ``a``), written out here (``minhash``)
so that the band strings a database holds never change under it: datasketch changed its
default scheme in 2.0, which would have silently stopped old articles matching new ones, and
importing it loaded SciPy (0.4 s of every run's start, 143 MB installed) for parts eventdesk
does not use.  ``tests/test_clean_fingerprint.py`` pins the strings.

Parameters (measured on gva-dev with ``eventdesk.eval.clean.evaluate_duplicates``):
``SHINGLE = 5`` words, 128 permutations, ``BANDS = 42`` bands × ``ROWS = 3`` rows.  The LSH
S-curve ``1 - (1 - s**3)**42`` makes a pair a candidate with probability 0.996 at Jaccard 0.5
(the threshold), 0.68 at 0.3 and 0.04 at 0.1, so pairs above the threshold are found and the
exact check sees few others.  ``DUPLICATE_THRESHOLD = 0.5``: on gva-dev, copies of one story on
sister stations (other header/footer, a trimmed or updated paragraph) score 0.52–1.0; a
follow-up story that reuses a paragraph scored 0.39 and two stories sharing a lede 0.27;
independent reports of one incident score < 0.2.  Between 0.4 and 0.5 sit lightly rewritten
wire copies (0.43, 0.48): kept as separate sources, the conservative side.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS = 42
ROWS = 3
#: Jaccard similarity of 5-word shingle sets at or above which two articles are duplicates.
DUPLICATE_THRESHOLD = 0.5
_SEED = 1

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``a`` (odd) and ``b`` of the ``num_perm`` maps ``h -> a*h + b mod 2**32``, drawn as
    datasketch draws them for a seed."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


# Drawn once for the whole process (drawing costs more than hashing a short article).
_A, _B = _permutations(NUM_PERM, _SEED)


def _mix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (a bijection that spreads the bits); uint32 arithmetic
    wraps, as the finalizer means it to."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def normalized_words(text: str) -> list[str]:
    """Words of the text, NFKC + case-folded, apostrophes unified; punctuation dropped."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return _WORDS.findall(t)


def exact_hash(text: str) -> str:
    """Hex SHA-256 of the normalised word sequence."""
    return hashlib.sha256(" ".join(normalized_words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Set of word ``k``-grams; a text shorter than ``k`` words is one shingle."""
    words = normalized_words(text)
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def minhash(text: str, k: int = SHINGLE) -> np.ndarray | None:
    """The ``NUM_PERM`` MinHash values (uint32) of the text's shingles; None for a text
    without words."""
    sh = shingles(text, k)
    if not sh:
        return None
    hashes = [int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in sh]
    h = _mix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
    return np.asarray((h * _A + _B).min(axis=0), dtype=np.uint32)


def minhash_bands(text: str, bands: int = BANDS, rows: int = ROWS, k: int = SHINGLE) -> list[str]:
    """LSH band keys of the text: ``bands`` strings ``"<i>:<16 hex>"`` (empty for no words)."""
    if bands * rows > NUM_PERM:
        raise ValueError(f"bands*rows = {bands * rows} exceeds {NUM_PERM} permutations")
    m = minhash(text, k)
    if m is None:
        return []
    hv = m.astype(np.uint64)  # 8 bytes a value, as the stored band strings were first made
    out = []
    for i in range(bands):
        chunk = hv[i * rows : (i + 1) * rows].tobytes()
        out.append(f"{i}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str, k: int = SHINGLE) -> float:
    """Exact Jaccard similarity of the two texts' word-``k``-gram sets (0.0–1.0)."""
    return jaccard(shingles(a, k), shingles(b, k))


def is_duplicate(a: str, b: str, threshold: float = DUPLICATE_THRESHOLD) -> bool:
    return exact_hash(a) == exact_hash(b) or similarity(a, b) >= threshold
