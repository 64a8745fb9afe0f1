"""The HTML inside a map (place popups, claim tooltips, the legend); article text is escaped here."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from geomap.escape import escape_html
from geomap.model import Claim, Mention, Status
from geomap.render.features import CATEGORY_LABELS, ClaimLine, PlacePin, category
from geomap.sentences import Sentence, split_sentences

STATUS_COLOURS = {Status.HOLDS: "#1a9850", Status.CONTRADICTED: "#d73027", Status.UNVERIFIABLE: "#737373"}
STATUS_LABELS = {
    Status.HOLDS: "holds",
    Status.CONTRADICTED: "contradicted",
    Status.UNVERIFIABLE: "unverifiable",
}
CATEGORY_COLOURS = {
    "country": "#6a3d9a",
    "division": "#1f78b4",
    "city": "#ff7f00",
    "military": "#222222",
    "airport": "#00a6a6",
    "feature": "#33a02c",
    "other": "#b15928",
}
_SHAPES = {
    "country": '<rect x="2" y="2" width="14" height="14"/>',
    "division": '<polygon points="9,1 17,9 9,17 1,9"/>',
    "city": '<circle cx="9" cy="9" r="6.5"/>',
    "military": '<polygon points="9,1.5 17,16 1,16"/>',
    "airport": '<polygon points="9,1 11.5,6.5 17,9 11.5,11.5 9,17 6.5,11.5 1,9 6.5,6.5"/>',
    "feature": '<polygon points="9,1 16,5 16,13 9,17 2,13 2,5"/>',
    "other": '<rect x="3" y="3" width="12" height="12" rx="3"/>',
}
_POINTS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
#: Sentences listed in a popup before "and N more".
MAX_SENTENCES = 8
#: Characters kept either side of a mention in a very long sentence.
CONTEXT_CHARS = 160


def shape_svg(name: str, size: int = 18) -> str:
    """The SVG symbol of a legend category (static: no article text in it)."""
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 18 18" fill="{CATEGORY_COLOURS[name]}" '
        f'stroke="#fff" stroke-width="1.5" paint-order="stroke">{_SHAPES[name]}</svg>'
    )


def compass(bearing: float) -> str:
    """The 16-point compass name of a bearing in degrees."""
    return _POINTS[round((bearing % 360) / 22.5) % 16]


def place_html(pin: PlacePin, sentences: Sequence[Sentence] | None = None) -> str:
    """Popup of a place: what it is, where, where from, and the sentences that name it.

    `sentences` are the article's, split once for all its pins (split here when not given).
    """
    place = pin.place
    count = len(pin.mentions)
    kind = place.kind.replace("_", " ")
    where = ", ".join(part for part in (place.admin1, place.country_code) if part)
    times = "once" if count == 1 else f"{count} times"
    extra = f" (and {pin.demonyms} demonym{'s' if pin.demonyms != 1 else ''})" if pin.demonyms else ""
    parts = [
        '<div class="geomap-popup">',
        f"<h3>{escape_html(place.name)}</h3>",
        f'<div class="meta">{escape_html(kind)} &middot; {escape_html(CATEGORY_LABELS[category(place.kind)])}'
        + (f" &middot; {escape_html(where)}" if where else "")
        + "</div>",
        f"<div>{place.lat:.4f}, {place.lon:.4f}</div>",
        f"<div>Gazetteer: {escape_html(place.source or 'unknown')} "
        f"<code>{escape_html(place.id)}</code></div>",
        f"<div>Mentioned {times}{extra} in <i>{escape_html(pin.article.name)}</i></div>",
        _sentences_html(pin.article.text, pin.mentions, sentences),
        "</div>",
    ]
    return "".join(parts)


def _sentences_html(text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence] | None) -> str:
    """An ordered list of the sentences holding the mentions, each mention in <mark>."""
    if sentences is None:
        sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        index = bisect_right(starts, mention.start) - 1
        grouped.setdefault(index, []).append(mention)
    items = []
    for index, inside in list(grouped.items())[:MAX_SENTENCES]:
        if index < 0:
            begin, end = inside[0].start, inside[-1].end
        else:
            begin, end = sentences[index].start, max(sentences[index].end, inside[-1].end)
        items.append(f"<li>{highlight(text, begin, end, [(m.start, m.end) for m in inside])}</li>")
    more = len(grouped) - MAX_SENTENCES
    tail = f"<div>&hellip; and {more} more sentence{'s' if more != 1 else ''}</div>" if more > 0 else ""
    return f"<ol>{''.join(items)}</ol>{tail}"


def highlight(text: str, begin: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """Escaped text[begin:end] with each span in <mark>, cut to the spans' context when very long."""
    spans = sorted((max(begin, s), min(end, e)) for s, e in spans if s < end and e > begin)
    lead = tail = ""
    if spans and end - begin > 2 * CONTEXT_CHARS + (spans[-1][1] - spans[0][0]):
        if spans[0][0] - CONTEXT_CHARS > begin:
            begin, lead = spans[0][0] - CONTEXT_CHARS, "&hellip;"
        if spans[-1][1] + CONTEXT_CHARS < end:
            end, tail = spans[-1][1] + CONTEXT_CHARS, "&hellip;"
    out, cursor = [lead], begin
    for start, stop in spans:
        if start < cursor:
            continue
        out.append(escape_html(text[cursor:start]))
        out.append(f"<mark>{escape_html(text[start:stop])}</mark>")
        cursor = stop
    out.append(escape_html(text[cursor:end]))
    out.append(tail)
    return "".join(out)


