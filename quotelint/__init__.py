"""quotelint: a linter for sourcing in news writing.

The library API::

    from quotelint import lint_text, Settings
    for finding in lint_text(article_text, path="draft.md"):
        print(finding.line, finding.column, finding.rule, finding.message)

Names are imported on first use so that ``quotelint`` on the command line starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.2.0"

_EXPORTS = {
    "lint_text": "quotelint.run.linter",
    "lint_file": "quotelint.run.linter",
    "lint_paths": "quotelint.run.linter",
    "Settings": "quotelint.config.settings",
    "Document": "quotelint.text.document",
    "Finding": "quotelint.findings",
    "load_rules": "quotelint.checks.ruleset",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'quotelint' has no attribute {name!r}")
