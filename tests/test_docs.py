"""The documentation is generated or executed: it cannot drift from what quotelint does."""

from __future__ import annotations

import os
import re
import shlex

from conftest import ROOT

from quotelint.commands.rules import REGENERATE


def test_rules_reference_is_up_to_date(cli):
    r = cli("rules", "--format", "markdown", "--isolated", cwd=ROOT)
    assert r.code == 0
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert r.out == current, f"docs/rules.md is stale: run `{REGENERATE}` at the repository root"


# -- docs/custom-rules.md: every file is written and every command run, in order ---------------

GUIDE = ROOT / "docs" / "custom-rules.md"
_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.M | re.S)


def blocks(text: str) -> list[tuple[str, dict[str, str], str, re.Match]]:
    """(language, attributes of the info string, body, match) of every fenced block."""
    out = []
    for m in _BLOCK.finditer(text):
        attrs = dict(a.split("=", 1) if "=" in a else (a, "") for a in m.group(2).split())
        out.append((m.group(1), attrs, m.group(3), m))
    return out


def run_console(cli, body: str) -> str:
    """Run each ``$ quotelint ...`` line of a console block; what it prints, stdout then
    stderr, as the block shows it."""
    shown = []
    for line in body.splitlines():
        if line.startswith("$ "):
            args = shlex.split(line[2:])
            assert args[0] == "quotelint", line
            r = cli(*args[1:])
            shown.append(line + "\n" + r.out + r.err)
    return "".join(shown)


def test_every_example_in_the_custom_rules_guide_runs(cli, tmp_path, monkeypatch):
    """Files (```lang file=NAME```) are written where the guide shows them; console blocks
    must print exactly what the guide says; every rule file not marked ``broken`` passes
    ``quotelint test-rules``. QUOTELINT_UPDATE_DOCS=1 rewrites the console output in the
    guide: read the diff before committing it."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    text = GUIDE.read_text(encoding="utf-8")
    found = blocks(text)
    assert all("file" in attrs for lang, attrs, _, _ in found if lang == "yaml"), \
        "every YAML block in the guide must be a file the tests load (```yaml file=NAME```)"
    updated, pos, consoles = [], 0, 0
    for lang, attrs, body, m in found:
        if "file" in attrs:
            (tmp_path / attrs["file"]).write_text(body, encoding="utf-8")
            is_rule_file = re.search(r"^rules:\s*$", body, re.M)  # not a configuration
            if lang == "yaml" and is_rule_file and "broken" not in attrs:
                r = cli("test-rules", attrs["file"])
                assert r.code == 0, f"{attrs['file']}: {r.out}{r.err}"
        elif lang == "console":
            consoles += 1
            got = run_console(cli, body)
            updated += [text[pos:m.start(3)], got]
            pos = m.end(3)
            if not os.environ.get("QUOTELINT_UPDATE_DOCS"):
                assert got == body, f"console block at offset {m.start()} of the guide"
    if os.environ.get("QUOTELINT_UPDATE_DOCS"):
        GUIDE.write_text("".join([*updated, text[pos:]]), encoding="utf-8")
    assert consoles >= 8


def test_configuration_guide_examples_are_valid_and_complete(tmp_path):
    """The YAML and TOML examples of docs/configuration.md are valid configurations, and its
    table names every key quotelint accepts."""
    from quotelint.config.load import KIND_OPTIONS, TOP_KEYS, parse

    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    examples = {lang: body for lang, _, body, _ in blocks(text)
                if body.startswith(("# .quotelint.yaml", "[tool.quotelint]"))}
    assert set(examples) == {"yaml", "toml"}
    (tmp_path / ".quotelint.yaml").write_text(examples["yaml"], encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(examples["toml"], encoding="utf-8")
    yaml_keys = set(parse(tmp_path / ".quotelint.yaml").values)
    assert yaml_keys == set(TOP_KEYS) | set(KIND_OPTIONS)
    assert parse(tmp_path / "pyproject.toml").values["quotes"] == {
        "min_words": 4, "style": "uk", "paragraph_continuation": True}
    table = text.split("| key | value |", 1)[1].split("\n\n", 1)[0]
    for key in [*TOP_KEYS, *KIND_OPTIONS]:
        assert f"`{key}`" in table, key
    for area, keys in KIND_OPTIONS.items():
        for key in keys:
            assert f"`{area}.{key}`" in text, f"{area}.{key}"
