#!/usr/bin/env python3
"""Checks the Helix, Zed and Sublime Text configurations that README.md gives.

None of these editors can be installed where the project is built (no package of
Helix, Zed or Sublime Text in Debian bookworm, PyPI or npm), so this checks what can
be checked without them:

1. README.md and docs/editors.md show the same blocks.
2. Each block parses (TOML, JSON) and uses only keys that the editor reads, with the
   types it reads them as: Helix's `languages.toml` (helix-core's LanguageConfiguration
   and LanguageServerConfiguration: unknown keys in [[language]] are an error there),
   Zed's `settings.json` (`lsp.<server>.binary.path/arguments/env`,
   `initialization_options`, `settings`; `file_types`) and the Zed extension's
   `extension.toml`, the Sublime LSP package's client settings (`enabled`, `command`,
   `selector`, `initializationOptions`, `settings`, …).
3. For each editor, which language and language id a `.txt`, a `.md` and a `*.un.txt`
   file get, by that editor's rules (Helix: `file-types` globs before extensions, the
   language id is `language-id` or else the name; Zed: "Plain Text" is `plaintext`,
   other names lower-cased; Sublime: the base scope's language id).
4. Then it plays each editor's part against the real server: `rapporteur lsp` is
   started with the block's initialization options, sent its settings
   (`workspace/didChangeConfiguration`, and as answers to `workspace/configuration`),
   and the seed, README.md and a `*.un.txt` draft are opened with the language ids of
   3. The seed must get the server's diagnostics (`rapporteur check --format json`),
   README.md none, and the server must log no warning about the settings.

Usage: check_configs.py RAPPORTEUR_BIN   (from the repository, or with --repo DIR)
Prints one line per check and "N passed, N failed"; exits 1 when a check failed.
"""

import argparse
import fnmatch
import json
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

passed = 0
failed = 0


def check(name, ok, detail=None):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok     {name}")
    else:
        failed += 1
        print(f"FAIL   {name}" + (f": {detail}" if detail is not None else ""))
    return ok


def block(text, heading, lang):
    """The first ```lang block after the line `heading`."""
    m = re.search(rf"^{re.escape(heading)}$", text, re.M)
    if not m:
        return None
    b = re.search(rf"^```{lang}\n(.*?)^```$", text[m.end():], re.M | re.S)
    return b.group(1) if b else None


# --- What the server reads ------------------------------------------------------------

SERVER_KEYS = {"language", "detect", "activation", "diagnostics", "include", "exclude"}
LANGUAGES = {"auto", "zh", "en", "fr", "es", "ru", "ar"}
DETECT = {"auto", "always", "never"}


def check_server_settings(name, value):
    ok = isinstance(value, dict) and set(value) == {"rapporteur"} and isinstance(value["rapporteur"], dict)
    ours = value.get("rapporteur", {}) if ok else {}
    ok = ok and set(ours) <= SERVER_KEYS
    ok = ok and ours.get("language", "auto") in LANGUAGES and ours.get("detect", "auto") in DETECT
    check(f"{name} has the server's shape {{\"rapporteur\": {{language, detect, …}}}}", ok, json.dumps(value))


# --- Helix ------------------------------------------------------------------------------

# helix-core/src/syntax/config.rs: LanguageConfiguration (deny_unknown_fields) and
# LanguageServerConfiguration, the keys in kebab-case.
HELIX_LANGUAGE_KEYS = {
    "name", "language-id", "scope", "file-types", "shebangs", "roots", "comment-token",
    "comment-tokens", "block-comment-tokens", "text-width", "soft-wrap", "auto-format",
    "formatter", "path-completion", "word-completion", "diagnostic-severity", "grammar",
    "injection-regex", "language-servers", "indent", "debugger", "auto-pairs", "rulers",
    "workspace-lsp-roots", "persistent-diagnostic-sources", "rainbow-brackets",
}
HELIX_SERVER_KEYS = {"command", "args", "environment", "config", "timeout", "required-root-patterns"}
# Languages and servers that Helix's own languages.toml defines (so a user's entry
# for them is merged, and may leave out `scope` and `file-types`).
HELIX_BUILTIN_LANGUAGES = {"markdown": ["md", "markdown", "mkd", "mdwn", "mdown", "livemd"]}
HELIX_BUILTIN_SERVERS = {"marksman", "markdown-oxide"}


