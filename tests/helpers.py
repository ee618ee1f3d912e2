"""Test helpers: Rasa SDK trackers and dispatchers without a running server."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parent.parent

QUOTE_LINE = re.compile(r'^From the article \(paragraph (\d+)\): "(.+)"$')


def make_tracker(
    intent: str,
    entities: Iterable[Tuple[str, str]] = (),
    slots: Optional[Dict] = None,
    text: str = "",
    channel: str = "rest",
) -> Tracker:
    """A tracker whose latest user message, sent on `channel`, has `intent` and (label, value) `entities`."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [{"entity": label, "value": value} for label, value in entities],
    }
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker("test-user", dict(slots or {}), latest, events, False, None, {}, "action_listen")


def run_action(action, tracker: Tracker) -> Tuple[List[Dict], List[Dict]]:
    """Run a custom action; return (messages sent, events returned)."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def texts(messages: List[Dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def quotes_in(text: str) -> List[Tuple[int, str]]:
    return [(int(m.group(1)), m.group(2)) for m in map(QUOTE_LINE.match, text.splitlines()) if m]
