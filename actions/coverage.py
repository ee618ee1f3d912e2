"""Which answer quotes each sentence of the article: every sentence must be answerable.

    python -m actions.coverage      # prints the table

A sentence is covered when an answer quotes it, or a part of it (the answers quote the clause
that carries the fact, e.g. "there was a significant reduction ... treadmill running or swimming").
"""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Tuple

from actions import answers as A
from actions import claims
from actions.article import load_article


def sentences() -> List[str]:
    out = []
    for paragraph in load_article().paragraphs:
        out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph) if s.strip())
    return out


def named_answers() -> Iterator[Tuple[str, A.Answer]]:
    yield from A.ANSWERS.items()
    yield from ((f"biomarker:{k}", v) for k, v in A.BIOMARKER_ANSWERS.items())
    yield from ((f"not_covered:{k}", v) for k, v in A.NOT_COVERED.items())
    yield from ((f"claim:{c.name}", c.answer) for c in claims.SILENT + claims.CLAIMS)
    for name in ("ACTIVITY_TESTED", "ACTIVITY_RUNNING", "ACTIVITY_EXERCISE", "ACTIVITY_UNTESTED", "ACTIVITY_COMPARISON"):
        yield name, getattr(A, name)


def coverage() -> Dict[str, List[str]]:
    table: Dict[str, List[str]] = {s: [] for s in sentences()}
    for name, answer in named_answers():
        for quote in answer.quotes:
            for sentence in table:
                if quote in sentence or sentence in quote:
                    table[sentence].append(name)
    return table


if __name__ == "__main__":
    for sentence, names in coverage().items():
        print(f"{', '.join(sorted(set(names))[:4]) or 'NOT COVERED':60}  {sentence[:90]}")
