"""``quotelint server`` without the lsp extra, and the command line without pygls."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS


def test_without_the_extra_the_server_says_how_to_install_it(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed
    run = cli("server")
    assert run.code == 2
    assert run.err == ("quotelint server needs the lsp extra (pygls is not installed): "
                       "pip install 'quotelint[lsp]'\n")


def test_the_command_line_never_imports_the_lsp_libraries():
    code = ("import sys; from quotelint.cli import main; main(['-q', sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', "
            "'cattrs') or m.startswith('quotelint.lsp')))")
    r = subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True,
                       text=True)
    assert r.stdout.splitlines()[-1] == "[]"
