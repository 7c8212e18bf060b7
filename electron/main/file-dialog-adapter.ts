import { dialog, type BrowserWindow } from 'electron';
import type { FileDialog } from '../services/file-dialog';

/** The native open dialog, parented to the app window so it is modal to it. */
export function electronFileDialog(parent: () => BrowserWindow | null): FileDialog {
  return {
    async choose(request) {
      const options = {
        title: request.title,
        properties: request.multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
        filters: [...request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })), { name: 'All files', extensions: ['*'] }],
      };
      const win = parent();
      const picked = win ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return { paths: picked.canceled ? [] : picked.filePaths };
    },
  };
}
