/**
 * Child process for vault-crash.test.ts: opens the vault, prints the plaintext key it is
 * about to store (so the parent can search the disk for it), then stores keys until it is
 * SIGKILLed. `hook` kills it from inside a write: after the temp file's bytes are written but
 * before fsync ('write'), or after fsync but before the rename ('sync'); 'none' stores in a
 * loop and waits for the parent's kill.
 *
 * argv: <vault dir> <passphrase> <write|sync|none> <remember: yes|no>
 */
import { open } from 'node:fs/promises';
import { base64FakeSafeStorage, newPkcs8 } from './test-vault-helpers';
import { createVault } from './vault';

const [dir = '', passphrase = '', hook = 'none', remember = 'no'] = process.argv.slice(2);

interface Patchable {
  writeFile(...args: unknown[]): Promise<void>;
  sync(): Promise<void>;
}

const probe = await open('/dev/null');
const proto = Object.getPrototypeOf(probe) as Patchable;
await probe.close();
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
let armed = false;

if (hook === 'write') {
  const original = proto.writeFile;
  proto.writeFile = async function (this: unknown, ...args: unknown[]) {
    await original.apply(this, args);
    if (armed) die();
  };
} else if (hook === 'sync') {
  const original = proto.sync;
  proto.sync = async function (this: unknown) {
    await original.apply(this);
    if (armed) die();
  };
}

const vault = createVault({
  dir,
  clock: () => new Date(),
  timers: { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  safeStorage: remember === 'yes' ? base64FakeSafeStorage() : null,
  idleLockSeconds: 900,
  onChange: () => undefined,
});
await vault.unlock(passphrase);
if (remember === 'yes') await vault.remember(true);
for (let i = 0; ; i++) {
  const der = newPkcs8('ec-p256');
  process.stdout.write(`KEY ${Buffer.from(der).toString('hex')}\n`);
  armed = true;
  await vault.storeKey(`k${i}`, der, 'ec-p256');
  process.stdout.write(`STORED k${i}\n`);
}
