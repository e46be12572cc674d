"""Use cases. Each function is one transaction and returns plain data."""
