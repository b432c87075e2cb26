import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { DETECT, LANGUAGES, LEVELS, initializationOptions, serverCommand } from '../settings';
import { findExecutable } from '../which';

const getter = (values: Record<string, unknown>) => (key: string) => values[key];

test('defaults: auto language, no overrides, rapporteur on PATH', () => {
  assert.deepEqual(initializationOptions(getter({})), {
    rapporteur: {
      language: 'auto',
      diagnostics: {},
      detect: 'auto',
      include: [],
      exclude: [],
      inlayHints: true,
      codeLens: true,
    },
  });
  assert.deepEqual(serverCommand(getter({})), {
    command: 'rapporteur',
    args: ['lsp', '--stdio'],
    env: { RAPPORTEUR_LOG: 'info' },
  });
});

test('settings are passed in the shape the server reads', () => {
  const problems: string[] = [];
  const opts = initializationOptions(
    getter({
      language: 'ZH',
      diagnostics: { 'vote.duplicate': 'Error', 'structure.inline-heading': 'off' },
      detect: 'always',
      include: ['drafts/**/*.txt'],
      exclude: [' **/README.md '],
      inlayHints: false,
    }),
    problems,
  );
  assert.deepEqual(opts, {
    rapporteur: {
      language: 'zh',
      diagnostics: { 'vote.duplicate': 'error', 'structure.inline-heading': 'off' },
      detect: 'always',
      include: ['drafts/**/*.txt'],
      exclude: ['**/README.md'],
      inlayHints: false,
      codeLens: true,
    },
  });
  assert.deepEqual(problems, []);
});

test('bad values are dropped and reported', () => {
  const problems: string[] = [];
  const opts = initializationOptions(
    getter({
      language: 'xx',
      diagnostics: { 'vote.count': 'loud', 'numbering.gap': false },
      detect: 'sometimes',
      include: 'drafts/**',
      exclude: ['notes/**', 3],
      codeLens: 'yes',
    }),
    problems,
  );
  assert.deepEqual(opts, {
    rapporteur: {
      language: 'auto',
      diagnostics: { 'numbering.gap': 'off' },
      detect: 'auto',
      include: [],
      exclude: ['notes/**'],
      inlayHints: true,
      codeLens: true,
    },
  });
  assert.equal(problems.length, 6, problems.join('\n'));
  assert.deepEqual(initializationOptions(getter({ diagnostics: ['x'] }), problems).rapporteur.diagnostics, {});
});

test('negotiation words are sent only when set, cleaned', () => {
  const problems: string[] = [];
  const opts = initializationOptions(
    getter({
      negotiation: { delegations: [' Wakanda ', ''], verbs: ['strike'], agreed: 'agreed at PrepCom', tags: ['x'] },
    }),
    problems,
  );
  assert.deepEqual(opts.rapporteur.negotiation, { delegations: ['Wakanda'], verbs: ['strike'] });
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.equal(initializationOptions(getter({ negotiation: {} })).rapporteur.negotiation, undefined);
  assert.equal('negotiation' in initializationOptions(getter({})).rapporteur, false);
});

test('server path and log level', () => {
  const cmd = serverCommand(getter({ 'server.path': ' /opt/rapporteur/bin/rapporteur ', 'server.logLevel': 'debug' }));
  assert.equal(cmd.command, '/opt/rapporteur/bin/rapporteur');
  assert.equal(cmd.env.RAPPORTEUR_LOG, 'debug');
  assert.equal(serverCommand(getter({ 'server.path': '', 'server.logLevel': 'loud' })).command, 'rapporteur');
  assert.equal(serverCommand(getter({ 'server.logLevel': 'loud' })).env.RAPPORTEUR_LOG, 'info');
});

