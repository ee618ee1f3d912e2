"""Long messages: classify the question, not the story before it.

A reader often writes a few sentences of context (their feet, their drugs, their mother) and then
asks one thing. The classifier, trained on questions, is pulled towards the words of the story.
`focus(text)` returns the question sentences of a long message (or its last sentence), and
`QuestionFocus`, first in the pipeline, puts them in the message's text for the components after
it. The whole message stays in `full_text`: the safety and input gates read that (a crisis can be
anywhere in a story), and so do the actions, for premises ("my neighbour says the study proved …").
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FULL_TEXT = "full_text"
# Shorter messages are classified whole.
MIN_WORDS = 25
_QUESTION_START = re.compile(r"^(?:what|whats|what's|why|how|which|who|where|when|is|are|was|were|do|does|did|can|could|"
                             r"will|would|should|has|have|any|so|and|but)\b", re.I)


def focus(text: Optional[str]) -> Optional[str]:
    """The question part of a long message, or None when the message should be read whole."""
    if not isinstance(text, str) or len(text.split()) < MIN_WORDS:
        return None
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    questions = [s for s in sentences if s.endswith("?") or _QUESTION_START.match(s)]
    chosen = " ".join(questions[-2:]) if questions else sentences[-1]
    return chosen if chosen != text.strip() else None


def full_text(message: Any) -> str:
    """The whole message as the reader wrote it (for the gates)."""
    return message.get(FULL_TEXT) or message.get(TEXT) or ""


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class QuestionFocus(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "QuestionFocus":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            focused = focus(text)
            if focused is not None:
                message.set(FULL_TEXT, text, add_to_output=True)
                message.set(TEXT, focused)
        return messages
