"""``--format html``: one self-contained page (inline CSS, a little script, inline SVG; nothing
loaded from the network) that a desk reads.

Each article's text, escaped, with every finding highlighted in place (``html_text``) and listed
beside it; a click on either shows the message and the rule's ``quotelint explain`` text. Each
article has its sourcing summary (``html_sourcing``); above them all, a table of the articles and
charts (``svg``). Story-wide findings link the articles they compare, both ways. Articles are
shown a page at a time (``PAGE_ARTICLES``) so that an archive of thousands stays usable.

The findings are the run's; the articles are read again for their text (standard input cannot
be, so it is refused before the run).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from typing import TextIO

from .. import __version__
from ..errors import InputError
from ..findings import CATEGORIES, Finding
from ..text.document import Document
from . import ReportContext
from .html_sourcing import NAMED, Sourcing, collect, summary_html, with_findings
from .html_text import Mark, highlight
from .relpath import relative
from .svg import Bar, bar_chart

PAGE_ARTICLES = 20
PAGE_ROWS = 100
SHORT = {"quote-balance": "balance", "quote-attribution": "attribution",
         "anonymous-source": "anonymous", "unattributed-claim": "unattributed",
         "number-consistency": "numbers"}
ARTICLE_CHART_MAX = 40  # more articles than this: the anonymous share by folder or in buckets


@dataclass
class Article:
    index: int
    doc: Document
    name: str  # as shown: relative to the folder of all the articles
    sourcing: Sourcing
    findings: list[Finding] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)  # offsets that links point to
    # Per anchored offset, the findings that point there as a related location: (finding, key).
    pointed: dict[int, list[tuple[Finding, str]]] = field(default_factory=lambda: defaultdict(list))
    # Other articles' findings that point here: (finding, key, where it is).
    backlinks: list[tuple[Finding, str, str]] = field(default_factory=list)

    def anchor(self, offset: int) -> str:
        self.anchors.add(offset)
        return f"a{self.index}-o{offset}"

    def inserts(self) -> dict[int, list[str]]:
        """The anchors as elements; where another article's finding points, a link back."""
        out = {}
        for offset in self.anchors:
            ident, pointed = self.anchor(offset), self.pointed.get(offset)
            if not pointed:
                out[offset] = [f'<span class="anchor" id="{ident}"></span>']
                continue
            f, key = pointed[0]
            title = "; ".join(f"{p.rule}: {p.message}" for p, _ in pointed)
            out[offset] = [f'<a class="anchor xref c-{escape(f.category)}" id="{ident}" '
                           f'href="#{key}" data-jump="{key}" title="{escape(title)}">⇄</a>']
        return out


COLLECT = collect  # runs on each document where it is linted: see report.collector


def _read(ctx: ReportContext) -> list[tuple[Document, Sourcing]]:
    """Each article read again, with its sources as the run collected them (made here if the
    run did not)."""
    from ..run.linter import read_document

    out = []
    for path, settings in ctx.planned:
        try:
            doc = read_document(path, settings, max_bytes=ctx.max_bytes)
        except InputError:
            continue  # the run has reported it already
        collected = ctx.collected.get(doc.path)
        out.append((doc, collected if collected is not None else collect(doc, settings)))
    return out


def _names(docs: list[Document]) -> list[str]:
    """The paths as shown: relative to the folder all of them are in, when more than one."""
    paths = [relative(d.path) for d in docs]
    if len(paths) < 2:
        return paths
    try:
        common = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:  # different drives
        return paths
    return [os.path.relpath(os.path.abspath(p), common).replace(os.sep, "/") for p in paths]


def _articles(findings: list[Finding], ctx: ReportContext) -> tuple[list[Article], list[Finding]]:
    read = _read(ctx)
    names = _names([doc for doc, _ in read])
    articles = [Article(i, doc, name, s) for i, ((doc, s), name) in
                enumerate(zip(read, names, strict=True))]
    by_path = {a.doc.path: a for a in articles}
    elsewhere = []
    for f in findings:
        article = by_path.get(f.path)
        (article.findings if article else elsewhere).append(f)
    for a in articles:
        a.sourcing = with_findings(a.sourcing, a.findings)
    return articles, elsewhere


def _keys(articles: list[Article]) -> dict[int, str]:
    return {id(f): f"f{a.index}-{n}" for a in articles for n, f in enumerate(a.findings)}


