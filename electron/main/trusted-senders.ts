import { originOf } from './origin';

/**
 * Which renderers may call commands (Electron security checklist 17).
 *
 * Two facts must both hold: the WebContents was created by this app's root, and the calling
 * frame is the main frame on the app origin. A sub-frame or a navigated page fails either.
 */
export interface SenderFacts {
  readonly senderId: number;
  readonly frameUrl: string | undefined;
  readonly isMainFrame: boolean;
}

export interface TrustedSenders {
  trust(webContentsId: number): void;
  forget(webContentsId: number): void;
  isTrusted(facts: SenderFacts): boolean;
}

export function createTrustedSenders(allowedOrigins: readonly string[]): TrustedSenders {
  const ids = new Set<number>();
  return {
    trust: (id) => void ids.add(id),
    forget: (id) => void ids.delete(id),
    isTrusted(facts) {
      if (!ids.has(facts.senderId) || !facts.isMainFrame || !facts.frameUrl) return false;
      const origin = originOf(facts.frameUrl);
      return origin !== null && allowedOrigins.includes(origin);
    },
  };
}
