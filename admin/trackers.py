"""Read applicants' messages back from the tracker store Rasa writes conversations to.

Which store: `--tracker-store URL` (an SQLAlchemy URL, e.g. `sqlite:///var/tracker.db`
or `postgresql://postgres@127.0.0.1:5432/test`), otherwise the `tracker_store` section
of an endpoints file (`endpoints.yml` by default: SQLite `var/tracker.db`;
`deploy/endpoints.production.yml`: PostgreSQL from environment variables, which Rasa's
endpoint reader substitutes). A relative SQLite path is taken from the project root,
as `make run` starts Rasa there.

SQL stores (`type: SQL`, or a class built on Rasa's `SQLTrackerStore` such as
`rasa_extensions.sql_tracker_store.KeptSQLTrackerStore`, with the same keys and table)
are read with one query over Rasa's `events` table; any other store type Rasa supports
(redis, mongod, dynamo) through its generic `keys()` / `retrieve_full_tracker()` API.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from admin.project import AdminError, Project
from contact_center import settings

logger = logging.getLogger(__name__)

FALLBACK_INTENT = "nlu_fallback"
LANGUAGE_SLOT = "language"
LANGUAGE_ENTITY = "language"


@dataclass
class UserMessage:
    """One applicant message as the live model understood it."""

    conversation_id: str
    text: str
    timestamp: float
    intent: str  # what the model decided (may be nlu_fallback)
    confidence: float
    ranking: List[Tuple[str, float]] = field(default_factory=list)
    entities: List[Dict[str, Any]] = field(default_factory=list)
    metadata: Dict[str, Any] = field(default_factory=dict)
    language: Optional[str] = None  # from the message, its metadata or the conversation

    @property
    def predicted(self) -> Tuple[str, float]:
        """The classifier's own best intent (under nlu_fallback, the runner-up)."""
        if self.intent == FALLBACK_INTENT:
            for name, confidence in self.ranking:
                if name != FALLBACK_INTENT:
                    return name, confidence
        return self.intent, self.confidence


@dataclass
class StoreConfig:
    """A resolved tracker store: an SQLAlchemy URL, or a Rasa endpoint config."""

    description: str
    url: Optional[str] = None  # SQL stores
    endpoint: Any = None  # rasa.utils.endpoints.EndpointConfig for other types
    sqlite_path: Optional[Path] = None


def _safe_url(url: Any) -> str:
    import sqlalchemy as sa

    return repr(sa.engine.url.make_url(str(url)))  # repr hides the password


def _resolve_sqlite(project: Project, url: "Any") -> Tuple[str, Optional[Path]]:
    import sqlalchemy as sa

    parsed = sa.engine.url.make_url(str(url))
    if parsed.get_backend_name() != "sqlite":
        return str(parsed), None
    database = parsed.database or ""
    if not database or database == ":memory:":
        raise AdminError("an in-memory SQLite tracker store keeps nothing to read")
    path = Path(database)
    if not path.is_absolute():
        path = project.root / path
    return str(parsed.set(database=str(path))), path


