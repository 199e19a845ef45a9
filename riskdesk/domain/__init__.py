"""Pure domain types: no Qt, no SQLAlchemy, no I/O."""
