"""Grounding: every passage the bot quotes is verbatim in the shipped article (data/article.txt),
and it is shown with the right paragraph number."""
import itertools
import re

import pytest
import yaml

from actions import answers as A
from actions.actions import ActionAnswerActivity, ActionAnswerNotCovered, ActionAnswerQuestion
from actions.article import load_article
from actions.vocabulary import load_patterns
from helpers import ROOT, make_tracker, quotes_in, run_action, texts


def all_answers():
    yield from A.ANSWERS.items()
    yield from A.BIOMARKER_ANSWERS.items()
    yield from A.NOT_COVERED.items()
    for name in dir(A):
        value = getattr(A, name)
        if isinstance(value, A.Answer):
            yield name, value


@pytest.mark.parametrize("name, answer", list(all_answers()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_quote_in_the_answer_bank_is_verbatim(name, answer):
    article = load_article()
    for quote in answer.quotes:
        assert article.contains(quote), f"{name}: quote not verbatim in the article: {quote!r}"


def _every_rendered_reply():
    """Replies of every action for every intent and every vocabulary entity, with and without context."""
    entities = [(p["label"], p["pattern"]) for p in load_patterns()]
    for intent in A.ANSWERS:
        yield ActionAnswerQuestion(), make_tracker(intent)
        for label, value in entities:
            if label in ("activity", "biomarker"):
                yield ActionAnswerQuestion(), make_tracker(intent, [(label, value)])
    for label, value in entities:
        if label == "activity":
            yield ActionAnswerActivity(), make_tracker("ask_activity_helps", [(label, value)])
            yield ActionAnswerActivity(), make_tracker("ask_compare_activities", [(label, value), ("activity", "swimming")])
        yield ActionAnswerNotCovered(), make_tracker("ask_not_covered", [(label, value)])
    yield ActionAnswerNotCovered(), make_tracker("ask_not_covered")


def test_every_rendered_quote_is_verbatim_in_the_paragraph_it_names():
    article = load_article()
    checked = 0
    for action, tracker in _every_rendered_reply():
        for paragraph, quote in quotes_in(texts(run_action(action, tracker)[0])):
            assert quote in article.paragraphs[paragraph - 1], f"not in paragraph {paragraph}: {quote!r}"
            checked += 1
    assert checked > 1000  # the sweep really ran over the vocabulary


def test_domain_responses_quote_nothing_that_is_not_in_the_article():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    article = load_article()
    for name, variants in domain["responses"].items():
        for variant in variants:
            for quote in re.findall(r'From the article[^"]*"([^"]+)"', variant.get("text", "")):
                assert article.contains(quote), f"{name}: {quote!r}"


def test_button_payloads_name_intents_and_entities_the_domain_knows():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    payloads = [p for _, p in A.SUGGESTIONS.values()]
    # In domain.yml, {{ }} keeps Rasa from reading the entity JSON as a slot placeholder.
    payloads += [b["payload"].replace("{{", "{").replace("}}", "}")
                 for v in domain["responses"].values() for r in v for b in r.get("buttons", [])]
    for payload in payloads:
        m = re.fullmatch(r"/(\w+)(\{.*\})?", payload)
        assert m and m.group(1) in domain["intents"], payload
        if m.group(2):
            assert set(yaml.safe_load(m.group(2))) <= set(domain["entities"]), payload


def test_answers_never_say_an_untested_activity_helps():
    untested = {p["id"] for p in load_patterns() if p["label"] == "activity"} - A.ACTIVITIES_WITH_FINDINGS
    for activity, other in itertools.product(sorted(untested), ["swimming", None]):
        ents = [("activity", activity)] + ([("activity", other)] if other else [])
        for intent in ("ask_activity_helps", "ask_compare_activities"):
            text = texts(run_action(ActionAnswerActivity(), make_tracker(intent, ents))[0])
            sentences = [s for s in re.split(r"(?<=[.:])\s", text) if activity in s]
            assert sentences and all("didn't test" in s or "whether it helps" in s for s in sentences), text
