"""Run whole conversations through the trained bot, as a reader would, for the question-set scorers.

The model is loaded in this process (NLU, rules, domain responses) and the custom actions run in a
real action server started on a free loopback port, so every reply is exactly what a reader gets.
Each conversation has its own sender id and starts empty.

    async with BotSession(model) as bot:
        replies = await bot.send("conv-1", "does swimming help?")   # list of texts, in order
"""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parent.parent
RASA = ROOT / ".venv" / "bin" / "rasa"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BotSession:
    def __init__(self, model: str, with_actions: bool = True, log_dir: Optional[Path] = None):
        self.model = os.path.abspath(model)
        self.with_actions = with_actions
        self.log_dir = log_dir or ROOT / "test-output"
        self._actions: Optional[subprocess.Popen] = None
        self.agent = None

    async def __aenter__(self) -> "BotSession":
        if not os.path.isfile(self.model):  # Agent.load would silently take another model
            raise FileNotFoundError(f"no model file {self.model}")
        from rasa.core.agent import Agent
        from rasa.utils.endpoints import EndpointConfig
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)
        endpoint = None
        if self.with_actions:
            port = free_port()
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log = open(self.log_dir / "actions-scorer.log", "ab")
            env = dict(os.environ, SANIC_HOST="127.0.0.1")
            self._actions = subprocess.Popen([str(RASA), "run", "actions", "--port", str(port)], cwd=ROOT,
                                             stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
            _wait_for_port(port, self._actions)
            endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        try:
            self.agent = Agent.load(self.model, action_endpoint=endpoint)
        except BaseException:
            await self.__aexit__()  # never leave the action server running
            raise
        return self

    async def __aexit__(self, *exc) -> None:
        if self._actions and self._actions.poll() is None:
            self._actions.terminate()
            self._actions.wait(timeout=20)

    async def send(self, sender: str, text: str) -> List[str]:
        """The bot's replies to one message, as texts (buttons dropped)."""
        messages = await self.agent.handle_text(text, sender_id=sender) or []
        return [m.get("text") or "" for m in messages if m.get("text")]

    async def parse(self, text: str) -> dict:
        return await self.agent.parse_message(text)


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            sys.exit(f"action server exited with {proc.returncode}; see test-output/actions-scorer.log")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    proc.terminate()
    sys.exit(f"action server did not open port {port} in {timeout}s")
