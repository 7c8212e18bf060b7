import { basename, dirname, extname, join } from 'node:path';
import type { IssueResult } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { commonNameOnly } from '../../../shared/ca/certificate';
import { checkCsr } from '../../../shared/ca/csr-policy';
import { deviceProfile } from '../../../shared/ca/profiles';
import { describeCsr } from '../../../shared/pki/describe';
import { toHex } from '../../../shared/pki/hex';
import { toPem } from '../../../shared/pki/pem';
import { readInput } from '../../../shared/pki/read-input';
import * as x509 from '../../../shared/pki/x509';
import type { CaContext } from './context';
import { currentIssuer, issueDetail, recordIssued, signLeaf } from './leaf';
import { issuedView } from './overview';

type CsrSource = ParsedInput<'ca.signCsr'>['csr'];

async function csrDer(ctx: CaContext, source: CsrSource): Promise<{ der: Uint8Array; name: string }> {
  let bytes: Uint8Array;
  if (source.kind === 'text') bytes = new TextEncoder().encode(source.text);
  else {
    try {
      bytes = await ctx.deps.fs.readFile(source.path);
    } catch (err) {
      throw new CommandFailure('UNREADABLE_FILE', `${source.path} could not be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const name = source.kind === 'text' ? source.name : source.path;
  const { blocks, errors } = readInput(bytes, name);
  const csrs = blocks.filter((b) => b.kind === 'csr');
  if (csrs.length !== 1) {
    const why = csrs.length > 1 ? `${csrs.length} requests (sign one at a time)` : errors[0]?.message ?? 'no certificate request';
    throw new CommandFailure('INVALID_INPUT', `${name}: expected one PKCS#10 certificate request, found ${why}`);
  }
  return { der: (csrs[0] as { der: Uint8Array }).der, name };
}

/** `<out>.chain.pem` beside `<out>` (a .pem/.crt extension is replaced). */
export function chainPathFor(outPath: string): string {
  const ext = extname(outPath);
  const stem = ext === '.pem' || ext === '.crt' ? basename(outPath, ext) : basename(outPath);
  return join(dirname(outPath), `${stem}.chain.pem`);
}

/**
 * ca.signCsr, the preferred path (the device keeps its key): the CSR's signature, CN (a device
 * id) and key are checked; the certificate carries the device profile and nothing else the
 * request asked for; what was dropped goes into the audit line.
 */
export function signCsrCommands(ctx: CaContext) {
  return {
    async 'ca.signCsr'(input: ParsedInput<'ca.signCsr'>): Promise<IssueResult & { readonly certificatePem: string }> {
      ctx.requireUnlocked();
      const { der, name } = await csrDer(ctx, input.csr);
      const described = await describeCsr(der, { file: name, index: 0 }).catch((err: unknown) => {
        throw new CommandFailure('INVALID_INPUT', `${name}: the certificate request could not be read (${err instanceof Error ? err.message : String(err)})`);
      });
      const publicKey = new x509.Pkcs10CertificateRequest(der.slice()).publicKey;
      const out = await ctx.store.exclusive(async () => {
        const file = await ctx.store.loadCas();
        const settings = ctx.settings(file);
        const issuer = await currentIssuer(ctx, file);
        const extensions = await deviceProfile(publicKey, issuer.signer.ski, settings);
        const verdict = checkCsr(described, extensions.map((e) => ({ oid: e.type, valueHex: toHex(e.value) })));
        if (!verdict.ok) throw new CommandFailure('INVALID_INPUT', `${name}: ${verdict.message}`);
        const leaf = await signLeaf(ctx, issuer, {
          kind: 'device',
          subject: commonNameOnly(verdict.deviceId),
          deviceId: verdict.deviceId,
          publicKey,
          extensions,
          validityDays: input.validityDays,
          origin: 'csr',
          renewedFrom: null,
        });
        const dropped = [
          verdict.droppedExtensions.length > 0 ? `; requested extensions not issued: ${verdict.droppedExtensions.join(', ')}` : '',
          verdict.droppedSubject !== null ? `; subject attributes dropped: ${verdict.droppedSubject}` : '',
        ].join('');
        await ctx.audit('sign-csr', issueDetail(leaf, `; ${verdict.keyLabel} key from ${name}${dropped}`));
        await recordIssued(ctx, leaf.record);
        const certificatePem = toPem(leaf.der, 'CERTIFICATE');
        const files: string[] = [];
        if (input.outPath !== undefined) {
          await ctx.deps.fs.writeFile(input.outPath, certificatePem, 0o644);
          const chainPath = chainPathFor(input.outPath);
          await ctx.deps.fs.writeFile(chainPath, [leaf.der, ...issuer.chain].map((d) => toPem(d, 'CERTIFICATE')).join(''), 0o644);
          files.push(input.outPath, chainPath);
        }
        return { certificate: issuedView(leaf.record, ctx.now(), settings), files, certificatePem };
      });
      await ctx.changed();
      return out;
    },
  };
}
