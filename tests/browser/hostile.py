"""Hostile payloads for the map, the maps that carry them, and the probe that says whether any ran.

Shared by tests/browser/test_xss_campaign_browser.py (a bounded run in every CI) and
scripts/xss_campaign.py (the whole campaign, one channel at a time). Every payload that could
run script calls `window.__xss = N` with its own number N, so a payload that ran names itself.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from gazetteer import Place
from geomap.model import Article, ArticleResult, Report
from tests.browser.conftest import OPEN_EVERYTHING, Browser
from tests.browser.handmade import distance_verdict, mention

#: HTML and SVG that run `{js}` when parsed as markup (or followed as a link).
VECTORS = (
    "<script>{js}</script>",
    "<SCRIPT>{js}</SCRIPT>",
    '<script type="text/javascript">{js}</script>',
    "<scr<script>ipt>{js}</scr</script>ipt>",
    "<img src=x onerror={js}>",
    '<img src="x" onerror="{js}">',
    "<IMG SRC=x OnErRoR={js}>",
    '<img src=x:x onerror="{js}" alt="">',
    '<svg onload="{js}">',
    "<svg/onload={js}>",
    "<svg><script>{js}</script></svg>",
    '<svg><animate onbegin="{js}" attributeName=x dur=1s>',
    '<svg><a xlink:href="javascript:{js}"><text x=20 y=20>x</text></a></svg>',
    '<body onload="{js}">',
    '<iframe src="javascript:parent.{js}"></iframe>',
    '<iframe srcdoc="<script>parent.{js}</script>"></iframe>',
    '<a href="javascript:{js}">click</a>',
    '<a href="JaVaScRiPt:{js}">click</a>',
    '<a href=" &#14;javascript:{js}">click</a>',
    '<details open ontoggle="{js}">',
    '<input autofocus onfocus="{js}">',
    '<select autofocus onfocus="{js}"></select>',
    '<textarea autofocus onfocus="{js}"></textarea>',
    '<video><source onerror="{js}"></video>',
    '<audio src=x onerror="{js}">',
    '<object data="javascript:parent.{js}"></object>',
    '<embed src="javascript:parent.{js}">',
    '<math><mtext><table><mglyph><style><img src=x onerror="{js}">',
    "<style>@import 'javascript:{js}';</style>",
    '<div style="background:url(javascript:{js})">x</div>',
    '<div style="width:expression({js})">x</div>',
    '<marquee onstart="{js}">x</marquee>',
    '<form><button formaction="javascript:{js}">x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:{js}">',
    '<base href="javascript:{js}//">',
    '<link rel=stylesheet href="javascript:{js}">',
    '<object data="data:text/html,<script>parent.{js}</script>"></object>',
    '<img src="data:image/svg+xml,<svg onload={js}>">',
    '<noscript><p title="</noscript><img src=x onerror={js}>">',
    "<textarea></textarea><script>{js}</script>",
    "<title></title><script>{js}</script>",
    "<xmp><script>{js}</script></xmp>",
    '<img """><script>{js}</script>">',
    '<isindex type=image src=1 onerror="{js}">',
    '<table background="javascript:{js}">',
    "<div onmouseover={js} style=position:fixed;inset:0>x</div>",
    "<img src=x onerror=\"eval(atob('{b64}'))\">",
    "<img src=x onerror=&#119;indow.__xss={n}>",
)
#: What may stand before a vector to break out of the context it lands in.
BREAKOUTS = ("", '">', "'>", "</script>", "</textarea>", "</title>", "</style>", "-->", "]]>")
#: Script-string and JSON breakouts that need no markup at all.
SCRIPT_BREAKERS = (
    '"}};{js};//',
    "'}};{js};//",
    '\\";{js};//',
    "\\';{js};//",
    "`;{js};`",
    "${{{js}}}",
    "\u2028{js}\u2029",
    '"+{js}+"',
    "'+{js}+'",
    "</script><script>{js}</script>",
    "<!--<script>{js}</script>-->",
    "<![CDATA[<script>{js}</script>]]>",
    '"]}}</script><script>{js}</script>',
    "\\u003cscript\\u003e{js}\\u003c/script\\u003e",
)
#: Template syntax of the engines a page could meet (Jinja, Angular, Vue, ERB, Handlebars, wiki).
TEMPLATES = (
    "{{{{constructor.constructor('{js}')()}}}}",
    "{{{{$on.constructor('{js}')()}}}}",
    "{{{{7*7}}}}",
    "${{7*7}}",
    "<%= 7*7 %>",
    "#{{7*7}}",
    "[[7*7]]",
    "{{{{= 7*7 }}}}",
    "{{% if 1 %}}x{{% endif %}}",
    "{{%- for x in () -%}}{{%- endfor -%}}",
    "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}}",
    "{{{{ cycler.__init__.__globals__.os.system('touch pwned') }}}}",
    "{{{{ config.items() }}}}",
    "{{% raw %}}",
    "{{{{cite web|url=x}}}}",
    "{{{{{{triple}}}}}}",
    "<div v-html=\"'<img src=x onerror={js}>'\"></div>",
    '<div ng-app ng-csp><input autofocus ng-focus="$event.view.{js}"></div>',
)
#: Entities, Unicode tricks, control characters, markdown and sheer length.
ODDITIES = (
    "&lt;script&gt;{js}&lt;/script&gt;",
    "&#60;script&#62;{js}&#60;/script&#62;",
    "&#x3C;img src=x onerror={js}&#x3E;",
    "&amp;lt;img src=x onerror={js}&amp;gt;",
    "&lt;&#x2F;script&gt;",
    "\uff1cscript\uff1e{js}\uff1c/script\uff1e",
    "\ufe64script\ufe65{js}\ufe64/script\ufe65",
    "\u202e<script>{js}</script>\u202c",
    "\u202egnp.exe\u202c",
    "\u200b<\u200bscript>{js}</script>",
    "\ufeff<script>{js}</script>",
    "<scr\u0000ipt>{js}</scr\u0000ipt>",
    "\u0000<script>{js}</script>",
    "<img src=x\u0000 onerror={js}>",
    "<img src=x onerror\u000c={js}>",
    '<a href="java\tscript:{js}">x</a>',
    '<a href="java\nscript:{js}">x</a>',
    "\x1b[31mred\x1b[0m <b>bold</b>",
    "\r\n<script>{js}</script>\r",
    "e\u0301\u0302\u0303\u0304 \U0001f600 \U0001d54f\U0001d560\U0001d571",
    "[click](javascript:{js})",
    '![x](x" onerror="{js})',
    "<https://example.invalid/@everyone>",
    "@everyone https://example.invalid/x",
    '<img src="http://127.0.0.1:9/pixel.png">',
    '<link rel=prefetch href="https://example.invalid/">',
    "<style>body{{background:url(https://example.invalid/bg.png)}}</style>",
    "<style>*{{display:none !important}}</style>",
    "</div></div></div><h1>defaced</h1>",
    '"><h1 style="position:fixed;top:0">defaced</h1>',
    "A" * 20_000,
    "<" * 5_000 + "script>{js}</script>",
    "<script>" * 500 + "{js}",
    ("\U0001f600" * 2_000) + "<img src=x onerror={js}>",
    '"' * 3_000 + "'" * 3_000 + "{js}",
)


