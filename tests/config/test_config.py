"""Configuration files: discovery, keys, extends, exclude, --show-config and bad-config errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint import Settings, lint_text
from quotelint.config.locate import Resolver
from quotelint.run.linter import read_document

CLAIMS = "It is believed the talks failed. Ministers reportedly agreed.\n"
QL401 = "1:1: warning QL401"
QL402 = "1:44: warning QL402"
HOUSE = """\
rules:
  - id: HOUSE001
    name: no-slammed
    kind: pattern
    category: style
    severity: warning
    message: "“{match}” takes sides."
    pattern: '\\bslammed\\b'
    examples: {fail: [Critics slammed it.], pass: [Critics criticised it.]}
"""


def found(out: str) -> list[str]:
    """``path:line:col: severity ID`` of each finding line."""
    return [" ".join(line.split()[:3]) for line in out.splitlines()]


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_closest_config_wins_and_parents_are_not_merged(cli, write, repo):
    write(".quotelint.yaml", "ignore: [QL401]\n")
    write("desk/.quotelint.yaml", "ignore: [hearsay]\n")
    write("a.txt", CLAIMS)
    write("desk/b.txt", CLAIMS)
    r = cli("-q", ".", cwd=repo)
    assert found(r.out) == [f"./a.txt:{QL402}", f"./desk/b.txt:{QL401}"]


def test_search_stops_at_the_repository_root(cli, write, tmp_path):
    write(".quotelint.yaml", "ignore: [QL401, QL402]\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write("repo/drafts/a.txt", CLAIMS)
    r = cli("-q", "drafts", cwd=tmp_path / "repo")
    assert found(r.out) == [f"drafts/a.txt:{QL401}", f"drafts/a.txt:{QL402}"]
    # the folder holding .git is the root: its own configuration still counts
    write("repo/.quotelint.yaml", "ignore: [QL402]\n")
    assert found(cli("-q", "drafts", cwd=tmp_path / "repo").out) == [f"drafts/a.txt:{QL401}"]


def test_yaml_beats_pyproject_and_a_pyproject_needs_its_table(cli, write, repo):
    write("pyproject.toml", '[tool.quotelint]\nignore = ["QL402"]\n')
    write(".quotelint.yml", "ignore: [QL401]\n")
    write("a.txt", CLAIMS)
    assert found(cli("-q", "a.txt", cwd=repo).out) == [f"a.txt:{QL402}"]
    # a pyproject.toml without [tool.quotelint] is not a configuration: look further up
    write("sub/pyproject.toml", '[project]\nname = "x"  # [tool.quotelint] comes later\n')
    write("sub/b.txt", CLAIMS)
    assert found(cli("-q", "sub/b.txt", cwd=repo).out) == [f"sub/b.txt:{QL402}"]


def test_pyproject_keys_and_tables(cli, write, repo):
    write("pyproject.toml", '[project]\nname = "paper"\n\n[tool.quotelint]\n'
                            'select = ["unattributed-claim"]\nextend-select = ["QL902"]\n\n'
                            '[tool.quotelint.severity]\nQL401 = "error"\n\n'
                            '[tool.quotelint.suppressions]\nrequire-reason = false\n')
    write("a.txt", CLAIMS)
    r = cli("-q", "a.txt", cwd=repo)
    assert found(r.out) == ["a.txt:1:1: error QL401", f"a.txt:{QL402}"]
    assert "QL902  warning  suppression-without-reason" in cli("--show-config", "a.txt").out


def test_config_flag_and_isolated(cli, write, repo):
    write(".quotelint.yaml", "ignore: [QL401]\n")
    write("strict.yaml", "severity: {QL402: error}\n")
    write("a.txt", CLAIMS)
    assert found(cli("-q", "a.txt", cwd=repo).out) == [f"a.txt:{QL402}"]
    assert found(cli("-q", "--config", "strict.yaml", "a.txt").out) == [
        f"a.txt:{QL401}", "a.txt:1:44: error QL402"]
    assert found(cli("-q", "--isolated", "a.txt").out) == [f"a.txt:{QL401}", f"a.txt:{QL402}"]
    r = cli("--isolated", "--config", "strict.yaml", "a.txt")
    assert (r.code, r.err) == (2, "quotelint: --config and --isolated cannot be used together\n")
    r = cli("--config", "missing.yaml", "a.txt")
    assert (r.code, r.err) == (2, "quotelint: missing.yaml: configuration file not found\n")


def test_command_line_flags_override_the_configuration(cli, write, repo):
    write(".quotelint.yaml", "select: [QL4]\nignore: [QL401]\n")
    write("a.txt", CLAIMS)
    assert found(cli("-q", "a.txt", cwd=repo).out) == [f"a.txt:{QL402}"]
    assert found(cli("-q", "--ignore", "QL402", "a.txt").out) == []
    # a --select starts afresh, as in ruff: the configuration's ignore no longer applies
    assert found(cli("-q", "--select", "QL401", "a.txt").out) == [f"a.txt:{QL401}"]


def test_a_more_specific_selector_wins(cli, write, repo):
    write(".quotelint.yaml", "select: [QL401]\nignore: [unattributed-claim]\n")
    write("a.txt", CLAIMS)
    assert found(cli("-q", "a.txt", cwd=repo).out) == [f"a.txt:{QL401}"]


def test_rules_and_extends_are_relative_to_the_file_that_names_them(cli, write, repo):
    write("newsroom/house.yaml", HOUSE)
    write("newsroom/base.yaml", "rules: [house.yaml]\nseverity: {style: error}\n")
    write("desk/.quotelint.yaml", "extends: ../newsroom/base.yaml\nignore: [QL402]\n")
    write("desk/a.txt", "Critics slammed the plan. " + CLAIMS)
    r = cli("-q", "a.txt", cwd=repo / "desk")
    assert found(r.out) == ["a.txt:1:9: error HOUSE001", "a.txt:1:27: warning QL401"]


def test_exclude_globs_read_as_gitignore(cli, write, repo):
    write(".quotelint.yaml", 'exclude: ["*.old.md", "archive/", "/drafts/private/**"]\n')
    for name in ("a.old.md", "archive/b.md", "drafts/private/c.md", "drafts/d.md",
                 "sub/drafts/private/e.md", "archive.md"):
        write(name, CLAIMS)
    r = cli("-q", "--select", "QL401", ".", cwd=repo)
    assert [line.split(":")[0] for line in r.out.splitlines()] == [
        "./archive.md", "./drafts/d.md", "./sub/drafts/private/e.md"]
    # named explicitly (as pre-commit names every file), an excluded file is still excluded
    r = cli("a.old.md", "--exclude", "drafts/d.md", "drafts/d.md")
    assert (r.code, r.out) == (0, "No problems found in 0 files.\n")


def test_per_kind_settings_reach_the_documents(write, repo):
    write(".quotelint.yaml", "numbers: {tolerance: 0.02}\nquotes: {min_words: 4, style: uk}\n")
    path = str(write("a.txt", CLAIMS))
    settings = Resolver(Settings(discover=True)).settings_for(path)
    assert settings.options == {"numbers": {"tolerance": 0.02},
                                "quotes": {"min_words": 4, "style": "uk"}}
    assert read_document(path, settings).options["quotes"]["style"] == "uk"


def test_each_distinct_rule_set_is_loaded_once(write, repo, monkeypatch):
    import quotelint.checks.ruleset

    calls = []
    real = quotelint.checks.ruleset.load_rules
    monkeypatch.setattr(quotelint.checks.ruleset, "load_rules",
                        lambda *a, **kw: calls.append(a) or real(*a, **kw))
    write("house.yaml", HOUSE)
    write("a/.quotelint.yaml", "ignore: [QL401]\n")
    write("b/.quotelint.yaml", "ignore: [QL402]\n")
    write("c/.quotelint.yaml", "rules: [../house.yaml]\n")
    resolver = Resolver(Settings(discover=True))
    for folder in "abc":
        for name in ("x.txt", "y.txt"):
            resolver.settings_for(str(write(f"{folder}/{name}", CLAIMS))).ruleset()
    assert len(calls) == 2


def test_show_config_names_where_each_setting_comes_from(cli, write, repo):
    write("base.yaml", "select: [QL401, QL402]\nsuppressions:\n  require_reason: true\n")
    write("desk/.quotelint.yaml", "extends: ../base.yaml\nignore:\n  - QL402\n"
                                  "quotes: {style: uk}\n")
    write("desk/a.md", CLAIMS)
    r = cli("--show-config", "--ignore", "QL901", "desk/a.md", cwd=repo)
    assert r.code == 0
    assert r.out == """\
