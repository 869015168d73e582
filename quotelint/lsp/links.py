"""Where a rule is documented, for a diagnostic's ``codeDescription``.

A rule of the default pack links to its section of the rules reference (``docs/rules.md``,
anchored ``#ql301-anonymous-no-reason`` as ``quotelint rules --format markdown`` writes it):
under the ``rulesDocs`` URL the editor gives in ``initializationOptions`` (a newsroom's
published copy), else the file in a source checkout. Without either, as for a newsroom's own
rules, the link is the rule file itself at the rule's line.
"""

from __future__ import annotations

from pathlib import Path

from ..checks.base import Check
from ..paths import default_rules_dir

_RULES_MD = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"


def anchor(check: Check) -> str:
    return f"{check.meta.id}-{check.meta.name}".lower()


def rule_url(check: Check, docs_base: str | None = None) -> str:
    path = Path(check.meta.path).resolve()
    if path.parent == default_rules_dir().resolve():
        if docs_base:
            return f"{docs_base}#{anchor(check)}"
        if _RULES_MD.is_file():
            return f"{_RULES_MD.as_uri()}#{anchor(check)}"
    return f"{path.as_uri()}#L{check.meta.line}"
