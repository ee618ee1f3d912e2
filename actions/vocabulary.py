"""The words the spaCy entity ruler tags, and how a tagged text maps to a canonical name.

spacy_pipeline/patterns.jsonl is the single list: spacy_pipeline/build.py builds the entity
ruler from it, and the actions use it to turn the matched text that Rasa's SpacyEntityExtractor
passes on ("Swiming", "HSP-27") into the canonical name the answers use ("swimming", "hsp27").
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from spacy.matcher.levenshtein import levenshtein_compare

PATTERNS = Path(__file__).resolve().parent.parent / "spacy_pipeline" / "patterns.jsonl"

# One typo is allowed in single words this long; shorter words sit too close to unrelated
# ones ("walking"/"talking").
FUZZY_MIN_LENGTH = 8
# Long words that are one edit away from a common word ("medication", "messages").
NO_FUZZY = {"meditation", "meditating", "massages", "dangerous", "permanent", "exercised"}
FUZZY_LABELS = {"activity", "drug", "condition", "biomarker"}


def load_patterns(path: Path = PATTERNS) -> List[Dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def allows_typo(label: str, word: str) -> bool:
    return (
        label in FUZZY_LABELS
        and len(word) >= FUZZY_MIN_LENGTH
        and word.isalpha()
        and word not in NO_FUZZY
    )


@lru_cache(maxsize=1)
def _table() -> Dict[Tuple[str, str], str]:
    return {(p["label"], p["pattern"].lower()): p["id"] for p in load_patterns()}


def canonical(label: str, text: str) -> Optional[str]:
    """Canonical id for `text` tagged `label`, or None if it is not in the vocabulary."""
    key = " ".join(text.lower().split())
    table = _table()
    if (label, key) in table:
        return table[(label, key)]
    for (lab, word), cid in table.items():
        if lab == label and allows_typo(lab, word) and levenshtein_compare(key, word, 1):
            return cid
    return None
