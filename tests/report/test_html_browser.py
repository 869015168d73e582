"""``--format html`` in a real headless browser (Playwright driving Debian's Chromium): every
finding highlighted, a click shows the rule's explanation, links jump across pages of articles,
no console error, no network request.

``python -m playwright install`` cannot download browsers here, so the system's Chromium is
launched; ``.ci/run`` installs it with apt-get when it is missing. The tests skip, saying why,
only where neither Playwright nor a Chromium could be installed.
"""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stdout

import pytest

from quotelint.checks.ruleset import load_rules
from quotelint.cli import main
from quotelint.commands.explain import explain

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

ARTICLE = (
    "Minister quits <script>alert(1)</script>\n\n"
    "Officials said the deal was dead, according to sources familiar with the talks. "
    '"We will not sign," said Jane Doe, the trade minister.\n\n'
    "It is believed the economy grew last year.\n")
FIRST = ("Rockets arrive at the front\n\n"
         "The rockets, which have a range of 300 km, arrived on Monday, the minister said.\n")
SECOND = ("Crews train on the new rockets\n\n"
          "Crews have begun training on the rockets, which have a range of 200 miles.\n")


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no Chromium on this machine: install Debian's chromium "
                    "(apt-get install chromium), as .ci/run does")
    return path


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


class Session:
    """A page of the report, with every request, console error and dialog it caused."""

    def __init__(self, browser, path) -> None:
        self.url = path.as_uri()
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text)
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"),
                                          d.dismiss()))
        self.page.goto(self.url, wait_until="load")

    def quiet(self) -> None:
        """Nothing but the page itself was requested, and nothing went wrong."""
        assert self.requests == [self.url]
        assert self.errors == []


def _output(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(args)) == 1
    return out.getvalue()


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """A report of 23 articles (two pages): one with findings of several kinds, 20 plain ones,
    and two of a story whose figures disagree; its findings as JSON."""
    desk = tmp_path_factory.mktemp("desk")
    texts = {"a.txt": ARTICLE, "y1.txt": FIRST, "y2.txt": SECOND}
    texts |= {f"plain{i:02}.txt": f"Plain note {i}\n\nThe council met.\n" for i in range(20)}
    for name, text in texts.items():
        (desk / name).write_text(text, encoding="utf-8")
    findings = json.loads(_output("--story", "-j1", "--format", "json", str(desk)))
    report = desk.parent / "report.html"
    report.write_text(_output("--story", "-j1", "--format", "html", str(desk)), encoding="utf-8")
    return report, findings


def test_every_finding_is_highlighted_in_the_browser(browser, story):
    report, findings = story
    s = Session(browser, report)
    marks = s.page.eval_on_selector_all(
        "mark.f[id]", "els => els.map(e => [e.dataset.rule, e.textContent])")
    texts = {"a.txt": ARTICLE, "y2.txt": SECOND}
    assert sorted(marks) == sorted(
        [f["rule"], texts[f["path"].rsplit("/", 1)[1]][f["start"]:f["end"]]] for f in findings)
    assert len(findings) >= 4
    keys = s.page.eval_on_selector_all(
        "mark.f[id]", "els => els.map(e => [e.closest('article').dataset.path, e.id])")
    for article, key in keys:  # each shown and coloured, once its article's page is shown
        s.page.click(f'table.summary a:text-is("{article}")')
        s.page.click(f'aside a[data-jump="{key}"]')
        mark = s.page.locator(f"#{key}")
        assert mark.is_visible()
        box = mark.bounding_box()  # scrolled into the 800-pixel-high window, and focused
        assert box["width"] > 0 and box["height"] > 0 and 0 <= box["y"] <= 800 - box["height"]
        assert s.page.evaluate("document.activeElement.id") == key
        assert mark.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    s.quiet()


def test_a_click_on_a_finding_shows_its_explanation(browser, story):
    report, _ = story
    s = Session(browser, report)
    assert s.page.locator("#explain").is_hidden()
    s.page.click('mark.f[data-rule="QL301"]')
    panel = s.page.locator("#explain")
    assert panel.is_visible()
    assert panel.locator(".message").inner_text().startswith(
        "QL301 anonymous-no-reason: Anonymous source (“sources familiar with the talks”)")
    check = load_rules().find("QL301")
    assert panel.locator("pre.explanation").text_content() == explain(check)
    s.page.keyboard.press("Escape")
    assert panel.is_hidden()
    s.quiet()


def test_links_jump_across_pages_and_articles(browser, story):
    report, _ = story
    s = Session(browser, report)
    page = s.page
    second = page.locator('article[data-path="y2.txt"]')
    assert second.is_hidden()  # on the second page of articles
    page.click('table.summary a:text-is("y2.txt")')
    assert second.is_visible() and page.locator('article[data-path="a.txt"]').is_hidden()
    # The story finding in y2.txt links to the figure in y1.txt, which links back.
    page.click('article[data-path="y2.txt"] a.related')
    anchor = page.locator('article[data-path="y1.txt"] a.anchor.xref')
    assert anchor.is_visible() and "current" in anchor.get_attribute("class")
    anchor.click()
    focused = page.evaluate("document.activeElement.dataset.rule")
    assert focused == "QL501"
    assert page.locator("#explain .message").inner_text().startswith("QL501")
    s.quiet()


def test_an_articles_script_is_shown_as_text(browser, story):
    report, _ = story
    s = Session(browser, report)
    s.page.click('table.summary a:text-is("a.txt")')
    text = s.page.locator('article[data-path="a.txt"] pre.text').inner_text()
    assert text.startswith("Minister quits <script>alert(1)</script>\n")
    assert s.page.evaluate("document.scripts.length") == 2
    s.quiet()


def test_the_table_sorts_by_a_column(browser, story):
    report, _ = story
    s = Session(browser, report)
    s.page.click("table.summary th:text-is('Findings')")
    first = s.page.locator("table.summary tbody tr").first.locator("td").first.inner_text()
    assert first == "a.txt"  # the most findings
    s.quiet()
