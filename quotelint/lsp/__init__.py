"""``quotelint server``: the Language Server Protocol over stdio (the ``lsp`` extra).

Only ``server`` imports pygls and lsprotocol; the other modules are plain functions of a
document's text and its findings, testable without the extra: ``positions`` (offsets to LSP
positions), ``session`` (configuration and linting per open document), ``edits`` (a fix or a
suppression comment as text edits), ``convert`` (findings to LSP diagnostics, hovers, actions).
"""
