"""The language server end to end: a real LSP client (pytest-lsp) talks to ``quotelint server``
over stdio, opens, edits, fixes and suppresses, and reads positions in UTF-16."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

# The server must see neither the developer's ~/.config/quotelint nor a folder's configuration
# other than the test's own (each test writes its files in a fresh folder holding .git).
_ENV = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="quotelint-lsp-xdg-")}

DIAGNOSTICS = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "quotelint", "server"], server_env=_ENV))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        initialization_options={"debounce": 20}))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root: discovery looks no further up
    return tmp_path


async def open_file(client: LanguageClient, path: Path, text: str,
                    language: str = "markdown") -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id=language,
                                             version=1, text=text)))
    await client.wait_for_notification(DIAGNOSTICS)
    return list(client.diagnostics[path.as_uri()])


@pytest.mark.asyncio
async def test_open_reports_ql401_in_utf16_after_an_emoji(client, folder):
    text = "Rain 😀 fell. It is believed the talks failed.\n"
    diags = await open_file(client, folder / "story.md", text)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in diags] == \
        [("QL401", 0, 14)]  # code point 13: the emoji is two units
