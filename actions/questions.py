"""Messages that hold more than one question, or a question after some context.

`split(text)` returns the question clauses of a message: sentences ending in "?", and clauses
joined by "and"/"also" that start like a question ("Was it tested on humans, and how long did
the animals exercise?"). `route(clause)` finds the answer key (as in actions/followups.py) for one
clause by the words that name its subject; it is used only for the clauses of a message the
classifier read as a whole.
"""
from __future__ import annotations

import re
from typing import List, Optional

from actions.claims import normalise

_STARTS_QUESTION = (r"(?:what|whats|why|how|which|who|where|when|is|are|was|were|do|does|did|can|could|will|would|"
                    r"should|has|have|and what|and how|and why|and was|and did|and is|and does)\b")
_ROUTES = (
    (r"\bhow long\b|\bhow many weeks\b|\bwhat (?:kind of )?exercises?\b|\bwhich exercises?\b|\bwhat did the rats do\b", "ask_exercise_protocol"),
    (r"\bjournal\b|\bpublished\b|\bsource\b", "ask_publication"),
    (r"\bwhat (?:animals?|kind of animals?)\b|\bwho was studied\b|\bwhat was studied\b", "ask_study_subjects"),
    (r"\b(?:people|humans?|patients)\b", "claim:humans"),
    (r"\bhow much\b|\bpercent\b|\bresults?\b|\bwhat did (?:they|the study|the researchers) find\b", "ask_results"),
    (r"\bwhy\b|\bhow does (?:exercise|it|swimming|running) (?:help|work)\b|\bmechanism\b|\bcytokines?\b|\bprotein\b|\bhsp", "ask_mechanism"),
    (r"\bwhat is (?:neuropathic|nerve) pain\b|\bdefin\w*\b", "ask_definition"),
    (r"\bsymptoms?\b|\bfeel like\b|\bhow does it feel\b|\bsensations?\b", "ask_symptoms"),
    (r"\bwho gets\b|\bwhat causes\b", "ask_causes"),
    (r"\bdrugs?\b|\bmedications?\b|\bmedicines?\b|\bantidepress\w*|\bantiepilep\w*", "ask_medications"),
    (r"\bexample\b|\bphantom\b", "ask_example"),
    (r"\bconclu\w*|\bmain (?:cause|culprit)\b", "ask_conclusion"),
    (r"\bwhat(?:s| is)? next\b|\bfuture\b|\bmore research\b", "ask_next_steps"),
    (r"\bshould i\b|\bfor me\b|\bwork for (?:me|my)\b|\bhelp (?:me|my)\b", "ask_medical_advice"),
)
_COMPILED = tuple((re.compile(p), key) for p, key in _ROUTES)


def split(text: str) -> List[str]:
    """The question clauses of `text` (one element when it asks one thing)."""
    norm = normalise(text)
    sentences = [s.strip() for s in re.split(r"(?<=[?])\s+|(?<=[.!])\s+(?=[a-z])", norm) if s.strip()]
    questions = [s for s in sentences if s.endswith("?") or re.match(_STARTS_QUESTION, s)]
    clauses: List[str] = []
    for sentence in questions or sentences[-1:]:
        parts = re.split(r",?\s+(?:and|also|plus)\s+(?=" + _STARTS_QUESTION + r")", sentence)
        clauses.extend(p.strip(" ,") for p in parts if len(p.split()) >= 2)
    return clauses or [norm]


def route(clause: str) -> Optional[str]:
    for pattern, key in _COMPILED:
        if pattern.search(clause):
            return key
    return None
