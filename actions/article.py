"""The article the bot answers from: loaded once from data/article.txt.

The file starts with "Key: value" header lines (title, source), then a blank line, then the
article's paragraphs separated by blank lines. Every quote the bot shows must be a verbatim
substring of one paragraph; `locate` finds which one so the answer can say where it comes from.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

ARTICLE_PATH = Path(__file__).resolve().parent.parent / "data" / "article.txt"


class QuoteNotInArticle(ValueError):
    """Raised when an answer tries to quote text that the article does not contain."""


@dataclass(frozen=True)
class Article:
    title: str
    source: str
    paragraphs: Tuple[str, ...]

    def locate(self, quote: str) -> int:
        """1-based number of the paragraph holding `quote` verbatim."""
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if quote in paragraph:
                return number
        raise QuoteNotInArticle(f"not verbatim in the article: {quote!r}")

    def contains(self, quote: str) -> bool:
        return any(quote in paragraph for paragraph in self.paragraphs)


def parse(text: str) -> Article:
    header, _, body = text.partition("\n\n")
    fields: Dict[str, str] = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
    if "title" not in fields or not paragraphs:
        raise ValueError("article file needs a 'Title:' header and at least one paragraph")
    return Article(title=fields["title"], source=fields.get("source", ""), paragraphs=paragraphs)


@lru_cache(maxsize=1)
def load_article(path: Path = ARTICLE_PATH) -> Article:
    return parse(path.read_text(encoding="utf-8"))
