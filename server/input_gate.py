"""Messages the article answers cannot serve: not English, not a question, or far too long.

`classify(text)` returns one of
    not_english       mostly another script (Chinese, Arabic, Cyrillic...) or another Latin-script
                      language (Spanish, French, German, Portuguese, Italian) by its function words
    ask_one_question  nothing to answer: no letters ("...", "/", emoji), keyboard mash ("asdkjh
                      qwe", "jjjjjjjj"), filler alone ("ok", "hmm"), or longer than MAX_CHARS
or None. `InputGate` applies it in the Rasa server after the classifier (config.yml), so the reply
is a domain response (domain.yml: utter_not_english, utter_ask_one_question) and never a confident
answer to a question the bot could not read. SafetyGate runs after it: a crisis in Spanish still
gets the crisis reply.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from server.intent_override import apply_route
from server.question_focus import full_text

NOT_ENGLISH = "not_english"
ASK_ONE_QUESTION = "ask_one_question"
# A reader's question fits in a few sentences; anything longer is answered with a request for
# one short question (the widget also stops typing at 500 characters).
MAX_CHARS = 1000
GATED = (NOT_ENGLISH, ASK_ONE_QUESTION)

_FILLER = {"ok", "okay", "k", "kk", "hmm", "hmmm", "hm", "um", "umm", "uh", "so", "well", "yeah", "yep", "nope",
           "right", "alright", "sure", "cool", "lol", "ah", "oh", "huh", "meh", "ok so", "so what", "and",
           "test", "testing", "hello?", "what", "?"}
# Function words that are common in these languages and rare in English questions.
_FOREIGN = {
    "es": {"el", "la", "los", "las", "que", "es", "de", "del", "por", "para", "con", "una", "ayuda", "dolor",
           "ejercicio", "cuánto", "cuanto", "qué", "qué", "cómo", "como", "puede", "sobre", "estudio", "tengo",
           "mi", "muy", "pero", "y", "se", "lo", "su", "también", "ratas", "nadar", "hay", "está", "son"},
    "fr": {"le", "les", "des", "est", "que", "qui", "une", "un", "pour", "avec", "dans", "sur", "ce", "cette",
           "douleur", "natation", "aide", "vraiment", "contre", "je", "j", "mon", "ma", "mes", "pas", "ne", "et",
           "étude", "rats", "combien", "pourquoi", "comment", "il", "elle", "du", "au", "aux", "est-ce"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "dem", "wurde", "studie",
           "schmerzen", "hilft", "ich", "mein", "meine", "wie", "was", "warum", "bei", "auf", "für", "oder",
           "an", "menschen", "ratten", "durchgeführt", "schwimmen", "auch", "es", "sie", "er"},
    "pt": {"o", "a", "os", "as", "que", "de", "do", "da", "dos", "das", "um", "uma", "para", "com", "não", "meu",
           "minha", "ajuda", "dor", "exercício", "exercicio", "membro", "fantasma", "pai", "quanto", "é", "e"},
    "it": {"il", "lo", "gli", "che", "di", "per", "con", "una", "un", "dolore", "esercizio", "aiuta", "sono",
           "mio", "mia", "non", "è", "e", "quanto", "perché"},
}
_ENGLISH = {"the", "is", "was", "were", "are", "does", "do", "did", "what", "how", "why", "who", "which", "when",
            "and", "of", "to", "in", "it", "this", "that", "for", "with", "on", "my", "i", "you", "about", "can",
            "help", "pain", "exercise", "swimming", "rats", "study", "article", "much", "many", "people", "a",
            "an", "be", "have", "has", "or", "not", "will", "would", "should", "could", "me", "they", "there"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _latin_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha() and "LATIN" in unicodedata.name(ch, ""))


def classify(text: Optional[str]) -> Optional[str]:
    if not isinstance(text, str):
        return ASK_ONE_QUESTION
    stripped = text.strip()
    if stripped.startswith("/") and re.fullmatch(r"/[A-Za-z_]\w*(?:\{.*\})?", stripped, re.S):
        return None  # a button payload: Rasa's own "/intent" handling
    if len(stripped) > MAX_CHARS:
        return ASK_ONE_QUESTION
    letters = [ch for ch in stripped if ch.isalpha()]
    if not letters:
        return ASK_ONE_QUESTION
    latin = _latin_letters(stripped)
    if latin < 0.5 * len(letters):
        return NOT_ENGLISH
    words = [w.lower() for w in _WORD.findall(stripped)]
    if " ".join(words) in _FILLER or all(w in _FILLER for w in words):
        return ASK_ONE_QUESTION
    if all(_mashed(w) for w in words):
        return ASK_ONE_QUESTION
    english = sum(w in _ENGLISH for w in words)
    foreign = max(sum(w in vocab for w in words) for vocab in _FOREIGN.values())
    accented = sum(1 for ch in stripped if ch in "¿¡ñáéíóúàèìòùâêîôûçäöüßãõœ")
    if (foreign >= 2 and foreign > 2 * english) or (accented >= 2 and english == 0):
        return NOT_ENGLISH
    return None


_MASH = {"asdf", "asd", "qwe", "qwer", "qwert", "qwerty", "zxc", "zxcv", "jkl", "hjkl", "lol", "xd", "fgh", "sdf"}


def _mashed(word: str) -> bool:
    """Keyboard mash: a known run, one letter repeated, or a longer run with (almost) no vowel."""
    if word in _MASH or (len(set(word)) == 1 and len(word) >= 3):
        return True
    vowels = len(re.findall(r"[aeiouy]", word))
    return (len(word) >= 4 and vowels == 0) or bool(re.search(r"[^aeiouy\W\d]{5,}", word))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InputGate(GraphComponent):
    """Sets `not_english` or `ask_one_question` over the classifier's intent (see above)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "InputGate":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            apply_route(message, classify(full_text(message)), GATED)  # the whole message
        return messages
