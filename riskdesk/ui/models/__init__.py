"""Qt item models: one per table, each holding plain data from the services."""
