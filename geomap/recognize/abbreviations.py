"""How state and province abbreviations are written in news ("Alexandria, La.", "W.Va.", "L.A.")."""

from __future__ import annotations

import re

from gazetteer import lexicon


def _written_forms(token: str) -> list[str]:
    """How an abbreviation token is written: "LA" -> LA, L.A.; "WVa" -> W.Va.; "Ala" -> Ala."""
    if token.isupper():
        return [rf"{token}\b", r"\.\s?".join(token) + r"\."]
    return [r"\.\s?".join(re.findall(r"[A-Z][a-z]*", token)) + r"\."]


#: Every written form of the abbreviations, for recognition.
ABBREVIATION_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {form for token in lexicon.ABBREVIATION_TOKENS for form in _written_forms(token)}
            | {r"L\.A\.", r"N\.Y\.C\."},
            key=len,
            reverse=True,
        )
    )
    + r")(?!\w)"
)
