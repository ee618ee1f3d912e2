"""Everything the bot says about the article: short plain-words answers, each with the verbatim
article passages it rests on. Nothing here may go beyond the article; tests/test_grounding.py
checks that every quote is verbatim in data/article.txt.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from actions.article import Article, load_article


@dataclass(frozen=True)
class Answer:
    text: str
    quotes: Tuple[str, ...] = ()
    suggestions: Tuple[str, ...] = field(default=())  # keys of SUGGESTIONS, offered as buttons


# Article passages, named once so answers share them (each must be verbatim in the article).
QUOTE_NEW_RESEARCH = "New research examines how exercise can alleviate pain."
QUOTE_EVERYONE_KNOWS = "Everyone knows the abundance of benefits that accompanies exercise."
QUOTE_INTEREST = "As such the new study was of great potential interest."
QUOTE_CONSISTENT = "An additional finding consistent with results from previous studies"
QUOTE_BENEFITS = "Exercise provides extensive health benefits, and the fact it can even be used as a treatment for something such as neuropathic pain adds to that extensive list."
QUOTE_INTRO = "You might notice you feel better while you workout. Maybe your headache goes away or some other type of nerve pain."
QUOTE_PUBLISHED = "A new experimental study published in Anesthesia & Analgesia suggests that in addition to the known benefits, exercise also helps to alleviate pain related to nerve damage."
QUOTE_DEFINITION = "Pain related to nerve damage, known as neuropathic pain, is quite common and it is difficult to treat."
QUOTE_WHO = "This pain is seen in patients with trauma, diabetes, and other conditions."
QUOTE_EXAMPLE = "An example of neuropathic pain is the phantom limb pain that sometimes follows amputation."
QUOTE_SYMPTOMS = "Neuropathic pain often causes a burning pain and numbness that conventional pain medicines do little to alleviate."
QUOTE_DRUGS = "Antidepressants and antiepileptic drugs have been shown to help, but the side effects of those sometimes outweigh the benefits."
QUOTE_RATS = "The experimental study was conducted on rats that suffered from neuropathic pain induced by a sciatic nerve injury."
QUOTE_EXERCISES = "Upon nerve injury, the animals performed a form of progressive exercises by either running on a treadmill or swimming."
QUOTE_MONITORED = QUOTE_DURATION = "These animals performed the exercise for a few weeks, and the researchers monitored them closely."
QUOTE_BOTH_GROUPS = "there was a significant reduction in neuropathic pain in the rats of either group, treadmill running or swimming"
QUOTE_FIGURES = "It did not eliminate the pain completely, but the pain responses were reduced by 30 to 50 percent."
QUOTE_SENSITIVITY = "Exercise reduced characteristics of neuropathic pain by reducing abnormal responses to temperature and pressure."
QUOTE_CYTOKINES = "exercise leads to a reduced expression of inflammation-promoting cytokines in the development of neuropathic pain in response to nerve injury"
QUOTE_HSP27 = "exercise also led to an increased expression of a protein known as heat chock protein-27, which may have aided in the reductions of cytokine expression"
QUOTE_CULPRIT = "This study provides new evidence that the main culprit for the development of neuropathic pain is inflammation."
QUOTE_DRUG_FREE = "It is reassuring to hear there is an alternative method to dealing with neuropathic pain that does not involve medications and the side effects that accompany them."
QUOTE_MORE_RESEARCH = "As more research is done, hopefully scientists figure out a way to use exercise to alleviate the pain associated with neuropathy to an even greater extent."

# Suggested questions offered as buttons: key -> (button title, payload sent when clicked).
SUGGESTIONS: Dict[str, Tuple[str, str]] = {
    "summary": ("What is the article about?", "/ask_summary"),
    "swimming": ("Does swimming help?", '/ask_activity_helps{"activity":"swimming"}'),
    "results": ("How much did the pain go down?", "/ask_results"),
    "subjects": ("Was it tested on people?", "/ask_study_subjects"),
    "mechanism": ("Why does exercise help?", "/ask_mechanism"),
    "definition": ("What is neuropathic pain?", "/ask_definition"),
    "medications": ("What drugs are used for it?", "/ask_medications"),
    "exercises": ("Which exercises were tested?", "/ask_exercise_protocol"),
    "symptoms": ("How does it feel?", "/ask_symptoms"),
    "conclusion": ("What does the article conclude?", "/ask_conclusion"),
    "causes": ("Who gets neuropathic pain?", "/ask_causes"),
    "example": ("What is an example of it?", "/ask_example"),
    "publication": ("Where was the study published?", "/ask_publication"),
    "next": ("What comes next?", "/ask_next_steps"),
}
DEFAULT_SUGGESTIONS = ("summary", "swimming", "results", "subjects")
# The suggestion that asks what an intent asks: the fallback offers the likeliest ones.
SUGGESTION_FOR_INTENT: Dict[str, str] = {
    "ask_summary": "summary", "ask_activity_helps": "swimming", "ask_results": "results",
    "ask_study_subjects": "subjects", "ask_mechanism": "mechanism", "ask_definition": "definition",
    "ask_medications": "medications", "ask_treatment_difficulty": "medications", "ask_exercise_protocol": "exercises",
    "ask_symptoms": "symptoms", "ask_conclusion": "conclusion", "ask_compare_activities": "swimming",
    "ask_causes": "causes", "ask_example": "example", "ask_publication": "publication", "ask_next_steps": "next",
}

# Answers by intent: the questions the article does answer.
ANSWERS: Dict[str, Answer] = {
    "ask_summary": Answer(
        "It reports a rat study published in Anesthesia & Analgesia. Rats with nerve-injury "
        "(neuropathic) pain that ran on a treadmill or swam for a few weeks had their pain "
        "responses cut by 30 to 50 percent, with less inflammation-promoting cytokine and more "
        "heat shock protein 27. It was not tested in people.",
        (QUOTE_NEW_RESEARCH, QUOTE_PUBLISHED, QUOTE_FIGURES),
        ("results", "mechanism", "subjects"),
    ),
    "ask_definition": Answer(
        "Neuropathic pain is pain caused by nerve damage. The article says it is quite common "
        "and difficult to treat.",
        (QUOTE_DEFINITION,),
        ("symptoms", "medications"),
    ),
    "ask_causes": Answer(
        "The article says it is seen in patients with trauma, diabetes and other conditions. "
        "It doesn't name the other conditions.",
        (QUOTE_WHO,),
    ),
    "ask_example": Answer(
        "The article's example is phantom limb pain, which sometimes follows an amputation.",
        (QUOTE_EXAMPLE,),
    ),
    "ask_symptoms": Answer(
        "It often causes a burning pain and numbness.",
        (QUOTE_SYMPTOMS,),
    ),
    "ask_treatment_difficulty": Answer(
        "Ordinary pain medicines do little for it, and the drugs that do help "
        "(antidepressants and antiepileptic drugs) have side effects that sometimes outweigh "
        "the benefits. That is why the article calls the new study of great potential interest.",
        (QUOTE_SYMPTOMS, QUOTE_DRUGS, QUOTE_INTEREST),
    ),
    "ask_medications": Answer(
        "Antidepressants and antiepileptic drugs have been shown to help, but their side "
        "effects sometimes outweigh the benefits. The article doesn't name specific drugs or "
        "list their side effects.",
        (QUOTE_DRUGS,),
    ),
    "ask_publication": Answer(
        "In the medical journal Anesthesia & Analgesia. The article doesn't give the authors "
        "or the publication date.",
        (QUOTE_PUBLISHED,),
    ),
    "ask_study_subjects": Answer(
        "Rats, not people. The rats had neuropathic pain caused by an injury to the sciatic "
        "nerve. The article reports no results in humans.",
        (QUOTE_RATS,),
        ("exercises", "results"),
    ),
    "ask_exercise_protocol": Answer(
        "After the nerve injury the rats did progressive exercise, either running on a "
        "treadmill or swimming, for a few weeks, and the researchers monitored them closely. "
        "The article gives no exact schedule, speed or session length.",
        (QUOTE_EXERCISES, QUOTE_DURATION),
        ("results",),
    ),
    "ask_results": Answer(
        "Pain went down significantly in both groups, treadmill running and swimming: pain "
        "responses fell by 30 to 50 percent, though the pain was not eliminated completely. "
        "Exercise also reduced abnormal responses to temperature and pressure. This was in rats.",
        (QUOTE_FIGURES, QUOTE_SENSITIVITY),
        ("mechanism",),
    ),
    "ask_mechanism": Answer(
        "Exercise lowered the expression of inflammation-promoting cytokines and raised the "
        "expression of heat shock protein 27 (HSP27; the article spells it \"heat chock "
        "protein-27\"), which may have helped bring the cytokines down. The cytokine finding was "
        "consistent with results from previous studies.",
        (QUOTE_CONSISTENT, QUOTE_CYTOKINES, QUOTE_HSP27),
        ("conclusion",),
    ),
    "ask_conclusion": Answer(
        "The article concludes that the study is new evidence that inflammation is the main "
        "culprit behind neuropathic pain, and that exercise offers a way to deal with it "
        "without medications and their side effects. It adds that exercise, already known for its "
        "health benefits, can even be used as a treatment for neuropathic pain.",
        (QUOTE_CULPRIT, QUOTE_DRUG_FREE, QUOTE_BENEFITS),
    ),
    "ask_next_steps": Answer(
        "More research. The article hopes scientists will find ways to use exercise to relieve "
        "neuropathy pain even more. It doesn't describe any planned study or human trial.",
        (QUOTE_MORE_RESEARCH,),
    ),
    "ask_intro_claims": Answer(
        "The article opens by saying you might feel better while you work out, maybe a "
        "headache or another nerve pain goes away. That is the writer's introduction, not a "
        "finding: the study measured nerve-injury pain in rats, not headaches. It also says everyone "
        "knows exercise has many benefits.",
        (QUOTE_INTRO, QUOTE_EVERYONE_KNOWS),
        ("summary",),
    ),
    "ask_medical_advice": Answer(
        "I can't give medical advice, and the article doesn't either: please talk to your "
        "doctor before changing a medication or starting an exercise plan. What the article "
        "reports is a study in rats: treadmill running or swimming for a few weeks cut pain "
        "responses by 30 to 50 percent.",
        (QUOTE_FIGURES,),
    ),
}

# Focused answers to "what is HSP27?" / "what are cytokines?" (biomarker entity).
BIOMARKER_ANSWERS: Dict[str, Answer] = {
    "hsp27": Answer(
        "The article only says heat shock protein 27 (it writes \"heat chock protein-27\") is a "
        "protein whose expression went up with exercise and may have helped lower the "
        "inflammation-promoting cytokines. It doesn't explain more about it.",
        (QUOTE_HSP27,),
    ),
    "cytokines": Answer(
        "The article calls them inflammation-promoting cytokines: exercise reduced their "
        "expression after the nerve injury, in line with earlier studies. It doesn't explain "
        "more about them.",
        (QUOTE_CYTOKINES,),
    ),
}

# --- "Does X help?" ---------------------------------------------------------------------------
# What the study tested, plus the two ways people name them: "running" (it was on a treadmill)
# and "exercise" in general. Everything else the entity ruler tags as an activity was not tested.
ACTIVITIES_WITH_FINDINGS = frozenset({"treadmill running", "swimming", "running", "exercise"})

ACTIVITY_TESTED = Answer(
    "Yes, in the study: rats with a nerve injury that did {activity} for a few weeks had their "
    "pain responses reduced by 30 to 50 percent (one range for both groups, treadmill running "
    "and swimming). It did not eliminate the pain, and this was in rats, not people.",
    (QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    ("results", "mechanism"),
)
ACTIVITY_RUNNING = Answer(
    "In the study the running was on a treadmill: rats with a nerve injury that ran on a "
    "treadmill for a few weeks had their pain responses reduced by 30 to 50 percent. It did "
    "not eliminate the pain, and this was in rats, not people.",
    (QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    ("results", "mechanism"),
)
ACTIVITY_EXERCISE = Answer(
    "In rats, yes: the study tested two exercises, treadmill running and swimming, and both cut "
    "pain responses by 30 to 50 percent after a nerve injury. It didn't eliminate the pain, and "
    "the study wasn't done in people.",
    (QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    ("mechanism", "subjects"),
)
ACTIVITY_UNTESTED = Answer(
    "The study didn't test {activity}, so the article can't say whether it helps. The rats "
    "either ran on a treadmill or swam; only those two were studied.",
    (QUOTE_EXERCISES,),
    ("swimming", "results"),
)
# Before the figures, when the activity talked about last is one the study did not test.
NO_FIGURE_FOR_UNTESTED = (
    "There is no figure for {activity}: the study didn't test it, only treadmill running and "
    "swimming. For those two:"
)
ACTIVITY_COMPARISON = Answer(
    "Both reduced pain: the article reports a significant reduction in either group, treadmill "
    "running or swimming, and gives one range for both (30 to 50 percent). It doesn't say "
    "which one worked better.",
    (QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
)

# --- What the article does not say (topic entity) ---------------------------------------------
NOT_COVERED: Dict[str, Answer] = {
    "authors": Answer(
        "The article doesn't name the researchers or authors. It only says the study was "
        "published in Anesthesia & Analgesia.",
        (QUOTE_PUBLISHED,),
    ),
    "date": Answer(
        "The article doesn't give a date for the study or its publication; it calls it \"a new "
        "experimental study\".",
        (QUOTE_PUBLISHED,),
    ),
    "sample_size": Answer(
        "The article doesn't say how many rats were studied, only that they had a sciatic "
        "nerve injury.",
        (QUOTE_RATS,),
    ),
    "dose": Answer(
        "The article doesn't give the exercise schedule: no minutes per session, speed or "
        "sessions per week. It only says the exercise was progressive and went on for a few "
        "weeks.",
        (QUOTE_EXERCISES, QUOTE_DURATION),
    ),
    "humans": Answer(
        "The article reports no results in people: the study was done in rats with a sciatic "
        "nerve injury.",
        (QUOTE_RATS,),
    ),
    "downsides": Answer(
        "The article doesn't mention any downsides or risks of the exercise. It reports that "
        "exercise reduced the pain but did not eliminate it.",
        (QUOTE_FIGURES,),
    ),
    "long_term": Answer(
        "The article doesn't say how long the relief lasted or what happened after the "
        "exercise stopped. It only says the rats exercised for a few weeks.",
        (QUOTE_DURATION,),
    ),
    "cure": Answer(
        "The article doesn't call exercise a cure: in the rat study it reduced pain responses by "
        "30 to 50 percent but did not eliminate the pain.",
        (QUOTE_FIGURES,),
    ),
    "where": Answer(
        "The article doesn't say where the study was done or who funded it. It only says it "
        "was published in Anesthesia & Analgesia.",
        (QUOTE_PUBLISHED,),
    ),
    "cost": Answer(
        "The article doesn't talk about costs. It says exercise is an alternative that does "
        "not involve medications and their side effects.",
        (QUOTE_DRUG_FREE,),
    ),
}
NOT_COVERED.update({
    "sciatic_nerve": Answer(
        "The article doesn't explain the sciatic nerve. It only says the rats' neuropathic pain was induced "
        "by a sciatic nerve injury.",
        (QUOTE_RATS,),
    ),
    "weeks": Answer(
        "The article doesn't give the exact length: it says the animals exercised \"for a few weeks\", "
        "and the researchers monitored them closely.",
        (QUOTE_DURATION,),
    ),
    "blinding": Answer(
        "The article doesn't say whether the people scoring the pain tests were blinded. It only says "
        "the researchers monitored the rats closely.",
        (QUOTE_DURATION,),
    ),
    "controls": Answer(
        "The article doesn't describe a control group (for example rats that did not exercise). It "
        "reports that pain went down significantly in both exercise groups.",
        (QUOTE_BOTH_GROUPS,),
    ),
    "baseline": Answer(
        "The article doesn't say what the 30 to 50 percent is measured against (before the exercise, "
        "or rats that did not exercise). It only gives the range.",
        (QUOTE_FIGURES,),
    ),
    "rat_details": Answer(
        "The article doesn't say the rats' sex, strain or age. It only says they had neuropathic pain "
        "from a sciatic nerve injury.",
        (QUOTE_RATS,),
    ),
    "statistics": Answer(
        "The article doesn't give any statistics (no p-values, group sizes or error margins). It only "
        "calls the reduction significant and gives the 30 to 50 percent range.",
        (QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    ),
    "prevention": Answer(
        "The article doesn't say whether exercise can prevent neuropathic pain: in the study the rats "
        "started exercising after the nerve injury.",
        (QUOTE_EXERCISES,),
    ),
    "prevalence": Answer(
        "The article doesn't give numbers for how many people have neuropathic pain. It only says it is "
        "quite common.",
        (QUOTE_DEFINITION,),
    ),
    "measurement": Answer(
        "The article doesn't describe how the pain was measured. It says exercise reduced abnormal "
        "responses to temperature and pressure, and that pain responses fell by 30 to 50 percent.",
        (QUOTE_SENSITIVITY, QUOTE_FIGURES),
    ),
})
# Conditions the article itself names; any other condition is another topic (OTHER_TOPIC) ...
CONDITIONS_IN_ARTICLE = frozenset({"diabetes", "trauma", "phantom limb pain", "sciatic nerve injury", "headaches"})
# ... except kinds of neuropathic pain, which a reader mentions as their own story: the question is
# answered as usual, and a bare "chemo?" gets "no results for chemotherapy-induced neuropathy".
NEUROPATHIC_CONDITIONS = frozenset({"sciatica", "chemotherapy-induced neuropathy", "shingles", "spinal cord injury",
                                    "carpal tunnel syndrome", "trigeminal neuralgia", "crps", "guillain-barre syndrome",
                                    "peripheral neuropathy", "neuropathy", "back pain"})
NOT_COVERED_DRUG = Answer(
    "The article doesn't mention {drug}. The only drugs it names are antidepressants and "
    "antiepileptic drugs.",
    (QUOTE_DRUGS,),
)
NOT_COVERED_CONDITION = Answer(
    "The article doesn't report results for {condition}. The study was done in rats whose "
    "neuropathic pain came from a sciatic nerve injury.",
    (QUOTE_RATS,),
)
NOT_COVERED_GENERIC = Answer(
    "The article doesn't say. It covers what neuropathic pain is, the rat study (treadmill "
    "running and swimming), its results and why exercise may help.",
    (),
    DEFAULT_SUGGESTIONS,
)
MENTIONED_DRUGS = ("antidepressants", "antiepileptics")

# When unsure (action_fallback): said with the likeliest questions as buttons.
FALLBACK_TEXT = "Sorry, I'm not sure what you mean. Could you rephrase it? Or pick one of these questions:"
# A condition the article does not cover: a short redirect, never the summary.
OTHER_TOPIC = Answer(
    "The article doesn't cover {condition}. It is about neuropathic pain (pain from nerve damage) and a "
    "rat study of exercise for it. You could ask what the article is about, or what neuropathic pain is.",
    (),
    ("summary", "definition", "swimming"),
)


def render(answer: Answer, article: Optional[Article] = None, prefix: str = "", **values: str) -> str:
    """Answer text followed by each supporting quote and the paragraph it comes from."""
    article = article or load_article()
    lines = [prefix.format(**values)] if prefix else []
    lines.append(answer.text.format(**values))
    for quote in answer.quotes:
        lines.append(f'From the article (paragraph {article.locate(quote)}): "{quote}"')
    return "\n".join(lines)


def buttons(keys: Tuple[str, ...]) -> List[Dict[str, str]]:
    return [{"title": SUGGESTIONS[k][0], "payload": SUGGESTIONS[k][1]} for k in keys]
