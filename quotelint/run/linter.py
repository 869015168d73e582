"""Running rules over documents: one article (``lint_text``), or files and folders (``lint_paths``).

A rule that fails on one file is reported as an error for that file and the run goes on: one
bad rule or one odd article never costs the user the findings of everything else. Suppression
comments are applied to every finding, story-wide ones included, before anything is reported.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from ..checks.base import Check
from ..checks.ruleset import RuleSet
from ..config.settings import Settings
from ..errors import InputError, PatternTimeout
from ..findings import Finding
from ..limits import MAX_ARTICLE_BYTES, read_sized, size_text
from ..text.document import Document, decode
from .files import STDIN, discover, nothing_to_lint

if TYPE_CHECKING:
    from .suppress import Suppressions


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Per story-wide rule id: that rule's summary of this document (see Check.collect).
    summaries: dict[str, Any] = field(default_factory=dict)
    suppressions: Suppressions | None = None
    digest: str | None = None  # of the bytes read: --fix never writes over a newer file
    linted: bool = True  # False: not read (binary, undecodable, too large, unreadable)
    collected: Any = None  # what the run's ``collect`` made of the document (a report's data)


@dataclass
class LintResult:
    findings: list[Finding]
    errors: list[str]  # unreadable input, missing paths, failing rules: exit status 2
    files: int  # linted; those that could not be read are ``skipped``
    rules: list[Check] = field(default_factory=list)  # every rule that ran, once per id
    digests: dict[str, str] = field(default_factory=dict)  # path as reported -> digest
    skipped: int = 0
    planned: list[tuple[str, Settings]] = field(default_factory=list)  # files, their settings
    collected: dict[str, Any] = field(default_factory=dict)  # path as reported -> collected


def digest(data: bytes) -> str:
    """A cheap fingerprint of a file's bytes, to notice that it changed before --fix writes."""
    return f"{len(data)}:{zlib.crc32(data):08x}"


def _story_wide(check: Check) -> bool:
    return check.STORY


def lint_document(doc: Document, ruleset: RuleSet, *, story: bool = False) -> FileResult:
    """Run ``ruleset`` over one document. With ``story``, the suppression comments are kept
    unreported until the story-wide findings are in (``finish``)."""
    result = FileResult(doc.path)
    for check in ruleset.checks:
        try:  # a rule that fails or times out is skipped whole: no half of its findings
            found = list(check.run(doc))
            if story and _story_wide(check):
                result.summaries[check.meta.id] = check.collect(doc)
            result.findings.extend(found)
        except PatternTimeout as exc:  # a user's backtracking pattern must not hang the run
            result.errors.append(f"{doc.path}: rule {check.meta.id} ({check.meta.name}): "
                                 f"{exc}; skipped")
        except Exception as exc:  # a bug in one rule must not lose the other findings
            result.errors.append(f"{doc.path}: internal error in rule {check.meta.id} "
                                 f"({check.meta.kind}): {type(exc).__name__}: {exc}")
    if "quotelint-" in doc.text:  # the cheap test: few articles have suppression comments
        from .suppress import Suppressions

        try:
            result.suppressions = Suppressions.of(doc)
        except Exception as exc:  # report it; the findings stay, unsilenced
            result.errors.append(f"{doc.path}: internal error reading suppression comments: "
                                 f"{type(exc).__name__}: {exc}")
    if result.suppressions is not None:
        result.findings = result.suppressions.filter(result.findings)
    if not story:
        finish(result, ruleset, story=False)
    result.findings.sort(key=Finding.sort_key)
    return result


def finish(result: FileResult, ruleset: RuleSet, *, story: bool) -> None:
    """Add the findings about the file's suppression comments (``suppress.audit``), once all
    of its other findings, story-wide ones included, are in."""
    if result.suppressions is None:
        return
    from .suppress import audit

    result.findings.extend(audit(result.suppressions, ruleset, story=story,
                                 is_story_wide=_story_wide))
    result.findings.sort(key=Finding.sort_key)


