"""Run the language server: diagnostics, quick fixes and explanations in any LSP editor.

Speaks the Language Server Protocol over standard input and output; an editor starts it (see
the README's "Editors" section). It needs the ``lsp`` extra (pygls and lsprotocol), which the
rest of quotelint never imports.
"""

from __future__ import annotations

import argparse
import sys

INSTALL = "pip install 'quotelint[lsp]'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Editors' LSP clients (VS Code's generic ones, lspconfig) pass --stdio; it is the only way.
    parser.add_argument("--stdio", action="store_true",
                        help="talk over standard input and output (the default and only way)")


def run(args: argparse.Namespace) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError as exc:
        print(f"quotelint server needs the lsp extra ({exc.name} is not installed): "
              f"{INSTALL}", file=sys.stderr)
        return 2
    from ..lsp.server import serve

    serve()
    return 0
