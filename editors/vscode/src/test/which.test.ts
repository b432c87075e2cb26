// Where the extension looks for the server, in order: the setting
// rapporteur.server.path, PATH, Cargo's bin directory.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { serverCommand } from '../settings';
import { describe as describeLocated, locateServer, notFoundMessage } from '../which';
import { SYMBOL_KIND_CLASS, SYMBOL_KIND_STRING, preferServerSymbols } from '../symbols';

const posix = { skip: process.platform === 'win32' };

/** A scratch home with `bin/` (for PATH), `.cargo/bin/` and `opt/`; `put` makes an executable. */
function scratch(): { root: string; home: string; pathDir: string; cargoDir: string; put: (file: string) => string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-lookup-'));
  const home = path.join(root, 'home');
  const pathDir = path.join(root, 'bin');
  const cargoDir = path.join(home, '.cargo', 'bin');
  for (const d of [home, pathDir, cargoDir, path.join(root, 'opt')]) fs.mkdirSync(d, { recursive: true });
  const put = (file: string) => {
    fs.writeFileSync(file, '#!/bin/sh\n');
    fs.chmodSync(file, 0o755);
    return file;
  };
  return { root, home, pathDir, cargoDir, put };
}

test('lookup: the setting wins over PATH and Cargo, and nothing else is tried', posix, () => {
  const s = scratch();
  try {
    s.put(path.join(s.pathDir, 'rapporteur'));
    s.put(path.join(s.cargoDir, 'rapporteur'));
    const mine = s.put(path.join(s.root, 'opt', 'rapporteur'));
    const env = { PATH: s.pathDir };
    const found = locateServer(mine, { env, home: s.home });
    assert.deepEqual(found, { path: mine, source: 'setting', searched: [`rapporteur.server.path: ${mine}`] });
    assert.equal(describeLocated(found), `${mine} (from the setting rapporteur.server.path)`);
    // a setting that names a missing file is an error, not a silent fall-back to PATH
    const missing = path.join(s.root, 'opt', 'nothing-here');
    const notFound = locateServer(missing, { env, home: s.home });
    assert.equal(notFound.path, undefined);
    assert.equal(notFound.source, 'setting');
    assert.match(notFoundMessage(missing, notFound), /rapporteur\.server\.path/);
    assert.ok(notFoundMessage(missing, notFound).includes(missing));
    // `~/…` is the home directory; a relative path is taken against the workspace folder
    const inHome = s.put(path.join(s.home, 'rapporteur-dev'));
    assert.equal(locateServer('~/rapporteur-dev', { env, home: s.home }).path, inHome);
    assert.equal(locateServer('./opt/rapporteur', { env, home: s.home, cwd: s.root }).path, mine);
  } finally {
    fs.rmSync(s.root, { recursive: true, force: true });
  }
});

test('lookup: PATH before Cargo\'s bin', posix, () => {
  const s = scratch();
  try {
    const onPath = s.put(path.join(s.pathDir, 'rapporteur'));
    s.put(path.join(s.cargoDir, 'rapporteur'));
    for (const setting of [undefined, '', '  ', 'rapporteur']) {
      const found = locateServer(setting, { env: { PATH: `/nonexistent${path.delimiter}${s.pathDir}` }, home: s.home });
      assert.equal(found.path, onPath, String(setting));
      assert.equal(found.source, 'PATH');
      assert.equal(describeLocated(found), `${onPath} (found on PATH)`);
    }
  } finally {
    fs.rmSync(s.root, { recursive: true, force: true });
  }
});

