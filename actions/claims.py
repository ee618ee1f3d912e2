"""Claim checks: yes/no questions about what the article says get "Yes", "No" or "The article
doesn't say" first, a false premise corrected in so many words, then the quote.

`check(text)` returns an Answer whose text starts with the verdict, or None when the message is
not a yes/no question about a claim this table knows. Claims are tried in order (the most
specific first); each has the patterns that recognise it on normalised text (lower case, no
apostrophes) and the verdict the article supports. The bot never agrees with a claim the article
does not make: a claim it does not recognise falls through to the ordinary answers, which say
what the article says without a yes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Pattern, Tuple

from actions.answers import (QUOTE_BOTH_GROUPS, QUOTE_CONSISTENT, QUOTE_CULPRIT, QUOTE_CYTOKINES, QUOTE_DEFINITION,
                             QUOTE_DRUG_FREE, QUOTE_DRUGS, QUOTE_DURATION, QUOTE_EXAMPLE, QUOTE_EXERCISES, QUOTE_FIGURES,
                             QUOTE_HSP27, QUOTE_MONITORED, QUOTE_PUBLISHED, QUOTE_RATS, QUOTE_SENSITIVITY, QUOTE_SYMPTOMS,
                             QUOTE_WHO, Answer)


def normalise(text: str) -> str:
    text = re.sub(r"[\u2018\u2019'`]", "", text.lower())
    return " ".join(re.sub(r"[^\w%\-&.?]+", " ", text).split())


# A yes/no question or a claim put up for checking.
_AUX = (r"^(?:so |and |but |ok |okay |wait |hang on |just to check |to confirm |quick question |q |also )?"
        r"(?:is|isnt|are|arent|was|wasnt|were|werent|do|dont|does|doesnt|did|didnt|can|could|will|would|has|hasnt|"
        r"have|havent|had|should|shall|might|must)\b")
_TAG = (r"(?:\b(?:right|correct|true|yes|yeah|yea|no|ok|isnt it|is it|didnt it|did it|doesnt it|does it|wasnt it|"
        r"werent they|arent they|am i right|is that right|is that true|is that correct|is this true|is this right|"
        r"true or false|yes or no)\s*[?!.]*\s*$)")
_CHECK = (r"\b(?:is it (?:true|correct|accurate|right|fair to say)|is it correct|is correct|is true|is this true|"
          r"is that true|am i right|fact[- ]?check|true or false|confirm\w*|does the article (?:say|claim|state|suggest|"
          r"mention|report)|does the article (?:even |actually |really )(?:say|mention|talk about)|did the (?:article|study|researchers) (?:say|claim|state|find|show|report|conclude)|"
          r"the article (?:says|claims|states|said)|so the article|so basically|so it|so exercise|so the)\b")


_WH = r"^(?:so |and |but |ok |okay )?(?:what|whats|why|how|hows|which|who|whos|where|when|whom|whose|explain|tell|describe|list|give|summari[sz]e|can you|could you)\b"


def is_claim_question(text: str) -> bool:
    """A yes/no question, a claim put up for checking, or a statement ending in "?"."""
    norm = normalise(text)
    if re.search(_AUX, norm) or re.search(_TAG, norm) or re.search(_CHECK, norm):
        return True
    statement = norm.rstrip().endswith("?") and not re.search(_WH, norm) and not re.search(
        r"\b(?:what|whats|why|how|which|who|where|when)\b", norm)
    return statement or bool(re.match(r"^(?:quick check|fact check|check|true or false)\b", norm))


# A premise inside another question: "since HSP27 went down, why did the pain improve?"
_PREMISE = r"\b(?:since|because|given that|now that|considering|as|if|so)\b"


@dataclass(frozen=True)
class Claim:
    name: str
    patterns: Tuple[Pattern[str], ...]
    answer: Answer


def claim(name: str, patterns: List[str], text: str, *quotes: str) -> Claim:
    return Claim(name, tuple(re.compile(p) for p in patterns), Answer(text, quotes))


_HSP = r"(?:heat (?:shock|chock)|hsp ?-?27|protein ?-?27|protein)"
_CYT = r"(?:cytokine|inflammat\w*(?: chemicals?| markers?| molecules?| proteins?)?)"
_DOWN = r"(?:(?:went|go|goes|gone|going|got|gets|come|came) down|downregulat\w*|decreas\w*|lower\w*|reduc\w*|drop\w*|fell|fall\w*|less|declin\w*|went away|disappear\w*|suppress\w*|smaller)"
_UP = r"(?:(?:went|go|goes|gone|going|got|gets|come|came|shot) up|upregulat\w*|increas\w*|rais\w*|higher|more|rose|ris\w*|boost\w*|elevat\w*|grew|bigger|worse)"
_PEOPLE = r"(?:humans?|people|persons?|patients?|men|women|adults|volunteers|participants|human beings)"
_OTHER_JOURNAL = r"(?:lancet|nature|science|nejm|new england|jama|bmj|british medical|cell|plos|pain journal|journal of pain)"

CLAIMS: Tuple[Claim, ...] = (
    # --- the mechanism ----------------------------------------------------------------------
    claim("hsp27_cause", [_HSP + r".{0,40}\b(?:caus\w*|proven|proved|prove|responsible|definitely|the reason|drives?|driving|"
                             r"mediat\w*|demonstrat\w*|knock\w*|inhibit\w*|mechanism)\b",
                             r"\b(?:demonstrat\w*|prove\w*|show\w*)\b.{0,30}" + _HSP + r".{0,30}\b(?:drives?|caus\w*|responsible)\b"],
          "No, not proven: the article only says heat shock protein 27 \"may have aided\" in lowering the cytokines.",
          QUOTE_HSP27),
    claim("hsp27_down", [_HSP + r".{0,40}\b" + _DOWN + r"\b", r"\b" + _DOWN + r"\b.{0,30}" + _HSP],
          "No: heat shock protein 27 went up, not down. Exercise increased its expression (the article "
          "spells it \"heat chock protein-27\"), and it may have helped bring the cytokines down.", QUOTE_HSP27),
    claim("hsp27_up", [_HSP + r".{0,40}\b" + _UP + r"\b", r"\b" + _UP + r"\b.{0,30}" + _HSP],
          "Yes: exercise increased the expression of heat shock protein 27 (the article spells it \"heat chock "
          "protein-27\"), which may have helped bring the inflammation-promoting cytokines down.", QUOTE_HSP27),
    claim("inflammation_up", [r"\b(?:exercise|it|swimming|running)\b.{0,30}\b" + _UP + r"\b.{0,20}\b" + _CYT,
                              _CYT + r".{0,30}\b(?:(?:went|go|going|gone) up|increas\w*|rose|higher|worse)\b"],
          "No: exercise lowered the expression of inflammation-promoting cytokines, it did not raise it.",
          QUOTE_CYTOKINES),
    claim("inflammation_down", [r"\b" + _DOWN + r"\b.{0,30}" + _CYT, _CYT + r".{0,30}\b" + _DOWN + r"\b"],
          "Yes: exercise led to a reduced expression of inflammation-promoting cytokines after the nerve injury, "
          "in line with earlier studies.", QUOTE_CYTOKINES),
    claim("previous_studies", [r"\b(?:previous|earlier|prior|past|other) (?:studies|research|work)\b"],
          "Yes: the article says the lower cytokine expression was \"consistent with results from previous "
          "studies\". It doesn't say which studies.", QUOTE_CONSISTENT, QUOTE_CYTOKINES),
    claim("culprit_proven", [r"\binflammation\b.{0,60}\b(?:proven|proved|definitely|certain|established|"
                             r"confirm\w*|settled)\b", r"\b(?:proven|proved|prove)\b.{0,40}\binflammation\b"],
          "No, not proven: the article says the study \"provides new evidence\" that inflammation is the main "
          "culprit, which is not the same as proof.", QUOTE_CULPRIT),
    claim("inflammation_no_role", [r"\binflammation\b.{0,40}\b(?:no role|not involved|irrelevant|does not matter|nothing to do|"
                                   r"plays no|no part|unrelated)\b"],
          "No: the article says the study provides new evidence that inflammation is the main culprit for the "
          "development of neuropathic pain.", QUOTE_CULPRIT),
    claim("culprit", [r"\binflammation\b.{0,40}\b(?:main|culprit|cause|behind|responsible|key)\b",
                      r"\b(?:main|culprit|cause)\b.{0,30}\binflammation\b"],
          "Yes: the article says the study provides new evidence that the main culprit for the development "
          "of neuropathic pain is inflammation.", QUOTE_CULPRIT),
    # --- the results ------------------------------------------------------------------------
    claim("partial", [r"\b(?:not (?:all|completely|entirely|totally)|partly|partial\w*|part of|just part|some of|reduc\w* but|"
                      r"less pain|not eliminat\w*|didnt eliminat\w*|did not eliminat\w*|not remove|not get rid|didnt take "
                      r"away all|did not take away all|not all of)\b"],
          "Yes: the pain responses were reduced by 30 to 50 percent, but the pain was not eliminated completely.",
          QUOTE_FIGURES),
    claim("headache", [r"\bheadaches?\b|\bmigraines?\b"],
          "No: the study didn't measure headaches. Only the article's introduction says you might feel better "
          "while you work out, and maybe your headache goes away; the study measured nerve-injury pain in rats.", "You might notice you feel better while you workout. Maybe your headache goes away or some other type of nerve pain."),
    claim("eliminated", [r"\b(?:eliminat\w*|completely|entirely|totally|fully|cured?|cures|all (?:of )?(?:the|their|its)"
                         r" pain|all pain|pain[- ]free|got rid|gets? rid|getting rid|gone|disappear\w*|went away|go away|100 ?%|"
                         r"no (?:more )?pain|wipe\w* out|stopp\w* the pain|stop the pain)\b"],
          "No: exercise reduced the rats' pain responses by 30 to 50 percent, but it did not eliminate the "
          "pain completely.", QUOTE_FIGURES),
    claim("figures_right", [r"\b30\s*(?:to|-|–|and)\s*50\b", r"\bthirty to fifty\b"],
          "Yes: the pain responses were reduced by 30 to 50 percent (in rats), though the pain was not "
          "eliminated completely.", QUOTE_FIGURES),
    claim("figures_wrong", [r"\b(?:[6-9]\d|100|[1-2]?\d)\s*(?:%|percent|per cent)", r"\b(?:half|most|majority|"
                            r"twice|double|quarter|a third|two thirds)\b.{0,20}\bpain\b"],
          "No: the article gives one range, 30 to 50 percent, for how much the pain responses were reduced.",
          QUOTE_FIGURES),
    claim("both_groups", [r"\bboth\b.{0,40}\b(?:groups?|swim\w*|run\w*|treadmill|exercises?|rats?|improv\w*|better|"
                          r"work\w*|help\w*)\b", r"\beither group\b", r"\b(?:swim\w* and (?:treadmill|run\w*)|"
                          r"(?:treadmill|run\w*) and swim\w*)\b.{0,40}\b(?:both|improv\w*|better|work\w*|help\w*|reduc\w*)\b"],
          "Yes: pain went down significantly in both groups, the rats that ran on a treadmill and the rats "
          "that swam.", QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    claim("better_activity", [r"\b(?:swim\w*|run\w*|treadmill)\b.{0,40}\b(?:better|more effective|best|stronger|"
                              r"bigger|outperform\w*|beat|superior|worked more)\b",
                              r"\b(?:better|more effective|superior)\b.{0,30}\b(?:swim\w*|run\w*|treadmill)\b"],
          "No, the article doesn't say one worked better: it reports a significant reduction in either group, "
          "treadmill running or swimming, and gives one range for both (30 to 50 percent).",
          QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    claim("sensitivity_up", [r"\b(?:more|increas\w*|higher|worse)\b.{0,20}\b(?:sensitiv\w*|responses?)\b.{0,30}"
                             r"\b(?:heat|cold|temperature|pressure|touch)\b"],
          "No: exercise reduced the abnormal responses to temperature and pressure.", QUOTE_SENSITIVITY),
    claim("sensitivity", [r"(?=.*\b(?:temperature|heat|cold|pressure|touch)\b)(?=.*\b(?:respon\w*|sensitiv\w*|react\w*|"
                          r"reduc\w*|help\w*|improv\w*|better|less)\b)"],
          "Yes: exercise reduced the abnormal responses to temperature and pressure in the rats.",
          QUOTE_SENSITIVITY),
    # --- the study --------------------------------------------------------------------------
    claim("not_humans", [r"\bnot (?:on |in |with |tested on |done on )?(?:the )?(?:people|humans?|patients)\b",
                         r"\b(?:rats?|animals?) (?:not|rather than|instead of|and not) (?:on |in )?(?:the )?(?:people|humans?)\b"],
          "Yes: the experimental study was done on rats with neuropathic pain caused by a sciatic nerve injury, "
          "not on people.", QUOTE_RATS),
    claim("humans", [r"\b(?:tested|done|conducted|carried out|studied|tried|run|performed|work\w*|proven|shown|"
                     r"happen\w*|apply|applies)\b.{0,30}\b(?:on|in|with|for|among) (?:\w+ )?" + _PEOPLE + r"\b",
                     r"\b" + _PEOPLE + r"\b.{0,25}\b(?:tested|studied|in the study|participat\w*|enrolled|subjects?)\b",
                     r"\b(?:human|clinical) (?:trial|study|studies|subjects|participants|results)\b",
                     r"^(?:so |and )?(?:in |on )?" + _PEOPLE + r"\s*(?:too|also|as well)?\s*\??$",
                     r"\b(?:on|in) (?:the )?" + _PEOPLE + r"\b"],
          "No: the study was done in rats with an injury to the sciatic nerve. The article reports no results "
          "in people.", QUOTE_RATS),
    claim("rats", [r"\b(?:on|in|with|using) (?:the )?(?:rats?|animals?|rodents?|mice)\b",
                   r"\b(?:rats?|animals?|rodents?) (?:not|rather than|instead of|and not)\b",
                   r"\b(?:experimental|animal) (?:study|experiment)\b", r"^(?:so |and )?(?:in |on )?rats\s*\??$"],
          "Yes: the experimental study was done on rats with neuropathic pain caused by a sciatic nerve "
          "injury, not on people.", QUOTE_RATS),
    claim("species", [r"\b(?:dogs?|mice|mouse|monkeys?|pigs?|cats?|rabbits?|primates?)\b.{0,25}\b(?:used|study|tested|studied|"
                      r"experiment\w*)\b", r"\b(?:used|tested on|studied|in) (?:dogs|mice|monkeys|pigs|cats|rabbits)\b",
                      r"^(?:so |and )?(?:mice|dogs|monkeys|pigs)\s*\??$"],
          "No: the study was done on rats, with neuropathic pain from a sciatic nerve injury.", QUOTE_RATS),
    claim("like_tested", [r"\b(?:basically|just like|same as|counts? as|kind of|sort of|similar to|equivalent to|the same thing as)\b"
                          r".{0,20}\b(?:swimming|running|treadmill|the exercise|what they did|the study)\b",
                          r"\bcount as (?:the )?(?:exercise|what)\b"],
          "No: the study tested two things only, running on a treadmill and swimming. The article says nothing about "
          "other activities, even similar ones.", QUOTE_EXERCISES),
    claim("exercise_helped", [r"^(?:so )?did (?:the )?(?:exercise|it|swimming|running|treadmill running)\b.{0,30}\b(?:help|work|"
                              r"reduc|ease|relieve|improve|lower)\w*"],
          "Yes, in rats: the rats that ran on a treadmill or swam had their pain responses reduced by 30 to 50 percent, "
          "though the pain was not eliminated. The study wasn't done in people.", QUOTE_BOTH_GROUPS, QUOTE_FIGURES),
    claim("amputees", [r"\b(?:test\w*|stud\w*|tried|try)\b.{0,30}\bamputees?\b"],
          "No: the study was done on rats with a sciatic nerve injury. Phantom limb pain after amputation is only an "
          "example the article gives of neuropathic pain.", QUOTE_RATS, QUOTE_EXAMPLE),
    claim("sciatic", [r"\bsciatic\b"],
          "Yes: the rats' neuropathic pain was induced by a sciatic nerve injury.", QUOTE_RATS),
    claim("wheel", [r"\bwheels?\b|\bin their cages?\b|\bvoluntar\w*"],
          "No: the article says the rats did progressive exercise either running on a treadmill or swimming.",
          QUOTE_EXERCISES),
    claim("timing", [r"\b(?:months|weeks|years|long|days) after (?:the |their )?(?:nerve )?injur\w*"],
          "No: the article says the animals exercised \"upon nerve injury\". It doesn't give the exact start.",
          QUOTE_EXERCISES),
    claim("significant", [r"\bsignifican\w*"],
          "Yes: the article reports \"a significant reduction in neuropathic pain\" in both groups. It gives no "
          "statistics.", QUOTE_BOTH_GROUPS),
    claim("better_than_drugs", [r"\b(?:exercise|swimming|running)\b.{0,40}\b(?:better|more effective|superior|beats?|"
                                r"outperform\w*)\b.{0,30}\b(?:drugs?|medications?|medicines?|antidepress\w*|antiepilep\w*|pills)\b"],
          "No, the article doesn't compare exercise with the drugs: it calls exercise an alternative that does "
          "not involve medications and their side effects.", QUOTE_DRUG_FREE),
    claim("stop_meds", [r"\b(?:stop|quit|drop|come off|replace|ditch)\w* (?:their |your |my |his |her |the )?"
                        r"(?:meds|medications?|drugs|pills|medicines?)\b"],
          "No: the article gives no such advice. It calls exercise an alternative way of dealing with neuropathic "
          "pain; changing a medication is a decision for a doctor.", QUOTE_DRUG_FREE),
    claim("drugs_no_side_effects", [r"\bno side[- ]?effects?\b", r"\bside[- ]?effects? (?:free|are rare|never)\b"],
          "No: the article says the side effects of antidepressants and antiepileptic drugs sometimes outweigh "
          "the benefits.", QUOTE_DRUGS),
    claim("always_outweigh", [r"\balways outweigh|\boutweigh\w* .{0,20}\balways\b|\bnever (?:help|work)"],
          "No: the article says the side effects sometimes outweigh the benefits, not always.", QUOTE_DRUGS),
    claim("diabetic_model", [r"\b(?:diabet\w*|phantom|amputat\w*|chemo\w*|shingles)\b.{0,40}\b(?:rats?|model|study|"
                             r"tested|specifically)\b", r"\b(?:rats?|study|tested)\b.{0,40}\b(?:diabet\w*|phantom|"
                             r"amputat\w*|chemo\w*|shingles)\b"],
          "No: the rats' neuropathic pain was caused by a sciatic nerve injury. Diabetes and phantom limb pain "
          "appear in the article only as examples of where neuropathic pain is seen.", QUOTE_RATS),
    claim("duration_right", [r"\bfew weeks\b", r"\bfor (?:some|several|a couple of|two|three|four|2|3|4) weeks\b"],
          "Yes: the animals performed the exercise for a few weeks, and the researchers monitored them closely. "
          "The article doesn't give the exact number of weeks.", QUOTE_DURATION),
    claim("duration_wrong", [r"\b(?:for|during|over) (?:a |many |several |only |just |one |two |\d+ )?(?:years?|months?|days?|"
                             r"single day|one session)\b(?! (?:a|per|each) )", r"\b(?:many|several) (?:years|months)\b"],
          "No: the animals exercised for a few weeks, according to the article. It doesn't give the exact "
          "number of weeks.", QUOTE_DURATION),
    claim("progressive", [r"\bprogressive\w*|\bgradual\w*|\bbuilt up|\bbuild up|\bincreas\w* (?:the )?(?:intensity|effort)"],
          "Yes: the article calls it \"a form of progressive exercises\". It doesn't describe how the exercise "
          "was increased.", QUOTE_EXERCISES),
    claim("monitored", [r"\bmonitor\w*|\bwatched|\bobserved\b"],
          "Yes: the researchers monitored the animals closely while they exercised for a few weeks.",
          QUOTE_MONITORED),
    claim("journal_right", [r"\banesthesia|\banaesthesia|\b(?:journal|published)\b.{0,20}\banalgesia\b"],
          "Yes: the study was published in Anesthesia & Analgesia.", QUOTE_PUBLISHED),
    claim("journal_wrong", [r"\b(?:published|appeared|came out|printed)\b.{0,20}\b(?:in|by) (?:the )?" + _OTHER_JOURNAL,
                            r"\b" + _OTHER_JOURNAL + r"\b"],
          "No: the article says the study was published in Anesthesia & Analgesia.", QUOTE_PUBLISHED),
    # --- the condition and its treatment ----------------------------------------------------------
    claim("rare", [r"\b(?:rare|uncommon|unusual|not (?:very )?common)\b"],
          "No: the article says neuropathic pain is quite common, and difficult to treat.", QUOTE_DEFINITION),
    claim("common", [r"\b(?:common|widespread|frequent)\b"],
          "Yes: the article says neuropathic pain is quite common, and difficult to treat.", QUOTE_DEFINITION),
    claim("easy_to_treat", [r"\b(?:easy|simple|straightforward) to (?:treat|cure|manage)\b", r"\beasily treat\w*"],
          "No: the article says it is difficult to treat: conventional pain medicines do little, and the drugs "
          "that help have side effects that sometimes outweigh the benefits.", QUOTE_DEFINITION, QUOTE_SYMPTOMS),
    claim("hard_to_treat", [r"\b(?:difficult|hard|tough|tricky) to (?:treat|cure|manage)\b"],
          "Yes: the article says neuropathic pain is quite common and difficult to treat.", QUOTE_DEFINITION),
    claim("painkillers_work", [r"\b(?:normal|ordinary|regular|conventional|usual|standard|over the counter|otc|common)\b"
                               r".{0,25}\b(?:pain ?killers?|pain medicines?|pain medications?|pain meds|analgesics)\b"
                               r".{0,25}\b(?:work|works|help|helps|effective|well|good)\b"],
          "No: the article says conventional pain medicines do little to alleviate it.", QUOTE_SYMPTOMS),
    claim("drugs_dont_help", [r"\b(?:antidepressants?|antiepileptics?|anti-?epileptic|anti-?seizure)\b.{0,40}"
                              r"\b(?:dont|do not|doesnt|does not|never|not|no use|useless|fail)\b"],
          "No: the article says antidepressants and antiepileptic drugs have been shown to help, though their "
          "side effects sometimes outweigh the benefits.", QUOTE_DRUGS),
    claim("side_effects", [r"\bside[- ]?effects?\b.{0,40}\b(?:outweigh|worse|bigger|more than|problem)\b",
                           r"\boutweigh\w*\b"],
          "Yes: the article says the side effects of antidepressants and antiepileptic drugs sometimes "
          "outweigh the benefits.", QUOTE_DRUGS),
    claim("drugs_help", [r"\b(?:antidepressants?|antiepileptics?|anti-?epileptic|anti-?seizure)\b"],
          "Yes: the article says antidepressants and antiepileptic drugs have been shown to help, though their "
          "side effects sometimes outweigh the benefits.", QUOTE_DRUGS),
    claim("symptoms", [r"\b(?:burning|numb|numbness)\b"],
          "Yes: the article says neuropathic pain often causes a burning pain and numbness.", QUOTE_SYMPTOMS),
    claim("who", [r"\b(?:trauma|diabet\w*|accidents?)\b.{0,40}\b(?:cause\w*|mention\w*|linked|seen|get|gets|conditions?|"
                  r"patients?|people|source|reason)\b", r"\b(?:cause\w*|mention\w*|seen|conditions?)\b.{0,40}\b(?:trauma|"
                  r"diabet\w*|accidents?)\b"],
          "Yes: the article says this pain is seen in patients with trauma, diabetes and other conditions.",
          QUOTE_WHO),
    claim("phantom", [r"\bphantom\b|\bamputat\w*"],
          "Yes: the article gives phantom limb pain, which sometimes follows amputation, as an example of "
          "neuropathic pain. The study itself used rats with a sciatic nerve injury.", QUOTE_EXAMPLE),
    claim("drug_free", [r"\b(?:without|no|non)[- ](?:drugs?|medications?|medicines?|meds|pills)\b|\bdrug[- ]free\b|"
                        r"\balternative\b"],
          "Yes: the article calls exercise an alternative way of dealing with neuropathic pain that does not "
          "involve medications and their side effects.", QUOTE_DRUG_FREE),
)

# Claims the article is silent on: said plainly, never agreed with.
SILENT: Tuple[Claim, ...] = (
    claim("silent_funding", [r"\b(?:fund\w*|sponsor\w*|paid for|pharma\w*|industry|grant)\b"],
          "The article doesn't say who funded the study. It only says it was published in Anesthesia & "
          "Analgesia.", QUOTE_PUBLISHED),
    claim("silent_authors", [r"\b(?:harvard|stanford|oxford|yale|mit|university|universities|authors?|researchers? (?:were|are) from|"
                             r"led by|team from)\b"],
          "The article doesn't say who did the study or where. It only says it was published in Anesthesia & "
          "Analgesia.", QUOTE_PUBLISHED),
    claim("silent_date", [r"\b(?:published|came out|done|conducted|carried out|released|written)\b.{0,20}\b(?:(?:19|20)\d\d|"
                          r"(?:last|this) (?:year|month))\b"],
          "The article doesn't give a date; it calls it \"a new experimental study\".", QUOTE_PUBLISHED),
    claim("silent_count", [r"\b\d+ (?:rats|animals|mice)\b|\bhow many rats\b"],
          "The article doesn't say how many rats were studied.", QUOTE_RATS),
)


def _contradicted(fragment: str) -> Optional[Answer]:
    """The first claim the article contradicts ("No: …") that `fragment` (normalised) makes."""
    for item in CLAIMS:
        if item.answer.text.startswith("No") and any(p.search(fragment) for p in item.patterns):
            return item.answer
    return None


def false_premise(text: str) -> Optional[Answer]:
    """A false premise stated before a question ("since HSP27 went down, …", "my neighbour says the
    study proved …"), corrected; None when there is none."""
    norm = normalise(text)
    premise = (re.match(r"^(?:so |and |but )?(?:since|because|given that|now that|as|if)\b([^,?]*)", norm)
               or re.search(r"\b(?:the article says|the study (?:showed|found|proved|says)|this study proved|i read that|"
                            r"told me|i heard that|apparently)\b(.*?)(?:[-?]|$)", norm))
    return _contradicted(premise.group(1)) if premise else None


def check(text: str, context: str = "") -> Optional[Answer]:
    """The verdict on a yes/no claim in `text`, or a false premise in `text` or in the `context`
    before it corrected; else None."""
    if context:
        corrected = check(context)
        if corrected is not None and corrected.text.startswith("No"):
            return corrected
    corrected = false_premise(text)  # "since this was tested on people, can I expect ...": premise first
    if corrected is not None:
        return corrected
    norm = normalise(text)
    if is_claim_question(text):
        for item in SILENT + CLAIMS:
            if any(p.search(norm) for p in item.patterns):
                return item.answer
        return None
    if re.search(_PREMISE, norm):  # only a premise the article contradicts is worth stopping for
        return _contradicted(norm)
    return None


def claim_named(name: str) -> Claim:
    return next(c for c in SILENT + CLAIMS if c.name == name)
