"""Writes the Lua block of README.md's Neovim entry as an init.lua, verbatim but for
the placeholder path of the checkout: the headless test runs what a reader copies.

Usage: readme_block.py README.md REPO OUT_INIT_LUA
"""
import sys

readme, repo, out = sys.argv[1:]
text = open(readme, encoding="utf-8").read()
# The first ```lua block after the line that starts with **Neovim
lines = text.split("\n")
start = next((i for i, l in enumerate(lines) if l.startswith("**Neovim")), None)
if start is None:
    sys.exit("nvim test: no **Neovim… entry in README.md")
try:
    open_ = next(i for i in range(start, len(lines)) if lines[i].strip() == "```lua")
    close = next(i for i in range(open_ + 1, len(lines)) if lines[i].strip() == "```")
except StopIteration:
    sys.exit("nvim test: no ```lua block under **Neovim… in README.md")
block = "\n".join(lines[open_ + 1:close]) + "\n"
if "/path/to/rapporteur" not in block:
    sys.exit("nvim test: the README's Lua block no longer names /path/to/rapporteur")
with open(out, "w", encoding="utf-8") as f:
    f.write(block.replace("/path/to/rapporteur", repo))
print("nvim test: README.md's Lua block, as init.lua:")
for line in block.splitlines():
    print("  | " + line)
