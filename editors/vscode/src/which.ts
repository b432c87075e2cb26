// Finds the server binary: the setting `rapporteur.server.path`, else `PATH`, else
// Cargo's bin directory (where `cargo install` puts it), so that the extension can say
// which one it uses, and list the places it looked when there is none.
// Free of the `vscode` module so that it can be unit-tested under plain Node.
import * as fs from 'fs';
import * as path from 'path';

export type Platform = NodeJS.Platform;

/** Where the binary was found. */
export type Source = 'setting' | 'PATH' | 'cargo';

export interface Located {
  /** The absolute path of the binary, or `undefined` when none was found. */
  path: string | undefined;
  /** Which rule found it (or, when not found, the last one tried). */
  source: Source;
  /** Every place looked at, in order, as shown to the user. */
  searched: string[];
}

export interface LookupOptions {
  env?: NodeJS.ProcessEnv;
  platform?: Platform;
  /** The home directory (`os.homedir()`). */
  home?: string;
  /** The directory a relative path is taken against (the workspace folder). */
  cwd?: string;
  /** Whether a file is an executable; tests stand in a fake file system. */
  isExecutable?: (file: string, platform: Platform) => boolean;
}

/** The default of `rapporteur.server.path`: look for `rapporteur` on PATH, then in Cargo's bin. */
export const DEFAULT_COMMAND = 'rapporteur';

export function isExecutableFile(file: string, platform: Platform = process.platform): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pathApi(platform: Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function extensions(platform: Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'win32') return [''];
  const pathext = env.PATHEXT ?? env.Pathext ?? '.EXE;.CMD;.BAT;.COM';
  return ['', ...pathext.split(';').filter(Boolean)];
}

function hasDirectory(command: string, platform: Platform): boolean {
  return command.includes('/') || (platform === 'win32' && command.includes('\\'));
}

/** `~` and `~/…` (and on Windows `~\…`) against the home directory. */
export function expandHome(p: string, home: string, platform: Platform = process.platform): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || (platform === 'win32' && p.startsWith('~\\'))) {
    return pathApi(platform).join(home, p.slice(2));
  }
  return p;
}

/** Cargo's bin directory: `$CARGO_HOME/bin`, by default `~/.cargo/bin`
 *  (`%USERPROFILE%\.cargo\bin` on Windows). */
export function cargoBin(env: NodeJS.ProcessEnv, home: string, platform: Platform): string {
  const p = pathApi(platform);
  const cargoHome = env.CARGO_HOME && env.CARGO_HOME.trim() !== '' ? env.CARGO_HOME : p.join(home, '.cargo');
  return p.join(cargoHome, 'bin');
}

function first(candidates: string[], exts: string[], platform: Platform, isExec: LookupOptions['isExecutable']): string | undefined {
  for (const candidate of candidates) {
    for (const ext of exts) {
      if (isExec!(candidate + ext, platform)) return candidate + ext;
    }
  }
  return undefined;
}

/** Finds the server binary for the value of `rapporteur.server.path`:
 *  - a path (with a directory part, `~` allowed; relative ones against `cwd`) is used
 *    as it is, and nothing else is tried;
 *  - a bare name (the default `rapporteur`) is looked up on `PATH` (with `PATHEXT` on
 *    Windows), then in Cargo's bin directory, where `cargo install` puts it and which
 *    an editor started from a desktop menu often does not have on its `PATH`. */
export function locateServer(setting: string | undefined, options: LookupOptions = {}): Located {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? env.HOME ?? env.USERPROFILE ?? '';
  const cwd = options.cwd ?? process.cwd();
  const isExec = options.isExecutable ?? isExecutableFile;
  const p = pathApi(platform);
  const exts = extensions(platform, env);
  const command = setting && setting.trim() !== '' ? expandHome(setting.trim(), home, platform) : DEFAULT_COMMAND;

  if (hasDirectory(command, platform) || p.isAbsolute(command)) {
    const full = p.resolve(cwd, command);
    return { path: first([full], exts, platform, isExec), source: 'setting', searched: [`rapporteur.server.path: ${full}`] };
  }

  const dirs = (env.PATH ?? env.Path ?? '').split(p.delimiter).filter(Boolean);
  const onPath = first(
    dirs.map((d) => p.join(d, command)),
    exts,
    platform,
    isExec,
  );
  const searched = [`PATH: ${dirs.length > 0 ? dirs.join(p.delimiter) : '(empty)'}`];
  if (onPath) return { path: onPath, source: 'PATH', searched };

  const cargo = p.join(cargoBin(env, home, platform), command);
  searched.push(`Cargo's bin: ${cargo}${platform === 'win32' && !p.extname(command) ? '.exe' : ''}`);
  return { path: first([cargo], exts, platform, isExec), source: 'cargo', searched };
}

/** One line for the log and the status item: which binary, found how. */
export function describe(located: Located): string {
  if (!located.path) return 'rapporteur: not found';
  switch (located.source) {
    case 'setting':
      return `${located.path} (from the setting rapporteur.server.path)`;
    case 'PATH':
      return `${located.path} (found on PATH)`;
    case 'cargo':
      return `${located.path} (found in Cargo's bin directory: not on PATH)`;
  }
}

/** The message shown when no binary was found, naming every place looked at. */
export function notFoundMessage(setting: string | undefined, located: Located): string {
  const where = located.searched.join('; ');
  if (located.source === 'setting') {
    return `Rapporteur: the server binary set in rapporteur.server.path (${setting}) was not found or is not executable. Looked at: ${where}.`;
  }
  const name = setting && setting.trim() !== '' ? setting.trim() : DEFAULT_COMMAND;
  return (
    `Rapporteur: the server binary \`${name}\` was not found. Looked in: ${where}. ` +
    'Install it (`cargo install --path .` in the rapporteur repository puts it in Cargo\'s bin) or set `rapporteur.server.path`.'
  );
}

/** The absolute path of `command`, or `undefined` when it cannot be found.
 *  A command with a directory part is taken as a path (relative ones against
 *  `cwd`); a bare name is looked up on `PATH` (with `PATHEXT` on Windows). */
export function findExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const platform = process.platform;
  const p = pathApi(platform);
  const exts = extensions(platform, env);
  if (hasDirectory(command, platform)) {
    return first([p.resolve(cwd, command)], exts, platform, isExecutableFile);
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(p.delimiter).filter(Boolean);
  return first(
    dirs.map((d) => p.join(d, command)),
    exts,
    platform,
    isExecutableFile,
  );
}
