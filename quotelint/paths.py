"""Where the package's own files are, in an installed wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def default_rules_dir() -> Path:
    """The default rule pack: ``quotelint/default_rules`` in a wheel (hatch force-includes the
    repository's ``rules/`` there), else ``rules/`` beside the package in a source checkout or
    an editable install."""
    installed = _PACKAGE / "default_rules"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "rules"