def helix_glob_matches(glob, path):
    # FileType::Glob: a glob that is neither absolute nor starting with "*/" gets "*/" in front,
    # and is matched against the file's absolute path.
    if not glob.startswith("/") and not glob.startswith("*/"):
        glob = "*/" + glob
    return fnmatch.fnmatchcase(path, glob)


def parsed(editor, text, fmt):
    """The block parsed as TOML or JSON (a check either way), or None."""
    load, error = (tomllib.loads, tomllib.TOMLDecodeError) if fmt == "TOML" else (json.loads, json.JSONDecodeError)
    try:
        conf = load(text)
    except error as e:
        check(f"the {editor} block parses as {fmt}", False, e)
        return None
    check(f"the {editor} block parses as {fmt}", True)
    return conf


def helix(text):
    print("--- Helix (languages.toml)")
    conf = parsed("Helix", text, "TOML")
    if conf is None:
        return None
    check("it has only [language-server.*] and [[language]] at the top level",
          set(conf) <= {"language-server", "language"}, sorted(conf))
    servers = conf.get("language-server", {})
    server = servers.get("rapporteur", {})
    check("[language-server.rapporteur] uses only LanguageServerConfiguration keys",
          set(server) <= HELIX_SERVER_KEYS and isinstance(server.get("command"), str)
          and all(isinstance(a, str) for a in server.get("args", [])),
          sorted(server))
    check("…and runs `rapporteur lsp`", [server.get("command")] + server.get("args", []) == ["rapporteur", "lsp"])
    check_server_settings("its `config` (sent as initializationOptions and workspace settings)", server.get("config"))

    languages = {}
    for lang in conf.get("language", []):
        name = lang.get("name")
        unknown = set(lang) - HELIX_LANGUAGE_KEYS
        check(f"[[language]] {name}: only LanguageConfiguration keys", not unknown, sorted(unknown))
        builtin = name in HELIX_BUILTIN_LANGUAGES
        if not builtin:
            check(f"[[language]] {name}: a new language has `scope` and `file-types`",
                  isinstance(lang.get("scope"), str) and isinstance(lang.get("file-types"), list))
        fts = lang.get("file-types", [])
        check(f"[[language]] {name}: each file type is a string or {{ glob = … }}",
              all(isinstance(f, str) or (isinstance(f, dict) and set(f) == {"glob"}) for f in fts), fts)
        names = lang.get("language-servers", [])
        check(f"[[language]] {name}: its language servers are defined",
              all(isinstance(n, str) and (n in servers or n in HELIX_BUILTIN_SERVERS) for n in names), names)
        check(f"[[language]] {name}: rapporteur is one of its servers", "rapporteur" in names)
        languages[name] = dict(lang, **({"file-types": HELIX_BUILTIN_LANGUAGES[name]} if builtin and not fts else {}))

    def language_of(path):
        for name, lang in languages.items():  # globs first
            if any(isinstance(f, dict) and helix_glob_matches(f["glob"], path) for f in lang.get("file-types", [])):
                return name
        ext = path.rsplit(".", 1)[-1]
        for name, lang in languages.items():
            if ext in lang.get("file-types", []):
                return name
        return None

    def language_id(path):
        name = language_of(path)
        return None if name is None else languages[name].get("language-id", name)

    config = server.get("config")
    return {"init": config, "settings": config, "language_id": language_id}


# --- Zed ----------------------------------------------------------------------------------

ZED_BINARY_KEYS = {"path", "arguments", "env", "ignore_system_version"}
ZED_LSP_KEYS = {"binary", "initialization_options", "settings", "enable_lsp_tasks", "fetch"}
ZED_BUILTIN_LANGUAGES = {"Plain Text": ["txt"], "Markdown": ["md", "markdown", "mdx", "mdwn"]}


def zed_lsp_id(language):
    # LanguageName::lsp_id
    return "plaintext" if language == "Plain Text" else language.lower()


