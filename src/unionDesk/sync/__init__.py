"""Transports that carry outbox packages to a destination (上报, DESIGN.md 6).

Each transport sends one package and either returns a receipt or raises ``RetryLater`` (try
again later: network errors, timeouts, server errors, a missing USB stick) or ``Rejected`` (the
destination refused the package; its own message says why). No database access here: the outbox
service decides what to send and records the outcome.
"""
