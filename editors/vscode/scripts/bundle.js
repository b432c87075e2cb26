#!/usr/bin/env node
// Bundles the client and its runtime dependencies (vscode-languageclient) into
// dist/extension.js, so that the .vsix needs no node_modules.
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
esbuild
  .build({
    entryPoints: [path.join(root, 'src', 'extension.ts')],
    outfile: path.join(root, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: false,
    minify: true,
    keepNames: true,
    logLevel: 'warning',
  })
  .then(() => console.log('bundled src/extension.ts -> dist/extension.js'))
  .catch(() => process.exit(1));
