"""Build the project's spaCy pipeline from spaCy itself (no pretrained download).

A blank English pipeline with an entity ruler that tags what people ask about: activities,
drugs, conditions, biomarkers and topics the article does not cover (patterns.jsonl). Single
long words also get a one-edit fuzzy pattern so "swiming" or "treadmil" still match.

    python spacy_pipeline/build.py OUTPUT_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict, List

import spacy

HERE = Path(__file__).resolve().parent
PATTERNS = HERE / "patterns.jsonl"
FUZZY_MIN_LENGTH = 8  # shorter words are too close to unrelated ones ("walking"/"talking")


def load_patterns(path: Path = PATTERNS) -> List[Dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fuzzy_variants(patterns: List[Dict]) -> List[Dict]:
    """Token patterns allowing one typo in single words of FUZZY_MIN_LENGTH+ letters."""
    variants = []
    for p in patterns:
        word = p["pattern"]
        if " " not in word and "-" not in word and len(word) >= FUZZY_MIN_LENGTH:
            variants.append({"label": p["label"], "id": p["id"], "pattern": [{"LOWER": {"FUZZY1": word}}]})
    return variants


def build(output: Path) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    nlp.initialize()
    # Patterns go in after initialize(): initialize() clears patterns added before it (W036).
    patterns = load_patterns()
    # Exact phrases first so they win ties against fuzzy token patterns of the same span.
    ruler.add_patterns(patterns + fuzzy_variants(patterns))
    nlp.meta["name"] = "article_bot"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Blank English pipeline + entity ruler for the article bot"
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return nlp


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    nlp = build(out)
    print(f"built spaCy pipeline {out} ({len(nlp.get_pipe('entity_ruler'))} patterns)")
