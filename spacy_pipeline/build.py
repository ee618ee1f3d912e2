"""Build the project's spaCy pipeline from spaCy itself (no pretrained download).

A blank English pipeline with an entity ruler that tags what people ask about: activities,
drugs, conditions, biomarkers and topics the article does not cover (patterns.jsonl). Long
single words also get a one-typo fuzzy pattern, so "swiming" or "treadmil" still match.

    python spacy_pipeline/build.py OUTPUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from actions.vocabulary import allows_typo, load_patterns  # noqa: E402  (one list, one rule)


def fuzzy_variants(patterns: List[Dict]) -> List[Dict]:
    return [
        {"label": p["label"], "id": p["id"], "pattern": [{"LOWER": {"FUZZY1": p["pattern"]}}]}
        for p in patterns
        if allows_typo(p["label"], p["pattern"])
    ]


def build(output: Path) -> spacy.language.Language:
    nlp = spacy.blank("en")
    # LOWER: SpacyEntityExtractor re-runs spaCy on the original-case text.
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()
    # Patterns go in after initialize(), which clears patterns added before it (W036).
    patterns = load_patterns()
    ruler.add_patterns(patterns + fuzzy_variants(patterns))
    nlp.meta.update(name="article_bot", version="1.0.0",
                    description="Blank English pipeline + entity ruler for the article bot")
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return nlp


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    nlp = build(out)
    print(f"built spaCy pipeline {out} ({len(nlp.get_pipe('entity_ruler'))} patterns)")
