"""Linting an editor's buffer exactly as the command line lints the file it will be saved as.

The same configuration discovery (``config.locate.Resolver``: the closest configuration file
from the file's folder up, else the user's, else the defaults), the same ``exclude`` globs, the
same size limit and the same ``lint_document``: only the text comes from the editor rather
than the disk. A configuration that cannot be read does not leave the writer without
findings: the buffer is linted with the default rules and the error is returned, for the
server to tell once.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field

from ..checks.base import Check
from ..checks.ruleset import RuleSet
from ..config.locate import PYPROJECT, YAML_NAMES, Resolver
from ..config.settings import Settings
from ..errors import QuotelintError, RuleErrors
from ..findings import Finding
from ..limits import MAX_ARTICLE_BYTES, size_text
from ..run.linter import FileResult, assemble, lint_document
from ..text.document import Document

CONFIG_NAMES = frozenset((*YAML_NAMES, PYPROJECT))


@dataclass
class Linted:
    """One lint of one buffer: what diagnostics, hovers and code actions are computed from."""

    path: str
    text: str
    version: int | None
    markdown: bool | None
    findings: list[Finding] = field(default_factory=list)
    ruleset: RuleSet | None = None
    errors: list[str] = field(default_factory=list)  # failing rules, a buffer too large
    config_errors: list[str] = field(default_factory=list)  # linted with the defaults
    settings: Settings | None = None
    # With ``story``: the buffer's own result, before it is compared with other articles.
    alone: FileResult | None = None

    def rule(self, rule_id: str) -> Check | None:
        return self.ruleset.find(rule_id) if self.ruleset is not None else None


def is_config(path: str) -> bool:
    """Could saving this file change the settings of other files (a configuration, or a rule
    file, which is YAML)?"""
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.endswith((".yaml", ".yml"))


class Session:
    """The settings of every file the editor opens, each configuration read once until one
    changes (``reset``)."""

    def __init__(self) -> None:
        self._resolver: Resolver | None = None
        self._defaults: Settings | None = None

    def reset(self) -> None:
        """Forget every configuration and rule file read: one of them changed."""
        self._resolver = None

    def defaults(self) -> Settings:
        if self._defaults is None:
            self._defaults = Settings()
        return self._defaults

    def settings_for(self, path: str) -> tuple[Settings, list[str]]:
        """The file's settings, or the defaults and the configuration's errors."""
        if self._resolver is None:
            self._resolver = Resolver(Settings(discover=True))
        try:
            settings = self._resolver.settings_for(path)
            settings.ruleset()
            return settings, []
        except RuleErrors as exc:
            return self.defaults(), [str(e) for e in exc.errors]
        except QuotelintError as exc:
            return self.defaults(), [str(exc)]

    def lint(self, path: str, text: str, *, version: int | None = None,
             markdown: bool | None = None, story: bool = False) -> Linted:
        """Lint a buffer as the file ``path``; an excluded file has no findings. With
        ``story``, the findings are the buffer's alone until ``compare`` adds the story's."""
        settings, config_errors = self.settings_for(path)
        linted = Linted(path, text, version, markdown, config_errors=config_errors,
                        settings=settings)
        if settings.excludes(path):
            return linted
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_ARTICLE_BYTES:
            linted.errors.append(f"{path}: {size_text(size)}, larger than the limit of "
                                 f"{size_text(MAX_ARTICLE_BYTES)}; not linted")
            return linted
        linted.ruleset = settings.ruleset()
        doc = Document(text, path, markdown=markdown, options=settings.options)
        result = lint_document(doc, linted.ruleset, story=story)
        linted.findings, linted.errors = result.findings, result.errors
        if story:
            linted.alone = result
        return linted


def compare(buffers: list[Linted]) -> None:
    """Compare articles as ``quotelint --story`` compares files (``run.linter.assemble``):
    each buffer's findings become its own and the story's, its suppression comments applied
    and audited. Each buffer's own result is kept, to compare it again with others later."""
    buffers = [b for b in buffers if b.alone is not None and b.settings is not None]
    if not buffers:
        return
    results = [FileResult(b.path, list(b.alone.findings), summaries=b.alone.summaries,
                          suppressions=copy.deepcopy(b.alone.suppressions)) for b in buffers]
    assemble([(b.path, b.settings) for b in buffers], results, [], buffers[0].settings,
             story=True)
    for buffer, result in zip(buffers, results, strict=True):
        buffer.findings = sorted(result.findings, key=Finding.sort_key)
