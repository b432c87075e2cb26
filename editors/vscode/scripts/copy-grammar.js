#!/usr/bin/env node
// Copies the TextMate grammar from the repository's grammars/ folder into
// syntaxes/, where the extension manifest points (run by `npm run compile`).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const source = path.join(root, '..', '..', 'grammars', 'un-outcome.tmLanguage.json');
const targetDir = path.join(root, 'syntaxes');
const target = path.join(targetDir, 'un-outcome.tmLanguage.json');

const text = fs.readFileSync(source, 'utf8');
JSON.parse(text); // fail early on a broken grammar
fs.mkdirSync(targetDir, { recursive: true });
fs.writeFileSync(target, text);
console.log(`copied ${path.relative(root, source)} -> ${path.relative(root, target)}`);
