/**
 * PEM → DER for CRLs. Accepts the `X509 CRL` label OpenSSL and NGINX write and the bare `CRL`
 * label @peculiar/x509 writes, so operators can paste either.
 */

const PEM_CRL = /-----BEGIN (X509 CRL|CRL)-----([^-]*)-----END \1-----/g;
const B64 = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Strict base64 (ASCII whitespace skipped, padding checked); four characters per step when aligned. */
export function base64ToBytes(text: string, from = 0, to = text.length): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil(((to - from) * 3) / 4));
  let acc = 0;
  let n = 0;
  let o = 0;
  let pad = 0;
  for (let i = from; i < to; i++) {
    if ((n & 3) === 0 && pad === 0 && i + 4 <= to) {
      const c0 = text.charCodeAt(i);
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      const c3 = text.charCodeAt(i + 3);
      const a = B64[c0 & 0xff] as number;
      const b = B64[c1 & 0xff] as number;
      const c = B64[c2 & 0xff] as number;
      const d = B64[c3 & 0xff] as number;
      if ((a | b | c | d) >= 0 && (c0 | c1 | c2 | c3) < 256) {
        const v = (a << 18) | (b << 12) | (c << 6) | d;
        out[o++] = v >> 16;
        out[o++] = (v >> 8) & 0xff;
        out[o++] = v & 0xff;
        n += 4;
        i += 3;
        continue;
      }
    }
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13 || ch === 32 || ch === 9) continue;
    if (ch === 61 && (n & 3) >= 2 && pad < 2) {
      pad++;
      n++;
      continue;
    }
    const v = ch < 256 ? (B64[ch] as number) : -1;
    if (v < 0 || pad > 0) throw new Error(`invalid base64 character at position ${i - from}`);
    acc = ((acc << 6) | v) & 0xffffff;
    if ((++n & 3) === 0) {
      out[o++] = acc >> 16;
      out[o++] = (acc >> 8) & 0xff;
      out[o++] = acc & 0xff;
    }
  }
  if ((n & 3) !== 0) throw new Error(`base64 length ${n} is not a multiple of 4`);
  if (pad === 2) out[o++] = (acc >> 4) & 0xff;
  if (pad === 1) {
    out[o++] = (acc >> 10) & 0xff;
    out[o++] = (acc >> 2) & 0xff;
  }
  return out.slice(0, o);
}

/** Every CRL in a PEM text (NGINX `ssl_crl` files often hold one per CA), in order. */
export function crlsFromPem(text: string): Uint8Array<ArrayBuffer>[] {
  return [...text.matchAll(PEM_CRL)].map((m, i) => {
    const from = m.index + 16 + (m[1] ?? '').length;
    try {
      return base64ToBytes(text, from, from + (m[2] ?? '').length);
    } catch (err) {
      throw new Error(`CRL #${i + 1} in PEM: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  });
}

/** The first CRL in a PEM text as DER; throws if there is none. */
export function crlFromPem(text: string): Uint8Array<ArrayBuffer> {
  const first = crlsFromPem(text)[0];
  if (!first) throw new Error('no "-----BEGIN X509 CRL-----" or "-----BEGIN CRL-----" block found');
  return first;
}
