"""A hand-made check report for the format tests: one claim of each status, hostile text in names."""

from __future__ import annotations

from gazetteer import Place
from geomap.claims.quantities import parse_quantity
from geomap.model import Article, ArticleResult, Claim, Mention, MentionKind, Report, Status, Verdict

KHMEIMIM = Place("site:khmeimim-air-base", "Khmeimim Air Base", "air_base", 35.4011, 35.9486, "SY")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", population=458327)
EVIL = '<script>alert("x")</script> | **bold** [link](http://e.vil) ]]> ::error::boom %0A & `tick`'


def _verdict(text: str, sentence_text: str, status: str, line: int, offset: int) -> Verdict:
    start = offset + sentence_text.index(text)
    subject = Mention(start, start + 8, "Khmeimim", MentionKind.PLACE, KHMEIMIM, 1.0)
    reference = Mention(start + 30, start + 36, "Tartus", MentionKind.PLACE, TARTUS, 1.0)
    claim = Claim(
        kind="distance",
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence_text,
        line=line,
        subject=subject,
        reference=reference,
        quantity=parse_quantity("around 60km"),
        sentence_start=offset,
    )
    explanation = {
        Status.HOLDS: "claimed about 60 km, measured 57.1 km (allowed 38.6-81.4 km)",
        Status.CONTRADICTED: "claimed about 160 km, measured 57.1 km (allowed 129.0-191.0 km)",
        Status.UNVERIFIABLE: f"cannot check: reference: {EVIL!r} is not in the gazetteer",
    }[status]
    measured = None if status == Status.UNVERIFIABLE else 57.1
    return Verdict(claim, status, explanation, measured, None if measured is None else 6.2)


def sample_report() -> Report:
    """Three articles: one claim that holds; a contradicted and an unverifiable one; none."""
    first = "Khmeimim is located around 60km from Tartus."
    evil_sentence = f"Khmeimim {EVIL}\nis around 60km from Tartus."
    article_a = Article("news/a <b>.txt", f"Intro.\n{first}")
    article_b = Article("news/b,c:d.md", evil_sentence)
    return Report(
        (
            ArticleResult(article_a, (), (_verdict(first[:-1], first, Status.HOLDS, 2, 7),)),
            ArticleResult(
                article_b,
                (),
                (
                    _verdict(evil_sentence[:-1], evil_sentence, Status.CONTRADICTED, 1, 0),
                    _verdict(evil_sentence[:-1], evil_sentence, Status.UNVERIFIABLE, 1, 0),
                ),
            ),
            ArticleResult(Article("empty.txt", "Nothing here."), (), ()),
        )
    )
