"""Unit tests for every custom action, with CollectingDispatcher and Tracker (no server)."""
import pytest
from rasa_sdk.events import SlotSet

from actions import answers as A
from actions.actions import ActionAnswerActivity, ActionAnswerNotCovered, ActionAnswerQuestion
from actions.vocabulary import load_patterns
from helpers import make_tracker, quotes_in, run_action, texts

UNTESTED = sorted({p["id"] for p in load_patterns() if p["label"] == "activity"} - A.ACTIVITIES_WITH_FINDINGS)


# --- action_answer_question ---------------------------------------------------------------------
@pytest.mark.parametrize("intent", sorted(A.ANSWERS))
def test_every_fact_intent_answers_with_a_quote(intent):
    messages, _ = run_action(ActionAnswerQuestion(), make_tracker(intent))
    text = texts(messages)
    assert A.ANSWERS[intent].text.split(".")[0] in text
    assert quotes_in(text), f"{intent}: answer shows no article quote"


@pytest.mark.parametrize("intent, must_say", [
    ("ask_summary", ["rat", "Anesthesia & Analgesia", "30 to 50 percent"]),
    ("ask_definition", ["nerve damage"]),
    ("ask_causes", ["trauma", "diabetes"]),
    ("ask_example", ["phantom limb", "amputation"]),
    ("ask_symptoms", ["burning", "numbness"]),
    ("ask_treatment_difficulty", ["pain medicines do little"]),
    ("ask_medications", ["Antidepressants", "antiepileptic", "side effects"]),
    ("ask_publication", ["Anesthesia & Analgesia"]),
    ("ask_study_subjects", ["Rats, not people", "sciatic nerve"]),
    ("ask_exercise_protocol", ["treadmill", "swimming", "progressive", "few weeks"]),
    ("ask_results", ["30 to 50 percent", "not eliminated", "temperature and pressure"]),
    ("ask_mechanism", ["inflammation-promoting cytokines", "heat shock protein 27"]),
    ("ask_conclusion", ["inflammation", "main", "without medications"]),
    ("ask_next_steps", ["More research"]),
    ("ask_intro_claims", ["feel better", "headache"]),
    ("ask_medical_advice", ["can't give medical advice", "doctor", "rats"]),
])
def test_fact_answers_say_what_the_article_says(intent, must_say):
    text = texts(run_action(ActionAnswerQuestion(), make_tracker(intent))[0])
    for phrase in must_say:
        assert phrase in text, f"{intent}: missing {phrase!r}"


def test_unknown_intent_asks_to_rephrase():
    messages, events = run_action(ActionAnswerQuestion(), make_tracker("greet"))
    assert messages[0]["text"] == A.FALLBACK_TEXT and messages[0]["buttons"]
    assert events == []


def test_by_how_much_after_an_untested_activity_says_it_was_not_tested():
    tracker = make_tracker("ask_results", slots={"activity": "cycling"})
    text = texts(run_action(ActionAnswerQuestion(), tracker)[0])
    assert text.startswith("There is no figure for cycling: the study didn't test it")
    assert "30 to 50 percent" in text  # what the article does report, for the two tested ones
    assert len(run_action(ActionAnswerQuestion(), tracker)[0]) == 1


def test_by_how_much_after_swimming_gives_the_figures():
    tracker = make_tracker("ask_results", slots={"activity": "swimming"})
    text = texts(run_action(ActionAnswerQuestion(), tracker)[0])
    assert "30 to 50 percent" in text and "didn't test" not in text


def test_mechanism_focuses_on_the_biomarker_asked_about():
    text = texts(run_action(ActionAnswerQuestion(), make_tracker("ask_mechanism", [("biomarker", "HSP-27")]))[0])
    assert "heat shock protein 27" in text and "doesn't explain more" in text
    text = texts(run_action(ActionAnswerQuestion(), make_tracker("ask_mechanism", [("biomarker", "cytokines")]))[0])
    assert "inflammation-promoting cytokines" in text


def test_medical_advice_with_an_untested_activity_does_not_endorse_it():
    tracker = make_tracker("ask_medical_advice", [("activity", "yoga")])
    text = texts(run_action(ActionAnswerQuestion(), tracker)[0])
    assert "can't give medical advice" in text and "didn't test yoga" in text


def test_question_with_an_activity_remembers_it():
    _, events = run_action(ActionAnswerQuestion(), make_tracker("ask_results", [("activity", "Swimming")]))
    assert SlotSet("activity", "swimming") in events


# --- action_answer_activity ---------------------------------------------------------------------
@pytest.mark.parametrize("said, canonical", [
    ("swimming", "swimming"), ("Swim", "swimming"), ("swiming", "swimming"),
    ("treadmill", "treadmill running"), ("running on a treadmill", "treadmill running"),
])
def test_tested_activities_get_the_figures(said, canonical):
    messages, events = run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps", [("activity", said)]))
    text = texts(messages)
    assert text.startswith("Yes, in the study")
    assert canonical in text and "30 to 50 percent" in text and "rats, not people" in text
    assert SlotSet("activity", canonical) in events