def _fill(template: str, number: int) -> str:
    import base64

    js = f"window.__xss={number}"
    return template.format(js=js, n=number, b64=base64.b64encode(js.encode()).decode())


def payloads() -> list[str]:
    """Every distinct payload, in a stable order (well over 200)."""
    templates: list[str] = []
    templates += [breakout + vector for vector, breakout in itertools.product(VECTORS, BREAKOUTS)]
    templates += list(SCRIPT_BREAKERS) + list(TEMPLATES) + list(ODDITIES)
    out: list[str] = []
    seen: set[str] = set()
    for template in templates:
        payload = _fill(template, len(out) + 1)
        if payload not in seen:
            seen.add(payload)
            out.append(payload)
    return out


_CONTROL = re.compile(r"[\x01-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """`text` as a browser shows it: NULs dropped, control characters as spaces, white space folded.

    A page drops NULs, turns CR into LF, and a title shows some control characters as spaces:
    what is compared is the text a reader sees, not those bytes.
    """
    return " ".join(_CONTROL.sub(" ", text.replace("\x00", "").replace("\ufffd", "")).split())


def plain(items: Sequence[str]) -> list[str]:
    """Harmless strings standing where the payloads stand: the page every hostile one is compared with."""
    return [f"plain text {index}" for index in range(len(items))]


def page_title(items: Sequence[str]) -> str:
    """A title made of the first few payloads (a title cannot hold a NUL: the page would show U+FFFD)."""
    return " ".join(item for item in items[:8] if "\x00" not in item)


def not_shown(probe: dict[str, Any], items: Sequence[str], offset: int, prefix: str) -> list[str]:
    """The payloads whose place ("PREFIX<number> <payload>") the page does not show as text."""
    return [
        item
        for index, item in enumerate(items, start=offset)
        if shown(f"{prefix}{index} {item}") not in probe["shown"]
    ]


def safe_file_name(number: int, payload: str) -> str:
    """A file name carrying `payload`: no slash or NUL, at most 200 bytes, unique by its number."""
    name = f"{number:03d} " + payload.replace("/", "\u2215").replace("\x00", "")
    data = name.encode("utf-8")[:200]
    return data.decode("utf-8", "ignore") + ".txt"


def chunks(items: Sequence[str], size: int) -> Iterator[tuple[int, Sequence[str]]]:
    """(offset, items[offset:offset + size]) in order."""
    for offset in range(0, len(items), size):
        yield offset, items[offset : offset + size]


def handmade_report(items: Sequence[str], offset: int = 0) -> Report:
    """One article per payload: it names the file, two places, the sentence, the claim and its explanation."""
    results = []
    for index, payload in enumerate(items, start=offset):
        lat, lon = 33.0 + (index % 12) * 0.3, 35.9 + (index // 12) * 0.15
        evil = Place(f"user:{index}", f"Alpha{index} {payload}", "city", lat, lon, "SY", payload, 0, payload)
        plain = Place(f"user:b{index}", f"Beta{index}", "city", lat + 0.4, lon + 0.3, "SY", source="test")
        text = f"Alpha{index} {payload} lies 60 km from Beta{index}.\n{payload}"
        subject = mention(text, f"Alpha{index}", evil)
        reference = mention(text, f"Beta{index}", plain)
        verdict = distance_verdict(text, subject, reference, "60 km", explanation=f"claimed {payload}")
        results.append(ArticleResult(Article(f"{payload}.txt", text), (subject, reference), (verdict,)))
    return Report(tuple(results))


def cli_map(folder: Path, items: Sequence[str], title: str, offset: int = 0) -> Path:
    """`geomap map` (in process) on articles and an overlay built from `items`; the page it wrote."""
    from click.testing import CliRunner

    from geomap.cli import main

    articles, overlay = write_cli_inputs(folder, items, offset)
    target = folder / "map.html"
    arguments = ["map", str(articles), "-o", str(target), "--gazetteer-extra", str(overlay), "--title", title]
    result = CliRunner().invoke(main, arguments)
    if result.exit_code != 0:
        raise RuntimeError(f"geomap map failed: {result.output}")
    return target


def write_cli_inputs(folder: Path, items: Sequence[str], offset: int = 0) -> tuple[Path, Path]:
    """Article files named by payloads, holding payloads, and an overlay CSV of payload places.

    Returns (the articles' folder, the overlay). NUL bytes are left out of files: geomap
    refuses a file holding one (a binary file), and the CSV reader a row.
    """
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    overlay = folder / "places.csv"
    with overlay.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "aliases", "kind", "lat", "lon", "country", "admin1", "source"])
        for index, payload in enumerate(items, start=offset):
            clean = payload.replace("\x00", "")
            lat, lon = 33.0 + (index % 12) * 0.3, 35.9 + (index // 12) * 0.15
            writer.writerow(
                [f"Zorbaville{index} {clean}", f"Zorbaville{index}", "city", lat, lon, "SY", clean, clean]
            )
            text = (
                f"Protesters in Zorbaville{index} wrote {clean} on a wall.\n"
                f"Khmeimim Air Base {clean} is located around 60km from the naval facility at Tartus.\n"
            )
            (articles / safe_file_name(index, payload)).write_text(text, encoding="utf-8")
    return articles, overlay


#: JS: what ran or was planted, after every popup and tooltip was opened.
PROBE = """
const handlers = [...document.querySelectorAll('*')]
  .filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length;
const bare = value => value.replace(/[\\s\\x00-\\x1f]/g, '');
const links = [...document.querySelectorAll('*')]
  .filter(e => [...e.attributes].some(a => /^(javascript|vbscript):/i.test(bare(a.value)))).length;
const tags = {};
for (const e of document.querySelectorAll('*')) tags[e.tagName] = (tags[e.tagName] || 0) + 1;
return {
  xss: window.__xss === undefined ? null : String(window.__xss),
  handlers: handlers,
  links: links,
  tags: tags,
  scripts: document.scripts.length,
  title: document.title,
  text: document.body.textContent,
};
"""
#: Tags whose number must not change: what could load, run or restyle something.
ACTIVE = ("SCRIPT", "STYLE", "LINK", "META", "BASE", "TITLE", "IFRAME", "FRAME", "OBJECT", "EMBED", "BODY")


def visit(browser: Browser, page: Path) -> dict[str, Any]:
    """Load `page` offline, open every popup and tooltip, wait for late handlers, and probe it.

    The probe (PROBE) gains `console` (errors), `requests` (other than the page and data:
    URLs), `opened` (popups and tooltips opened) and `shown` (all text a reader can see, folded).
    """
    loaded = browser.load(page, settle=0.1)
    opened = browser.run(OPEN_EVERYTHING)
    browser.run("return new Promise(resolve => setTimeout(resolve, 200))")  # late onerror/onload
    probe: dict[str, Any] = browser.run(PROBE)
    after = browser.page(loaded.url)
    probe["console"] = loaded.console + after.console
    probe["requests"] = [
        url for url in loaded.requests + after.requests if url != loaded.url and not url.startswith("data:")
    ]
    probe["opened"] = len(opened)
    probe["shown"] = shown(
        " ".join([probe["title"], probe["text"], *(item["text"] or "" for item in opened)])
    )
    return probe


def problems(probe: dict[str, Any], baseline: dict[str, Any], all_payloads: Sequence[str]) -> list[str]:
    """What the hostile page did that the same page of plain strings did not (empty: nothing)."""
    found = []
    if probe["xss"] is not None:
        found.append(f"payload {probe['xss']} ran: {all_payloads[int(probe['xss']) - 1][:80]!r}")
    found += [f"console: {entry.get('message', entry)}" for entry in probe["console"][:3]]
    found += [f"request: {url[:80]}" for url in probe["requests"][:3]]
    for key in ("handlers", "links"):
        if probe[key] or baseline[key]:
            found.append(f"{probe[key]} elements with {key} (plain page: {baseline[key]})")
    if probe["scripts"] != baseline["scripts"]:
        found.append(f"{probe['scripts']} scripts (plain page: {baseline['scripts']})")
    extra = set(probe["tags"]) - set(baseline["tags"])
    if extra:
        found.append(f"elements a plain page has not: {sorted(extra)}")
    for tag in ACTIVE:
        if probe["tags"].get(tag, 0) != baseline["tags"].get(tag, 0):
            found.append(f"{probe['tags'].get(tag, 0)} {tag} (plain page: {baseline['tags'].get(tag, 0)})")
    return found
