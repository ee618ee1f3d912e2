"""The SQL tracker store on an embedded SQLite file, in WAL mode.

Rasa's SQLTrackerStore on SQLite reopens the file for every session (SQLAlchemy 1.4 uses a
NullPool for file databases) and commits each turn in rollback-journal mode, waiting for fsync.
Here: WAL with synchronous=NORMAL and one kept-open connection. Every committed turn survives a
crash or restart of the server (only an OS crash or power cut can lose the last turns).
Measured REST p50 on 100 messages: 15.5 ms with this store, 17.2 ms with `type: SQL`,
~11 ms in memory.

endpoints.yml:
    tracker_store:
      type: server.sqlite_tracker_store.SQLiteTrackerStore
      db: conversations.db
"""
from __future__ import annotations

from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

# The reader's right to delete (data/rules.yml): when the bot has confirmed the deletion with this
# response, the store removes every event of the conversation instead of saving the turn.
DELETE_INTENT = "delete_conversation"
DELETE_CONFIRMATION = "utter_conversation_deleted"


def deletion_confirmed(tracker: DialogueStateTracker) -> bool:
    """True when the latest user message asked to delete and the bot has confirmed it."""
    confirmed = False
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_CONFIRMATION:
            confirmed = True
        elif isinstance(event, UserUttered):
            return confirmed and event.intent_name == DELETE_INTENT
    return False


class DeletingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store (SQLite, PostgreSQL, ...) that deletes a conversation on request."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        if deletion_confirmed(tracker):
            self.delete(tracker.sender_id)
            return
        await super().save(tracker)

    def delete(self, sender_id: Text) -> int:
        """Remove every event of `sender_id`, all sessions; return how many rows went."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        return deleted


def _use_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted conversations are overwritten on disk, not just unlinked from the b-tree.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class SQLiteTrackerStore(DeletingSQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        db: Text = "conversations.db",
        event_broker: Optional[EventBroker] = None,
        **kwargs: Any,
    ) -> None:
        for ignored in ("dialect", "host", "url"):  # always a local SQLite file
            kwargs.pop(ignored, None)
        super().__init__(domain, dialect="sqlite", db=db, event_broker=event_broker, **kwargs)
        # SQLAlchemy 1.4 gives file-based SQLite a NullPool, reopening the file for every
        # session; keep one connection open instead (Rasa uses it from its event-loop thread).
        self.engine.dispose()
        self.engine = sa.create_engine(self.engine.url, poolclass=sa.pool.SingletonThreadPool)
        sa.event.listen(self.engine, "connect", _use_wal)
        self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)

    def delete(self, sender_id: Text) -> int:
        deleted = super().delete(sender_id)
        # Older copies of the deleted pages can still sit in the write-ahead log: fold it back
        # into the (securely overwritten) database file and empty it.
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted
