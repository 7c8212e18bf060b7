import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName } from '../../../shared/ipc/channels';
import { inputs } from '../../../shared/ipc/contract';
import { CommandFailure } from '../../../shared/ipc/errors';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { Input, Output } from '../../../shared/ipc/types';
import { z } from '../../../shared/ipc/zod';
import type { CaOverview } from '../../../shared/model/ca';
import { createNodeCaService } from './node-ca';
import type { CaService } from './service-types';
import type { CaSettingsInput } from './store-types';

/** Test harness: the real CA service (real vault, audit log, files) in a temp data dir, with a movable clock. */

export const PASSPHRASE = 'correct horse battery staple';
export const KEY_PASSPHRASE = 'device key passphrase 42';

type CaCommand = Extract<CommandName, `ca.${string}`>;

export interface CaHarness {
  readonly dataDir: string;
  readonly service: CaService;
  /** Every 'ca.changed' payload pushed so far. */
  readonly events: CaOverview[];
  /** Moves the service's clock (vault idle checks use it too). */
  setNow(date: Date): void;
  call<K extends CaCommand>(name: K, input: Input<K>): Promise<Result<Output<K>>>;
  /** `call` that throws the error message when the command fails. */
  ok<K extends CaCommand>(name: K, input: Input<K>): Promise<Output<K>>;
  cleanup(): Promise<void>;
}

export async function caHarness(options: { settings?: CaSettingsInput; idleLockSeconds?: number } = {}): Promise<CaHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ca-test-'));
  const events: CaOverview[] = [];
  let now: Date | null = null;
  const service = createNodeCaService({
    dataDir,
    events: { emit: (event, payload) => void (event === 'ca.changed' && events.push(payload as CaOverview)) },
    clock: () => now ?? new Date(),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.idleLockSeconds ? { idleLockSeconds: options.idleLockSeconds } : {}),
  });
  const call = async <K extends CaCommand>(name: K, input: Input<K>): Promise<Result<Output<K>>> => {
    const parsed = z.safeParse(inputs[name], input);
    if (!parsed.success) return fail('INVALID_INPUT', parsed.error.message);
    try {
      const handler = service[name] as (i: unknown) => Promise<Output<K>>;
      return ok(await handler(parsed.data));
    } catch (err) {
      if (err instanceof CommandFailure) return fail(err.code, err.message);
      throw err;
    }
  };
  return {
    dataDir,
    service,
    events,
    setNow: (date) => void (now = date),
    call,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: [${result.error.code}] ${result.error.message}`);
      return result.value;
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
