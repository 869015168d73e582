"""The language server end to end: a real LSP client (pytest-lsp) talks to ``quotelint server``
over stdio, opens, edits, fixes and suppresses, and reads positions in UTF-16."""

from __future__ import annotations

import asyncio
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


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits as a client does: positions in UTF-16 units, last edit first."""
    lines = text.splitlines(keepends=True)

    def offset(pos: types.Position) -> int:
        line = lines[pos.line] if pos.line < len(lines) else ""
        before = line.encode("utf-16-le")[:2 * pos.character].decode("utf-16-le")
        return sum(len(x) for x in lines[:pos.line]) + len(before)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                    reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


async def change(client: LanguageClient, path: Path, text: str,
                 version: int) -> list[types.Diagnostic]:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(DIAGNOSTICS)
    return list(client.diagnostics[path.as_uri()])


async def actions(client: LanguageClient, path: Path,
                  diagnostic: types.Diagnostic) -> dict[str, types.CodeAction]:
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    return {a.title: a for a in found}


@pytest.mark.asyncio
async def test_a_diagnostic_carries_the_rule_its_docs_and_its_severity(client, folder):
    (d,) = await open_file(client, folder / "story.md",
                           "Rain fell. It is believed the talks failed.\n")
    assert (d.code, d.source, d.severity) == ("QL401", "quotelint",
                                              types.DiagnosticSeverity.Warning)
    assert d.code_description.href.endswith("#ql401-agentless-attribution")
    assert d.message.startswith("“It is believed”: by whom?")
    assert (d.range.end.line, d.range.end.character) == (0, 25)


@pytest.mark.asyncio
async def test_the_findings_are_the_command_lines_under_the_folders_configuration(
        client, folder):
    from quotelint.config.settings import Settings
    from quotelint.run.linter import lint_paths

    (folder / ".quotelint.yaml").write_text("ignore: [QL302]\nseverity:\n  QL401: error\n",
                                            encoding="utf-8")
    desk = folder / "desk"
    desk.mkdir()
    path = desk / "story.txt"
    text = ("Officials said the bridge would close. It is believed the repairs will take a "
            "year.\n\nA senior official, who was not named, said the cost had doubled.\n")
    diags = await open_file(client, path, text, language="plaintext")
    cli = lint_paths([str(path)], Settings(discover=True)).findings
    assert [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in diags] == \
        [(f.rule, f.line, f.column) for f in cli] == [("QL401", 1, 40), ("QL301", 3, 1)]
    assert diags[0].severity == types.DiagnosticSeverity.Error


@pytest.mark.asyncio
async def test_an_edit_is_linted_again_after_the_pause(client, folder):
    path = folder / "story.md"
    await open_file(client, path, "Rain fell. It is believed the talks failed.\n")
    diags = await change(client, path, "Rain fell. Police said the talks failed.\n", 2)
    assert diags == []
    diags = await change(client, path, "🎉 It is believed the talks failed.\n", 3)
    assert [(d.code, d.range.start.character) for d in diags] == [("QL401", 3)]


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "quotelint", "server"], server_env=_ENV))
async def slow_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"debounce": 500}))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_changes_in_quick_succession_are_linted_once_the_typing_pauses(slow_client,
                                                                             folder):
    path = folder / "story.md"
    await open_file(slow_client, path, "Rain fell. It is believed the talks failed.\n")
    for version, text in enumerate(["Rain fell. Police said the talks failed.\n",
                                    "Rain fell. It is said the talks failed.\n"], start=2):
        slow_client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(),
                                                                 version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    # The first publication after both changes is the last one's: the first was never linted.
    await slow_client.wait_for_notification(DIAGNOSTICS)
    assert [d.code for d in slow_client.diagnostics[path.as_uri()]] == ["QL401"]


@pytest.mark.asyncio
async def test_the_fix_action_applies_the_findings_safe_fix(client, folder):
    path = folder / "story.md"
    text = "The 🎉 road is 5 kms long.\n"
    (d,) = await open_file(client, path, text)
    assert d.code == "QL504"
    found = await actions(client, path, d)
    fix = found["Fix QL504: “5 kms” → “5 km”"]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply(text, fix.edit.changes[path.as_uri()])
    assert fixed == "The 🎉 road is 5 km long.\n"
    fix_all = found["Fix all quotelint findings with a safe fix"]
    assert fix_all.kind == "source.fixAll.quotelint"
    assert apply(text, fix_all.edit.changes[path.as_uri()]) == fixed
    source_only = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=d.range,
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source])))
    assert [a.title for a in source_only] == ["Fix all quotelint findings with a safe fix"]
    assert await change(client, path, fixed, 2) == []


@pytest.mark.asyncio
async def test_the_disable_action_writes_a_comment_the_linter_honours(client, folder):
    path = folder / "story.txt"
    text = "Rain fell. It is believed the talks failed.\nThe talks resume on Monday.\n"
    (d,) = await open_file(client, path, text, language="plaintext")
    action = (await actions(client, path, d))["Disable QL401 for this line"]
    fixed = apply(text, action.edit.changes[path.as_uri()])
    assert fixed == ("Rain fell. It is believed the talks failed. <!-- quotelint-disable-line "
                     "QL401 -- TODO: say why this is right -->\nThe talks resume on Monday.\n")
    assert await change(client, path, fixed, 2) == []


@pytest.mark.asyncio
async def test_hover_shows_the_rules_explanation(client, folder):
    path = folder / "story.md"
    (d,) = await open_file(client, path, "Rain fell. It is believed the talks failed.\n")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(0, 15)))
    assert hover.contents.value.startswith("**QL401** agentless-attribution: “It is believed”")
    assert "QL401 agentless-attribution\n\ncategory: unattributed-claim" in hover.contents.value
    assert hover.range == d.range


@pytest.mark.asyncio
async def test_the_other_figure_is_related_information(client, folder):
    path = folder / "story.md"
    text = ("The missiles have a range of 300 km.\n\n"
            "The missiles, with a range of 200 miles, could reach the border.\n")
    (d,) = await open_file(client, path, text)
    assert d.code == "QL501"
    (related,) = d.related_information
    assert related.location.uri == path.as_uri()
    assert (related.location.range.start.line, related.location.range.start.character,
            related.location.range.end.character) == (0, 29, 32)
    assert related.message == "300 km (the range)"


@pytest.mark.asyncio
async def test_a_broken_configuration_lints_with_the_defaults_and_says_so_once(client, folder):
    (folder / ".quotelint.yaml").write_text("select: [QL999]\n", encoding="utf-8")
    for name in ("one.md", "two.md"):
        diags = await open_file(client, folder / name, "It is believed the talks failed.\n")
        assert [d.code for d in diags] == ["QL401"]
    (message,) = client.messages
    assert message.type == types.MessageType.Warning
    assert "unknown rule selector 'QL999'" in message.message


@pytest.mark.asyncio
async def test_an_excluded_file_has_no_diagnostics_and_closing_clears_them(client, folder):
    (folder / ".quotelint.yaml").write_text("exclude: ['*.draft.md']\n", encoding="utf-8")
    assert await open_file(client, folder / "a.draft.md", "It is believed it rained.\n") == []
    path = folder / "story.md"
    assert await open_file(client, path, "It is believed it rained.\n") != []
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
    await client.wait_for_notification(DIAGNOSTICS)
    assert list(client.diagnostics[path.as_uri()]) == []


@pytest.mark.asyncio
async def test_saving_a_configuration_lints_the_open_files_again(client, folder):
    path = folder / "story.md"
    assert [d.code for d in await open_file(client, path, "It is believed it rained.\n")] == \
        ["QL401"]
    config = folder / ".quotelint.yaml"
    config.write_text("ignore: [agentless-attribution]\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    await client.wait_for_notification(DIAGNOSTICS)
    assert list(client.diagnostics[path.as_uri()]) == []


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "quotelint", "server"], server_env=_ENV))
async def desk_client(lsp_client: LanguageClient, folder: Path):
    """A client whose workspace is ``folder``, where a desk's configuration makes QL401 an
    error."""
    (folder / ".quotelint.yaml").write_text("severity: {QL401: error}\n", encoding="utf-8")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="desk")]))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_an_unsaved_buffer_has_the_workspaces_settings_and_the_editors_language(
        desk_client):
    client = desk_client
    text = "Rain fell. `It is believed` is a phrase.\n\nIt is believed the talks failed.\n"
    for uri, language in (("untitled:Untitled-1", "markdown"),
                          ("untitled:Untitled-2", "plaintext")):
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1,
                                                 text=text)))
        await client.wait_for_notification(DIAGNOSTICS)
    assert [(d.range.start.line, d.severity) for d in
            client.diagnostics["untitled:Untitled-1"]] == [(2, types.DiagnosticSeverity.Error)]
    assert [d.range.start.line for d in client.diagnostics["untitled:Untitled-2"]] == [0, 2]


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "quotelint", "server"], server_env=_ENV))
async def watching_client(lsp_client: LanguageClient):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True)))))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_watched_configuration_that_changes_on_disk_lints_the_files_again(
        watching_client, folder):
    client = watching_client
    path = folder / "story.md"
    assert [d.code for d in await open_file(client, path, "It is believed it rained.\n")] == \
        ["QL401"]
    (registration,) = client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert [w["globPattern"] for w in registration.register_options["watchers"]] == \
        ["**/.quotelint.yaml", "**/.quotelint.yml", "**/quotelint.yaml", "**/pyproject.toml"]
    config = folder / "pyproject.toml"
    config.write_text("[tool.quotelint]\nignore = ['QL401']\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await client.wait_for_notification(DIAGNOSTICS)
    assert list(client.diagnostics[path.as_uri()]) == []


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "quotelint", "server"], server_env=_ENV))
async def story_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"story": True}))
    yield
    await lsp_client.shutdown_session()


FIRST = ("Drones reach the capital\n\n"
         "The drones, which have a range of 500 km, were launched from the coast.\n")
SECOND = ("Air defences on alert\n\n"
          "The army is tracking the drones, which have a range of 200 miles.\n")


@pytest.mark.asyncio
async def test_with_story_the_open_articles_of_a_folder_are_compared(story_client, folder):
    client = story_client
    first, second = folder / "first.md", folder / "second.md"
    assert await open_file(client, first, FIRST) == []
    second.write_text(SECOND, encoding="utf-8")
    # Opening the second publishes its findings and the first's again: each article is
    # compared with the other. (Two notifications in a row: the client may have read both
    # before a wait for the second would start, so wait for both to be there.)
    await published(client, [first, second], lambda: client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=second.as_uri(), language_id="markdown", version=1, text=SECOND))))
    assert list(client.diagnostics[first.as_uri()]) == []
    (d,) = client.diagnostics[second.as_uri()]
    assert (d.code, d.range.start.line, d.range.start.character) == ("QL501", 2, 55)
    (related,) = d.related_information
    assert related.location.uri == first.as_uri()
    assert (related.location.range.start.line, related.location.range.start.character) == \
        (2, 34)
    assert related.message == "500 km (the range)"
    # Closing the first leaves the second with nothing to disagree with.
    await published(client, [first, second], lambda: client.text_document_did_close(
        types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=first.as_uri()))))
    assert list(client.diagnostics[second.as_uri()]) == []


async def published(client: LanguageClient, paths: list[Path], send) -> None:
    """Send a notification and wait until diagnostics for each of ``paths`` are published."""
    for path in paths:
        client.diagnostics.pop(path.as_uri(), None)
    send()

    async def all_there() -> None:
        while not all(path.as_uri() in client.diagnostics for path in paths):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(all_there(), timeout=60)


@pytest.mark.asyncio
async def test_an_incremental_edit_after_an_emoji_lands_where_the_client_put_it(client, folder):
    path = folder / "story.md"
    assert await open_file(client, path, "🎉 Rain. Sun.\n") == []
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(0, 9), end=types.Position(0, 12)),
            text="It is believed it will rain")]))
    await client.wait_for_notification(DIAGNOSTICS)
    (d,) = client.diagnostics[path.as_uri()]
    assert (d.code, d.range.start.character, d.range.end.character) == ("QL401", 9, 23)
