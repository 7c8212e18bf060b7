import { join } from 'node:path';
import { z } from '../../../shared/ipc/zod';
import { ProxyProfileDraftSchema } from '../../../shared/ipc/probe-schemas';
import type { ProxyProfile } from '../../../shared/model/probe';
import type { HealthFs } from './fs';

export const PROFILE_ID = /^[a-z0-9-]{1,64}$/;

const StoredProfilesSchema = z
  .strictObject({
    version: z.literal(1),
    profiles: z.array(z.required(ProxyProfileDraftSchema, { id: true })),
  })
  .check(z.refine((doc) => new Set(doc.profiles.map((p) => p.id)).size === doc.profiles.length, 'two profiles share one id'));

export interface LoadedProfiles {
  readonly profiles: readonly ProxyProfile[];
  /** Set when profiles.json was unreadable and moved aside: what the operator must be told. */
  readonly problem: string | null;
}

export const profilesPath = (dir: string): string => join(dir, 'profiles.json');

type Parsed = { readonly ok: true; readonly profiles: readonly ProxyProfile[] } | { readonly ok: false; readonly reason: string };

function parseProfiles(text: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `it is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = z.safeParse(StoredProfilesSchema, raw);
  if (parsed.success) return { ok: true, profiles: parsed.data.profiles };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unknown problem';
  return { ok: false, reason: `it does not hold valid profiles (${where})` };
}

/**
 * Reads `<dir>/profiles.json`. A damaged file is never overwritten: it is renamed to
 * `profiles.json.corrupt-<time>` (so the operator can repair and restore it) and the console
 * starts with no profiles.
 */
export async function loadProfiles(fs: HealthFs, dir: string, now: Date): Promise<LoadedProfiles> {
  const path = profilesPath(dir);
  const text = await fs.readText(path);
  if (text === null) return { profiles: [], problem: null };
  const parsed = parseProfiles(text);
  if (parsed.ok) return { profiles: parsed.profiles, problem: null };
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(path, aside);
  return {
    profiles: [],
    problem: `The health profiles file ${path} could not be used: ${parsed.reason}. It was kept as ${aside} and the console started with no profiles; repair it and move it back while the console is closed to restore them.`,
  };
}

export async function saveProfiles(fs: HealthFs, dir: string, profiles: readonly ProxyProfile[]): Promise<void> {
  await fs.ensureDir(dir);
  await fs.writeText(profilesPath(dir), `${JSON.stringify({ version: 1, profiles }, null, 2)}\n`);
}
