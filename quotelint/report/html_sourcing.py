"""The sourcing summary of one article for the HTML report: who is quoted and how often, named
or not, its anonymous sources, its unattributed claims.

Nothing here analyses text: the quotations and speakers are ``quotelint quotes``'s
(``commands/quotes.py``: ``rows``, ``speakers``), the anonymous sources those the
anonymous-source rules report from (``AnonymityFinder``), the unattributed claims the findings
of that category.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from html import escape

from ..analysis.attribution.anonymity import BARE, AnonymityFinder, AnonymousSource
from ..checks.base import Check
from ..commands.listing import cut
from ..commands.quotes import rows, speakers
from ..config.settings import Settings
from ..findings import Finding
from ..text.document import Document

UNATTRIBUTED = "unattributed-claim"
NAMED, UNNAMED, NONE = "named", "unnamed", "none"  # how ``quotes`` says a speaker is identified


@dataclass(frozen=True)
class Sourcing:
    """Plain data: made where the file is linted (``collect``), the findings added after."""

    quotations: int
    speakers: list[tuple[int, str, str]]  # (quotations, who, named/unnamed/none)
    anonymous: list[AnonymousSource]
    unattributed: list[Finding] = field(default_factory=list)

    def quoted(self, kind: str) -> int:
        return sum(n for n, _, k in self.speakers if k == kind)

    @property
    def named_sources(self) -> int:
        return sum(1 for _, _, k in self.speakers if k == NAMED)

    @property
    def anonymous_share(self) -> float | None:
        """Anonymous sources among the article's sourced statements: anonymous attributions
        against quotations of named speakers (None when it has neither)."""
        total = len(self.anonymous) + self.quoted(NAMED)
        return len(self.anonymous) / total if total else None


def anonymity(rules: list[Check]) -> AnonymityFinder:
    """The anonymous-source rules' own finder; the default pack's when none of them ran."""
    for check in rules:
        finder = getattr(check, "finder", None)
        if isinstance(finder, AnonymityFinder):
            return finder
    return _default_finder()


@cache
def _default_finder() -> AnonymityFinder:
    from ..analysis.attribution.anonymity import anonymity_finder
    from ..checks.ruleset import load_rules

    return anonymity_finder(load_rules().lexicons, {})


def collect(doc: Document, settings: Settings) -> Sourcing:
    """The file's sources, from the analyses its linting has just made (``lint_file``'s
    ``collect``: it runs where the file was linted, a worker process maybe)."""
    table = rows(doc)
    finder = anonymity(settings.ruleset().checks)
    return Sourcing(len(table), speakers(table), doc.cached(finder.find))


def with_findings(s: Sourcing, findings: list[Finding]) -> Sourcing:
    return replace(s, unattributed=[f for f in findings if f.category == UNATTRIBUTED])


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)}%"


def _kind(s: AnonymousSource) -> str:
    what = "bare" if s.kind == BARE else "described"
    reason = {"given": "reason given", "boilerplate": "boilerplate reason"}.get(
        s.reason or "", "no reason")
    outlet = f", second-hand ({s.outlet})" if s.outlet else ""
    return f"{what}, {reason}{outlet}"


def summary_html(doc: Document, s: Sourcing, anchor: Callable[[int], str],
                 finding_key: Callable[[Finding], str]) -> str:
    """``anchor(offset)`` is the id of an anchor placed in the text at ``offset``;
    ``finding_key(f)`` the id of a finding's mark."""
    out = ['<section class="sourcing"><h3>Sourcing</h3>',
           f'<p>{s.quotations} quotation{"s" if s.quotations != 1 else ""}: '
           f'{s.quoted(NAMED)} from named speakers, {s.quoted(UNNAMED)} from unnamed, '
           f'{s.quoted(NONE)} with no speaker found. {len(s.anonymous)} anonymous '
           f'source{"s" if len(s.anonymous) != 1 else ""} '
           f'(anonymous share {_percent(s.anonymous_share)}); {len(s.unattributed)} '
           f'unattributed claim{"s" if len(s.unattributed) != 1 else ""}.</p>']
    if s.speakers:
        out.append('<table class="speakers"><thead><tr><th>Quoted</th><th>Speaker</th>'
                   '<th>Identified</th></tr></thead><tbody>')
        out += [f'<tr class="k-{kind}"><td>{n}</td><td>{escape(who)}</td><td>{kind}</td></tr>'
                for n, who, kind in s.speakers]
        out.append("</tbody></table>")
    if s.anonymous:
        out.append('<h4>Anonymous sources</h4><ul class="anonymous">')
        out += [f'<li><a href="#{anchor(a.start)}" data-jump="{anchor(a.start)}">'
                f'{escape(" ".join(doc.text[a.start:a.end].split()))}</a> '
                f'<span class="note">{escape(_kind(a))}</span></li>' for a in s.anonymous]
        out.append("</ul>")
    if s.unattributed:
        out.append('<h4>Unattributed claims</h4><ul class="claims">')
        out += [f'<li><a href="#{finding_key(f)}" data-jump="{finding_key(f)}">'
                f'{f.line}:{f.column} {escape(f.rule)}</a> '
                f'{escape(cut(doc.text[f.start:f.end], 90))}</li>' for f in s.unattributed]
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)
