"""Which configuration file applies to each linted file, read once per run.

As in ruff, the *closest* configuration wins and parent ones are not merged in; a file that
wants another's settings says ``extends:``. Searched from each file's folder upward, stopping
at the repository root (the folder holding ``.git``): ``.quotelint.yaml``, ``.quotelint.yml``,
``quotelint.yaml``, then ``pyproject.toml`` if it has a ``[tool.quotelint]`` table (YAML wins
a tie in one folder: it is the richer format). With none found, the user's
``$XDG_CONFIG_HOME/quotelint/config.yaml`` applies, if it exists.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import QuotelintError
from .load import load_chain, resolve
from .settings import Settings

YAML_NAMES = (".quotelint.yaml", ".quotelint.yml", "quotelint.yaml")
PYPROJECT = "pyproject.toml"


def user_config() -> Path | None:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    path = Path(base) / "quotelint" / "config.yaml"
    return path if path.is_file() else None


def config_in(folder: str) -> Path | None:
    """The configuration file of one folder, if it has one."""
    for name in YAML_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return Path(path)
    path = os.path.join(folder, PYPROJECT)
    if os.path.isfile(path):
        from ..limits import MAX_BYTES
        from ..tomlload import has_section

        try:
            if os.path.getsize(path) > MAX_BYTES:
                return Path(path)  # let parse() refuse it, rather than read it all here
            with open(path, encoding="utf-8-sig") as fh:
                if has_section(fh.read()):
                    return Path(path)
        except (OSError, UnicodeDecodeError):
            return Path(path)  # let parse() report it
    return None


_STOP = object()


class Resolver:
    """Settings per linted file, each configuration file read and each rule set loaded once."""

    def __init__(self, cli: Settings, *, stdin_name: str | None = None) -> None:
        self.cli = cli
        self.stdin_name = stdin_name
        self.explicit = Path(cli.config) if cli.config else None
        if self.explicit is not None and not self.explicit.is_file():
            raise QuotelintError(f"{cli.config}: configuration file not found")
        self._folders: dict[str, Any] = {}
        self._settings: dict[Path | None, Settings] = {}

    def config_for(self, path: str) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        if not self.cli.discover:
            return None
        if path == "-":
            path = self.stdin_name or os.path.join(os.getcwd(), "-")
        found = self._find(os.path.dirname(os.path.abspath(path)))
        return user_config() if found is _STOP else found

    def _find(self, folder: str) -> Any:
        visited, found = [], _STOP
        while True:
            if folder in self._folders:
                found = self._folders[folder]
                break
            visited.append(folder)
            hit = config_in(folder)
            if hit is not None:
                found = hit
                break
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
                break  # the repository root (or the filesystem's): look no further up
            folder = parent
        for f in visited:
            self._folders[f] = found
        return found

    def settings_for(self, path: str) -> Settings:
        config = self.config_for(path)
        if config not in self._settings:
            self._settings[config] = resolve(load_chain(config) if config else [], self.cli)
        return self._settings[config]

