import type { z } from '../../shared/ipc/zod';
import { CommandFailure } from '../../shared/ipc/errors';
import type { ChooseFilesSchema, ChosenFiles } from '../../shared/ipc/files-schemas';

/** Port for the native open dialog; Electron's root supplies one, other hosts do not. */
export interface FileDialog {
  choose(request: z.output<typeof ChooseFilesSchema>): Promise<ChosenFiles>;
}

/** The answer of hosts without a desktop: the page offers drop and file inputs instead. */
export const noFileDialog: FileDialog = {
  choose: async () => {
    throw new CommandFailure('UNAVAILABLE', 'This host has no native file dialog: drop the files on the page or use the file picker.');
  },
};
