import { describe, expect, it } from 'vitest';
import { COMMANDS } from './channels';
import { inputs } from './contract';
import { loadInputSchema } from './input-loader';

describe('loadInputSchema', () => {
  it('loads, for every command, the very schema the contract types it with', async () => {
    for (const name of COMMANDS) expect(await loadInputSchema(name), name).toBe(inputs[name]);
  });

  it('keeps the contract exact: no table names a command outside the channel list', () => {
    expect(Object.keys(inputs).sort()).toEqual([...COMMANDS].sort());
  });
});
