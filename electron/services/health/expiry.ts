import type { ExpiryFacts, ProbeReport, ProxyProfile } from '../../../shared/model/probe';
import { crlsFromPem, parseCrl } from '../../../shared/pki/crl';
import { daysUntil, describeCertificate } from '../../../shared/pki/describe';
import { readInput } from '../../../shared/pki/read-input';
import type { HealthFs } from './fs';

export type ExpiryReader = (profile: ProxyProfile, last: ProbeReport | null, now: Date) => Promise<ExpiryFacts>;

type Kind = 'certificate' | 'crl';

function toDate(iso: string | undefined | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function deviceNotAfter(bytes: Uint8Array, path: string, now: Date): Promise<Date | null> {
  // The first certificate of a leaf-plus-chain file is the device's own.
  const leaf = readInput(bytes, path).blocks.find((b) => b.kind === 'certificate');
  return leaf ? toDate((await describeCertificate(leaf.der, leaf.source, now)).notAfter) : null;
}

/** nginx's `ssl_crl` may hold one CRL per CA; the first to lapse is the one that breaks devices. */
async function crlNextUpdate(bytes: Uint8Array): Promise<Date | null> {
  const ders = bytes[0] === 0x30 ? [bytes] : crlsFromPem(new TextDecoder().decode(bytes));
  const dates = ders.map((der) => toDate(parseCrl(der).nextUpdate)).filter((d): d is Date => d !== null);
  return dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => d.getTime())));
}

/**
 * Days left for the card. Every fact is best effort: an unreadable or unparsable file gives
 * null, never an error, because the probe itself reports what matters about it. Files are
 * parsed again only when they change (fleet CRLs can be large and statuses are frequent).
 */
export function createExpiryReader(fs: Pick<HealthFs, 'readBytes' | 'stamp'>): ExpiryReader {
  const cache = new Map<string, { readonly stamp: string; readonly date: Date | null }>();

  /** Parse results are cached per file version; read errors are not (a fixed permission changes no stamp). */
  async function dateOf(kind: Kind, path: string, now: Date): Promise<Date | null> {
    const key = `${kind}\0${path}`;
    try {
      const stamp = await fs.stamp(path);
      const cached = cache.get(key);
      if (cached?.stamp === stamp) return cached.date;
      const bytes = await fs.readBytes(path);
      const date = await (kind === 'certificate' ? deviceNotAfter(bytes, path, now) : crlNextUpdate(bytes)).catch(() => null);
      cache.set(key, { stamp, date });
      return date;
    } catch {
      cache.delete(key);
      return null;
    }
  }

  const days = (date: Date | null, now: Date): number | null => (date ? daysUntil(date, now) : null);

  return async (profile, last, now) => {
    const [device, crl] = await Promise.all([
      profile.device ? dateOf('certificate', profile.device.certFile, now) : null,
      profile.crlFile ? dateOf('crl', profile.crlFile, now) : null,
    ]);
    return {
      // Counted from now, not from the report, so the card stays right between runs.
      serverCertDays: days(toDate(last?.tls?.chain[0]?.notAfter), now),
      deviceCertDays: days(device, now),
      crlNextUpdateDays: days(crl, now),
    };
  };
}
