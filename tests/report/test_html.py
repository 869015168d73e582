"""``--format html`` without a browser: escaping, a self-contained page, a mark per finding,
the sourcing summary, story links. The browser tests are in test_html_browser.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from quotelint.report.html_text import Mark, highlight

ARTICLE = (
    "Minister quits <script>alert(1)</script> & more\n\n"
    "Officials said the deal was dead, according to sources familiar with the talks. "
    '"We will not sign," said Jane Doe, the trade minister. "Never," she added.\n\n'
    "It is believed the economy grew last year.\n")

FIRST = """\
Rockets arrive at the front

The rockets, which have a range of 300 km, arrived on Monday, the defence minister said.
"""

SECOND = """\
Crews train on the new rockets

Crews have begun training on the rockets, which have a range of 200 miles.
"""


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each ``<mark>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marked: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs))
        if tag == "mark":
            self._open.append(attrs["data-finding"])
            self.marked.setdefault(attrs["data-finding"], "")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data):
        for key in set(self._open):
            self.marked[key] += data


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def report(cli, *args: str) -> str:
    r = cli("--format", "html", *args)
    assert r.code in (0, 1), r.err
    return r.out


def test_the_article_text_and_its_name_are_escaped(cli, write):
    path = write("a<b>.txt", ARTICLE)
    page = report(cli, str(path))
    assert "Minister quits &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert page.count("<script") == 2  # the rules' JSON and the page's own script
    assert "a&lt;b&gt;.txt" in page and "a<b>" not in page
    rules = page.split('<script type="application/json" id="rules">', 1)[1].split("</script>")[0]
    assert "<" not in rules and "QL301" in json.loads(rules)


def test_the_page_loads_nothing_from_elsewhere(cli, write):
    page = report(cli, str(write("a.txt", ARTICLE)))
    links = [(tag, a[k]) for tag, a in parse(page).tags for k in ("src", "href") if k in a]
    assert links and all(v.startswith("#") for _, v in links), links
    assert not re.search(r"https?://", page.split("<script", 1)[0].split("</style>")[1])
    assert not re.search(r"url\(|@import|<link|<iframe|<img", page)
    assert "default-src 'none'" in page  # the page's own policy forbids any request


def test_every_finding_is_a_mark_around_its_text(cli, write):
    path = write("a.txt", ARTICLE)
    findings = json.loads(cli("--format", "json", str(path)).out)
    marks = parse(report(cli, str(path)))
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [
        ("QL302", 3, 1), ("QL301", 3, 48), ("QL401", 5, 1)]
    ids = {a["id"]: a for tag, a in marks.tags if tag == "mark" and "id" in a}
    for n, f in enumerate(findings):
        assert ids[f"f0-{n}"]["data-rule"] == f["rule"]
        assert ids[f"f0-{n}"]["title"] == f"{f['rule']} {f['name']}: {f['message']}"  # hover
        assert f["category"] in ids[f"f0-{n}"]["class"]
        assert marks.marked[f"f0-{n}"] == ARTICLE[f["start"]:f["end"]]
    assert marks.marked["f0-1"] == "sources familiar with the talks"


def test_crossing_findings_are_split_and_keep_their_key():
    marks = [Mark(0, 5, "f0-0", "QL401", "unattributed-claim", "warning", "A"),
             Mark(3, 8, "f0-1", "QL601", "style", "info", "B<"),
             Mark(8, 8, "f0-2", "QL101", "quote-balance", "error", "C")]
    out = highlight("It is <said> here", marks, {2: ['<span id="x"></span>']})
    opened = re.findall(r'<mark( id="[^"]+")? [^>]*data-finding="([^"]+)"', out)
    assert opened == [(' id="f0-0"', "f0-0"), (' id="f0-1"', "f0-1"), ("", "f0-1"),
                      (' id="f0-2"', "f0-2")]
    assert re.sub(r"<[^>]+>", "|", out) == "|It|| |is||| &lt;s|||aid&gt; here"
    assert 'title="B&lt;"' in out and out.count("<mark") == out.count("</mark>")


def test_the_sourcing_summary_is_the_quotes_commands(cli, write):
    page = report(cli, str(write("a.txt", ARTICLE)))
    summary = page.split('<section class="sourcing">', 1)[1].split("</section>", 1)[0]
    assert ("2 quotations: 2 from named speakers, 0 from unnamed, 0 with no speaker found. "
            "2 anonymous sources (anonymous share 50%); 1 unattributed claim.") in summary
    assert '<tr class="k-named"><td>2</td><td>Jane Doe</td><td>named</td></tr>' in summary
    assert re.findall(r'data-jump="a0-o(\d+)">([^<]+)</a> <span class="note">([^<]+)', summary) \
        == [(str(ARTICLE.index("Officials")), "Officials", "bare, no reason"),
            (str(ARTICLE.index("sources familiar")), "sources familiar with the talks",
             "described, no reason")]


def test_story_findings_link_both_articles(cli, write):
    one, two = write("story/one.txt", FIRST), write("story/two.txt", SECOND)
    page = report(cli, "--story", "--select", "QL501", str(one), str(two))
    first, second = page.split('<article class="article"')[1:]
    offset = FIRST.index("300 km")
    # two.txt's finding points at the other figure; one.txt has a link back at that figure.
    assert f'<a class="related" href="#a0-o{offset}" data-jump="a0-o{offset}">one.txt:3:36</a>' \
        in second
    assert re.search(rf'id="a0-o{offset}" href="#f1-0" data-jump="f1-0"[^>]*>⇄</a>300 km',
                     first)
    assert '← <a href="#f1-0" data-jump="f1-0">two.txt:3:65 <b>QL501</b></a>' in first


def test_standard_input_is_refused(cli):
    r = cli("--format", "html", "-", stdin=b"It is believed the talks failed.\n")
    assert r.code == 2 and "--format html" in r.err and r.out == ""


@pytest.mark.parametrize(("folders", "title", "bars"), [
    (1, "Articles by anonymous-source share", ["no sources: 11", "0%: 0", "1–25%: 0",
                                               "26–50%: 30", "51–75%: 0", "76–100%: 0"]),
    (2, "Anonymous-source share per folder", ["f0: 50%", "f1: 50%"])])
def test_many_articles_are_charted_by_folder_or_share(cli, write, tmp_path, folders, title,
                                                      bars):
    for i in range(41):  # 2 anonymous sources and 2 quotations of a named speaker: 50%
        write(f"f{i % folders}/{i:02}.txt", ARTICLE if i % 4 else "Nothing to see.\n")
    page = report(cli, str(tmp_path))
    chart = page.split(f"<figcaption>{title}</figcaption>", 1)[1].split("</figure>", 1)[0]
    assert re.findall(r"<title>([^<]+)</title>", chart) == bars
    assert page.count('<article class="article"') == 41
    assert 'data-page-size="20"' in page


def test_the_page_is_the_same_whether_workers_or_the_report_analyse(cli, write, tmp_path):
    for i in range(20):  # enough files for worker processes (run/parallel.SERIAL_BELOW)
        write(f"{i:02}.txt", ARTICLE)
    pages = [report(cli, "-j", jobs, str(tmp_path)) for jobs in ("1", "2")]
    assert pages[0] == pages[1]
    from quotelint import Settings, lint_paths
    from quotelint.report import ReportContext
    from quotelint.report.html import page

    result = lint_paths([str(tmp_path)], Settings())  # nothing collected: the report analyses
    assert not result.collected
    ctx = ReportContext(result.rules, result.files, planned=result.planned)
    assert page(result.findings, ctx) == pages[0]
