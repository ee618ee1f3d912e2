"""Custom actions: every factual reply is built from actions/answers.py and quotes the article."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers as A
from actions import claims, followups, questions
from actions.vocabulary import canonical


def entity_values(tracker: Tracker, label: str) -> List[str]:
    """Canonical values of `label` entities in the latest user message, in order, no repeats."""
    values: List[str] = []
    for ent in tracker.latest_message.get("entities", []) or []:
        if ent.get("entity") != label or ent.get("value") is None:
            continue
        raw = str(ent["value"])
        value = canonical(label, raw) or " ".join(raw.lower().split())
        if value not in values:
            values.append(value)
    # "treadmil running" yields both "treadmill running" and "running": keep the specific one.
    if "treadmill running" in values and "running" in values:
        values.remove("running")
    return values


def latest_intent(tracker: Tracker) -> Optional[str]:
    # Not Tracker.get_intent_of_latest_message(): it reads intent_ranking, which is empty for
    # some inputs (e.g. test trackers) and skips past nlu_fallback.
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def say(dispatcher: CollectingDispatcher, tracker: Tracker, answer: A.Answer, prefix: str = "", **values: str) -> None:
    # `rasa shell` turns buttons into a menu that must be dismissed before typing the next
    # question: there, only greetings and fallbacks (domain responses) offer buttons.
    in_shell = tracker.get_latest_input_channel() == "cmdline"
    buttons = None if in_shell else (A.buttons(answer.suggestions) or None)
    dispatcher.utter_message(text=A.render(answer, prefix=prefix, **values), buttons=buttons)


def is_tested(activity: str) -> bool:
    return activity in A.ACTIVITIES_WITH_FINDINGS


def unmentioned_drug(tracker: Tracker) -> Optional[str]:
    """A drug named in the message that the article does not mention (e.g. gabapentin)."""
    drugs = [d for d in entity_values(tracker, "drug") if d not in A.MENTIONED_DRUGS]
    return drugs[0] if drugs else None


# Topics whose "the article doesn't say" answer comes before any intent's answer: the reader asked
# for a detail the article lacks even when its topic is covered ("were the pain tests blinded?").
# "cure" and "humans" are left to the claim checks, which answer them with a plain "No".
DETAIL_TOPICS_FIRST = frozenset(A.NOT_COVERED) - {"cure", "humans"}
WHAT_IS = re.compile(r"\bwhat(?:s| is| are| exactly is| exactly are)\b|\bexplain\b|\bdefin", re.I)
# A question about the reader's own health: the medical-advice answer, not a claim check.
PERSONAL = re.compile(r"\b(?:should i|can i|could i|may i|is it safe for me|safe for me|for me to|will it (?:help|work) "
                      r"(?:me|for me)|should (?:she|he|my \w+)|is it ok for me|my doctor)\b", re.I)
DRUG_WORDS = re.compile(r"\b(?:drugs?|medications?|medicines?|meds|pills|antidepressants?|antiepileptics?)\b", re.I)


def answer_by_key(dispatcher: CollectingDispatcher, tracker: Tracker, key: str) -> List[Dict[Text, Any]]:
    """Say the answer named by `key` (see actions/followups.py) and remember it as the topic."""
    if key.startswith("claim:"):
        say(dispatcher, tracker, claims.claim_named(key[6:]).answer)
    elif key.startswith("biomarker:"):
        say(dispatcher, tracker, A.BIOMARKER_ANSWERS[key[10:]])
    elif key.startswith("not_covered:"):
        say(dispatcher, tracker, A.NOT_COVERED.get(key[12:], A.NOT_COVERED_GENERIC))
    elif key == "ask_results" and tracker.get_slot("activity") and not is_tested(tracker.get_slot("activity")):
        # "by how much?" after "does yoga help?": yoga was not measured; say so before the figures.
        say(dispatcher, tracker, A.ANSWERS[key], prefix=A.NO_FIGURE_FOR_UNTESTED, activity=tracker.get_slot("activity"))
    else:
        say(dispatcher, tracker, A.ANSWERS[key])
    return [SlotSet("topic", key)]


def answer_before_intent(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """What comes before the intent's own answer, in this order: a false premise corrected, a detail
    the article lacks, another condition, two questions in one message, a "what is" about a
    biomarker, a yes/no claim, a short follow-up. None: answer the intent."""
    text = latest_text(tracker)
    full = str(tracker.latest_message.get("full_text") or "")  # set for long messages (server/question_focus.py)
    corrected = claims.false_premise(full or text)
    if corrected is not None:
        # The false premise first, in so many words; then the question itself, if it asks more.
        say(dispatcher, tracker, corrected)
        events: List[Dict[Text, Any]] = [SlotSet("topic", "claim")]
        rest = answer_details(dispatcher, tracker, text)
        return events + (rest or [])
    return answer_details(dispatcher, tracker, text, full) or None


def answer_details(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                   full: str = "") -> Optional[List[Dict[Text, Any]]]:
    topics = [t for t in entity_values(tracker, "topic") if t in DETAIL_TOPICS_FIRST]
    # Broad topics ("pain tests", "how often") give way to the specific one asked ("blinded").
    topics.sort(key=lambda t: t in ("measurement", "dose", "downsides"))
    if "downsides" in topics and (entity_values(tracker, "drug") or DRUG_WORDS.search(text)):
        topics.remove("downsides")  # the drugs' downsides: the medications answer says them
    if topics:
        say(dispatcher, tracker, A.NOT_COVERED[topics[0]])
        return [SlotSet("topic", f"not_covered:{topics[0]}")]
    conditions = [c for c in entity_values(tracker, "condition") if c not in A.CONDITIONS_IN_ARTICLE]
    others = [c for c in conditions if c not in A.NEUROPATHIC_CONDITIONS]
    if conditions and not others and len(text.split()) <= 4:  # "chemo?", "sciatica"
        say(dispatcher, tracker, A.NOT_COVERED_CONDITION, condition=conditions[0])
        return [SlotSet("topic", None)]
    if others and not entity_values(tracker, "biomarker"):
        say(dispatcher, tracker, A.OTHER_TOPIC, condition=others[0])
        return [SlotSet("topic", None)]
    clauses = questions.split(text)
    if len(clauses) >= 2:
        # Two questions in one message: answer each one, when each can be placed.
        keys = [claim_key(c) or questions.route(c) for c in clauses]
        if all(keys) and len(set(keys)) == len(keys):
            events: List[Dict[Text, Any]] = []
            for key in keys:
                events = answer_by_key(dispatcher, tracker, key)
            return events
    biomarkers = entity_values(tracker, "biomarker")
    if len(biomarkers) == 1 and biomarkers[0] in A.BIOMARKER_ANSWERS and WHAT_IS.search(text):
        say(dispatcher, tracker, A.BIOMARKER_ANSWERS[biomarkers[0]])  # "what are cytokines?"
        return [SlotSet("topic", f"biomarker:{biomarkers[0]}")]
    verdict = claims.check(text, context=full)
    if verdict is None and len(clauses) == 1 and clauses[0] != claims.normalise(text):
        verdict = claims.check(clauses[0])  # the question after the context
    if verdict is not None and PERSONAL.search(text):
        say(dispatcher, tracker, A.ANSWERS["ask_medical_advice"])  # "is it safe for me ...?" is not a claim
        return [SlotSet("topic", "ask_medical_advice")]
    if verdict is not None:
        say(dispatcher, tracker, verdict)
        return [SlotSet("topic", "claim")]
    key = followups.resolve(text, tracker.get_slot("topic"))
    if key is not None and key != latest_intent(tracker):  # the intent's own answer knows more
        return answer_by_key(dispatcher, tracker, key)
    return None


def claim_key(clause: str) -> Optional[str]:
    answer = claims.check(clause)
    if answer is None:
        return None
    return "claim:" + next(c.name for c in claims.SILENT + claims.CLAIMS if c.answer is answer)


class ActionAnswerQuestion(Action):
    """Answers the article's facts, one intent per fact (see ANSWERS)."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        first = answer_before_intent(dispatcher, tracker)
        if first is not None:
            return first
        intent = latest_intent(tracker)
        answer = A.ANSWERS.get(intent)
        if answer is None:
            suggest_questions(dispatcher, tracker)
            return []

        activities = entity_values(tracker, "activity")
        biomarkers = entity_values(tracker, "biomarker")
        events: List[Dict[Text, Any]] = [SlotSet("topic", intent)]
        if activities:
            events.append(SlotSet("activity", activities[0]))

        drug = unmentioned_drug(tracker) if intent == "ask_medications" else None
        if drug:
            say(dispatcher, tracker, A.NOT_COVERED_DRUG, drug=drug)
            return events

        if intent == "ask_mechanism" and len(biomarkers) == 1 and biomarkers[0] in A.BIOMARKER_ANSWERS:
            say(dispatcher, tracker, A.BIOMARKER_ANSWERS[biomarkers[0]])
            return events + [SlotSet("topic", f"biomarker:{biomarkers[0]}")]

        if intent == "ask_results":
            # "by how much?" right after "does cycling help?" must not suggest cycling was measured.
            activity = activities[0] if activities else tracker.get_slot("activity")
            if activity and not is_tested(activity):
                say(dispatcher, tracker, answer, prefix=A.NO_FIGURE_FOR_UNTESTED, activity=activity)
                return events
        say(dispatcher, tracker, answer)

        if intent == "ask_medical_advice":
            for activity in activities:
                if not is_tested(activity):
                    say(dispatcher, tracker, A.ACTIVITY_UNTESTED, activity=activity)
        return events


