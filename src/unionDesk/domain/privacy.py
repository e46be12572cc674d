"""Masking of personal numbers in lists and printouts (DESIGN.md 7)."""

from __future__ import annotations


def mask_id_number(number: str) -> str:
    """Keep the first 6 and last 4 characters: ``110105********1234``."""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 4, 0) + number[-2:] if number else ""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_mobile(number: str) -> str:
    """Keep the first 3 and last 4 digits: ``138****5678``."""
    if len(number) < 8:
        return number
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
