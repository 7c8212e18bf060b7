import { KEY_ALGORITHMS, REVOCATION_REASONS, type KeyAlgorithm, type RevocationReason } from '../../../shared/model/ca';
import { normalizeSerial } from '../../../shared/pki/crl/serial';
import { defineCaCommand, intFlag, secretFromEnv } from './ca-define';
import { caInfoText, issueText, issuedText, listText, overviewText } from './ca-render';
import { usage } from './define';
import { pathSource, single } from './flag-values';

const KEY_HELP = KEY_ALGORITHMS.join('|');
const isKey = (v: string): v is KeyAlgorithm => (KEY_ALGORITHMS as readonly string[]).includes(v);
const isReason = (v: string): v is RevocationReason => (REVOCATION_REASONS as readonly string[]).includes(v);

function keyFlag(value: string | undefined): KeyAlgorithm | { usageError: string } {
  if (value === undefined) return 'ec-p256';
  return isKey(value) ? value : usage(`--key must be one of ${KEY_HELP}, got "${value}"`);
}

const noPositionals = (verb: string, positionals: readonly string[]) => (positionals.length > 0 ? usage(`${verb} takes no arguments, got "${positionals[0]}"`) : null);

/** `ca status`: the vault, the CAs with their CRL countdown, the inventory counts. */
export const caStatusCommand = defineCaCommand({
  dispatches: 'ca.status',
  summary: 'Show the vault state, the CAs and their CRL status',
  usage: 'sentinel-console ca status [--json]',
  flags: [],
  passphrase: 'none',
  toInput: (args) => noPositionals('ca status', args.positionals) ?? {},
  render: overviewText,
});

export const caInitCommand = defineCaCommand({
  dispatches: 'ca.init',
  summary: 'Create the root CA (and the vault, the first time)',
  usage: `sentinel-console ca init --subject "CN=…" [--key ${KEY_HELP}] [--validity-days N] [--passphrase-env NAME] [--data-dir DIR] [--json]`,
  details: 'The first ca init sets the vault passphrase (at least 12 characters); later CA commands need the same one.',
  flags: ['--subject', '--key', '--validity-days'],
  passphrase: 'input',
  toInput: (args, _ctx, passphrase) => {
    const subject = single(args, '--subject');
    if (subject === undefined) return usage('ca init needs --subject, e.g. --subject "CN=Sentinel Device CA, O=Example"');
    const keyAlgorithm = keyFlag(single(args, '--key'));
    if (typeof keyAlgorithm === 'object') return keyAlgorithm;
    const validityDays = intFlag(args, '--validity-days', 1, 36_500);
    if (typeof validityDays === 'object') return validityDays;
    return noPositionals('ca init', args.positionals) ?? { subject, keyAlgorithm, passphrase: passphrase ?? '', ...(validityDays ? { validityDays } : {}) };
  },
  render: caInfoText,
});

export const caImportCommand = defineCaCommand({
  dispatches: 'ca.import',
  summary: 'Bring an existing CA certificate and key into the vault (the key is re-encrypted)',
  usage: 'sentinel-console ca import --cert FILE --key FILE [--key-passphrase-env NAME] [--passphrase-env NAME] [--json]',
  flags: ['--cert', '--key', '--key-passphrase-env'],
  passphrase: 'input',
  toInput: (args, ctx, passphrase) => {
    const cert = single(args, '--cert');
    const key = single(args, '--key');
    if (cert === undefined || key === undefined) return usage('ca import needs --cert FILE and --key FILE');
    const keyPassphrase = secretFromEnv(args, ctx, '--key-passphrase-env');
    if (keyPassphrase !== null && typeof keyPassphrase === 'object') return keyPassphrase;
    return {
      certPath: pathSource(ctx, cert).path,
      keyPath: pathSource(ctx, key).path,
      vaultPassphrase: passphrase ?? '',
      ...(keyPassphrase !== null ? { keyPassphrase } : {}),
    };
  },
  render: caInfoText,
});

export const caIntermediateCommand = defineCaCommand({
  dispatches: 'ca.createIntermediate',
  summary: 'Create an intermediate CA under the root; it becomes the issuing CA',
  usage: `sentinel-console ca intermediate --parent CA_ID --subject "CN=…" [--key ${KEY_HELP}] [--validity-days N] [--passphrase-env NAME] [--json]`,
  flags: ['--parent', '--subject', '--key', '--validity-days'],
  passphrase: 'unlock',
  toInput: (args) => {
    const parentId = single(args, '--parent');
    const subject = single(args, '--subject');
    if (parentId === undefined || subject === undefined) return usage('ca intermediate needs --parent CA_ID (see ca status) and --subject');
    const keyAlgorithm = keyFlag(single(args, '--key'));
    if (typeof keyAlgorithm === 'object') return keyAlgorithm;
    const validityDays = intFlag(args, '--validity-days', 1, 36_500);
    if (typeof validityDays === 'object') return validityDays;
    return { parentId, subject, keyAlgorithm, ...(validityDays ? { validityDays } : {}) };
  },
  render: caInfoText,
});

