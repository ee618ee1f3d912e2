"""Turn entity text found by the spaCy entity ruler into the canonical names the answers use.

Rasa's SpacyEntityExtractor passes on the matched text ("Swiming", "HSP-27"), not the
pattern's id, so we look the text up in the same patterns file the pipeline was built from.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

from spacy.matcher.levenshtein import levenshtein_compare

PATTERNS = Path(__file__).resolve().parent.parent / "spacy_pipeline" / "patterns.jsonl"
FUZZY_MIN_LENGTH = 8  # same rule as spacy_pipeline/build.py


@lru_cache(maxsize=1)
def _table() -> Dict[Tuple[str, str], str]:
    table = {}
    for line in PATTERNS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            p = json.loads(line)
            table[(p["label"], p["pattern"].lower())] = p["id"]
    return table


def canonical(label: str, text: str) -> Optional[str]:
    """Canonical id for `text` tagged `label`, or None if it is not in the vocabulary."""
    key = " ".join(text.lower().split())
    table = _table()
    if (label, key) in table:
        return table[(label, key)]
    if " " not in key:  # the pipeline's one-typo fuzzy patterns
        for (lab, word), cid in table.items():
            if lab == label and len(word) >= FUZZY_MIN_LENGTH and " " not in word and levenshtein_compare(key, word, 1):
                return cid
    return None
