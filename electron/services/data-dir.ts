import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the web host and CLI keep data when not told otherwise: the same folder Electron's
 * `userData` uses on Linux, so all three hosts see one vault and one inventory.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, home = homedir()): string {
  const explicit = env['SENTINEL_CONSOLE_DATA_DIR'];
  if (explicit) return isAbsolute(explicit) ? explicit : resolve(explicit);
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'sentinel-console');
}
