"""上报 (upload): the outbox page, the background sender and the upload destinations dialog."""
