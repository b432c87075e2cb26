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

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { check, env, finish, launchChromium, shotsFolder, sleep, waitFor, workbench } from './harness.mjs';

const shots = shotsFolder();

// Where the reference is (1-based line, UTF-16 column as VS Code counts it: the
// line has an em dash and curly quotes before it) and where it must land.
const draftName = basename(env('DRAFT_PATH'));
const reportName = basename(env('REPORT_PATH'));
const draftLines = readFileSync(env('DRAFT_PATH'), 'utf8').split('\n');
const refLine = draftLines.findIndex((l) => l.includes('paragraph 3 of the annex')) + 1;
const refColumn = draftLines[refLine - 1].indexOf('paragraph 3 of the annex') + 'paragraph '.length + 1;
const reportLines = readFileSync(env('REPORT_PATH'), 'utf8').split('\n');
const wantLine = reportLines.findIndex((l) => /^3\. States undertake/.test(l)) + 1;

const browser = await launchChromium();

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(env('CODE_URL'));
  check('the workbench loads', await waitFor(() => page.$('.monaco-workbench')));
  await sleep(2000);

  const { cursor, activeTab, tabs, command, openFile, goTo } = workbench(page);

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
    // The status bar can show the draft's cursor for a moment after the
    // report's tab becomes active: wait for the report's own position.
    landed = await waitFor(async () => {
      if (!(await activeTab()).includes(reportName)) return null;
      const at = await cursor();
      return at && !(at[0] === refLine && at[1] === refColumn) ? at : null;
    }, 5000);
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
finish('vscode e2e workspace');
