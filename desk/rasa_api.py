"""The running Rasa server's HTTP API, as the desk uses it (loopback, token, timeouts).

The desk never writes the applicant's conversation itself: Rasa runs the handoff
actions (actions/live_help.py) and sends what they say to the applicant's open
channel (`output_channel=latest`, the socket the widget is connected to), and a
representative's message is appended as a bot utterance with its side effects
executed, which also delivers it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import quote

import aiohttp

from contact_center import settings

TIMEOUT = aiohttp.ClientTimeout(total=30, connect=5)


class RasaUnavailable(RuntimeError):
    """Rasa did not answer, or refused: the desk says so instead of pretending it worked."""


def token_from_env(root: Path) -> Optional[str]:
    token = settings.text("RASA_API_TOKEN")
    if token:
        return token
    path = root / "var" / "api-token"
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


class RasaAPI:
    def __init__(self, url: str, token: Optional[str]) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self._session: Optional[aiohttp.ClientSession] = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._session

    async def _call(self, method: str, path: str, params: Dict[str, str], body: Any = None) -> Any:
        if self.token:
            params = dict(params, token=self.token)
        try:
            async with self._http().request(method, self.url + path, params=params, json=body) as response:
                if response.status >= 400:
                    raise RasaUnavailable(f"Rasa answered {response.status} to {method} {path.split('/')[1]}")
                return await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(f"Rasa did not answer ({type(exc).__name__})") from exc

    @staticmethod
    def _conversation(conversation_id: str) -> str:
        return "/conversations/" + quote(conversation_id, safe="")

    async def tracker(self, conversation_id: str) -> Dict[str, Any]:
        return await self._call("GET", self._conversation(conversation_id) + "/tracker", {"include_events": "ALL"})

    async def execute(self, conversation_id: str, action: str) -> None:
        """Run one of the handoff actions; what it says goes to the applicant's channel."""
        await self._call(
            "POST", self._conversation(conversation_id) + "/execute", {"output_channel": "latest"}, {"name": action}
        )

    async def append(self, conversation_id: str, events: List[Dict[str, Any]], deliver: bool = False) -> None:
        params = {"output_channel": "latest"}
        if deliver:
            params["execute_side_effects"] = "true"
        await self._call("POST", self._conversation(conversation_id) + "/tracker/events", params, events)

    async def set_slot(self, conversation_id: str, name: str, value: Any) -> None:
        await self.append(conversation_id, [{"event": "slot", "name": name, "value": value}])

    async def say(self, conversation_id: str, text: str, representative: Dict[str, Any]) -> None:
        """A representative's message, delivered to the applicant and kept in the conversation."""
        await self.append(
            conversation_id,
            [{"event": "bot", "text": text, "metadata": {"representative": representative}}],
            deliver=True,
        )