export const caIssueCommand = defineCaCommand({
  dispatches: 'ca.issueDevice',
  summary: 'Issue a device certificate with a new key (ID.pem, ID-chain.pem, ID.key, ID.p12)',
  usage: 'sentinel-console ca issue --device-id ID --out DIR [--validity-days N] [--key-passphrase-env NAME] [--passphrase-env NAME] [--json]',
  details: 'The device key is written only encrypted (PKCS#8 ID.key and PKCS#12 ID.p12, one passphrase: --key-passphrase-env, default the CA passphrase). Prefer ca sign-csr: the device keeps its key.',
  flags: ['--device-id', '--out', '--validity-days', '--key-passphrase-env'],
  passphrase: 'unlock',
  toInput: (args, ctx, passphrase) => {
    const deviceId = single(args, '--device-id');
    const out = single(args, '--out');
    if (deviceId === undefined || out === undefined) return usage('ca issue needs --device-id ID and --out DIR');
    const validityDays = intFlag(args, '--validity-days', 1, 825);
    if (typeof validityDays === 'object') return validityDays;
    const keyPassphrase = secretFromEnv(args, ctx, '--key-passphrase-env');
    if (keyPassphrase !== null && typeof keyPassphrase === 'object') return keyPassphrase;
    return { deviceId, outDir: pathSource(ctx, out).path, key: { passphrase: keyPassphrase ?? passphrase ?? '' }, ...(validityDays ? { validityDays } : {}) };
  },
  render: issueText,
});

export const caSignCsrCommand = defineCaCommand({
  dispatches: 'ca.signCsr',
  summary: "Sign a device's CSR (CN = device id) under the device profile",
  usage: 'sentinel-console ca sign-csr FILE [--out FILE] [--validity-days N] [--passphrase-env NAME] [--json]',
  details: 'Writes the certificate to --out and the chain beside it (NAME.chain.pem); without --out the certificate goes to stdout.',
  flags: ['--out', '--validity-days'],
  passphrase: 'unlock',
  toInput: (args, ctx) => {
    if (args.positionals.length !== 1) return usage('ca sign-csr needs exactly one CSR file');
    const validityDays = intFlag(args, '--validity-days', 1, 825);
    if (typeof validityDays === 'object') return validityDays;
    const out = single(args, '--out');
    return {
      csr: pathSource(ctx, args.positionals[0] as string),
      ...(out !== undefined ? { outPath: pathSource(ctx, out).path } : {}),
      ...(validityDays ? { validityDays } : {}),
    };
  },
  render: (r) => (r.files.length > 0 ? issueText(r) : r.certificatePem.trimEnd()),
});

export const caRevokeCommand = defineCaCommand({
  dispatches: 'ca.revoke',
  summary: 'Revoke a certificate by serial and publish the CRLs',
  usage: `sentinel-console ca revoke --serial HEX [--reason ${REVOCATION_REASONS.join('|')}] [--passphrase-env NAME] [--json]`,
  flags: ['--serial', '--reason'],
  passphrase: 'unlock',
  toInput: (args) => {
    const text = single(args, '--serial');
    if (text === undefined) return usage('ca revoke needs --serial HEX (see ca list)');
    let serialNumber: string;
    try {
      serialNumber = normalizeSerial(text);
    } catch {
      return usage(`--serial must be hexadecimal, got "${text.slice(0, 80)}"`);
    }
    const reason = single(args, '--reason') ?? 'unspecified';
    if (!isReason(reason)) return usage(`--reason must be one of ${REVOCATION_REASONS.join(', ')}`);
    return { serialNumber, reason };
  },
  render: (c) => `revoked ${issuedText(c)}\nCRLs republished: reload the proxy to apply them`,
});

export const caCrlCommand = defineCaCommand({
  dispatches: 'ca.publishCrl',
  summary: 'Publish fresh CRLs and write the combined CRL (X509 CRL PEM) for ssl_crl',
  usage: 'sentinel-console ca crl [--out FILE] [--passphrase-env NAME] [--json]',
  flags: ['--out'],
  passphrase: 'unlock',
  toInput: (args) => noPositionals('ca crl', args.positionals) ?? {},
  render: (r) => [...r.crls.map((c) => `CRL #${c.crlNumber}: ${c.entries} revoked, next update ${c.nextUpdate}, ${c.path}`), `combined: ${r.combinedPath}`].join('\n'),
  deliver: async (r, args, ctx) => {
    const out = single(args, '--out');
    if (out === undefined) return null;
    const path = pathSource(ctx, out).path;
    const { backupPath } = await ctx.writeFile(path, await (await import('node:fs/promises')).readFile(r.combinedPath, 'utf8'));
    return `wrote ${path} (${r.crls.length} CRL${r.crls.length === 1 ? '' : 's'}, every CA in the chain)${backupPath ? `; previous file kept as ${backupPath}` : ''}`;
  },
});

export const caListCommand = defineCaCommand({
  dispatches: 'ca.list',
  summary: 'List issued certificates (serial, status, device, expiry)',
  usage: 'sentinel-console ca list [--filter all|valid|expiring|expired|revoked] [--json]',
  flags: ['--filter'],
  passphrase: 'none',
  toInput: (args) => {
    const filter = single(args, '--filter') ?? 'all';
    if (filter !== 'all' && filter !== 'valid' && filter !== 'expiring' && filter !== 'expired' && filter !== 'revoked') {
      return usage('--filter must be all, valid, expiring, expired or revoked');
    }
    return noPositionals('ca list', args.positionals) ?? { filter };
  },
  render: listText,
});

export const caExportCommand = defineCaCommand({
  dispatches: 'ca.export',
  summary: 'Write what the proxy needs: ca-bundle.pem (trusted CAs) and ca-crl.pem (their CRLs)',
  usage: 'sentinel-console ca export --out DIR [--passphrase-env NAME] [--json]',
  flags: ['--out'],
  passphrase: 'unlock',
  toInput: (args, ctx) => {
    const out = single(args, '--out');
    if (out === undefined) return usage('ca export needs --out DIR');
    return noPositionals('ca export', args.positionals) ?? { outDir: pathSource(ctx, out).path };
  },
  render: (r) => r.files.map((f) => `wrote ${f}`).join('\n'),
});
