// Drives a real VS Code (code-server in headless Chromium) with the rapporteur
// extension installed: opens the seed, reads the Problems panel, hovers and jumps
// from seed line 110, shows the outline, opens README.md, tries the Markdown outline
// settings of README.md on a Markdown draft; applies the renumber quick fix and a
// rename on the seed; takes screenshots.
//
// Run by run.sh. Environment:
//   CODE_URL        code-server's URL with ?folder=… (the workspace holding the files below)
//   SEED_NAME       the seed's file name in the workspace
//   README_NAME     a Markdown file that is not a UN document (README.md)
//   MD_NAME, MD_PATH  a Markdown draft with a `#` heading (examples/draft-resolution_en.md)
//   SETTINGS        the profile's settings.json (the Markdown outline settings are added to it)
//   README_PATH     README.md, whose "files.associations" block is tried as written
//   EXPECTED        `rapporteur check --format json` output for the seed
//   SHOTS           where to write the screenshots
//   CHROMIUM        the browser (default /usr/bin/chromium)
//   PLAYWRIGHT      the playwright-core module to import
// Prints one line per check and "N passed, N failed"; exits 1 when a check failed.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, env, finish, launchChromium, shotsFolder, sleep, waitFor as waitUntil, workbench } from './harness.mjs';

const shots = shotsFolder();
// `what` names the wait for whoever reads this script; the harness needs only `fn`.
const waitFor = (what, fn, ms) => waitUntil(fn, ms);

// What the server says about the seed. VS Code's Problems panel leaves hints out.
const expected = JSON.parse(readFileSync(env('EXPECTED'), 'utf8')).files[0].diagnostics;
const severityName = { error: 'Error', warning: 'Warning', information: 'Info' };
const shown = expected
  .filter((d) => d.severity in severityName)
  .map((d) => `${severityName[d.severity]} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`)
  .sort();
const count = (severity) => expected.filter((d) => d.severity === severity).length;

