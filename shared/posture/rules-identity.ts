import { readBool } from './booleans';
import { boolRule, sev } from './bool-rule';
import type { AuditFacts, Rule, Verdict } from './rule-types';

const REVOCATION = /^SENTINEL_\w*(CRL|OCSP|REVOCATION)\w*$/;

export const isRevocationKey = (key: string): boolean => REVOCATION.test(key);
const WORKLOAD_KEY = /^SENTINEL_\w*WORKLOAD\w*ASSERTION\w*KEY\w*$/;
const SIGNING_SIDE = /SIGNING|PRIVATE/;
const VERIFYING_SIDE = /VERIF|PUBLIC/;

/** A revocation input that turns something on: not empty, not a false boolean, not a bare number (a timeout). */
function isActive(value: string): boolean {
  const reading = readBool(value);
  if (reading.kind === 'bool') return reading.lenient;
  return value.trim() !== '' && !/^\d+$/.test(value.trim());
}

function revocationVerdicts(keys: readonly string[], facts: AuditFacts): Verdict[] {
  if (keys.length === 0) {
    return [{ key: null, outcome: 'doubt', message: 'No SENTINEL_*CRL*, *OCSP* or *REVOCATION* setting found: revocation inputs look unconfigured (names inferred)' }];
  }
  const missingFiles: Verdict[] = [];
  for (const key of keys) {
    const file = facts.paths.get(facts.values.get(key) ?? '');
    if (file !== undefined && !file.exists) missingFiles.push({ key, outcome: 'bad', message: `${key} names ${file.path}, which does not exist` });
  }
  const active = keys.filter((k) => isActive(facts.values.get(k) ?? ''));
  const summary: Verdict =
    active.length > 0
      ? { key: active[0] ?? null, outcome: 'ok', message: `Revocation input set: ${active.join(', ')}` }
      : { key: keys[0] ?? null, outcome: 'bad', message: `Revocation inputs are empty or off: ${keys.join(', ')}` };
  return [summary, ...missingFiles];
}

function workloadKeyVerdicts(keys: readonly string[], facts: AuditFacts): Verdict[] {
  const set = (k: string): boolean => (facts.values.get(k) ?? '').trim() !== '';
  const signing = keys.filter((k) => SIGNING_SIDE.test(k));
  const verifying = keys.filter((k) => VERIFYING_SIDE.test(k) && !SIGNING_SIDE.test(k));
  const signingSet = signing.filter(set);
  const verifyingSet = verifying.filter(set);
  if (signingSet.length === 0 && verifyingSet.length === 0) {
    return [{ key: null, outcome: 'unchecked', message: 'No workload assertion signing or verification key is set (names inferred), so the pairing was not checked' }];
  }
  if (signingSet.length > 0 && verifyingSet.length > 0) {
    return [{ key: signingSet[0] ?? null, outcome: 'ok', message: `Signing (${signingSet.join(', ')}) and verification (${verifyingSet.join(', ')}) keys are both configured` }];
  }
  const [have, lack] = signingSet.length > 0 ? [signingSet, 'verification'] : [verifyingSet, 'signing'];
  return [{ key: have[0] ?? null, outcome: 'bad', message: `${have.join(', ')} set but no ${lack} key: issuance and validation drift apart` }];
}

export const IDENTITY_RULES: readonly Rule[] = [
  boolRule({
    id: 'new-device-approval',
    group: 'enrollment-and-identity',
    key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL',
    expected: true,
    severity: sev('medium', 'info'),
    reason: 'New devices should wait for an admin identity review before they are trusted.',
    wrongNote: '; acceptable only while you deliberately run an open enrollment window',
  }),
  boolRule({
    id: 'cert-cn-match',
    group: 'enrollment-and-identity',
    key: 'SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH',
    expected: true,
    severity: sev('high', 'low'),
    reason: "A device certificate's common name must equal the device_id it reports, or one device's certificate speaks for another.",
    fix: 'Set SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH=true and issue device certificates with CN = device_id.',
  }),
  {
    id: 'revocation-inputs',
    group: 'enrollment-and-identity',
    appliesTo: { kind: 'pattern', describe: 'SENTINEL_*CRL*, SENTINEL_*OCSP*, SENTINEL_*REVOCATION*', matches: isRevocationKey },
    severity: sev('high', 'info'),
    reason: 'Production certificates need CRL and/or OCSP validation, not empty revocation inputs; the variable names are inferred.',
    fix: "Point the CRL setting at the device CA's current CRL (and keep it fresh) or enable OCSP.",
    inferred: true,
    recommended: null,
    check: revocationVerdicts,
  },
  boolRule({
    id: 'workload-one-time-use',
    group: 'workload-trust',
    key: 'SENTINEL_WORKLOAD_ASSERTION_ONE_TIME_USE',
    expected: true,
    severity: sev('medium', 'info'),
    reason: 'Higher-assurance workload clients should redeem each assertion once, so a captured one cannot be replayed.',
  }),
  boolRule({
    id: 'workload-bind-source-ip',
    group: 'workload-trust',
    key: 'SENTINEL_WORKLOAD_ASSERTION_BIND_SOURCE_IP',
    expected: true,
    severity: sev('medium', 'info'),
    reason: 'Higher-assurance workload assertions should be bound to the source IP they were issued to.',
  }),
  {
    id: 'workload-key-pair',
    group: 'workload-trust',
    appliesTo: { kind: 'pattern', describe: 'SENTINEL_*WORKLOAD*ASSERTION*KEY* (SIGNING/PRIVATE vs VERIFY/PUBLIC)', matches: (key) => WORKLOAD_KEY.test(key), includeNamed: true },
    severity: sev('high', 'low'),
    reason: 'Workload assertion signing and verification keys are configured together so issuance and validation stay aligned; the names are inferred.',
    fix: 'Configure the signing key and the matching verification key together.',
    inferred: true,
    recommended: null,
    check: workloadKeyVerdicts,
  },
];