def resolve(
    project: Project, tracker_store_url: Optional[str] = None, endpoints: Optional[str] = None
) -> StoreConfig:
    """Which tracker store to read, from a URL or an endpoints file."""
    if tracker_store_url:
        url, path = _resolve_sqlite(project, tracker_store_url)
        return StoreConfig(_safe_url(url), url=url, sqlite_path=path)

    endpoints_path = Path(endpoints) if endpoints else project.endpoints
    if not endpoints_path.is_absolute() and not endpoints_path.exists():
        endpoints_path = project.root / endpoints_path
    if not endpoints_path.exists():
        raise AdminError(f"no endpoints file at {endpoints_path}; give --tracker-store URL")
    from rasa.shared.exceptions import RasaException

    try:
        config = _tracker_store_section(endpoints_path)
    except RasaException as error:  # e.g. an unset ${VAR} in the tracker store's section
        raise AdminError(f"cannot read {endpoints_path}: {error}") from error
    if config is None:
        raise AdminError(
            f"{endpoints_path} has no tracker_store section: Rasa keeps conversations in "
            "memory only, so there is nothing to read; give --tracker-store URL"
        )
    store_type = (config.type or "").lower()
    if store_type == "sql" or _sql_store_class(project, config.type):
        import os

        from rasa.core.tracker_store import SQLTrackerStore

        # Rasa expands ${VAR} only in unquoted values; quoted ones ("${DB_HOST}") are
        # expanded here too, so the admin reads what the file clearly means.
        kwargs = {k: os.path.expandvars(v) if isinstance(v, str) else v for k, v in config.kwargs.items()}
        raw = SQLTrackerStore.get_db_url(
            kwargs.get("dialect", "sqlite"),
            os.path.expandvars(config.url) if config.url else config.url,
            kwargs.get("port"),
            kwargs.get("db", "rasa.db"),
            kwargs.get("username"),
            kwargs.get("password"),
            None,
            kwargs.get("query"),
        )
        url, path = _resolve_sqlite(project, raw)
        return StoreConfig(f"{_safe_url(url)} (from {project.relative(endpoints_path)})", url=url, sqlite_path=path)
    return StoreConfig(f"{store_type} tracker store (from {endpoints_path})", endpoint=config)


def _sql_store_class(project: Project, store_type: Optional[str]) -> bool:
    """Whether an endpoints file's `type` names a class built on Rasa's SQLTrackerStore
    (it takes the same keys and writes the same table)."""
    if not store_type or "." not in store_type:
        return False
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.utils.common import class_from_module_path

    project.make_importable()
    try:
        store_class = class_from_module_path(store_type)
    except Exception:  # noqa: BLE001 - not a class we can read as SQL: Rasa's generic reader decides
        return False
    return isinstance(store_class, type) and issubclass(store_class, SQLTrackerStore)


