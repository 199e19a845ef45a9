"""SQLite storage through SQLAlchemy 2.x: engine, schema, migrations and queries. No Qt here."""
