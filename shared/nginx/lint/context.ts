import { resolveAgainst } from '../posix-path';
import type { LintFinding, LintId, LintSeverity, NginxDirective } from '../types';
import type { ConfigModel } from './model';
import { readPkiFile, type PkiFileContent } from './pki-files';

/** What the lint needs beyond the config: the clock, nginx's prefix and the bytes of the files it names. */
export interface LintContext {
  readonly now: Date;
  /** Relative file names in directives resolve against this (nginx's conf prefix). */
  readonly prefix: string;
  /** Absolute path → contents, for the paths referencedFiles() returned; missing ones are skipped. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** A rule's view: the context plus cached, parsed PKI files by the path a directive names. */
export interface RuleContext extends LintContext {
  /** Parsed contents of the file a directive's first argument names; null when its bytes were not given. */
  pki(directive: NginxDirective): { readonly path: string; readonly content: PkiFileContent } | null;
}

export type Rule = (model: ConfigModel, ctx: RuleContext) => LintFinding[];

export function ruleContext(ctx: LintContext): RuleContext {
  const cache = new Map<string, PkiFileContent>();
  return {
    ...ctx,
    pki(directive) {
      const arg = directive.args[0];
      if (arg === undefined) return null;
      const path = resolveAgainst(ctx.prefix, arg);
      const bytes = ctx.files.get(path);
      if (!bytes) return null;
      let content = cache.get(path);
      if (!content) {
        content = readPkiFile(bytes, path);
        cache.set(path, content);
      }
      return { path, content };
    },
  };
}

/** A finding located at the directive that causes it. */
export function findingAt(id: LintId, severity: LintSeverity, at: NginxDirective, message: string, fix: string): LintFinding {
  return { id, severity, file: at.pos.file, line: at.pos.line, message, fix };
}
