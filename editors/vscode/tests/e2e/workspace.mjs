// Drives a real VS Code (code-server in headless Chromium) on a two-document
// workspace (editors/tests/workspace): opens the draft, puts the cursor on
// "paragraph 3 of the annex to document A/CONF.300/2026/3" and presses F12; the
// report (the other file of the folder, never opened before: the server indexed it
// from disk) must open with the cursor on paragraph 3 of its annex; Go Back
// returns to the draft.
//
// Run by run.sh. Environment:
//   CODE_URL      code-server's URL with ?folder=… (the two-document folder)
//   DRAFT_PATH    the draft in that folder
//   REPORT_PATH   the report in that folder
//   SHOTS         where to write the screenshot
//   CHROMIUM      the browser (default /usr/bin/chromium)
//   PLAYWRIGHT    the playwright-core module to import
// Prints one line per check and "N passed, N failed"; exits 1 when a check failed.

import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const { chromium } = await import(pathToFileURL(env('PLAYWRIGHT')).href);
const shots = env('SHOTS');
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok     ${name}`);
  } else {
    failed++;
    console.log(`FAIL   ${name}${detail === undefined ? '' : `: ${detail}`}`);
  }
  return ok;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(fn, ms = 60000) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await fn().catch(() => undefined);
    if (value) return value;
    await sleep(250);
  }
  return value;
}

// Where the reference is (1-based line, UTF-16 column as VS Code counts it: the
// line has an em dash and curly quotes before it) and where it must land.
const draftName = basename(env('DRAFT_PATH'));
const reportName = basename(env('REPORT_PATH'));
const draftLines = readFileSync(env('DRAFT_PATH'), 'utf8').split('\n');
const refLine = draftLines.findIndex((l) => l.includes('paragraph 3 of the annex')) + 1;
const refColumn = draftLines[refLine - 1].indexOf('paragraph 3 of the annex') + 'paragraph '.length + 1;
const reportLines = readFileSync(env('REPORT_PATH'), 'utf8').split('\n');
const wantLine = reportLines.findIndex((l) => /^3\. States undertake/.test(l)) + 1;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(env('CODE_URL'));
  check('the workbench loads', await waitFor(() => page.$('.monaco-workbench')));
  await sleep(2000);

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

  check(`the draft cites paragraph 3 of the annex (line ${refLine}) and the report has it (line ${wantLine})`,
    refLine > 0 && wantLine > 0);
  check(`the Explorer opens ${draftName}`, await openFile(draftName));
  check(`${reportName} is not open (the server reads it from the folder)`,
    !(await tabs()).some((t) => t.includes(reportName)), JSON.stringify(await tabs()));

  // F12 until the report opens: the server indexes the folder in the background.
  let landed = null;
  const deadline = Date.now() + 60000;
  while (!landed && Date.now() < deadline) {
    if (!(await activeTab()).includes(draftName)) await openFile(draftName);
    await goTo(refLine, refColumn);
    await sleep(500);
    await command(['F12']);
    landed = await waitFor(async () => ((await activeTab()).includes(reportName) ? await cursor() : null), 5000);
  }
  check(`F12 on the reference opens ${reportName}`, landed, JSON.stringify(await tabs()));
  check(`… at paragraph 3 of its annex (line ${wantLine})`, landed && landed[0] === wantLine && landed[1] === 1,
    JSON.stringify(landed));
  await sleep(500);
  await page.screenshot({ path: join(shots, 'vscode-workspace-definition.png') });

  // Go Back (the command palette's "Go Back"; its key differs per platform): the draft, at the reference.
  await command(['F1']);
  await sleep(800);
  await page.keyboard.type('Go Back');
  await sleep(800);
  await page.keyboard.press('Enter');
  const back = await waitFor(async () => ((await activeTab()).includes(draftName) ? await cursor() : null), 10000);
  check(`Go Back returns to ${draftName} at the reference`, back && back[0] === refLine, JSON.stringify(back));
} catch (error) {
  check('the run finished', false, error && error.stack);
} finally {
  await browser.close();
}
console.log(`vscode e2e workspace: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