def claim_html(line: ClaimLine) -> str:
    """Tooltip of a claim line: verdict, claimed vs measured, the direction, the sentence."""
    verdict, claim = line.verdict, line.verdict.claim
    status = verdict.status if verdict.status in STATUS_COLOURS else Status.UNVERIFIABLE
    subject = claim.subject.place.name if claim.subject and claim.subject.place else "?"
    reference = claim.reference.place.name if claim.reference and claim.reference.place else "?"
    rows = [
        f'<div class="geomap-tip-body"><span class="geomap-status" style="color: {STATUS_COLOURS[status]}">'
        f"{STATUS_LABELS[status]}</span> &middot; {escape_html(claim.kind.replace('_', ' '))} claim",
        f"<div><b>{escape_html(subject)}</b> &rarr; <b>{escape_html(reference)}</b></div>",
    ]
    claimed = [escape_html(claim.quantity.text)] if claim.quantity else []
    if claim.direction:
        claimed.append(f"{escape_html(claim.direction)} of {escape_html(reference)}")
    measured = []
    if verdict.measured_km is not None:
        measured.append(f"{verdict.measured_km:,.1f} km")
    if verdict.bearing_deg is not None and claim.direction:
        measured.append(f"bearing {verdict.bearing_deg:.0f}&deg; ({compass(verdict.bearing_deg)})")
    if claimed:
        rows.append(f"<div>Claimed: {', '.join(claimed)}</div>")
    if measured:
        rows.append(f"<div>Measured: {', '.join(measured)}</div>")
    rows.append(f"<div>{escape_html(verdict.explanation)}</div>")
    rows.append(f"<div><q>{_claim_sentence(claim)}</q></div>")
    rows.append(f'<div class="meta"><i>{escape_html(line.article.name)}</i>, line {claim.line}</div></div>')
    return "".join(rows)


def _claim_sentence(claim: Claim) -> str:
    """The claim's sentence with the claim's own words in <mark>."""
    offset = claim.start - claim.sentence_start
    if not (offset >= 0 and claim.sentence[offset : offset + len(claim.text)] == claim.text):
        offset = claim.sentence.find(claim.text) if claim.text else -1
    if offset < 0:
        return escape_html(claim.sentence)
    return highlight(claim.sentence, 0, len(claim.sentence), [(offset, offset + len(claim.text))])


def legend_html(
    title: str,
    categories: Sequence[str],
    statuses: Sequence[Status],
    places: int,
    lines: int,
    undrawn: int,
    *,
    zoom_links: bool = False,
) -> str:
    """The legend box: the title, the symbols in use, and what was left off the map.

    A <details> element, open at first: a click on the title folds it to one line.
    """
    rows = [f"<details open><summary><h2>{escape_html(title)}</h2></summary>"]
    for name in categories:
        swatch = f'<span class="swatch">{shape_svg(name, 14)}</span>'
        rows.append(f'<div class="row">{swatch}{CATEGORY_LABELS[name]}</div>')
    for status in statuses:
        dash = ' stroke-dasharray="4 3"' if status == Status.UNVERIFIABLE else ""
        swatch = (
            f'<span class="swatch"><svg width="16" height="8"><line x1="0" y1="4" x2="16" y2="4" '
            f'stroke="{STATUS_COLOURS[status]}" stroke-width="3"{dash}/></svg></span>'
        )
        rows.append(f'<div class="row">{swatch}claim {STATUS_LABELS[status]}</div>')
    note = f"{places} place marker{'s' if places != 1 else ''}, {lines} claim line{'s' if lines != 1 else ''}"
    if undrawn:
        note += f"; {undrawn} claim{'s' if undrawn != 1 else ''} without two resolved end points not drawn"
    rows.append(f'<div class="note">{note}</div>')
    if zoom_links:
        rows.append(
            '<div class="note">Zoom to: <a href="#" data-geomap-zoom="all">everything</a>'
            '<span class="geomap-zoom-item"> &middot; <a href="#" data-geomap-zoom="claims">the claims</a>'
            "</span></div>"
        )
    rows.append("</details>")
    return "".join(rows)
