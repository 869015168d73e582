"""A broken rule file is reported as `file:line: what is wrong` with exit 2, never a traceback."""

from __future__ import annotations

import pytest

from quotelint.checks import KINDS
from quotelint.checks.ruleset import load_rules
from quotelint.errors import RuleErrors

GOOD = """\
rules:
  - id: T001
    name: test-rule
    kind: pattern
    category: style
    message: "found {match}"
    pattern: 'foo'
"""


def errors_for(write, text: str) -> list[str]:
    path = write("rules.yaml", text)
    with pytest.raises(RuleErrors) as exc:
        load_rules([path], defaults=False)
    prefix = f"{path}:"
    return [str(e).removeprefix(prefix) for e in exc.value.errors]


CASES = [
    ("unknown key",
     GOOD.replace("    pattern: 'foo'\n", "    pattern: 'foo'\n    scop: document\n"),
     "8: rule T001: unknown key 'scop' (known keys: category, description, enabled, examples, "
     "id, ignore_case, kind, lexicon, message, name, pattern, rationale, requires, scope, "
     "severity, trigger, unless); did you mean 'scope'?"),
    ("wrong type", GOOD.replace("    pattern: 'foo'\n", "    pattern: 'foo'\n    ignore_case: 1\n"),
     "8: rule T001: 'ignore_case' must be true or false, not a number"),
    ("trigger with an unknown lexicon", GOOD + "    trigger: ['\\L<nothing>', foo]\n",
     "8: rule T001: 'trigger' uses unknown lexicon 'nothing'"),
    ("trigger with an empty list", GOOD + "    trigger: [[foo], []]\n",
     "8: rule T001: 'trigger' has an empty list of words"),
    ("trigger with a number", GOOD + "    trigger: [foo, 3]\n",
     "8: rule T001: 'trigger' words must be strings, not a number"),
    ("trigger of punctuation", GOOD + "    trigger: ['--']\n",
     "8: rule T001: 'trigger' word '--' has no letters or digits"),
    ("bad regex", GOOD.replace("'foo'", "'foo(bar'"),
     "7: rule T001: 'pattern' is not a valid regular expression: missing ) at position 7"),
    ("bad choice", GOOD.replace("category: style", "category: grammar"),
     "5: rule T001: 'category' must be one of quote-balance, quote-attribution, "
     "anonymous-source, unattributed-claim, number-consistency, style, not 'grammar'"),
    ("unknown kind", GOOD.replace("kind: pattern", "kind: spelling"),
     f"4: rule T001: unknown kind 'spelling' (kinds: {', '.join(sorted(KINDS))})"),
    ("missing key", GOOD.replace('    message: "found {match}"\n', ""),
     "2: rule T001: missing required key 'message'"),
    ("unknown placeholder", GOOD.replace("{match}", "{word}"),
     "6: rule T001: unknown placeholder {word} in message (this kind knows: match)"),
    ("unknown lexicon", GOOD.replace("'foo'", "'\\L<nothing>'"),
     "7: rule T001: 'pattern' uses unknown lexicon 'nothing' (lexicons: none loaded)"),
    ("yaml boolean in a word list",
     "lexicons:\n  answers: [yes, maybe]\n" + GOOD,
     "2: 'lexicon answers' item 1 must be a string, not a boolean (YAML reads unquoted "
     "yes/no/on/off/true/false as booleans: quote it)"),
    ("invalid yaml", GOOD.replace("kind: pattern", "kind: [pattern"),
     "4: invalid YAML: the '[' opened on this line is never closed (while parsing a flow "
     "sequence: did not find expected ',' or ']', at line 5)"),
    ("unclosed quotation mark", GOOD.replace('"found {match}"', '"found {match}') + GOOD.replace(
        "rules:\n", "").replace("T001", "T002").replace("test-rule", "rule-two"),
     "6: invalid YAML: the quotation mark opened on this line is never closed (while parsing "
     "a block mapping: did not find expected key, at line 12)"),
    ("unclosed quotation mark at the end", GOOD.replace("'foo'", "'foo"),
     "7: invalid YAML: the quotation mark opened on this line is never closed (while scanning "
     "a quoted scalar: found unexpected end of stream, at line 8)"),
    ("misspelt kind", GOOD.replace("kind: pattern", "kind: patern"),
     f"4: rule T001: unknown kind 'patern' (kinds: {', '.join(sorted(KINDS))}); did you mean "
     f"'pattern'?"),
    ("misspelt category", GOOD.replace("category: style", "category: anonymous-sources"),
     "5: rule T001: 'category' must be one of quote-balance, quote-attribution, "
     "anonymous-source, unattributed-claim, number-consistency, style, not "
     "'anonymous-sources'; did you mean 'anonymous-source'?"),
    ("duplicate key", GOOD.replace("    kind: pattern\n", "    kind: pattern\n    kind: pattern\n"),
     "5: duplicate key 'kind' (first at line 4)"),
    ("bad id", GOOD.replace("T001", "rule one"),
     "2: rule rule one: 'id' must be letters then digits, like QL401 (got 'rule one')"),
    ("unknown top-level key", "rule:\n  - id: T001\n",
     "1: unknown key 'rule' (known keys: lexicons, rules); did you mean 'rules'?"),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_file_errors(write, case, text, expected):
    assert errors_for(write, text) == [expected]


def test_duplicate_id_names_both_places(write):
    second = GOOD.replace("rules:\n", "").replace("test-rule", "other-rule")
    errors = errors_for(write, GOOD + second)
    assert len(errors) == 1
    assert errors[0].startswith("8: duplicate rule id or name 'T001' (first defined at ")
    assert errors[0].endswith("rules.yaml:2)")


def test_every_error_of_a_file_is_reported_at_once(write):
    text = GOOD + GOOD.replace("rules:\n", "").replace("T001", "T002").replace(
        "test-rule", "rule-two").replace("'foo'", "'('")
    text = text.replace("category: style", "category: nope", 1)
    errors = errors_for(write, text)
    assert [e.split(":")[0] for e in errors] == ["5", "13"]


def test_duplicate_id_with_the_default_pack(write):
    path = write("mine.yaml", GOOD.replace("T001", "QL401"))
    with pytest.raises(RuleErrors, match="duplicate rule id or name 'QL401'"):
        load_rules([path])


def test_cli_reports_rule_errors_with_exit_2_and_no_traceback(cli, write):
    path = write("bad.yaml", GOOD.replace("'foo'", "'foo(bar'"))
    seed = write("a.txt", "It is believed the talks failed.\n")
    r = cli("--rules", str(path), str(seed))
    assert r.code == 2
    assert r.out == ""
    assert r.err == (f"{path}:7: rule T001: 'pattern' is not a valid regular expression: "
                     f"missing ) at position 7\n")
    assert "Traceback" not in r.err


def test_missing_rule_file_is_exit_2(cli, write):
    seed = write("a.txt", "Fine.\n")
    r = cli("--rules", "no/such/rules.yaml", str(seed))
    assert r.code == 2
    assert r.err == "no/such/rules.yaml: rule file not found\n"


def test_lexicon_extend_and_redefinition(write):
    base = write("base.yaml", "lexicons:\n  outlets: [Reuters]\n")
    more = write("more.yaml", "lexicons:\n  outlets:\n    extend: [Kent Radio]\n")
    assert load_rules([base, more], defaults=False).lexicons["outlets"] == ["Reuters",
                                                                           "Kent Radio"]
    again = write("again.yaml", "lexicons:\n  outlets: [AP]\n")
    with pytest.raises(RuleErrors) as exc:
        load_rules([base, again], defaults=False)
    assert str(exc.value) == (f"{again}:2: lexicon 'outlets' is already defined at {base}:2; "
                              f"use 'extend:' to add to it")


def test_every_problem_of_one_rule_is_reported_at_once(write):
    text = GOOD.replace("category: style", "category: grammar").replace(
        "    pattern: 'foo'\n", "    patern: 'foo'\n    scope: sentence\n    ignore_case: 1\n")
    errors = errors_for(write, text)
    assert [e.split(": ", 2)[2][:40] for e in errors] == [
        "'category' must be one of quote-balance,",
        "unknown key 'patern' (known keys: catego",
        "'ignore_case' must be true or false, not",
    ]
    assert [e.split(":")[0] for e in errors] == ["5", "7", "9"]
    assert errors[1].endswith("did you mean 'pattern'?")


def test_a_rule_of_an_unknown_kind_still_has_its_common_keys_checked(write):
    text = GOOD.replace("kind: pattern", "kind: patern").replace("category: style",
                                                                 "category: styl")
    assert errors_for(write, text) == [
        f"4: rule T001: unknown kind 'patern' (kinds: {', '.join(sorted(KINDS))}); did you "
        f"mean 'pattern'?",
        "5: rule T001: 'category' must be one of quote-balance, quote-attribution, "
        "anonymous-source, unattributed-claim, number-consistency, style, not 'styl'; did you "
        "mean 'style'?"]


KIND_MISTAKES = """\
rules:
  - id: T001
    name: three-mistakes
    kind: pattern
    category: style
    message: "found {match}"
    pattern: 'foo(bar'
    trigger: [['\\L<nothing>', 3], [foo, '--']]
    unless:
      - pattern: 'ok'
      - lexicon: missing
  - id: T002
    name: swaps
    kind: substitution
    category: styl
    message: "use {replacement}"
    ignore_case: 1
    swap: {'a(b': ab, 'c[d': cd}
"""
VERB_MISTAKES = """\
rules:
  - id: T003
    name: verbs
    kind: attribution-verb
    category: style
    message: "{who}"
    verbs: {}
"""


def test_every_problem_of_every_rule_of_every_file_in_one_run(cli, write):
    """A kind's own checks (setup) go on past a problem, after the rule's common keys too, and
    the problems come out sorted by file (in load order) and line."""
    first = write("kinds.yaml", KIND_MISTAKES)
    second = write("verbs.yaml", VERB_MISTAKES)
    seed = write("a.txt", "Fine.\n")
    r = cli("--isolated", "--rules", str(first), "--rules", str(second), str(seed))
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        f"{first}:7: rule T001: 'pattern' is not a valid regular expression: missing ) at "
        f"position 7",
        f"{first}:8: rule T001: 'trigger' uses unknown lexicon 'nothing'",
        f"{first}:8: rule T001: 'trigger' words must be strings, not a number",
        f"{first}:8: rule T001: 'trigger' word '--' has no letters or digits",
        f"{first}:11: rule T001: 'unless' condition uses unknown lexicon 'missing'",
        f"{first}:15: rule T002: 'category' must be one of quote-balance, quote-attribution, "
        f"anonymous-source, unattributed-claim, number-consistency, style, not 'styl'; did you "
        f"mean 'style'?",
        f"{first}:17: rule T002: 'ignore_case' must be true or false, not a number",
        f"{first}:18: rule T002: 'swap' is not a valid regular expression: missing ) at "
        f"position 3",
        f"{first}:18: rule T002: 'swap' is not a valid regular expression: unterminated "
        f"character set at position 3",
        f"{second}:6: rule T003: unknown placeholder {{who}} in message (this kind knows: "
        f"match, replacement, speaker)",
        f"{second}:7: rule T003: 'verbs' must have at least one entry",
    ]


