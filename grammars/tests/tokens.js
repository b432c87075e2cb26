#!/usr/bin/env node
// Prints how the grammar scopes each line of a file, one token per line:
//   LINE:COL  "text"  scope scope …   (the root scope text.un-outcome left out)
// Columns are 1-based UTF-16 code units, as the test files count them.
//   npm run tokens -- ../tests/fixtures/seed/000_e12bae3abcaa388b.txt
//   npm run tokens -- --assert FILE   prints each line followed by `%% ^^^ scope`
//                                      assertion lines, a starting point for a test file
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const grammarPath = path.join(here, '..', 'un-outcome.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.un-outcome') return null;
      const text = fs.readFileSync(grammarPath, 'utf8');
      return vsctm.parseRawGrammar(text, grammarPath);
    },
  });
  return registry.loadGrammar('text.un-outcome');
}

async function main() {
  const args = process.argv.slice(2);
  const assertMode = args[0] === '--assert';
  const file = assertMode ? args[1] : args[0];
  if (!file) {
    console.error('usage: tokens.js [--assert] FILE');
    process.exit(2);
  }
  const grammar = await loadGrammar();
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  let state = vsctm.INITIAL;
  lines.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    if (assertMode) {
      console.log(line);
      for (const t of r.tokens) {
        const scopes = t.scopes.slice(1);
        if (scopes.length === 0 || line.slice(t.startIndex, t.endIndex).trim() === '') continue;
        const len = t.endIndex - t.startIndex;
        if (t.startIndex < 3) console.log(`%% <${'~'.repeat(t.startIndex)}${'-'.repeat(len)} ${scopes.join(' ')}`);
        else console.log(`%%${' '.repeat(t.startIndex - 2)}${'^'.repeat(len)} ${scopes.join(' ')}`);
      }
      return;
    }
    for (const t of r.tokens) {
      const scopes = t.scopes.slice(1);
      if (scopes.length === 0) continue;
      const text = line.slice(t.startIndex, t.endIndex);
      console.log(`${i + 1}:${t.startIndex + 1}\t${JSON.stringify(text)}\t${scopes.join(' ')}`);
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