def read_document(path: str, settings: Settings, *, display: str | None = None,
                  max_bytes: int | None = MAX_ARTICLE_BYTES) -> Document:
    """Read and decode ``path`` (``-`` is standard input) into a Document, or raise InputError."""
    return _read(path, settings, display, max_bytes)[0]


def _too_large(name: str, size: int | None, limit: int) -> InputError:
    what = f"{size_text(size)}, larger" if size is not None else "larger"
    return InputError(f"{name}: {what} than the limit of {size_text(limit)} "
                      f"(--max-file-size); file skipped")


def _read_bytes(path: str, name: str, max_bytes: int | None) -> bytes:
    """The file's bytes; one larger than ``max_bytes`` is refused before it is read (a file
    is held about ten times over while it is linted: text, prose, offsets, sentences)."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
        else:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if max_bytes and size > max_bytes:
                    raise _too_large(name, size, max_bytes)
                data = read_sized(fh, size, max_bytes or None)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if max_bytes and len(data) > max_bytes:  # a pipe, or a file that grew
        raise _too_large(name, None, max_bytes)
    return data


def _read(path: str, settings: Settings, display: str | None,
          max_bytes: int | None = MAX_ARTICLE_BYTES) -> tuple[Document, bytes]:
    name = display or path
    data = _read_bytes(path, name, max_bytes)
    return Document(decode(data, name), name, options=settings.options), data


Collect = Callable[[Document, Settings], Any]


def lint_file(path: str, settings: Settings | None = None, *, story: bool = False,
              display: str | None = None,
              max_bytes: int | None = MAX_ARTICLE_BYTES,
              collect: Collect | None = None) -> FileResult:
    """Lint one file; an unreadable, undecodable or too large file is an error of the result.
    ``max_bytes`` None or 0: no size limit. ``collect(doc, settings)``, if given, runs on the
    linted document, whose analyses are then made already (a report's summary of the file)."""
    settings = settings or Settings()
    try:
        doc, data = _read(path, settings, display, max_bytes)
    except InputError as exc:
        return FileResult(display or path, errors=[str(exc)], linted=False)
    result = lint_document(doc, settings.ruleset(), story=story)
    result.digest = digest(data)
    if collect is not None:
        result.collected = collect(doc, settings)
    return result


def plan(paths: Sequence[str], settings: Settings, *,
         stdin_name: str | None = None) -> tuple[list[tuple[str, Settings]], list[str]]:
    """The files to lint with the settings of each, and errors for missing paths.

    Configuration files are read and rule sets loaded here, before any file is linted, so a
    bad configuration or rule stops the run before it prints anything.
    """
    origins: dict[str, str] = {}
    files, errors = discover(paths, origins)
    if settings.uses_config:
        from ..config.locate import Resolver

        resolver = Resolver(settings, stdin_name=stdin_name)
        planned = [(p, resolver.settings_for(p)) for p in files]
    else:
        planned = [(p, settings) for p in files]
    planned = [(p, s) for p, s in planned
               if not s.excludes(stdin_name if p == STDIN and stdin_name else p)]
    kept = {origins.get(p) for p, _ in planned}
    # A file named explicitly and excluded stays silent (pre-commit names every file), but a
    # named folder whose every file is excluded lints nothing: that is an error.
    errors += [nothing_to_lint(folder, "every file in it is excluded")
               for folder in dict.fromkeys(origins.values()) if folder not in kept]
    for _, s in planned:
        s.ruleset()
    if not planned:
        settings.ruleset()  # still report a bad rule or selector when nothing is linted
    return planned, errors


def lint_paths(paths: Sequence[str], settings: Settings, *, story: bool = False,
               stdin_name: str | None = None, jobs: int | None = 1,
               max_bytes: int | None = MAX_ARTICLE_BYTES,
               collect: Collect | None = None) -> LintResult:
    """Lint files and folders; with ``story`` (or a file's configuration saying ``story:
    true``), also compare the articles with each other.

    With ``settings.discover`` (or ``settings.config``) each file gets the settings of its
    closest configuration file, with ``settings`` as the command line's flags on top.
    ``jobs`` processes lint the files (None: one per core); the result is the same, in the
    same order, whatever their number. Files over ``max_bytes`` are skipped as errors.
    ``collect`` (a module-level function, for the workers) runs on each linted document.
    """
    planned, errors = plan(paths, settings, stdin_name=stdin_name)
    story = story or any(s.story for _, s in planned)  # a configuration's ``story: true``
    if jobs == 1:
        results = [lint_file(p, s, story=story, max_bytes=max_bytes, collect=collect,
                             display=stdin_name if p == STDIN else None) for p, s in planned]
    else:
        from .parallel import lint_planned

        lint = lint_file if collect is None else partial(lint_file, collect=collect)
        results = lint_planned(planned, lint, story=story, stdin_name=stdin_name, jobs=jobs,
                               max_bytes=max_bytes)
    return assemble(planned, results, errors, settings, story=story)


def assemble(planned: list[tuple[str, Settings]], results: list[FileResult],
             errors: list[str], settings: Settings, *, story: bool) -> LintResult:
    """The run's result from each planned file's result, in plan order: the story-wide rules
    (which compare the files) and the suppression audits run here, in the calling process,
    however the files were linted."""
    errors.extend(e for r in results for e in r.errors)
    if story:
        _story(results, [s.ruleset() for _, s in planned], errors)
    findings = sorted((f for r in results for f in r.findings), key=Finding.sort_key)
    rules: dict[str, Check] = {}
    for _, s in planned or [(None, settings)]:
        for check in s.ruleset().checks:
            rules.setdefault(check.meta.id, check)
    digests = {r.path: r.digest for r in results if r.digest}
    linted = sum(r.linted for r in results)
    collected = {r.path: r.collected for r in results if r.collected is not None}
    return LintResult(findings, errors, linted, list(rules.values()), digests,
                      skipped=len(results) - linted, planned=list(planned),
                      collected=collected)


def _story(results: list[FileResult], rulesets: list[RuleSet], errors: list[str]) -> None:
    """Compare the articles (story-wide rules), silence what their comments silence, and then
    report each file's suppression comments."""
    by_path = {r.path: r for r in results}
    checks: dict[str, Check] = {}
    for ruleset in rulesets:
        for check in ruleset.checks:
            if _story_wide(check):
                checks.setdefault(check.meta.id, check)
    for rule_id, check in checks.items():
        summaries = [r.summaries[rule_id] for r in results if rule_id in r.summaries]
        try:
            found = list(check.run_story(summaries))
        except PatternTimeout as exc:
            errors.append(f"story: rule {rule_id} ({check.meta.name}): {exc}; skipped")
            continue
        except Exception as exc:
            errors.append(f"story: internal error in rule {rule_id}: "
                          f"{type(exc).__name__}: {exc}")
            continue
        for f in found:
            target = by_path.get(f.path)
            if target is None:
                errors.append(f"story: rule {rule_id} reported {f.path}, which was not linted")
                continue
            if target.suppressions is None or target.suppressions.filter([f]):
                target.findings.append(f)
    for result, ruleset in zip(results, rulesets, strict=True):
        finish(result, ruleset, story=True)


def lint_text(text: str, path: str = "-", *, settings: Settings | None = None,
              markdown: bool | None = None,
              config: str | os.PathLike | None = None) -> list[Finding]:
    """Lint one article given as a string; the library's entry point.

    ``config`` names a configuration file (``.quotelint.yaml`` or ``pyproject.toml``) to use,
    with ``settings`` on top; without it, only ``settings`` applies.

    >>> [f.rule for f in lint_text("It is believed the talks failed.")]
    ['QL401']
    """
    settings = settings or Settings()
    if config is not None:
        from ..config.load import settings_for_file

        settings = settings_for_file(config, settings)
    doc = Document(text, path, markdown=markdown, options=settings.options)
    result = lint_document(doc, settings.ruleset())
    if result.errors:
        raise RuntimeError("; ".join(result.errors))
    return result.findings
