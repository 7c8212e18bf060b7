import type { CaInfo } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { certFacts } from '../../../shared/ca/certificate';
import { demote, effectiveStatus } from '../../../shared/ca/rotation';
import { extensionFacts } from '../../../shared/pki/cert-extensions';
import { sameBytes } from '../../../shared/pki/describe';
import { toPem } from '../../../shared/pki/pem';
import { readInput } from '../../../shared/pki/read-input';
import { certificateParts } from '../../../shared/pki/tbs';
import * as x509 from '../../../shared/pki/x509';
import type { CaContext } from './context';
import { describeForAudit } from './ca-material';
import { readImportedKey } from './import-key';
import { openVaultWith } from './lifecycle';
import { caInfo, certDer } from './overview';
import type { StoredCa } from './store-types';

async function readFileOrFail(ctx: CaContext, path: string): Promise<Uint8Array> {
  try {
    return await ctx.deps.fs.readFile(path);
  } catch (err) {
    throw new CommandFailure('UNREADABLE_FILE', `${path} could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The CA certificate of an import: the first certificate in the file, which must be a usable CA. */
function caCertificate(bytes: Uint8Array, path: string, now: Date): Uint8Array<ArrayBuffer> {
  const cert = readInput(bytes, path).blocks.find((b) => b.kind === 'certificate');
  if (!cert) throw new CommandFailure('INVALID_INPUT', `${path} holds no certificate`);
  const parts = certificateParts(cert.der);
  const facts = extensionFacts(parts.extensions);
  if (facts.basicConstraints?.ca !== true) throw new CommandFailure('INVALID_INPUT', `${path} is not a CA certificate (basicConstraints cA is not set)`);
  if (facts.keyUsage !== null && !facts.keyUsage.includes('keyCertSign')) throw new CommandFailure('INVALID_INPUT', `${path} is a CA certificate without keyCertSign: it cannot sign certificates`);
  if (facts.subjectKeyId === null) throw new CommandFailure('INVALID_INPUT', `${path} has no subject key identifier, which the certificates it issues must reference (AKI)`);
  if (parts.notAfter.getTime() <= now.getTime()) throw new CommandFailure('INVALID_INPUT', `${path} expired on ${parts.notAfter.toISOString()}`);
  return Uint8Array.from(cert.der);
}

async function signedBy(child: Uint8Array<ArrayBuffer>, parent: StoredCa): Promise<boolean> {
  const issuer = new x509.X509Certificate(certDer(parent.certPem));
  return new x509.X509Certificate(child).verify({ publicKey: issuer.publicKey, signatureOnly: true }).catch(() => false);
}

/** ca.import: an existing CA (root, or intermediate under a root already here or held offline) with its key. */
export function importCommands(ctx: CaContext) {
  return {
    async 'ca.import'(input: ParsedInput<'ca.import'>): Promise<CaInfo> {
      const now = ctx.now();
      const der = caCertificate(await readFileOrFail(ctx, input.certPath), input.certPath, now);
      const facts = await certFacts(der);
      const keyBytes = await readFileOrFail(ctx, input.keyPath);
      const { pkcs8, algorithm } = readImportedKey(keyBytes, input.keyPassphrase, facts.spki, input.keyPath);
      try {
        const info = await ctx.store.exclusive(async () => {
          const file = await ctx.store.loadCas();
          const dup = file.cas.find((c) => c.certPem === toPem(der, 'CERTIFICATE'));
          if (dup) throw new CommandFailure('INVALID_INPUT', `this CA is already in the console (id ${dup.id})`);
          const inUse = file.cas.filter((c) => effectiveStatus(c, now) !== 'retired');
          const parts = certificateParts(der);
          const role = sameBytes(parts.subjectDer, parts.issuerDer) ? 'root' : 'intermediate';
          let parentId: string | null = null;
          if (role === 'root' && inUse.some((c) => c.role === 'root')) throw new CommandFailure('FORBIDDEN', 'a root CA is already in use: import it after retiring that one, or use ca rotate');
          if (role === 'intermediate') {
            for (const c of inUse) if (c.role === 'root' && (await signedBy(der, c))) parentId = c.id;
            if (parentId === null && inUse.length > 0) throw new CommandFailure('FORBIDDEN', `the intermediate's issuer (${facts.issuer}) is not a CA in this console`);
          }
          await openVaultWith(ctx, input.vaultPassphrase);
          const id = ctx.randomHex(8);
          await ctx.deps.vault.storeKey(id, pkcs8, algorithm);
          const stored: StoredCa = {
            id, role, status: 'active', parentId, keyAlgorithm: algorithm, createdAt: now.toISOString(), notAfter: facts.notAfter.toISOString(),
            overlapUntil: null, certPem: toPem(der, 'CERTIFICATE'), lastCrlNumber: 0, crl: null,
          };
          await ctx.audit('import', `${await describeForAudit(stored)} from ${input.certPath}; key re-encrypted into the vault`);
          const replaced = new Set(role === 'intermediate' ? file.cas.filter((c) => c.role === 'intermediate' && c.status === 'active').map((c) => c.id) : []);
          await ctx.store.saveCas({ ...file, cas: [...demote(file.cas, replaced, now, ctx.settings(file).intermediateOverlapDays), stored] });
          return caInfo(stored, now);
        });
        await ctx.changed();
        return info;
      } finally {
        pkcs8.fill(0);
      }
    },
  };
}
