import { CommandFailure } from '../../../shared/ipc/errors';
import { parseNginx } from '../../../shared/nginx/parse/parse';

/**
 * The deployed file a caller may diff against or install to. The web host and the renderer
 * are callers too, so a path is held to what an nginx config file looks like: otherwise
 * `diff` would read, and `install` write, any file the console's user can reach.
 */
export function assertConfigTarget(path: string): void {
  if (!path.startsWith('/') || path.endsWith('/')) {
    throw new CommandFailure('INVALID_INPUT', `${path} is not an absolute file path: name the config file, e.g. /etc/nginx/conf.d/sentinel-secure-x.conf.`);
  }
  if (!/^[^\0]+\.conf$/.test(path) || path.split('/').includes('..')) {
    throw new CommandFailure('INVALID_INPUT', `${path} is not an nginx config file name: the deployed file must end in .conf (as conf.d includes expect) and have no ".." in it.`);
  }
}

/** Install writes only text nginx could read as a config; a syntax error is refused before any file is touched. */
export function assertParsableConfig(text: string, name: string): void {
  const { errors } = parseNginx(text, name);
  const first = errors[0];
  if (first) throw new CommandFailure('INVALID_INPUT', `The config to install does not parse (line ${first.pos.line}: ${first.message}); nothing was written.`);
}