# quotelint configuration for desk/a.md
# from desk/.quotelint.yaml, which extends base.yaml
select:  # base.yaml:1
  - QL401  # base.yaml:1
  - QL402  # base.yaml:1
extend_select:
  - QL902  # base.yaml:3
ignore:
  - QL402  # desk/.quotelint.yaml:3
  - QL901  # command line
severity: {}
rules: []
default_rules: true
exclude: []
numbers: {}  # the rules' own defaults
quotes:
  style: uk  # desk/.quotelint.yaml:4
suppressions:
  require_reason: true  # base.yaml:3
# line breaks (Markdown): CommonMark: a soft line break never ends a paragraph
# rules in effect (2):
#   QL401  warning  agentless-attribution
#   QL902  warning  suppression-without-reason
"""


def test_user_configuration_applies_when_no_project_has_one(cli, write, repo, monkeypatch):
    home = repo / "home"
    write("home/quotelint/config.yaml", "ignore: [QL401]\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    write("a.txt", CLAIMS)
    assert found(cli("-q", "a.txt", cwd=repo).out) == [f"a.txt:{QL402}"]
    write(".quotelint.yaml", "ignore: [QL402]\n")  # a project configuration replaces it
    assert found(cli("-q", "a.txt").out) == [f"a.txt:{QL401}"]


def test_standard_input_uses_the_configuration_of_its_name_or_the_current_folder(cli, write,
                                                                                 repo):
    write(".quotelint.yaml", "ignore: [QL401]\n")
    write("desk/.quotelint.yaml", "ignore: [QL402]\n")
    assert found(cli("-q", "-", stdin=CLAIMS.encode(), cwd=repo).out) == [f"-:{QL402}"]
    r = cli("-q", "--stdin-filename", "desk/a.md", "-", stdin=CLAIMS.encode())
    assert found(r.out) == [f"desk/a.md:{QL401}"]


def test_library_takes_a_configuration_file(write, repo, monkeypatch):
    config = write("paper.yaml", "ignore: [QL401]\nseverity: {QL402: error}\n")
    assert [(f.rule, f.severity) for f in lint_text(CLAIMS, config=config)] == [
        ("QL402", "error")]
    # without one, nothing is looked for: a library call is explicit
    monkeypatch.chdir(repo)
    write(".quotelint.yaml", "ignore: [QL401, QL402]\n")
    assert [f.rule for f in lint_text(CLAIMS)] == ["QL401", "QL402"]


@pytest.mark.parametrize(("name", "text", "error"), [
    (".quotelint.yaml", "select: [QL4]\nignroe: [QL401]\n",
     ".quotelint.yaml:2: unknown key 'ignroe' (known keys: default_rules, exclude, "
     "extend_select, extends, ignore, numbers, quotes, rules, select, severity, story, "
     "suppressions); did you mean 'ignore'?"),
    (".quotelint.yaml", "select:\n  - QL4\n  - QL77\n",
     ".quotelint.yaml:3: unknown rule selector 'QL77': not a rule id, name, id prefix or "
     "category (see `quotelint rules`)"),
    (".quotelint.yaml", "severity:\n  QL401: fatal\n",
     ".quotelint.yaml:2: 'severity.QL401' must be one of info, warning, error, not 'fatal'"),
    (".quotelint.yaml", "quotes:\n  style: british\n",
     ".quotelint.yaml:2: 'style' must be one of us, uk, not 'british'"),
    (".quotelint.yaml", "quotes:\n  min_wrods: 3\n",
     ".quotelint.yaml:2: unknown key 'min_wrods' (known keys: min_words, paragraph_continuation, "
     "style); did you mean 'min_words'?"),
    (".quotelint.yaml", "numbers: {tolerance: 5}\n",
     ".quotelint.yaml:1: 'tolerance' must be a fraction from 0 to 1 (0.05 is 5%), not 5"),
    (".quotelint.yaml", "ignore: [QL401\n",
     ".quotelint.yaml:1: invalid YAML: the '[' opened on this line is never closed (while "
     "parsing a flow sequence: did not find expected ',' or ']', at line 2)"),
    (".quotelint.yaml", "rules: [house.yaml]\n",
     ".quotelint.yaml:1: 'rules': no such rule file or folder: house.yaml"),
    (".quotelint.yaml", "extends: [other.yaml]\n",
     ".quotelint.yaml:1: 'extends': no such configuration file: other.yaml"),
    (".quotelint.yaml", "- QL401\n",
     ".quotelint.yaml:1: a configuration file must be a mapping of keys, not a list"),
    (".quotelint.yaml", "select: [QL4]\nextend-select: [QL9]\nextend_select: [QL902]\n",
     ".quotelint.yaml:3: 'extend_select' repeats 'extend-select'"),
    ("pyproject.toml", '[tool.quotelint]\nselect = ["QL4"]\n\n[tool.quotelint.numbers]\n'
                       'tolerance = "five"\n',
     "pyproject.toml:5: 'tolerance' must be a number, not a string"),
    ("pyproject.toml", '[tool.quotelint]\nselect = "QL4"\nignore = [\n  "QL402",\n  3,\n]\n',
     "pyproject.toml:3: 'ignore' item 2 must be a string, not a number"),
    ("pyproject.toml", '[tool.quotelint]\nselect = ["QL4"\nignore = []\n',
     "pyproject.toml:2: invalid TOML: the '[' opened on this line is never closed (Unclosed "
     "array, at line 3)"),
    ("pyproject.toml", '[tool.quotelint]\nselect = [  # QL4 [and] QL5\n  "QL4",\n'
                       'ignore = ["QL402"]\n',
     "pyproject.toml:2: invalid TOML: the '[' opened on this line is never closed (Invalid "
     "value, at line 4)"),
    ("pyproject.toml", '[tool.quotelint]\nselect = ["QL4"]\n[tool.quotelint.quotes]\n'
                       'style = {a = [1,\n  2]\nmin_words = 3\n',
     "pyproject.toml:4: invalid TOML: the '{' opened on this line is never closed (Unclosed "
     "inline table, at line 5)"),
    ("pyproject.toml", "[tool.quotelint]\nselect = ['QL4]\nignore = ['QL402']\n",
     "pyproject.toml:2: invalid TOML: Found invalid character '\\n'"),
    ("pyproject.toml", "[tool.quotelint]\nselect = ['QL4', 'QL5]\n\n[project]\nname = \"x\"\n",
     "pyproject.toml:2: invalid TOML: the quotation mark opened on this line is never closed "
     "(Expected \"'\", at end of document)"),
    ("pyproject.toml", '[tool.quotelint]\nselect = """QL4\nQL5\nignore = []\n',
     "pyproject.toml:2: invalid TOML: the quotation mark opened on this line is never closed "
     "(Unterminated string, at end of document)"),
    ("pyproject.toml", '[tool.quotelint]\nselect = [\n  "QL4",\n  QL5,\n]\n',
     "pyproject.toml:4: invalid TOML: Invalid value"),
])
def test_bad_configuration_is_file_line_and_exit_2(cli, write, repo, name, text, error):
    write(name, text)
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert (r.code, r.out, r.err) == (2, "", error + "\n")