def _link_related(articles: list[Article], keys: dict[int, str]) -> dict[int, list[str]]:
    """Per finding, the links of its related locations; the article a location is in gets an
    anchor there and a link back."""
    by_path = {a.doc.path: a for a in articles}
    links: dict[int, list[str]] = {}
    for a in articles:
        for f in a.findings:
            out = []
            for r in f.related:
                other = by_path.get(r.path)
                where = f"{other.name if other else relative(r.path)}:{r.line}:{r.column}"
                note = f" {escape(r.message)}" if r.message else ""
                if other is None:
                    out.append(f'<span class="related">{escape(where)}{note}</span>')
                    continue
                starts = other.doc.line_starts
                offset = starts[min(max(r.line, 1), len(starts)) - 1] + max(r.column, 1) - 1
                target = other.anchor(offset)
                out.append(f'<a class="related" href="#{target}" data-jump="{target}">'
                           f'{escape(where)}</a>{note}')
                other.pointed[offset].append((f, keys[id(f)]))
                if other is not a:
                    other.backlinks.append((f, keys[id(f)], f"{a.name}:{f.line}:{f.column}"))
            links[id(f)] = out
    return links


def _finding_item(f: Finding, key: str, related: list[str]) -> str:
    more = f'<div class="rel">→ {"; ".join(related)}</div>' if related else ""
    return (f'<li class="c-{escape(f.category)}"><a href="#{key}" data-jump="{key}">'
            f'{f.line}:{f.column} <b>{escape(f.rule)}</b></a> {escape(f.message)}{more}</li>')


def _article_html(a: Article, keys: dict[int, str], links: dict[int, list[str]]) -> str:
    marks = [Mark(f.start, f.end, keys[id(f)], f.rule, f.category, f.severity,
                  f"{f.rule} {f.name}: {f.message}") for f in a.findings]
    summary = summary_html(a.doc, a.sourcing, a.anchor, lambda f: keys[id(f)])
    text = highlight(a.doc.text, marks, a.inserts())  # after the summary: it adds anchors
    items = [_finding_item(f, keys[id(f)], links.get(id(f), [])) for f in a.findings]
    items += [f'<li class="c-{escape(f.category)} back">← <a href="#{key}" data-jump="{key}">'
              f'{escape(where)} <b>{escape(f.rule)}</b></a> {escape(f.message)}</li>'
              for f, key, where in a.backlinks]
    n = len(a.findings)
    hidden = " hidden" if a.index >= PAGE_ARTICLES else ""  # the first page only, until paged
    return (f'<article class="article" id="article-{a.index}" data-path="{escape(a.name)}"'
            f'{hidden}>'
            f'<h2>{escape(a.name)} <small>{n} finding{"s" if n != 1 else ""}</small></h2>'
            f'<div class="cols"><pre class="text">{text}</pre><aside>'
            f'<ol class="findings">{"".join(items)}</ol>{summary}</aside></div></article>')


def _counts(findings: list[Finding]) -> Counter[str]:
    return Counter(f.category for f in findings)


def _categories(findings: list[Finding]) -> list[str]:
    seen = {f.category for f in findings}
    return [*CATEGORIES, *sorted(seen - set(CATEGORIES))]


def _share(share: float | None) -> str:
    return "" if share is None else f"{round(100 * share)}%"


def _table(articles: list[Article], categories: list[str]) -> str:
    head = "".join(f'<th class="c-{escape(c)}" title="findings: {escape(c)}">'
                   f'{escape(SHORT.get(c, c))}</th>' for c in categories)
    rows = []
    for a in articles:
        s = a.sourcing
        counts = _counts(a.findings)
        cells = "".join(f"<td>{counts[c] or ''}</td>" for c in categories)
        hidden = " hidden" if a.index >= PAGE_ROWS else ""
        rows.append(f'<tr{hidden}><td><a href="#article-{a.index}" data-jump="article-{a.index}">'
                    f'{escape(a.name)}</a></td><td>{len(a.findings)}</td>{cells}'
                    f'<td>{s.quotations}</td><td>{s.named_sources}</td>'
                    f'<td>{len(s.anonymous)}</td><td>{_share(s.anonymous_share)}</td>'
                    f'<td>{len(s.unattributed)}</td></tr>')
    return (f'<div class="wide"><table class="summary sortable"><thead><tr><th>Article</th>'
            f'<th>Findings</th>{head}'
            f'<th>Quotations</th><th>Named speakers</th><th>Anonymous sources</th>'
            f'<th>Anonymous share</th><th>Unattributed claims</th></tr></thead>'
            f'<tbody class="paged" data-page-size="{PAGE_ROWS}">{"".join(rows)}</tbody>'
            f'</table></div>')


