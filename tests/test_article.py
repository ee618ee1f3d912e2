"""The article shipped in data/ is the shared article, cleaned and nothing more."""
import re

import pytest

from actions.article import ARTICLE_PATH, QuoteNotInArticle, load_article, parse
from helpers import ROOT

SHARED = ROOT.parent / "shared" / "article.txt"


def test_header_names_title_and_source():
    article = load_article()
    assert article.title == "Exercise Can Alleviate Neuropathic Pain"
    assert "Anesthesia & Analgesia" in article.source


def test_paragraphs_are_kept_and_page_residue_dropped():
    article = load_article()
    assert len(article.paragraphs) == 6
    body = "\n".join(article.paragraphs)
    assert "Leave a Comment" not in body
    assert not re.search(r"[a-z]\.\d", body), "footnote digits such as 'closely.2' must be cleaned"
    assert "heat chock protein-27" in body  # the article's own wording is kept, typo included


@pytest.mark.skipif(not SHARED.exists(), reason="shared/article.txt not beside the project")
def test_same_words_as_the_shared_article():
    def words(text):
        text = text.replace("Leave a Comment", "")
        text = re.sub(r"(?<=[a-z])\.\d(?=\s|$)", ".", text)
        return text.split()

    shared = SHARED.read_text(encoding="utf-8")
    ours = load_article()
    assert words(shared) == ours.title.split() + " ".join(ours.paragraphs).split()


def test_locate_finds_paragraph_and_rejects_invented_text():
    article = load_article()
    assert article.locate("the pain responses were reduced by 30 to 50 percent") == 4
    with pytest.raises(QuoteNotInArticle):
        article.locate("swimming works better than running")


def test_parse_requires_a_title():
    with pytest.raises(ValueError):
        parse("Source: x\n\nSome paragraph.")


def test_article_file_is_inside_the_project():
    assert ARTICLE_PATH == ROOT / "data" / "article.txt"
