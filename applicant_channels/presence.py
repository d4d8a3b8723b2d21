"""Whether the applicant's chat page is still there, for the representative's desk.

The socket channel knows when a page joins its conversation (`session_request`) and
when its connection ends (`disconnect`); the desk shows "applicant offline" from the
live queue entry's `applicant_left_at`. Only conversations in the live queue are
touched (one UPDATE that matches nothing otherwise), off the event loop.
A page with several tabs counts as gone when its last tab goes.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict
from typing import Any, Dict, Optional, Set

log = logging.getLogger(__name__)


class Presence:
    def __init__(self) -> None:
        self._session_of: Dict[str, str] = {}
        self._sockets: Dict[str, Set[str]] = defaultdict(set)
        self._store = None
        self._writing = threading.Lock()  # "gone" then "back" are written in that order

    def _mark(self, conversation_id: str, online: bool) -> None:
        with self._writing:
            self._write(conversation_id, online)

    def _write(self, conversation_id: str, online: bool) -> None:
        if self._store is None:
            from contact_center.storage import ContactCenterStore

            self._store = ContactCenterStore()
        try:
            self._store.set_applicant_presence(conversation_id, online)
        except Exception as exc:  # the desk shows less; the conversation goes on
            log.warning("could not record the applicant's presence: %s", type(exc).__name__)

    async def joined(self, sid: str, conversation_id: Optional[str]) -> None:
        if not conversation_id:
            return
        self._session_of[sid] = conversation_id
        first = not self._sockets[conversation_id]
        self._sockets[conversation_id].add(sid)
        if first:
            await asyncio.to_thread(self._mark, conversation_id, True)

    async def left(self, sid: str) -> None:
        conversation_id = self._session_of.pop(sid, None)
        if conversation_id is None:
            return
        sockets = self._sockets.get(conversation_id, set())
        sockets.discard(sid)
        if not sockets:
            self._sockets.pop(conversation_id, None)
            await asyncio.to_thread(self._mark, conversation_id, False)


def watch(sio: Any, namespace: Optional[str], presence: Presence) -> None:
    """Wrap Rasa's `disconnect` handler (rasa 3.6 SocketIOInput.blueprint) to report a page gone.

    A page joining is reported by the channel's own `session_request`
    (session_binding.bind, `on_joined=presence.joined`), which decides the conversation.
    """
    handlers = sio.handlers.get(namespace or "/", {})
    rasa_disconnect = handlers.get("disconnect")

    async def disconnect(sid: str, *args: Any) -> None:
        if rasa_disconnect is not None:
            await rasa_disconnect(sid)
        await presence.left(sid)

    sio.on("disconnect", disconnect, namespace=namespace)
