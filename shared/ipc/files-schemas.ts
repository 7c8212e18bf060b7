import { z } from 'zod';
import type { NamespaceInputs } from './namespace-inputs';

/**
 * The native open dialog, run by the main process so the renderer never names paths it
 * has not been given by the operator. Hosts without a dialog answer UNAVAILABLE.
 */
export const ChooseFilesSchema = z
  .object({
    title: z.string().min(1).max(120),
    multiple: z.boolean().default(true),
    filters: z
      .array(z.object({ name: z.string().min(1).max(60), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20) }))
      .max(8)
      .default([]),
  })
  .strict();

export interface ChosenFiles {
  /** Absolute paths the operator picked; empty when the dialog was cancelled. */
  readonly paths: readonly string[];
}

export const filesInputs = { 'files.choose': ChooseFilesSchema } as const satisfies NamespaceInputs<'files'>;
