import type { CommandName } from '../../../shared/ipc/channels';
import type { Output, ParsedInput } from '../../../shared/ipc/types';

type CaCommand = Extract<CommandName, `ca.${string}`>;

/**
 * The Device CA's main-process side, one method per `ca.*` command. Private keys live only
 * here (as non-extractable WebCrypto keys once unlocked, encrypted PKCS#8 on disk).
 */
export type CaService = {
  readonly [K in CaCommand]: (input: ParsedInput<K>) => Promise<Output<K>>;
};
