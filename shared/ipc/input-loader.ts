import type { z } from './zod';
import type { CommandName } from './channels';
import type { inputs } from './contract';

type Namespace = CommandName extends `${infer N}.${string}` ? N : never;
type Table = Readonly<Partial<Record<CommandName, z.ZodMiniType>>>;

/**
 * Where each namespace's input schemas live. A CLI run validates one command; building
 * every schema of the contract up front cost it a third of its start-up.
 */
const TABLES: { readonly [N in Namespace]: () => Promise<Table> } = {
  app: async () => (await import('./namespace-inputs')).appInputs,
  cert: async () => (await import('./pki-schemas')).certInputs,
  files: async () => (await import('./files-schemas')).filesInputs,
  nginx: async () => (await import('./nginx-schemas')).nginxInputs,
  probe: async () => (await import('./probe-schemas')).probeInputs,
  health: async () => (await import('./probe-schemas')).probeInputs,
  env: async () => (await import('./posture-schemas')).postureInputs,
  posture: async () => (await import('./posture-schemas')).postureInputs,
  ca: async () => (await import('./ca-schemas')).caInputs,
};

/** The input schema of one command, loading its namespace's module on first use. */
export async function loadInputSchema<K extends CommandName>(name: K): Promise<(typeof inputs)[K]> {
  const namespace = name.slice(0, name.indexOf('.')) as Namespace;
  const schema = (await TABLES[namespace]())[name];
  // Unreachable while every table satisfies NamespaceInputs; input-loader.test.ts checks each command.
  if (!schema) throw new Error(`no input schema for ${name}`);
  return schema as (typeof inputs)[K];
}
