"""The generic kinds, pattern, substitution and consistency, on real sentences."""

from __future__ import annotations

from quotelint.checks.ruleset import load_rules
from quotelint.text.document import Document


def rules(write, body: str, lexicons: str = ""):
    text = (f"lexicons:\n{lexicons}" if lexicons else "") + "rules:\n" + body
    return load_rules([write("r.yaml", text)], defaults=False).checks


def run(checks, text: str, path: str = "a.txt"):
    doc = Document(text, path)
    return [(f.rule, f.line, f.column, f.message) for c in checks for f in c.run(doc)]


PATTERN = """\
  - id: T001
    name: officials-said
    kind: pattern
    category: anonymous-source
    message: "{match} ({who})"
    pattern: '\\b(?P<who>officials|sources) (?:said|say)\\b'
    ignore_case: true
"""


def test_pattern_reports_line_column_and_named_groups(write):
    checks = rules(write, PATTERN + "    scope: sentence\n")
    text = "The vote was close. On Monday, senior officials said the deal was done."
    assert run(checks, text) == [("T001", 1, 39, "officials said (officials)")]


def test_pattern_matches_across_a_hard_wrapped_line_break(write):
    checks = rules(write, PATTERN)
    text = ("After a long night of talks in the capital, the senior officials\n"
            "said the deal was done and would be signed by the end of the month.\n")
    assert run(checks, text) == [("T001", 1, 56, "officials said (officials)")]


def test_scopes_inside_and_outside_quotes(write):
    text = "“Sources say it is over,” he said. Sources say it is not."
    outside = rules(write, PATTERN + "    scope: outside-quotes\n")
    assert run(outside, text) == [("T001", 1, 36, "Sources say (Sources)")]
    inside = rules(write, PATTERN + "    scope: inside-quotes\n")
    assert run(inside, text) == [("T001", 1, 2, "Sources say (Sources)")]
    document = rules(write, PATTERN + "    scope: document\n")
    assert [r[2] for r in run(document, text)] == [2, 36]


def test_sentence_scope_never_spans_two_sentences(write):
    body = PATTERN.replace("'\\b(?P<who>officials|sources) (?:said|say)\\b'",
                           "'(?P<who>talks)\\W+collapsed'")
    text = "The talks. Collapsed chairs were everywhere."
    assert run(rules(write, body), text) == []
    assert len(run(rules(write, body + "    scope: paragraph\n"), text)) == 1


def test_unless_and_requires_with_windows(write):
    unless = PATTERN + ("    unless: {pattern: 'on condition of anonymity', window: "
                        "{before: 0, after: 1}}\n")
    checks = rules(write, unless)
    reason = "Officials said the talks failed. They spoke on condition of anonymity."
    assert run(checks, reason) == []
    before = "They spoke on condition of anonymity. Officials said the talks failed."
    assert run(checks, before) == [("T001", 1, 39, "Officials said (Officials)")]
    requires = PATTERN + "    requires: {lexicon: topics}\n"
    checks = rules(write, requires, lexicons="  topics: [budget, Budget]\n")
    assert run(checks, "Officials said the talks failed.") == []
    assert run(checks, "Officials said the budget failed.") == [
        ("T001", 1, 1, "Officials said (Officials)")]


def test_lexicon_pattern_matches_whole_phrases_only(write):
    body = """\
  - id: T002
    name: banned
    kind: pattern
    category: style
    message: "avoid {match}"
    lexicon: banned
    ignore_case: true
"""
    checks = rules(write, body, lexicons="  banned: [slammed, game changer]\n")
    text = "Critics slammed the Game Changer plan; nobody unslammed it."
    assert run(checks, text) == [("T002", 1, 9, "avoid slammed"),
                                 ("T002", 1, 21, "avoid Game Changer")]


SUBSTITUTION = """\
  - id: T003
    name: house-style
    kind: substitution
    category: style
    severity: info
    message: "use {replacement}, not {match}"
    ignore_case: true
    swap:
      'utili[sz]e': use
      'per cent': percent
      'kms': km|kilometres
"""


def test_substitution_fix_follows_case_and_skips_quotes(write):
    [check] = rules(write, SUBSTITUTION)
    text = "Utilise the grant, she said. “We will utilise it,” she said. A range of 300 kms."
    found = list(check.run(Document(text)))
    assert [(f.column, f.message) for f in found] == [
        (1, "use Use, not Utilise"), (77, "use km” or “kilometres, not kms")]
    assert found[0].fix is not None and found[0].fix.replacement == "Use"
    assert found[1].fix is None  # alternatives: the writer chooses


def test_consistency_reports_later_variant_with_related_location(write):
    body = """\
  - id: T004
    name: spelling
    kind: consistency
    category: style
    message: "{match} here, but {other} on line {other_line}"
    either: {'Kyiv': 'Kiev'}
"""
    [check] = rules(write, body)
    text = "Kyiv is the capital.\n\nIn Kiev, the mood was calm. Kiev again.\n"
    found = list(check.run(Document(text)))
    assert [(f.line, f.column, f.message) for f in found] == [
        (3, 4, "Kiev here, but Kyiv on line 1"), (3, 29, "Kiev here, but Kyiv on line 1")]
    assert found[0].related[0].line == 1 and found[0].related[0].column == 1


def test_selection_by_id_prefix_name_and_category(write):
    path = write("sel.yaml", "rules:\n" + PATTERN + SUBSTITUTION.replace("T003", "X003") +
                 PATTERN.replace("T001", "T005").replace("officials-said", "off-rule") +
                 "    enabled: false\n")
    loaded = load_rules([path], defaults=False)

    def ids(**kw):
        return [c.meta.id for c in loaded.select(**kw).checks]

    assert ids() == ["T001", "X003"]
    assert ids(select=["T"]) == ["T001"]
    assert ids(select=["style"]) == ["X003"]
    assert ids(select=["off-rule"]) == ["T005"]
    assert ids(select=["ALL"], ignore=["anonymous-source"]) == ["X003"]
    sev = loaded.select(severity={"T001": "error", "style": "warning"}).checks
    assert [(c.meta.id, c.meta.severity) for c in sev] == [("T001", "error"), ("X003", "warning")]
