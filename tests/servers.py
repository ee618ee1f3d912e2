"""Start and stop the bot's servers on loopback for end-to-end tests.

Each server is a child process with its own log file; `stop()` terminates it and waits.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "article-bot.tar.gz"

ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
           SQLALCHEMY_SILENCE_UBER_WARNING="1", SANIC_HOST="127.0.0.1")  # the action server on loopback


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Server:
    def __init__(self, name: str, args: List[str], port: int, log_dir: Path):
        self.name, self.port = name, port
        self.log_path = log_dir / f"{name}.log"
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(args, cwd=ROOT, env=ENV, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, timeout: float = 120.0) -> float:
        """Wait for the port to accept connections; return the seconds it took."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.log_path}")
            if port_open(self.port):
                return time.monotonic() - start
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"{self.name} did not open port {self.port} in {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()


def write_config(tmp: Path, actions_port: int, db: Path, channels: Optional[Dict] = None) -> Dict[str, Path]:
    """endpoints.yml and credentials.yml for a test run: its own ports and SQLite file."""
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: server.sqlite_tracker_store.SQLiteTrackerStore\n  db: "{db}"\n'
    )
    credentials = tmp / "credentials.yml"
    credentials.write_text(json.dumps(channels or {"rest": None}))  # JSON is YAML
    return {"endpoints": endpoints, "credentials": credentials}


def start_actions(port: int, log_dir: Path) -> Server:
    return Server("actions", [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(port)], port, log_dir)


def start_rasa(port: int, config: Dict[str, Path], log_dir: Path, model: Path = MODEL, name: str = "rasa") -> Server:
    args = [str(VENV_BIN / "rasa"), "run", "-m", str(model.resolve()), "--enable-api", "-i", "127.0.0.1",
            "--port", str(port), "--endpoints", str(config["endpoints"]), "--credentials", str(config["credentials"])]
    return Server(name, args, port, log_dir)


def get_json(url: str, timeout: float = 30) -> Dict:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read())


def post_json(url: str, body: Dict, timeout: float = 30):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())
