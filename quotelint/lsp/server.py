"""The language server: pygls wiring of ``session`` (linting), ``convert`` and ``edits``.

Diagnostics are published on open and save at once, and on change after a pause in typing
(``debounce``, 0.3 s unless ``initializationOptions`` say otherwise), always for the version
linted. A configuration or rule file saved in the editor, or changed on disk (when the client
watches files for us), is read again and every open buffer linted again. A configuration that
cannot be read is logged (once until it changes), shown once per session as a warning, and the
buffer linted with the default rules; no error pops up (pygls would show one for an internal
error: it is logged instead).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from .convert import Converter
from .edits import fix_all_edits, fix_edit, suppression_edit
from .session import Linted, Session, compare, is_config

DEBOUNCE = 0.3  # seconds of quiet after a change before linting
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.quotelint"
CONFIG_GLOBS = ("**/.quotelint.yaml", "**/.quotelint.yml", "**/quotelint.yaml",
                "**/pyproject.toml")


class QuotelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("quotelint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.session = Session()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = DEBOUNCE
        self.docs_base: str | None = None
        self.root: str | None = None
        self.story = False  # compare the open articles of a folder, as --story does
        self.warned = False  # the one warning message of a session about a configuration
        self.logged: set[str] = set()  # configuration errors logged since it last changed

    def report_server_error(self, error: Exception, source: Any) -> None:
        self.log(f"internal error: {type(error).__name__}: {error}", types.MessageType.Error)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    # -- linting -----------------------------------------------------------------------------

    def path_of(self, uri: str) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        # An unsaved buffer: the settings of the workspace's folder, as for standard input.
        return os.path.join(self.root or os.getcwd(), "untitled")

    def lint(self, uri: str) -> Linted:
        """Lint the buffer as it is now and publish its diagnostics."""
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        # A file is Markdown by its suffix, as on the command line; an unsaved buffer by the
        # editor's language.
        markdown = None if uri.startswith("file:") else document.language_id == "markdown"
        linted = self.session.lint(self.path_of(uri), document.source,
                                   version=document.version, markdown=markdown,
                                   story=self.story and uri.startswith("file:"))
        self.linted[uri] = linted
        self.tell(linted)
        if linted.alone is not None:
            self.compare_story(os.path.dirname(linted.path), first=uri)
        else:
            self.publish(uri, linted)
        return linted

    def tell(self, linted: Linted) -> None:
        """Log a lint's errors; a configuration's once, and one warning a session."""
        for error in linted.config_errors:
            if error not in self.logged:
                self.logged.add(error)
                self.log(f"{error} (linting with the default rules)", types.MessageType.Warning)
        if linted.config_errors and not self.warned:
            self.warned = True
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning,
                message=f"quotelint: {linted.config_errors[0]}; linting with the default "
                        f"rules until it is fixed (details in the log)"))
        for error in linted.errors:
            self.log(error, types.MessageType.Warning)

    def publish(self, uri: str, linted: Linted) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=linted.version,
            diagnostics=self.converter(uri, linted).diagnostics()))

    def compare_story(self, folder: str, *, first: str | None = None) -> None:
        """Compare the open articles of ``folder`` (with ``story``) and publish the findings
        of each, ``first``'s first (the buffer just linted)."""
        group = {uri: linted for uri, linted in self.linted.items()
                 if linted.alone is not None and os.path.dirname(linted.path) == folder}
        compare(list(group.values()))
        for uri in sorted(group, key=lambda uri: uri != first):
            self.publish(uri, group[uri])

    def current(self, uri: str) -> Linted:
        """The lint of the buffer's current version: a code action must not edit a stale one."""
        linted = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if linted is None or linted.version != document.version or \
                linted.text != document.source:
            linted = self.lint(uri)
        return linted

    def converter(self, uri: str, linted: Linted) -> Converter:
        encoding = self.server_capabilities.position_encoding or "utf-16"
        return Converter(linted, uri, encoding=str(getattr(encoding, "value", encoding)),
                         docs_base=self.docs_base, text_of=self._open_text)

    def _open_text(self, path: str) -> str | None:
        for uri, linted in self.linted.items():
            if linted.path == path:
                return self.workspace.get_text_document(uri).source
        return None

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self._lint_quietly, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def _lint_quietly(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if uri in self.workspace.text_documents:
            try:
                self.lint(uri)
            except Exception as exc:  # a bug of ours: logged, never a popup
                self.report_server_error(exc, None)

    def relint_all(self) -> None:
        """A configuration or rule file changed: read them again, lint every open buffer."""
        self.session.reset()
        self.logged.clear()
        for uri in list(self.linted):
            if uri in self.workspace.text_documents:
                self.lint(uri)


server = QuotelintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: QuotelintServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(
        params.initialization_options, dict) else {}
    if isinstance(options.get("debounce"), (int, float)):
        ls.debounce = max(0.0, options["debounce"] / 1000)
    if isinstance(options.get("rulesDocs"), str):
        ls.docs_base = options["rulesDocs"]
    ls.story = options.get("story") is True
    folders = params.workspace_folders or []
    root_uri = folders[0].uri if folders else params.root_uri
    ls.root = to_fs_path(root_uri) if root_uri and root_uri.startswith("file:") else None


@server.feature(types.INITIALIZED)
async def initialized(ls: QuotelintServer, params: types.InitializedParams) -> None:
    watched = ls.client_capabilities.workspace
    if watched and watched.did_change_watched_files and \
            watched.did_change_watched_files.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[
            types.Registration(
                id="quotelint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers))]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: QuotelintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: QuotelintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: QuotelintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config(ls.path_of(uri)):
        ls.relint_all()
    if uri in ls.workspace.text_documents:
        ls.lint(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: QuotelintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    closed = ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    if closed is not None and closed.alone is not None:  # the others lose an article
        ls.compare_story(os.path.dirname(closed.path))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: QuotelintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.relint_all()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: QuotelintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    linted = ls.current(uri)
    convert = ls.converter(uri, linted)
    at = convert.index.offset(params.position.line, params.position.character)
    return convert.hover([f for f in linted.findings if f.start <= at <= f.end])


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
def code_action(ls: QuotelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.current(uri)
    convert = ls.converter(uri, linted)
    start, end = convert.offsets(params.range)
    here = [f for f in linted.findings if f.start <= end and start <= f.end]
    only = params.context.only
    actions: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix, only):
        for f in here:
            edit = fix_edit(f)
            if edit is not None:
                old = linted.text[edit.start:edit.end]
                actions.append(convert.action(
                    f"Fix {f.rule}: “{old}” → “{edit.new_text}”", types.CodeActionKind.QuickFix,
                    [edit], [f], preferred=True))
        done: set[tuple[str, int]] = set()
        for f in here:
            if (f.rule, f.line) in done:
                continue
            done.add((f.rule, f.line))
            edit = suppression_edit(linted.text, f, path=linted.path, markdown=linted.markdown,
                                    options=linted.settings.options if linted.settings else None)
            if edit is not None:
                actions.append(convert.action(
                    f"Disable {f.rule} for this line", types.CodeActionKind.QuickFix, [edit],
                    [g for g in here if (g.rule, g.line) == (f.rule, f.line)]))
    if _wanted(FIX_ALL, only):
        edits = fix_all_edits(linted.text, linted.findings)
        if edits:
            actions.append(convert.action("Fix all quotelint findings with a safe fix",
                                          FIX_ALL, edits))
    return actions


def _wanted(kind: str, only: list[str] | None) -> bool:
    """Is an action of ``kind`` asked for? ``only`` lists kinds or their prefixes (``source``
    asks for ``source.fixAll.quotelint``)."""
    if not only:
        return True
    asked = [str(getattr(k, "value", k)) for k in only]  # lsprotocol's enum, or a string
    return any(kind == k or kind.startswith(f"{k}.") for k in asked)


def serve() -> None:
    """Speak LSP over standard input and output until the client says exit."""
    server.start_io()
