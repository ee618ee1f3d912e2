"""Reader safety: the routing patterns, the SafetyGate component, the safety replies in the domain,
and deleting a conversation from the SQLite tracker store (server/)."""
import sqlite3
import uuid

import pytest
import yaml

from helpers import ROOT
from server import safety
from server.safety import CHILD, CRISIS, DELETE, DOSE, EMERGENCY, PET, normalise, route

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


# The issue's own examples, and more of each kind (none copied from tests/readers/).
@pytest.mark.parametrize("text", [
    "i'm thinking about killing myself",
    "I can't take this pain anymore, I want to end my life",
    "the burning in my feet is so bad i dont want to live anymore",
    "I don't see the point of going on",
    "everyone would be better off without me",
    "my husband says he wants to end it all",
    "My feet burn every night, the pills do nothing, my wife is tired of me and honestly i think about suicide a lot",
    "i wanna die",
    "thinkin bout endin it all",
    "I've been cutting my arms again",
    "quiero morirme", "je veux mourir", "ich will nicht mehr leben", "我想自杀",
])
def test_crisis_messages(text):
    assert route(text) == CRISIS, text


@pytest.mark.parametrize("text", [
    "sudden numbness on one side of my face and my arm is weak",
    "chest pain and I can't breathe",
    "lost control of my bladder and my back pain is terrible",
    "I took too many of my gabapentin tablets",
    "the wound on my foot has gone black and I have a fever",
])
def test_emergency_messages(text):
    assert route(text) == EMERGENCY, text


@pytest.mark.parametrize("text", [
    "this pain is killing me, does swimming help?",
    "I'd kill for a cure",
    "swimming saved my life",
    "I'm dying to know how much the pain dropped",
    "I'm dead tired after the treadmill",
    "did the rats die at the end of the study?",
    "I had a stroke years ago, can I exercise?",
    "our coach makes us run suicides, is that ok with sciatica?",
    "overdosed on coffee this morning lol",
    "does swimming help?",
    "my daughter sent me this article",
    "I walk my dog twice a day, does that count?",
])
def test_ordinary_messages_and_idioms_are_not_routed(text):
    assert route(text) is None, (text, safety.matched_pattern(text))


@pytest.mark.parametrize("text,expected", [
    ("my dog has nerve pain, should he swim?", PET),
    ("can I give my cat gabapentin?", PET),
    ("my 9 year old has nerve pain in his leg", CHILD),
    ("is swimming safe for my son with neuropathy?", CHILD),
    ("how many mg of gabapentin should I take?", DOSE),
    ("can I double my dose of duloxetine?", DOSE),
    ("delete my conversation", DELETE),
    ("/delete", DELETE),
])
def test_advice_for_others_and_commands(text, expected):
    assert route(text) == expected


def test_button_payloads_are_left_to_rasa():
    assert route('/ask_activity_helps{"activity":"swimming"}') is None
    assert route("") is None and route(None) is None


def test_normalise_spells_out_contractions_and_text_speak():
    assert normalise("I don't wanna b alive") == "i do not want to be alive"
    assert normalise("thinkin bout endin it") == "thinking about ending it"
    assert normalise("j'ai envie d'en finir") == "j ai envie d en finir"


def test_the_semantic_net_is_skipped_for_idioms_and_one_word_messages():
    class Net(safety.SemanticNet):
        def __init__(self):  # no model: every message it is asked about is "a crisis"
            self.asked = []

        def similarities(self, text):
            self.asked.append(text)
            return {CRISIS: 0.99, EMERGENCY: 0.5, "ordinary": 0.5}

    net = Net()
    net.threshold, net.margin = 0.86, 0.01
    assert net.route("I'd kill for a cure") is None
    assert net.route("ok") is None
    assert net.route("I'm ready to go now") == CRISIS
    assert net.asked == ["I'm ready to go now"]


# --- the Rasa component ------------------------------------------------------------------------
def gate_messages(*items):
    from rasa.shared.nlu.training_data.message import Message

    messages = []
    for text, intent, confidence in items:
        message = Message(data={"text": text})
        message.set("intent", {"name": intent, "confidence": confidence})
        message.set("intent_ranking", [{"name": intent, "confidence": confidence},
                                       {"name": "ask_results", "confidence": 0.2},
                                       {"name": "ask_summary", "confidence": 0.1}])
        messages.append(message)
    return messages


