/**
 * Command and event names: the only part of the contract the sandboxed preload bundles.
 *
 * Kept free of zod and of any payload knowledge so the preload stays tiny and mechanical.
 */
export const COMMANDS = [
  'app.info',
  'cert.inspect',
  'cert.verify',
  'files.choose',
  'nginx.render',
  'nginx.lint',
  'nginx.check',
  'nginx.diff',
  'nginx.installPlan',
  'nginx.install',
  'probe.run',
  'health.list',
  'health.save',
  'health.delete',
  'health.schedule',
  'env.read',
  'env.preview',
  'env.save',
  'env.generateSecret',
  'posture.audit',
  'ca.status',
  'ca.unlock',
  'ca.lock',
  'ca.remember',
  'ca.init',
  'ca.createIntermediate',
  'ca.import',
  'ca.rotate',
  'ca.issueDevice',
  'ca.issueServer',
  'ca.signCsr',
  'ca.list',
  'ca.revoke',
  'ca.renew',
  'ca.publishCrl',
  'ca.export',
  'ca.auditLog',
] as const;
export const EVENTS = ['app.notice', 'health.status', 'ca.changed'] as const;

export type CommandName = (typeof COMMANDS)[number];
export type EventName = (typeof EVENTS)[number];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