def zed(text, extension_toml):
    print("--- Zed (settings.json, editors/zed/extension.toml)")
    conf = parsed("Zed", text, "JSON")
    if conf is None:
        return None
    entry = conf.get("lsp", {}).get("rapporteur", {})
    check("lsp.rapporteur uses only Zed's LSP settings keys", set(entry) <= ZED_LSP_KEYS, sorted(entry))
    binary = entry.get("binary", {})
    check("lsp.rapporteur.binary uses only path, arguments, env",
          set(binary) <= ZED_BINARY_KEYS and isinstance(binary.get("path", ""), str)
          and binary.get("arguments", ["lsp"]) == ["lsp"], binary)
    check_server_settings("lsp.rapporteur.initialization_options", entry.get("initialization_options"))
    check_server_settings("lsp.rapporteur.settings", entry.get("settings"))
    file_types = conf.get("file_types", {})
    check("file_types maps known languages to lists of globs",
          all(k in ZED_BUILTIN_LANGUAGES and isinstance(v, list) and all(isinstance(g, str) for g in v)
              for k, v in file_types.items()), file_types)

    manifest = tomllib.loads(extension_toml)
    required = {"id", "name", "version", "schema_version", "authors", "description", "repository"}
    check("extension.toml has id, name, version, schema_version, authors, description, repository",
          required <= set(manifest), sorted(required - set(manifest)))
    check("the extension's id and name do not contain \"zed\" (a rule of Zed's extension registry)",
          "zed" not in manifest.get("id", "").lower() and "zed" not in manifest.get("name", "").lower())
    server = manifest.get("language_servers", {}).get("rapporteur", {})
    check("extension.toml declares the language server `rapporteur` (the key of lsp.rapporteur)",
          bool(server) and set(server) <= {"name", "language", "languages", "language_ids", "code_action_kinds"}, server)
    langs = server.get("languages", [])
    check("…for Zed's built-in Markdown and Plain Text", sorted(langs) == ["Markdown", "Plain Text"], langs)

    def language_id(path):
        for lang, globs in file_types.items():
            if any(fnmatch.fnmatchcase(Path(path).name, g) for g in globs):
                return zed_lsp_id(lang)
        ext = path.rsplit(".", 1)[-1]
        for lang, exts in ZED_BUILTIN_LANGUAGES.items():
            if ext in exts and lang in langs:
                return server.get("language_ids", {}).get(lang, zed_lsp_id(lang))
        return None

    return {"init": entry.get("initialization_options"), "settings": entry.get("settings"), "language_id": language_id}


# --- Sublime Text -----------------------------------------------------------------------

# docs/src/client_configuration.md of the LSP package.
SUBLIME_CLIENT_KEYS = {
    "enabled", "command", "env", "settings", "initializationOptions", "selector", "priority_selector",
    "diagnostics_mode", "tcp_port", "experimental_capabilities", "disabled_capabilities",
}
# Base scopes of Sublime's Plain Text and Markdown syntaxes, and the language ids the
# LSP package sends for them.
SUBLIME_SCOPES = {"txt": ("text.plain", "plaintext"), "md": ("text.html.markdown", "markdown")}


def sublime(text):
    print("--- Sublime Text (LSP.sublime-settings)")
    conf = parsed("Sublime", text, "JSON")
    if conf is None:
        return None
    client = conf.get("clients", {}).get("rapporteur", {})
    check("clients.rapporteur uses only the LSP package's client keys", set(client) <= SUBLIME_CLIENT_KEYS, sorted(client))
    check("…is enabled and runs `rapporteur lsp`", client.get("enabled") is True and client.get("command") == ["rapporteur", "lsp"])
    selector = [s.strip() for s in client.get("selector", "").split("|")]
    check("…its selector takes plain text and Markdown", {"text.plain", "text.html.markdown"} <= set(selector), selector)
    check_server_settings("clients.rapporteur.initializationOptions", client.get("initializationOptions"))
    check_server_settings("clients.rapporteur.settings", client.get("settings"))

    def language_id(path):
        scope, lid = SUBLIME_SCOPES.get(path.rsplit(".", 1)[-1], (None, None))
        return lid if scope in selector else None

    return {"init": client.get("initializationOptions"), "settings": client.get("settings"), "language_id": language_id}


# --- Playing the editor's part against the server ----------------------------------------

