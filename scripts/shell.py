"""`rasa shell` whose first bot line is the AI notice (domain.yml, utter_ai_notice).

`make chat` runs this instead of plain `rasa shell`, so a reader is told they are talking to an
automated assistant before they write. Every argument is passed on to `rasa shell` unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from rasa.__main__ import main
from rasa.core.channels import console

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"


def ai_notice() -> str:
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    return domain["responses"]["utter_ai_notice"][0]["text"]


def with_notice(get_user_input):
    """Rasa's prompt function, printing the notice as a bot line before the first prompt."""
    shown = []

    async def get_input(*args, **kwargs):
        if not shown:
            console._print_bot_output({"text": ai_notice()})
            shown.append(True)
        return await get_user_input(*args, **kwargs)

    return get_input


if __name__ == "__main__":
    console._get_user_input = with_notice(console._get_user_input)
    sys.argv = ["rasa", "shell", *sys.argv[1:]]
    main()
