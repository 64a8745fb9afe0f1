from __future__ import annotations

from dataclasses import replace

from geomap.claims.quantities import parse_quantity
from geomap.fingerprint import FINGERPRINT_LENGTH, claim_fingerprint
from geomap.model import Claim, ClaimKind

SENTENCE = "Kinmen lies about 10 km from Xiamen."
CLAIM = Claim(
    ClaimKind.DISTANCE,
    "Kinmen lies about 10 km from Xiamen",
    40,
    75,
    SENTENCE,
    3,
    None,
    None,
    quantity=parse_quantity("about 10 km"),
    sentence_start=40,
)


def test_a_fingerprint_is_short_hex() -> None:
    fingerprint = claim_fingerprint("news/a.txt", CLAIM)
    assert len(fingerprint) == FINGERPRINT_LENGTH and int(fingerprint, 16) >= 0


def test_moving_the_claim_or_rewrapping_its_sentence_keeps_the_fingerprint() -> None:
    moved = replace(CLAIM, start=400, end=435, line=30, sentence_start=400)
    rewrapped = replace(
        CLAIM, sentence="Kinmen  lies about\n10 KM from Xiamen.", text="Kinmen lies about\n10 km from Xiamen"
    )
    assert claim_fingerprint("news/a.txt", moved) == claim_fingerprint("news/a.txt", CLAIM)
    assert claim_fingerprint("news/a.txt", rewrapped) == claim_fingerprint("news/a.txt", CLAIM)
    assert claim_fingerprint("./news/x/../a.txt", CLAIM) == claim_fingerprint("news/a.txt", CLAIM)


def test_another_article_sentence_kind_or_figure_changes_it() -> None:
    base = claim_fingerprint("news/a.txt", CLAIM)
    others = {
        claim_fingerprint("news/b.txt", CLAIM),
        claim_fingerprint(
            "news/a.txt", replace(CLAIM, sentence="Kinmen lies about 10 km from Xiamen, officials say.")
        ),
        claim_fingerprint("news/a.txt", replace(CLAIM, kind=ClaimKind.ROUTE)),
        claim_fingerprint("news/a.txt", replace(CLAIM, quantity=parse_quantity("about 12 km"))),
        claim_fingerprint("news/a.txt", replace(CLAIM, direction="N")),
    }
    assert base not in others and len(others) == 5
