import { ipcMain } from 'electron';
import type { Router } from '../../shared/ipc/types';
import { bindCommands } from './ipc-bindings';
import type { TrustedSenders } from './trusted-senders';

/** The one file in main that touches ipcMain (lint-enforced); everything else takes it as an argument. */
export function installIpc(router: Router, senders: TrustedSenders): void {
  bindCommands(ipcMain, router, senders);
}
