"""`ContactCenterStore`: every read and write of the contact center's tables, through one object.

    store = ContactCenterStore()            # CONTACT_CENTER_DB_URL, or sqlite:///var/contact_center.db
    store.migrate()                         # alembic upgrade head
    sr = store.file_service_request(idempotency_key=..., conversation_id=..., ...)
    sr.reference                            # 'SR-7K3M-9QXD'

Nothing happens at import time: the engine is created in the constructor.
Each method runs in its own short transaction and returns detached rows whose
columns (and a callback's attempts) can be read after it returns. Methods take
an optional `now` (time-zone aware) so tests and callers can fix the clock.

The methods live beside this file, one module a kind of record, so that each
reads as one subject; this class only owns the engine and composes them:
`service_requests` (E1-E3), `callbacks` (C1-C5, attempts, the C4 e-mail),
`decisions` (the decision log), `live_queue` (G2, G3, U3). What they all ask
the same way (by reference, by idempotency key, per conversation, the
once-only insert) is written once in `queries`.

Concurrency:
- E3: filing (and creating a callback) relies on the unique `idempotency_key`;
  a double send that loses the race gets an IntegrityError, rolls back and
  returns the row the winner wrote, with the same reference.
- `take_next`: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED`; everywhere
  else a conditional `UPDATE ... WHERE status = 'waiting'` that only one
  representative can win, retried on the next entry by the loser.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from contact_center.storage.callbacks import AttemptConflict, CallbackMethods
from contact_center.storage.decisions import DecisionMethods, jsonable
from contact_center.storage.live_queue import LiveQueueMethods
from contact_center.storage.queries import StoreError, make_idempotency_key
from contact_center.storage.service_requests import ServiceRequestMethods

DEFAULT_URL = "sqlite:///var/contact_center.db"
URL_ENV = "CONTACT_CENTER_DB_URL"
ROOT = Path(__file__).resolve().parents[2]
ALEMBIC_INI = ROOT / "alembic.ini"


def _prepare_sqlite_path(url: str) -> None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # connecting will fail with the database's own error, where it is handled
        pass


class ContactCenterStore(ServiceRequestMethods, CallbackMethods, DecisionMethods, LiveQueueMethods):
    """Service requests, callbacks and attempts, the live queue and the decision log."""

    def __init__(self, url: Optional[str] = None, *, echo: bool = False) -> None:
        self.url = url or os.environ.get(URL_ENV) or DEFAULT_URL
        _prepare_sqlite_path(self.url)
        kwargs: Dict[str, Any] = {"future": True, "echo": echo}
        if make_url(self.url).drivername.startswith("sqlite"):
            # Wait for another writer instead of failing with "database is locked".
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic upgrade), creating it from empty if needed."""
        from alembic import command
        from alembic.config import Config

        config = Config(str(ALEMBIC_INI))
        config.set_main_option("script_location", str(ROOT / "migrations"))
        config.attributes["configure_logger"] = False
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "ContactCenterStore":
        return self

    def __exit__(self, *exc) -> None:
        self.dispose()

    def session(self) -> Session:
        """A new ORM session, for callers (a representatives' tool) that need more."""
        return self._sessions()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


__all__ = [
    "AttemptConflict",
    "ContactCenterStore",
    "DEFAULT_URL",
    "StoreError",
    "URL_ENV",
    "make_idempotency_key",
    "jsonable",
]
