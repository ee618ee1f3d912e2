"""Short follow-ups that only make sense after the previous answer: "why?", "in people?",
"source?", "and what did it do?", "was that in both groups?", "so will it work for me?".

The actions keep the key of the last answer in the `topic` slot; `resolve(text, topic)` maps a
short message to the answer it means in that context, or None.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from actions.claims import normalise

MAX_WORDS = 8

# (pattern, {last topic: answer key}); "*" is any topic, and the first matching row wins.
# Answer keys: an intent of ANSWERS, "biomarker:<id>", "claim:<name>" or "not_covered:<topic>".
_RESULTS = ("ask_results", "activity", "ask_summary", "ask_exercise_protocol", "ask_study_subjects", "compare")
FOLLOW_UPS: Tuple[Tuple[str, dict], ...] = (
    (r"^(?:and |but |so )?(?:in|on|for|with) (?:people|humans?|patients|persons)(?: too| also| as well)?\s*\??$|"
     r"^(?:and |but |so )?(?:people|humans?)(?: too| also)?\s*\??$|^(?:what about|how about) (?:in )?(?:people|humans?)\s*\??$|"
     r"^(?:did|does|was|is|would) (?:it|that|this) (?:work|happen|apply|tested|done)? ?(?:in|on|for) (?:people|humans?)",
     {"*": "claim:humans"}),
    (r"^(?:and |so )?(?:was|is|were) (?:that|this|it|the drop|the reduction|the result) (?:in|for|true for|the same for) "
     r"both(?: groups)?\s*\??$|^both(?: groups)?\s*\??$|^(?:for|in) both\s*\??$|^(?:and )?both of them\s*\??$",
     {"*": "claim:both_groups"}),
    (r"^(?:and |so )?(?:the )?(?:source|sources|reference|citation|where (?:is|was) (?:that|this|it) (?:from|published)|"
     r"which journal|what journal|link)\s*\??$",
     {"*": "ask_publication"}),
    (r"^(?:and |so )?what (?:did|does|do) (?:it|that|they|this|the protein|the cytokines?) do\s*\??$|"
     r"^(?:and )?what (?:it|they) (?:did|do)\s*\??$|^(?:and )?(?:its|their) (?:role|job|function)\s*\??$",
     {"biomarker:hsp27": "biomarker:hsp27", "biomarker:cytokines": "biomarker:cytokines", "*": "ask_mechanism",
      "needs_context": True}),
    (r"^(?:so |and |but )?(?:will|would|could|can|does|might) (?:it|this|that|exercise|swimming|running) "
     r"(?:work|help)(?: for)? (?:me|my \w+)\b|^(?:so )?what should i do\b|^(?:so )?should i\b|^(?:so )?(?:is it|would it be) "
     r"(?:good|safe|ok|okay) for me\b",
     {"*": "ask_medical_advice"}),
    (r"^(?:and |but |so )?(?:why|how come|how so|why is that|why so|why does it|how does it work|how does that work|"
     r"how|by what mechanism|what(?:s| is) the mechanism)\s*\??$",
     {"ask_medications": "ask_treatment_difficulty", "ask_treatment_difficulty": "ask_treatment_difficulty",
      "ask_definition": "ask_treatment_difficulty", "ask_conclusion": "ask_conclusion", "ask_mechanism": "ask_conclusion",
      "ask_causes": "not_covered:generic", "*": "ask_mechanism", "needs_context": True}),
    (r"^(?:and )?why (?:is|isnt|arent|was|wasnt) (?:that|this|it|they|those) (?:not )?(?:good enough|enough|used|better)\b|"
     r"^(?:then |so )?why not (?:just )?(?:take|use) (?:those|them|the drugs|drugs)\b",
     {"*": "ask_treatment_difficulty"}),
    (r"^(?:and |so )?(?:which|what) (?:ones?|drugs|medicines|medications)\s*\??$|^(?:name|list) (?:them|some)\b|"
     r"^(?:any )?names\s*\??$",
     {"ask_medications": "ask_medications", "ask_treatment_difficulty": "ask_medications", "*": "ask_exercise_protocol"}),
    (r"^(?:and |so )?(?:by )?how much\s*\??$|^(?:what are )?the numbers\s*\??$|^numbers\s*\??$|^how big\s*\??$|"
     r"^(?:and )?(?:the )?results?\s*\??$",
     {"*": "ask_results"}),
    (r"^(?:and |so )?for how long\s*\??$|^how long\s*\??$|^how long (?:for|did they|did it take)\b",
     {"ask_results": "not_covered:long_term", "activity": "ask_exercise_protocol", "*": "ask_exercise_protocol"}),
    (r"^(?:and |so )?(?:an? )?example\s*\??$|^(?:give me |any )?examples?\s*\??$|^like what\s*\??$",
     {"ask_medications": "ask_medications", "*": "ask_example"}),
    (r"^(?:and |so )?what(?:s| is| happens)? next\s*\??$|^(?:so )?what now\s*\??$|^next steps?\s*\??$",
     {"*": "ask_next_steps"}),
)
# One or two words with nothing before them ("rats??", "tl;dr", "hot and cold?"): what they ask.
FOLLOW_UPS += (
    (r"^(?:the )?(?:rats?|animals?|rodents?)\s*\??$", {"*": "ask_study_subjects"}),
    (r"^(?:tl ?;? ?dr|tldr|eli5|summary|summari[sz]e|gist|the gist|main point|key points?|overview)(?: pl[sz]| please)?\s*\??$",
     {"*": "ask_summary"}),
    (r"^(?:treadmill|treadmills|swimming|exercises?|what exercise|which exercise)\s*\??$", {"*": "ask_exercise_protocol"}),
    (r"^(?:hot and cold|heat and cold|temperature|pressure|sensitivity)\s*\??$", {"*": "ask_results"}),
    (r"^(?:stats|statistics|figures|percent|percentages?|effect size)\s*\??$", {"*": "ask_results"}),
    (r"^(?:legit|is it legit|credible|reliable|trustworthy|evidence for (?:that|this))\s*\??$", {"*": "ask_publication"}),
    (r"^(?:and )?(?:the )?other (?:group|one)\s*\??$", {"*": "claim:both_groups"}),
)
_COMPILED = tuple((re.compile(p), table) for p, table in FOLLOW_UPS)


def resolve(text: str, topic: Optional[str]) -> Optional[str]:
    """The answer key a short follow-up means after `topic`, or None ("why?" with nothing before
    it means nothing: the caller asks to rephrase)."""
    norm = normalise(text)
    if not norm or len(norm.split()) > MAX_WORDS:
        return None
    for pattern, table in _COMPILED:
        if pattern.search(norm):
            if topic is None and table.get("needs_context"):
                return None
            return table.get(topic or "", table["*"])
    return None
