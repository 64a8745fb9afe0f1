"""Escaping helpers: untrusted text stays text in every target format."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.escape import escape_annotation, escape_html, escape_markdown, escape_xml

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)> \"' & [x](javascript:alert(3)) | `c`"


def test_html_has_no_markup_left() -> None:
    escaped = escape_html(PAYLOAD)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped


@given(st.text())
def test_xml_round_trips_through_a_parser(text: str) -> None:
    element = ET.fromstring(f'<a title="{escape_xml(text)}">{escape_xml(text)}</a>')
    assert element.text in (None, "") or "<" not in escape_xml(text)


def test_markdown_neutralises_links_html_and_tables() -> None:
    escaped = escape_markdown(PAYLOAD + "\nnext line")
    assert "](" not in escaped and "<script" not in escaped
    assert "|" not in escaped.replace("\\|", "")
    assert "\n" not in escaped


def test_annotation_cannot_start_a_new_command() -> None:
    escaped = escape_annotation("bad\n::error::injected 100%")
    assert "\n" not in escaped and "%0A" in escaped and "%25" in escaped


def test_escape_terminal_keeps_one_line_and_no_escape_sequences() -> None:
    from geomap.escape import escape_terminal

    assert escape_terminal("a\x1b[31mred\nnext\tline\x9b") == "a?[31mred next line?"


@pytest.mark.parametrize(
    ("text", "live"),
    [
        ("see https://evil.example/x", "https://"),
        ("see HTTP://evil.example", "HTTP://"),
        ("visit www.evil.com", "www."),
        ("ping @octocat now", "@octocat"),
        ("mail bob@example.com", "bob@example"),
    ],
)
def test_markdown_leaves_no_live_link_or_mention(text: str, live: str) -> None:
    escaped = escape_markdown(text)
    assert live not in escaped.replace("\\", "")
    assert escaped.replace("\u200b", "").replace("\\", "") == text  # it still reads the same
