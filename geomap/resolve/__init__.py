"""Resolution: pick the gazetteer place each recognised name refers to, using the whole article.

A resolver is anything with `resolve(text, spans)` and `resolve_given(text, given, found)`;
RESOLVERS maps a name to a factory that builds one from the candidate index and the demonyms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from geomap.errors import ConfigError
from geomap.model import Mention, Span

if TYPE_CHECKING:
    from geomap.resolve.candidates import CandidateIndex
    from geomap.resolve.ranker import Ranker


class Resolver(Protocol):
    """Turns recognised spans into mentions with places."""

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """A mention per span, in the spans' order."""
        ...

    def resolve_given(
        self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span]
    ) -> list[Mention]:
        """Mentions for fixed (gold) spans; the recognised `found` spans only add context."""
        ...


ResolverFactory = Callable[["CandidateIndex", Mapping[str, str], "Ranker | None"], Resolver]


def _joint(index: CandidateIndex, demonyms: Mapping[str, str], ranker: Ranker | None = None) -> Resolver:
    from geomap.resolve.joint import JointResolver

    return JointResolver(index, demonyms, ranker)


#: Every resolver by name; "joint" (one sense per name, all names of an article together) is the default.
RESOLVERS: Mapping[str, ResolverFactory] = MappingProxyType({"joint": _joint})


def make_resolver(
    name: str, index: CandidateIndex, demonyms: Mapping[str, str], ranker: Ranker | None = None
) -> Resolver:
    """The resolver called `name` (with other ranker weights than the shipped ones, if given)."""
    factory = RESOLVERS.get(name)
    if factory is None:
        raise ConfigError(f"unknown resolver {name!r}; valid: {', '.join(RESOLVERS)}")
    return factory(index, demonyms, ranker)
