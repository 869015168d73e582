"""A user's rule with a catastrophically backtracking pattern cannot hang a run."""

from __future__ import annotations

import time

import pytest
import regex

from quotelint.checks import regexes
from quotelint.checks.ruleset import load_rules
from quotelint.errors import PatternTimeout
from quotelint.paths import default_rules_dir
from quotelint.run.linter import lint_document
from quotelint.text.document import Document

# "Stacked intensifiers": a plausible house rule, written the way that backtracks without end.
# On forty "very " and no full stop the regex module tries every way to split the run.
HOUSE = """\
rules:
  - id: HOUSE007
    name: stacked-intensifiers
    kind: pattern
    category: style
    severity: warning
    message: "“{match}”: one intensifier is plenty."
    pattern: '\\b(?:very |very very )+\\w+\\.'
    ignore_case: true
"""
SLOW = "It is believed the talks failed.\nThe mayor was " + "very " * 40 + "tired!\n"
FAST = "The mayor was very very tired.\n"


@pytest.fixture
def short_limit(monkeypatch):
    monkeypatch.setattr(regexes, "PATTERN_TIMEOUT", 0.25)


def test_catastrophic_pattern_is_reported_by_rule_and_file_and_the_run_goes_on(
        cli, write, short_limit):
    rules = write("house.yaml", HOUSE)
    slow = write("a.txt", SLOW)
    fast = write("b.txt", FAST)
    started = time.monotonic()
    r = cli("-q", "--rules", str(rules), str(slow), str(fast))
    assert time.monotonic() - started < 10
    assert r.code == 2
    assert r.err == (f"{slow}: rule HOUSE007 (stacked-intensifiers): pattern timed out after "
                     f"0.25s; skipped\n")
    assert r.out.splitlines() == [
        f"{slow}:1:1: warning QL401 “It is believed”: by whom? Name who believes or reported it.",
        f"{fast}:1:15: warning HOUSE007 “very very tired.”: one intensifier is plenty."]


def test_a_timed_out_rule_reports_none_of_its_findings_in_that_file(short_limit, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text(HOUSE, encoding="utf-8")
    ruleset = load_rules([rules], defaults=False)
    # The first sentence matches quickly; the whole-text search still times out first.
    result = lint_document(Document(FAST + SLOW, "mixed.txt"), ruleset)
    assert result.findings == []
    assert result.errors == ["mixed.txt: rule HOUSE007 (stacked-intensifiers): pattern timed "
                             "out after 0.25s; skipped"]


def test_the_limit_grows_with_the_text_searched():
    assert regexes.time_limit(5_000) == pytest.approx(regexes.PATTERN_TIMEOUT + 0.0005)
    assert regexes.time_limit(50_000_000) == pytest.approx(regexes.PATTERN_TIMEOUT + 5.0)


OTHER_KINDS = """\
rules:
  - id: HOUSE010
    name: house-spelling
    kind: substitution
    category: style
    message: "“{replacement}”, not “{match}”."
    swap: {'per cent': percent}
  - id: HOUSE020
    name: consistent-spelling
    kind: consistency
    category: style
    message: "“{match}” here, “{other}” on line {other_line}."
    either: {Kyiv: Kiev}
"""


def _patterns(ruleset, path: str) -> list:
    checks = [c for c in ruleset.checks if c.meta.path == path]
    patterns = [c.pattern for c in checks if hasattr(c, "pattern")]
    patterns += [cond.pattern for c in checks
                 for cond in (*getattr(c, "unless", ()), *getattr(c, "requires", ()))]
    patterns += [p for c in checks for pair in getattr(c, "pairs", ()) for p in pair]
    return patterns


def test_every_pattern_of_a_users_rule_is_timed(tmp_path):
    (tmp_path / "house.yaml").write_text(OTHER_KINDS, encoding="utf-8")
    ruleset = load_rules([tmp_path / "house.yaml"])
    checks = {c.meta.kind: c for c in ruleset.checks if c.meta.path.endswith("house.yaml")}
    assert {"substitution", "consistency"} <= set(checks)
    patterns = _patterns(ruleset, str(tmp_path / "house.yaml"))
    assert len(patterns) >= 3
    assert all(isinstance(p, regexes.TimedPattern) and p.untimed_below == 0 for p in patterns)


def test_the_default_packs_patterns_are_timed_only_on_long_texts_but_a_copy_is_timed(tmp_path):
    # The limit costs 1.7 µs a call whatever the text; the pack's patterns are the project's
    # code, tested on arbitrary text. A user's copy of a pack file is a user's rule.
    for pack in default_rules_dir().glob("*.yaml"):
        (tmp_path / pack.name).write_text(pack.read_text(encoding="utf-8"), encoding="utf-8")
    default, copied = load_rules(), load_rules([tmp_path], defaults=False)
    for pack in default_rules_dir().glob("*.yaml"):
        ours = _patterns(default, str(pack))
        theirs = _patterns(copied, str(tmp_path / pack.name))
        assert len(ours) == len(theirs)
        assert all(p.untimed_below == regexes.PACK_UNTIMED_BELOW for p in ours)
        assert all(p.untimed_below == 0 for p in theirs)
    assert len(_patterns(default, str(default_rules_dir() / "unattributed.yaml"))) > 10


def test_a_pack_pattern_on_a_long_text_is_timed(short_limit, monkeypatch):
    # Below the threshold the call runs as it is; from it on, under the limit.
    pattern = regexes.TimedPattern(regex.compile(r"\b(?:very |very very )+\w+\.", regex.I),
                                   untimed_below=40)
    with monkeypatch.context() as m:
        m.setattr(regexes, "time_limit", lambda chars: pytest.fail("a short text was timed"))
        assert pattern.search("It was very very good.").span() == (7, 22)  # 22 characters
    started = time.perf_counter()
    with pytest.raises(PatternTimeout):
        list(pattern.finditer(SLOW))
    with pytest.raises(PatternTimeout):
        pattern.search(SLOW)
    assert time.perf_counter() - started < 5


def test_timed_pattern_behaves_like_the_compiled_one():
    import regex

    from quotelint.schema import Where

    timed = regexes.compile_pattern(r"(?P<verb>said|told)", ignore_case=True, lexicons={},
                                    where=Where("x.yaml"), line=1, key="pattern")
    plain = regex.compile(r"(?P<verb>said|told)", regex.I)
    text = "She SAID it and told us."
    assert timed.groupindex == plain.groupindex
    assert timed.search(text).span() == plain.search(text).span() == (4, 8)
    assert timed.search(text, 9, 24).span() == (16, 20)
    assert [m.span() for m in timed.finditer(text)] == [(4, 8), (16, 20)]
    assert timed.match(text) is None
    assert timed.fullmatch("told").group("verb") == "told"
    assert timed.findall(text) == ["SAID", "told"]
    assert timed.sub("x", text) == "She x it and x us."
