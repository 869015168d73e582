"""The contract every rule kind implements, and what a rule carries besides its kind's knobs.

A *kind* is Python (one module per kind); a *rule* is a YAML mapping that configures a kind.
Following Vale's checks, a kind's constructor validates its parameters and compiles every
pattern once; ``run`` then only matches. Kinds that compare across the articles of a story
set ``STORY`` and implement ``collect`` (a small picklable summary of one document) and
``run_story``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from string import Formatter
from typing import Any, ClassVar

from ..cache import compile_regex
from ..errors import MissingLexicon, RuleError, RuleErrors
from ..findings import CATEGORIES, SEVERITIES, Finding, Fix, Related
from ..schema import (
    Field,
    Where,
    boolean,
    check_mapping,
    choice,
    line_of,
    nonempty_string,
    raise_all,
    string,
    string_list,
)
from ..text.document import Document

_ID = compile_regex(r"[A-Za-z][A-Za-z0-9_]*[0-9]+")
_NAME = compile_regex(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _rule_id(value: Any, where: Where, line: int | None, key: str) -> str:
    value = nonempty_string(value, where, line, key)
    if not _ID.fullmatch(value):
        raise where.error(line, f"'id' must be letters then digits, like QL401 (got {value!r})")
    return value


def _rule_name(value: Any, where: Where, line: int | None, key: str) -> str:
    value = nonempty_string(value, where, line, key)
    if not _NAME.fullmatch(value):
        raise where.error(line, f"'name' must be a lower-case slug like 'agentless-attribution' "
                                f"(got {value!r})")
    return value


def _examples(value: Any, where: Where, line: int | None, key: str) -> dict[str, list[str]]:
    fields = {"fail": Field(string_list, default=[]), "pass": Field(string_list, default=[])}
    return check_mapping(value, fields, where, line=line, what="'examples'")


# Keys every rule has, whatever its kind.
COMMON_FIELDS: dict[str, Field] = {
    "id": Field(_rule_id, required=True, doc="stable code, never reused (QL401)"),
    "name": Field(_rule_name, required=True, doc="lower-case slug (agentless-attribution)"),
    "kind": Field(nonempty_string, required=True, doc="the rule kind (pattern, substitution...)"),
    "category": Field(choice(*CATEGORIES), required=True, doc="one of the fixed categories"),
    "severity": Field(choice(*SEVERITIES), default="warning", doc="error, warning or info"),
    "message": Field(nonempty_string, required=True, doc="message with {placeholders}"),
    "description": Field(string, default="", doc="one line: what the rule catches"),
    "rationale": Field(string, default="", doc="why it matters, what it does not catch"),
    "enabled": Field(boolean, default=True, doc="false: runs only when selected by id or name"),
    "examples": Field(_examples, default=None, doc="fail: / pass: lists of example texts"),
}


@dataclass(frozen=True)
class RuleMeta:
    """Everything about a rule that is not its kind's parameters."""

    id: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    description: str
    rationale: str
    enabled: bool
    examples: Mapping[str, list[str]] | None
    path: str
    line: int
    example_lines: Mapping[str, list[int]] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        """One line for `quotelint rules`: the description, else the message's first clause."""
        return self.description or self.message


@dataclass
class BuildContext:
    """What a kind's constructor may use: the lexicons of every loaded file, and a place where
    rules of one load share what they compile once (e.g. the sourcing analysis)."""

    lexicons: Mapping[str, list[str]]
    shared: dict[str, Any] = field(default_factory=dict)


