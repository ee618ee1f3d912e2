"""Rasa 3.6's socket.io channel, with session persistence that works on python-socketio >= 5.10.

Rasa 3.6 calls `sio.enter_room(...)` without awaiting it; since python-socketio 5.10 that is a
coroutine, so the socket never joins its session's room and replies addressed to the session
never arrive (RasaHQ/rasa#13027). This channel re-registers the `session_request` handler with
the call awaited, and lets credentials.yml restrict which origins may open a socket.

credentials.yml:
    server.socketio_channel.SocketIOChannel:
      session_persistence: true
      cors_allowed_origins: ["https://your-site.example"]   # default: no origin check
"""
from __future__ import annotations

import inspect
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)


class SocketIOChannel(SocketIOInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.cors_allowed_origins = (credentials or {}).get("cors_allowed_origins")
        return channel

    cors_allowed_origins: Optional[Union[str, List[str]]] = None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        if self.cors_allowed_origins is not None:
            # Rasa passes cors_allowed_origins=[] (no origin check at all): apply the list.
            sio.eio.cors_allowed_origins = self.cors_allowed_origins

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data or {}
            session_id = data.get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):  # a coroutine since python-socketio 5.10
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug(f"Socket {sid} joined session {session_id}.")

        return socketio_webhook
