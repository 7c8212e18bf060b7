/** M-5 and M-6: which certificate headers actually reach the upstream, and what they hold without a certificate. */
import type { LintFinding, NginxDirective } from '../../types';
import { findingAt, type Rule } from '../context';
import { effectiveAll, locationLabel, type Level, type LocationView, type ServerView } from '../model';

const CERT_VARIABLE = /\$\{?ssl_client_[a-z_]+\}?/g;
const IDENTITY_VARIABLE = /\$\{?ssl_client_(?!verify\b)[a-z_]+/;

const isCertHeader = (d: NginxDirective): boolean => d.name === 'proxy_set_header' && /\$\{?ssl_client_/.test(d.args[1] ?? '');
const headerKey = (d: NginxDirective): string => (d.args[0] ?? '').toLowerCase();
const headerList = (ds: readonly NginxDirective[]): string => ds.map((d) => d.args[0] ?? '').join(', ');

function serverLevels(server: ServerView): Level[] {
  return [...server.chain, ...server.locations.map((l) => l.chain[l.chain.length - 1] as Level)];
}

interface Hole {
  readonly breaker: NginxDirective;
  readonly headers: Map<string, NginxDirective>;
  readonly locations: Set<string>;
}

/** Certificate headers set at an outer level that a level with its own proxy_set_header drops. */
function droppedHeaders(location: LocationView, holes: Map<NginxDirective, Hole>): Set<string> {
  const { depth, directives } = effectiveAll(location.chain, 'proxy_set_header');
  const inEffect = new Set(directives.map(headerKey));
  const dropped = new Set<string>();
  const breaker = directives[0];
  if (!breaker) return dropped;
  for (const level of location.chain.slice(0, Math.max(depth, 0))) {
    for (const d of level.directives.filter(isCertHeader)) {
      if (inEffect.has(headerKey(d)) || dropped.has(headerKey(d))) continue;
      dropped.add(headerKey(d));
      const hole = holes.get(breaker) ?? { breaker, headers: new Map(), locations: new Set() };
      hole.headers.set(headerKey(d), d);
      hole.locations.add(locationLabel(location.directive));
      holes.set(breaker, hole);
    }
  }
  return dropped;
}

function inheritanceHoles(server: ServerView): LintFinding[] {
  const setSomewhere = new Map<string, NginxDirective>();
  for (const level of serverLevels(server)) for (const d of level.directives.filter(isCertHeader)) if (!setSomewhere.has(headerKey(d))) setSomewhere.set(headerKey(d), d);
  const holes = new Map<NginxDirective, Hole>();
  const findings: LintFinding[] = [];
  for (const location of server.locations.filter((l) => l.proxyPasses.length > 0)) {
    const dropped = droppedHeaders(location, holes);
    const inEffect = new Set(effectiveAll(location.chain, 'proxy_set_header').directives.map(headerKey));
    const unset = [...setSomewhere.entries()].filter(([key]) => !inEffect.has(key) && !dropped.has(key)).map(([, d]) => d);
    if (unset.length === 0) continue;
    findings.push(
      findingAt(
        'M-5',
        'critical',
        location.directive,
        `${locationLabel(location.directive)} proxies without setting ${headerList(unset)}, which other locations of this server fill from the client certificate (line ${unset.map((d) => d.pos.line).join(', ')}): here a client can send its own.`,
        `Set the same certificate headers for this location (best once at server level, with no proxy_set_header in any location), or clear each one with \`proxy_set_header ${unset[0]?.args[0] ?? 'X-SSL-Client-S-DN'} "";\`.`,
      ),
    );
  }
  for (const hole of holes.values()) {
    const headers = [...hole.headers.values()];
    findings.push(
      findingAt(
        'M-5',
        'critical',
        hole.breaker,
        `This proxy_set_header replaces every inherited one, so ${headerList(headers)} (set at line ${headers.map((d) => d.pos.line).join(', ')}) ${headers.length > 1 ? 'are' : 'is'} not sent for ${[...hole.locations].join(', ')}: a client can send its own value to the upstream.`,
        'nginx inherits proxy_set_header only into levels that set none: repeat the certificate headers next to this one, or move all proxy_set_header lines to one level.',
      ),
    );
  }
  return findings;
}

/** A literal around a certificate variable is sent even when there is no certificate (`Subject=` with nothing after it). */
function literalTemplates(server: ServerView): NginxDirective[] {
  return serverLevels(server).flatMap((level) =>
    level.directives.filter((d) => {
      const value = d.args[1] ?? '';
      return d.name === 'proxy_set_header' && IDENTITY_VARIABLE.test(value) && value.replace(CERT_VARIABLE, '') !== '';
    }),
  );
}

export const checkHeaderInheritance: Rule = (model) => model.servers.flatMap(inheritanceHoles);

function literalFinding(d: NginxDirective): LintFinding {
  const name = d.args[0] ?? 'X-SSL-Client-S-DN';
  const value = d.args[1] ?? '';
  const variables = value.match(CERT_VARIABLE) ?? [];
  const fix =
    variables.length > 1
      ? `Send each certificate value in its own header holding only the variable (e.g. \`proxy_set_header ${name} ${variables[0] ?? ''};\`), so it is empty, and dropped, without a certificate.`
      : `Set the header to the variable alone (\`proxy_set_header ${name} ${variables[0] ?? '$ssl_client_s_dn'};\`), so it is empty, and dropped, without a certificate.`;
  return findingAt(
    'M-6',
    'low',
    d,
    `${name} is still sent, as \`${value.replace(CERT_VARIABLE, '')}\`, when the client has no certificate: the text around the certificate variable is emitted regardless, and the upstream sees a present but empty identity.`,
    fix,
  );
}

export const checkHeaderLiterals: Rule = (model) => [...new Set(model.servers.flatMap(literalTemplates))].map(literalFinding);