def _has_events_table(url: str) -> bool:
    """Whether Rasa has written conversations here; fails fast when the database is unreachable
    (Rasa's SQLTrackerStore would retry forever)."""
    import sqlalchemy as sa

    parsed = sa.engine.url.make_url(url)
    connect_args = {"connect_timeout": 5} if parsed.get_backend_name() == "postgresql" else {}
    engine = sa.create_engine(url, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            # Rasa's tracker store honours POSTGRESQL_SCHEMA; so does this check.
            return sa.inspect(connection).has_table("events", schema=settings.text("POSTGRESQL_SCHEMA"))
    except sa.exc.SQLAlchemyError as error:
        raise AdminError(f"cannot reach the tracker store {_safe_url(url)}: {error.__class__.__name__}: "
                         f"{str(error).splitlines()[0]}") from error
    finally:
        engine.dispose()


def _user_message(sender_id: str, data: Dict[str, Any], timestamp: float) -> Optional[UserMessage]:
    text = (data.get("text") or "").strip()
    if not text or text.startswith("/"):  # blank, or a button payload
        return None
    parse = data.get("parse_data") or {}
    intent = parse.get("intent") or {}
    ranking = [
        (str(r.get("name")), float(r.get("confidence") or 0.0))
        for r in parse.get("intent_ranking") or []
        if r.get("name")
    ]
    return UserMessage(
        conversation_id=sender_id,
        text=text,
        timestamp=float(timestamp or data.get("timestamp") or 0.0),
        intent=str(intent.get("name") or FALLBACK_INTENT),
        confidence=float(intent.get("confidence") or 0.0),
        ranking=ranking,
        entities=list(parse.get("entities") or data.get("entities") or []),
        metadata=dict(data.get("metadata") or {}),
    )


def _walk(events: Iterable[Tuple[str, str, float, Dict[str, Any]]]) -> Iterator[UserMessage]:
    """User messages of (sender, type, timestamp, data) rows in conversation order.

    Keeps each conversation's language (the `language` slot) to label neutral messages,
    and skips what was typed while the conversation was handed to a live agent.
    """
    language: Dict[str, Optional[str]] = {}
    paused: Dict[str, bool] = {}
    for sender, type_name, timestamp, data in events:
        if type_name == "slot" and data.get("name") == LANGUAGE_SLOT:
            language[sender] = data.get("value") or language.get(sender)
        elif type_name == "pause":
            paused[sender] = True
        elif type_name in ("resume", "restart"):
            paused[sender] = False
        elif type_name == "user" and not paused.get(sender):
            message = _user_message(sender, data, timestamp)
            if message is not None:
                message.language = _language_of(message, language.get(sender))
                if message.language:
                    language[sender] = message.language
                yield message


def _language_of(message: UserMessage, conversation: Optional[str]) -> str:
    """The message's `language` entity, its metadata, the conversation's, else detected."""
    for entity in message.entities:
        if entity.get("entity") == LANGUAGE_ENTITY and entity.get("value"):
            return str(entity["value"])
    for key in ("language", "lang"):
        if message.metadata.get(key):
            return str(message.metadata[key])[:2].lower()
    from contact_center import language

    return language.detect(message.text, conversation).language


def read_messages(store: StoreConfig, since: Optional[float] = None) -> List[UserMessage]:
    """Every applicant message in the store (since a Unix time, if given), oldest first."""
    if store.url:
        if store.sqlite_path is not None and not store.sqlite_path.exists():
            logger.info("no tracker database at %s yet", store.sqlite_path)
            return []
        if not _has_events_table(store.url):  # reading must not create Rasa's tables
            logger.info("no events table in %s yet", _safe_url(store.url))
            return []
        rows = _sql_rows(store.url, since)
    else:
        rows = _generic_rows(store.endpoint, since)
    return [m for m in _walk(rows) if since is None or m.timestamp >= since]


def _sql_rows(url: str, since: Optional[float]) -> List[Tuple[str, str, float, Dict[str, Any]]]:
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore

    store = SQLTrackerStore(host=url)  # a full URL in `host` is used as it is
    Event = store.SQLEvent
    with store.session_scope() as session:
        query = session.query(Event.sender_id, Event.type_name, Event.timestamp, Event.data).filter(
            Event.type_name.in_(["user", "slot", "pause", "resume", "restart"])
        )
        if since is not None:
            query = query.filter(sa.or_(Event.type_name != "user", Event.timestamp >= since))
        rows = query.order_by(Event.sender_id, Event.timestamp, Event.id).all()
    store.engine.dispose()
    out = []
    for sender, type_name, timestamp, data in rows:
        try:
            out.append((sender, type_name, timestamp or 0.0, json.loads(data or "{}")))
        except ValueError:
            logger.warning("skipping an unreadable event of conversation %s", sender)
    return out


def _generic_rows(endpoint: Any, since: Optional[float]) -> List[Tuple[str, str, float, Dict[str, Any]]]:
    from rasa.core.tracker_store import TrackerStore

    async def collect() -> List[Tuple[str, str, float, Dict[str, Any]]]:
        store = TrackerStore.create(endpoint)
        rows = []
        for sender in await store.keys():
            tracker = await store.retrieve_full_tracker(sender)
            if tracker is None:
                continue
            for event in tracker.events:
                data = event.as_dict()
                rows.append((sender, data.get("event", ""), float(data.get("timestamp") or 0.0), data))
        return rows

    return asyncio.run(collect())


def _tracker_store_section(endpoints_path: Path) -> Any:
    """The endpoints file's tracker_store section, read as Rasa reads it. Only that section:
    Rasa fails on an unset ${VAR} anywhere in the file, and the action server's token
    (${ACTION_SERVER_TOKEN}) is set for the servers `make run` starts, not in the admin's shell."""
    import tempfile

    import yaml
    from rasa.utils.endpoints import read_endpoint_config

    data = yaml.safe_load(endpoints_path.read_text(encoding="utf-8")) or {}
    if not data.get("tracker_store"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        section = Path(folder) / "endpoints.yml"
        section.write_text(yaml.safe_dump({"tracker_store": data["tracker_store"]}), encoding="utf-8")
        return read_endpoint_config(str(section), "tracker_store")