def test_gate_overrides_the_classifier_and_demotes_its_unconfirmed_crisis():
    from server.safety import SafetyGate

    gate = SafetyGate({"semantic_net": False}, None, None)
    crisis, idiom, normal = gate.process(gate_messages(
        ("I want to kill myself", "ask_activity_helps", 0.9),
        ("this pain is killing me", "crisis", 0.7),       # the classifier alone said crisis
        ("does swimming help?", "ask_activity_helps", 0.9),
    ))
    assert crisis.get("intent") == {"name": CRISIS, "confidence": 1.0}
    assert crisis.get("intent_ranking")[0]["name"] == CRISIS
    assert idiom.get("intent")["name"] == "nlu_fallback"  # next in ranking is under 0.3
    assert normal.get("intent")["name"] == "ask_activity_helps"


# --- the safety replies -------------------------------------------------------------------------
def reply(name):
    return DOMAIN["responses"][name][0]


def test_crisis_reply_leads_with_concern_gives_helplines_and_says_it_is_automated():
    text = reply("utter_crisis")["text"]
    assert text.startswith("I'm really sorry")
    for needed in ("988", "Samaritans 116 123", "findahelpline.com", "local emergency number",
                   "automated assistant", "can't help in a crisis", "questions about the article"):
        assert needed in text
    # The helplines are one line: a site in another country changes that line only.
    assert sum("988" in line for line in text.splitlines()) == 1


@pytest.mark.parametrize("name", ["utter_crisis", "utter_emergency", "utter_dose", "utter_child_health",
                                  "utter_pet_health"])
def test_safety_replies_carry_no_article_content_or_buttons(name):
    response = reply(name)
    assert "buttons" not in response
    assert "From the article" not in response["text"]
    assert "30 to 50" not in response["text"] and "swim" not in response["text"].lower()


def test_emergency_dose_child_and_pet_replies():
    assert reply("utter_emergency")["text"].startswith("This could be a medical emergency. Please call your local emergency number now")
    dose = reply("utter_dose")["text"]
    assert "doctor or pharmacist" in dose and not any(ch.isdigit() for ch in dose)
    assert "their doctor" in reply("utter_child_health")["text"]
    assert "vet" in reply("utter_pet_health")["text"]


def test_every_safety_intent_has_a_rule_to_its_reply():
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    pairs = {(r["steps"][0].get("intent"), r["steps"][1].get("action")) for r in rules}
    for intent, action in [(CRISIS, "utter_crisis"), (EMERGENCY, "utter_emergency"), (DOSE, "utter_dose"),
                           (CHILD, "utter_child_health"), (PET, "utter_pet_health"),
                           (DELETE, "utter_conversation_deleted")]:
        assert (intent, action) in pairs


# --- deleting a conversation from the store ------------------------------------------------------
def test_store_deletes_every_event_of_the_conversation_on_disk_too(tmp_path):
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from server.sqlite_tracker_store import SQLiteTrackerStore

    domain = Domain.load(str(ROOT / "domain.yml"))
    db = tmp_path / "conversations.db"
    store = SQLiteTrackerStore(domain, db=str(db))
    marker, other = f"zebra{uuid.uuid4().hex[:8]}", f"other-{uuid.uuid4().hex[:8]}"

    async def scenario():
        for sender, word in (("reader", marker), (other, "yoga")):
            tracker = DialogueStateTracker(sender, domain.slots)
            tracker.update(UserUttered(f"does {word} help?", {"name": "ask_activity_helps"}))
            tracker.update(BotUttered("The study didn't test it."))
            await store.save(tracker)
        tracker = await store.retrieve("reader")
        tracker.update(UserUttered("delete my conversation", {"name": DELETE}))
        await store.save(tracker)  # Rasa saves once after the user message...
        assert rows("reader") == 2 + 1
        tracker.update(ActionExecuted("utter_conversation_deleted"))
        tracker.update(BotUttered("Done"))
        await store.save(tracker)  # ...and again after the bot's reply: now it deletes.

    def rows(sender):
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id=?", (sender,)).fetchone()[0]

    asyncio.run(scenario())
    assert rows("reader") == 0
    assert rows(other) == 2  # only that conversation
    assert asyncio.run(store.retrieve("reader")) is None
    # secure_delete + a WAL checkpoint: the reader's words are nowhere in the files any more.
    data = b"".join(p.read_bytes() for p in tmp_path.glob("conversations.db*"))
    assert marker.encode() not in data and b"does yoga help?" in data
