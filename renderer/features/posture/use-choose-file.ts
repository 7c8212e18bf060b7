import { useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';

/** The native open dialog where the host has one; elsewhere a plain word that the path is typed instead. */
export function useChooseFile(onPath: (path: string) => void) {
  const bridge = useBridge();
  const [notice, setNotice] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const choose = async (): Promise<void> => {
    setNotice(null);
    setChoosing(true);
    try {
      const result = await bridge.commands['files.choose']({
        title: 'Open the control plane .env',
        multiple: false,
        // .env has no extension to filter on, so everything is listed first.
        filters: [
          { name: 'All files', extensions: ['*'] },
          { name: 'Environment files', extensions: ['env'] },
        ],
      });
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
  return { choose, notice, choosing };
}
