// What the end-to-end scripts (drive.mjs, workspace.mjs) share: the environment,
// the tally of checks, waiting, headless Chromium, and the workbench as a user
// drives it (status bar, tabs, keys, Explorer, Go to Line).

import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/// The screenshot folder (SHOTS), created.
export function shotsFolder() {
  const shots = env('SHOTS');
  mkdirSync(shots, { recursive: true });
  return shots;
}

let passed = 0;
let failed = 0;

/// One check: a line "ok …" or "FAIL …: detail"; returns `ok`.
export function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok     ${name}`);
  } else {
    failed++;
    console.log(`FAIL   ${name}${detail === undefined ? '' : `: ${detail}`}`);
  }
  return ok;
}

/// Prints "<label>: N passed, N failed" and exits 1 when a check failed.
export function finish(label) {
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Calls `fn` until it gives a truthy value or `ms` have passed; returns its last value.
export async function waitFor(fn, ms = 60000) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await fn().catch(() => undefined);
    if (value) return value;
    await sleep(250);
  }
  return value;
}

/// Debian's Chromium (or CHROMIUM), headless, with what this machine's closed network needs.
export async function launchChromium() {
  const { chromium } = await import(pathToFileURL(env('PLAYWRIGHT')).href);
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/// The workbench in `page`, driven as a user drives it.
export function workbench(page) {
  const statusText = async (id) => {
    const item = await waitFor(() => page.$(`.statusbar-item[id="${id}"]`), 10000);
    return item ? (await item.getAttribute('aria-label')) || '' : '';
  };
  const cursor = async () => {
    const m = /Ln (\d+), Col (\d+)/.exec(await statusText('status.editor.selection'));
    return m ? [Number(m[1]), Number(m[2])] : null;
  };
  const activeTab = async () => page.$eval('.tab.active', (e) => e.getAttribute('aria-label') || e.textContent);
  const tabs = async () => page.$$eval('.tabs-container .tab', (els) => els.map((e) => e.getAttribute('aria-label') || ''));
  async function command(keys) {
    for (const key of keys) await page.keyboard.press(key);
  }
  // Open a file as a user does: a click on it in the Explorer (Quick Open when the
  // Explorer does not show it).
  async function openFile(name) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await waitFor(() => page.$(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`), 10000);
      if (row) {
        await row.click();
      } else {
        await command(['Control+P']);
        await sleep(800);
        await page.keyboard.type(name);
        await sleep(800);
        await page.keyboard.press('Enter');
      }
      if (await waitFor(async () => (await activeTab()).includes(name), 10000)) return true;
    }
    return false;
  }
  async function goTo(line, column) {
    await command(['Control+G']);
    await sleep(300);
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await waitFor(async () => {
      const at = await cursor();
      return at && at[0] === line && at[1] === column;
    }, 5000);
  }
  return { statusText, cursor, activeTab, tabs, command, openFile, goTo };
}
