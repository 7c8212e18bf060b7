import { describe, expect, it } from 'vitest';
import { checkKeyFileMode } from './key-file-mode';

const FILE = 0o100000; // S_IFREG

describe('checkKeyFileMode', () => {
  it('accepts 0600 and 0400', () => {
    expect(checkKeyFileMode({ mode: FILE | 0o600, uid: 1000 }, 1000)).toBeNull();
    expect(checkKeyFileMode({ mode: FILE | 0o400, uid: 1000 })).toBeNull();
  });

  it.each([
    [0o640, 'readable', '0640'],
    [0o644, 'readable', '0644'],
    [0o604, 'readable', '0604'],
    [0o620, 'writable', '0620'],
    [0o601, 'accessible', '0601'],
  ])('flags mode %o', (bits, access, octal) => {
    expect(checkKeyFileMode({ mode: FILE | bits, uid: 1000 }, 1000)).toEqual({
      id: 'key.file-permissions',
      severity: 'error',
      message: `private key file is ${access} by group or others (mode ${octal})`,
      fix: 'chmod 600 <file>',
    });
  });

  it('names the file in the fix, quoted for the shell, when given', () => {
    expect(checkKeyFileMode({ mode: FILE | 0o644, uid: 1000 }, '/etc/nginx/tls/device.key')?.fix).toBe('chmod 600 /etc/nginx/tls/device.key');
    expect(checkKeyFileMode({ mode: FILE | 0o644, uid: 1000 }, 1000, "/srv/it's here.key")?.fix).toBe("chmod 600 '/srv/it'\\''s here.key'");
  });

  it('says whose file it is and uses sudo when another user owns it', () => {
    const finding = checkKeyFileMode({ mode: FILE | 0o640, uid: 0 }, 1000, '/etc/ssl/private/proxy.key');
    expect(finding?.message).toBe('private key file is readable by group or others (mode 0640, owner uid 0)');
    expect(finding?.fix).toBe('sudo chmod 600 /etc/ssl/private/proxy.key');
  });
});