def test_every_wrong_item_of_a_list_is_reported_in_one_run(cli, write, repo):
    write(".quotelint.yaml", "select: [QL4]\nignore:\n  - 1\n  - QL401\n  - yes\n")
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert r.code == 2
    assert r.err.splitlines() == [
        ".quotelint.yaml:3: 'ignore' item 1 must be a string, not a number",
        ".quotelint.yaml:5: 'ignore' item 3 must be a string, not a boolean (YAML reads "
        "unquoted yes/no/on/off/true/false as booleans: quote it)"]


def test_extends_in_a_circle_is_an_error(cli, write, repo):
    write(".quotelint.yaml", "extends: [b.yaml]\n")
    write("b.yaml", "extends: [.quotelint.yaml]\n")
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert (r.code, r.err) == (2, ".quotelint.yaml: 'extends' goes round in a circle: "
                                  ".quotelint.yaml -> b.yaml -> .quotelint.yaml\n")


def test_exclude_reads_negation_as_gitignore_does(cli, write, repo):
    write(".quotelint.yaml", 'exclude: ["drafts/", "*.md", "!keep.md", "!drafts/keep.md",'
                             ' "\\\\!bang.md"]\n')
    for name in ("a.md", "keep.md", "sub/keep.md", "drafts/keep.md", "a.txt", "!bang.md"):
        write(name, CLAIMS)
    r = cli("-q", "--select", "QL401", ".", cwd=repo)
    # the last matching pattern decides; a file in an excluded folder is not looked at again
    assert sorted(line.split(":")[0] for line in r.out.splitlines()) == [
        "./a.txt", "./keep.md", "./sub/keep.md"]
    # the command line's patterns come last, so they decide
    r = cli("-q", "--select", "QL401", "--exclude", "!a.md", "--exclude", "a.txt", ".",
            cwd=repo)
    assert sorted(line.split(":")[0] for line in r.out.splitlines()) == [
        "./a.md", "./keep.md", "./sub/keep.md"]


