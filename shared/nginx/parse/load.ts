import { dirname, hasGlob, normalize, resolveAgainst } from '../posix-path';
import type { NginxDirective, ParsedNginxConfig, ParseError } from '../types';
import { parseNginx } from './parse';

/** The file system as the loader needs it; the main process passes a real one, tests an in-memory one. */
export interface ConfigReader {
  /** The file's text, or null when it does not exist or cannot be read. */
  read(path: string): Promise<string | null>;
  /** Absolute paths matching a glob pattern (absolute); order does not matter, the loader sorts like nginx. */
  glob(pattern: string): Promise<string[]>;
}

export interface LoadOptions {
  /** What relative include paths resolve against (nginx's conf prefix); default the directory of `file`. */
  readonly prefix?: string;
  /** Lint this text under the name `file` instead of reading `file`. */
  readonly text?: string;
}

/** Includes nest a few levels in real setups; a deeper chain is a mistake or a loop through globs. */
export const MAX_INCLUDE_DEPTH = 16;
/** Bounds work on a config whose globs pull in whole directories of files. */
export const MAX_INCLUDED_FILES = 1000;

interface LoadState {
  readonly reader: ConfigReader;
  readonly prefix: string;
  readonly files: string[];
  readonly errors: ParseError[];
}

async function readText(reader: ConfigReader, path: string): Promise<{ text: string } | { error: string }> {
  try {
    const text = await reader.read(path);
    return text === null ? { error: 'it does not exist or cannot be read' } : { text };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

async function targetsOf(state: LoadState, include: NginxDirective): Promise<string[]> {
  const arg = include.args[0] as string;
  const path = resolveAgainst(state.prefix, arg);
  if (!hasGlob(arg)) return [path];
  try {
    // glob() results are sorted, and nginx includes them in that order; no match is not an error.
    return [...(await state.reader.glob(path))].sort();
  } catch (err) {
    state.errors.push({ pos: include.pos, message: `include "${arg}": the pattern could not be expanded (${err instanceof Error ? err.message : String(err)})` });
    return [];
  }
}

async function expandInclude(state: LoadState, include: NginxDirective, chain: readonly string[]): Promise<NginxDirective[]> {
  if (include.args.length !== 1) {
    state.errors.push({ pos: include.pos, message: `"include" takes exactly one file name or pattern, not ${include.args.length}` });
    return [];
  }
  const out: NginxDirective[] = [];
  for (const target of await targetsOf(state, include)) {
    if (chain.includes(target)) {
      state.errors.push({ pos: include.pos, message: `include "${target}" loops back to a file that is already being included (${chain.join(' → ')})` });
      continue;
    }
    if (chain.length >= MAX_INCLUDE_DEPTH) {
      state.errors.push({ pos: include.pos, message: `include "${target}" is nested more than ${MAX_INCLUDE_DEPTH} levels deep; it is not read` });
      continue;
    }
    if (state.files.length >= MAX_INCLUDED_FILES && !state.files.includes(target)) {
      state.errors.push({ pos: include.pos, message: `include "${target}" is not read: the config already spans ${MAX_INCLUDED_FILES} files` });
      continue;
    }
    const read = await readText(state.reader, target);
    if ('error' in read) {
      state.errors.push({ pos: include.pos, message: `include "${target}" cannot be read: ${read.error}` });
      continue;
    }
    if (!state.files.includes(target)) state.files.push(target);
    const parsed = parseNginx(read.text, target);
    state.errors.push(...parsed.errors);
    out.push(...(await expandList(state, parsed.directives, [...chain, target])));
  }
  return out;
}

async function expandList(state: LoadState, directives: readonly NginxDirective[], chain: readonly string[]): Promise<NginxDirective[]> {
  const out: NginxDirective[] = [];
  for (const d of directives) {
    if (d.name === 'include' && d.block === null) out.push(...(await expandInclude(state, d, chain)));
    else if (d.block !== null) out.push({ ...d, block: await expandList(state, d.block, chain) });
    else out.push(d);
  }
  return out;
}

/**
 * Reads a config and expands its `include`s in place, as nginx does: relative names resolve
 * against the prefix, patterns through the reader's glob in sorted order. Unreadable files,
 * loops and runaway nesting become errors at the include's line; the rest still loads.
 */
export async function loadNginxConfig(file: string, reader: ConfigReader, options: LoadOptions = {}): Promise<ParsedNginxConfig> {
  const state: LoadState = { reader, prefix: options.prefix ?? dirname(file), files: [file], errors: [] };
  const read = options.text !== undefined ? { text: options.text } : await readText(reader, file);
  if ('error' in read) {
    const message = `${file} cannot be read: ${read.error}`;
    return { file, directives: [], errors: [{ pos: { file, line: 1, column: 1 }, message }], files: [file] };
  }
  const parsed = parseNginx(read.text, file);
  state.errors.push(...parsed.errors);
  const directives = await expandList(state, parsed.directives, [normalize(file)]);
  return { file, directives, errors: state.errors, files: state.files };
}
