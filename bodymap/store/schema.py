"""The database tables (SQLAlchemy Core); migrations/versions builds the same schema step by step."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = String(64)
# Text sorted by code point: SQLite's default (BINARY); PostgreSQL's "C" collation.
BYTEWISE_TEXT = Text().with_variant(Text(collation="C"), "postgresql")


def _id() -> Column:
    return Column("id", ID, primary_key=True)


def _fk(name: str, target: str) -> Column:
    return Column(name, ID, ForeignKey(f"{target}.id", ondelete="CASCADE"), nullable=False)


clients = Table(
    "clients",
    metadata,
    _id(),
    Column("name", Text, nullable=False),
    Column("date_of_birth", String(10)),  # ISO date
    Column("contact", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("consent_treatment", Boolean, nullable=False),
    Column("consent_treatment_date", String(10)),
    Column("consent_storage", Boolean, nullable=False),
    Column("consent_storage_date", String(10)),
    Column("archived", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    # model.client.name_sort_key(name), compared code point by code point on both backends:
    # PostgreSQL's default collation follows the server's locale, SQLite's does not.
    Column("sort_name", BYTEWISE_TEXT, nullable=False),
    # The client list's sort order, holding every column the list shows, so listing
    # thousands of clients reads this index alone (migrations 0002, 0003).
    Index("ix_clients_sort", "sort_name", "name", "id", "date_of_birth", "archived"),
)

intakes = Table(
    "intakes",
    metadata,
    _id(),
    _fk("client_id", "clients"),
    Column("revision", Integer, nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Column("body", Text, nullable=False),  # the revision's answers as portable JSON
    UniqueConstraint("client_id", "revision", name="uq_intakes_client_revision"),
)

visits = Table(
    "visits",
    metadata,
    _id(),
    _fk("client_id", "clients"),
    Column("started_at", String(40), nullable=False),  # ISO date and time
    Column("therapist", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(10), nullable=False),
    Column("soap", Text, nullable=False),  # JSON
    Column("techniques", Text, nullable=False),  # JSON list
    Column("technique_other", Text, nullable=False),
    Column("self_care", Text, nullable=False),  # JSON list
    Column("self_care_text", Text, nullable=False),
    Column("outcomes", Text, nullable=False),  # JSON
    Column("signed_at", String(40)),
    Column("signed_by", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Index("ix_visits_client_started", "client_id", "started_at"),
)

amendments = Table(
    "amendments",
    metadata,
    _id(),
    _fk("visit_id", "visits"),
    Column("seq", Integer, nullable=False),
    Column("author", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("fields", Text, nullable=False),  # JSON list
    Column("original", Text, nullable=False),  # the visit before, as portable JSON
    Index("ix_amendments_visit", "visit_id", "seq"),
)

charts = Table(
    "charts",
    metadata,
    _id(),
    _fk("visit_id", "visits"),
    Column("slot", String(4), nullable=False),  # "pre" or "post"
    Column("version", Integer, nullable=False),
    UniqueConstraint("visit_id", "slot", name="uq_charts_visit_slot"),
)


def _item_table(name: str, *columns: Column) -> Table:
    """An item table: id, chart_id, seq (the item's position in its chart), then `columns`."""
    return Table(
        name,
        metadata,
        _id(),
        _fk("chart_id", "charts"),
        Column("seq", Integer, nullable=False),
        *columns,
        Index(f"ix_{name}_chart", "chart_id", "seq"),
    )


marks = _item_table(
    "marks",
    Column("view", String(40), nullable=False),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("zone", String(64), nullable=False),
    Column("intensity", Integer, nullable=False),
    Column("qualities", Text, nullable=False),  # comma-separated
    Column("other_text", Text, nullable=False),
    Column("source", String(10), nullable=False),
    Column("note", Text, nullable=False),
)

strokes = _item_table(
    "strokes",
    Column("view", String(40), nullable=False),
    Column("points", LargeBinary, nullable=False),  # little-endian float64 x, y pairs
    Column("width", Float, nullable=False),
    Column("intensity", Integer, nullable=False),
    Column("quality", String(20), nullable=False),
    Column("other_text", Text, nullable=False),
    Column("source", String(10), nullable=False),
)

findings = _item_table(
    "findings",
    Column("kind", String(20), nullable=False),
    Column("view", String(40), nullable=False),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("zone", String(64), nullable=False),
    Column("state", String(10)),
    Column("muscle", Text, nullable=False),
    Column("note", Text, nullable=False),
)

arrows = _item_table(
    "arrows",
    Column("view", String(40), nullable=False),
    Column("x1", Float, nullable=False),
    Column("y1", Float, nullable=False),
    Column("to_zone", String(64), nullable=False),
    Column("x2", Float),
    Column("y2", Float),
    Column("note", Text, nullable=False),
)

plans = Table(
    "plans",
    metadata,
    _id(),
    _fk("client_id", "clients"),
    Column("created_at", String(40), nullable=False),
    Column("goals", Text, nullable=False),  # JSON list
    Column("visits_per_week", Float),
    Column("planned_visits", Integer),
    Column("appointments", Text, nullable=False),  # JSON list of ISO date-times
    Column("review_date", String(10)),
    Column("notes", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_plans_client", "client_id", "created_at"),
)

accounts = Table(
    "accounts",
    metadata,
    _id(),
    Column("name", String(64), nullable=False, unique=True),  # the sign-in name
    Column("full_name", Text, nullable=False),
    Column("credentials", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),  # Argon2id, parameters inside
    Column("disabled", Boolean, nullable=False),
    Column("failed_attempts", Integer, nullable=False),
    Column("locked_until", String(40)),  # UTC; wrong passwords make the next try wait
    Column("created_at", String(40), nullable=False),
    Column("version", Integer, nullable=False),
)

# Append-only (triggers on both backends; on PostgreSQL also the grants of clinic setup).
# Ids, actions and times only: never a name, a note or chart content.
audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),  # UTC
    Column("account_id", ID),  # no foreign key: the trail outlives any change to accounts
    Column("computer", Text, nullable=False),
    Column("action", String(20), nullable=False),
    Column("client_id", ID),
    Column("record_kind", String(10)),
    Column("record_id", ID),
    Index("ix_audit_client", "client_id", "seq"),
    Index("ix_audit_account", "account_id", "seq"),
)

ITEM_TABLES: dict[str, Table] = {
    "mark": marks,
    "stroke": strokes,
    "finding": findings,
    "arrow": arrows,
}
