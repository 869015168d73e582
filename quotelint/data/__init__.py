"""Word lists and tables that the analyses use: data in YAML, logic in Python."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


@cache
def load_data(name: str) -> Any:
    """Load ``quotelint/data/<name>.yaml`` once per process (with the C loader when available)."""
    from .. import cache

    def parse() -> Any:
        from ..yamlload import load_plain

        return load_plain(path.read_text(encoding="utf-8"))

    path = _HERE / f"{name}.yaml"
    return cache.load_yaml(path, parse)