test('lookup: not on PATH, found in ~/.cargo/bin (or $CARGO_HOME/bin)', posix, () => {
  const s = scratch();
  try {
    const cargo = s.put(path.join(s.cargoDir, 'rapporteur'));
    const found = locateServer(undefined, { env: { PATH: s.pathDir }, home: s.home });
    assert.equal(found.path, cargo);
    assert.equal(found.source, 'cargo');
    assert.deepEqual(found.searched, [`PATH: ${s.pathDir}`, `Cargo's bin: ${cargo}`]);
    assert.match(describeLocated(found), /Cargo's bin directory: not on PATH/);
    // a file without the execute bit is not taken
    fs.chmodSync(cargo, 0o644);
    assert.equal(locateServer(undefined, { env: { PATH: s.pathDir }, home: s.home }).path, undefined);
    // CARGO_HOME moves Cargo's bin
    const cargoHome = path.join(s.root, 'cargo-home');
    fs.mkdirSync(path.join(cargoHome, 'bin'), { recursive: true });
    const moved = s.put(path.join(cargoHome, 'bin', 'rapporteur'));
    const viaCargoHome = locateServer(undefined, { env: { PATH: s.pathDir, CARGO_HOME: cargoHome }, home: s.home });
    assert.equal(viaCargoHome.path, moved);
    assert.equal(viaCargoHome.source, 'cargo');
  } finally {
    fs.rmSync(s.root, { recursive: true, force: true });
  }
});

test('lookup: nowhere — the message names every place looked in', posix, () => {
  const s = scratch();
  try {
    const found = locateServer(undefined, { env: { PATH: `${s.pathDir}${path.delimiter}/usr/local/nothing` }, home: s.home });
    assert.equal(found.path, undefined);
    const message = notFoundMessage(undefined, found);
    assert.ok(message.includes(`PATH: ${s.pathDir}${path.delimiter}/usr/local/nothing`), message);
    assert.ok(message.includes(path.join(s.cargoDir, 'rapporteur')), message);
    assert.match(message, /cargo install/);
    assert.match(message, /rapporteur\.server\.path/);
  } finally {
    fs.rmSync(s.root, { recursive: true, force: true });
  }
});

test('lookup on Windows: PATHEXT on PATH, then %USERPROFILE%\\.cargo\\bin\\rapporteur.exe', () => {
  // A fake, case-insensitive file system: Windows paths cannot be made on this one.
  const files = new Set<string>();
  const isExecutable = (file: string) => files.has(file.toLowerCase());
  const env = { Path: 'C:\\Windows\\system32;C:\\tools', PATHEXT: '.COM;.EXE;.BAT;.CMD', USERPROFILE: 'C:\\Users\\me' };
  const opts = { env, platform: 'win32' as const, home: 'C:\\Users\\me', cwd: 'C:\\work', isExecutable };

  const none = locateServer(undefined, opts);
  assert.equal(none.path, undefined);
  assert.deepEqual(none.searched, ['PATH: C:\\Windows\\system32;C:\\tools', "Cargo's bin: C:\\Users\\me\\.cargo\\bin\\rapporteur.exe"]);

  files.add('c:\\users\\me\\.cargo\\bin\\rapporteur.exe');
  const cargo = locateServer(undefined, opts);
  assert.equal(cargo.source, 'cargo');
  assert.equal(cargo.path?.toLowerCase(), 'c:\\users\\me\\.cargo\\bin\\rapporteur.exe');

  files.add('c:\\tools\\rapporteur.exe');
  const onPath = locateServer('rapporteur', opts);
  assert.equal(onPath.source, 'PATH');
  assert.equal(onPath.path?.toLowerCase(), 'c:\\tools\\rapporteur.exe');

  files.add('d:\\bin\\rapporteur.exe');
  const setting = locateServer('D:\\bin\\rapporteur.exe', opts);
  assert.equal(setting.source, 'setting');
  assert.equal(setting.path, 'D:\\bin\\rapporteur.exe');
});

test('the server is started with the binary found, as `<binary> lsp --stdio`', () => {
  assert.deepEqual(serverCommand(() => undefined).args, ['lsp', '--stdio']);
});

test('outline: the server\'s String symbols are shown as Class, children included', () => {
  const symbols: { name: string; kind: number; children?: { name: string; kind: number; children?: { name: string; kind: number }[] }[] }[] = [
    { name: 'Annex', kind: 1, children: [{ name: 'Subheading', kind: SYMBOL_KIND_STRING, children: [{ name: 'Paragraph 1', kind: 7 }] }] },
    { name: 'Crossheading', kind: SYMBOL_KIND_STRING },
  ];
  preferServerSymbols(symbols);
  assert.equal(symbols[0].kind, 1);
  assert.equal(symbols[0].children?.[0].kind, SYMBOL_KIND_CLASS);
  assert.equal(symbols[0].children?.[0].children?.[0].kind, 7);
  assert.equal(symbols[1].kind, SYMBOL_KIND_CLASS);
  assert.equal(preferServerSymbols(null), null);
});
