// VS Code client for `rapporteur lsp`: starts the server on Markdown, plain-text
// and un-outcome documents, passes the settings, and offers a restart command.
import * as os from 'os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { RESTART_SETTINGS, initializationOptions, serverCommand } from './settings';
import { Located, describe, locateServer, notFoundMessage } from './which';
import { preferServerSymbols } from './symbols';

const SECTION = 'rapporteur';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
// In the language status (the `{}` next to the language mode): which binary runs.
let status: vscode.LanguageStatusItem | undefined;
// Serialises start/stop/restart so that quick repeated commands do not race.
let pending: Promise<void> = Promise.resolve();

function settingsGetter(): (key: string) => unknown {
  const config = vscode.workspace.getConfiguration(SECTION);
  return (key: string) => config.get(key);
}

/** Documents the server is attached to: the un-outcome language, Markdown and plain
 *  text, saved (`file`) or not yet saved (`untitled`). The server itself stays silent
 *  on files that are not UN documents. */
export const DOCUMENT_SELECTOR = ['un-outcome', 'markdown', 'plaintext'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

function locate(setting: string | undefined): Located {
  const folders = vscode.workspace.workspaceFolders;
  const cwd = folders && folders.length > 0 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : process.cwd();
  return locateServer(setting, { env: process.env, home: os.homedir(), cwd });
}

function showStatus(located: Located, version?: string): void {
  if (!status) return;
  if (located.path) {
    status.severity = vscode.LanguageStatusSeverity.Information;
    status.text = version ? `rapporteur ${version}` : 'rapporteur';
    status.detail = describe(located);
  } else {
    status.severity = vscode.LanguageStatusSeverity.Error;
    status.text = 'rapporteur not found';
    status.detail = `looked in ${located.searched.join('; ')}`;
  }
}

function log(message: string): void {
  output?.appendLine(`[client] ${message}`);
}

async function startClient(): Promise<void> {
  const get = settingsGetter();
  const { command, args, env } = serverCommand(get);
  const located = locate(command);
  showStatus(located);
  const resolved = located.path;
  if (!resolved) {
    const message = notFoundMessage(command, located);
    log(message);
    // Not awaited: the notification stays up without holding activation or a restart.
    void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'rapporteur.server.path');
      } else if (choice === 'Show Log') {
        output?.show(true);
      }
    });
    return;
  }
  log(`using ${describe(located)}`);

  const executable: Executable = {
    command: resolved,
    args,
    options: { env: { ...process.env, ...env } },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const problems: string[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: initializationOptions(get, problems),
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // In Markdown files the Markdown extension's headings (kind String) and the
      // server's outline both appear; see preferServerSymbols.
      provideDocumentSymbols: async (document, token, next) => {
        const symbols = await next(document, token);
        return symbols ? (preferServerSymbols(symbols as vscode.DocumentSymbol[]) as typeof symbols) : symbols;
      },
    },
  };
  for (const p of problems) log(p);

  client = new LanguageClient(SECTION, 'Rapporteur', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) log('server stopped');
  });
  log(`starting ${resolved} ${args.join(' ')}`);
  try {
    await client.start();
  } catch (err) {
    log(`the server failed to start: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage('Rapporteur: the language server failed to start. See the Rapporteur output channel.');
    return;
  }
  const info = client.initializeResult?.serverInfo;
  log(`connected to ${info?.name ?? 'server'} ${info?.version ?? ''}`.trim());
  showStatus(located, info?.version);
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (err) {
      log(`stopping the server: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function enqueue(task: () => Promise<void>): Promise<void> {
  pending = pending.then(task, task);
  return pending;
}

/** Sends the current server settings (language, diagnostics, detect, include, exclude) to the server. */
async function pushSettings(): Promise<void> {
  if (!client || !client.isRunning()) return;
  const problems: string[] = [];
  const settings = initializationOptions(settingsGetter(), problems);
  for (const p of problems) log(p);
  await client.sendNotification(DidChangeConfigurationNotification.type, { settings });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Rapporteur');
  context.subscriptions.push(output);
  status = vscode.languages.createLanguageStatusItem('rapporteur.server', DOCUMENT_SELECTOR);
  status.name = 'Rapporteur server';
  status.command = { title: 'Show log', command: 'rapporteur.showOutput' };
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand('rapporteur.restartServer', () =>
      enqueue(async () => {
        log('restart requested');
        await stopClient();
        await startClient();
      }),
    ),
    vscode.commands.registerCommand('rapporteur.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        void enqueue(async () => {
          log('server settings changed; restarting');
          await stopClient();
          await startClient();
        });
      } else if (['language', 'diagnostics', 'detect', 'include', 'exclude'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
        void enqueue(pushSettings);
      }
    }),
  );

  await enqueue(startClient);
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}
