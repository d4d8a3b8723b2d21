"""The running Rasa server's HTTP API (`rasa run --enable-api --auth-token TOKEN`).

`make run` passes the token in var/api-token (scripts/run_assistant.sh); the admin
commands read it from there unless `--token` / `--token-file` or the RASA_API_TOKEN
environment variable say otherwise. The server address defaults to
http://localhost:$RASA_PORT (5005), or RASA_URL.

`PUT /model {"model_file": path}` makes the server load the model and only then
swap it in: conversations go on with the old model while the new one loads, and a
model that fails to load leaves the old one live.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional

from admin.project import AdminError, Project
from contact_center import settings

LOAD_TIMEOUT = 600  # seconds a large model may take to load


def default_url() -> str:
    return settings.text("RASA_URL") or f"http://localhost:{settings.text('RASA_PORT')}"


@dataclass
class Server:
    url: str
    token: Optional[str]

    @classmethod
    def from_args(cls, project: Project, url: Optional[str], token: Optional[str], token_file: Optional[str]) -> "Server":
        if token is None:
            token = settings.text("RASA_API_TOKEN")
        if token is None:
            path = Path(token_file) if token_file else project.api_token_file
            if path.exists():
                token = path.read_text(encoding="utf-8").strip()
            elif token_file:
                raise AdminError(f"token file {path} does not exist")
        return cls((url or default_url()).rstrip("/"), token)

    def _params(self) -> Dict[str, str]:
        return {"token": self.token} if self.token else {}

    def _request(self, method: str, path: str, timeout: float = 10, **kwargs: Any):
        import requests

        try:
            response = requests.request(method, self.url + path, params=self._params(), timeout=timeout, **kwargs)
        except requests.RequestException as error:
            raise AdminError(f"the Rasa server at {self.url} does not answer ({error.__class__.__name__}); "
                             f"is it running (`make run`)?") from error
        if response.status_code in (401, 403):
            raise AdminError(f"the Rasa server at {self.url} refused the API token ({response.status_code}); "
                             f"check var/api-token or --token")
        return response

    def status(self) -> Dict[str, Any]:
        response = self._request("GET", "/status")
        if response.status_code == 409:
            return {"model_file": None, "model_id": None}
        if response.status_code != 200:
            raise AdminError(f"GET /status answered {response.status_code}: {response.text[:300]}")
        return response.json()

    def load(self, model_path: Path) -> None:
        response = self._request("PUT", "/model", timeout=LOAD_TIMEOUT, json={"model_file": str(model_path)})
        if response.status_code != 204:
            try:
                detail = response.json().get("message")
            except ValueError:
                detail = response.text[:300]
            raise AdminError(f"the server did not load {model_path} ({response.status_code}): {detail}; "
                             f"the previous model stays live")

    def parse(self, text: str) -> Dict[str, Any]:
        response = self._request("POST", "/model/parse", timeout=30, json={"text": text})
        if response.status_code != 200:
            raise AdminError(f"POST /model/parse answered {response.status_code}: {response.text[:300]}")
        return response.json()