def _share_chart(articles: list[Article]) -> str:
    """The anonymous share per article; per folder when there are too many articles and more
    than one folder; else how many articles have each share."""
    if len(articles) <= ARTICLE_CHART_MAX:
        bars = [Bar(a.name, a.sourcing.anonymous_share or 0, _share(a.sourcing.anonymous_share)
                    or "no sources", "share") for a in articles]
        return bar_chart("Anonymous-source share per article", bars)
    folders: dict[str, list[Sourcing]] = defaultdict(list)
    for a in articles:
        folders[os.path.dirname(a.name) or "."].append(a.sourcing)
    if 1 < len(folders) <= ARTICLE_CHART_MAX:
        bars = []
        for folder, sourced in sorted(folders.items()):
            anonymous = sum(len(s.anonymous) for s in sourced)
            total = anonymous + sum(s.quoted(NAMED) for s in sourced)
            share = anonymous / total if total else None
            bars.append(Bar(folder, share or 0, _share(share) or "no sources", "share"))
        return bar_chart("Anonymous-source share per folder", bars)
    buckets: Counter[str] = Counter()
    labels = ("no sources", "0%", "1–25%", "26–50%", "51–75%", "76–100%")
    for a in articles:
        share = a.sourcing.anonymous_share
        percent = None if share is None else math.ceil(100 * share)
        buckets[labels[0] if percent is None else labels[1] if percent == 0 else
                labels[2 + (percent - 1) // 25]] += 1
    return bar_chart("Articles by anonymous-source share",
                     [Bar(b, buckets[b], str(buckets[b]), "share") for b in labels])


def _overview(articles: list[Article], findings: list[Finding], ctx: ReportContext) -> str:
    categories = _categories(findings)
    counts = _counts(findings)
    chart = bar_chart("Findings per category", [Bar(c, counts[c], str(counts[c]), f"c-{c}")
                                                for c in categories])
    errors = "".join(f"<li>{escape(e)}</li>" for e in ctx.errors)
    return (f'<section id="overview"><div class="charts">{chart}{_share_chart(articles)}'
            f'</div>{f"<h3>Errors</h3><ul class=errors>{errors}</ul>" if errors else ""}'
            f'{_table(articles, categories)}</section>')


def _rules_json(findings: list[Finding], ctx: ReportContext) -> str:
    from ..commands.explain import explain

    used = {f.rule for f in findings}
    data = {c.meta.id: {"name": c.meta.name, "category": c.meta.category,
                        "explain": explain(c)} for c in ctx.rules if c.meta.id in used}
    # In a <script> element only "</script" could end it early: no "<" in the JSON at all.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def page(findings: list[Finding], ctx: ReportContext) -> str:
    articles, elsewhere = _articles(findings, ctx)
    keys = _keys(articles)
    links = _link_related(articles, keys)
    body = "".join(_article_html(a, keys, links) for a in articles)
    others = "".join(f"<li>{escape(relative(f.path))}:{f.line}:{f.column} "
                     f"<b>{escape(f.rule)}</b> {escape(f.message)}</li>" for f in elsewhere)
    n = len(findings)
    title = (f"{n} finding{'s' if n != 1 else ''} in {len(articles)} "
             f"article{'s' if len(articles) != 1 else ''}")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            f'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
            f'<title>quotelint: {title}</title><style>{_asset("report.css")}</style></head>'
            f'<body><header><h1>quotelint report</h1><p>{title}; quotelint {__version__}.'
            f'</p></header>{_overview(articles, findings, ctx)}'
            f'{f"<ul class=elsewhere>{others}</ul>" if others else ""}'
            f'<nav class="pager" data-for="articles"></nav>'
            f'<div id="articles" class="paged" data-page-size="{PAGE_ARTICLES}">{body}</div>'
            f'<div id="explain" role="dialog" aria-live="polite" hidden></div>'
            f'<script type="application/json" id="rules">{_rules_json(findings, ctx)}</script>'
            f'<script>{_asset("report.js")}</script></body></html>\n')


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    out.write(page(findings, ctx))