class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def play(editor, binary, files, expected, timeout=30):
    """Open FILES (path -> text) as EDITOR would; return what the server said."""
    server = Server(binary)
    published, warnings, responses = {}, [], {}

    def pump(until, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline and not until():
            try:
                msg = server.inbox.get(timeout=0.1)
            except queue.Empty:
                continue
            method = msg.get("method")
            if method == "textDocument/publishDiagnostics":
                published[msg["params"]["uri"]] = msg["params"]["diagnostics"]
            elif method == "window/logMessage" and msg["params"]["type"] <= 2:
                warnings.append(msg["params"]["message"])
            elif method == "workspace/configuration":
                items = msg["params"]["items"]
                settings = editor["settings"] or {}
                server.send({"id": msg["id"], "result": [settings.get(i.get("section")) if i.get("section") else settings
                                                         for i in items]})
            elif "id" in msg and method:  # other requests: registerCapability, progress
                server.send({"id": msg["id"], "result": None})
            elif "id" in msg:
                responses[msg["id"]] = msg

    try:
        init = server.request("initialize", {
            "processId": None, "rootUri": None,
            "capabilities": {"workspace": {"configuration": True}},
            "initializationOptions": editor["init"],
        })
        pump(lambda: init in responses, timeout)
        server.notify("initialized", {})
        if editor["settings"] is not None:
            server.notify("workspace/didChangeConfiguration", {"settings": editor["settings"]})
        for path, text in files.items():
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": Path(path).as_uri(), "languageId": editor["language_id"](path), "version": 1, "text": text}})
        uris = [Path(p).as_uri() for p in files]
        pump(lambda: all(u in published for u in uris) and len(published[uris[0]]) >= expected, timeout)
        pump(lambda: False, 1.0)  # anything late
    finally:
        server.close()
    return {p: published.get(Path(p).as_uri()) for p in files}, warnings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parents[2]))
    args = parser.parse_args()
    repo = Path(args.repo)
    readme = (repo / "README.md").read_text()
    docs = (repo / "docs/editors.md").read_text()

    blocks = {}
    for editor, readme_heading, docs_heading, lang in [
        ("helix", "### Helix", "## Helix", "toml"),
        ("zed", "### Zed", "## Zed", "json"),
        ("sublime", "### Sublime Text (LSP package)", "## Sublime Text (LSP package)", "json"),
    ]:
        blocks[editor] = block(readme, readme_heading, lang)
        check(f"README.md has a {lang} block under \"{readme_heading}\"", blocks[editor] is not None)
        check(f"docs/editors.md shows the same {editor} block", block(docs, docs_heading, lang) == blocks[editor])

    editors = {
        "Helix": helix(blocks["helix"] or ""),
        "Zed": zed(blocks["zed"] or "", (repo / "editors/zed/extension.toml").read_text()),
        "Sublime Text": sublime(blocks["sublime"] or ""),
    }

    seed_path = repo / "examples/A-CONF.192-2018-RC-3_zh.txt"
    seed = seed_path.read_text()
    result = subprocess.run([args.server, "check", "--format", "json", str(seed_path)], capture_output=True, text=True)
    expected = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], d["code"])
                      for d in json.loads(result.stdout)["files"][0]["diagnostics"])
    draft = "1. First paragraph.\n\n2. Second paragraph.\n\n4. Fourth paragraph.\n"
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            str(Path(tmp) / "seed.txt"): seed,
            str(Path(tmp) / "README.md"): readme,
            str(Path(tmp) / "draft.un.txt"): draft,
        }
        for name, editor in editors.items():
            print(f"--- {name} against `rapporteur lsp`")
            if editor is None:
                check(f"{name}: a configuration to play", False)
                continue
            ids = {Path(p).name: editor["language_id"](p) for p in files}
            check(f"{name} sends language ids plaintext, markdown for seed.txt, README.md",
                  ids["seed.txt"] == "plaintext" and ids["README.md"] == "markdown", ids)
            got, warnings = play(editor, args.server, files, len(expected))
            seed_diags = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], d["code"])
                                for d in got[str(Path(tmp) / "seed.txt")] or [])
            check(f"{name}: the seed gets the server's {len(expected)} diagnostics", seed_diags == expected,
                  f"{seed_diags} vs {expected}")
            check(f"{name}: README.md gets none", got[str(Path(tmp) / "README.md")] == [],
                  got[str(Path(tmp) / "README.md")])
            check(f"{name}: the server logs no warning about the settings", not warnings, warnings)
            forced = any(d["code"] == "numbering.gap" for d in got[str(Path(tmp) / "draft.un.txt")] or [])
            if ids["draft.un.txt"] == "un-outcome":
                check(f"{name}: draft.un.txt is sent as un-outcome and checked (numbering.gap)", forced)
            else:
                check(f"{name}: draft.un.txt is sent as {ids['draft.un.txt']}, so it is checked only when it "
                      "reads as a UN document (or has the marker): here it does not", not forced)

    print(f"editor configs: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
