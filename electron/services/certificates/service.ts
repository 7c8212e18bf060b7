import type { z } from '../../../shared/ipc/zod';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { InspectInputSchema, VerifyInputSchema } from '../../../shared/ipc/pki-schemas';
import type { Finding, InspectResult, PkiObject } from '../../../shared/model/pki';
import type { BytesPort } from '../../../shared/pki/bytes-port';
import { inspect, type KeyReader } from '../../../shared/pki/inspect';
import { readInput } from '../../../shared/pki/read-input';
import type { ValidationResult } from '../../../shared/pki/path/types';
import { checkKeyFileMode } from '../pki/key-file-mode';
import { loadSource, type SourceFs } from './sources';

export interface CertificateServiceDeps {
  readonly fs: SourceFs;
  readonly clock: () => Date;
  readonly keys: KeyReader;
  /** Native digests and base64 where the host has them (see shared/pki/bytes-port.ts). */
  readonly bytes?: BytesPort;
  /** The operating system's trust bundle (Debian: /etc/ssl/certs/ca-certificates.crt). */
  readonly systemTrustPath: string;
  /** The device CA certificates trusted right now (active, and previous during a rotation overlap), as DER. */
  readonly deviceCaTrust: () => Promise<Uint8Array[]>;
}

export interface CertificateService {
  inspect(input: z.output<typeof InspectInputSchema>): Promise<InspectResult>;
  verify(input: z.output<typeof VerifyInputSchema>): Promise<ValidationResult>;
}

/** Adds the OpenSSH-style permission finding to keys that came from files. */
async function withKeyFileModes(fs: SourceFs, objects: readonly PkiObject[]): Promise<PkiObject[]> {
  const modes = new Map<string, Finding | null>();
  return Promise.all(
    objects.map(async (o) => {
      if (o.kind !== 'key' || !o.source.file.startsWith('/')) return o;
      if (!modes.has(o.source.file)) {
        const info = await fs.stat(o.source.file).catch(() => null);
        modes.set(o.source.file, info ? checkKeyFileMode(info, o.source.file) : null);
      }
      const finding = modes.get(o.source.file);
      return finding ? { ...o, findings: [...o.findings, finding] } : o;
    }),
  );
}

function certificatesOf(bytes: Uint8Array, file: string): Uint8Array[] {
  const read = readInput(bytes, file);
  return read.blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
}

/** Inspection and path validation over files the main process reads on the renderer's behalf. */
export function createCertificateService(deps: CertificateServiceDeps): CertificateService {
  const load = (source: Parameters<typeof loadSource>[1]) => loadSource(deps.fs, source);

  async function trustAnchors(trust: z.output<typeof VerifyInputSchema>['trust']): Promise<Uint8Array[]> {
    switch (trust.kind) {
      case 'sources': {
        const inputs = await Promise.all(trust.sources.map(load));
        return inputs.flatMap((i) => certificatesOf(i.bytes, i.file));
      }
      case 'system': {
        const input = await load({ kind: 'path', path: deps.systemTrustPath });
        return certificatesOf(input.bytes, input.file);
      }
      case 'device-ca': {
        const anchors = await deps.deviceCaTrust();
        if (anchors.length === 0) throw new CommandFailure('NOT_FOUND', 'No device CA is set up yet: create or import one in the Device CA area, or choose a trust file.');
        return anchors;
      }
    }
  }

  return {
    async inspect(input) {
      const inputs = await Promise.all(input.sources.map(load));
      const result = await inspect(inputs, {
        role: input.role,
        deviceId: input.deviceId,
        now: input.at ? new Date(input.at) : deps.clock(),
        expiryWindowDays: input.expiryWindowDays,
        keys: deps.keys,
        ...(deps.bytes ? { bytes: deps.bytes } : {}),
        ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}),
      });
      return { ...result, objects: await withKeyFileModes(deps.fs, result.objects) };
    },

    async verify(input) {
      const leafInput = await load(input.leaf);
      const [leaf, ...bundled] = certificatesOf(leafInput.bytes, leafInput.file);
      if (!leaf) throw new CommandFailure('INVALID_INPUT', `${leafInput.file} holds no certificate to verify.`);
      const intermediates = (await Promise.all(input.intermediates.map(load))).flatMap((i) => certificatesOf(i.bytes, i.file));
      const anchors = await trustAnchors(input.trust);
      if (anchors.length === 0) throw new CommandFailure('INVALID_INPUT', 'The trust selection holds no certificate.');
      const crlInputs = await Promise.all(input.crls.map(load));
      const crls = crlInputs.flatMap((i) => readInput(i.bytes, i.file).blocks.filter((b) => b.kind === 'crl').map((b) => ({ der: b.der })));
      // On demand: inspect (the common call, and a CLI run's only one) never loads path validation.
      const { validatePath } = await import('../../../shared/pki/path');
      return validatePath({
        leaf,
        intermediates: [...bundled, ...intermediates],
        anchors,
        ...(input.crls.length > 0 ? { crls } : {}),
        at: input.at ? new Date(input.at) : deps.clock(),
        role: input.role,
        ...(input.maxDepth !== undefined ? { maxDepth: input.maxDepth } : {}),
      });
    },
  };
}
