import { sev } from './bool-rule';
import type { Rule, Verdict } from './rule-types';
import { isInlineKeyMaterial, isPrivateKeyMaterialKey, isStrengthSecretKey } from './secret-keys';
import { assessSecret, MIN_SECRET_LENGTH } from './secret-strength';

const GENERATE_FIX = `Generate a fresh random value (at least ${MIN_SECRET_LENGTH} characters, e.g. the console's generator or \`python3 -c "import secrets; print(secrets.token_urlsafe(32))"\`) and restart the services that use it.`;

/** Never quotes the value: only its length, the estimate and the problems found. */
function strengthVerdict(key: string, value: string | undefined, required: boolean): Verdict {
  if (value === undefined || value === '') {
    const state = value === undefined ? 'is not set' : 'is empty';
    return required
      ? { key, outcome: 'bad', message: `${key} ${state}` }
      : { key, outcome: 'doubt', message: `${key} ${state}; if the feature it protects is in use, it needs a long random value` };
  }
  const a = assessSecret(value);
  if (a.problems.length === 0) return { key, outcome: 'ok', message: `${key} is ${a.length} characters with about ${a.bits} bits of entropy` };
  return { key, outcome: 'bad', message: `${key} ${a.problems.join(', ')}` };
}

function namedSecret(id: string, key: string): Rule {
  return {
    id,
    group: 'secrets-and-signing',
    appliesTo: { kind: 'key', key },
    severity: sev('critical', 'info'),
    reason: `The production profile says to replace ${key} with a long random value (≥ ${MIN_SECRET_LENGTH} characters, ≥ 128 bits, no placeholder).`,
    fix: GENERATE_FIX,
    inferred: false,
    recommended: 'generate',
    check: ([k = key], facts) => [strengthVerdict(k, facts.values.get(k), true)],
  };
}

/** Same value under two names: report the names, never the value. */
function distinctVerdicts(keys: readonly string[], values: ReadonlyMap<string, string>): Verdict[] {
  const byValue = new Map<string, string[]>();
  for (const key of keys) {
    const value = values.get(key) ?? '';
    if (value !== '') byValue.set(value, [...(byValue.get(value) ?? []), key]);
  }
  const shared = [...byValue.values()].filter((names) => names.length > 1);
  if (shared.length === 0) {
    return byValue.size < 2 ? [] : [{ key: null, outcome: 'ok', message: `The ${byValue.size} secrets all differ` }];
  }
  return shared.map((names) => ({ key: names[0] ?? null, outcome: 'bad', message: `${names.join(' and ')} hold the same value` }));
}

function pathOf(facts: { values: ReadonlyMap<string, string> }, key: string): string {
  return facts.values.get(key) ?? '';
}

