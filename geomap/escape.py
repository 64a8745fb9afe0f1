"""One escaping helper per target: untrusted article text goes through these and nothing else."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~\"'])")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.\-\\]*):(?=//)")
_WWW = re.compile(r"(?i)\bwww(?=\\?\.)")
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_html(text: str) -> str:
    """Text safe inside HTML element content and quoted attribute values."""
    return html.escape(text, quote=True)


def escape_xml(text: str) -> str:
    """Text safe inside XML content and attributes; characters XML 1.0 forbids are dropped."""
    return html.escape(_XML_INVALID.sub("", text), quote=True)


def escape_markdown(text: str) -> str:
    """Text that renders literally in (GitHub-flavoured) Markdown, tables included.

    Every punctuation character Markdown might interpret is backslash-escaped, so links,
    images, emphasis and table pipes in article text stay plain text; <, > and & become
    HTML entities so no raw HTML survives; newlines become spaces so a value cannot break
    out of a table row.
    """
    flat = html.escape(" ".join(text.split()), quote=False)
    return _inert_links(_MARKDOWN_SPECIAL.sub(r"\\\1", flat))


def _inert_links(text: str) -> str:
    """Text in which GitHub finds no link, address or @-mention to make live: a comment pings no one.

    A zero-width space after "@", inside "://" and after "www" breaks what its autolinker
    and mention parser look for, and the text still reads the same.
    """
    text = text.replace("@", "@\u200b")
    text = _SCHEME.sub(lambda m: m.group(1) + ":\u200b", text)
    return _WWW.sub(lambda m: m.group(0) + "\u200b", text)


def escape_annotation(text: str) -> str:
    """Text safe in a GitHub Actions workflow command message (`::error ...::message`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_annotation_property(text: str) -> str:
    """Text safe in a workflow command property value (file=..., title=...)."""
    return escape_annotation(text).replace(":", "%3A").replace(",", "%2C")


def escape_terminal(text: str) -> str:
    """Text for a terminal table: one line, control characters shown as "?" (no escape sequences)."""
    return _TERMINAL_CONTROL.sub("?", " ".join(text.split()))
