import { parse } from 'dotenv';
import { applyEdits } from '../../shared/env/edit';
import { parseEnvDocument } from '../../shared/env/document';
import { auditEnv } from '../../shared/posture';
import { median } from './median';

/** A control-plane `.env` padded to `lines` lines: the checklist's keys, comments, blanks and many extra settings. */
function bigEnv(lines: number): string {
  const out = [
    '# Sentinel Secure X control plane',
    'SENTINEL_SECRET_KEY=Zq3v9Lr8tY2pW6xN1cB5mK7hJ4gF0dSaQeRtUyIoPlMn',
    "SENTINEL_JWT_SECRET='u8Hj3Kl9Qw2Er5Ty7Ui1Op4As6Df0Gh3Jk8Lz'",
    'export SENTINEL_TRUST_PROXY_CERT_HEADERS=true',
    'SENTINEL_REQUIRE_DEVICE_MTLS=true',
    'SENTINEL_ALLOWED_ORIGINS=https://console.example.com',
    'SENTINEL_DATABASE_REQUIRE_POSTGRESQL=true',
    '',
  ];
  for (let i = 0; out.length < lines; i++) {
    if (i % 10 === 0) out.push(`# section ${i / 10}`);
    else if (i % 10 === 5) out.push('');
    else out.push(`APP_SETTING_${i}=${i % 3 === 0 ? `"value with spaces ${i}"` : `value${i}`}`);
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/**
 * `npm run bench` case: the Posture screen's work on one 2,000-line `.env` (read with the
 * lossless model, audit against the production profile; then a round-trip edit: apply, re-read,
 * verify) against `dotenv.parse` alone on the same text, which only reads it.
 */
export async function benchEnv(rounds: number): Promise<string> {
  const text = bigEnv(2000);
  const rounds10 = rounds * 10;
  const audit = (): void => {
    const model = parseEnvDocument(text);
    const result = auditEnv({ file: '/bench/.env', sha256: '0'.repeat(64), values: model.values, entries: model.entries, profile: 'production', proxyMode: 'nginx-mtls', paths: new Map(), now: new Date() });
    if (result.results.length === 0) throw new Error('the audit produced no results');
  };
  const edit = (): void => {
    const { text: edited, refused } = applyEdits(text, [
      { kind: 'set', key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', value: 'true' },
      { kind: 'set', key: 'APP_SETTING_12', value: 'it\'s "quoted" # not a comment' },
      { kind: 'remove', key: 'APP_SETTING_13' },
    ]);
    if (refused.length > 0 || parse(edited)['APP_SETTING_12'] !== 'it\'s "quoted" # not a comment') throw new Error('the round-trip edit did not read back');
  };
  const ours = await median(rounds10, async () => audit());
  const ourEdit = await median(rounds10, async () => edit());
  const theirs = await median(rounds10, async () => parse(text));
  return [
    `.env audit of ${text.split('\n').length - 1} lines (lossless read + production rules): ${ours.toFixed(2)} ms vs dotenv.parse alone ${theirs.toFixed(2)} ms, ratio ${(ours / theirs).toFixed(2)}x`,
    `.env round-trip edit of the same file (apply, re-read, verify every key): ${ourEdit.toFixed(2)} ms vs dotenv.parse alone ${theirs.toFixed(2)} ms, ratio ${(ourEdit / theirs).toFixed(2)}x`,
  ].join('\n');
}
