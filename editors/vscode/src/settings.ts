// The settings of the `rapporteur` section as the server reads them.
// Kept free of the `vscode` module so that it can be unit-tested under plain Node.

export const LANGUAGES = ['auto', 'zh', 'en', 'fr', 'es', 'ru', 'ar'] as const;
export const LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;
export const DETECT = ['auto', 'always', 'never'] as const;

export type Language = (typeof LANGUAGES)[number];
export type Level = (typeof LEVELS)[number];
export type Detect = (typeof DETECT)[number];

/** What the server accepts, under the key `rapporteur`, in `initializationOptions`
 *  and in `workspace/didChangeConfiguration`. */
export interface ServerSettings {
  language: Language;
  diagnostics: Record<string, Level>;
  /** Which Markdown and plain-text files are checked (un-outcome files always are). */
  detect: Detect;
  /** Globs of files always checked / never checked, relative to the workspace folder. */
  include: string[];
  exclude: string[];
  /** After each internal reference, the first words of what it cites. */
  inlayHints: boolean;
  /** Above each cited paragraph, how many places cite it. */
  codeLens: boolean;
  /** Negotiation words added to the language's table (sent only when set). */
  negotiation?: Negotiation;
}

/** Delegations, verbs of attributed proposals and status tags of negotiation drafts. */
export interface Negotiation {
  delegations?: string[];
  verbs?: string[];
  agreed?: string[];
  silenceBroken?: string[];
}

const NEGOTIATION_KEYS = ['delegations', 'verbs', 'agreed', 'silenceBroken'] as const;

function negotiation(get: Getter, problems: string[]): Negotiation | undefined {
  const raw = get('negotiation');
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('rapporteur.negotiation: expected an object of lists of words');
    return undefined;
  }
  const out: Negotiation = {};
  for (const [key, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!(NEGOTIATION_KEYS as readonly string[]).includes(key)) {
      problems.push(`rapporteur.negotiation: unknown key "${key}" (expected ${NEGOTIATION_KEYS.join(', ')})`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`rapporteur.negotiation.${key}: expected a list of words`);
      continue;
    }
    const words: string[] = [];
    for (const w of list) {
      if (typeof w === 'string' && w.trim() !== '') words.push(w.trim());
      else problems.push(`rapporteur.negotiation.${key}: ignoring ${JSON.stringify(w)} (expected a word or name)`);
    }
    if (words.length > 0) out[key as keyof Negotiation] = words;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function flag(get: Getter, key: string, problems: string[]): boolean {
  const raw = get(key);
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'boolean') return raw;
  problems.push(`rapporteur.${key}: expected true or false, using true`);
  return true;
}

function globs(get: Getter, key: string, problems: string[]): string[] {
  const raw = get(key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`rapporteur.${key}: expected a list of globs`);
    return [];
  }
  const out: string[] = [];
  for (const g of raw) {
    if (typeof g === 'string' && g.trim() !== '') out.push(g.trim());
    else problems.push(`rapporteur.${key}: ignoring ${JSON.stringify(g)} (expected a glob string)`);
  }
  return out;
}

/** Reads one setting; `get` is `WorkspaceConfiguration.get` or a stand-in. */
export type Getter = (key: string) => unknown;

/** The server part of the settings, cleaned: unknown languages become `auto`,
 *  levels are lower-cased, entries with unknown levels are dropped (and named in
 *  `problems`, which the extension writes to the output channel). */
export function serverSettings(get: Getter, problems: string[] = []): ServerSettings {
  const rawLanguage = get('language');
  let language: Language = 'auto';
  if (typeof rawLanguage === 'string' && rawLanguage !== '') {
    const l = rawLanguage.toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(l)) {
      language = l as Language;
    } else {
      problems.push(`rapporteur.language: unknown language "${rawLanguage}", using "auto"`);
    }
  }
  const diagnostics: Record<string, Level> = {};
  const rawDiagnostics = get('diagnostics');
  if (rawDiagnostics && typeof rawDiagnostics === 'object' && !Array.isArray(rawDiagnostics)) {
    for (const [code, value] of Object.entries(rawDiagnostics as Record<string, unknown>)) {
      const level = typeof value === 'string' ? value.toLowerCase() : value === false ? 'off' : undefined;
      if (level !== undefined && (LEVELS as readonly string[]).includes(level)) {
        diagnostics[code] = level as Level;
      } else {
        problems.push(`rapporteur.diagnostics: "${code}": expected one of ${LEVELS.join(', ')}`);
      }
    }
  } else if (rawDiagnostics !== undefined && rawDiagnostics !== null) {
    problems.push('rapporteur.diagnostics: expected an object mapping codes to levels');
  }
  const rawDetect = get('detect');
  let detect: Detect = 'auto';
  if (typeof rawDetect === 'string' && (DETECT as readonly string[]).includes(rawDetect)) {
    detect = rawDetect as Detect;
  } else if (rawDetect !== undefined && rawDetect !== null) {
    problems.push(`rapporteur.detect: expected one of ${DETECT.join(', ')}, using "auto"`);
  }
  const settings: ServerSettings = {
    language,
    diagnostics,
    detect,
    include: globs(get, 'include', problems),
    exclude: globs(get, 'exclude', problems),
    inlayHints: flag(get, 'inlayHints', problems),
    codeLens: flag(get, 'codeLens', problems),
  };
  const words = negotiation(get, problems);
  if (words) settings.negotiation = words;
  return settings;
}

/** The `initializationOptions` sent with `initialize`. */
export function initializationOptions(get: Getter, problems: string[] = []): { rapporteur: ServerSettings } {
  return { rapporteur: serverSettings(get, problems) };
}

/** How to start the server: the command, its arguments and extra environment. */
export function serverCommand(get: Getter): { command: string; args: string[]; env: Record<string, string> } {
  const rawPath = get('server.path');
  const command = typeof rawPath === 'string' && rawPath.trim() !== '' ? rawPath.trim() : 'rapporteur';
  const rawLog = get('server.logLevel');
  const logLevel =
    typeof rawLog === 'string' && (LOG_LEVELS as readonly string[]).includes(rawLog) ? rawLog : 'info';
  return { command, args: ['lsp', '--stdio'], env: { RAPPORTEUR_LOG: logLevel } };
}

/** Settings whose change needs a new server process rather than a notification. */
export const RESTART_SETTINGS = ['rapporteur.server.path', 'rapporteur.server.logLevel'];