export const SECRET_RULES: readonly Rule[] = [
  namedSecret('secret-key', 'SENTINEL_SECRET_KEY'),
  namedSecret('jwt-secret', 'SENTINEL_JWT_SECRET'),
  {
    id: 'secret-strength',
    group: 'secrets-and-signing',
    appliesTo: { kind: 'pattern', describe: '*SECRET*, *TOKEN*, *HMAC*, *BEARER*, *PASSWORD*, *API_KEY* (not lifetimes, paths or switches)', matches: isStrengthSecretKey },
    severity: sev('high', 'info'),
    reason: 'Workload tokens, HMAC secrets and monitoring bearer tokens must be long random values; which keys hold them is inferred from their names.',
    fix: GENERATE_FIX,
    inferred: true,
    recommended: 'generate',
    check: (keys, facts) => keys.map((key) => strengthVerdict(key, facts.values.get(key), false)),
  },
  {
    id: 'secrets-distinct',
    group: 'secrets-and-signing',
    appliesTo: { kind: 'pattern', describe: 'every secret-named key', matches: isStrengthSecretKey, includeNamed: true },
    severity: sev('high', 'info'),
    reason: 'Inferred: one value under two names means one leak exposes both (e.g. session and JWT signing).',
    fix: 'Generate a separate random value for each of the keys named.',
    inferred: true,
    recommended: 'generate',
    check: (keys, facts) => distinctVerdicts(keys, facts.values),
  },
  {
    id: 'private-key-location',
    group: 'secrets-and-signing',
    appliesTo: { kind: 'pattern', describe: '*PRIVATE_KEY*, *SIGNING_KEY*, *KEY_PATH*, *KEY_FILE* (not public/verification keys)', matches: isPrivateKeyMaterialKey, includeNamed: true },
    severity: sev('high', 'info'),
    reason: 'Ed25519 private keys (workload and trust assertions, policy bundles, backups, evidence) belong outside the repository; which keys name them is inferred.',
    fix: 'Move the key file outside the project (e.g. /etc/sentinel-secure-x/keys/), chmod 600, and point the setting at it.',
    inferred: true,
    recommended: null,
    check: (keys, facts) =>
      keys.map((key): Verdict => {
        const path = pathOf(facts, key);
        if (path === '') return { key, outcome: 'unchecked', message: `${key} is empty: no key file to check` };
        if (isInlineKeyMaterial(path)) return { key, outcome: 'bad', message: `${key} holds the private key inline in the .env instead of naming a file` };
        const file = facts.paths.get(path);
        if (file === undefined) return { key, outcome: 'unchecked', message: `${key}: no file facts (audited from text), so ${path} was not checked` };
        if (!file.exists) return { key, outcome: 'bad', message: `${key} names ${file.path}, which does not exist` };
        if (file.insideProject) return { key, outcome: 'bad', message: `${key} names ${file.path}, inside the project directory or its git work tree` };
        return { key, outcome: 'ok', message: `${key} names ${file.path}, outside the project` };
      }),
  },
  {
    id: 'private-key-permissions',
    group: 'secrets-and-signing',
    appliesTo: { kind: 'pattern', describe: 'the same keys, when they name a file', matches: isPrivateKeyMaterialKey, includeNamed: true },
    severity: sev('high', 'low'),
    reason: 'Inferred: a private key file readable by group or others (mode & 0o077) can be copied by any local account.',
    fix: 'chmod 600 the key file and chown it to the service account that signs with it.',
    inferred: true,
    recommended: null,
    check: (keys, facts) =>
      keys.flatMap((key): Verdict[] => {
        const file = facts.paths.get(pathOf(facts, key));
        if (file === undefined || !file.exists) return [];
        if (file.mode === null) return [{ key, outcome: 'doubt', message: `${key}: the permissions of ${file.path} could not be read` }];
        const mode = `0${(file.mode & 0o777).toString(8).padStart(3, '0')}`;
        const owner = file.ownedByCurrentUser === false ? ' (owned by another user)' : '';
        if ((file.mode & 0o077) !== 0) return [{ key, outcome: 'bad', message: `${key}: ${file.path} has mode ${mode}${owner}, readable or writable by group or others` }];
        return [{ key, outcome: 'ok', message: `${key}: ${file.path} has mode ${mode}${owner}` }];
      }),
  },
  {
    id: 'external-signer',
    group: 'secrets-and-signing',
    appliesTo: { kind: 'pattern', describe: '*SIGN*_COMMAND, *SIGN*_HOOK, *HSM*', matches: (key) => /SIGN\w*_(COMMAND|HOOK|CMD)$|HSM/.test(key) },
    severity: sev('info', 'info'),
    reason: 'The checklist prefers external signing commands or HSM-backed hooks where available; the key names are inferred.',
    fix: 'Where an HSM or signing service exists, configure the hook instead of a key file.',
    inferred: true,
    recommended: null,
    check: (keys, facts) =>
      keys.map((key) => ({ key, outcome: 'ok', message: (facts.values.get(key) ?? '') === '' ? `${key} is empty (not in use)` : `${key} is set: an external signer is in use` })),
  },
];