test('findExecutable looks on PATH and takes paths as paths', { skip: process.platform === 'win32' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-which-'));
  try {
    const bin = path.join(dir, 'rapporteur');
    fs.writeFileSync(bin, '#!/bin/sh\n');
    fs.chmodSync(bin, 0o755);
    const notExec = path.join(dir, 'plain');
    fs.writeFileSync(notExec, '');
    assert.equal(findExecutable('rapporteur', { PATH: `/nonexistent${path.delimiter}${dir}` }), bin);
    assert.equal(findExecutable('rapporteur', { PATH: '/nonexistent' }), undefined);
    assert.equal(findExecutable(bin, { PATH: '' }), bin);
    assert.equal(findExecutable('./rapporteur', { PATH: '' }, dir), bin);
    assert.equal(findExecutable('plain', { PATH: dir }), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The manifest and the code agree, and what the manifest points at exists.
const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('manifest: settings match what the code accepts', () => {
  const props = manifest.contributes.configuration.properties;
  assert.deepEqual(props['rapporteur.language'].enum, [...LANGUAGES]);
  assert.deepEqual(props['rapporteur.detect'].enum, [...DETECT]);
  assert.equal(props['rapporteur.include'].type, 'array');
  assert.equal(props['rapporteur.exclude'].type, 'array');
  assert.equal(props['rapporteur.server.path'].default, 'rapporteur');
  const diag = props['rapporteur.diagnostics'];
  assert.deepEqual(diag.additionalProperties.enum, [...LEVELS]);
  for (const [code, schema] of Object.entries<{ enum: string[] }>(diag.properties)) {
    assert.match(code, /^[a-z]+\.[a-z-]+$/);
    assert.deepEqual(schema.enum, [...LEVELS], code);
  }
  assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'rapporteur.restartServer'));
});

test('manifest: the un-outcome language, its grammar and configuration', () => {
  const lang = manifest.contributes.languages.find((l: { id: string }) => l.id === 'un-outcome');
  assert.deepEqual(lang.extensions, ['.un.txt', '.un.md']);
  const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'un-outcome');
  const grammarFile = JSON.parse(fs.readFileSync(path.join(root, grammar.path), 'utf8'));
  assert.equal(grammarFile.scopeName, grammar.scopeName);
  const original = JSON.parse(
    fs.readFileSync(path.join(root, '..', '..', 'grammars', 'un-outcome.tmLanguage.json'), 'utf8'),
  );
  assert.deepEqual(grammarFile, original, 'syntaxes/ holds a stale copy: run `npm run compile`');
  const conf = JSON.parse(fs.readFileSync(path.join(root, lang.configuration), 'utf8'));
  const pairs = conf.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
  for (const pair of ['《》', '()', '“”', '（）']) assert.ok(pairs.includes(pair), pair);
  assert.ok(conf.brackets.some((b: string[]) => b[0] === '《' && b[1] === '》'));
  for (const event of ['onLanguage:markdown', 'onLanguage:plaintext', 'onLanguage:un-outcome']) {
    assert.ok(manifest.activationEvents.includes(event), event);
  }
});

test('manifest: semantic token scopes use the legend the server is to send', () => {
  const standardTypes = ['namespace', 'class', 'number', 'enumMember', 'property', 'type', 'macro', 'string', 'enum', 'keyword'];
  const modifiers = new Set(['declaration', ...manifest.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id)]);
  const languages = manifest.contributes.semanticTokenScopes.map((s: { language: string }) => s.language).sort();
  assert.deepEqual(languages, ['markdown', 'plaintext', 'un-outcome']);
  for (const { scopes } of manifest.contributes.semanticTokenScopes) {
    for (const [selector, textmate] of Object.entries<string[]>(scopes)) {
      const [type, ...mods] = selector.split('.');
      assert.ok(standardTypes.includes(type), selector);
      for (const m of mods) assert.ok(modifiers.has(m), `${selector}: unknown modifier ${m}`);
      assert.ok(textmate.length > 0 && textmate.every((s) => s.endsWith('.un-outcome')), selector);
    }
  }
});