def test_running_is_treadmill_running():
    text = texts(run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps", [("activity", "running")]))[0])
    assert "the running was on a treadmill" in text and "30 to 50 percent" in text


def test_exercise_in_general():
    text = texts(run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps", [("activity", "exercise")]))[0])
    assert "treadmill running and swimming" in text and "30 to 50 percent" in text


@pytest.mark.parametrize("activity", UNTESTED)
def test_untested_activities_are_never_said_to_help(activity):
    messages, events = run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps", [("activity", activity)]))
    text = texts(messages)
    assert f"The study didn't test {activity}" in text
    assert "ran on a treadmill or swam" in text
    assert "Yes" not in text and "30 to 50" not in text
    assert SlotSet("activity", activity) in events


def test_follow_up_without_an_activity_uses_the_last_one():
    tracker = make_tracker("ask_activity_helps", slots={"activity": "cycling"}, text="does it help?")
    assert "didn't test cycling" in texts(run_action(ActionAnswerActivity(), tracker)[0])


def test_does_it_help_with_no_context_means_exercise():
    text = texts(run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps"))[0])
    assert "In rats, yes" in text


def test_what_about_swimming_after_running():
    tracker = make_tracker("ask_activity_helps", [("activity", "swimming")], slots={"activity": "running"})
    messages, events = run_action(ActionAnswerActivity(), tracker)
    assert "did swimming for a few weeks" in texts(messages)
    assert SlotSet("activity", "swimming") in events


def test_comparison_says_both_worked_and_no_ranking():
    tracker = make_tracker("ask_compare_activities", [("activity", "swimming"), ("activity", "running")])
    text = texts(run_action(ActionAnswerActivity(), tracker)[0])
    assert "Both reduced pain" in text and "doesn't say which one worked better" in text


def test_comparison_with_an_untested_activity():
    tracker = make_tracker("ask_compare_activities", [("activity", "swimming"), ("activity", "yoga")])
    text = texts(run_action(ActionAnswerActivity(), tracker)[0])
    assert "did swimming" in text and "didn't test yoga" in text and "Both reduced" not in text


def test_typo_in_treadmill_running_is_one_activity():
    tracker = make_tracker("ask_activity_helps", [("activity", "treadmil"), ("activity", "running")])
    _, events = run_action(ActionAnswerActivity(), tracker)
    assert SlotSet("activity", "treadmill running") in events


# --- action_answer_not_covered ------------------------------------------------------------------
@pytest.mark.parametrize("topic_text, expected", [
    ("authors", "doesn't name the researchers"),
    ("when was it published", "doesn't give a date"),
    ("how many rats", "doesn't say how many rats"),
    ("how often", "doesn't give the exercise schedule"),
    ("humans", "no results in people"),
    ("risks", "doesn't mention any downsides"),
    ("permanent", "how long the relief lasted"),
    ("funded", "who funded it"),
    ("cost", "doesn't talk about costs"),
    ("cure", "doesn't call exercise a cure"),
])
def test_not_covered_topics_are_said_plainly(topic_text, expected):
    text = texts(run_action(ActionAnswerNotCovered(), make_tracker("ask_not_covered", [("topic", topic_text)]))[0])
    assert expected in text and quotes_in(text)


def test_not_covered_drug():
    text = texts(run_action(ActionAnswerNotCovered(), make_tracker("ask_not_covered", [("drug", "gabapentin")]))[0])
    assert "doesn't mention gabapentin" in text and "antidepressants and antiepileptic drugs" in text


def test_a_condition_the_article_does_not_cover_gets_a_redirect_not_the_summary():
    text = texts(run_action(ActionAnswerNotCovered(), make_tracker("ask_not_covered", [("condition", "fibromyalgia")]))[0])
    assert text.startswith("The article doesn't cover fibromyalgia.")
    assert "From the article" not in text


def test_not_covered_without_a_topic_offers_what_it_does_cover():
    messages, _ = run_action(ActionAnswerNotCovered(), make_tracker("ask_not_covered"))
    assert "The article doesn't say" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]][0] == "/ask_summary"


# --- suggestions --------------------------------------------------------------------------------
def test_answers_offer_follow_up_buttons_in_the_widget():
    messages, _ = run_action(ActionAnswerActivity(), make_tracker("ask_activity_helps", [("activity", "swimming")]))
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/ask_results", "/ask_mechanism"]


def test_no_button_menu_after_answers_in_the_shell():
    tracker = make_tracker("ask_activity_helps", [("activity", "swimming")], channel="cmdline")
    messages, _ = run_action(ActionAnswerActivity(), tracker)
    assert not messages[0]["buttons"] and "30 to 50 percent" in messages[0]["text"]


def test_does_a_drug_help_is_not_answered_as_an_activity():
    tracker = make_tracker("ask_activity_helps", [("drug", "gabapentin")], slots={"activity": "swimming"})
    messages, events = run_action(ActionAnswerActivity(), tracker)
    assert "doesn't mention gabapentin" in texts(messages) and "swimming" not in texts(messages)
    assert events == []


def test_medications_question_about_a_drug_the_article_does_not_name():
    text = texts(run_action(ActionAnswerQuestion(), make_tracker("ask_medications", [("drug", "Lyrica")]))[0])
    assert "doesn't mention pregabalin" in text