class Check:
    """Base of every rule kind. Subclasses set PARAMS and implement ``run``."""

    PARAMS: ClassVar[dict[str, Field]] = {}
    # Message placeholders every rule of this kind may use, besides those ``placeholders`` adds.
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})
    # Reports on the suppression comments themselves, once every other rule has run
    # (checks/suppression.py); ``run`` yields nothing for such a kind.
    AUDIT: ClassVar[bool] = False

    def __init__(self, meta: RuleMeta, params: dict[str, Any], where: Where,
                 ctx: BuildContext, raw: Mapping[str, Any]) -> None:
        self.meta = meta
        self.params = params
        self.raw = raw
        # Every problem of the rule in one run: setup records each (``problem``) and goes on.
        problems: list[RuleError] = []
        self.where = where.collecting(problems)
        try:
            self.setup(ctx)
            self._check_message()
        except RuleErrors as exc:  # a kind that stops at a problem: its state is unknown
            problems.extend(exc.errors)
        except RuleError as exc:
            problems.append(exc)
        except MissingLexicon as exc:  # a word list the kind's analysis needs: at 'kind:'
            problems.append(where.error(line_of(raw, "kind"), str(exc)))
        self.where = where
        raise_all(sorted(problems, key=lambda e: e.line or 0))

    # -- for subclasses ----------------------------------------------------------------------

    def setup(self, ctx: BuildContext) -> None:
        """Compile patterns and look up lexicons; ``self.problem(key, ...)`` for each thing
        wrong, going on where the rest can still be checked (``self.where.attempt`` runs a
        step that raises), or raise ``self.error(key, ...)``."""

    def placeholders(self) -> frozenset[str] | None:
        """What the message may name; None when that is unknown (a pattern that is wrong)."""
        return self.PLACEHOLDERS

    def run(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    # Compares the articles of a story (``--story``): such a kind implements ``collect`` and
    # ``run_story``; a suppression of its rules is judged unused only after a --story run.
    STORY: ClassVar[bool] = False

    def collect(self, doc: Document) -> Any:
        return None

    def run_story(self, summaries: list[Any]) -> Iterable[Finding]:
        return ()

    # -- helpers -----------------------------------------------------------------------------

    def configured(self, doc: Document, section: str, key: str,
                   valid: Callable[[Any], bool]) -> Any:
        """The configuration's ``section.key`` (``quotes.min_words``) when ``valid`` accepts
        it, else the rule's own parameter ``key``: a house setting overrides every rule."""
        value = (doc.options.get(section) or {}).get(key)
        return value if valid(value) else self.params[key]

    def error(self, key: str, message: str) -> Exception:
        return self.where.error(line_of(self.raw, key), message)

    def problem(self, key: str, message: str) -> None:
        """Record what is wrong with parameter ``key`` (raised with the rule's other problems
        once its setup is done); returns None, for a setup step that yields nothing."""
        self.where.report(line_of(self.raw, key), message)

    def with_severity(self, severity: str) -> Check:
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.meta = replace(self.meta, severity=severity)
        return clone

    def _check_message(self) -> None:
        allowed = self.placeholders()
        if not isinstance(self.meta.message, str):
            return  # a message that is wrong itself was reported with the rule's keys
        try:
            fields = [f for _, f, spec, conv in Formatter().parse(self.meta.message)
                      if f is not None]
        except ValueError as exc:
            self.problem("message", f"bad placeholder in message: {exc}")
            return
        for name in fields:
            if allowed is not None and name not in allowed:
                self.problem("message", f"unknown placeholder {{{name}}} in message "
                                        f"(this kind knows: {', '.join(sorted(allowed))})")

    def format(self, **values: Any) -> str:
        return self.meta.message.format_map(values)

    def finding(self, doc: Document, start: int, end: int, message: str | None = None, *,
                related: Iterable[Related] = (), fix: Fix | None = None,
                **values: Any) -> Finding:
        """A finding of this rule at ``[start, end)``; the message is formatted from ``values``."""
        return self.finding_at(doc.path, start, end, doc.position(start), doc.position(end),
                               message if message is not None else self.format(**values),
                               related=related, fix=fix)

    def finding_at(self, path: str, start: int, end: int, begins: tuple[int, int],
                   ends: tuple[int, int], message: str, *, related: Iterable[Related] = (),
                   fix: Fix | None = None) -> Finding:
        """A finding of this rule in ``path`` at ``[start, end)``, which begins at the (line,
        column) ``begins`` and ends at ``ends``: the one place a Finding is built."""
        return Finding(
            path=path, line=begins[0], column=begins[1], end_line=ends[0], end_column=ends[1],
            rule=self.meta.id, name=self.meta.name, category=self.meta.category,
            severity=self.meta.severity, message=message, start=start, end=end,
            related=tuple(related), fix=fix,
        )


def flat(text: str) -> str:
    """Whitespace collapsed, for quoting matched text in a one-line message."""
    return " ".join(text.split())
