import { describe, expect, it } from 'vitest';
import { crossCheckProxyEnv } from './proxy-cross-check';

const check = (text: string) => crossCheckProxyEnv('/opt/sentinel-secure-x/.env', { ok: true, text });

describe('crossCheckProxyEnv', () => {
  it('is consistent when both settings are true, quoted, exported or capitalised', () => {
    const result = check('# control plane\nexport SENTINEL_TRUST_PROXY_CERT_HEADERS="True"\nSENTINEL_REQUIRE_DEVICE_MTLS=true # keep\n');
    expect(result.consistent).toBe(true);
    expect(result.error).toBeNull();
    expect(result.requirements.map((r) => [r.name, r.actual, r.ok])).toEqual([
      ['SENTINEL_TRUST_PROXY_CERT_HEADERS', 'True', true],
      ['SENTINEL_REQUIRE_DEVICE_MTLS', 'true', true],
    ]);
  });

  it("names the setting the installer flow needs when the shipped baseline leaves it false", () => {
    const result = check('SENTINEL_TRUST_PROXY_CERT_HEADERS=false\nSENTINEL_REQUIRE_DEVICE_MTLS=true\n');
    expect(result.consistent).toBe(false);
    expect(result.requirements[0]).toEqual({ name: 'SENTINEL_TRUST_PROXY_CERT_HEADERS', expected: 'true', actual: 'false', ok: false });
    expect(result.message).toContain('SENTINEL_TRUST_PROXY_CERT_HEADERS is "false"; set SENTINEL_TRUST_PROXY_CERT_HEADERS=true');
    expect(result.message).not.toContain('SENTINEL_REQUIRE_DEVICE_MTLS');
  });

  it('reports a missing key as null and refuses spellings the platform might read as false', () => {
    for (const value of ['1', 'yes', 'on', ' true', 'true1', '']) {
      const result = check(`SENTINEL_TRUST_PROXY_CERT_HEADERS='${value}'\n`);
      expect(result.consistent, value).toBe(false);
      expect(result.requirements[0]?.ok, value).toBe(false);
    }
    const missing = check('SENTINEL_TRUST_PROXY_CERT_HEADERS=true\n');
    expect(missing.requirements[1]).toMatchObject({ name: 'SENTINEL_REQUIRE_DEVICE_MTLS', actual: null, ok: false });
    expect(missing.message).toContain('SENTINEL_REQUIRE_DEVICE_MTLS is not set');
  });

  it('reads the value dotenv reads: the last duplicate, and nothing from a commented-out line', () => {
    const result = check('SENTINEL_TRUST_PROXY_CERT_HEADERS=true\nSENTINEL_REQUIRE_DEVICE_MTLS=true\n# SENTINEL_REQUIRE_DEVICE_MTLS=false\nSENTINEL_TRUST_PROXY_CERT_HEADERS=false\n');
    expect(result.requirements.map((r) => r.actual)).toEqual(['false', 'true']);
    expect(result.consistent).toBe(false);
  });

  it('is not consistent, and says why, when the file cannot be read', () => {
    const result = crossCheckProxyEnv('/nope/.env', { ok: false, reason: 'no such file' });
    expect(result).toMatchObject({ consistent: false, error: 'Cannot read /nope/.env: no such file.', requirements: [] });
  });
});
