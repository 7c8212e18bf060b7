import { z } from './zod';
import type { NamespaceInputs } from './namespace-inputs';

/**
 * The native open dialog, run by the main process so the renderer never names paths it
 * has not been given by the operator. Hosts without a dialog answer UNAVAILABLE.
 */
export const ChooseFilesSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  multiple: z._default(z.boolean(), true),
  filters: z._default(
    z
      .array(
        z.object({
          name: z.string().check(z.minLength(1), z.maxLength(60)),
          extensions: z.array(z.string().check(z.regex(/^[A-Za-z0-9*]{1,10}$/))).check(z.maxLength(20)),
        }),
      )
      .check(z.maxLength(8)),
    [],
  ),
});

export interface ChosenFiles {
  /** Absolute paths the operator picked; empty when the dialog was cancelled. */
  readonly paths: readonly string[];
}

export const filesInputs = { 'files.choose': ChooseFilesSchema } as const satisfies NamespaceInputs<'files'>;
