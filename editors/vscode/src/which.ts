// Finds the server binary the way a shell would, so that a missing binary is
// reported with a useful message instead of a failed spawn.
import * as fs from 'fs';
import * as path from 'path';

function isExecutableFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path of `command`, or `undefined` when it cannot be found.
 *  A command with a directory part is taken as a path (relative ones against
 *  `cwd`); a bare name is looked up on `PATH` (with `PATHEXT` on Windows). */
export function findExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const exts =
    process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  if (command.includes('/') || (process.platform === 'win32' && command.includes('\\'))) {
    const full = path.resolve(cwd, command);
    for (const ext of exts) {
      if (isExecutableFile(full + ext)) return full + ext;
    }
    return undefined;
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}
