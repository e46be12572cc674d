"""Chinese texts for returns, whatever language the app is shown in.

Returns are official Chinese documents. Labels that the screens translate through Qt (sex,
skill level, candidate state...) are looked up here in the same shipped ``zh_CN`` catalogue,
read with the standard library, so a return says exactly what the screens say in Chinese and
the services stay free of Qt.
"""

from __future__ import annotations

import functools
from importlib import resources
from xml.etree import ElementTree

CATALOGUE = "uniondesk_zh_CN.ts"


@functools.cache
def _catalogue() -> dict[tuple[str, str], str]:
    source = resources.files("unionDesk.resources").joinpath("translations", CATALOGUE)
    root = ElementTree.fromstring(source.read_bytes())
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete"}:
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def zh(context: str, text: str) -> str:
    """The Chinese of ``text`` in ``context``; the source text when it has none."""
    return _catalogue().get((context, text)) or text