@pytest.mark.parametrize(("patterns", "error"), [
    ('["*.md", "#notes.md"]', ".quotelint.yaml:1: exclude pattern '#notes.md' would be a "
                              "comment in .gitignore; write '\\#' for a name that starts "
                              "with '#'"),
    ('\n  - "!"', ".quotelint.yaml:2: exclude pattern '!' names no file"),
])
def test_exclude_patterns_gitignore_would_not_read_are_errors(cli, write, repo, patterns,
                                                               error):
    write(".quotelint.yaml", f"exclude: {patterns}\n")
    write("a.md", CLAIMS)
    r = cli("a.md", cwd=repo)
    assert (r.code, r.err) == (2, error + "\n")


def test_every_problem_of_a_configuration_is_reported_at_once(cli, write, repo):
    write(".quotelint.yaml", "selct: [QL4]\nquotes:\n  style: british\n  min_wrods: 3\n"
                             "severity:\n  QL401: fatal\nexclude: ['#x']\nignore: [QL4O2]\n")
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert r.code == 2
    assert [line.split(": ", 1)[0] for line in r.err.splitlines()] == [
        ".quotelint.yaml:1", ".quotelint.yaml:3", ".quotelint.yaml:4", ".quotelint.yaml:6",
        ".quotelint.yaml:7", ".quotelint.yaml:8"]
    assert "did you mean 'select'?" in r.err.splitlines()[0]
    assert r.err.splitlines()[-1].endswith("did you mean 'QL402'?")


