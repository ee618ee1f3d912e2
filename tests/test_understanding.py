"""Readers' own questions: claim checks and false premises, follow-ups by topic, two questions in
one message, details the article lacks, other conditions, the input gate, sentence coverage."""
import pytest

from actions import answers as A
from actions import claims, followups, questions
from actions.actions import ActionAnswerQuestion, ActionFallback
from actions.coverage import coverage
from helpers import make_tracker, quotes_in, run_action, texts
from server.input_gate import ASK_ONE_QUESTION, NOT_ENGLISH, classify


def test_every_article_sentence_is_quoted_by_an_answer():
    uncovered = [s for s, names in coverage().items() if not names]
    assert uncovered == []


@pytest.mark.parametrize("question, verdict", [
    ("so HSP27 went down with exercise, yeah?", "No"),
    ("did heat shock protein 27 increase?", "Yes"),
    ("the article says swimming worked better than running, right?", "No, the article doesn't say"),
    ("Is it accurate that exercise completely eliminated the pain?", "No"),
    ("So it didn't take away all the pain, just part of it?", "Yes"),
    ("was it tested on people?", "No"),
    ("The study is on animals, not on people, yes?", "Yes"),
    ("This was published in The Lancet?", "No"),
    ("pain responses went down by 30-50%?", "Yes"),
    ("the pain went down by 80 percent?", "No"),
    ("did exercise raise the cytokines?", "No"),
    ("is neuropathic pain rare?", "No"),
    ("do antidepressants help according to the article?", "Yes"),
    ("was the study funded by a drug company?", "The article doesn't say"),
    ("did the rats exercise for months?", "No"),
])
def test_claims_get_a_direct_verdict_first(question, verdict):
    answer = claims.check(question)
    assert answer is not None and answer.text.startswith(verdict), (question, answer)


def test_a_false_premise_inside_a_question_is_corrected():
    answer = claims.check("since hsp27 went down, why did the pain get better?")
    assert answer.text.startswith("No: heat shock protein 27 went up")
    assert claims.check("since exercise lowered the cytokines, why did pain improve?") is None  # a true premise


def test_claim_answers_quote_the_article():
    for item in claims.CLAIMS + claims.SILENT:
        assert item.answer.quotes, item.name
    text = texts(run_action(ActionAnswerQuestion(), make_tracker("ask_results", text="Exercise eliminated the pain?"))[0])
    assert text.startswith("No:") and quotes_in(text)


def test_questions_that_are_not_claims_are_left_to_the_intents():
    for question in ("what is neuropathic pain?", "does swimming help?", "how much did the pain go down?"):
        assert claims.check(question) is None


@pytest.mark.parametrize("message, topic, key", [
    ("and what did it do?", "biomarker:hsp27", "biomarker:hsp27"),
    ("was that in both groups?", "ask_results", "claim:both_groups"),
    ("and why isn't that good enough?", "ask_medications", "ask_treatment_difficulty"),
    ("so will it work for me?", "ask_study_subjects", "ask_medical_advice"),
    ("why?", "ask_results", "ask_mechanism"),
    ("in people?", "activity", "claim:humans"),
    ("source?", "ask_results", "ask_publication"),
    ("why?", None, None),  # nothing to follow on from: ask to rephrase
])
def test_short_follow_ups_use_the_last_topic(message, topic, key):
    assert followups.resolve(message, topic) == key


def test_follow_up_through_the_fallback_action():
    tracker = make_tracker("nlu_fallback", text="and what did it do?", slots={"topic": "biomarker:hsp27"})
    text = texts(run_action(ActionFallback(), tracker)[0])
    assert "heat shock protein 27" in text


def test_fallback_offers_the_likeliest_questions():
    tracker = make_tracker("nlu_fallback", text="the thing with the stuff")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.9},
                                                {"name": "ask_mechanism", "confidence": 0.2},
                                                {"name": "ask_results", "confidence": 0.1}]
    messages, _ = run_action(ActionFallback(), tracker)
    assert messages[0]["text"] == A.FALLBACK_TEXT
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/ask_mechanism", "/ask_results"]


def test_two_questions_in_one_message_are_both_answered():
    assert questions.split("Was this tested on humans, and how long did the animals exercise?") == [
        "was this tested on humans", "how long did the animals exercise?"]
    tracker = make_tracker("ask_study_subjects", text="Was this tested on humans, and how long did the animals exercise?")
    text = texts(run_action(ActionAnswerQuestion(), tracker)[0])
    assert text.startswith("No:") and "few weeks" in text


def test_a_detail_the_article_lacks_is_said_plainly_even_when_the_topic_is_covered():
    tracker = make_tracker("ask_results", [("topic", "blinding")], text="were the pain tests blinded?")
    assert texts(run_action(ActionAnswerQuestion(), tracker)[0]).startswith("The article doesn't say whether")


def test_another_condition_gets_a_redirect():
    tracker = make_tracker("ask_summary", [("condition", "multiple sclerosis")], text="tell me about multiple sclerosis")
    text = texts(run_action(ActionAnswerQuestion(), tracker)[0])
    assert text.startswith("The article doesn't cover multiple sclerosis.") and "From the article" not in text


@pytest.mark.parametrize("message, expected", [
    ("游泳有帮助吗？", NOT_ENGLISH), ("هل تساعد الرياضة؟", NOT_ENGLISH), ("¿El ejercicio ayuda con el dolor?", NOT_ENGLISH),
    ("Est-ce que la natation aide ?", NOT_ENGLISH), ("/", ASK_ONE_QUESTION), ("...", ASK_ONE_QUESTION),
    ("🤔🤔", ASK_ONE_QUESTION), ("hmm", ASK_ONE_QUESTION), ("asdkjh qwe", ASK_ONE_QUESTION), ("x" * 1001, ASK_ONE_QUESTION),
    ("does swimming help?", None), ("thanks", None), ("what is hsp27", None), ('/ask_activity_helps{"activity":"swimming"}', None),
])
def test_input_gate(message, expected):
    assert classify(message) == expected


def test_long_messages_are_classified_by_their_question():
    from server.question_focus import focus

    story = ("I've had diabetic neuropathy for six years and the burning is worst at night. My daughter sent me "
             "this article and I walk around the block most mornings. Is that the kind of exercise the study used?")
    assert focus(story) == "Is that the kind of exercise the study used?"
    assert focus("does swimming help?") is None  # short messages are read whole
