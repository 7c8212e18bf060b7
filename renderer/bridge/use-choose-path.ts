import { useState } from 'react';
import type { Input } from '../../shared/ipc/types';
import { useBridge } from './bridge-context';

export type FileFilters = NonNullable<Input<'files.choose'>['filters']>;

export interface PathChooser {
  choose(): Promise<void>;
  readonly choosing: boolean;
  /** Why no path came back (no dialog on this host, or it failed); null otherwise. */
  readonly notice: string | null;
}

export const PEM_FILTERS: FileFilters = [
  { name: 'Certificates and keys', extensions: ['pem', 'crt', 'cer', 'key', 'der'] },
  { name: 'All files', extensions: ['*'] },
];

export const CSR_FILTERS: FileFilters = [
  { name: 'Certificate requests', extensions: ['csr', 'pem', 'req'] },
  { name: 'All files', extensions: ['*'] },
];

/** The native open dialog where the host has one; elsewhere a plain word that the path is typed instead. */
export function useChoosePath(title: string, filters: FileFilters, onPath: (path: string) => void): PathChooser {
  const bridge = useBridge();
  const [notice, setNotice] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const choose = async (): Promise<void> => {
    setNotice(null);
    setChoosing(true);
    try {
      const result = await bridge.commands['files.choose']({ title, multiple: false, filters });
      if (result.ok) {
        const [path] = result.value.paths;
        if (path !== undefined) onPath(path);
      } else {
        setNotice(result.error.code === 'UNAVAILABLE' ? 'This host has no file dialog: type the path instead.' : `Could not open the file dialog: ${result.error.message}`);
      }
    } catch (err) {
      setNotice(`Could not open the file dialog: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setChoosing(false);
    }
  };
  return { choose, choosing, notice };
}