class ActionAnswerActivity(Action):
    """'Does swimming help?', 'what about yoga?', 'swimming or running?'."""

    def name(self) -> Text:
        return "action_answer_activity"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        first = answer_before_intent(dispatcher, tracker)
        if first is not None:
            return first
        intent = latest_intent(tracker)
        activities = entity_values(tracker, "activity")
        drug = unmentioned_drug(tracker)
        if not activities and drug:  # "does gabapentin help?" is not about exercise
            say(dispatcher, tracker, A.NOT_COVERED_DRUG, drug=drug)
            return []
        if not activities:
            # "does it help?" / "and that one?": the activity talked about last, else exercise.
            activities = [tracker.get_slot("activity") or "exercise"]

        if intent == "ask_compare_activities" or len(activities) > 1:
            tested = [a for a in activities if is_tested(a)]
            untested = [a for a in activities if not is_tested(a)]
            if len(tested) >= 2 or (intent == "ask_compare_activities" and not untested):
                say(dispatcher, tracker, A.ACTIVITY_COMPARISON)
            else:
                for activity in tested:
                    self._answer_one(dispatcher, tracker, activity)
            for activity in untested:
                say(dispatcher, tracker, A.ACTIVITY_UNTESTED, activity=activity)
        else:
            self._answer_one(dispatcher, tracker, activities[0])
        return [SlotSet("activity", activities[-1]), SlotSet("topic", "activity")]

    @staticmethod
    def _answer_one(dispatcher: CollectingDispatcher, tracker: Tracker, activity: str) -> None:
        if activity == "exercise":
            say(dispatcher, tracker, A.ACTIVITY_EXERCISE)
        elif activity == "running":
            say(dispatcher, tracker, A.ACTIVITY_RUNNING)
        elif is_tested(activity):  # treadmill running, swimming
            say(dispatcher, tracker, A.ACTIVITY_TESTED, activity=activity)
        else:
            say(dispatcher, tracker, A.ACTIVITY_UNTESTED, activity=activity)


