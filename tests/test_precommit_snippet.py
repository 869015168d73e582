"""The pre-commit snippet of the README works as written: its ``rev`` is this repository's
release tag, named after the version in pyproject.toml, and the tag exists."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT

import quotelint


def snippets() -> list[dict]:
    """The YAML blocks of the README and the configuration guide that configure pre-commit."""
    found = []
    for doc in ("README.md", "docs/configuration.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        found += [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)
                  if block.startswith("repos:")]
    return found


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def test_the_snippets_name_the_release_of_this_version():
    hooks = {h["id"] for h in yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    found = snippets()
    assert len(found) == 2
    for snippet in found:
        (repo,) = snippet["repos"]
        assert repo["rev"] == f"v{version()}" == "v0.2.0"
        assert {h["id"] for h in repo["hooks"]} <= hooks
    assert quotelint.__version__ == version()


def test_the_snippets_rev_exists_in_this_repository():
    if shutil.which("git") is None or subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT,
            capture_output=True).returncode != 0:
        pytest.skip("not a git checkout (an sdist or a copy): no tags to resolve")
    rev = snippets()[0]["repos"][0]["rev"]
    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True)
    if not tags.stdout.strip():
        pytest.skip("this clone carries no tags at all (fetched without them): nothing to resolve")
    r = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, (f"the README's pre-commit snippet names {rev}, which is neither "
                               f"a tag nor a commit here: tag the release (git tag {rev})")
