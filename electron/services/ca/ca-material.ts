import type { KeyAlgorithm } from '../../../shared/model/ca';
import { generateKeyPair } from '../../../shared/ca/algorithms';
import { signCertificate, validityWindow } from '../../../shared/ca/certificate';
import { serialFromRandom } from '../../../shared/ca/serial';
import { intermediateProfile, rootProfile } from '../../../shared/ca/profiles';
import { toPem } from '../../../shared/pki/pem';
import * as x509 from '../../../shared/pki/x509';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { CaContext, SigningKey } from './context';
import { caFacts, certDer } from './overview';
import type { StoredCa } from './store-types';

type PublicCryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['publicKey'];

/** A CA that can sign: its record, certificate facts and the vault's key. */
export interface CaSigner {
  readonly ca: StoredCa;
  readonly der: Uint8Array<ArrayBuffer>;
  readonly name: x509.Name;
  /** The subject exactly as encoded: a CRL's issuer must match it byte for byte. */
  readonly subjectDer: Uint8Array;
  readonly ski: string;
  readonly notAfter: Date;
  readonly key: SigningKey;
}

export async function caSigner(ctx: CaContext, ca: StoredCa): Promise<CaSigner> {
  const der = certDer(ca.certPem);
  const facts = await caFacts(ca.certPem);
  if (facts.subjectKeyId === null) throw new CommandFailure('INVALID_INPUT', `CA ${ca.id} has no subject key identifier, so its certificates could not name it (AKI)`);
  return { ca, der, name: new x509.Name(facts.subjectDer.slice()), subjectDer: facts.subjectDer, ski: facts.subjectKeyId, notAfter: facts.notAfter, key: await ctx.signingKey(ca) };
}

/** Operator text like "CN=Sentinel Device CA, O=Example" as a Name, or a clear refusal. */
export function parseSubject(text: string): x509.Name {
  let name: x509.Name;
  try {
    name = new x509.Name(text);
  } catch {
    throw new CommandFailure('INVALID_INPUT', `the subject "${text.slice(0, 120)}" is not a distinguished name such as "CN=Sentinel Device CA, O=Example"`);
  }
  if (name.getField('CN').length === 0) throw new CommandFailure('INVALID_INPUT', `the subject "${text.slice(0, 120)}" needs a CN`);
  return name;
}

/**
 * A new CA key: generated extractable only to be exported once as PKCS#8 into the vault (which
 * encrypts it at rest), then the buffer is zeroed and only the vault's non-extractable key signs.
 */
async function newCaKey(ctx: CaContext, id: string, alg: KeyAlgorithm): Promise<{ publicKey: PublicCryptoKey; signingKey: SigningKey }> {
  const pair = await generateKeyPair(alg);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  try {
    await ctx.deps.vault.storeKey(id, pkcs8, alg);
  } finally {
    pkcs8.fill(0);
  }
  return { publicKey: pair.publicKey, signingKey: await ctx.deps.vault.signingKey(id) };
}

export interface MintCaInput {
  readonly subject: x509.Name;
  readonly keyAlgorithm: KeyAlgorithm;
  readonly validityDays: number;
  /** null: a self-signed root. */
  readonly parent: CaSigner | null;
}

/** Creates a root or (under `parent`) a pathLen-0 intermediate; the caller audits and persists the record. */
export async function mintCa(ctx: CaContext, input: MintCaInput): Promise<StoredCa> {
  const now = ctx.now();
  const id = ctx.randomHex(8);
  const key = await newCaKey(ctx, id, input.keyAlgorithm);
  const window = validityWindow(now, input.validityDays, input.parent?.notAfter ?? null);
  const der = await signCertificate({
    subject: input.subject,
    issuer: input.parent?.name ?? input.subject,
    publicKey: key.publicKey,
    signingKey: input.parent?.key ?? key.signingKey,
    signingAlgorithm: input.parent?.ca.keyAlgorithm ?? input.keyAlgorithm,
    serialHex: serialFromRandom(ctx.deps.random(16)),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    extensions: input.parent ? await intermediateProfile(key.publicKey, input.parent.ski) : await rootProfile(key.publicKey),
  });
  return {
    id,
    role: input.parent ? 'intermediate' : 'root',
    status: 'active',
    parentId: input.parent?.ca.id ?? null,
    keyAlgorithm: input.keyAlgorithm,
    createdAt: now.toISOString(),
    notAfter: window.notAfter.toISOString(),
    overlapUntil: null,
    certPem: toPem(der, 'CERTIFICATE'),
    lastCrlNumber: 0,
    crl: null,
  };
}

/** One line for the audit log: ids, subject, algorithm, fingerprint; never key material. */
export async function describeForAudit(ca: StoredCa): Promise<string> {
  const facts = await caFacts(ca.certPem);
  return `${ca.role} CA ${ca.id} "${facts.subject}" ${ca.keyAlgorithm} serial ${facts.serialNumber} sha256 ${facts.sha256}`;
}
