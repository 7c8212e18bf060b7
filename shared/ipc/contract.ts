import type { z } from './zod';
import type { AppInfo, AppNotice } from '../model/app-info';
import type { InspectResult } from '../model/pki';
import type { ValidationResult } from '../pki/path/types';
import type { NginxDiffReport, NginxInstallPlan, NginxInstallReport, NginxLintReport, NginxRenderOutcome, NginxTestResult } from '../model/nginx';
import type { ProbeReport, ProfileStatus } from '../model/probe';
import type { AuditResult, EnvDocument, EnvPreview, EnvSaveOutcome } from '../model/posture';
import type { AuditLogView, CaInfo, CaOverview, CrlStatus, IssuedCertificate, IssueResult, VaultState } from '../model/ca';
import type { CommandName, EventName } from './channels';
import type { ChosenFiles } from './files-schemas';
import { caInputs } from './ca-schemas';
import { filesInputs } from './files-schemas';
import { appInputs } from './namespace-inputs';
import { nginxInputs } from './nginx-schemas';
import { certInputs } from './pki-schemas';
import { postureInputs } from './posture-schemas';
import { probeInputs } from './probe-schemas';

/** Phantom value: carries an output type in the table at no run-time cost. */
const out = <T>(): T => undefined as unknown as T;

/**
 * Every command's input schema, validated by dispatch on every transport. The tables live
 * with their schemas, one per namespace, so dispatch loads only the one a call needs
 * (input-loader.ts); this merge is for the types and for callers that want them all.
 * Adding a command means an entry in its namespace's table, an output here and a handler
 * in the router; the transports derive everything else.
 */
export const inputs = {
  ...appInputs,
  ...certInputs,
  ...filesInputs,
  ...nginxInputs,
  ...probeInputs,
  ...postureInputs,
  ...caInputs,
} as const satisfies Record<CommandName, z.ZodMiniType>;

/** Every command's output type, produced by the trusted side. */
export const outputs = {
  'app.info': out<AppInfo>(),
  'cert.inspect': out<InspectResult>(),
  'cert.verify': out<ValidationResult>(),
  'files.choose': out<ChosenFiles>(),
  'nginx.render': out<NginxRenderOutcome>(),
  'nginx.lint': out<NginxLintReport>(),
  'nginx.check': out<NginxTestResult>(),
  'nginx.diff': out<NginxDiffReport>(),
  'nginx.installPlan': out<NginxInstallPlan>(),
  'nginx.install': out<NginxInstallReport>(),
  'probe.run': out<ProbeReport>(),
  'health.list': out<readonly ProfileStatus[]>(),
  'health.save': out<ProfileStatus>(),
  'health.delete': out<{ readonly deleted: boolean }>(),
  'health.schedule': out<ProfileStatus>(),
  'env.read': out<EnvDocument>(),
  'env.preview': out<EnvPreview>(),
  'env.save': out<EnvSaveOutcome>(),
  'env.generateSecret': out<{ readonly value: string }>(),
  'posture.audit': out<AuditResult>(),
  'ca.status': out<CaOverview>(),
  'ca.unlock': out<VaultState>(),
  'ca.lock': out<VaultState>(),
  'ca.remember': out<VaultState>(),
  'ca.init': out<CaInfo>(),
  'ca.createIntermediate': out<CaInfo>(),
  'ca.import': out<CaInfo>(),
  'ca.rotate': out<CaInfo>(),
  'ca.issueDevice': out<IssueResult>(),
  'ca.issueServer': out<IssueResult>(),
  'ca.signCsr': out<IssueResult & { readonly certificatePem: string }>(),
  'ca.list': out<readonly IssuedCertificate[]>(),
  'ca.revoke': out<IssuedCertificate>(),
  'ca.renew': out<IssueResult>(),
  'ca.publishCrl': out<{ readonly crls: readonly CrlStatus[]; readonly combinedPath: string }>(),
  'ca.export': out<{ readonly files: readonly string[] }>(),
  'ca.auditLog': out<AuditLogView>(),
} satisfies Record<CommandName, unknown>;

/** Payload type of each event main pushes. */
export const events = {
  'app.notice': out<AppNotice>(),
  /** A profile's status changed: a probe finished, it was scheduled or paused, saved or deleted (then `deleted`). */
  'health.status': out<ProfileStatus | { readonly id: string; readonly deleted: true }>(),
  /** The vault locked or unlocked (also by the idle timer), or the CAs or inventory changed. */
  'ca.changed': out<CaOverview>(),
} satisfies Record<EventName, unknown>;
