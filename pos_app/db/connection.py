"""The connection under a session, for the prebuilt Core statements of the hot paths.

`Session.execute` sends every statement through the ORM's execution path (events, the ORM compile plugin,
result adaptation) even when it selects plain columns: about 0.09 ms of CPU a statement on these machines,
against 0.06 ms for the whole of `Connection.execute`. A 5-line sale runs about twenty statements
(docs/PERFORMANCE.md, section 10).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session


def core(session: Session) -> Connection:
    """The session's connection, in its transaction, after flushing what the session holds: the statements run
    on it see the session's pending objects, as they would through `Session.execute`. Objects the session has
    loaded are not refreshed by what they write."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection()
