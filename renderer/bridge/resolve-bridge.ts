import type { Bridge } from '../../shared/ipc/types';
import { createHttpBridge } from './http-bridge';

/** What resolveBridge reads from the window: the preload's `bridge`, if it ran, and the origin. */
export interface BridgeWindow {
  readonly bridge?: unknown;
  readonly location: { readonly origin: string };
}

function looksLikeBridge(value: unknown): value is Bridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { commands?: unknown; on?: unknown };
  return typeof candidate.commands === 'object' && candidate.commands !== null && typeof candidate.on === 'function';
}

/** Electron's preload sets `window.bridge`; in a plain browser the web host serves the same commands over HTTP. */
export function resolveBridge(win: BridgeWindow = window): Bridge {
  return looksLikeBridge(win.bridge) ? win.bridge : createHttpBridge(win.location.origin);
}
