// The bundle that goes into the .vsix loads with nothing but `vscode` outside it
// (stood in for here by a permissive stub) and exports the extension entry points.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');

function permissiveStub(): unknown {
  const handler: ProxyHandler<object> = {
    get: (target: Record<string | symbol, unknown>, key) => {
      if (key === '__esModule' || key === 'then') return undefined;
      if (!(key in target)) target[key] = new Proxy(function () {}, handler);
      return target[key];
    },
    apply: () => new Proxy(function () {}, handler),
    construct: () => new Proxy({}, handler),
  };
  return new Proxy({}, handler);
}

test('dist/extension.js loads and exports activate and deactivate', () => {
  const bundle = path.join(__dirname, '..', '..', 'dist', 'extension.js');
  assert.ok(fs.existsSync(bundle), 'dist/extension.js is missing: run `npm run compile`');
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.equal(path.normalize(manifest.main), path.normalize('./dist/extension.js'));
  const originalLoad = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return permissiveStub();
    return originalLoad.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(bundle);
    assert.equal(typeof ext.activate, 'function');
    assert.equal(typeof ext.deactivate, 'function');
    const languages = new Set(ext.DOCUMENT_SELECTOR.map((s: { language: string }) => s.language));
    assert.deepEqual([...languages].sort(), ['markdown', 'plaintext', 'un-outcome']);
    const schemes = new Set(ext.DOCUMENT_SELECTOR.map((s: { scheme: string }) => s.scheme));
    assert.deepEqual([...schemes].sort(), ['file', 'untitled']);
  } finally {
    Module._load = originalLoad;
  }
});
