import type { ParsedInput } from '../../../shared/ipc/types';
import type { AuditResult, EnvDocument, EnvPreview, EnvSaveOutcome } from '../../../shared/model/posture';

/** The Posture area's main-process side: reading, auditing, previewing and safely saving a `.env`. */
export interface PostureService {
  read(input: ParsedInput<'env.read'>): Promise<EnvDocument>;
  audit(input: ParsedInput<'posture.audit'>): Promise<AuditResult>;
  preview(input: ParsedInput<'env.preview'>): Promise<EnvPreview>;
  save(input: ParsedInput<'env.save'>): Promise<EnvSaveOutcome>;
  /** A fresh URL-safe secret from the CSPRNG; never logged. */
  generateSecret(input: ParsedInput<'env.generateSecret'>): Promise<{ readonly value: string }>;
}
