"""The project as users get it: a wheel that carries the rules, and a working pre-commit hook."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def run(*cmd: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **GIT_ENV, **(env or {})})


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT),
            cwd=out)
    assert r.returncode == 0, r.stderr
    [whl] = out.glob("quotelint-*.whl")
    return whl


def test_wheel_ships_the_default_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    rules = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert rules
    assert sorted(n.rsplit("/", 1)[1] for n in names
                  if n.startswith("quotelint/default_rules/")) == rules
    assert "quotelint/data/abbreviations.yaml" in names


def test_installed_wheel_finds_its_rules(wheel, tmp_path):
    site = tmp_path / "site"
    r = run(sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
            str(wheel), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    code = ("import quotelint.paths as p, quotelint.cli as c; print(p.default_rules_dir()); "
            "raise SystemExit(c.main(['-q', 'a.txt']))")
    (tmp_path / "a.txt").write_text("It is believed the talks failed.\n", encoding="utf-8")
    r = run(sys.executable, "-c", code, cwd=tmp_path, env={"PYTHONPATH": str(site)})
    lines = r.stdout.splitlines()
    assert lines[0] == str(site / "quotelint" / "default_rules")
    assert lines[1].startswith("a.txt:1:1: warning QL401")
    assert r.returncode == 1


def test_hook_manifest_and_project_config_are_valid():
    for what, name in (("validate-manifest", ".pre-commit-hooks.yaml"),
                       ("validate-config", ".pre-commit-config.yaml")):
        r = run(sys.executable, "-m", "pre_commit", what, name, cwd=ROOT)
        assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> dict[str, str]:
    """One pre-commit cache for the module: the hook's environment is built once."""
    return {"PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}


HOOK = (sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "quotelint",
        "--color", "never")
# pre-commit installs the hook from a git repository: an unpacked sdist is none.
needs_git = pytest.mark.skipif(not (ROOT / ".git").exists(),
                               reason="not a git checkout (an sdist): pre-commit needs one")


@needs_git
def test_pre_commit_try_repo(tmp_path, pre_commit_home):
    """The hook as users install it: pre-commit builds it from this repository."""
    run("git", "init", "-q", cwd=tmp_path)
    (tmp_path / "draft.md").write_text("# Talks\n\nIt is believed the talks failed.\n")
    (tmp_path / "clean.txt").write_text("The council approved the budget on Tuesday.\n")
    run("git", "add", ".", cwd=tmp_path)
    env = pre_commit_home
    hook = HOOK
    dirty = run(*hook, "--files", "draft.md", cwd=tmp_path, env=env)
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "draft.md:3:1: warning QL401 “It is believed”" in dirty.stdout
    clean = run(*hook, "--files", "clean.txt", cwd=tmp_path, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


@needs_git
def test_pre_commit_hook_honours_the_repository_configuration(tmp_path, pre_commit_home):
    """The hook passes no arguments of its own, so the repository's .quotelint.yaml decides:
    here it ignores a rule, raises another to error and excludes an archive folder, even
    though pre-commit names every file explicitly."""
    run("git", "init", "-q", cwd=tmp_path)
    (tmp_path / ".quotelint.yaml").write_text(
        "ignore: [QL401]\nseverity: {hearsay: error}\nexclude: [archive/]\n")
    claims = "It is believed the talks failed. Ministers reportedly agreed.\n"
    (tmp_path / "draft.md").write_text(claims)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text(claims)
    run("git", "add", ".", cwd=tmp_path)
    r = run(*HOOK, "--all-files", cwd=tmp_path, env=pre_commit_home)
    assert r.returncode == 1, r.stdout + r.stderr
    findings = [line for line in r.stdout.splitlines() if line.startswith(("draft", "archive"))]
    assert findings == ["draft.md:1:44: error QL402 “reportedly”: Reported by whom? Name the "
                        "report or the source."]
