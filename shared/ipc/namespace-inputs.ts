import { z } from './zod';
import type { CommandName } from './channels';

/**
 * The input schemas of one namespace's commands (`cert.*`, `ca.*`…), exactly those. Each
 * schema module exports its table so dispatch can load only the namespace a call needs
 * (input-loader.ts); contract.ts merges every table for the types.
 */
export type NamespaceInputs<N extends string> = { readonly [K in Extract<CommandName, `${N}.${string}`>]: z.ZodMiniType };

/** For commands that take nothing: an empty object, and nothing else. */
export const EmptyInputSchema = z.strictObject({});

export const appInputs = { 'app.info': EmptyInputSchema } as const satisfies NamespaceInputs<'app'>;