def test_every_unknown_selector_is_reported_with_a_suggestion(cli, write, repo):
    write(".quotelint.yaml", "select:\n  - agentles-attribution\n  - QL40l\n  - QL4\n")
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert r.code == 2
    assert r.err.splitlines() == [
        ".quotelint.yaml:2: unknown rule selector 'agentles-attribution': not a rule id, name, "
        "id prefix or category (see `quotelint rules`); did you mean 'agentless-attribution'?",
        ".quotelint.yaml:3: unknown rule selector 'QL40l': not a rule id, name, id prefix or "
        "category (see `quotelint rules`); did you mean 'QL401'?"]


def test_a_misspelt_option_gets_a_suggestion(cli):
    r = cli("--slect", "QL4", ".")
    assert r.code == 2
    assert r.err.splitlines()[-1] == (
        "quotelint: error: unrecognized arguments: --slect; did you mean '--select'?")


SELECTOR = "not a rule id, name, id prefix or category (see `quotelint rules`)"


def test_unknown_selectors_come_out_with_every_other_problem_of_the_run(cli, write, repo,
                                                                        monkeypatch):
    """A configuration with rule files of its own and a base it extends: its mistakes, its
    base's, its rule files' and its selectors' (against every rule read, right or wrong) in
    one run, by file (the base first) and line, the rules loaded once."""
    import quotelint.checks.ruleset

    calls = []
    real = quotelint.checks.ruleset.load_rules
    monkeypatch.setattr(quotelint.checks.ruleset, "load_rules",
                        lambda *a, **kw: calls.append(a) or real(*a, **kw))
    write("base.yaml", "quotes:\n  style: british\n")
    write(".quotelint.yaml", "extends: [base.yaml]\nrules: [house.yaml]\nselect: [QL4, HOUSE9]\n"
                             "ignore: [HOUSE02]\nseverity:\n  QL401: fatal\n")
    write("house.yaml", HOUSE + HOUSE.replace("rules:\n", "").replace("HOUSE001", "HOUSE002")
          .replace("no-slammed", "no-blasted").replace("slammed\\b'", "(blasted\\b'"))
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        "base.yaml:2: 'style' must be one of us, uk, not 'british'",
        f".quotelint.yaml:3: unknown rule selector 'HOUSE9': {SELECTOR}",
        f".quotelint.yaml:4: unknown rule selector 'HOUSE02': {SELECTOR}; did you mean "
        f"'HOUSE002'?",
        ".quotelint.yaml:6: 'severity.QL401' must be one of info, warning, error, not 'fatal'",
        f"{repo}/house.yaml:16: rule HOUSE002: 'pattern' is not a valid regular expression: "
        f"missing ) at position 12",
    ]
    assert len(calls) == 1