def test_a_message_is_not_judged_by_a_pattern_that_does_not_compile(write):
    """The pattern's named groups are placeholders too: unknown while it is wrong."""
    text = GOOD.replace("{match}", "{who}").replace("'foo'", "'(?P<who>foo'")
    assert errors_for(write, text) == [
        "7: rule T001: 'pattern' is not a valid regular expression: missing ) at position 11"]


def test_a_misspelt_parameter_is_not_also_reported_as_missing(write):
    text = GOOD.replace("    pattern:", "    patern:")
    assert [e.split(": ", 2)[2][:20] for e in errors_for(write, text)] == [
        "unknown key 'patern'"]


class _StopsAtItsFirstProblem:
    """A kind whose setup raises rather than records: what it would have set is unknown."""

    def setup(self, ctx):
        raise self.error("kind", "this kind stops here")

    def placeholders(self):
        return self.words  # set only by a setup that got through


def test_a_kind_that_raises_in_setup_still_reports_the_rules_other_problems(write,
                                                                            monkeypatch):
    from quotelint.checks import ruleset
    from quotelint.checks.base import Check

    kind = type("StopsAtItsFirstProblem", (_StopsAtItsFirstProblem, Check), {})
    monkeypatch.setattr(ruleset, "kind_class", lambda name: kind)
    text = GOOD.replace("    pattern: 'foo'\n", "").replace("category: style", "category: styl")
    assert [e.split(": ", 2)[1:] for e in errors_for(write, text)] == [
        ["rule T001", "this kind stops here"],
        ["rule T001", "'category' must be one of quote-balance, quote-attribution, "
                      "anonymous-source, unattributed-claim, number-consistency, style, not "
                      "'styl'; did you mean 'style'?"]]


def test_a_rule_file_not_found_comes_out_with_the_others_problems(cli, write):
    path = write("bad.yaml", GOOD.replace("'foo'", "'foo(bar'"))
    seed = write("a.txt", "Fine.\n")
    r = cli("--rules", str(path), "--rules", "no/such/rules.yaml", str(seed))
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        "no/such/rules.yaml: rule file not found",
        f"{path}:7: rule T001: 'pattern' is not a valid regular expression: missing ) at "
        f"position 7"]


def test_an_unattributed_claim_rule_with_a_wrong_pattern_and_a_wrong_question(write):
    text = GOOD.replace("kind: pattern", "kind: unattributed-claim").replace(
        "category: style", "category: unattributed-claim").replace("'foo'", "'foo('") + \
        "    ask: {'poll(': 'Which poll?'}\n"
    errors = errors_for(write, text)
    # Loaded without the default pack, the kind's analysis also misses its word lists.
    assert errors[0].startswith("4: rule T001: the sourcing analysis needs the lexicons ")
    assert errors[1:] == [
        "7: rule T001: 'pattern' is not a valid regular expression: missing ) at position 4",
        "8: rule T001: 'ask' is not a valid regular expression: missing ) at position 5"]