const browser = await launchChromium();

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(env('CODE_URL'));
  check('the workbench loads', await waitFor('workbench', () => page.$('.monaco-workbench')));
  await sleep(2000);

  const { statusText, cursor, command, openFile, goTo } = workbench(page);
  const problemCounts = async () => {
    const label = await statusText('status.problems');
    const n = (word) => Number((new RegExp(`${word}: (\\d+)`).exec(label) || [0, 0])[1]);
    return { errors: n('Errors'), warnings: n('Warnings'), infos: n('Infos'), label };
  };

  // 1. The seed: diagnostics in the status bar and the Problems panel.
  const seedName = env('SEED_NAME');
  check(`the Explorer opens ${seedName}`, await openFile(seedName));
  check('the language mode is Plain Text',
    await waitFor('mode', async () => (await statusText('status.editor.mode')) === 'Plain Text', 10000));
  const counts = await waitFor('diagnostics', async () => {
    const c = await problemCounts();
    return c.errors + c.warnings + c.infos >= shown.length ? c : null;
  });
  check(
    `the status bar counts the server's diagnostics (${count('error')} errors, ${count('warning')} warnings)`,
    counts && counts.errors === count('error') && counts.warnings === count('warning') && counts.infos === count('information'),
    counts && counts.label,
  );

  await command(['Control+Shift+M']);
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 10000 }).catch(() => {});
  await sleep(1000);
  const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) =>
    els.map((e) => ({ label: e.getAttribute('aria-label') || '', text: e.textContent || '' })));
  const problems = rows
    .map(({ label, text }) => {
      const m = /^(Error|Warning|Info): .* at line (\d+) and character (\d+)\./.exec(label);
      const code = /rapporteur([a-z.-]+)\[Ln/.exec(text);
      return m && code ? `${m[1]} ${code[1]} ${m[2]}:${m[3]}` : null;
    })
    .filter(Boolean)
    .sort();
  check(
    `the Problems panel lists the server's ${shown.length} diagnostics (code, line, column)`,
    JSON.stringify(problems) === JSON.stringify(shown),
    `\n  shown    ${JSON.stringify(problems)}\n  expected ${JSON.stringify(shown)}`,
  );
  check('the Problems panel shows the related locations ("the annex" at 172:1)',
    rows.some(({ label }) => /^the annex at line 172 and character 1 /.test(label)));

  // The squiggle under 附件一 on line 156, with the Problems panel open (the cursor
  // on the blank line below, so that nothing hides the squiggle).
  await goTo(156, 63);
  await goTo(157, 1);
  await sleep(800);
  const squiggles = await page.$$eval('.monaco-editor .squiggly-warning', (els) => els.length);
  check('warning squiggles are drawn in the editor', squiggles > 0, `${squiggles}`);
  await page.screenshot({ path: join(shots, 'vscode-problems.png') });

  // 2. Hover on 第一节第 16 段 (line 110): paragraph 16 of section I of the annex.
  await command(['Control+J']); // close the panel: more room for the hover
  const line110 = readFileSync(env('SEED_PATH'), 'utf8').split('\n')[109];
  const at = line110.indexOf('第一节第 16 段');
  check('seed line 110 has 第一节第 16 段', at >= 0);
  await goTo(110, at + 6); // on "16" (UTF-16 column; these characters are all in the BMP)
  await command(['Control+K', 'Control+I']); // Show or Focus Hover
  const hover = await waitFor('hover', async () => {
    const text = await page.$$eval('.monaco-hover', (els) => els.map((e) => e.textContent).join('\n'));
    return text.includes('paragraph 16') ? text : null;
  }, 15000);
  check('the hover shows "Annex, section I, paragraph 16" and its text',
    hover && hover.includes('Annex, section I, paragraph 16') && hover.includes('我们欢迎以协商一致方式通过'),
    JSON.stringify(hover && hover.slice(0, 200)));
  await sleep(500);
  await page.screenshot({ path: join(shots, 'vscode-hover.png') });
  await command(['Escape']);

  // 3. F12: go to definition, line 206.
  await sleep(300);
  await command(['F12']);
  const target = await waitFor('definition', async () => {
    const c = await cursor();
    return c && c[0] === 206 ? c : null;
  }, 15000);
  check('F12 jumps to line 206 (paragraph 16 of the annex)', target, JSON.stringify(await cursor()));

  // 4. The outline, following the cursor at line 206.
  await command(['Control+Shift+E']); // Explorer
  await sleep(500);
  const outlineHeader = await page.$('.pane-header[aria-label^="Outline"]');
  if (outlineHeader && (await outlineHeader.getAttribute('aria-expanded')) !== 'true') {
    await outlineHeader.click();
  }
  // Collapse the folder tree so the outline has the room.
  const folderHeader = await page.$('.explorer-viewlet .pane-header[aria-expanded="true"]:not([aria-label^="Outline"])');
  if (folderHeader) await folderHeader.click();
  const outline = await waitFor('outline', async () => {
    const labels = await page.$$eval('.outline-pane .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
    return labels.length > 3 ? labels : null;
  }, 20000);
  check('the Outline view lists the sections (一. 引言, 二. 组织事项和会议记录)',
    outline && outline.some((l) => l.includes('一. 引言')) && outline.some((l) => l.includes('二. 组织事项和会议记录')),
    JSON.stringify(outline && outline.slice(0, 8)));
  // The breadcrumbs follow the cursor: annex › section › subheading › paragraph.
  await goTo(206, 3);
  await sleep(800);
  const crumbs = await page.$$eval('.breadcrumbs-control .monaco-breadcrumb-item',
    (els) => els.map((e) => e.textContent.trim()));
  check('the breadcrumbs at line 206 read … › Annex › 一. 《2018 年宣言》 › … › Paragraph 16',
    crumbs.some((c) => c.startsWith('Annex')) && crumbs.some((c) => c.startsWith('一. 《2018 年宣言》')) &&
      crumbs.length > 0 && crumbs[crumbs.length - 1].startsWith('Paragraph 16'),
    JSON.stringify(crumbs));

  // The outline collapsed to its top level, with the annex opened: its sections.
  const outlineTop = JSON.parse(readFileSync(env('OUTLINE'), 'utf8')).nodes;
  const name = (n) => (n.kind === 'annex' ? 'Annex' : n.kind === 'title_block' ? 'Title' : `${n.number}. ${n.title}`);
  const annex = outlineTop.find((n) => n.kind === 'annex');
  const wanted = outlineTop.flatMap((n) => (n === annex ? [n, ...n.children] : [n])).map(name);
  await page.hover('.pane-header[aria-label^="Outline"]');
  await page.click('.pane-header[aria-label^="Outline"] .codicon-collapse-all', { timeout: 5000 }).catch(() => {});
  await sleep(500);
  await page.click('.outline-pane .monaco-list-row[aria-label^="Annex"] .monaco-tl-twistie', { timeout: 5000 }).catch(() => {});
  const rowsShown = await waitFor('outline rows', async () => {
    const labels = await page.$$eval('.outline-pane .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') || ''));
    return labels.length === wanted.length ? labels : null;
  }, 10000);
  check(`the Outline shows the top level and the annex's sections (${wanted.length} rows, as rapporteur outline)`,
    rowsShown && wanted.every((w, i) => rowsShown[i].startsWith(w)),
    JSON.stringify(rowsShown) + ' vs ' + JSON.stringify(wanted));
  await page.mouse.move(900, 500);
  await sleep(500);
  await page.screenshot({ path: join(shots, 'vscode-outline.png') });

  // 5. README.md: Markdown, not a UN document: no new problems.
  const before = await problemCounts();
  check(`the Explorer opens ${env('README_NAME')}`, await openFile(env('README_NAME')));
  check('the language mode is Markdown',
    await waitFor('mode', async () => (await statusText('status.editor.mode')) === 'Markdown', 10000));
  await sleep(5000);
  const after = await problemCounts();
  check('README.md adds no problems', after.label === before.label, `${before.label} -> ${after.label}`);

  // 6. A Markdown draft with a `#` heading: the Markdown extension's outline and the
  // server's; then the README's setting "[markdown]": { "outline.showStrings": false,
  // "breadcrumbs.showStrings": false } (written to the user settings) leaves the server's.
  const mdName = env('MD_NAME');
  const mdLines = readFileSync(env('MD_PATH'), 'utf8').split('\n');
  const mdLine = mdLines.findIndex((l) => l.startsWith('2. ')) + 1;
  check(`the Explorer opens ${mdName}`, await openFile(mdName));
  check('the draft is Markdown',
    await waitFor('mode', async () => (await statusText('status.editor.mode')) === 'Markdown', 10000));
  const outlineRows = async () => page.$$eval('.outline-pane .monaco-list-row',
    (els) => els.map((e) => e.getAttribute('aria-label') || e.textContent || ''));
  const readCrumbs = async () => page.$$eval('.breadcrumbs-control .monaco-breadcrumb-item',
    (els) => els.map((e) => e.textContent.trim()));
  // the server's outline is there once the diagnostics are
  await waitFor('draft diagnostics', async () => (await problemCounts()).label !== after.label, 20000);
  await goTo(mdLine, 4);
  await sleep(1500);
  const crumbsBefore = await readCrumbs();
  const rowsBefore = (await waitFor('outline', async () => {
    const r = await outlineRows();
    return r.some((l) => l.startsWith('# ')) && r.some((l) => /^Paragraph 2\b/.test(l)) ? r : null;
  }, 15000)) || (await outlineRows());
  console.log(`info   Markdown draft, default settings: breadcrumbs at line ${mdLine}: ${JSON.stringify(crumbsBefore)}`);
  check('Markdown draft, default settings: the breadcrumbs follow the Markdown extension (# heading)',
    crumbsBefore.some((c) => c.startsWith('# ')), JSON.stringify(crumbsBefore));
  console.log(`info   Markdown draft, default settings: outline rows: ${JSON.stringify(rowsBefore.slice(0, 12))}`);
  check('Markdown draft: the Outline view shows both the Markdown headings (# …) and the server\'s paragraphs',
    rowsBefore.some((l) => l.startsWith('# ')) && rowsBefore.some((l) => /^Paragraph 2\b/.test(l)), JSON.stringify(rowsBefore));
  await page.screenshot({ path: join(shots, 'vscode-markdown-outline-default.png') });

  // Settings are read again after a window reload (code-server does not see the
  // file change by itself here).
  const settingsFile = env('SETTINGS');
  async function withSettings(extra) {
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, ...extra }, null, 2));
    await command(['F1']);
    await sleep(800);
    await page.keyboard.type('Developer: Reload Window');
    await sleep(800);
    await page.keyboard.press('Enter');
    await sleep(3000);
    await waitFor('workbench', () => page.$('.monaco-workbench'));
    await sleep(2000);
  }
  async function look(label) {
    await goTo(mdLine - 1, 1);
    await goTo(mdLine, 4);
    await sleep(2500);
    const crumbs = await readCrumbs();
    const rows = await outlineRows();
    const mode = await statusText('status.editor.mode');
    console.log(`info   ${label}: language mode ${mode}; breadcrumbs at line ${mdLine}: ${JSON.stringify(crumbs)}`);
    console.log(`info   ${label}: outline rows: ${JSON.stringify(rows.slice(0, 8))} … ${JSON.stringify(rows.slice(-3))}`);
    return { crumbs, rows, mode };
  }

  // B. The README's "[markdown]" block: the Markdown extension's String symbols hidden.
  const readme = readFileSync(env('README_PATH'), 'utf8');
  const readmeSetting = (key) => {
    const m = new RegExp('^```json\\n("' + key.replace(/[[\].]/g, '\\$&') + '"[^\\n]*)\\n```$', 'm').exec(readme);
    return m ? JSON.parse(`{${m[1]}}`) : null;
  };
  const serverCrumbs = (c) => c.length > 0 && c[c.length - 1].startsWith('Paragraph 2') &&
    c[c.length - 1].includes('Encourages') && !c.some((x) => x.startsWith('# '));
  const showStrings = readmeSetting('[markdown]');
  check('README.md gives the "[markdown]" outline setting', showStrings, 'none');
  await withSettings(showStrings || {});
  check(`the Explorer opens ${mdName} again`, await openFile(mdName));
  await waitFor('outline', async () => (await outlineRows()).some((l) => /^Paragraph 2\b/.test(l)), 20000);
  const withShowStrings = await look('Markdown draft, [markdown] showStrings false');
  check('with the README\'s "[markdown]" setting the breadcrumbs follow the server (… › Paragraph 2, no # heading)',
    serverCrumbs(withShowStrings.crumbs), JSON.stringify(withShowStrings.crumbs));
  check('… and the Outline view shows no Markdown heading',
    !withShowStrings.rows.some((l) => l.startsWith('# ')) && withShowStrings.rows.some((l) => /^Paragraph 2\b/.test(l)),
    JSON.stringify(withShowStrings.rows));
  await page.screenshot({ path: join(shots, 'vscode-markdown-outline-showstrings.png') });

  // C. The README's setting: the drafts' folder as the un-outcome language.
  const association = readmeSetting('files.associations');
  check('README.md gives a "files.associations" setting for drafts', association, 'none');
  await withSettings({ '[markdown]': {}, ...(association || {}) });
  check(`the Explorer opens ${mdName} again`, await openFile(mdName));
  await waitFor('outline', async () => (await outlineRows()).some((l) => /^Paragraph 2\b/.test(l)), 20000);
  const after2 = await look('Markdown draft in drafts/, files.associations');
  check('with the README\'s files.associations the draft is a UN outcome document', after2.mode === 'UN outcome document', after2.mode);
  check('… the breadcrumbs follow the server (… › Paragraph 2, no # heading)',
    serverCrumbs(after2.crumbs), JSON.stringify(after2.crumbs));
  check('… and the Outline view shows the server\'s outline alone',
    !after2.rows.some((l) => l.startsWith('# ') || l.startsWith('Markdown')) && after2.rows.some((l) => /^Paragraph 2\b/.test(l)),
    JSON.stringify(after2.rows));
  await page.screenshot({ path: join(shots, 'vscode-markdown-outline-un-outcome.png') });

  // 7. Drafting actions on the seed: a paragraph inserted before annex section II
  // paragraph 18, the renumber quick fix (Ctrl+.), then a rename (F2) from a reference.
  // The edits are the server's workspace edits; the extension adds no command.
  check(`the Explorer opens ${seedName} again`, await openFile(seedName));
  const seedLines = readFileSync(env('SEED_PATH'), 'utf8').split('\n');
  const visible = async () => page.$$eval('.monaco-editor .view-lines .view-line',
    (els) => els.map((e) => (e.textContent || '').replace(/\u00a0/g, ' ')));
  const showsLine = async (line, needle) => {
    await goTo(line, 1);
    await sleep(300);
    return (await visible()).some((l) => l.includes(needle));
  };
  check('seed lines 124 and 126 cite 第二节第 18 段', seedLines[123].includes('第二节第 18 段') && seedLines[125].includes('第二节第 18 段'));
  const errorsBefore = (await problemCounts()).errors;
  await goTo(255, 1);
  await page.keyboard.insertText('18. 决定在下一届审查会议上审议弹药问题，并请秘书长就此提出报告。');
  await page.keyboard.press('Enter');
  const duplicate = await waitFor('numbering.duplicate', async () => (await problemCounts()).errors > errorsBefore, 20000);
  check('inserting a paragraph 18 adds an error (numbering.duplicate)', duplicate);
  await goTo(256, 1);
  await sleep(500);
  await command(['Control+.']);
  // The menu's rows, in order (headers such as "Quick Fix" are rows too); the first
  // action has the focus, and the keyboard moves it as a user would.
  const menu = await waitFor('quick fix menu', async () => {
    const rows = await page.$$eval('.action-widget .monaco-list-row', (els) =>
      els.map((e) => ({ text: e.textContent || '', action: e.classList.contains('action') })));
    return rows.some((r) => r.text.startsWith('Renumber')) ? rows : null;
  }, 15000);
  check('Ctrl+. offers "Renumber … (keep references)"', menu, JSON.stringify(menu));
  await sleep(500);
  await page.screenshot({ path: join(shots, 'vscode-quickfix.png') });
  if (menu) {
    const actions = menu.filter((r) => r.action);
    const index = Math.max(0, actions.findIndex((r) => r.text.startsWith('Renumber')));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  check('the quick fix rewrites the references on lines 124 and 126 to 第二节第 19 段',
    await waitFor('renumbered', async () => (await showsLine(126, '第二节第 19 段')) && !(await showsLine(124, '第二节第 18 段')), 15000));
  check('the old paragraph 18 is now 19', await showsLine(256, '19. 确认'));
  check('the numbering error is gone', await waitFor('errors', async () => (await problemCounts()).errors === errorsBefore, 15000));
  await goTo(126, seedLines[125].indexOf('第二节第 18 段') + 6);
  await sleep(1500);
  await page.screenshot({ path: join(shots, 'vscode-renumbered.png') });

  // F2 on the reference's number: 19 becomes 20, the paragraphs after it follow on.
  await command(['F2']);
  const box = await waitFor('rename box', () => page.$('.rename-box input'), 10000);
  check('F2 on a reference opens the rename box', box);
  if (box) {
    await sleep(500);
    await box.fill('20');
    await box.press('Enter');
  }
  const renamed = await waitFor('renamed', async () => {
    await sleep(500);
    return (await visible()).some((l) => l.includes('第二节第 20 段'));
  }, 15000);
  await sleep(1000);
  await page.screenshot({ path: join(shots, 'vscode-renamed.png') });
  const notes = await page.$$eval('.notification-toast, .notifications-toasts .monaco-list-row', (els) => els.map((e) => e.textContent));
  check('the rename rewrites both references to 第二节第 20 段',
    renamed && (await showsLine(124, '第二节第 20 段')) && (await showsLine(126, '第二节第 20 段')), JSON.stringify(notes));
  check('… and the paragraph is now 20', await showsLine(256, '20. 确认'));
} catch (error) {
  check('the run finished', false, error && error.stack);
} finally {
  await browser.close();
}
finish('vscode e2e');