class ActionAnswerNotCovered(Action):
    """Questions the article does not answer: say so plainly, then what it does say."""

    def name(self) -> Text:
        return "action_answer_not_covered"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        first = answer_before_intent(dispatcher, tracker)
        if first is not None:
            return first
        topics = [t for t in entity_values(tracker, "topic") if t in A.NOT_COVERED]
        drug = unmentioned_drug(tracker)
        conditions = [c for c in entity_values(tracker, "condition") if c != "sciatic nerve injury"]
        if topics:
            say(dispatcher, tracker, A.NOT_COVERED[topics[0]])
        elif drug:
            say(dispatcher, tracker, A.NOT_COVERED_DRUG, drug=drug)
        elif conditions:
            say(dispatcher, tracker, A.NOT_COVERED_CONDITION, condition=conditions[0])
        else:
            say(dispatcher, tracker, A.NOT_COVERED_GENERIC)
        return [SlotSet("topic", f"not_covered:{topics[0]}" if topics else None)]


class ActionFallback(Action):
    """When the classifier is unsure: a follow-up or a claim it can still place, else "not sure"
    with the likeliest questions (from the intent ranking) as buttons instead of a fixed list."""

    def name(self) -> Text:
        return "action_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        first = answer_before_intent(dispatcher, tracker)
        if first is not None:
            return first
        suggest_questions(dispatcher, tracker)
        return []


def suggest_questions(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"Not sure" with the two or three likeliest questions from the intent ranking as buttons
    (a menu in the shell too: there nothing else would tell the reader what to ask)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    likely = [r["name"] for r in ranking if r.get("name") in A.SUGGESTION_FOR_INTENT][:3]
    keys = tuple(dict.fromkeys(A.SUGGESTION_FOR_INTENT[i] for i in likely)) or A.DEFAULT_SUGGESTIONS
    dispatcher.utter_message(text=A.FALLBACK_TEXT, buttons=A.buttons(keys))
