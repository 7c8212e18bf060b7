import { z } from 'zod';
import type { AppInfo, AppNotice } from '../model/app-info';
import type { InspectResult } from '../model/pki';
import type { ValidationResult } from '../pki/path/types';
import { InspectInputSchema, VerifyInputSchema } from './pki-schemas';
import { ChooseFilesSchema, type ChosenFiles } from './files-schemas';
import type { NginxDiffReport, NginxInstallPlan, NginxInstallReport, NginxLintReport, NginxRenderOutcome, NginxTestResult } from '../model/nginx';
import {
  NginxCheckInputSchema,
  NginxDiffInputSchema,
  NginxInstallInputSchema,
  NginxLintInputSchema,
  NginxRenderInputSchema,
} from './nginx-schemas';
import type { ProbeReport, ProfileStatus } from '../model/probe';
import type { AuditResult, EnvDocument, EnvPreview, EnvSaveOutcome } from '../model/posture';
import { EnvEditInputSchema, EnvGenerateSecretInputSchema, EnvReadInputSchema, PostureAuditInputSchema } from './posture-schemas';
import type { AuditLogView, CaInfo, CaOverview, CrlStatus, IssuedCertificate, IssueResult, VaultState } from '../model/ca';
import {
  CaImportInputSchema,
  CaInitInputSchema,
  CaIntermediateInputSchema,
  CaIssueDeviceInputSchema,
  CaIssueServerInputSchema,
  CaListInputSchema,
  CaOutDirInputSchema,
  CaRememberInputSchema,
  CaRenewInputSchema,
  CaRevokeInputSchema,
  CaRotateInputSchema,
  CaSignCsrInputSchema,
  CaUnlockInputSchema,
} from './ca-schemas';
import { HealthIdInputSchema, HealthSaveInputSchema, HealthScheduleInputSchema, ProbeRunInputSchema } from './probe-schemas';
import type { CommandName, EventName } from './channels';

/** Phantom value: carries an output type in the table at no run-time cost. */
const out = <T>(): T => undefined as unknown as T;

/**
 * Every command once: its input schema (validated by dispatch on every transport) and
 * its output type (produced by the trusted side). Adding a command means an entry here
 * and a handler in the router; the transports derive everything else.
 */
export const commands = {
  'app.info': { input: z.object({}).strict(), output: out<AppInfo>() },
  'cert.inspect': { input: InspectInputSchema, output: out<InspectResult>() },
  'cert.verify': { input: VerifyInputSchema, output: out<ValidationResult>() },
  'files.choose': { input: ChooseFilesSchema, output: out<ChosenFiles>() },
  'nginx.render': { input: NginxRenderInputSchema, output: out<NginxRenderOutcome>() },
  'nginx.lint': { input: NginxLintInputSchema, output: out<NginxLintReport>() },
  'nginx.check': { input: NginxCheckInputSchema, output: out<NginxTestResult>() },
  'nginx.diff': { input: NginxDiffInputSchema, output: out<NginxDiffReport>() },
  'nginx.installPlan': { input: NginxInstallInputSchema, output: out<NginxInstallPlan>() },
  'nginx.install': { input: NginxInstallInputSchema, output: out<NginxInstallReport>() },
  'probe.run': { input: ProbeRunInputSchema, output: out<ProbeReport>() },
  'health.list': { input: z.object({}).strict(), output: out<readonly ProfileStatus[]>() },
  'health.save': { input: HealthSaveInputSchema, output: out<ProfileStatus>() },
  'health.delete': { input: HealthIdInputSchema, output: out<{ readonly deleted: boolean }>() },
  'health.schedule': { input: HealthScheduleInputSchema, output: out<ProfileStatus>() },
  'env.read': { input: EnvReadInputSchema, output: out<EnvDocument>() },
  'env.preview': { input: EnvEditInputSchema, output: out<EnvPreview>() },
  'env.save': { input: EnvEditInputSchema, output: out<EnvSaveOutcome>() },
  'env.generateSecret': { input: EnvGenerateSecretInputSchema, output: out<{ readonly value: string }>() },
  'posture.audit': { input: PostureAuditInputSchema, output: out<AuditResult>() },
  'ca.status': { input: z.object({}).strict(), output: out<CaOverview>() },
  'ca.unlock': { input: CaUnlockInputSchema, output: out<VaultState>() },
  'ca.lock': { input: z.object({}).strict(), output: out<VaultState>() },
  'ca.remember': { input: CaRememberInputSchema, output: out<VaultState>() },
  'ca.init': { input: CaInitInputSchema, output: out<CaInfo>() },
  'ca.createIntermediate': { input: CaIntermediateInputSchema, output: out<CaInfo>() },
  'ca.import': { input: CaImportInputSchema, output: out<CaInfo>() },
  'ca.rotate': { input: CaRotateInputSchema, output: out<CaInfo>() },
  'ca.issueDevice': { input: CaIssueDeviceInputSchema, output: out<IssueResult>() },
  'ca.issueServer': { input: CaIssueServerInputSchema, output: out<IssueResult>() },
  'ca.signCsr': { input: CaSignCsrInputSchema, output: out<IssueResult & { readonly certificatePem: string }>() },
  'ca.list': { input: CaListInputSchema, output: out<readonly IssuedCertificate[]>() },
  'ca.revoke': { input: CaRevokeInputSchema, output: out<IssuedCertificate>() },
  'ca.renew': { input: CaRenewInputSchema, output: out<IssueResult>() },
  'ca.publishCrl': { input: z.object({}).strict(), output: out<{ readonly crls: readonly CrlStatus[]; readonly combinedPath: string }>() },
  'ca.export': { input: CaOutDirInputSchema, output: out<{ readonly files: readonly string[] }>() },
  'ca.auditLog': { input: z.object({}).strict(), output: out<AuditLogView>() },
} satisfies Record<CommandName, { input: z.ZodType; output: unknown }>;

/** Payload type of each event main pushes. */
export const events = {
  'app.notice': out<AppNotice>(),
  /** A profile's status changed: a probe finished, it was scheduled or paused, saved or deleted (then `deleted`). */
  'health.status': out<ProfileStatus | { readonly id: string; readonly deleted: true }>(),
  /** The vault locked or unlocked (also by the idle timer), or the CAs or inventory changed. */
  'ca.changed': out<CaOverview>(),
} satisfies Record<EventName, unknown>;
