import type { Certificate } from './cert';
import type { NameConstraints, Subtree } from './extensions';
import { type GeneralName, showGeneralName, validDnsConstraint, validDnsName, validIpConstraint } from './general-name';
import { withinSubtree } from './name';

/**
 * RFC 5280 §4.2.1.10 / §6.1.3 (b)–(c) name constraints. Instead of computing intersections of
 * permitted subtrees, every name is checked against each CA's constraints in turn, which is the
 * same thing: a name is in the intersection exactly when every constraint set admits it.
 */

export interface ConstraintSource {
  readonly constraints: NameConstraints;
  /** "intermediate CN=Foo", for messages. */
  readonly owner: string;
}

/** Why a constraint set itself is unusable (wildcard dNSName, non-CIDR iPAddress), or null. */
export function constraintProblem(nc: NameConstraints): string | null {
  for (const { base } of [...nc.permitted, ...nc.excluded]) {
    if (base.kind === 'dns' && !validDnsConstraint(base.value)) return `the dNSName constraint "${base.value}" is not a valid domain`;
    if (base.kind === 'ip' && !validIpConstraint(base.bytes)) return `the iPAddress constraint ${showGeneralName(base)} is not an address with a CIDR mask`;
  }
  return null;
}

function dnsMatch(name: string, base: string): boolean {
  const n = name.toLowerCase();
  const b = base.toLowerCase();
  if (b === '') return true;
  if (b.startsWith('.')) return n.endsWith(b);
  return n === b || n.endsWith(`.${b}`);
}

function splitEmail(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return { local: email.slice(0, at), domain: email.slice(at + 1).toLowerCase() };
}

function emailMatch(name: string, base: string): boolean {
  const mailbox = splitEmail(name);
  if (!mailbox) return false;
  if (base.includes('@')) {
    const b = splitEmail(base);
    return b !== null && b.local === mailbox.local && b.domain === mailbox.domain;
  }
  const b = base.toLowerCase();
  return b.startsWith('.') ? mailbox.domain.endsWith(b) : mailbox.domain === b;
}

function uriHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
  const host = m?.[1];
  return host ? host.toLowerCase() : null;
}

function uriMatch(uri: string, base: string): boolean {
  const host = uriHost(uri);
  if (host === null) return false;
  const b = base.toLowerCase();
  return b.startsWith('.') ? host.endsWith(b) : host === b;
}

function ipMatch(addr: Uint8Array, base: Uint8Array): boolean {
  const len = addr.length;
  if ((len !== 4 && len !== 16) || base.length !== len * 2) return false;
  for (let i = 0; i < len; i++) {
    const mask = base[len + i] as number;
    if (((addr[i] as number) & mask) !== ((base[i] as number) & mask)) return false;
  }
  return true;
}

/** Does `name` fall inside subtree `base`? Only called when both have the same form. */
function matches(name: GeneralName, base: GeneralName): boolean {
  switch (name.kind) {
    case 'dns':
      return base.kind === 'dns' && validDnsName(name.value) && dnsMatch(name.value, base.value);
    case 'email':
      return base.kind === 'email' && emailMatch(name.value, base.value);
    case 'uri':
      return base.kind === 'uri' && uriMatch(name.value, base.value);
    case 'ip':
      return base.kind === 'ip' && ipMatch(name.bytes, base.bytes);
    case 'dn':
      return base.kind === 'dn' && withinSubtree(name.name, base.name);
    case 'other':
      return false;
  }
}

function sameForm(name: GeneralName, subtree: Subtree): boolean {
  const base = subtree.base;
  if (name.kind === 'other') return base.kind === 'other' && base.tag === name.tag;
  return base.kind === name.kind;
}

/** Names the constraints govern: subject DN (when not empty), SANs, and emailAddress attributes. */
export function constrainedNames(cert: Certificate): GeneralName[] {
  const names: GeneralName[] = [];
  if (cert.subject.rdns.length > 0) names.push({ kind: 'dn', name: cert.subject });
  for (const email of cert.subject.emails) names.push({ kind: 'email', value: email });
  names.push(...(cert.ext?.subjectAltName ?? []));
  return names;
}

/** The first violation of any source's constraints by `cert`'s names, as a message tail, or null. */
export function nameConstraintViolation(cert: Certificate, sources: readonly ConstraintSource[]): string | null {
  const names = constrainedNames(cert);
  for (const source of sources) {
    for (const name of names) {
      const shown = showGeneralName(name);
      if (name.kind === 'other' && [...source.constraints.permitted, ...source.constraints.excluded].some((s) => sameForm(name, s))) {
        return `has ${shown}, a name form the constraints of ${source.owner} cover but this validator cannot check`;
      }
      const permitted = source.constraints.permitted.filter((s) => sameForm(name, s));
      if (permitted.length > 0 && !permitted.some((s) => matches(name, s.base))) {
        return `has ${shown}, which is outside the names permitted by ${source.owner}`;
      }
      const excluded = source.constraints.excluded.filter((s) => sameForm(name, s));
      const invalid = (name.kind === 'dns' && !validDnsName(name.value)) || (name.kind === 'ip' && name.bytes.length !== 4 && name.bytes.length !== 16);
      if (excluded.length > 0 && (invalid || excluded.some((s) => matches(name, s.base)))) {
        return `has ${shown}, which is excluded by ${source.owner}`;
      }
    }
  }
  return null;
}
