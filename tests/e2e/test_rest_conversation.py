"""End-to-end: the action server and Rasa on loopback, a conversation over the REST channel.

Checks the content of every reply (the REST channel answers 200 with [] when something fails
inside), that quotes are verbatim, and that a restarted server remembers the conversation
(SQLite tracker store).
"""
import re
import uuid

import pytest

from actions.article import load_article
from helpers import quotes_in
from servers import (MODEL, free_port, get_json, post_json, start_actions, start_rasa, write_config)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    actions_port, rasa_port = free_port(), free_port()
    config = write_config(tmp, actions_port, tmp / "conversations.db")
    actions = start_actions(actions_port, tmp)
    rasa = start_rasa(rasa_port, config, tmp)
    servers = {"actions": actions, "rasa": rasa, "config": config, "tmp": tmp, "port": rasa_port}
    try:
        actions.wait_ready()
        rasa.wait_ready()
        yield servers
    finally:
        servers["rasa"].stop()
        actions.stop()


def chat(port, sender, message):
    replies = post_json(f"http://127.0.0.1:{port}/webhooks/rest/webhook", {"sender": sender, "message": message})
    assert replies, f"no reply to {message!r} (the REST channel returns [] when something fails inside)"
    return "\n".join(r.get("text", "") for r in replies), replies


def assert_grounded(text):
    article = load_article()
    quotes = quotes_in(text)
    assert quotes, f"no article quote in: {text}"
    for paragraph, quote in quotes:
        assert quote in article.paragraphs[paragraph - 1]


def test_server_runs_the_model_we_built(stack):
    status = get_json(f"http://127.0.0.1:{stack['port']}/status")
    assert status["model_file"].endswith(MODEL.name)


def test_grounded_conversation_with_follow_ups(stack):
    port, me = stack["port"], f"e2e-{uuid.uuid4().hex[:8]}"

    text, _ = chat(port, me, "does swimming help?")
    assert "30 to 50 percent" in text and "swimming" in text
    assert_grounded(text)

    text, _ = chat(port, me, "by how much?")
    assert "30 to 50 percent" in text
    assert_grounded(text)

    text, _ = chat(port, me, "Does cycling help?")
    assert "didn't test cycling" in text and "Yes" not in text
    assert_grounded(text)

    text, _ = chat(port, me, "what about swimming?")
    assert "did swimming for a few weeks" in text

    text, _ = chat(port, me, "was it tested on people?")
    assert text.startswith("No: the study was done in rats")
    assert_grounded(text)

    text, _ = chat(port, me, "what is HSP27")
    assert "heat shock protein 27" in text
    assert_grounded(text)


def test_what_the_article_does_not_say(stack):
    port, me = stack["port"], f"e2e-{uuid.uuid4().hex[:8]}"
    text, _ = chat(port, me, "who wrote the study?")
    assert "doesn't name the researchers" in text
    text, _ = chat(port, me, "how many rats were used?")
    assert "doesn't say how many rats" in text
    text, _ = chat(port, me, "should I stop my medication and swim?")
    assert "can't give medical advice" in text and "doctor" in text
    assert_grounded(text)


def test_out_of_scope_and_fallback_offer_buttons(stack):
    port, me = stack["port"], f"e2e-{uuid.uuid4().hex[:8]}"
    text, replies = chat(port, me, "what's the weather like tomorrow?")
    assert "I can only talk about the article" in text and replies[0]["buttons"]
    text, replies = chat(port, me, "qwzx plmk trvb")
    assert "didn't catch a question" in text
    assert any(b["payload"] == "/ask_summary" for b in replies[0]["buttons"])
    # Unsure: the likeliest questions from the intent ranking, not a fixed list.
    text, replies = chat(port, me, "the thing with the stuff")
    assert "not sure what you mean" in text and replies[0]["buttons"]


def test_button_payload(stack):
    text, _ = chat(stack["port"], "e2e-button", '/ask_activity_helps{"activity":"swimming"}')
    assert "30 to 50 percent" in text


def test_restarted_server_remembers_the_conversation(stack):
    port, me = stack["port"], f"e2e-{uuid.uuid4().hex[:8]}"
    chat(port, me, "does yoga help?")
    stack["rasa"].stop()
    stack["rasa"] = start_rasa(port, stack["config"], stack["tmp"], name="rasa-restarted")
    stack["rasa"].wait_ready()
    # The remembered activity (yoga) is in the SQLite tracker store, not in the process.
    text, _ = chat(port, me, "by how much did the pain go down?")
    assert "no figure for yoga" in text and "30 to 50 percent" in text
    events = get_json(f"http://127.0.0.1:{port}/conversations/{me}/tracker")["events"]
    assert sum(e["event"] == "user" for e in events) == 2


def test_readers_own_questions(stack):
    """Claims, a false premise, a follow-up, another condition, another language, a huge message."""
    port, me = stack["port"], f"e2e-{uuid.uuid4().hex[:8]}"
    text, _ = chat(port, me, "so HSP27 went down with exercise, yeah?")
    assert text.startswith("No: heat shock protein 27 went up") and quotes_in(text)
    text, _ = chat(port, me, "the article says swimming worked better than running, right?")
    assert text.startswith("No, the article doesn't say one worked better")
    text, _ = chat(port, me, "since the study proved exercise cures nerve pain, how often should I swim?")
    assert text.startswith("No: exercise reduced the rats' pain responses by 30 to 50 percent")
    text, _ = chat(port, me, "what is hsp27?")
    assert "heat shock protein 27" in text
    text, _ = chat(port, me, "and what did it do?")
    assert "may have helped lower" in text
    text, _ = chat(port, me, "were the people scoring the pain tests blinded?")
    assert text.startswith("The article doesn't say whether")
    text, _ = chat(port, me, "tell me about multiple sclerosis")
    assert text.startswith("The article doesn't cover multiple sclerosis.") and "From the article" not in text
    text, _ = chat(port, me, "游泳有帮助吗？")
    assert text.startswith("I can only answer questions in English")
    text, _ = chat(port, me, "why does exercise help? " * 100)
    assert "one short question" in text
    text, _ = chat(port, me, "does swimming help?")  # and back to normal
    assert "30 to 50 percent" in text
