import type { AppInfo } from '../../../shared/model/app-info';
import type { Input } from '../../../shared/ipc/types';
import { defineCommand, usage, type UsageError } from './define';

function renderInfo(info: AppInfo): string {
  const rows: Array<[string, string]> = [
    ['Version', `${info.name} ${info.version}`],
    ['Host', info.host],
    ['Platform', `${info.platform} ${info.arch}`],
    ['Data directory', info.dataDir],
    ['Node', info.versions.node],
    ['Electron', info.versions.electron ?? 'not running under Electron'],
    ['Chromium', info.versions.chromium ?? 'not running under Electron'],
    ['V8', info.versions.v8],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** `sentinel-console info`: versions and the data directory. */
export const infoCommand = defineCommand({
  dispatches: 'app.info',
  summary: 'Show the console version, runtime versions and data directory',
  usage: 'sentinel-console info [--json] [--data-dir PATH]',
  flags: [],
  toInput: (args): Input<'app.info'> | UsageError =>
    args.positionals.length > 0 ? usage(`info takes no arguments, got "${args.positionals[0]}"`) : {},
  render: renderInfo,
});
