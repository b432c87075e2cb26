#!/usr/bin/env python3
"""Checks that the documentation of the server and the editors says one thing.

The editor configurations live in README.md's "Editors" section, and only there:
docs/editors.md shows the same blocks (the same text) with transcripts, and
docs/lsp.md, the server's reference, links to them instead of repeating them. The
server settings shown in README.md's "Language server" section are the same text as
in docs/lsp.md's "Settings". This checks that, and that no stale claim (an extension
still to ship, two languages, a versioned .vsix name) has come back.

Usage: check_docs.py [--repo DIR]
Prints one line per check and "N passed, N failed"; exits 1 when a check failed.
"""

import argparse
import json
import re
import sys
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


FENCE = re.compile(r"^```([A-Za-z0-9_-]*)[ \t]*\n")


def blocks(text):
    """The fenced code blocks of a Markdown text, in order, as (language, body)."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i] + "\n")
        if m and not lines[i].startswith("````"):
            lang = m.group(1)
            j = i + 1
            while j < len(lines) and lines[j].rstrip() != "```":
                j += 1
            out.append((lang, "\n".join(lines[i + 1:j]) + "\n"))
            i = j + 1
        else:
            i += 1
    return out


def section(text, heading):
    """The text from the line `heading` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.split("\n")
    try:
        start = lines.index(heading)
    except ValueError:
        return None
    end = len(lines)
    in_fence = False
    for k in range(start + 1, len(lines)):
        if lines[k].startswith("```"):
            in_fence = not in_fence
        if not in_fence and re.match(rf"^#{{1,{level}}} ", lines[k]):
            end = k
            break
    return "\n".join(lines[start:end]) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=Path(__file__).resolve().parents[2], type=Path)
    args = ap.parse_args()
    repo = args.repo

    readme = (repo / "README.md").read_text(encoding="utf-8")
    lsp = (repo / "docs/lsp.md").read_text(encoding="utf-8")
    editors = (repo / "docs/editors.md").read_text(encoding="utf-8")

    # 1. The editor configurations: README.md's Editors section, the same text in docs/editors.md.
    ed = section(readme, "## Editors")
    if not check('README.md has a "## Editors" section', ed is not None):
        return
    config_blocks = [(lang, body) for lang, body in blocks(ed) if lang]
    langs = sorted({lang for lang, _ in config_blocks})
    check("README.md's Editors section shows the sh, json, lua, toml and elisp configurations",
          {"sh", "json", "lua", "toml", "elisp"} <= set(langs), langs)
    for lang, body in config_blocks:
        first = body.strip().split("\n")[0][:70]
        check(f"docs/editors.md shows README.md's {lang} block ({first!r}) as the same text",
              body in [b for _, b in blocks(editors)])

    # 2. docs/lsp.md repeats no editor configuration and links to the README's.
    for lang, body in blocks(lsp):
        first = body.strip().split("\n")[0][:70]
        check(f"docs/lsp.md: the {lang or 'plain'} block {first!r} is not an editor configuration",
              lang not in {"lua", "toml", "elisp", "vim", "el"}
              and not re.search(r'"(clients|lsp|languageserver|eglot)"\s*:', body))
    check("docs/lsp.md links to the README's Editors section", "../README.md#editors" in lsp)
    for heading in ("Neovim", "Helix", "Emacs", "Sublime", "VS Code", "Zed"):
        check(f"docs/lsp.md has no section of its own for {heading}",
              not re.search(rf"^#+ .*{heading}", lsp, re.M))

    # 3. The server settings: one text in README.md's "Language server" and docs/lsp.md's "Settings".
    ls = section(readme, "## Language server") or ""
    readme_settings = [b for lang, b in blocks(ls) if lang == "json"]
    lsp_settings = [b for lang, b in blocks(section(lsp, "### Settings") or "") if lang == "json"]
    if check("README.md's Language server section and docs/lsp.md's Settings each show one settings block",
             len(readme_settings) == 1 and len(lsp_settings) == 1, (len(readme_settings), len(lsp_settings))):
        check("the settings block is the same text in README.md and docs/lsp.md", readme_settings[0] == lsp_settings[0],
              f"\nREADME.md:\n{readme_settings[0]}docs/lsp.md:\n{lsp_settings[0]}")
        settings = json.loads(lsp_settings[0])["rapporteur"]
        manifest = json.loads((repo / "editors/vscode/package.json").read_text(encoding="utf-8"))
        props = manifest["contributes"]["configuration"]["properties"]
        vscode_keys = {k.split(".", 1)[1] for k in props if k.count(".") == 1 and k != "rapporteur.trace"}
        vscode_keys = {k for k in vscode_keys if not k.startswith("trace")}
        check("the settings block names every server setting the VS Code extension sends",
              set(settings) == vscode_keys, (sorted(settings), sorted(vscode_keys)))
        documented = set(re.findall(r"^- `([a-zA-Z]+)`(?:, `([a-zA-Z]+)`)?:", lsp, re.M))
        documented = {k for pair in documented for k in pair if k}
        check("docs/lsp.md explains every key of the settings block", set(settings) <= documented,
              sorted(set(settings) - documented))
        languages = set(re.findall(r'`"([a-z]+)"`', section(lsp, "### Settings").split("- `detect`")[0]))
        check("docs/lsp.md's `language` values are the VS Code extension's",
              languages == set(props["rapporteur.language"]["enum"]), sorted(languages))

    # 4. The same languages and file types everywhere.
    six = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]
    for name, text in (("README.md", readme.split("## Set-up")[0]), ("docs/lsp.md", lsp.split("## Running it")[0])):
        check(f"{name} names the six languages in its introduction", all(l in text for l in six),
              [l for l in six if l not in text])
    for name, text in (("README.md (Language server)", ls),
                       ("docs/lsp.md (Configuring a client by hand)", section(lsp, "## Configuring a client by hand") or ""),
                       ("docs/editors.md (introduction)", editors.split("## Which files")[0])):
        missing = [t for t in ("`.txt`", "`.md`", "un-outcome", ".un.txt", ".un.md") if t not in text]
        check(f"{name} names the file types .txt, .md, *.un.txt, *.un.md", not missing, missing)
    for name, text in (("README.md (Language server)", ls),
                       ("docs/lsp.md (Configuring a client by hand)", section(lsp, "## Configuring a client by hand") or "")):
        missing = [t for t in ("`plaintext`", "`markdown`", "`un-outcome`") if t not in text]
        check(f"{name} names the language ids plaintext, markdown, un-outcome", not missing, missing)

    # 5. No stale claims, and the .vsix at its one path.
    docs = {"README.md": readme, "docs/lsp.md": lsp, "docs/editors.md": editors}
    for p in sorted((repo / "editors").glob("*/README.md")):
        docs[str(p.relative_to(repo))] = p.read_text(encoding="utf-8")
    stale = [
        (r"[Uu]ntil the (editor )?extension ships", "the extension still to ship"),
        (r"Chinese or English draft", "two languages only"),
        (r"rapporteur-\d+\.\d+\.\d+\.vsix", "a versioned .vsix name"),
        (r"any generic LSP client extension", "a generic client for VS Code"),
    ]
    for name, text in docs.items():
        for pattern, what in stale:
            m = re.search(pattern, text)
            check(f"{name}: no stale claim ({what})", m is None, m and m.group(0))
        for m in re.finditer(r"--install-extension\s+(\S+)", text):
            check(f"{name}: `--install-extension {m.group(1)}` installs dist/rapporteur.vsix",
                  m.group(1).strip("`") in ("dist/rapporteur.vsix",), m.group(1))
    for lang, body in config_blocks:
        if lang == "sh":
            for m in re.finditer(r"^bash\s+(\S+)", body, re.M):
                check(f"README.md's `bash {m.group(1)}` exists", (repo / m.group(1)).is_file())
    script = json.loads((repo / "editors/vscode/package.json").read_text(encoding="utf-8"))["scripts"]["package"]
    m = re.search(r"--out\s+(\S+)", script)
    out = (repo / "editors/vscode" / m.group(1)).resolve() if m else None
    check("`npm run package` writes dist/rapporteur.vsix at the repository root",
          out == (repo / "dist/rapporteur.vsix").resolve(), script)
    for script_path in ("editors/ci.sh", "editors/vscode/package.sh", "editors/vscode/tests/e2e/run.sh"):
        f = repo / script_path
        check(f"{script_path} uses dist/rapporteur.vsix", f.exists() and "dist/rapporteur.vsix" in f.read_text(encoding="utf-8"))

    # 6. The VS Code setting for Markdown outlines parses and names language-overridable settings.
    md_blocks = [b for lang, b in config_blocks if lang == "json" and b.lstrip().startswith('"[markdown]"')]
    if check("README.md gives the [markdown] outline setting", len(md_blocks) == 1, len(md_blocks)):
        value = json.loads("{" + md_blocks[0] + "}")["[markdown]"]
        check("it hides String symbols in the outline and the breadcrumbs",
              value == {"outline.showStrings": False, "breadcrumbs.showStrings": False}, value)

    print(f"docs: {passed} passed, {failed} failed")


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