def test_a_selector_unlike_any_rule_comes_out_with_the_files_mistakes(cli, write, repo):
    write(".quotelint.yaml", "select: [QL4, NEWS9]\nquotes: {style: british}\n"
                             "rules: [house.yaml]\n")
    write("a.txt", CLAIMS)
    r = cli("--select", "QL4O1", "a.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        ".quotelint.yaml:2: 'style' must be one of us, uk, not 'british'",
        ".quotelint.yaml:3: 'rules': no such rule file or folder: house.yaml",
        f"quotelint: unknown rule selector 'QL4O1': {SELECTOR}; did you mean 'QL401'?",
    ]


def test_a_valid_configuration_gets_its_rule_files_and_selectors_problems_together(
        cli, write, repo):
    write(".quotelint.yaml", "rules: [house.yaml]\nignore: [HOUSE9, QL4]\n")
    write("house.yaml", HOUSE.replace("category: style", "category: styl"))
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        f"{repo}/house.yaml:5: rule HOUSE001: 'category' must be one of quote-balance, "
        "quote-attribution, anonymous-source, unattributed-claim, number-consistency, style, "
        "not 'styl'; did you mean 'style'?",
        f".quotelint.yaml:2: unknown rule selector 'HOUSE9': {SELECTOR}",
    ]


def test_extends_in_a_circle_comes_out_with_the_other_mistakes(cli, write, repo):
    write(".quotelint.yaml", "extends: [b.yaml]\nquotes: {style: british}\n")
    write("b.yaml", "extends: [.quotelint.yaml]\nselect: [QL4O1]\n")
    write("a.txt", CLAIMS)
    r = cli("a.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines() == [
        f"b.yaml:2: unknown rule selector 'QL4O1': {SELECTOR}; did you mean 'QL401'?",
        ".quotelint.yaml: 'extends' goes round in a circle: .quotelint.yaml -> b.yaml -> "
        ".quotelint.yaml",
        ".quotelint.yaml:2: 'style' must be one of us, uk, not 'british'",
    ]
